"""Wordings of ISPs and webmail in Asia, the Middle East and Africa that the families missed
(issue 12's held-out set "ISPs outside the English-speaking world", probe accintl9): NetEase's
"the mail address is wrong", China Mobile's "void" address, Sina's never-activated mailbox,
Vietnamese "unknown recipient" and "wrong address" (with or without diacritics), Malay's
"no longer active", and Gmail's localized "the address was not found" in Filipino, Swahili,
Bengali, Urdu, Tamil and Amharic (modules of their own); with the sender's own address or
account, and look-alike wordings, that must not read as the recipient gone."""

from __future__ import annotations

import pytest

from parsers import reasons as r
from tests.parsers.languages import check_phrases


def test_chinese_wrong_void_and_unactivated_addresses() -> None:
    check_phrases(
        [
            ("550 收件人邮件地址有误", r.USER_UNKNOWN),
            ("550 收件者郵件地址錯誤", r.USER_UNKNOWN),
            ("550 邮箱地址不正确", r.USER_UNKNOWN),
            ("550 收信人不存在", r.USER_UNKNOWN),
            ("550 收信人地址无效", r.USER_UNKNOWN),
            ("550 该邮箱未激活", r.USER_UNKNOWN),
            ("550 該帳號尚未啟用", r.USER_UNKNOWN),
            ("550 该邮箱地址已失效", r.ACCOUNT_DISABLED),
            ("550 帳號已經失效", r.ACCOUNT_DISABLED),
            # stopped for unpaid fees, with the verb's auxiliaries between
            ("550 用户因欠费已被停机", r.ACCOUNT_DISABLED),
        ]
    )


def test_vietnamese_unknown_recipient_and_wrong_address() -> None:
    check_phrases(
        [
            ("550 Người nhận không xác định", r.USER_UNKNOWN),
            ("550 Nguoi dung khong xac dinh", r.USER_UNKNOWN),
            ("550 Dia chi email nguoi nhan khong dung", r.USER_UNKNOWN),
            ("550 Địa chỉ của người nhận sai", r.USER_UNKNOWN),
            ("550 Sai địa chỉ email người nhận", r.USER_UNKNOWN),
            # expired, with what kind of account between noun and verb
            ("550 Tai khoan email da het han su dung", r.ACCOUNT_DISABLED),
            ("550 Khong co tai khoan nay tren may chu", r.USER_UNKNOWN),
        ]
    )


def test_japanese_expiry_as_a_noun() -> None:
    check_phrases([("550 このアカウントは有効期限切れです", r.ACCOUNT_DISABLED)])


def test_korean_wrong_address_and_use_stopped_for_now_and_taiwans_mailbox_disabled() -> None:
    check_phrases(
        [
            ("550 수신자 주소가 잘못되었습니다", r.USER_UNKNOWN),
            # "temporarily stopped": a pause (it was read as a closed account)
            ("550 일시적으로 사용이 중지된 메일 계정입니다", r.SUSPEND),
            ("550 사용이 중지된 계정입니다", r.ACCOUNT_DISABLED),
            ("550 該信箱已停用", r.ACCOUNT_DISABLED),
        ]
    )


def test_malay_account_no_longer_active() -> None:
    check_phrases(
        [
            ("550 Akaun penerima tidak aktif lagi", r.ACCOUNT_DISABLED),
            ("550 Alamat e-mel ini tidak lagi digunakan", r.ACCOUNT_DISABLED),
        ]
    )


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # Gmail's localized "the address was not found" and the other three families
        ("550 hindi nahanap ang address, o hindi ito makakatanggap ng mail", r.USER_UNKNOWN),
        ("552 Puno na ang mailbox ng tatanggap", r.MAILBOX_FULL),
        ("550 Ang account ng tatanggap ay na-disable", r.ACCOUNT_DISABLED),
        ("550 hindi nahanap ang domain", r.HOST_UNKNOWN),
        ("550 kwa sababu anwani haikupatikana", r.USER_UNKNOWN),
        ("552 Kisanduku cha barua cha mpokeaji kimejaa", r.MAILBOX_FULL),
        ("550 Akaunti ya mpokeaji imefungwa", r.ACCOUNT_DISABLED),
        ("550 Kikoa hicho hakipo", r.HOST_UNKNOWN),
        ("550 কারণ ঠিকানাটি খুঁজে পাওয়া যায়নি", r.USER_UNKNOWN),
        # (য় written as য and the nukta sign)
        ("550 কারণ ঠিকানাটি খুঁজে পাও\u09af\u09bcা যা\u09af\u09bcনি", r.USER_UNKNOWN),
        ("552 প্রাপকের ইনবক্স পূর্ণ", r.MAILBOX_FULL),
        ("550 অ্যাকাউন্টটি মুছে ফেলা হয়েছে", r.ACCOUNT_DISABLED),
        ("550 ডোমেনটি বিদ্যমান নেই", r.HOST_UNKNOWN),
        ("550 کیونکہ پتہ نہیں ملا", r.USER_UNKNOWN),
        # (Arabic heh and yeh for Urdu's own letters)
        ("550 کیونکہ پته نهيں ملا", r.USER_UNKNOWN),
        ("552 میل باکس بھر گیا ہے", r.MAILBOX_FULL),
        ("550 اکاؤنٹ بند کر دیا گیا ہے", r.ACCOUNT_DISABLED),
        ("550 ڈومین موجود نہیں", r.HOST_UNKNOWN),
        ("550 முகவரி கிடைக்கவில்லை அல்லது அஞ்சலைப் பெற முடியவில்லை", r.USER_UNKNOWN),
        ("552 அஞ்சல் பெட்டி நிரம்பியுள்ளது", r.MAILBOX_FULL),
        ("550 கணக்கு நீக்கப்பட்டது", r.ACCOUNT_DISABLED),
        ("550 டொமைன் கிடைக்கவில்லை", r.HOST_UNKNOWN),
        ("550 አድራሻው ስላልተገኘ መልዕክትዎ አልደረሰም", r.USER_UNKNOWN),
        ("552 የመልእክት ሳጥን ሞልቷል", r.MAILBOX_FULL),
        ("550 መለያው ተዘግቷል", r.ACCOUNT_DISABLED),
        ("550 ጎራው አልተገኘም", r.HOST_UNKNOWN),
    ],
)
def test_gmail_languages_of_asia_and_africa(text: str, want: str) -> None:
    check_phrases([(text, want)])


@pytest.mark.parametrize(
    "text",
    [
        # the sender's own address or account: a refusal of the sender
        "550 发件人地址有误",
        "550 發件人郵件地址錯誤",
        "550 您的帐号未激活",
        # a wrong IP address, a wrong password: not the recipient's mail address
        "550 IP地址错误",
        "535 Mat khau nguoi dung khong dung",
        # "I don't know" in Urdu, "the sender's address is wrong" in Vietnamese
        "550 مجھے پتہ نہیں کہ کیا ہوا",
        "550 Dia chi nguoi gui khong dung",
        "550 발신자 메일 주소가 잘못되었습니다",
    ],
)
def test_sender_and_look_alike_wordings_are_not_an_unknown_user(text: str) -> None:
    assert r.derive("5.0.0", "550", text, "failed", None) != r.USER_UNKNOWN


@pytest.mark.parametrize("text", ["550 Akaun anda tidak aktif lagi", "550 您的帐号已失效"])
def test_the_senders_own_inactive_account_is_not_a_closed_account(text: str) -> None:
    assert r.derive("5.0.0", "550", text, "failed", None) != r.ACCOUNT_DISABLED
