"""National providers' wordings in Asia, Russia, Turkey, the Middle East and south-east Europe
(issue 12): the sender or its IP blocked, the delivery's time run out, an address no longer in
use, Turkish's word for spam. Each sentence is read as the answer to RCPT TO under a 5.0.0 (the
text decides); the look-alikes keep the reason and class they had."""

from __future__ import annotations

import pytest

from parsers import reasons as r
from parsers.reasons.codes import (
    ACCOUNT_DISABLED,
    BLOCKED,
    EXPIRED,
    ON_HOLD,
    SPAM_DETECTED,
    SUSPEND,
    USER_UNKNOWN,
)
from tests.parsers.languages import check_phrases

# the sender or its IP address blocked or black-listed: the sender's, soft
SENDER_BLOCKED = [
    "550 Відправника заблоковано",
    "550 IP-адреса відправника в чорному списку",
    "550 Odesílatel je zablokován",
    "550 IP adresa odesílatele je zablokována",
    "550 Expeditorul este blocat",
    "550 Adresa IP a expeditorului se află pe lista neagră",
    "550 Подателят е блокиран",
    "550 IP адресът на подателя е в черния списък",
    "550 Ο αποστολέας έχει αποκλειστεί",
    "550 Η διεύθυνση IP βρίσκεται σε μαύρη λίστα",
    "550 השולח חסום",
    "550 כתובת ה-IP נמצאת ברשימה השחורה",
    "550 IP adresiniz kara listede bulunuyor",
    "554 Gönderen engellendi",
    "550 발신자 주소가 차단되었습니다",
    "550 迷惑メール対策により、お送りいただいたメールの受信を拒否しました",
]

# an address no longer in use, or that no longer accepts mail: closed, hard (as English's)
NO_LONGER_IN_USE = [
    "550 Этот адрес больше не принимает писем",
    "550 Почтовый ящик больше не обслуживается",
    "550 Ця адреса більше не використовується",
    "550 该邮箱已不再使用",
    "550 더 이상 사용하지 않는 메일 주소입니다",
    "550 هذا العنوان لم يعد مستخدما",
    "550 הכתובת אינה בשימוש עוד",
    "550 این آدرس دیگر استفاده نمی\u200cشود",
    "550 Този адрес вече не се използва",
    "550 Η διεύθυνση δεν χρησιμοποιείται πλέον",
    # (the adjective with its ending: "ενεργός", "έγκυρη")
    "550 Ο λογαριασμός δεν είναι ενεργός πλέον",
]


def test_sender_blocked_in_the_languages() -> None:
    check_phrases([(text, BLOCKED) for text in SENDER_BLOCKED])


def test_no_longer_in_use_in_the_languages() -> None:
    check_phrases([(text, ACCOUNT_DISABLED) for text in NO_LONGER_IN_USE])


def test_turkish_unwanted_mail_is_spam() -> None:
    # ("istenmeyen e-posta", unwanted mail: Turkish for spam)
    check_phrases([("554 İleti istenmeyen e-posta olarak değerlendirildi", SPAM_DETECTED)])


@pytest.mark.parametrize(
    "text",
    [
        "Час очікування доставки вичерпано",
        "Vypršel časový limit pro doručení zprávy",
        "Timpul de livrare a expirat",
        "Времето за доставка изтече",
        "Το χρονικό όριο παράδοσης έληξε",
    ],
)
def test_the_delivery_time_run_out_without_a_status(text: str) -> None:
    got = r.derive(None, None, text, "failed", None)
    assert got == EXPIRED
    assert r.classify(got, None, None) == "soft"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        # temporarily, or the recipient's own account: the suspensions they were
        ("550 Почтовый ящик временно не принимает письма", ON_HOLD),
        ("550 Обліковий запис тимчасово заблоковано", SUSPEND),
        ("550 Účet příjemce je dočasně zablokován", SUSPEND),
        ("550 Contul destinatarului este blocat temporar", SUSPEND),
        ("550 Акаунтът е временно блокиран", SUSPEND),
        ("550 Ο λογαριασμός έχει κλειδωθεί", SUSPEND),
        # the recipient blocking the sender (not "was blocked"), the recipient's junk-mail setting,
        # and a message judged spam
        ("550 수신자가 발신자를 차단했습니다", ON_HOLD),
        ("550 受信者の迷惑メール設定により受信を拒否しました", ON_HOLD),
        ("550 迷惑メールと判断されたため受信を拒否しました", SPAM_DETECTED),
        # "no longer" of something else, or of the sender's own address
        ("550 邮件不再重试", ON_HOLD),
        ("550 发件人邮箱已不再使用", ON_HOLD),
        ("550 더 이상 재시도하지 않습니다", ON_HOLD),
        ("550 لم يعد بالإمكان تسليم الرسالة", ON_HOLD),
        ("550 عنوان المرسل لم يعد صالحا", ON_HOLD),
        ("550 כתובת השולח אינה בתוקף עוד", ON_HOLD),
        ("550 آدرس فرستنده دیگر معتبر نیست", ON_HOLD),
        ("550 Адресът на подателя вече не е валиден", ON_HOLD),
        ("550 Η διεύθυνση του αποστολέα δεν είναι έγκυρη πλέον", ON_HOLD),
        ("550 Адрес отправителя больше не действителен", ON_HOLD),
        # a connection's wait, not the delivery's; "kara" alone; a user locked out of webmail
        ("550 Час очікування з'єднання вичерпано", ON_HOLD),
        ("550 Kara kutu dolu", ON_HOLD),
        ("550 user locked out of webmail, mailbox unavailable", USER_UNKNOWN),
    ],
)
def test_look_alikes_keep_their_reason(text: str, reason: str) -> None:
    assert r.derive("5.0.0", "550", text, "failed", "RCPT") == reason
