"""Single quotes around an address (Exchange 5.5, Notes, Novell: "'a@b' on <date>") are not part of
it; an apostrophe inside a local part is."""

from __future__ import annotations

from parsers.mta._common import clean_address, find_addresses


def test_quotes_around_an_address_are_dropped() -> None:
    assert clean_address("'ann@dest.example' on 6/13/00 11:00 AM") == "ann@dest.example"
    assert find_addresses("'ann@dest.example' and 'bo@dest.example'") == [
        "ann@dest.example",
        "bo@dest.example",
    ]


def test_an_apostrophe_in_the_local_part_is_kept() -> None:
    assert clean_address("o'brien@dest.example on 6/13/00") == "o'brien@dest.example"
    assert find_addresses("to o'brien@dest.example: user unknown") == ["o'brien@dest.example"]


def test_a_leading_apostrophe_without_a_closing_one_is_kept() -> None:
    # ('x@y without a closing quote: nothing says the quote is not the local part's)
    assert clean_address("'ann@dest.example on 6/13/00") == "'ann@dest.example"
