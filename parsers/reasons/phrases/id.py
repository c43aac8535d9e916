"""Indonesian phrase families (data only): what servers and relays answering in Indonesian say
(Telkom, localized Exchange/Outlook reports and Postfix templates of Indonesian hosts).

Patterns are searched in the lower-cased diagnostic (parsers.reasons.families); Indonesian is
written without diacritics.
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

_NON_USE = r"karena (?:tidak (?:aktif|pernah digunakan|digunakan)|lama tidak (?:aktif|digunakan)|tidak ada aktivitas)"

# whose address or mailbox, after the noun: the recipient's ("penerima") or the destination's
# ("tujuan": "alamat email tujuan tidak ditemukan", "kotak surat tujuan sudah penuh")
_TARGET = r"(?: (?:tujuan|penerima))?"
# what kind of account and whose, after the noun ("akun email penerima", "akun tujuan")
_WHOSE = r"(?: (?:email|e-mail|surel))?" + _TARGET + " "

PHRASES: Final[dict[str, tuple[str, ...]]] = {
    USER_UNKNOWN: (
        r"(?:pengguna|penerima|alamat (?:email|e-mail|surel)|alamat|kotak surat|mailbox|akun(?: (?:email|e-mail|surel))?)"
        + _TARGET
        + r" (?:tersebut )?tidak (?:ditemukan|dikenal|dikenali|terdaftar|ada)",
        # the address named by its kind and whose alone ("email tujuan tidak terdaftar")
        r"(?:email|e-mail|surel) (?:tujuan|penerima) (?:tersebut )?tidak (?:ditemukan|dikenal|dikenali|terdaftar|ada)",
        r"tidak ada (?:pengguna|penerima|alamat|kotak surat|akun) (?:seperti itu|dengan nama|tersebut)",
        r"(?:pengguna|penerima|alamat) tidak dikenal",
        # "(recipient's) e-mail address is not valid"
        r"alamat (?:email|e-mail|surel)(?: penerima| tujuan)? tidak valid|(?:penerima|alamat tujuan) tidak valid",
        # "not registered on the receiving server", after an address or an English noun (MDaemon
        # setups' Indonesian notes: "recipient x tidak terdaftar di server penerima")
        r"tidak terdaftar (?:di|pada) (?:server|sistem) (?:penerima|tujuan)",
        # Exchange: "Alamat email yang Anda masukkan tidak dapat ditemukan."
        r"alamat (?:email|e-mail|surel) yang anda masukkan tidak (?:dapat|bisa) ditemukan",
    ),
    MAILBOX_FULL: (
        r"(?:kotak surat|kotak masuk|mailbox)" + _TARGET + r" (?:sudah |telah )?penuh",
        r"kuota (?:kotak surat |penyimpanan )?(?:telah |sudah )?(?:terlampaui|habis|penuh|terlewati)",
        r"melebihi (?:batas )?(?:kuota|kapasitas penyimpanan)",
        r"kapasitas (?:kotak surat|kotak masuk|mailbox|penyimpanan)"
        + _TARGET
        + r" (?:sudah |telah )?(?:habis|penuh|terlampaui)",
    ),
    SUSPEND: (
        r"(?:ditangguhkan|dikunci|diblokir|dinonaktifkan) (?:untuk )?sementara",
        r"sementara (?:ditangguhkan|dikunci|diblokir|dinonaktifkan|tidak tersedia)",
        r"akun (?:telah |sedang )?(?:ditangguhkan|dikunci)(?!\w* " + _NON_USE + r")",
    ),
    ACCOUNT_DISABLED: (
        r"(?:akun|kotak surat|alamat)"
        + _WHOSE
        + r"(?:ini |tersebut )?(?:telah |sudah )?(?:dinonaktifkan|ditutup|dihapus)"
        r"(?! sementara| untuk sementara)",
        # (or no longer used: "Alamat email ini sudah tidak digunakan lagi")
        r"(?:akun|alamat|kotak surat)" + _WHOSE + r"(?:ini |tersebut )?(?:sudah )?"
        r"tidak (?:aktif|berlaku|(?:lagi )?(?:digunakan|dipakai))",
        # expired (the spellings in use: "kedaluwarsa", "kadaluarsa", "kadaluwarsa")
        r"(?:akun|alamat|kotak surat)" + _WHOSE + r"(?:ini |tersebut )?(?:sudah |telah )?k[ae]d[ae]luw?arsa",
        # blocked or closed for non-use: the address is gone, not paused
        r"(?:ditangguhkan|dikunci|diblokir|dinonaktifkan|ditutup|dihapus) " + _NON_USE,
    ),
    HOST_UNKNOWN: (
        # (whose domain: "Domain penerima tidak ditemukan", the recipient's domain was not found)
        r"domain (?:tersebut |tujuan |penerima )?tidak (?:ditemukan|dikenal|ada|terdaftar)",
        r"tidak ada domain (?:seperti itu|tersebut)",
    ),
    # a message detected or refused as spam ("terdeteksi sebagai spam"): soft
    SPAM_DETECTED: (
        r"(?:terdeteksi|dianggap|diklasifikasikan|ditandai|dikenali|diidentifikasi) sebagai (?:spam|email sampah|surel sampah|pesan sampah)",
    ),
}

# Exceptions to this language's families (the counterparts of English's).
UNLESS: Final[dict[str, tuple[str, ...]]] = {
    # a domain "not found" that says to try again later, or calls the error temporary, says nothing
    # about the domain: a network error, soft (not "periksa alamat dan coba lagi", the advice to
    # correct the address)
    HOST_UNKNOWN: (
        r"coba (?:lagi |kembali )?(?:nanti|kemudian|beberapa saat lagi|dalam beberapa)",
        r"(?:kesalahan|kegagalan|galat) (?:dns )?sementara",
    ),
    # the recipient's domain not found ("Domain penerima tidak ditemukan"): the domain gone, not the
    # user ("penerima tidak ditemukan" alone is the recipient not found)
    USER_UNKNOWN: (r"domain (?:penerima|tujuan) tidak",),
}
