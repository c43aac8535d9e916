"""Attribution evidence: who sent the original, as plain data read from the returned message."""

from __future__ import annotations

import base64
import json
from email.message import Message
from pathlib import Path

import pytest

from parsers import parse
from parsers.arf import kumo_ref_recipient
from parsers.attribution import list_verp_member, returned_original
from parsers.mail import Mail

FIXTURES = Path(__file__).parent / "fixtures"


def _raw(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def test_a_dsn_reports_the_originals_sender_evidence() -> None:
    found = parse(_raw("languages/es-account-disabled.eml")).attribution
    assert found is not None
    assert found.verp_local_part == "bounces+acme.t1"  # the original's Return-Path
    assert found.account == "acme"
    assert found.original_message_id == "<es-account-disabled@sender.example>"
    assert found.from_domain == "sender.example"
    assert found.mail_from_domain == "mail.sender.example"


def test_the_account_header_name_is_an_option() -> None:
    raw = _raw("languages/es-account-disabled.eml").replace(
        b"X-Bounceback-Account: acme", b"X-Sent-For: globex"
    )
    assert parse(raw).attribution.account is None  # type: ignore[union-attr]
    assert parse(raw, account_header="X-Sent-For").attribution.account == "globex"  # type: ignore[union-attr]


def test_a_complaint_reports_feedback_id_dkim_and_mail_from() -> None:
    found = parse(_raw("complaints/arf-opt-out.eml")).attribution
    assert found is not None
    assert found.feedback_id == "march:newsletter:acme-mail:acme"
    assert found.feedback_sender_id == "acme"
    assert found.dkim_domain == "acme.example"
    assert found.from_domain == "acme.example"
    assert found.mail_from_domain == "mail.sender.example"  # ARF Original-Mail-From
    assert found.verp_local_part == "bounces+acme.r1"


def test_a_text_bounce_reads_the_original_pasted_after_its_marker() -> None:
    found = parse(_raw("hardness/mail-from-stage.eml")).attribution
    assert found is not None
    assert found.original_message_id == "<mail-from-stage@mail.sender.example>"
    assert found.from_domain == "acme.example"


def test_the_reports_envelope_recipient_carries_the_verp_local_part() -> None:
    # Apple's unsubscribe mail comes back to the List-Unsubscribe mailto address: no original.
    found = parse(_raw("complaints/apple-unsubscribe.eml")).attribution
    assert found is not None and found.verp_local_part == "unsubscribe+acme.r1"
    assert found.original_message_id is None


@pytest.mark.parametrize(
    ("return_path", "local_part"),
    [
        ("prvs=1a2b3c4d5e=news@news.example", None),  # BATV-signed: its '=' is no VERP
        ("PRVS=0123456789=news@news.example", None),
        ("btv1==0a1b2c3d4e5==news@news.example", None),  # Barracuda's form
        ("prvs=1a2b3c4d5e=bounces+acme.t1@news.example", "bounces+acme.t1"),  # a VERP signed so
        ("btv1==0a1b2c3d4e5==bounces+acme.t2@news.example", "bounces+acme.t2"),
        ("bounces+acme.t3@news.example", "bounces+acme.t3"),  # look-alikes: read as before
        ("prvs=news@news.example", "prvs=news"),
        ("srs0=ab12=cd=list.example=bob@fwd.example", "srs0=ab12=cd=list.example=bob"),
    ],
)
def test_a_batv_signature_is_no_verp_local_part(return_path: str, local_part: str | None) -> None:
    raw = _raw("fbl/yahoo-cfl.eml")
    original = parse(raw).attribution
    assert original is not None and original.verp_local_part is None  # (the case has none of its own)
    signed = raw.replace(
        b"Return-Path: <bounce-m-yahoo-1@", f"Return-Path: <{return_path}>\nX-Was: <".encode()
    )
    found = parse(signed).attribution
    assert found is not None and found.verp_local_part == local_part


def test_the_json_shape_carries_an_attribution_object() -> None:
    data = json.loads(json.dumps(parse(_raw("complaints/forwarded-attached.eml")).to_dict()))
    assert data["attribution"]["account"] == "acme"
    assert data["attribution"]["original_message_id"] == "<fwd-att@mail.sender.example>"
    assert json.loads(json.dumps(parse(b"Subject: hello\n\nhi\n").to_dict()))["attribution"] is None


def test_every_envelope_address_is_reported_whatever_its_separator() -> None:
    # The service's VERP separator may be '-': the parser reports every address a return path may
    # come back as (the original's Return-Path first, then the report's envelope recipients, then
    # the stated MAIL FROM), and leaves it to the service to know its own.
    found = parse(_raw("languages/es-account-disabled.eml")).attribution
    assert found is not None
    assert found.envelope_addresses == (
        "bounces+acme.t1@mail.sender.example",
        "bounces+x2@mail.sender.example",
    )
    raw = _raw("complaints/arf-opt-out.eml").replace(
        b"To: fbl@sender.example", b"To: Feedback <bounces-abc123@bounce.sender.example>, fbl@sender.example"
    )
    found = parse(raw).attribution
    assert found is not None
    assert found.envelope_addresses == (
        "bounces+acme.r1@mail.sender.example",  # the original's Return-Path, and the ARF MAIL FROM
        "bounces-abc123@bounce.sender.example",
        "fbl@sender.example",
    )
    assert parse(raw).to_dict()["attribution"]["envelope_addresses"] == list(found.envelope_addresses)


# One original, returned in every shape a complaint arrives in: each must report the same evidence
# and the same recipient (the shapes of parsers.arf, parsers.fbl and parsers.forwarded).
_ORIGINAL = """Return-Path: <bounces+acme.t9@mail.sender.example>
Received: from mta1.sender.example (mta1.sender.example [192.0.2.10])
\tby mx.isp.example with ESMTP id 4AbC
\tfor <rita@isp.example>; Mon, 9 Mar 2026 10:00:00 +0000
DKIM-Signature: v=1; a=rsa-sha256; d=sender.example; s=s1; h=from:to; bh=x; b=y
Feedback-ID: spring:promo:acme-mail:acme
X-Bounceback-Account: acme
Message-ID: <shape-1@sender.example>
From: Acme News <news@sender.example>
To: rita@isp.example
Subject: Spring offers
Date: Mon, 9 Mar 2026 09:59:00 +0000
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8

Hello Rita.
"""
_HEAD = _ORIGINAL.split("\n\n")[0] + "\n"


def _b64(text: str) -> str:
    return base64.encodebytes(text.encode()).decode()


def _arf(
    part_type: str, body: str, encoding: str = "", report_type: str = "; report-type=feedback-report"
) -> str:
    cte = f"Content-Transfer-Encoding: {encoding}\n" if encoding else ""
    return (
        f"From: fbl@isp.example\nTo: fbl@sender.example\nSubject: Abuse report\nMIME-Version: 1.0\n"
        f'Content-Type: multipart/report{report_type}; boundary="b1"\n\n'
        "--b1\nContent-Type: text/plain\n\nThis is an email abuse report.\n\n"
        "--b1\nContent-Type: message/feedback-report\n\nFeedback-Type: abuse\nUser-Agent: SomeFBL/1.0\nVersion: 1\n\n"
        f"--b1\nContent-Type: {part_type}\n{cte}\n{body}\n--b1--\n"
    )


def _forward(part: str) -> str:
    return (
        "From: Rita <rita@isp.example>\nTo: abuse@sender.example\nSubject: Fwd: spam from you\n"
        'MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="b3"\n\n'
        f"--b3\nContent-Type: text/plain\n\nPlease stop this spam.\n\n--b3\n{part}\n--b3--\n"
    )


SHAPES = {
    "arf, whole original": _arf("message/rfc822", _ORIGINAL),
    "arf, text/rfc822-headers": _arf("text/rfc822-headers", _HEAD),
    "arf, message/rfc822-headers": _arf("message/rfc822-headers", _HEAD),
    "arf, original as text/plain": _arf("text/plain", _ORIGINAL),
    "arf, original in base64": _arf("message/rfc822", _b64(_ORIGINAL), "base64"),
    "arf, headers in base64": _arf("text/rfc822-headers", _b64(_HEAD), "base64"),
    "multipart/report without report-type": _arf("message/rfc822", _ORIGINAL, report_type=""),
    "jmrp": (
        "From: staff@hotmail.com\nTo: fbl@sender.example\nSubject: complaint about message from 192.0.2.10\n"
        'MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="b2"\n\n'
        "--b2\nContent-Type: text/plain\n\nA complaint.\n\n"
        f"--b2\nContent-Type: message/rfc822\n\nX-HmXmrOriginalRecipient: rita@isp.example\n{_ORIGINAL}\n--b2--\n"
    ),
    "jmrp, original pasted as the body": (
        "From: staff@hotmail.com\nTo: fbl@sender.example\nSubject: complaint about message from 192.0.2.10\n\n"
        f"X-HmXmrOriginalRecipient: rita@isp.example\n{_ORIGINAL}"
    ),
    "aol scomp, before arf": (
        "From: scomp@aol.example\nTo: fbl@sender.example\nSubject: Client TOS Notification\nX-Loop: scomp\n"
        'MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="b6"\n\n--b6\nContent-Type: text/plain\n\n \n'
        f"--b6\nContent-Type: message/rfc822\n\n{_ORIGINAL}\n--b6--\n"
    ),
    "spamcop, original pasted": (
        "From: 1234@reports.spamcop.net\nTo: abuse@sender.example\n"
        "Subject: [SpamCop (192.0.2.10) id:1234]Spring offers\n\n[ SpamCop V5 ]\nEmail from 192.0.2.10\n\n"
        f"[ Offending message ]\n{_ORIGINAL}"
    ),
    "x-arf, message as evidence": (
        "From: reporter@xarf.example\nTo: abuse@sender.example\nSubject: abuse report about 192.0.2.10\nX-ARF: YES\n"
        'MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="b7"\n\n--b7\nContent-Type: text/plain\n\nSpam.\n\n'
        "--b7\nContent-Type: text/plain\n\nCategory: abuse\nReport-Type: spam\nSource: 192.0.2.10\n"
        f"Attachment: message/rfc822\n\n--b7\nContent-Type: message/rfc822\n\n{_ORIGINAL}\n--b7--\n"
    ),
    "forwarded, attached": _forward(f"Content-Type: message/rfc822\n\n{_ORIGINAL}"),
    "forwarded, attached in base64": _forward(
        f"Content-Type: message/rfc822\nContent-Transfer-Encoding: base64\n\n{_b64(_ORIGINAL)}"
    ),
    "forwarded, .eml file in base64": _forward(
        'Content-Type: application/octet-stream; name="spam.eml"\n'
        f'Content-Disposition: attachment; filename="spam.eml"\nContent-Transfer-Encoding: base64\n\n{_b64(_ORIGINAL)}'
    ),
    "forwarded, inline": (
        "From: Rita <rita@isp.example>\nTo: abuse@sender.example\nSubject: Fwd: spam\nMIME-Version: 1.0\n"
        f"Content-Type: text/plain\n\nStop this spam.\n\n---------- Forwarded message ----------\n{_ORIGINAL}"
    ),
}


@pytest.mark.parametrize("shape", list(SHAPES))
def test_every_complaint_shape_reports_the_originals_evidence(shape: str) -> None:
    result = parse(SHAPES[shape].encode())
    assert [(e.recipient, e.type) for e in result.events] == [("rita@isp.example", "complaint")]
    found = result.attribution
    assert found is not None
    assert found.verp_local_part == "bounces+acme.t9"
    assert found.account == "acme"
    assert found.feedback_id == "spring:promo:acme-mail:acme"
    assert found.feedback_sender_id == "acme"
    assert found.original_message_id == "<shape-1@sender.example>"
    assert found.from_domain == "sender.example"
    assert found.mail_from_domain == "mail.sender.example"
    assert found.dkim_domain == "sender.example"


@pytest.mark.parametrize(
    ("before", "found"),
    [
        ("", True),  # the marker on the text's first line
        ("Delivery failed.\n\n", True),
        ("Delivery failed.\n  ", True),  # (blanks before it on its line)
        ("Delivery failed. ", False),  # (not at the start of a line)
    ],
)
def test_the_copy_marker_counts_only_at_the_start_of_a_line(before: str, found: bool) -> None:
    text = (
        f"{before}--- Below this line is a copy of the message.\n\n"
        "Return-Path: <bounces+x=y@sender.example>\nMessage-ID: <m1@sender.example>\n\nHello\n"
    )
    original = returned_original(Mail(Message(), text=text))
    assert (original is not None and original.get("Message-ID") == "<m1@sender.example>") is found


@pytest.mark.parametrize(
    ("return_path", "member"),
    [
        # qmail's VERP, which bulk senders copy: the member's hyphen stays the member's
        ("bounces-jo.m=isp.example@mail.sender.example", "jo.m@isp.example"),
        ("bounce-mary-ann=isp.example@mail.sender.example", "mary-ann@isp.example"),
        ("return-li.wei=mail.example@bnc.sender.example", "li.wei@mail.example"),
        # a token, not an address
        ("bounces-a1b2c3@mail.sender.example", None),
        ("bounces-a1=b2c3@mail.sender.example", None),
    ],
)
def test_the_member_a_verp_return_path_encodes(return_path: str, member: str | None) -> None:
    assert list_verp_member(return_path) == member


@pytest.mark.parametrize(
    ("value", "recipient"),
    [
        (base64.b64encode(b'{"_@_": "\\\\_o/", "recipient": "ann@isp.example"}').decode(), "ann@isp.example"),
        (base64.b64encode(b'{"recipient": "ann@isp.example"}').decode(), None),  # not KumoMTA's marker
        ("not base64 at all!", None),
        (base64.b64encode(b"\xff\xfe").decode(), None),
    ],
)
def test_the_recipient_kumomtas_tracking_header_names(value: str, recipient: str | None) -> None:
    assert kumo_ref_recipient(value) == recipient
