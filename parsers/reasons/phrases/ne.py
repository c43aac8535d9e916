"""Nepali phrase families (data only): what servers and webmail answering in Nepali say (Gmail's and
Outlook's localized reports, Nepalese ISPs' and hosts' own replies).

Nepali is written in Devanagari like Hindi (parsers.reasons.phrases.hi) but words the families with
its own verbs: "फेला परेन" and "भेटिएन" (was not found), "अवस्थित छैन" (does not exist), "भरिएको"
(filled); the noun comes first, its owner before it with "-को" ("प्रापकको इमेल ठेगाना फेला परेन": the
recipient's e-mail address was not found).
"""

from __future__ import annotations

from parsers.reasons.codes import ACCOUNT_DISABLED, HOST_UNKNOWN, MAILBOX_FULL, USER_UNKNOWN

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final

# "was not found", "does not exist"
_NOT_FOUND = r"(?:फेला परेन|भेटिएन|अवस्थित छैन|अस्तित्वमा छैन)"

PHRASES: Final[dict[str, tuple[str, ...]]] = {
    USER_UNKNOWN: (
        # the address, the recipient, the user or the account not found ("इमेल ठेगाना फेला परेन")
        r"(?:ठेगाना|प्रापक|प्राप्तकर्ता|प्रयोगकर्ता|खाता) " + _NOT_FOUND,
    ),
    # "the mailbox (inbox) is full" ("मेलबक्स भरिएको छ")
    MAILBOX_FULL: (r"(?:मेलबक्स|मेलबॉक्स|इनबक्स) (?:पूर्ण रूपमा )?भरि(?:एको|सकेको)",),
    ACCOUNT_DISABLED: (
        # "the account has been closed / deactivated / removed" ("खाता निष्क्रिय गरिएको छ")
        r"खाता (?:निष्क्रिय|बन्द|हटाइएको|मेटाइएको)(?: गरिएको)? छ",
    ),
    HOST_UNKNOWN: (r"डोमेन " + _NOT_FOUND,),
}

# Exceptions to this language's families (the counterparts of English's): a domain "not found" that
# says to try again later says nothing about the domain (a network error, soft)
UNLESS: Final[dict[str, tuple[str, ...]]] = {
    HOST_UNKNOWN: (r"पछि (?:फेरि|पुनः) (?:प्रयास|कोसिस)",),
}
