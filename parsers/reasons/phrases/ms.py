"""Malay phrase families (data only): what servers and relays answering in Malay say (Malaysian
and Bruneian ISPs, localized Exchange/Outlook reports).

Malay is close to Indonesian (parsers.reasons.phrases.id) but words the families with its own
words: "e-mel" (e-mail), "tidak wujud" (does not exist), "ditemui" (found), "akaun" (account),
"dinyahaktifkan" (deactivated), "digantung" (suspended).
"""

from __future__ import annotations

from parsers.reasons.codes import ACCOUNT_DISABLED, HOST_UNKNOWN, MAILBOX_FULL, SUSPEND, USER_UNKNOWN

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final

_NON_USE = r"(?:kerana|disebabkan|akibat) (?:tidak (?:aktif|digunakan)|tiada aktiviti)"

PHRASES: Final[dict[str, tuple[str, ...]]] = {
    USER_UNKNOWN: (
        r"(?:pengguna|penerima|alamat(?: e-?mel)?|peti mel|akaun) (?:tersebut |ini )?"
        r"(?:tidak wujud|tidak (?:dapat |boleh )?ditemui|tidak dikenali|tidak sah)",
        # Exchange: "Alamat e-mel yang anda masukkan tidak dapat ditemui."
        r"alamat e-?mel yang anda masukkan tidak (?:dapat|boleh) ditemui",
    ),
    MAILBOX_FULL: (
        r"peti (?:mel|masuk)(?: penerima)? (?:sudah |telah )?penuh",
        r"(?:melebihi|mencapai had) (?:kuota|storan|ruang storan)",
        r"kuota (?:peti (?:mel|masuk) |storan )?(?:telah |sudah )?(?:melebihi had|penuh|habis)",
    ),
    SUSPEND: (
        r"(?:digantung|dikunci|disekat) (?:untuk )?sementara",
        r"sementara (?:digantung|dikunci|disekat)",
    ),
    ACCOUNT_DISABLED: (
        r"(?:akaun|peti mel|alamat) (?:ini |tersebut )?(?:telah |sudah )?(?:dinyahaktifkan|ditutup|dipadam)"
        r"(?! sementara| untuk sementara)",
        # closed for non-use: the address is gone, not paused
        r"(?:digantung|dinyahaktifkan|ditutup|dipadam|disekat) " + _NON_USE,
        # expired ("akaun telah tamat tempoh")
        r"(?:akaun|peti mel|alamat) (?:ini |tersebut )?(?:telah |sudah )?tamat tempoh",
        # inactive, no longer used ("Akaun penerima tidak aktif lagi"): whose account may stand
        # between noun and verb
        r"(?:akaun|peti mel|alamat(?: e-?mel)?)(?: penerima)? (?:ini |tersebut )?(?:telah |sudah )?"
        r"(?:tidak (?:lagi )?aktif|tidak (?:lagi )?digunakan)",
    ),
    HOST_UNKNOWN: (r"domain (?:tersebut |ini )?tidak wujud",),
}

# Exceptions to this language's families (the counterparts of English's).
UNLESS: Final[dict[str, tuple[str, ...]]] = {
    # a domain "not found" that says to try again later, or calls the error temporary, says nothing
    # about the domain: a network error, soft
    HOST_UNKNOWN: (r"cuba (?:lagi|semula) (?:kemudian|nanti|sebentar lagi)", r"ralat (?:dns )?sementara"),
    # the sender's own account or address ("akaun anda", your account; "alamat pengirim")
    ACCOUNT_DISABLED: (r"akaun anda",),
    USER_UNKNOWN: (r"alamat (?:e-?mel )?pengirim",),
}
