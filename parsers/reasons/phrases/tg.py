"""Tajik phrase families (data only): what servers and relays answering in Tajik say (localised
Exchange/Outlook notices, Tajik hosts; many answer in Russian, which ru.py reads).

Tajik is Persian written in Cyrillic with ғ ӣ қ ӯ ҳ ҷ (ҷ also typed "дж" on Russian keyboards);
the verb comes last: "ёфт нашуд" (was not found), "вуҷуд надорад" / "мавҷуд нест" (does not
exist), "пур аст" (is full), "ғайрифаъол карда шудааст" (has been deactivated).
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

_J = "(?:ҷ|дж)"
# "was not found", "does not exist"
_NOT_FOUND = "(?:ёфт нашуд|ву" + _J + "уд надорад|мав" + _J + "уд нест)"
_TEMPORARY = "муваққат"

PHRASES: Final[dict[str, tuple[str, ...]]] = {
    USER_UNKNOWN: (
        # the recipient, the user, the address, the mailbox, the account (with its izofa)
        r"(?:гиранда|корбар|суроға|қуттии почта|ҳисоб|аккаунт)[^.\n]{0,30}?" + _NOT_FOUND,
    ),
    MAILBOX_FULL: (
        r"қуттии почта[^.\n]{0,20}?пур (?:аст|шуд)",
        r"(?:квота|ҳа" + _J + "м)[^.\n]{0,20}?(?:зиёд|пур) шуд",
    ),
    # "temporarily banned / blocked / deactivated / closed": a pause that ends
    SUSPEND: (_TEMPORARY + r"[^.\n]{0,20}?(?:манъ|боздошта|ғайрифаъол|баста)",),
    # "the account has been deactivated / closed / deleted" (not "temporarily": the suspension above)
    ACCOUNT_DISABLED: (
        r"(?:ҳисоб|аккаунт)(?:(?!"
        + _TEMPORARY
        + r")[^.\n]){0,25}?(?:(?:ғайрифаъол|баста|нест|хори"
        + _J
        + r") карда шуд|баста шуд)",
    ),
    HOST_UNKNOWN: (r"домен\w{0,4} " + _NOT_FOUND,),
    # "detected / marked / rejected as spam"
    SPAM_DETECTED: (r"ҳамчун спам[^.\n]{0,30}?(?:муайян|қайд|рад|шинохта)",),
}

# Exceptions to this language's families (the counterparts of English's).
UNLESS: Final[dict[str, tuple[str, ...]]] = {
    # the sender's own ("фиристанда", "ирсолкунанда", the sender): a refusal of the sender
    USER_UNKNOWN: (r"(?:фиристанда|ирсолкунанда)",),
    HOST_UNKNOWN: (r"(?:фиристанда|ирсолкунанда)",),
}
