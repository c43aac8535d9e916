"""Microsoft's table of (status prefix, range, phrase) entries is read by the class and subject the
status opens with ("5.7."): the reason found is the one the search of every entry in the table's
order found, for exact statuses, ranged ones, and statuses of any other shape."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from parsers.delivery import Delivery
from parsers.reasons import providers as rhost

_ENTRIES = [entry for entries in rhost._MICROSOFT.values() for entry in entries]


def _every_entry(reply: rhost._Reply) -> str | None:
    """The search it replaced: each entry in the table's order, the status equal to its prefix, or
    opening with it and its last number in the entry's range."""
    status = reply.status
    if not status:
        return None
    last = int(status.rsplit(".", 1)[1])
    for reason, entries in rhost._MICROSOFT.items():
        for prefix, low, high, phrase in entries:
            if low == high == 0:
                if status != prefix:
                    continue
            elif not status.startswith(prefix) or not low <= last <= high:
                continue
            if phrase in reply.text:
                return reason
    return None


def _outcome(rule: object, reply: rhost._Reply) -> object:
    """The rule's reason, or the kind of error it raised (a status whose last part is no number)."""
    try:
        return rule(reply)  # type: ignore[operator]
    except (ValueError, IndexError) as error:
        return type(error)


def _statuses() -> list[str]:
    statuses = []
    for prefix, low, high, _ in _ENTRIES:
        if low == high == 0:
            statuses += [prefix, prefix + "0", "1" + prefix]
        else:
            statuses += [f"{prefix}{n}" for n in (low - 1, low, (low + high) // 2, high, high + 1)]
            statuses += [f"{prefix}0{low}", f"{prefix}1.{low}", f"x{prefix}{low}"]
    return [*dict.fromkeys(statuses), "5.0.0", "4.0.0", "5.7", "5.7.1x", "57"]


# (the table's phrases, whole and cut, which a reply may hold in any order; its statuses, in and
# out of the ranges, of other shapes, and none; x.0.0, under which the status is read from the text)
_PIECES = st.sampled_from([p for *_, phrase in _ENTRIES for p in (phrase, phrase[:-1])] + [" ", "550 "])
_STATUSES = st.sampled_from([*_statuses(), None])
_QUOTED = st.sampled_from(["", "5.7.1 ", "4.7.850 ", "5.7.606 ", "5.1.10 ", "5.9.9 "])


@settings(max_examples=1000, deadline=None)
@given(_STATUSES, _QUOTED, st.lists(_PIECES, max_size=5).map("".join))
def test_microsoft_finds_the_reason_every_entry_searched_found(
    status: str | None, quoted: str, text: str
) -> None:
    delivery = Delivery(recipient="a@outlook.com", status=status, diagnostic=quoted + text)
    reply = rhost._Reply(delivery)
    assert _outcome(rhost._microsoft, reply) == _outcome(_every_entry, reply)


def test_each_entry_is_found_under_its_statuses() -> None:
    for prefix, low, high, phrase in _ENTRIES:
        for status in [prefix] if low == high == 0 else [f"{prefix}{low}", f"{prefix}{high}"]:
            reply = rhost._Reply(
                Delivery(recipient="a@outlook.com", status=status, diagnostic=f"x {phrase} y")
            )
            assert rhost._microsoft(reply) == _every_entry(reply) is not None


def test_the_first_entry_in_the_table_order_wins_where_several_hold() -> None:
    # (a reply holding every phrase: 4.7.650, 5.7.1 and 5.4.1 each have entries of several reasons)
    phrases = [phrase for *_, phrase in _ENTRIES]
    for text in (" ".join(phrases), " ".join(reversed(phrases))):
        for status in _statuses():
            reply = rhost._Reply(Delivery(recipient="a@outlook.com", status=status, diagnostic=text))
            assert _outcome(rhost._microsoft, reply) == _outcome(_every_entry, reply), status


def test_every_prefix_has_the_four_characters_it_is_filed_under() -> None:
    assert all(len(prefix) >= 4 for prefix, *_ in _ENTRIES)
