"""Complaint reports beyond plain ARF: who complained when the report redacts it, JMRP, SpamCop,
X-ARF, forwarded reports, and unsubscribe requests sent as mail. (The fixtures in fixtures/fbl/
check the events; these tests check the rules behind them.)"""

from __future__ import annotations

from pathlib import Path

import pytest

from parsers import fbl, parse
from parsers.arf import NO_RECIPIENT, REDACTED, UNDISCLOSED_RECIPIENT, is_redacted
from parsers.mail import load

FBL = Path(__file__).parent / "fixtures" / "fbl"


@pytest.mark.parametrize(
    ("addr", "redacted"),
    [
        ("xxxxxxx@isp.example", True),
        ("XXXX@isp.example", True),
        ("***@isp.example", True),
        ("redacted@example.net", True),
        ("9a0364b9e99bb480dd25e1f0284c8555@comcast.example", True),  # an MD5 digest
        ("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855@isp.example", True),  # SHA-256
        ("@isp.example", True),
        ("xena@isp.example", False),
        ("x@isp.example", False),  # (one x is a name)
        ("max.x@isp.example", False),
        ("cafe1234@isp.example", False),
    ],
)
def test_what_counts_as_a_redacted_address(addr: str, redacted: bool) -> None:
    assert is_redacted(addr) is redacted


def test_a_masked_recipient_is_reported_as_written_with_a_defect() -> None:
    result = parse((FBL / "arf-redacted-masked-everywhere.eml").read_bytes())
    assert [e.recipient for e in result.events] == ["xxxxxxx@isp5.example"]
    assert REDACTED in result.defects


def test_an_unredacted_source_wins_over_a_redacted_one() -> None:
    result = parse((FBL / "arf-hashed-rcpt-to.eml").read_bytes())
    assert [e.recipient for e in result.events] == ["eli.p@comcast.example"]
    assert REDACTED not in result.defects


def test_a_report_that_names_nobody_keeps_one_complaint_on_the_placeholder() -> None:
    result = parse((FBL / "jmrp-arf-no-recipient.eml").read_bytes())
    assert [e.recipient for e in result.events] == [UNDISCLOSED_RECIPIENT]
    assert NO_RECIPIENT in result.defects
    # who sent it is still known: the original's headers attribute the complaint
    assert result.attribution is not None and result.attribution.account == "shop-a"


def test_spamcop_keeps_the_original_for_attribution() -> None:
    result = parse((FBL / "spamcop-plain.eml").read_bytes())
    assert result.detector == "spamcop"
    assert result.attribution is not None
    assert result.attribution.original_message_id == "<offers-9100@sender.example>"


def test_an_x_arf_report_about_a_host_is_no_complaint() -> None:
    mail = load((FBL / "xarf-login-attack.eml").read_bytes())
    assert fbl.inquire(mail) is None


@pytest.mark.parametrize(
    "raw",
    [
        # a person's mail about SpamCop is not a SpamCop report
        b"From: a@b.example\nSubject: SpamCop listed us again\n\nOffending message:\nFrom: x@y.example\nTo: z@y.example\n",
        # a SpamCop summary (no offending message) is about no recipient
        b"From: summaries@admin.spamcop.net\nSubject: [SpamCop (198.51.100.1) id:1]summary\n\n- SpamCop -\n12 reports\n",
        # X-ARF: no marker header, no report
        b"From: a@b.example\nSubject: report\n\nReport-Type: spam\nCategory: abuse\n",
    ],
)
def test_no_complaint_without_the_formats_marks(raw: bytes) -> None:
    assert fbl.inquire(load(raw)) is None


UNSUBSCRIBE = b"From: Pia <pia@isp.example>\nTo: unsubscribe-77@lists.sender.example\nSubject: x\n\n"


@pytest.mark.parametrize(
    ("raw", "unsubscribes"),
    [
        (UNSUBSCRIBE, True),
        (b"From: Pia <pia@isp.example>\nTo: news@sender.example\nSubject: unsubscribe\n\n", True),
        (b"From: Pia <pia@isp.example>\nTo: news@sender.example\nSubject: Unsubscribe: March news\n\n", True),
        (UNSUBSCRIBE.replace(b"From: Pia <pia@isp.example>", b"From: MAILER-DAEMON@mx.example"), False),
        (UNSUBSCRIBE.replace(b"Subject: x", b"Subject: x\nIn-Reply-To: <m@sender.example>"), False),
        (UNSUBSCRIBE.replace(b"Subject: x", b"Subject: x\nList-Id: <l.example>"), False),
        (UNSUBSCRIBE.replace(b"Subject: x", b"Subject: x\nAuto-Submitted: auto-replied"), False),
        (b"From: Pia <pia@isp.example>\nTo: news@sender.example\nSubject: unsubscribe from what?\n\n", False),
        # the token a List-Unsubscribe mailto link puts in its ?subject=
        (b"From: Pia <pia@isp.example>\nTo: news@sender.example\nSubject: unsubscribe 8f3a21c9\n\n", True),
        (b"From: Pia <pia@isp.example>\nTo: news@sender.example\nSubject: Unsubscribe u=77-b2\n\n", True),
        # a mailto link that sets only the body, or a request written in the body under no subject
        (b"From: Pia <pia@isp.example>\nTo: news@sender.example\n\nunsubscribe\n", True),
        (b"From: Pia <pia@isp.example>\nTo: news@sender.example\nSubject: \n\nBitte austragen\n", True),
        (b"From: Pia <pia@isp.example>\nTo: news@sender.example\n\nHow do I unsubscribe?\n", False),
        # an unsubscribe mailbox named in the sender's language
        (b"From: Pia <pia@isp.example>\nTo: abmeldung+k7f2@news.sender.example\nSubject: \n\n", True),
        (b"From: Pia <pia@isp.example>\nTo: desinscription-55@news.sender.example\n\n", True),
        # or the address to take off
        (
            b"From: Pia <pia@isp.example>\nTo: news@sender.example\nSubject: unsubscribe pia@isp.example\n\n",
            True,
        ),
    ],
)
def test_unsubscribe_requests_sent_as_mail(raw: bytes, unsubscribes: bool) -> None:
    events = [(e.recipient, e.type) for e in parse(raw).events if e.type == "unsubscribe"]
    assert events == ([("pia@isp.example", "unsubscribe")] if unsubscribes else [])


_RECIPIENT_FORWARD = (
    "From: Ines <ines@isp.example>\nTo: jonas@other.example\nSubject: Fwd: Spring bulbs\n"
    "Message-ID: <f2@isp.example>\n\n{words}\n\n---------- Forwarded message ---------\n"
    "From: Garden Deals <deals@shop.example>\nSubject: Spring bulbs\nTo: <ines@isp.example>\n\nOrder now!\n"
)


@pytest.mark.parametrize(
    ("words", "complaint"),
    [
        ("This is not spam, have a look.", False),
        ("Das ist kein Spam, schau mal.", False),
        ("Ce n'est pas du spam, regarde.", False),
        ("Esto no es spam, mira.", False),
        ("Dit is geen spam, kijk eens.", False),
        # (the same words without the negation, and a bare "no", are a complaint's)
        ("This is spam, I never subscribed.", True),
        ("No more spam please, remove me.", True),
        ("Not my choice: this spam keeps coming.", True),
    ],
)
def test_a_negated_abuse_word_is_no_evidence_of_a_report(words: str, complaint: bool) -> None:
    result = parse(_RECIPIENT_FORWARD.format(words=words).encode())
    assert [(e.recipient, e.type) for e in result.events] == (
        [("ines@isp.example", "complaint")] if complaint else []
    )
