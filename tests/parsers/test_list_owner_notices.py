"""What a list's owner receives besides bounces, and the hand-written and legacy wordings around
them (issue 12's list-archive set): LISTSERV's daily error monitoring report sums up errors already
handled (no report), Sympa's notice that it removed bouncing members (a report of their failure),
a postmaster's "no longer with the company" and "the account for a@b was closed" (gone, hard), an
X.400 gateway's positive delivery report (a receipt) and a notice that delivery "will be attempted
again" (a delay). Each case failed on the tree before these rules."""

from __future__ import annotations

import pytest

from parsers import reasons as r
from parsers.listadmin import removes_member_for_failures, sums_up_handled_errors

MONITORING_REPORT = """The following 2 subscribers are currently being monitored:

Err First Last  Address
--- ----- ----- -------
  3 11/06 11/08 a@example.org
                Last error: 552 5.2.2 Mailbox full

Err=   Number of delivery errors received thus far
"""


def test_listserv_monitoring_report_is_a_summary() -> None:
    assert sums_up_handled_errors(MONITORING_REPORT)
    # (its legend alone, the table cut off by an archive, says the same)
    assert sums_up_handled_errors("Err=   Number of delivery errors received thus far\n")


@pytest.mark.parametrize(
    "text",
    [
        # LISTSERV's removal notice quotes the failure: a report, no summary
        "a@b has been automatically deleted from the L list because of delivery errors.\n550 User unknown",
        "The following addresses had permanent fatal errors -----\n<a@b>\n",
    ],
)
def test_a_report_is_no_summary(text: str) -> None:
    assert not sums_up_handled_errors(text)


def test_sympa_removal_is_a_report_of_the_members_failures() -> None:
    text = (
        "Because we received MANY non-delivery reports, the 2 subsribers listed bellow have been\n"
        "removed from list geologie :\n\na@example.fr\nb@example.fr\n"
    )
    assert removes_member_for_failures(text)


@pytest.mark.parametrize(
    "action",
    [
        "notified that they might be removed from list geologie :",
        "selected by Sympa as severe bouncing addresses :",
    ],
)
def test_sympa_notices_that_remove_nobody_are_no_report(action: str) -> None:
    text = (
        f"Because we received MANY non-delivery reports, the 1 subsribers listed bellow have been\n{action}\n"
    )
    assert not removes_member_for_failures(text)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Jim Thompson is no longer with the company.", r.HAS_MOVED),
        ("The recipient is no longer employed by Harbour Logistics.", r.HAS_MOVED),
        ("Ann no longer works here; please update your records.", r.HAS_MOVED),
        ("This member of staff has left the organisation.", r.HAS_MOVED),
        ("550 <a@b>... Mailbox has been removed", r.ACCOUNT_DISABLED),
        ("The account for a@b.example was closed at the end of the semester.", r.ACCOUNT_DISABLED),
    ],
)
def test_gone_person_or_account(text: str, want: str) -> None:
    assert r.derive(None, None, text, "failed", None) == want
    assert want in r.HARD


@pytest.mark.parametrize(
    "text",
    [
        "Positive delivery report\n\nRecipient: a@b.example\nDelivered at: Mon, 7 Feb 2000 14:21:58 +0100",
        "Delivery to a@b.example succeeded.",
        "Message delivered to a@b.example",
    ],
)
def test_positive_delivery_reports_are_receipts(text: str) -> None:
    assert r.delivery_receipt("Delivery report", text) == "delivered"


def test_a_failed_delivery_is_no_receipt() -> None:
    assert (
        r.delivery_receipt("Delivery report", "Message delivered to a@b.example failed: user unknown") is None
    )


def test_will_be_attempted_again_is_a_delay() -> None:
    text = "Your message has not been delivered yet.\nDelivery\nwill be attempted again in a little while."
    assert r.is_delay_notice("Delivery delay notice", text)
    assert not r.is_delay_notice("", "Delivery failed permanently; it will be attempted again? No: given up.")
