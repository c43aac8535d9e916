"""A mailto link's target in the text of an HTML body (parsers.mail.html_to_text)."""

from __future__ import annotations

import pytest

from parsers.mail import html_to_text


@pytest.mark.parametrize(
    ("html", "address_written"),
    [
        ('<a href="mailto:ann@b.example">Ann Lee</a>', "<ann@b.example>"),
        ("<A HREF='MAILTO:ann%40b.example'>Ann</A>", "<ann@b.example>"),
        ('<a class="x" href=mailto:ann@b.example target=_blank>ann</a>', "<ann@b.example>"),
    ],
)
def test_a_link_that_names_no_address_keeps_its_target(html: str, address_written: str) -> None:
    assert address_written in html_to_text(html)


@pytest.mark.parametrize(
    "html",
    [
        '<a href="mailto:Ann@B.example">ann@b.example</a>',  # (the text writes it already)
        '<a href="mailto:list-request?subject=help">help</a>',  # (no address)
        '<a href="https://b.example/ann@b.example">profile</a>',  # (no mailto link)
    ],
)
def test_other_links_add_nothing(html: str) -> None:
    assert "<" not in html_to_text(html)
