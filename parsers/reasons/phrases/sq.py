"""Albanian phrase families (data only): what Albanian and Kosovar servers and relays (Albtelecom,
ABCom, Vala, IPKO, localized Exchange/Outlook reports) say.

Patterns are searched in the lower-cased, accent-folded diagnostic (parsers.reasons.families):
written without diacritics ("marrësit" is read as "marresit", "çaktivizuar" as "caktivizuar").
"""

from __future__ import annotations

from parsers.reasons.codes import (
    ACCOUNT_DISABLED,
    HOST_UNKNOWN,
    MAILBOX_FULL,
    SPAM_DETECTED,
    SUSPEND,
    USER_UNKNOWN,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final

# the recipient's ("e marrësit", "i marrësit"), after its noun
_WHOSE = r"(?: [ei] marresit)?"

# The recipient's domain unknown: the domain is gone (host_unknown), not a user inside it.
_RECIPIENTS_DOMAIN_GONE: Final = r"domeni i marresit (?:nuk ekziston|nuk u gjet|eshte i panjohur)"

PHRASES: Final[dict[str, tuple[str, ...]]] = {
    USER_UNKNOWN: (
        r"(?:perdoruesi|marresi|adresa|adresa e email-it|adresa e postes elektronike|kutia postare|llogaria)"
        + _WHOSE
        + r" (?:nuk ekziston|nuk u gjet|nuk gjendet|eshte e panjohur|eshte i panjohur)",
        r"(?:perdorues|marres|adrese) (?:[ie] )?panjohur",
        r"nuk ekziston (?:nje )?(?:perdorues|adrese) e? ?tille",
    ),
    MAILBOX_FULL: (
        r"kutia(?: postare)?" + _WHOSE + r" (?:eshte )?(?:plot|e mbushur|mbushur)",
        r"(?:kuota|hapesira)" + _WHOSE + r" (?:eshte )?(?:e )?(?:tejkaluar|mbushur)",
    ),
    SUSPEND: (
        r"(?:pezulluar|bllokuar|caktivizuar) perkohesisht|perkohesisht (?:e |i )?(?:pezulluar|bllokuar)",
    ),
    ACCOUNT_DISABLED: (
        r"(?:llogaria|kutia postare|adresa)"
        + _WHOSE
        + r" (?:eshte |u )?(?:e )?(?:caktivizuar|caktivizua|mbyllur"
        r"|mbyll|fshire|fshi)(?! perkohesisht)",
    ),
    HOST_UNKNOWN: (r"domeni nuk ekziston", _RECIPIENTS_DOMAIN_GONE, r"domen i panjohur"),
    SPAM_DETECTED: (
        r"(?:refuzua|shenua|identifikua|klasifikua|konsiderua)r? si (?:spam|poste e padeshiruar)",
    ),
}

UNLESS: Final[dict[str, tuple[str, ...]]] = {
    USER_UNKNOWN: (_RECIPIENTS_DOMAIN_GONE,),
    # the sender's domain is a refusal of the sender; "try again later" or a temporary error: soft
    HOST_UNKNOWN: (r"domeni i derguesit", r"provoni (?:perseri|serish) me vone", r"gabim i perkohshem"),
}
