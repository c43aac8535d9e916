"""Complaints whose report fields and returned original name nobody unredacted: the recipient the
report's own text names, else the member a list manager's VERP return path encodes
(`parsers.arf.named_elsewhere`)."""

from __future__ import annotations

import pytest

from parsers import parse

REPORT = """From: FBL <fbl@isp.example>
To: fbl@mailer.example.com
Subject: Email Feedback Report
Date: Wed, 13 Mar 2024 12:00:00 +0000
MIME-Version: 1.0
Content-Type: multipart/report; report-type=feedback-report; boundary="b"

--b
Content-Type: text/plain; charset=utf-8

This is an email abuse report.
{line}

--b
Content-Type: message/feedback-report

Feedback-Type: abuse
User-Agent: IspFBL/2.1
Version: 1
{fields}
--b
Content-Type: text/rfc822-headers

Return-Path: <{return_path}>
From: news@shop.example.com
To: {to}
Subject: Spring sale
Message-ID: <1@mailer.example.com>

--b--
"""


def recipients(
    line: str = "", fields: str = "", return_path: str = "bounce@mailer.example.com", to: str = ""
) -> list[str]:
    raw = REPORT.format(
        line=line, fields=fields, return_path=return_path, to=to or "undisclosed-recipients:;"
    )
    return [e.recipient for e in parse(raw.encode()).events]


@pytest.mark.parametrize(
    "label",
    [
        "Recipient",
        "Original recipient",
        "Empfänger",
        "Destinataire ",
        "Destinatario",
        "Получатель",
        "Modtager",
    ],
)
def test_a_labelled_line_of_the_report_names_the_masked_recipient(label: str) -> None:
    line = f"{label}: <anna.berg@isp.example>"
    assert recipients(line, "Original-Rcpt-To: xxxxxxxx@isp.example\n") == ["anna.berg@isp.example"]


def test_a_named_address_outside_the_masked_domain_is_no_answer() -> None:
    # (a reporting address, a relay's mailbox: not the complainer once the report showed the domain)
    got = recipients("Recipient: spamdesk@abuse.example.org", "Original-Rcpt-To: xxxxxxxx@isp.example\n")
    assert got == ["xxxxxxxx@isp.example"]


def test_the_reports_own_addressee_is_no_answer() -> None:
    got = recipients("Recipient: fbl@mailer.example.com", "")
    assert got == ["undisclosed-recipient@unknown.invalid"]


def test_a_list_verp_return_path_names_the_member_when_nobody_else_does() -> None:
    assert recipients(return_path="news-bounces+giulia=isp.example@lists.example.com") == [
        "giulia@isp.example"
    ]


def test_the_original_mail_from_field_counts_as_the_return_path() -> None:
    fields = "Original-Mail-From: <news-bounces+giulia=isp.example@lists.example.com>\n"
    assert recipients(fields=fields) == ["giulia@isp.example"]


def test_an_unredacted_to_wins_over_the_verp_return_path() -> None:
    # (an ESP's return path "bounces+id-token=host" reads like a list's VERP: only a last resort)
    got = recipients(return_path="bounces+848413-e276-pat=isp.example@em.example.com", to="pat@isp.example")
    assert got == ["pat@isp.example"]
