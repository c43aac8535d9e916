"""A DSN's Status field written in full-width digits ("Status: ５．１．１", as Chinese and Japanese
servers write their codes) is read as the diagnostic's codes are: as ASCII."""

from __future__ import annotations

import pytest

from parsers import dsn, reasons


@pytest.mark.parametrize(
    ("field", "status"),
    [
        ("５．１．１", "5.1.1"),
        ("５．２．２ (mailbox full)", "5.2.2"),
        ("４．４．１", "4.4.1"),
        # (ASCII as before; a full-width hyphen or solidus is no full stop: no code)
        ("5.1.1", "5.1.1"),
        ("５－１－１", None),
        ("５／１／１", None),
    ],
)
def test_a_full_width_status_field_is_read(field: str, status: str | None) -> None:
    assert dsn._status_of({"status": field}, "", None) == status


@pytest.mark.parametrize("text", ["宛先／ユーザ不明", "ユーザ不明（５／１）"])
def test_a_full_width_solidus_alone_reads_no_code(text: str) -> None:
    # FF0F sits inside the scanned full-width range but is not translated: such a text must read
    # as holding no code (it was read again and again, a RecursionError)
    assert reasons.reply_code_in_text(text) is None
    assert reasons.status_in_text(text) is None
