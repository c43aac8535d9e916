"""Swahili phrase families (data only): what servers and webmail answering in Swahili say (Gmail's
and Outlook's localized reports, East African hosting).

Swahili marks tense and subject on the verb ("haikupatikana": it was not found; "kimejaa": it has
filled up), after the noun ("anwani haikupatikana": the address was not found).
"""

from __future__ import annotations

from parsers.reasons.codes import ACCOUNT_DISABLED, HOST_UNKNOWN, MAILBOX_FULL, USER_UNKNOWN

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final

PHRASES: Final[dict[str, tuple[str, ...]]] = {
    USER_UNKNOWN: (
        # Gmail: "kwa sababu anwani haikupatikana" (because the address was not found)
        r"anwani(?: hiyo| hii| ya barua pepe)?(?: ya mpokeaji)? (?:haikupatikana|haipo|haijulikani|si sahihi)",
        r"(?:mtumiaji|mpokeaji) (?:huyo |huyu )?(?:hayupo|hakupatikana|hajulikani)",
        r"akaunti(?: hiyo| hii)? (?:haipo|haikupatikana)",
        # "the e-mail does not exist" (the mail itself as the noun: "barua pepe haipo")
        r"barua pepe(?: hiyo| hii)?(?: ya mpokeaji)? (?:haipo|haikupatikana|haijulikani)",
    ),
    MAILBOX_FULL: (
        r"(?:kisanduku(?: cha (?:barua|ujumbe)(?: pepe)?)?|sanduku la barua(?: pepe)?)(?: cha mpokeaji| la mpokeaji)?"
        r" (?:kimejaa|limejaa)",
    ),
    ACCOUNT_DISABLED: (
        r"akaunti(?: ya barua pepe)?(?: ya mpokeaji)? (?:imefungwa|imezimwa|imefutwa|imeisha muda|haitumiki tena)",
    ),
    HOST_UNKNOWN: (
        r"(?:kikoa|domeni)(?: hicho| hiyo| cha mpokeaji)? (?:hakipo|haipo|hakijulikani|hakikupatikana|haikupatikana)",
    ),
}

# Exceptions to this language's families (the counterparts of English's): a domain "not found" that
# says to try again later, or calls the error temporary, says nothing about the domain (a network
# error, soft)
UNLESS: Final[dict[str, tuple[str, ...]]] = {
    HOST_UNKNOWN: (r"jaribu tena baadaye", r"hitilafu ya muda"),
}
