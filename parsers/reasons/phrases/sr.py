"""Serbian phrase families in Cyrillic (data only): what Serbian servers and relays (Telekom
Srbija/mts, SBB, Eunet, localized Exchange and Postfix templates) say in Cyrillic. Serbian written
in Latin script shares its words with Croatian and Bosnian: hr.py reads it.

Patterns are searched in the lower-cased diagnostic.
"""

from __future__ import annotations

from parsers.reasons.codes import (
    ACCOUNT_DISABLED,
    BLOCKED,
    HOST_UNKNOWN,
    MAILBOX_FULL,
    SPAM_DETECTED,
    SUSPEND,
    TOO_MANY_CONNECTIONS,
    USER_UNKNOWN,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final

# the recipient's, after its noun ("адреса примаоца", the recipient's address)
_WHOSE = r"(?: примаоца| корисника)?"
_NON_USE = r"(?:због|услед) (?:дуже |дуготрајне )?(?:неактивности|некоришћења)"

# The recipient's domain unknown: the domain is gone (host_unknown), not a user inside it.
_RECIPIENTS_DOMAIN_GONE: Final = r"домен примаоца (?:не постоји|није пронађен|је непознат)"

PHRASES: Final[dict[str, tuple[str, ...]]] = {
    USER_UNKNOWN: (
        r"(?:корисник|прималац|адреса|е-?адреса|адреса е-поште|сандуче|налог)"
        + _WHOSE
        + r" (?:не постоји|није пронађен[аи]?|није нађен[аи]?|је непознат[аи]?)",
        r"непознат[аи]? (?:корисник|прималац|адреса)",
        r"непостојећ[аиу]? (?:корисник|прималац|адрес)",
    ),
    MAILBOX_FULL: (
        r"сандуче" + _WHOSE + r" је (?:пуно|препуно|попуњено)",
        r"прекорачен[аи]? квот|квота (?:је )?прекорачена",
    ),
    SUSPEND: (r"привремено (?:блокиран|суспендован|онемогућен|деактивиран|недоступан|недоступн)[аои]?",),
    ACCOUNT_DISABLED: (
        r"(?:налог|рачун|сандуче|адреса)" + _WHOSE + r" је (?:деактивиран|угашен|обрисан|избрисан|затворен"
        r"|укинут|онемогућен)[аои]?",
        r"(?:блокиран|угашен|затворен|деактивиран)[аои]? " + _NON_USE,
    ),
    HOST_UNKNOWN: (r"домен не постоји", _RECIPIENTS_DOMAIN_GONE, r"(?:непознат|непостојећ)[иа]? домен"),
    SPAM_DETECTED: (r"(?:одбијен|означен|препознат|класификован)[аои]? као (?:спам|нежељен)",),
    # the sender or its IP address black-listed ("ИП адреса је на црној листи")
    BLOCKED: (r"(?:на|у) црној листи|(?:на|у) црну листу",),
    # too many recipients in one message ("превише прималаца"): a limit on the sender's message,
    # soft (English's "too many recipients")
    TOO_MANY_CONNECTIONS: (r"превише прималаца",),
}

UNLESS: Final[dict[str, tuple[str, ...]]] = {
    USER_UNKNOWN: (_RECIPIENTS_DOMAIN_GONE,),
    # a domain "not found" that says to try again later, or calls the error temporary: soft; the
    # sender's domain is a refusal of the sender
    HOST_UNKNOWN: (r"домен пошиљаоца", r"покушајте (?:поново|опет) касније", r"привремена грешка"),
}
