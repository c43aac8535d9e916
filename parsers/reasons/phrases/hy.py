"""Armenian phrase families (data only): what Armenian servers and relays (Beeline/Ucom/Viva hosts,
mail.am, localized Exchange/Outlook reports) say. Subject first, verb last ("Օգտատերը չի
գտնվել", the user was not found), the article a suffix on the noun.

Patterns are searched in the lower-cased diagnostic.
"""

from __future__ import annotations

from parsers.reasons.codes import ACCOUNT_DISABLED, HOST_UNKNOWN, MAILBOX_FULL, SUSPEND, USER_UNKNOWN

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final

# user, recipient, address, mailbox, account: stems with their article or case suffix after
_WHO = r"(?:օգտատեր|օգտվող|ստացող|հասցե|փոստարկղ|հաշիվ)\w{0,4}"
_NOT_FOUND = r"(?:գոյություն չունի|չի գտնվել|չգտնվեց|չի գտնվում)"

PHRASES: Final[dict[str, tuple[str, ...]]] = {
    USER_UNKNOWN: (_WHO + r" " + _NOT_FOUND,),
    MAILBOX_FULL: (r"փոստարկղ\w{0,4} (?:լեցուն|լիքն|լցված|գերլցված) է",),
    SUSPEND: (r"ժամանակավորապես (?:արգելափակված|կասեցված)",),
    ACCOUNT_DISABLED: (r"հաշիվ\w{0,4} (?:ապաակտիվացված|ջնջված|փակված) է",),
    HOST_UNKNOWN: (r"դոմեն\w{0,4} " + _NOT_FOUND,),
}

UNLESS: Final[dict[str, tuple[str, ...]]] = {
    # "(try) later": a network error, soft
    HOST_UNKNOWN: (r"ավելի ուշ",),
}
