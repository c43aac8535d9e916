"""Russian phrase families (data only): what servers and relays answering in Russian say.

Patterns are searched in the lower-cased, accent-folded diagnostic (parsers.reasons.families):
write them in lower case; accents may be written or left out (they are folded on both sides).
"""

from __future__ import annotations

from typing import Final

from parsers.reasons.codes import ACCOUNT_DISABLED, HOST_UNKNOWN, MAILBOX_FULL, SUSPEND, USER_UNKNOWN

PHRASES: Final[dict[str, tuple[str, ...]]] = {
    USER_UNKNOWN: (
        r"(?:пользовател[ья]|получател[ья]|адресат|адрес|почтов(?:ый|ого) ящик|ящик) (?:с таким именем )?"
        r"(?:не найден|не существует|неизвестен)",
        r"(?:такого|указанного) (?:пользователя|адреса|почтового ящика|получателя) (?:не существует|нет)",
        r"нет такого (?:пользователя|адреса|ящика|получателя)",
        r"неизвестный (?:пользователь|получатель|адрес)",
    ),
    MAILBOX_FULL: (
        r"(?:почтовый )?ящик (?:получателя )?(?:переполнен|заполнен)",
        r"превышен[аы]? (?:квота|лимит|размер)(?: (?:почтового )?ящика)?",
        r"квота (?:почтового )?(?:ящика )?превышена",
        r"недостаточно (?:свободного )?места|нет (?:свободного )?места в (?:почтовом )?ящике",
    ),
    SUSPEND: (r"(?:временно )?(?:заблокирован|приостановлен)[аоы]?",),
    ACCOUNT_DISABLED: (
        r"(?:учетная запись|учётная запись|аккаунт|почтовый ящик|ящик|адрес)(?: получателя)? "
        r"(?:был[аио]? )?(?:отключен|удал[её]н|закрыт|деактивирован|заблокирован навсегда)[аоы]?",
    ),
    HOST_UNKNOWN: (
        r"домен (?:не найден|не существует|неизвестен)",
        r"(?:несуществующий|неизвестный) домен|такого домена не существует",
    ),
}
