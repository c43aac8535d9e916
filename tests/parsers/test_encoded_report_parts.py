"""Report parts (delivery-status, feedback-report) that came base64-encoded are read decoded."""

from __future__ import annotations

import base64

from parsers.dsn import decoded_part

FIELDS = "Final-Recipient: rfc822; ann@dest.example\r\nAction: failed\r\nStatus: 5.1.1\r\n"


def encoded(text: str) -> str:
    return "\n\n" + base64.encodebytes(text.encode()).decode()


def test_a_base64_part_is_decoded_to_its_fields() -> None:
    assert decoded_part(encoded(FIELDS)) == FIELDS.replace("\r\n", "\n")


def test_a_part_written_as_fields_is_kept_as_written() -> None:
    assert decoded_part(FIELDS) == FIELDS


def test_base64_that_decodes_to_no_fields_is_kept_as_written() -> None:
    # (a word run that happens to be valid base64, or an encoded blob that is not a report)
    block = encoded("just some words without a single field line")
    assert decoded_part(block) == block
    assert decoded_part("Thisisnotbase64atall!!") == "Thisisnotbase64atall!!"


def test_invalid_base64_is_kept_as_written() -> None:
    block = "QUJD" * 8 + "="  # bad padding
    assert decoded_part(block) == block
