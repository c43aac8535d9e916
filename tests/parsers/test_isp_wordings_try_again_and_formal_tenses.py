"""ISPs' replies in the languages of Turkey, the Middle East, south-east Asia, Africa and Latin
America (issue 12, ISPs outside the English-speaking world): a domain "not found" that says to try
again later is a lookup that failed for now (soft network_error) in Indonesian, Malay, Thai,
Arabic, Hebrew, Tagalog, Swahili, Urdu, Bengali, Tamil, Nepali, Amharic and Zulu as in English, and
in the other ways Spanish, Portuguese, Turkish, German, Hungarian, Romanian and Greek say it; Turkish servers' formal
tenses ("-mıştır", "-maktadır") read as the plain ones; nouns and word orders the families missed.
Each sentence is read as the answer to RCPT TO under a 5.0.0 (the text decides); the look-alikes
keep what they had."""

from __future__ import annotations

from parsers import reasons as r
from parsers.reasons.codes import (
    ACCOUNT_DISABLED,
    AUTH_FAILURE,
    BLOCKED,
    HOST_UNKNOWN,
    MAILBOX_FULL,
    NETWORK_ERROR,
    SUSPEND,
    USER_UNKNOWN,
)
from tests.parsers.languages import check_not_gone, check_phrases

DOMAIN_NOT_FOUND_TRY_LATER = [
    "550 Domain tujuan tidak ditemukan, silakan coba lagi nanti",  # id
    "550 Domain tidak ditemukan (kesalahan DNS sementara)",
    "550 Domain tidak dijumpai, sila cuba lagi kemudian",  # ms
    "550 ไม่พบโดเมน โปรดลองอีกครั้งภายหลัง",  # th
    "550 لم يتم العثور على النطاق، يرجى المحاولة لاحقًا",  # ar (tanween written)
    "550 النطاق غير موجود، حاول مرة أخرى لاحقا",
    "550 הדומיין לא נמצא, נסה שוב מאוחר יותר",  # he
    "550 Hindi nahanap ang domain, pakisubukang muli mamaya",  # tl
    "550 Kikoa hakikupatikana, tafadhali jaribu tena baadaye",  # sw
    "550 Dominio no encontrado, intente nuevamente más tarde",  # es
    "550 Dominio no encontrado, vuelva a intentar más tarde",
    "550 Dominio no encontrado, reintente luego",
    "550 Domínio não encontrado, tente novamente depois",  # pt
    "550 Domínio não encontrado, tente de novo mais tarde",
    "550 Alan adı bulunamadı, daha sonra yeniden deneyin",  # tr
    "550 Domain tidak ditemukan, mohon coba beberapa saat lagi",  # id
    "550 הדומיין לא נמצא (שגיאת DNS זמנית)",  # he: the construct "שגיאת"
    "550 ڈومین نہیں ملا، براہ کرم بعد میں دوبارہ کوشش کریں",  # ur
    "550 ডোমেন খুঁজে পাওয়া যায়নি, পরে আবার চেষ্টা করুন",  # bn
    "550 டொமைன் கண்டறியப்படவில்லை, பின்னர் மீண்டும் முயற்சிக்கவும்",  # ta
    "550 डोमेन फेला परेन, पछि फेरि प्रयास गर्नुहोस्",  # ne
    "550 ጎራው አልተገኘም፣ እባክዎ ቆይተው እንደገና ይሞክሩ",  # am
    "550 Isizinda asitholakalanga, sicela uzame futhi kamuva",  # zu
    "550 Domain nicht gefunden, bitte versuchen Sie es später erneut",  # de: the polite order
    "550 Tartomány nem található, próbálja újra később",  # hu
    "550 Domeniul nu a fost găsit, încercați din nou mai târziu",  # ro
    "550 Ο τομέας δεν βρέθηκε, δοκιμάστε ξανά αργότερα",  # el
]

DOMAIN_NOT_FOUND = [
    "550 Domain tujuan tidak ditemukan. Periksa alamat dan coba lagi.",  # id: correct the address
    "550 ไม่พบโดเมน",
    "550 النطاق غير موجود",
    "550 הדומיין אינו קיים",
    "550 Kikoa hakipo",
    "550 Dominio inexistente",
    "550 Domain nicht gefunden",
    "550 ডোমেন খুঁজে পাওয়া যায়নি",
    "550 Tartomány nem található",
]


def _under_5_1_2(text: str) -> tuple[str, str]:
    """The reason and class of a "550 ..." refusal written under 5.1.2 (the domain's status)."""
    reason = r.derive("5.1.2", "550", text.replace("550 ", "550 5.1.2 ", 1), "failed", "RCPT")
    return reason, r.classify(reason, "5.1.2", "550")


def test_domain_not_found_try_again_later_is_a_network_error() -> None:
    for text in DOMAIN_NOT_FOUND_TRY_LATER:
        assert _under_5_1_2(text) == (NETWORK_ERROR, "soft"), text


def test_domain_not_found_without_a_retry_stays_gone() -> None:
    for text in DOMAIN_NOT_FOUND:
        assert _under_5_1_2(text) == (HOST_UNKNOWN, "hard"), text


def test_turkish_formal_tenses() -> None:
    check_phrases(
        [
            ("550 Alıcı bulunamamıştır", USER_UNKNOWN),
            ("550 Kullanıcının posta kutusu dolmuştur", MAILBOX_FULL),
            ("550 Alıcının kotası dolmuştur", MAILBOX_FULL),
            ("550 Kotası aşılmıştır", MAILBOX_FULL),
            ("550 Bu e-posta adresi artık kullanılmamaktadır", ACCOUNT_DISABLED),
            ("550 Hesap uzun süre kullanılmadığından kapatılmıştır", ACCOUNT_DISABLED),
            ("550 Hesap inaktif olduğundan silinmiştir", ACCOUNT_DISABLED),
            ("550 Hesap geçici olarak askıya alınmıştır", SUSPEND),
            ("550 Hesap kilitlenmiştir", SUSPEND),
        ]
    )
    check_not_gone("550 Gönderen e-posta adresi bulunamamıştır")


def test_nouns_and_word_orders() -> None:
    check_phrases(
        [
            ("550 Kapasitas kotak masuk penerima telah habis", MAILBOX_FULL),  # id
            ("550 ไม่พบบัญชีผู้ใช้", USER_UNKNOWN),  # th: the user's account
            ("550 Walang ganitong mailbox", USER_UNKNOWN),  # tl
            ("550 Umsebenzisi akaziwa", USER_UNKNOWN),  # zu
            ("550 ইউজার পাওয়া যায়নি", USER_UNKNOWN),  # bn: "user" in Bengali script
            ("550 تجاوز المستلم حصة التخزين", MAILBOX_FULL),  # ar: the subject between
            ("550 Cota da caixa postal excedida", MAILBOX_FULL),  # pt
            ("550 Akun sudah tidak berlaku", ACCOUNT_DISABLED),  # id: no longer valid
            ("550 Hindi na aktibo ang account", ACCOUNT_DISABLED),  # tl: the predicate first
        ]
    )
    check_not_gone("550 ไม่พบบัญชีผู้ส่ง")  # the sender's account
    check_not_gone("550 Akun anda tidak berlaku")  # your account


def test_interia_spf_and_blocked_server() -> None:
    spf = "550 5.7.0 [SPF] host 198.51.100.7 is not allowed to send mail from domain sender.example"
    assert r.derive("5.7.0", "550", spf, "failed", "RCPT") == AUTH_FAILURE
    # without SPF named, the host refused is a block, as on main
    bare = "550 5.7.1 host 198.51.100.7 is not allowed to send mail from this network"
    assert r.derive("5.7.1", "550", bare, "failed", "RCPT") == BLOCKED
    blocked = "550 Twoj serwer poczty 198.51.100.7 zostal tymczasowo zablokowany za spam"
    assert r.derive("5.7.1", "550", blocked, "failed", "RCPT") == BLOCKED
