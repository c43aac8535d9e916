"""Microsoft's table of (status prefix, range, phrase) entries is read by the class and subject the
status opens with ("5.7."): the reason found is the one a search of every entry in turn finds (a
phrase's entries first, then the code's own reading), for exact statuses, ranged ones, and statuses
of any other shape."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from parsers.delivery import Delivery
from parsers.reasons import providers as rhost

_ENTRIES = [entry for entries in rhost._MICROSOFT.values() for entry in entries]


def _every_entry(reply: rhost._Reply) -> str | None:
    """The reading it describes, entry by entry: those with a phrase in the table's order, then
    those of the code alone, an exact code before a range; the status equal to an entry's prefix,
    or opening with it and its last number in the entry's range (a last part that is no number
    matches none)."""
    status = reply.status
    tail = status.rpartition(".")[2]
    if not tail.isdecimal():
        return None
    last = int(tail)
    entries = [(entry, reason) for reason, entries in rhost._MICROSOFT.items() for entry in entries]
    phrased = [e for e in entries if e[0][3]]
    exact = [e for e in entries if not e[0][3] and e[0][1] == 0]
    ranged = [e for e in entries if not e[0][3] and e[0][1] != 0]
    for (prefix, low, high, phrase), reason in phrased + exact + ranged:
        if low == high == 0:
            if status != prefix:
                continue
        elif not status.startswith(prefix) or not low <= last <= high:
            continue
        if phrase in reply.text:
            return reason
    return None


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
    assert rhost._microsoft(reply) == _every_entry(reply)


def test_each_entry_is_found_under_its_statuses() -> None:
    for prefix, low, high, phrase in _ENTRIES:
        for status in [prefix] if low == high == 0 else [f"{prefix}{low}", f"{prefix}{high}"]:
            reply = rhost._Reply(
                Delivery(recipient="a@outlook.com", status=status, diagnostic=f"x {phrase} y")
            )
            assert rhost._microsoft(reply) == _every_entry(reply) is not None


def test_the_first_entry_read_wins_where_several_hold() -> None:
    # (a reply holding every phrase: 4.7.650, 5.7.1 and 5.4.1 each have entries of several reasons,
    # and 5.7.703 an exact reading inside a range of another)
    phrases = [phrase for *_, phrase in _ENTRIES]
    for text in (" ".join(phrases), " ".join(reversed(phrases))):
        for status in _statuses():
            reply = rhost._Reply(Delivery(recipient="a@outlook.com", status=status, diagnostic=text))
            assert rhost._microsoft(reply) == _every_entry(reply), status


def test_every_prefix_has_the_four_characters_it_is_filed_under() -> None:
    assert all(len(prefix) >= 4 for prefix, *_ in _ENTRIES)


def test_a_phrase_reads_before_the_code_and_an_exact_code_before_its_range() -> None:
    reason = rhost.microsoft_reason
    assert reason("5.4.1", "550 5.4.1 recipient address rejected: access denied.") == "user_unknown"
    assert reason("5.4.1", "550 5.4.1 relay access denied") == "no_relaying"
    assert reason("5.4.1", "550 5.4.1 unable to deliver") == "no_relaying"
    assert reason("5.7.703", "550 5.7.703 your message can't be delivered") == "policy_violation"
    assert reason("5.7.705", "550 5.7.705 access denied, tenant has exceeded threshold") == "blocked"
    assert reason("5.7.705", "550 5.7.705 something else") == "blocked"


def test_rfc_3463s_generic_codes_have_no_reading_of_their_own() -> None:
    # (5.7.1 is any refusal: Outlook.com's block list "(AS3150)" is left to the generic table)
    assert (
        rhost.microsoft_reason("5.7.1", "550 5.7.1 part of their network is on our block list (as3150)")
        is None
    )
    assert rhost.microsoft_reason("5.1.1", "550 5.1.1 no such mailbox") is None
    assert rhost.microsoft_reason(None, "") is None
    assert rhost.microsoft_reason("5.7.x", "") is None
