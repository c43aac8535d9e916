"""Ukrainian phrase families (data only): what servers and relays answering in Ukrainian say
(Ukr.net, i.ua, meta.ua, localized Exchange/Outlook reports and Postfix templates).

Patterns are searched in the lower-cased diagnostic (parsers.reasons.families): write them in
lower case.
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

_NON_USE = r"(?:через|за|у зв'язку з|з причини) (?:невикористанн|неактивн|тривал)"

# The recipient's domain unknown, whose domain after the noun: the domain is gone (host_unknown),
# not the user whose noun stands inside it; the verdict is named too, so a user unknown *in* that
# domain stays the user.
_RECIPIENTS_DOMAIN_GONE: Final = r"домен (?:одержувача|адресата) (?:не знайдено|не існує|невідомий)"

# The sender refused or unknown (its address or domain, as the MAIL FROM answer words it): the
# sender's (soft, sender-side), whatever user-unknown status the reply carries (VETO).
_SENDER_REFUSED: Final = r"(?:(?:адрес[уа]|домен) )?відправника? (?:відхилено|невідом(?:ий|а)|не існує|не знайдено)|невідомий відправник"

PHRASES: Final[dict[str, tuple[str, ...]]] = {
    USER_UNKNOWN: (
        r"(?:користувач[аі]?|одержувач[аі]?|отримувач[аі]?|адресат[аі]?|адрес[иау]|поштов(?:ої|у|а) скриньк[аиу]"
        # ("with such a name", "with such an address" between noun and verb: Ukr.net's
        # "Користувача з такою адресою не існує")
        r"|скриньк[аиу]) (?:з (?:таким ім'ям|такою адресою) )?(?:не знайдено|не існує|невідом[аи]й?|не знайден[аи]?й?)",
        r"(?:такого|такої|вказаного|вказаної) (?:користувача|адреси|поштової скриньки|скриньки|одержувача|отримувача)"
        r" (?:не існує|немає)",
        r"немає такого (?:користувача|одержувача|отримувача|адресата)|немає такої (?:адреси|скриньки)",
        r"невідом(?:ий|а) (?:користувач|одержувач|отримувач|адресат|адреса)",
        # Exchange: "Не вдалося знайти вказану адресу електронної пошти."
        r"не вдалося знайти (?:введену |вказану )?адресу",
    ),
    MAILBOX_FULL: (
        r"(?:поштова )?скринька (?:одержувача |отримувача )?(?:переповнена|заповнена)",
        r"перевищено (?:квоту|ліміт|розмір|обсяг)|квот[ау] (?:поштової скриньки )?перевищено",
        r"недостатньо (?:вільного )?місця|немає (?:вільного )?місця в (?:поштовій )?скриньці",
    ),
    SUSPEND: (
        r"(?:тимчасово )?(?:заблоковано|призупинено|заблокована|заблокований)"
        r"(?! назавжди| " + _NON_USE + r")",
    ),
    ACCOUNT_DISABLED: (
        r"(?:обліковий запис|акаунт|поштов(?:у|а) скриньк[уа]|скриньк[уа]|адрес[ау])(?: одержувача| отримувача)? "
        r"(?:було )?(?:вимкнено|видалено|закрито|деактивовано|заблоковано назавжди|видалена|закрита|вимкнена)",
        # blocked or closed for non-use: the address is gone, not paused
        r"(?:заблоковано|вимкнено|видалено|закрито|заблокована|видалена|закрита) " + _NON_USE,
        # an address "no longer in use" or that "no longer accepts mail": closed, as English's
        r"(?:адреса|скринька|обліковий запис|акаунт)(?: <?[^\s@]{1,64}@\S{1,255}>?)? (?:більше|вже) не "
        r"(?:використовується|обслуговується|дійсн(?:а|ий)|активн(?:а|ий)|приймає (?:листів|листи|пошту|повідомлен))",
    ),
    HOST_UNKNOWN: (
        r"домен (?:не знайдено|не існує|невідомий)",
        _RECIPIENTS_DOMAIN_GONE,
        r"(?:неіснуючий|невідомий) домен|такого домену не існує",
    ),
    # the message refused as spam, or classified so (soft: the message, not the address)
    SPAM_DETECTED: (
        r"(?:відхилен|розпізнан|визначен|позначен|класифікован)[оа]? як спам",
        r"підозр\w{0,4} на спам",
    ),
    # the sender or its IP address blocked or black-listed ("Відправника заблоковано", "IP-адреса
    # відправника в чорному списку"), as Russian's
    BLOCKED: (
        r"відправник(?:а)? (?:був |було )?заблокован(?:о|ий)|(?:ip-адреса|ip адреса|ip) (?:відправника )?"
        r"(?:заблоковано|заблокована|(?:знаходиться )?в чорному списку)",
        r"(?:знаходиться|внесен[оаи]?|занесен[оаи]?) (?:в|до) чорн(?:ий|ого|ому) списк",
    ),
    # the server gave up after its time ("Час очікування доставки вичерпано", "Минув термін доставки")
    EXPIRED: (
        r"час (?:очікування|доставки)(?: доставки)? (?:вичерпано|минув|сплив)",
        r"(?:минув|сплив|вичерпано) (?:термін|час) (?:доставки|очікування)|термін доставки (?:минув|сплив)",
    ),
}

# Exceptions to this language's families (the counterparts of English's).
UNLESS: Final[dict[str, tuple[str, ...]]] = {
    USER_UNKNOWN: (_RECIPIENTS_DOMAIN_GONE,),
    # the sender blocked ("Відправника заблоковано"): not the recipient's mailbox suspended
    SUSPEND: (r"відправник",),
    # a domain "not found" that says to try again later, or calls the DNS error temporary, says
    # nothing about the domain: a network error, soft
    HOST_UNKNOWN: (
        r"(?:спробуйте(?: ще раз)?|повторіть спробу) пізніше",
        r"тимчасова помилка",
    ),
}

# A user-unknown status code on a refusal of the sender does not make the recipient unknown.
VETO: Final[dict[str, tuple[str, ...]]] = {REJECTED: (_SENDER_REFUSED,)}
