"""Bulgarian phrase families (data only): what servers and relays answering in Bulgarian say (abv.bg,
mail.bg, Vivacom, A1 Bulgaria, localized Exchange/Outlook reports, Postfix and Exim templates of
Bulgarian hosts).

Patterns are searched in the lower-cased diagnostic (parsers.reasons.families); Cyrillic is only
lower-cased. Participles are written for both genders: the account (акаунтът, профилът) is masculine,
the mailbox (пощенската кутия) feminine.
"""

from __future__ import annotations

from parsers.reasons.codes import (
    ACCOUNT_DISABLED,
    BLOCKED,
    EXPIRED,
    HOST_UNKNOWN,
    MAILBOX_FULL,
    SPAM_DETECTED,
    SUSPEND,
    USER_UNKNOWN,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final

_NON_USE = r"поради (?:продължителна |дългосрочна )?(?:неактивност|неизползване)"
_CLOSED = r"(?:деактивиран|закрит|изтрит|премахнат|прекратен|блокиран|спрян)[ао]?"

PHRASES: Final[dict[str, tuple[str, ...]]] = {
    USER_UNKNOWN: (
        r"несъществуващ(?:а|ия|ата)? (?:потребител|получател|адрес|имейл|пощенска кутия|акаунт)",
        r"(?:потребителят|получателят|адресатът|адресът|имейл адресът|имейлът|пощенската кутия|акаунтът)"
        r"(?: на получателя)?"
        r" (?:не съществува|не е намерен[ао]?|е неизвестен|е непознат|е невалиден|не (?:беше|бе) намерен[ао]?)",
        r"(?:непознат|неизвестен|невалиден) (?:потребител|получател|адрес)",
        # "with such an address (name)" between noun and verb ("Потребител с такъв адрес не съществува")
        r"(?:потребител|получател|акаунт)(?:ят|ът)? с такъв (?:адрес|имейл|име) (?:не съществува|не е намерен)",
        r"няма такъв (?:потребител|получател|адрес|акаунт)|няма такава (?:пощенска кутия|кутия)",
        # Exchange: "Имейл адресът, който въведохте, не може да бъде намерен."
        r"адресът, който въведохте, не (?:може да бъде|беше|е) намерен",
        r"(?:въведеният|посоченият) (?:от вас )?(?:имейл )?адрес не (?:може да бъде|беше|е) намерен",
    ),
    MAILBOX_FULL: (
        r"(?:пощенската кутия|кутията)(?: на получателя)? е (?:пълна|препълнена)",
        r"препълнена (?:пощенска )?кутия",
        r"(?:квотата|лимитът)(?: на пощенската кутия)? (?:е )?(?:надвишен|превишен|изчерпан)[ао]?",
        r"(?:надвишена|превишена|изчерпана) квота",
    ),
    SUSPEND: (r"временно (?:блокиран|спрян|деактивиран|недостъпн|заключен)[ао]?",),
    ACCOUNT_DISABLED: (
        r"(?:акаунтът|профилът|пощенската кутия|кутията|регистрацията|адресът)(?: на получателя)? (?:е |беше |бе )?"
        r"(?:деактивиран|закрит|изтрит|премахнат|прекратен)[ао]?(?! временно)",
        # blocked or closed for non-use: the address is gone, not paused
        _CLOSED + " " + _NON_USE,
        _NON_USE + r" (?:е |беше )?" + _CLOSED,
        # an address "no longer in use" ("Този адрес вече не се използва"): closed, as English's
        # (whose, named between: "адресът на получателя"; the sender's is not it)
        r"(?:адрес(?:ът)?|пощенската кутия|кутията|акаунтът|профилът)(?: на получателя)? вече не "
        r"(?:се използва|е активн|е валид|приема)",
    ),
    HOST_UNKNOWN: (
        r"(?:домейнът|домейна|доменът)(?: на получателя)? (?:не съществува|е неизвестен|не е намерен)",
        r"(?:несъществуващ|неизвестен|непознат) домейн",
    ),
    # the message refused as spam, or classified so (soft: the message, not the address)
    SPAM_DETECTED: (r"(?:отхвърлен|маркиран|разпознат|определен|класифициран)[оа]? като спам",),
    # the sender or its IP address blocked or black-listed ("Подателят е блокиран", "IP адресът е в
    # черния списък")
    BLOCKED: (
        r"подателят (?:е |беше |бе )?блокиран|(?:ip адресът|ip адрес|ip)(?: на подателя)? (?:е )?"
        r"(?:блокиран|в черния списък|в черен списък)",
        r"(?:в|във) черния списък|в черен списък",
    ),
    # the server gave up after its time ("Времето за доставка изтече", "Изтече срокът за доставка")
    EXPIRED: (
        r"(?:времето|срокът) за (?:доставка|изчакване) (?:е )?(?:изтече|изтекло|изтекъл)",
        r"изтече (?:времето|срокът) за (?:доставка|изчакване)",
    ),
}

# Exceptions to this language's families (the counterparts of English's).
UNLESS: Final[dict[str, tuple[str, ...]]] = {
    # a domain "not found" that says to try again later, or calls the error temporary, says nothing
    # about the domain (a network error, soft); the sender's domain is a refusal of the sender
    HOST_UNKNOWN: (r"домейнът на подателя", r"опитайте (?:отново )?по-късно", r"временна грешка"),
}
