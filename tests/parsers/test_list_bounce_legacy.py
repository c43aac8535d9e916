"""Legacy reports as mailing-list bounce archives keep them (issue 12's list-archive family, second
probe): MMDF's and Domino's own verdicts, Sendmail's 503 to DATA after every RCPT TO was refused, a
5.1.1 that says the mailbox was deleted, ezmlm 0.53's warning to a member, and GroupWise's status
report that names the member by user id over a list's personalised copy."""

from __future__ import annotations

import pytest

from parsers import parse, reasons
from parsers.listadmin import warns_member_of_bounces


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("(Username not recognized)", reasons.USER_UNKNOWN),
        ("r.fenwick: User name not recognised", reasons.USER_UNKNOWN),
        ("No route found to domain TREASURY from server HUB01/BANK.", reasons.HOST_UNKNOWN),
    ],
)
def test_legacy_verdicts(text: str, reason: str) -> None:
    assert reasons.match_text(text) == reason


def test_all_recipients_invalid_answers_the_rcpt_stage() -> None:
    # the 503 comes after DATA, but it reports that every RCPT TO was refused
    assert (
        reasons.derive(None, "503", "503 All recipients are invalid", "failed", "DATA")
        == reasons.USER_UNKNOWN
    )
    # any other user-unknown text after DATA stays the recipient's filter
    assert reasons.derive(None, "550", "550 User unknown", "failed", "DATA") == reasons.FILTERED


def test_a_deleted_mailbox_under_511_is_a_closed_account() -> None:
    for text in (
        "550 5.1.1 <a@b.example>: this mailbox has been deleted",
        "550 5.1.1 <a@b.example>... account deleted; mail is no longer accepted",
        "550 5.1.1 deleted mailbox",
    ):
        assert reasons.derive("5.1.1", None, text, "failed", "RCPT") == reasons.ACCOUNT_DISABLED, text
    assert reasons.ACCOUNT_DISABLED in reasons.HARD
    # a plain 5.1.1 (or one whose deleted thing is the message) stays an unknown user
    assert reasons.derive("5.1.1", None, "550 5.1.1 User unknown", "failed", "RCPT") == reasons.USER_UNKNOWN
    assert (
        reasons.derive("5.1.1", None, "550 5.1.1 no such user; message deleted", "failed", "RCPT")
        == reasons.USER_UNKNOWN
    )


def test_ezmlm_053_warning_wording() -> None:
    text = "Hi! This is the ezmlm program.\nMessages to you seem to have been bounced. I've attached a copy"
    assert warns_member_of_bounces("patterns-help@lists.quilters.example", text)
    # the same words from anyone but a list manager's administrative address are no list notice
    assert not warns_member_of_bounces("postmaster@mx.home.example", text)


_REPORT = """\
Return-Path: <>
From: Postmaster@gwia.parks.example
To: trails-bounces@lists.hikers.example
Subject: Message status - undeliverable
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="b1"

--b1
Content-Type: text/plain

The message that you sent was not delivered to the following recipient:

   {name}

User not found

--b1
Content-Type: message/rfc822

From: trails@lists.hikers.example
To: {to}
Subject: [trails] Closed for repairs
List-Id: <trails.lists.hikers.example>
List-Post: <mailto:trails@lists.hikers.example>

The north loop is closed.

--b1--
"""


def test_name_only_report_over_list_mail() -> None:
    # a list's personalised copy names the member: the member whose user id the report names failed
    member = parse(_REPORT.format(name="pnovak", to="pnovak@parks.example").encode())
    assert [(e.recipient, e.classification) for e in member.events] == [("pnovak@parks.example", "hard")]
    # a post addressed to the list itself is no member's mail: the list is never the recipient
    post = parse(_REPORT.format(name="trails", to="trails@lists.hikers.example").encode())
    assert "trails@lists.hikers.example" not in [e.recipient for e in post.events]
