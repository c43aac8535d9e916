"""Report parts (delivery-status, feedback-report) sent base64 or quoted-printable are read decoded.

The email package parses a message/* part into header blocks whatever its transfer encoding: the
text it holds is the encoded text (parsers.mail._encoded_report)."""

from __future__ import annotations

import base64
import quopri

import pytest

from parsers.mail import load

FIELDS = "Final-Recipient: rfc822; ann@dest.example\r\nAction: failed\r\nStatus: 5.1.1\r\n"
ARF = "Feedback-Type: abuse\r\nVersion: 1\r\nOriginal-Rcpt-To: <noah.meier@isp.example.ch>\r\n"


def report(kind: str, encoding: str, body: str) -> bytes:
    return (
        "From: postmaster@relay.example\r\nTo: alerts@sender.example\r\nMIME-Version: 1.0\r\n"
        f'Content-Type: multipart/report; report-type={kind}; boundary="b"\r\n\r\n'
        "--b\r\nContent-Type: text/plain\r\n\r\nA report.\r\n\r\n"
        f"--b\r\nContent-Type: message/{kind}\r\nContent-Transfer-Encoding: {encoding}\r\n\r\n"
        f"{body}\r\n--b--\r\n"
    ).encode()


def report_parts(kind: str, encoding: str, body: str) -> list[str]:
    mail = load(report(kind, encoding, body))
    parts = mail.delivery_status if kind == "delivery-status" else mail.feedback_report
    return [part.strip() for part in parts]


@pytest.mark.parametrize(("kind", "fields"), [("delivery-status", FIELDS), ("feedback-report", ARF)])
def test_a_base64_part_is_decoded_to_its_fields(kind: str, fields: str) -> None:
    encoded = base64.encodebytes(fields.encode()).decode()
    assert report_parts(kind, "base64", encoded) == [fields.replace("\r\n", "\n").strip()]


@pytest.mark.parametrize(("kind", "fields"), [("delivery-status", FIELDS), ("feedback-report", ARF)])
def test_a_quoted_printable_part_is_decoded_to_its_fields(kind: str, fields: str) -> None:
    # (a soft line break inside a value: the email package reads the header block only up to it)
    name, value = fields.split("\r\n")[-2].split(": ", 1)
    cut = fields.replace(f"{name}: {value}", f"{name}: {value[:12]}=\r\n{value[12:]}")
    assert report_parts(kind, "quoted-printable", cut) == [fields.replace("\r\n", "\n").strip()]


def test_quoted_printable_escapes_are_undone() -> None:
    fields = "Feedback-Type: abuse\nAuthentication-Results: mx.example; spf=pass smtp.mailfrom=a.example\n"
    encoded = quopri.encodestring(fields.encode()).decode()
    assert "=3D" in encoded
    assert report_parts("feedback-report", "quoted-printable", encoded) == [fields.strip()]


def test_a_part_written_as_fields_is_kept_as_written_whatever_its_label_says() -> None:
    # (labelled base64 but written as fields: the email package read them as headers)
    assert report_parts("delivery-status", "base64", FIELDS) == [FIELDS.replace("\r\n", "\n").strip()]
    assert report_parts("delivery-status", "7bit", FIELDS) == [FIELDS.replace("\r\n", "\n").strip()]
