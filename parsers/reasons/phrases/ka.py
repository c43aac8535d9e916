"""Georgian phrase families (data only): what Georgian servers and relays (Silknet, Magti,
localized Exchange/Outlook reports) say. Georgian has no letter case; subject first, verb last
("მომხმარებელი ვერ მოიძებნა", the user could not be found).

Patterns are searched in the lower-cased diagnostic.
"""

from __future__ import annotations

from parsers.reasons.codes import ACCOUNT_DISABLED, HOST_UNKNOWN, MAILBOX_FULL, SUSPEND, USER_UNKNOWN

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final

# user, recipient, address, account (with the case endings they take: "მომხმარებლის")
_WHO = r"(?:მომხმარებ|მიმღებ|მისამართ|ანგარიშ|ელფოსტის მისამართ)\w{0,4}"
_NOT_FOUND = r"(?:ვერ მოიძებნა|არ არსებობს|არ მოიძებნა)"

PHRASES: Final[dict[str, tuple[str, ...]]] = {
    USER_UNKNOWN: (_WHO + r" " + _NOT_FOUND,),
    MAILBOX_FULL: (r"ყუთი (?:სავსეა|გადავსებულია)", r"კვოტა (?:ამოწურულია|გადაჭარბებულია)"),
    SUSPEND: (r"დროებით (?:დაბლოკილია|შეჩერებულია|გათიშულია)",),
    ACCOUNT_DISABLED: (r"ანგარიში (?:გათიშულია|წაშლილია|დახურულია|დეაქტივირებულია)",),
    HOST_UNKNOWN: (r"დომენი " + _NOT_FOUND,),
}

UNLESS: Final[dict[str, tuple[str, ...]]] = {
    # "(try) later": a network error, soft
    HOST_UNKNOWN: (r"მოგვიანებით",),
}
