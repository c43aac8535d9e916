"""The cap on container parts (parsers.mime._cut_containers) cuts where it cut when every message was
lower-cased and searched: a message holding at most MAX_CONTAINERS slashes is passed on without it
(each declaration ends with its own "/"), and any other is searched as before."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from parsers.mime import _CONTAINER, MAX_CONTAINERS, _cut_containers


def searched(raw: bytes, defects: list[str]) -> bytes:
    """_cut_containers as it was: every message lower-cased, then its declarations counted."""
    low = raw.lower()
    if low.count(b"content-type:") <= MAX_CONTAINERS:
        return raw
    for count, found in enumerate(re.finditer(_CONTAINER, low), 1):
        if count > MAX_CONTAINERS:
            start = max(raw.rfind(b"\n", 0, found.start()), raw.rfind(b"\r", 0, found.start())) + 1
            defects.append(f"too many multipart or message parts: parsed the first {MAX_CONTAINERS}")
            return raw[:start]
    return raw


DECLARATIONS = [
    b"Content-Type: multipart/mixed; boundary=b\n",
    b"content-type:message/rfc822\r\n",
    b"CONTENT-TYPE:\t Multipart/Report\r",
    b"Content-type: MESSAGE/delivery-status\n",
]
# (text with and without slashes, and declarations that are not of a container)
FILLERS = [b"x\n", b"/", b"http://host.example/a\n", b"Content-Type: text/plain\n", b"content-type: \n"]


@st.composite
def messages(draw: st.DrawFn) -> bytes:
    # (around the cap: the cut and the pre-test's bound are at stake there)
    count = draw(st.integers(MAX_CONTAINERS - 2, MAX_CONTAINERS + 2))
    pieces = draw(st.lists(st.sampled_from(DECLARATIONS), min_size=count, max_size=count))
    pieces += draw(st.lists(st.sampled_from(FILLERS), max_size=6))
    return b"".join(draw(st.permutations(pieces)))


@settings(max_examples=400, deadline=None)
@given(raw=messages())
def test_the_cut_is_where_the_search_of_every_message_put_it(raw: bytes) -> None:
    found: list[str] = []
    expected: list[str] = []
    assert _cut_containers(raw, found) == searched(raw, expected)
    assert found == expected


def test_one_declaration_past_the_cap_is_cut_with_no_other_slash() -> None:
    declarations = b"Content-Type: multipart/mixed\n" * MAX_CONTAINERS
    found: list[str] = []
    assert _cut_containers(declarations + b"x\n", found) == declarations + b"x\n" and not found
    cut = _cut_containers(declarations + b"content-type: message/rfc822\n", found)
    assert cut == declarations
    assert found == [f"too many multipart or message parts: parsed the first {MAX_CONTAINERS}"]
