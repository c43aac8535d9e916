"""A text-only ARF report with no original counts only as a whole report block.

Some feedback loops send the RFC 5965 fields as plain text and keep the complained-about message
back. Without an original to go by, the block must hold the required fields (Feedback-Type,
User-Agent, Version) and one that says what it is about (Original-Rcpt-To, Removal-Recipient,
Original-Mail-From); a person who quotes a line of a report is not a complaint.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parsers import arf, parse

HEAD = (
    b"From: Ola Nordmann <ola@people.example.org>\n"
    b"To: abuse@sender.example.com\n"
    b"Subject: question about your reports\n"
    b"Content-Type: text/plain; charset=us-ascii\n\n"
)


def test_a_person_quoting_a_line_of_a_report_is_not_a_complaint() -> None:
    body = b"Hello, what does\nFeedback-Type: abuse\nmean in the mail you sent me? User-Agent: Thunderbird\n"
    result = parse(HEAD + body)
    assert not [e for e in result.events if e.type == "complaint"]


def test_a_block_without_a_recipient_or_sender_field_is_not_read_as_a_report() -> None:
    body = b"Feedback-Type: abuse\nUser-Agent: Example/1.0\nVersion: 1\n\nthat is all I got.\n"
    result = parse(HEAD + body)
    assert not [e for e in result.events if e.type == "complaint"]


def test_a_whole_block_names_the_complaining_recipient() -> None:
    body = (
        b"Feedback-Type: opt-out\nUser-Agent: Example/1.0\nVersion: 1\n"
        b"Removal-Recipient: nina@isp.example.net\n"
    )
    result = parse(HEAD.replace(b"Ola Nordmann <ola@people.example.org>", b"fbl@isp.example.net") + body)
    assert [(e.recipient, e.type) for e in result.events] == [("nina@isp.example.net", "unsubscribe")]


# The hyphen test as it was before the letter after the hyphen was tested first (session 12):
# kept as the reference the rewrite must agree with on every text.
_OLD_FEEDBACK_HYPHEN = re.compile("-(?<=[kK\u212a]-)[tT]")


@given(st.text(alphabet="kKtT\u212a-a \n", max_size=40) | st.text(max_size=200))
def test_the_feedback_hyphen_search_agrees_with_the_old_one(text: str) -> None:
    assert (arf._FEEDBACK_HYPHEN.search(text) is None) is (_OLD_FEEDBACK_HYPHEN.search(text) is None)


@pytest.mark.parametrize(
    "text",
    ["Feedback-Type", "FEEDBACK-TYPE", "feedbac\u212a-type", "Content-Type", "k-", "-t", "back-\nType"],
)
def test_the_feedback_hyphen_is_found_where_it_was(text: str) -> None:
    assert (arf._FEEDBACK_HYPHEN.search(text) is None) is (_OLD_FEEDBACK_HYPHEN.search(text) is None)
