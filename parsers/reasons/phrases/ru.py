"""Russian phrase families (data only): what servers and relays answering in Russian say.

Patterns are searched in the lower-cased, accent-folded diagnostic (parsers.reasons.families):
write them in lower case; accents may be written or left out (they are folded on both sides).
"""

from __future__ import annotations

from parsers.reasons.codes import (
    ACCOUNT_DISABLED,
    BLOCKED,
    EXPIRED,
    HOST_UNKNOWN,
    MAILBOX_FULL,
    REJECTED,
    SPAM_DETECTED,
    SUSPEND,
    USER_UNKNOWN,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final

# The recipient's domain unknown, whose domain after the noun: the domain is gone (host_unknown),
# not the user whose noun stands inside it; the verdict is named too, so a user unknown *in* that
# domain stays the user.
_RECIPIENTS_DOMAIN_GONE: Final = r"домен (?:получателя|адресата) (?:не найден|не существует|неизвестен)"

# The sender refused or unknown (its address or domain, as the MAIL FROM answer words it): the
# sender's (soft, sender-side), whatever user-unknown status the reply carries (VETO).
_SENDER_REFUSED: Final = (
    r"(?:(?:адрес|домен) )?отправител[ья] (?:был )?(?:отклон[её]н|неизвестен|не существует|не найден|неверен)"
    r"|неизвестный отправитель"
)

PHRASES: Final[dict[str, tuple[str, ...]]] = {
    USER_UNKNOWN: (
        # (Notes/Domino: the user is not in the directory)
        r"(?:отсутствует|не указан|не найден|не значится|не числится) в (?:каталоге|справочнике) domino",
        # "invalid address", "no user with this address"
        r"неверный (?:адрес|получатель)(?! отправител)",
        r"нет (?:пользователя|получателя|ящика) с таким (?:адресом|именем)",
        # absent from the server's system ("Пользователь отсутствует в нашей системе")
        r"(?:пользователь|получатель|адресат|почтовый ящик) отсутствует в (?:нашей |данной |этой )?системе",
        r"(?:пользовател[ья]|получател[ья]|адресат|адрес|почтов(?:ый|ого) ящик|ящик|уч(?:е|ё)тная запись(?: электронной почты)?)"
        # ("with such a name", "with such an address" between noun and verb: "Пользователь с
        # таким адресом не существует")
        r" (?:с таким (?:именем|адресом) )?"
        r"(?:не найден|не существует|неизвестен)",
        # the address between noun and verb (Yandex: "Почтовый ящик a@b не существует")
        r"(?:почтовый ящик|ящик|пользователь|получатель|адрес) <?[^\s@]{1,64}@\S{1,255}>? "
        r"(?:не найден|не существует)",
        r"(?:такого|указанного) (?:пользователя|адреса|почтового ящика|ящика|получателя|адресата) (?:не существует|нет)",
        r"нет такого (?:пользователя|адреса|ящика|получателя|адресата)",
        r"неизвестный (?:пользователь|получатель|адрес)",
        r"адрес электронной почты (?:не найден|не существует)",
        # (Exchange: "Не удалось найти введенный адрес электронной почты", with or without "вами")
        r"не удалось найти (?:вв[её]денный (?:вами )?|указанный )?адрес",
        # the address itself not found ("Не удалось найти a@b в x")
        r"не удалось найти (?:получателя |пользователя )?<?[^\s@]{1,64}@[^\s>]{1,255}>?",
        r"такого (?:ящика|адреса|пользователя|получателя) нет",
        # Exchange Online: "<пользователь> не найден в <домен>."
        r"не найден[аоы]? (?:в|на) [a-z0-9][a-z0-9-]{0,62}(?:\.[a-z0-9-]{1,63})+",
    ),
    MAILBOX_FULL: (
        r"(?:почтовый )?ящик (?:получателя )?(?:переполнен|заполнен)",
        r"превышен[аы]? (?:квота|лимит|размер)(?: (?:почтового )?ящика)?",
        r"квота (?:почтового )?(?:ящика )?превышена",
        r"недостаточно (?:свободного )?места|нет (?:свободного )?места в (?:почтовом )?ящике",
    ),
    SUSPEND: (
        r"(?:временно )?(?:заблокирован|приостановлен)[аоы]?(?![аоы])"
        r"(?! навсегда| (?:за|из-за|по причине|в связи с) (?:длительн\w+ )?"
        r"(?:неиспользовани|неактивност|отсутстви))",
    ),
    ACCOUNT_DISABLED: (
        r"(?:учетная запись|учётная запись|аккаунт|почтовый ящик|ящик|адрес)(?: получателя)? "
        r"(?:был[аио]? )?(?:отключен|удал[её]н|закрыт|деактивирован|заблокирован навсегда)[аоы]?",
        # expired ("срок действия учетной записи истек")
        r"срок действия (?:учетной записи|учётной записи|аккаунта|почтового ящика|ящика|адреса) (?:истек|истёк)",
        # blocked or closed for non-use: the address is gone, not paused
        r"(?:заблокирован|отключен|удал[её]н|закрыт)[аоы]? (?:за|из-за|по причине|в связи с) "
        r"(?:длительн\w+ )?(?:неиспользовани|неактивност|отсутстви)",
        # an address "no longer in use" or that "no longer accepts mail" (Plesk's Russian notice "этот
        # адрес больше не принимает писем"): closed, as English's "no longer in use"
        r"(?:адрес|ящик|учетная запись|учётная запись|аккаунт)(?: <?[^\s@]{1,64}@\S{1,255}>?)? (?:больше|более|уже) не "
        r"(?:используется|обслуживается|действителен|активен|принимает (?:писем|письма|почту|сообщени))",
    ),
    HOST_UNKNOWN: (
        r"домен (?:не найден|не существует|неизвестен)",
        _RECIPIENTS_DOMAIN_GONE,
        r"(?:несуществующий|неизвестный) домен|такого домена не существует",
    ),
    # the message refused as spam, or classified so (soft: the message, not the address)
    SPAM_DETECTED: (
        r"(?:отклонен|распознан|определен|классифицирован|помечен|признан)[оа]? как спам",
        r"подозрени[еяю] на спам",
    ),
    # the server gave up after days of trying: a final report's own sentence ("Доставка
    # прекращена", "Попытки доставки прекращены", "Превышено время ожидания в очереди", "не удалось
    # доставить в течение 5 дней")
    EXPIRED: (
        r"доставка (?:сообщения |письма )?прекращена|попытки доставки (?:были )?прекращены",
        r"превышено (?:максимальное )?время (?:ожидания в очереди|доставки|нахождения в очереди)",
        r"не удалось доставить (?:сообщение |письмо )?(?:в течение|за) \d+ (?:дн|час|сут)",
        # "истёк срок доставки" (the delivery time ran out)
        r"ист[её]к(?:ло)? (?:срок|время) (?:доставки|ожидания)|срок доставки ист[её]к",
    ),
    # the sender or its IP address blocked or black-listed ("Отправитель заблокирован", "Ваш IP-адрес
    # находится в черном списке")
    BLOCKED: (
        r"отправитель (?:был )?заблокирован|(?:ip-адрес|ip адрес|ip) (?:отправителя )?(?:заблокирован|находится в ч[её]рном списке)",
        r"(?:находится|внесен|занесен) в ч[её]рн(?:ый|ом) спис(?:ок|ке)",
    ),
}

# Exceptions to this language's families (the counterparts of English's).
UNLESS: Final[dict[str, tuple[str, ...]]] = {
    USER_UNKNOWN: (_RECIPIENTS_DOMAIN_GONE,),
    # the sender's own account ("your account is disabled"): a sender-side refusal, never the
    # recipient's address being gone
    ACCOUNT_DISABLED: (r"\bваш[аеи]? (?:учетная запись|учётная запись|аккаунт)",),
    # a domain "not found" that says to try again later, or calls the DNS error temporary, says
    # nothing about the domain: a network error, soft
    HOST_UNKNOWN: (
        r"домен(?:а)? отправителя",  # (the sender's domain)
        r"(?:повтори(?:те)? попытку|попробуйте(?: ещё раз| еще раз)?) (?:позже|позднее)",
        r"временная ошибка",
    ),
    # the sender blocked ("Отправитель заблокирован"): not the recipient's mailbox suspended
    SUSPEND: (r"отправител[ьяюе]",),
}

# A user-unknown status code on a refusal of the sender does not make the recipient unknown.
VETO: Final[dict[str, tuple[str, ...]]] = {REJECTED: (_SENDER_REFUSED,)}
