"""Filipino (Tagalog) phrase families (data only): what servers and webmail answering in Filipino
say (Gmail's and Outlook's localized reports, Philippine hosting panels).

Filipino keeps English nouns for mail ("address", "account", "inbox", "mailbox", "domain") and puts
its own verb before them ("hindi nahanap ang address": the address was not found) or after "ay"
("ang account ay na-disable"); the nouns alone prove nothing, so every phrase holds a Filipino verb.
"""

from __future__ import annotations

from parsers.reasons.codes import ACCOUNT_DISABLED, HOST_UNKNOWN, MAILBOX_FULL, USER_UNKNOWN

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final

# the recipient's address, account, mailbox or the recipient ("tatanggap"): "Hindi umiiral ang
# mailbox ng tatanggap" (the recipient's mailbox does not exist)
_WHO = r"(?:email address|address|account|user|mailbox|inbox|tatanggap)"
# "was not found", "does not exist"
_NOT_FOUND = r"hindi (?:nahanap|natagpuan|mahanap|umiiral|matagpuan)"

PHRASES: Final[dict[str, tuple[str, ...]]] = {
    USER_UNKNOWN: (
        # Gmail: "dahil hindi nahanap ang address" (because the address was not found)
        _NOT_FOUND + r" ang " + _WHO,
        r"(?:ang )?" + _WHO + r"(?: ng tatanggap)?(?: na ito)? ay " + _NOT_FOUND,
        r"walang (?:ganitong|ganoong) (?:user|account|address|mailbox|tatanggap)",
    ),
    MAILBOX_FULL: (
        r"puno na ang (?:inbox|mailbox)",
        r"(?:inbox|mailbox)(?: ng tatanggap)? ay puno(?: na)?",
    ),
    ACCOUNT_DISABLED: (
        r"(?:account|mailbox)(?: ng tatanggap)? ay (?:na-disable|na-deactivate|isinara|tinanggal|hindi na aktibo|nag-expire)",
        # the verb first ("na-disable ang account": the account was disabled)
        r"(?:na-disable|na-deactivate|isinara|tinanggal|nag-expire|hindi na aktibo) ang (?:account|mailbox)",
    ),
    HOST_UNKNOWN: (
        _NOT_FOUND + r" ang domain",
        r"(?:ang )?domain(?: ng tatanggap)? ay " + _NOT_FOUND,
    ),
}

# Exceptions to this language's families (the counterparts of English's): a domain "not found" that
# says to try again later, or calls the error temporary, says nothing about the domain (a network
# error, soft)
UNLESS: Final[dict[str, tuple[str, ...]]] = {
    HOST_UNKNOWN: (
        r"subukang? (?:muli|ulit) (?:mamaya|sa ibang pagkakataon)",
        r"pansamantalang (?:error|pagkabigo)",
    ),
}
