"""Khmer phrase families (data only): what servers and webmail answering in Khmer say (Gmail's and
Outlook's localized reports, Cambodian ISPs' and hosts' own replies).

Khmer writes no spaces between words: "រកមិនឃើញ" (could not find) comes before its noun
("រកមិនឃើញអាសយដ្ឋាន": address not found), "មិនមានទេ" (does not exist) and "ពេញ" (full) after
it ("ប្រអប់សំបុត្រ...ពេញ": the mailbox is full).
"""

from __future__ import annotations

from parsers.reasons.codes import ACCOUNT_DISABLED, HOST_UNKNOWN, MAILBOX_FULL, USER_UNKNOWN

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final

PHRASES: Final[dict[str, tuple[str, ...]]] = {
    USER_UNKNOWN: (
        # the address, the recipient, the user or the account not found ("រកមិនឃើញអាសយដ្ឋាន")
        # (not the sender's: "អាសយដ្ឋាន(របស់)អ្នកផ្ញើ")
        r"រកមិនឃើញ ?(?:អាសយដ្ឋាន(?!(?:អ៊ីមែល)?(?:របស់)?អ្នកផ្ញើ)|អ្នកទទួល|អ្នកប្រើ|គណនី)",
        # the e-mail account (address) ... does not exist ("គណនីអ៊ីមែល ... មិនមានទេ")
        r"(?:គណនី|អាសយដ្ឋាន)អ៊ីមែល[^\n។]{0,60}?មិនមានទេ",
    ),
    # the mailbox (inbox) is full ("ប្រអប់សំបុត្ររបស់អ្នកទទួលពេញ")
    MAILBOX_FULL: (r"ប្រអប់(?:សំបុត្រ|ទទួល|អ៊ីមែល)[^\n។]{0,30}?ពេញ",),
    ACCOUNT_DISABLED: (
        # the account has been closed / deleted ("គណនីត្រូវបានបិទ"), not for a while (បណ្ដោះអាសន្ន)
        r"គណនី[^\n។]{0,30}?ត្រូវបាន(?:បិទ|លុប)(?![^\n។]{0,30}បណ្[ដត]ោះអាសន្ន)",
    ),
    # the domain not found ("រកមិនឃើញដែន")
    HOST_UNKNOWN: (r"រកមិនឃើញ ?(?:ឈ្មោះ)?ដែន",),
}
