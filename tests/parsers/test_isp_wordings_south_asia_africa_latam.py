"""National providers' wordings in south and south-east Asia, Africa and Latin America (issue
12): the destination's or the recipient's qualifier between noun and verb (Indonesian "tujuan",
Thai "ปลายทาง"), spellings and nouns the families missed (Bengali "মেইলবক্স", Amharic's fused
"ሳጥኑ", Arabic's bare "العنوان"), and the languages' verbs in other places. Each sentence is read as
the answer to RCPT TO under a 5.0.0 (the text decides); the look-alikes keep what they had."""

from __future__ import annotations

from parsers import reasons as r
from parsers.reasons.codes import ACCOUNT_DISABLED, MAILBOX_FULL, SPAM_DETECTED, SUSPEND, USER_UNKNOWN
from tests.parsers.languages import check_phrases

USER_UNKNOWN_TEXTS = [
    "550 Alamat email tujuan tidak ditemukan",  # id
    "550 Email tujuan tidak terdaftar",
    "550 Mailbox tujuan tidak ditemukan",
    "550 Akun email tujuan tidak ada",
    "550 Alamat tujuan tidak valid",
    "550 Akaun tidak ditemui",  # ms
    "550 ที่อยู่อีเมลปลายทางไม่ถูกต้อง",  # th
    "550 ไม่พบอีเมลปลายทาง",
    "550 ไม่พบชื่อผู้ใช้",
    "550 อีเมลปลายทางไม่มีอยู่",
    "550 यह खाता मौजूद नहीं है",  # hi
    "550 இந்த மின்னஞ்சல் முகவரி இல்லை",  # ta
    "550 Barua pepe hii haipo",  # sw
    "550 የተጠቃሚ ስም አልተገኘም",  # am
    "550 العنوان غير موجود",  # ar
    "550 Cuenta de correo no válida",  # es
]

ACCOUNT_DISABLED_TEXTS = [
    "550 Akun tujuan sudah tidak aktif",  # id
    "550 এই অ্যাকাউন্টটি নিষ্ক্রিয়",  # bn
    "550 Na-disable ang account ng tatanggap",  # tl
]

MAILBOX_FULL_TEXTS = [
    "550 Kotak surat tujuan sudah penuh",  # id
    "550 Kuota peti mel telah melebihi had",  # ms
    "550 กล่องจดหมายปลายทางเต็ม",  # th
    "550 প্রাপকের মেইলবক্সটি পূর্ণ",  # bn
    "550 የመልዕክት ሳጥኑ ሞልቷል",  # am ("its box")
    "550 የመልዕክት ሳጥንዎ ሞልቷል",  # am ("your box")
    "550 صندوق الوارد ممتلئ",  # ar
    "550 Buzón de correo excedido",  # es
    "550 Casilla excedida",
    "550 Quota de la boîte aux lettres dépassé",  # fr
]


def test_user_unknown_in_the_languages() -> None:
    check_phrases([(text, USER_UNKNOWN) for text in USER_UNKNOWN_TEXTS])


def test_account_disabled_in_the_languages() -> None:
    check_phrases([(text, ACCOUNT_DISABLED) for text in ACCOUNT_DISABLED_TEXTS])


def test_mailbox_full_in_the_languages() -> None:
    check_phrases([(text, MAILBOX_FULL) for text in MAILBOX_FULL_TEXTS])


def test_suspended_and_spam_in_portuguese() -> None:
    check_phrases(
        [
            ("550 Conta de email suspensa temporariamente", SUSPEND),
            ("550 Mensagem rejeitada por conter spam", SPAM_DETECTED),
        ]
    )


def test_look_alikes_keep_their_reading() -> None:
    # the sender's address or account, an address's syntax with no "recipient"/"destination", a
    # closing for non-use: not the recipient unknown, and not a pause
    for text in (
        "550 Alamat pengirim tidak valid",
        "550 ที่อยู่อีเมลไม่ถูกต้อง",
        "550 عنوان المرسل غير موجود",
        "550 Su cuenta de correo no válida para enviar mensajes",
    ):
        assert r.match_text(text) != USER_UNKNOWN, text
    assert r.match_text("550 Conta de email suspensa por inatividade") == ACCOUNT_DISABLED
