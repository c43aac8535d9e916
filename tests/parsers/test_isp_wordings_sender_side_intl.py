"""National ISPs' own refusals, in their own languages, of what is not the address: the message
taken for spam, the sender or its IP address blocked, the delivery timed out, the recipient's own
refusal, the sender's own domain or account (Japanese, Korean, Chinese, Russian, Polish, Arabic,
Persian, Hebrew, Indonesian, Thai, Vietnamese, Hungarian; Yandex's documented English), and
Afrikaans (South African ISPs) for the address gone and the mailbox full. Each reads under a bare
5.0.0, where the sentence alone decides; then look-alikes that must not.
"""

from __future__ import annotations

import pytest

from parsers import reasons as r
from tests.parsers.languages import Case, check_phrases, reason_under_5_7_1

SPAM: list[Case] = [
    ("554 迷惑メールと判断されたため受信を拒否しました", r.SPAM_DETECTED),
    ("550 スパムメールとして検出されました", r.SPAM_DETECTED),
    ("554 스팸으로 분류되어 수신이 거부되었습니다", r.SPAM_DETECTED),
    ("550 스팸 의심 메일입니다", r.SPAM_DETECTED),
    ("554 تم رفض الرسالة لأنها تعتبر بريدا عشوائيا", r.SPAM_DETECTED),
    ("554 پیام به عنوان هرزنامه رد شد", r.SPAM_DETECTED),
    ("554 ההודעה נדחתה כדואר זבל", r.SPAM_DETECTED),
    ("554 Pesan ditolak karena terdeteksi sebagai spam", r.SPAM_DETECTED),
    ("554 ข้อความถูกปฏิเสธเนื่องจากเป็นสแปม", r.SPAM_DETECTED),
    ("554 Thư bị từ chối vì bị xác định là thư rác", r.SPAM_DETECTED),
    ("554 Az üzenetet kéretlen levélként elutasítottuk", r.SPAM_DETECTED),
    ("554 Die boodskap is as gemorspos geklassifiseer", r.SPAM_DETECTED),
    # Yandex's own table: "[2] Message rejected under suspicion of SPAM"
    ("554 [2] Message rejected under suspicion of SPAM; https://ya.cc/1IrBc", r.SPAM_DETECTED),
]

OTHERS: list[Case] = [
    # the sender or its IP address blocked
    ("554 送信元IPアドレスからの接続を拒否しました", r.BLOCKED),
    ("554 발신 IP가 차단되었습니다", r.BLOCKED),
    ("554 发件人被拒绝：发件人地址在黑名单中", r.BLOCKED),
    ("550 Отправитель заблокирован", r.BLOCKED),
    ("550 Ваш IP-адрес находится в черном списке", r.BLOCKED),
    ("550 Nadawca zablokowany", r.BLOCKED),
    ("554 تم حظر عنوان IP الخاص بالمرسل", r.BLOCKED),
    # the delivery timed out: the server gave up
    ("550 配送期限切れのため、配送を中止しました", r.EXPIRED),
    ("550 投递超时，对方服务器长时间无响应", r.EXPIRED),
    ("550 Истёк срок доставки сообщения", r.EXPIRED),
    # the sender's own domain or account
    ("550 送信元ドメインが存在しません", r.REJECTED),
    ("550 您的账户因发送垃圾邮件已被冻结", r.REJECTED),
    # Afrikaans
    ("550 Die gebruiker bestaan nie", r.USER_UNKNOWN),
    ("550 Onbekende gebruiker", r.USER_UNKNOWN),
    ("552 Die gebruiker se posbus is vol", r.MAILBOX_FULL),
    ("550 Die rekening is gedeaktiveer", r.ACCOUNT_DISABLED),
    ("550 Die domein bestaan nie", r.HOST_UNKNOWN),
]


def test_a_spam_refusal_is_spam_detected() -> None:
    check_phrases(SPAM)


@pytest.mark.parametrize("text", [text for text, _ in SPAM])
def test_a_spam_refusal_under_5_7_1_is_spam_not_a_security_error(text: str) -> None:
    assert reason_under_5_7_1(text) == r.SPAM_DETECTED


def test_a_sender_side_refusal_an_expiry_and_afrikaans_read_by_their_sentence() -> None:
    check_phrases(OTHERS)


def test_the_recipients_own_refusal_after_data_is_filtered() -> None:
    # "收件人拒收此邮件" (the recipient refuses this mail): its filter, soft (a filter answers the
    # message, so the sentence is read where no RCPT TO is named)
    got = r.derive("5.0.0", "550", "550 收件人拒收此邮件", "failed", None)
    assert got == r.FILTERED
    assert r.classify(got, "5.0.0", "550") == "soft"


@pytest.mark.parametrize(
    ("text", "not_reason"),
    [
        # the spam folder, named in a notice, refuses nothing
        ("550 Vui lòng kiểm tra thư mục thư rác", r.SPAM_DETECTED),
        # the sender's address or domain: never the recipient unknown nor its domain gone
        ("550 Die afsender se adres bestaan nie", r.USER_UNKNOWN),
        ("550 Die afsender se domein bestaan nie", r.HOST_UNKNOWN),
        # the sender blocked: not the recipient's mailbox suspended
        ("550 Отправитель заблокирован", r.SUSPEND),
    ],
)
def test_a_look_alike_keeps_its_reading(text: str, not_reason: str) -> None:
    assert r.derive("5.0.0", "550", text, "failed", "RCPT") != not_reason
