"""Icelandic phrase families (data only): what servers and relays answering in Icelandic say.

Patterns are searched in the lower-cased, accent-folded diagnostic (parsers.reasons.families):
write them in lower case; accents may be written or left out ("ó" folds to "o"), but "þ", "ð" and
"æ" are letters of their own and stay. Icelandic marks the definite noun with a suffix
("pósthólfið", the mailbox; "notandinn", the user): the noun is written with its suffixes.
"""

from __future__ import annotations

from parsers.reasons.codes import (
    ACCOUNT_DISABLED,
    HOST_UNKNOWN,
    MAILBOX_FULL,
    SUSPEND,
    USER_UNKNOWN,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final

PHRASES: Final[dict[str, tuple[str, ...]]] = {
    USER_UNKNOWN: (
        # "the user / recipient / address does not exist" or "was not found", "unknown recipient"
        r"(?:notandi|notandinn|viðtakandi|viðtakandinn|netfang|netfangið|postholf|postholfið) (?:er ekki til|fannst ekki)",
        r"oþekkt(?:ur)? (?:notandi|viðtakandi|netfang)",
        r"(?:notandi|viðtakandi|netfang) (?:er )?oþekkt(?:ur)?",
    ),
    MAILBOX_FULL: (r"postholf(?:ið)?(?: viðtakanda)? (?:er )?fullt",),
    # closed "for a while" (before or after the verb): a pause
    SUSPEND: (
        r"(?:aðgangur|aðgangurinn|reikningur|reikningurinn|postholf|postholfið) (?:hefur verið |er )?(?:timabundið"
        r" (?:lokað|læst|gert ovirkt)|(?:lokað|læst)(?:ur)? timabundið)",
    ),
    ACCOUNT_DISABLED: (
        r"(?:aðgangur|aðgangurinn|reikningur|reikningurinn|netfang|netfangið|postholf|postholfið) (?:hefur verið |er )?"
        r"(?:lokað(?:ur)?|eytt|gert ovirkt)",
        r"(?:netfang|netfangið|postholf|postholfið) er ekki lengur (?:i notkun|virkt)",
    ),
    HOST_UNKNOWN: (r"len(?:ið)? (?:er ekki til|fannst ekki)|oþekkt len",),
}
