"""Wordings of Vietnamese, Thai, Indonesian, Malay, Filipino and Nepalese mail systems that the
families missed (probe of South and Southeast Asian ISPs' and hosts' notices): the sender's
sending quota in Vietnamese (not the recipient's storage), the recipient's domain not registered,
the sending server blocked; the recipient's domain and an address no longer used in Indonesian;
the recipient's account closed for use in Thai; the mailbox as the noun that is not found in
Tagalog; Nepali's own verbs."""

from __future__ import annotations

import pytest

from parsers import reasons as r
from tests.parsers.languages import check_phrases


def test_south_and_southeast_asian_wordings() -> None:
    check_phrases(
        [
            # vi: the sender's sending quota or rate (soft), not the recipient's storage
            ("550 Vượt quá hạn mức gửi thư trong ngày", r.RATE_LIMITED),
            ("550 Tài khoản đã đạt giới hạn gửi thư mỗi giờ", r.RATE_LIMITED),
            ("550 Bạn gửi quá nhiều thư, vui lòng thử lại sau", r.RATE_LIMITED),
            ("552 Hộp thư người nhận đã vượt quá hạn mức lưu trữ", r.MAILBOX_FULL),
            ("552 Vượt quá dung lượng hộp thư", r.MAILBOX_FULL),
            # vi: the recipient's domain not registered; the sending server blocked
            ("550 Tên miền người nhận chưa được đăng ký", r.HOST_UNKNOWN),
            ("550 Ten mien chua dang ky", r.HOST_UNKNOWN),
            ("554 Máy chủ gửi thư của bạn đã bị chặn", r.BLOCKED),
            # id: the recipient's domain; an address no longer used
            ("550 Domain penerima tidak ditemukan", r.HOST_UNKNOWN),
            ("550 Penerima tidak ditemukan", r.USER_UNKNOWN),
            ("550 Alamat email ini sudah tidak digunakan lagi", r.ACCOUNT_DISABLED),
            ("550 Akun tersebut tidak lagi dipakai", r.ACCOUNT_DISABLED),
            # th: whose account, closed for use ("ปิดการใช้งาน")
            ("550 บัญชีอีเมลของผู้รับถูกปิดการใช้งานแล้ว", r.ACCOUNT_DISABLED),
            ("550 บัญชีของผู้รับถูกปิดการใช้งานชั่วคราว", r.SUSPEND),
            # tl: the mailbox or inbox not found
            ("550 Hindi umiiral ang mailbox ng tatanggap", r.USER_UNKNOWN),
            ("550 Hindi nahanap ang inbox", r.USER_UNKNOWN),
            # ne: not found, does not exist, full, closed; the domain not found
            ("550 प्रापकको इमेल ठेगाना फेला परेन", r.USER_UNKNOWN),
            ("550 प्रयोगकर्ता अवस्थित छैन", r.USER_UNKNOWN),
            ("552 प्रापकको मेलबक्स भरिएको छ", r.MAILBOX_FULL),
            ("550 यो खाता निष्क्रिय गरिएको छ", r.ACCOUNT_DISABLED),
            ("550 डोमेन भेटिएन", r.HOST_UNKNOWN),
        ]
    )


@pytest.mark.parametrize(
    "text",
    [
        # the sender's domain not registered: a refusal of the sender, never the recipient's domain
        "550 Tên miền của người gửi chưa được đăng ký",
        "550 Ten mien nguoi gui chua duoc dang ky",
    ],
)
def test_the_senders_unregistered_domain_is_not_the_recipients(text: str) -> None:
    assert r.derive("5.0.0", "550", text, "failed", "RCPT") != r.HOST_UNKNOWN
