"""Belarusian phrase families (data only): what servers and relays answering in Belarusian say
(localized Exchange/Outlook reports, Belarusian hosts; most Belarusian ISPs answer in Russian, which
ru.py reads). Belarusian's nouns and participles differ from Russian's ("карыстальнік",
"скрыня", "не знойдзены").

Patterns are searched in the lower-cased diagnostic.
"""

from __future__ import annotations

from parsers.reasons.codes import ACCOUNT_DISABLED, HOST_UNKNOWN, MAILBOX_FULL, SUSPEND, USER_UNKNOWN

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final

_WHOSE = r"(?: атрымальніка)?"

PHRASES: Final[dict[str, tuple[str, ...]]] = {
    USER_UNKNOWN: (
        r"(?:карыстальнік|атрымальнік|адрасат|адрас|адрас электроннай пошты|паштовая скрыня|скрыня|уліковы запіс)"
        + _WHOSE
        + r" (?:не знойдзен[аы]?|не існуе|невядом[ыа]?)",
        r"няма такога (?:карыстальніка|атрымальніка|адраса)",
        r"невядом[ыа] (?:карыстальнік|атрымальнік|адрас)",
    ),
    MAILBOX_FULL: (
        r"скрыня" + _WHOSE + r" (?:перапоўнена|запоўнена)",
        r"перавышан[аы]? (?:квота|ліміт)",
    ),
    SUSPEND: (r"часова (?:заблакаван|прыпынен|адключан)",),
    ACCOUNT_DISABLED: (
        r"(?:уліковы запіс|акаўнт|паштовая скрыня|скрыня)"
        + _WHOSE
        + r" (?:быў |была )?(?:адключан|выдален|закрыт"
        r"|дэактываван)[аы]?",
    ),
    HOST_UNKNOWN: (r"дамен" + _WHOSE + r" (?:не знойдзены|не існуе|невядомы)",),
}

UNLESS: Final[dict[str, tuple[str, ...]]] = {
    # the sender's domain is a refusal of the sender; "try again later" is a network error: soft
    HOST_UNKNOWN: (r"дамен адпраўніка", r"паспрабуйце (?:яшчэ раз )?пазней"),
}
