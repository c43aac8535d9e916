"""Sinhala phrase families (data only): what servers and webmail answering in Sinhala say (Gmail's
and Outlook's localized reports, Sri Lankan ISPs' and hosts' own replies).

Sinhala puts the verb last: "ලිපිනය හමු නොවීය" (the address was not found), "සොයා ගත නොහැකි"
(could not be found), "නොපවතී" (does not exist), "පිරී ඇත" (is full), "අක්‍රිය කර ඇත" (has been
disabled; "ක්‍ර" written with a zero-width joiner, which some systems leave out).
"""

from __future__ import annotations

from parsers.reasons.codes import ACCOUNT_DISABLED, HOST_UNKNOWN, MAILBOX_FULL, USER_UNKNOWN

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final

# "was not found", "could not be found", "does not exist"
_NOT_FOUND = r"(?:හමු නොවීය|හමු නොවිණි|හමු නොවුණි|සොයා ?ගත නොහැකි|නොපවතී)"

PHRASES: Final[dict[str, tuple[str, ...]]] = {
    USER_UNKNOWN: (
        # the address, the recipient, the user or the account ("ලිපිනය හමු නොවීය")
        # (not the sender's: "යවන්නාගේ ලිපිනය")
        r"(?:ලිපිනය(?<!යවන්නාගේ ලිපිනය)|ලබන්නා|පරිශීලකයා|ගිණුම) " + _NOT_FOUND,
    ),
    # the mailbox (inbox) is full ("තැපැල් පෙට්ටිය පිරී ඇත")
    MAILBOX_FULL: (r"(?:තැපැල් ?පෙට්ටිය|එන ලිපි(?: පෙට්ටිය)?) පිරී",),
    ACCOUNT_DISABLED: (
        # "the account has been disabled / closed / deleted" ("ගිණුම අක්‍රිය කර ඇත")
        r"ගිණුම (?:අක්\u200d?රිය|අබල|වසා දමා|මකා දමා) (?:කර )?ඇත",
    ),
    HOST_UNKNOWN: (r"වසම " + _NOT_FOUND,),
}
