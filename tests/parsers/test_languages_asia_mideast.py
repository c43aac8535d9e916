"""Phrase families of Asian and Middle-Eastern providers' own wordings (issue 12, held-out set
"ISPs outside the English-speaking world"): Hindi (Rediffmail and Indian hosts), and the wordings
the other languages' families missed: an account expired or closed (hard), "no such mailbox",
"no such person", the domain name unknown, an invalid recipient address. And the sender's own
address or domain named in the same words, which is a refusal of the sender, never the
recipient unknown (soft).
"""

from __future__ import annotations

import pytest

from parsers import reasons as r
from tests.parsers.languages import Case, check_phrases

CASES: dict[str, list[Case]] = {
    "hi": [
        ("550 प्राप्तकर्ता का ईमेल पता मौजूद नहीं है", r.USER_UNKNOWN),
        ("550 उपयोगकर्ता नहीं मिला", r.USER_UNKNOWN),
        ("550 अज्ञात प्राप्तकर्ता", r.USER_UNKNOWN),
        ("550 ऐसा कोई उपयोगकर्ता नहीं है", r.USER_UNKNOWN),
        # (the nukta letter precomposed, and left out)
        ("550 उपयोगकर्ता मौ\u095bूद नहीं है", r.USER_UNKNOWN),
        ("550 उपयोगकर्ता मौजूद नहीं है", r.USER_UNKNOWN),
        ("550 आप जिस ईमेल खाते तक पहुँचने का प्रयास कर रहे हैं, वह मौजूद नहीं है", r.USER_UNKNOWN),
        ("552 प्राप्तकर्ता का मेलबॉक्स भर गया है", r.MAILBOX_FULL),
        ("552 मेलबाक्स भरा हुआ है", r.MAILBOX_FULL),
        ("552 भंडारण कोटा पार हो गया है", r.MAILBOX_FULL),
        ("550 खाता निष्क्रिय कर दिया गया है", r.ACCOUNT_DISABLED),
        ("550 यह ईमेल खाता बंद कर दिया गया है", r.ACCOUNT_DISABLED),
        ("550 खाता निष्क्रियता के कारण निलंबित कर दिया गया है", r.ACCOUNT_DISABLED),
        ("450 खाता अस्थायी रूप से निलंबित है", r.SUSPEND),
        ("450 खाता निलंबित है", r.SUSPEND),
        ("550 डोमेन मौजूद नहीं है", r.HOST_UNKNOWN),
        ("550 अज्ञात डोमेन", r.HOST_UNKNOWN),
    ],
    "ja": [
        ("550 該当するメールボックスがありません", r.USER_UNKNOWN),
        ("550 ドメイン名が存在しません", r.HOST_UNKNOWN),
        ("550 このアドレスは現在利用されておりません", r.ACCOUNT_DISABLED),
    ],
    "zh": [
        ("550 查無此人", r.USER_UNKNOWN),
        ("550 無此使用者", r.USER_UNKNOWN),
        ("550 收件人信箱满", r.MAILBOX_FULL),
        ("550 该邮箱已被销户", r.ACCOUNT_DISABLED),
        ("550 此邮箱已停止使用", r.ACCOUNT_DISABLED),
        ("550 收件人账号已欠费停用", r.ACCOUNT_DISABLED),
        ("550 找不到该域名", r.HOST_UNKNOWN),
    ],
    "ko": [
        ("550 메일 주소가 유효하지 않습니다", r.USER_UNKNOWN),
        ("550 유효하지 않은 수신자입니다", r.USER_UNKNOWN),
    ],
    "vi": [
        ("550 Email không tồn tại", r.USER_UNKNOWN),
        ("550 Email người nhận không tồn tại", r.USER_UNKNOWN),
    ],
    "th": [
        ("550 ผู้รับไม่ถูกต้อง", r.USER_UNKNOWN),
        ("550 บัญชีหมดอายุ", r.ACCOUNT_DISABLED),
    ],
    "tr": [
        ("550 Alıcı adresi bulunamadı", r.USER_UNKNOWN),
        ("550 Hesap süresi doldu", r.ACCOUNT_DISABLED),
        ("550 Hesabın süresi dolmuş", r.ACCOUNT_DISABLED),
    ],
    "he": [
        ("550 החשבון פג תוקף", r.ACCOUNT_DISABLED),
        ("550 תוקף החשבון פג", r.ACCOUNT_DISABLED),
    ],
    "ar": [
        ("550 البريد الإلكتروني غير موجود", r.USER_UNKNOWN),
        ("550 انتهت صلاحية الحساب", r.ACCOUNT_DISABLED),
    ],
    "fa": [("550 حساب کاربری منقضی شده است", r.ACCOUNT_DISABLED)],
    "id": [
        ("550 Alamat email penerima tidak valid", r.USER_UNKNOWN),
        ("550 Akun sudah kedaluwarsa", r.ACCOUNT_DISABLED),
        ("550 Akun sudah kadaluarsa", r.ACCOUNT_DISABLED),
    ],
    "ms": [("550 Akaun telah tamat tempoh", r.ACCOUNT_DISABLED)],
}


@pytest.mark.parametrize("lang", sorted(CASES))
def test_phrase_families(lang: str) -> None:
    check_phrases(CASES[lang])


# The sender's own address or domain, in each language's words: never the recipient's.
SENDERS_OWN = [
    "550 送信元アドレスが存在しません",
    "553 差出人のメールアドレスは登録されていません",
    "553 发件人邮箱不存在",
    "553 發件人帳號不存在",
    "550 발신자 주소가 존재하지 않습니다",
    "550 보낸 사람의 도메인이 존재하지 않습니다",
    "553 Gönderen adresi geçersiz",
    "553 Göndericinin e-posta adresi bulunamadı",
    "553 प्रेषक का ईमेल पता मौजूद नहीं है",
    "553 आपका खाता निष्क्रिय कर दिया गया है",
    "451 डोमेन नहीं मिला, बाद में पुनः प्रयास करें",
]


@pytest.mark.parametrize("text", SENDERS_OWN)
def test_the_senders_own_address_is_not_the_recipient_gone(text: str) -> None:
    for status, code in (("5.0.0", text[:3]), ("", "")):
        reason = r.derive(status, code, text, "failed", "RCPT")
        assert r.classify(reason, status, code) == "soft", (text, reason)


# Sentences next to these words that are no failure of the address.
NOT_GONE = [
    "550 邮箱满意度调查",  # (a mailbox satisfaction survey: "满意", satisfied, not full)
    "550 खाता अस्थायी रूप से बंद है",  # (temporarily closed: a pause)
    "552 मेलबॉक्स का आकार बड़ा है",  # (the mailbox is large: nothing said of it being full)
    "550 कृपया ईमेल पता जाँचें",  # (please check the address)
]


@pytest.mark.parametrize("text", NOT_GONE)
def test_other_sentences_are_not_hard(text: str) -> None:
    reason = r.derive("", "", text, "failed", "RCPT")
    assert r.classify(reason, "", "") == "soft", (text, reason)


# A template that labels the sender's address next to the recipient's own reason: the label is not
# the sender's address refused, and the recipient's reason stands.
LABELLED_SENDER = [
    ("发件人地址：news@sender.example 退信原因：收件人不存在", r.USER_UNKNOWN),
    ("差出人アドレス: news@sender.example 原因: 宛先のユーザーは存在しません", r.USER_UNKNOWN),
    ("보낸 사람 주소: news@sender.example 사유: 존재하지 않는 아이디입니다", r.USER_UNKNOWN),
    ("Gönderen adresi: news@sender.example Neden: Kullanıcı bulunamadı", r.USER_UNKNOWN),
    ("प्रेषक का पता: news@sender.example कारण: उपयोगकर्ता मौजूद नहीं है", r.USER_UNKNOWN),
]


@pytest.mark.parametrize(("text", "reason"), LABELLED_SENDER)
def test_a_labelled_sender_address_does_not_veto_the_recipients_reason(text: str, reason: str) -> None:
    assert r.derive("", "", text, "failed", "RCPT") == reason
