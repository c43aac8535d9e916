"""Wordings of Chinese, Taiwanese, Hong Kong, Japanese and Korean mail systems that the families
missed (probe of East Asian ISPs' and carriers' notices): the demonstrative "no such user", the
domain name, the user name, the recipient's nouns, a contract's end, the senders' rate; delay
notices in Japanese and Chinese; short GBK text that reads as Thai letters."""

from __future__ import annotations

import pytest

from parsers import reasons as r
from parsers.mail import decode_bytes
from parsers.reasons import is_delay_notice
from tests.parsers.languages import check_phrases


def test_unknown_users_and_domains_in_east_asian_wordings() -> None:
    check_phrases(
        [
            ("550 没有这个用户", r.USER_UNKNOWN),
            ("550 沒有這個用戶", r.USER_UNKNOWN),
            ("550 收件人信箱無效", r.USER_UNKNOWN),
            ("550 收件人的邮箱地址无效", r.USER_UNKNOWN),
            ("550 收件者的網域名稱不存在", r.HOST_UNKNOWN),
            ("550 网域名称不存在", r.HOST_UNKNOWN),
            ("550 ユーザ名が見つかりません", r.USER_UNKNOWN),
            ("550 ユーザー名は存在しません", r.USER_UNKNOWN),
            ("550 該当するメールアドレスはありません", r.USER_UNKNOWN),
            ("550 該当する宛先は存在しません", r.USER_UNKNOWN),
            ("550 受取人不明", r.USER_UNKNOWN),
            ("550 このアカウントは契約終了により削除されました", r.ACCOUNT_DISABLED),
            ("550 契約解除のため利用停止", r.ACCOUNT_DISABLED),
            ("550 수신인을 찾을 수 없습니다", r.USER_UNKNOWN),
            ("550 존재하지 않는 수신인입니다", r.USER_UNKNOWN),
            ("550 받는 사람의 사서함을 찾을 수 없습니다", r.USER_UNKNOWN),
            ("550 메일박스가 존재하지 않습니다", r.USER_UNKNOWN),
        ]
    )


def test_sender_side_and_passing_states_in_east_asian_wordings() -> None:
    check_phrases(
        [
            # the sender's rate (Tencent's and NetEase's notices, Korean portals): soft
            ("550 发信频率过快，请降低发送频率后重试", r.RATE_LIMITED),
            ("550 發送頻率過高", r.RATE_LIMITED),
            ("550 발송량 초과로 수신이 제한되었습니다", r.RATE_LIMITED),
            ("550 발송 한도가 초과되었습니다", r.RATE_LIMITED),
            # a held account: a pause, soft
            ("550 收件人账户已被临时锁定", r.SUSPEND),
            ("550 帳號已被鎖定", r.SUSPEND),
            # the Korean mailbox short of space stays full
            ("552 받는 사람의 사서함 용량이 부족합니다", r.MAILBOX_FULL),
        ]
    )


@pytest.mark.parametrize(
    "text",
    [
        # the sender's domain name: a refusal of the sender, never the recipient's domain unknown
        "550 發件人的網域名稱不存在",
        "550 发件人的网域名称不存在",
    ],
)
def test_the_senders_domain_name_is_not_the_recipients(text: str) -> None:
    assert r.derive("5.0.0", "550", text, "failed", "RCPT") != r.HOST_UNKNOWN


def test_japanese_and_chinese_delay_notices() -> None:
    assert is_delay_notice("", "以下の宛先へのメールの配信が遅れています。")
    assert is_delay_notice("", "相手先のサーバーに接続できないため、送信を再試行しています。")
    assert is_delay_notice("", "您发送的邮件暂时未能送达，目前仍在发送队列中。")
    assert is_delay_notice("", "您寄出的郵件暫時無法送達，仍在佇列中等待傳送。")
    # a failure's advice to try again is no delay
    assert not is_delay_notice("", "宛先不明のため配信できませんでした。送信を再試行してください。")


@pytest.mark.parametrize("text", ["550 用户不存在", "该用户不存在", "用户名不存在", "此用户已注销"])
def test_short_gbk_text_is_not_read_as_thai(text: str) -> None:
    # (read as windows-874 these are Thai letters with a vowel mark after the repetition mark ๆ
    # or after another mark, where Thai never writes one)
    assert decode_bytes(text.encode("gbk"), None) == text


@pytest.mark.parametrize("text", ["ศักดิ์สิทธิ์ น้ำ กั้น ที่ ปู่ เก้า", "บัญชีผู้ใช้ถูกระงับชั่วคราว", "550 ไม่พบผู้ใช้"])
def test_unlabelled_thai_with_stacked_marks_stays_thai(text: str) -> None:
    assert decode_bytes(text.encode("cp874"), None) == text
