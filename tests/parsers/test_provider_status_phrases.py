"""Google's table of (status, phrase) entries is read by the reply's status: a reply with a status
is compared with that status's phrases alone, and the reason found is the one the search of every
entry in the table's order found."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from parsers.delivery import Delivery
from parsers.reasons import providers as rhost

_ENTRIES = [(status, phrase) for entries in rhost._GOOGLE.values() for status, phrase in entries]


def _every_entry(reply: rhost._Reply) -> str | None:
    """The search it replaced: each entry in the table's order, its status agreeing with the
    reply's when the reply has one."""
    for reason, entries in rhost._GOOGLE.items():
        for status, phrase in entries:
            if phrase in reply.text and (not reply.status or reply.status == status):
                return reason
    return None


# (the table's phrases, whole and cut, which a reply may hold in any order; its statuses, others,
# and none; x.0.0, under which the reply's own status is read from its text)
_PIECES = st.sampled_from([p for _, phrase in _ENTRIES for p in (phrase, phrase[:-1])] + [" ", "550 "])
_STATUSES = st.sampled_from([*dict.fromkeys(s for s, _ in _ENTRIES), "5.0.0", "4.0.0", "5.1.9", None])
_QUOTED = st.sampled_from(["", *dict.fromkeys(f"{s} " for s, _ in _ENTRIES), "5.9.9 "])


@settings(max_examples=1000, deadline=None)
@given(_STATUSES, _QUOTED, st.lists(_PIECES, max_size=5).map("".join))
def test_google_finds_the_reason_every_entry_searched_found(
    status: str | None, quoted: str, text: str
) -> None:
    reply = rhost._Reply(Delivery(recipient="a@gmail.com", status=status, diagnostic=quoted + text))
    assert rhost._google(reply) == _every_entry(reply)


def test_each_entry_is_found_under_its_status_and_under_none() -> None:
    for status, phrase in _ENTRIES:
        for given_status in (status, None):
            reply = rhost._Reply(
                Delivery(recipient="a@gmail.com", status=given_status, diagnostic=f"x {phrase} y")
            )
            assert rhost._google(reply) == _every_entry(reply) is not None
