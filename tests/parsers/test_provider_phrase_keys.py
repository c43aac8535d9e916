"""A provider's phrase table is searched only in a reply that holds one of its keys (the phrases'
first characters, shared by phrases that begin alike): the reason found is the one the search of
every phrase in the table's order found."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parsers.delivery import Delivery
from parsers.reasons import providers as rhost

_TABLES = {
    name: table
    for name, table in vars(rhost).items()
    if isinstance(table, tuple) and len(table) == 3 and isinstance(table[1], dict)
}


def _every_phrase(text: str, table: rhost._PhraseTable) -> str | None:
    """The search it replaced: each phrase in the table's order."""
    for phrase in table[0]:
        if phrase in text:
            return table[1][phrase]
    return None


def test_the_tables_are_all_found() -> None:
    assert {"_ANYWHERE", "_YAHOO", "_COX", "_TENCENT"} <= set(_TABLES)


@pytest.mark.parametrize("name", sorted(_TABLES))
def test_a_table_finds_the_reason_every_phrase_searched_found(name: str) -> None:
    table = _TABLES[name]
    # (pieces of its phrases: their beginnings, ends and whole, which a reply may hold in any order)
    pieces = st.sampled_from(
        [p for phrase in table[0] for p in (phrase, phrase[: rhost._KEY], phrase[rhost._KEY :], phrase[:-1])]
        + [" ", "x"]
    )

    @settings(max_examples=300, deadline=None)
    @given(st.lists(pieces, max_size=6).map("".join))
    def check(text: str) -> None:
        reply = rhost._Reply(Delivery(recipient="a@b.example", diagnostic=text))
        assert rhost._phrases(reply, table) == _every_phrase(reply.text, table)

    check()
    for phrase in table[0]:
        reply = rhost._Reply(Delivery(recipient="a@b.example", diagnostic=f"550 {phrase} x"))
        assert rhost._phrases(reply, table) == _every_phrase(reply.text, table) == table[1][phrase]
