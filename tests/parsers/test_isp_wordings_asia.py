"""Wordings of ISPs in Asia and the Middle East that the families missed (issue 12's held-out set
"ISPs outside the English-speaking world"): a Japanese ISP's "not in use" for a gone address, the
English of Chinese and Korean servers, the sender's own account in the languages added for them
(Persian, Malay, Kazakh: their families are in test_languages_more), delay notices in Russian,
Arabic, Hebrew and Persian, and the charsets their reports come mislabelled in."""

from __future__ import annotations

import pytest

from parsers import reasons as r
from parsers.mail import decode_bytes
from parsers.reasons import is_delay_notice
from tests.parsers.languages import check_phrases


def test_japanese_not_in_use_and_chinese_isps_english_are_unknown_users() -> None:
    check_phrases(
        [
            # "this address is not in use now": closed, as a disconnected number is (hard, as
            # "no longer in use" is in the other languages)
            ("550 このメールアドレスは現在使われておりません。", r.ACCOUNT_DISABLED),
            ("550 宛先は使用されていません", r.ACCOUNT_DISABLED),
            # Coremail's list of its replies (NetEase 163/126, Sina, 21cn and Chinese ISPs)
            ("550 recipient does not have an account", r.USER_UNKNOWN),
            ("550 User does not have a portal.example account", r.USER_UNKNOWN),
        ]
    )


@pytest.mark.parametrize(
    "text",
    [
        # the sender's own account or address: never the recipient's being gone
        "550 حساب کاربری شما غیرفعال شده است",
        "550 نشانی فرستنده یافت نشد",
        "550 Akaun anda telah dinyahaktifkan",
        "550 Alamat e-mel pengirim tidak sah",
        "550 Sender does not have an account",
        "550 Жіберушінің мекенжайы табылмады",
        "550 Сіздің тіркелгіңіз өшірілген",
    ],
)
def test_the_senders_own_is_never_the_recipient_gone(text: str) -> None:
    assert r.derive("5.0.0", "550", text, "failed", "RCPT") not in (r.USER_UNKNOWN, r.ACCOUNT_DISABLED)


def test_a_suspended_user_is_a_pause_whatever_its_status() -> None:
    # Korean portals answer "550 5.1.1 Suspended user" for an account on hold: the suspension
    # overrules the 5.1.1 (a temporary state is soft; only a closure is hard)
    for status in ("5.1.1", "5.0.0"):
        reason = r.derive(status, "550", "550 5.1.1 Suspended user", "failed", "RCPT")
        assert reason == r.SUSPEND, status
        assert r.classify(reason, status, "550") == "soft"


def test_a_dormant_account_is_closed_whatever_its_status() -> None:
    # Korean portals' English for an account closed after a year without a login ("휴면 계정"):
    # gone, hard, also under the 5.2.1 that otherwise reads as the recipient's filter
    for status in ("5.2.1", "5.0.0"):
        text = "550 5.2.1 DORMANT ACCOUNT: the recipient has not logged in for 1 year"
        reason = r.derive(status, "550", text, "failed", None)
        assert reason == r.ACCOUNT_DISABLED, status
        assert r.classify(reason, status, "550") == "hard"


def test_an_arabic_recipient_not_valid_is_unknown_but_the_senders_is_not() -> None:
    check_phrases(
        [
            ("550 البريد الإلكتروني للمستلم غير صالح", r.USER_UNKNOWN),
            ("550 عنوان البريد الإلكتروني غير صحيح", r.USER_UNKNOWN),
        ]
    )
    assert r.derive("5.0.0", "550", "550 عنوان المرسل غير صالح", "failed", "RCPT") != r.USER_UNKNOWN


RUSSIAN = "Пользователь не найден, почтовый ящик получателя не существует"
UKRAINIAN = "Поштова скринька одержувача переповнена, її власник недоступний"


@pytest.mark.parametrize(
    ("text", "written", "label"),
    [
        # one of the pair under the other's label: the bytes decide
        (RUSSIAN, "cp1251", "koi8-r"),
        (RUSSIAN, "koi8_r", "windows-1251"),
        (UKRAINIAN, "cp1251", "koi8-u"),
        (UKRAINIAN, "koi8_u", "windows-1251"),
        # each under its own label stays as it is
        (RUSSIAN, "koi8_r", "koi8-r"),
        (RUSSIAN, "cp1251", "windows-1251"),
        (UKRAINIAN, "koi8_u", "koi8-u"),
    ],
    ids=[
        "ru-1251-as-koi8r",
        "ru-koi8r-as-1251",
        "uk-1251-as-koi8u",
        "uk-koi8u-as-1251",
        "ru-koi8r",
        "ru-1251",
        "uk-koi8u",
    ],
)
def test_koi8_and_windows_1251_under_each_others_label(text: str, written: str, label: str) -> None:
    assert decode_bytes(text.encode(written), label) == text


def test_cyrillic_in_capitals_keeps_its_label() -> None:
    # (read in the other charset its words are lower-case, but its letters a permutation)
    caps = "ПОЛЬЗОВАТЕЛЬ НЕ НАЙДЕН, ПОЧТОВЫЙ ЯЩИК НЕ СУЩЕСТВУЕТ"
    assert decode_bytes(caps.encode("cp1251"), "windows-1251") == caps
    assert decode_bytes(caps.encode("koi8_r"), "koi8-r") == caps


def test_a_few_cyrillic_bytes_keep_their_label() -> None:
    # (too few 8-bit letters to weigh a reading: the label is trusted)
    assert decode_bytes("Ошибка".encode("koi8_r"), "koi8-r") == "Ошибка"


@pytest.mark.parametrize(
    "text",
    [
        "Доставка вашего сообщения адресату ivan@isp.ru.example задерживается.",
        "Сервер продолжит попытки доставки. Повторно отправлять сообщение не нужно.",
        "تأخر تسليم رسالتك إلى المستلم التالي:",
        "سيستمر الخادم في محاولة التسليم.",
        "لم يتم تسليم رسالتك إلى salem@isp.sa.example بعد.",
        "המסירה לנמענים או לקבוצות אלה מתעכבת.",
        "ההודעה עדיין לא נמסרה לנמען. השרת ימשיך לנסות.",
        "تحویل به این گیرندگان یا گروه‌ها با تأخیر مواجه شده است.",
        "سرور به تلاش برای تحویل ادامه خواهد داد.",
    ],
    ids=["ru-delayed", "ru-will-keep-trying", "ar-delayed", "ar-will-keep-trying", "ar-not-yet",
         "he-delayed", "he-not-yet", "fa-delayed", "fa-will-keep-trying"],
)  # fmt: skip
def test_a_delay_in_russian_arabic_hebrew_or_persian_is_a_delay_notice(text: str) -> None:
    assert is_delay_notice("", text)


@pytest.mark.parametrize(
    "text",
    [
        # (Arabic "بعد" before a noun is "after": not delivered after several attempts, final)
        "لم يتم تسليم الرسالة بعد عدة محاولات.",
        "فشل التسليم إلى هؤلاء المستلمين أو المجموعات:",
        "Пользователь не найден",
        "לא ניתן היה למסור את ההודעה לנמענים הבאים:",
    ],
)
def test_a_final_report_is_not_a_delay_notice(text: str) -> None:
    assert not is_delay_notice("", text)


TAIWAN = "您好，您寄出的郵件無法送達。收件者信箱不存在，請確認收件者的地址。"
MAINLAND = "您好，您发送的邮件无法投递。收件人邮箱地址不存在，请确认收件人的地址。"
THAI = "ไม่สามารถส่งอีเมลได้ ไม่มีผู้ใช้นี้ในระบบ กรุณาตรวจสอบที่อยู่ผู้รับอีกครั้ง"


def test_big5_under_a_gb_label_is_read_as_big5() -> None:
    # (Taiwan's and Hong Kong's Big5 sent under the mainland label: GB18030 reads it into its
    # user-defined rows, private-use characters)
    for label in ("gb2312", "gbk"):
        assert decode_bytes(TAIWAN.encode("big5"), label) == TAIWAN
    # GB text under its own label stays GB, and so does GBK's traditional characters
    assert decode_bytes(MAINLAND.encode("gb2312"), "gb2312") == MAINLAND
    assert decode_bytes(TAIWAN.encode("gbk"), "gbk") == TAIWAN


def test_unlabelled_thai_is_read_as_thai() -> None:
    assert decode_bytes(THAI.encode("cp874"), None) == THAI
    # the other single-byte alphabets keep their own reading
    for text, charset in (
        ("Пользователь не найден, ящик не существует", "cp1251"),
        ("המשתמש אינו קיים במערכת הזאת", "cp1255"),
    ):
        assert decode_bytes(text.encode(charset), None) == text


@pytest.mark.parametrize("status", ["5.1.0", "5.1.1"])
@pytest.mark.parametrize(
    "text",
    [
        # Exchange 2003 wraps a 5xx reply with no status of its own as "5.1.0 - Unknown address
        # error": the reply it quotes is a refusal of the message as spam, sender-side (soft)
        "5.1.0 - Unknown address error 550-'Message rejected as spam by Content Filtering'",
        "5.1.0 - Unknown address error 550-'Transaction failed. (SPAM_SUSPECT:IP_CONTROL)'",
        "550 5.1.1 Message rejected under suspicion of SPAM",
    ],
)
def test_a_spam_refusal_under_an_addressing_status_is_spam(text: str, status: str) -> None:
    reason = r.derive(status, "550", text, "failed", None)
    assert reason == r.SPAM_DETECTED
    assert r.classify(reason, status, "550") == "soft"


def test_an_unknown_user_that_mentions_spam_elsewhere_stays_unknown() -> None:
    text = "550 5.1.1 <a@b.example>: Recipient address rejected: User unknown (spam folder full)"
    assert r.derive("5.1.1", "550", text, "failed", "RCPT") == r.USER_UNKNOWN
