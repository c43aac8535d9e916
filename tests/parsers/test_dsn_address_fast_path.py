"""dsn.address's fast path for a bare a@b, <a@b> or Name <a@b> gives what the address pattern's
search gives (parsers.dsn._address), except that an address in closing brackets wins over one the
name before them looks like (RFC 5322's name-addr: `"old@a.example" <new@b.example>`)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parsers import dsn


def _searched(value: str) -> str | None:
    """The address as the search alone reads it (the reading before the fast path), or the whole
    text of closing brackets when it is an address."""
    v = value.strip()
    semi = v.find(";")
    if 0 <= semi < 20 and "@" not in v[:semi]:
        v = v[semi + 1 :]
    if "\\x{" in v:
        v = dsn._unescape_unitext(v)
    lt = v.rfind("<")
    bracketed = dsn._PLAIN_ADDRESS.fullmatch(v[lt + 1 : -1]) if lt >= 0 and v.endswith(">") else None
    m = bracketed or dsn._ADDRESS.search(v)
    if m is None:
        return None
    local, domain = m.group(1), m.group(2).rstrip(".")
    return f"{local}@{domain}".strip(".'").lower()


# Letters, the characters the address pattern stops at, Unicode white space and case traps.
_CHARS = "ab.Z'+=-_@<>\"(),;: \t\u00a0\u2003[]`\\x{}\u0130\u017f\u212a\u00e9"
_PART = st.text(alphabet=_CHARS, max_size=12) | st.text(alphabet="ab.-", min_size=1, max_size=6)
# (lengths around the pattern's bounds: 200 for a local part, 253 for a domain)
_LONG = st.integers(195, 260).map(lambda n: "a" * n)


# A display name before the brackets: may hold an address of its own.
_NAME = _PART | st.sampled_from(["Some User", "x@y.example", '"a@b"', '"a@b" x', "a@b,", "(a@b)"])


@st.composite
def _value(draw: st.DrawFn) -> str:
    local = draw(_PART | _LONG)
    domain = draw(_PART | _LONG)
    address = f"{local}@{domain}"
    shape = draw(st.sampled_from(["bare", "angle", "named", "typed", "trailing"]))
    if shape == "angle":
        return f"<{address}>"
    if shape == "named":
        return f"{draw(_NAME)} <{address}>"
    if shape == "typed":
        return f"rfc822; {draw(_PART)}<{address}>"
    if shape == "trailing":
        return f"{address}{draw(_PART)}"
    return address


@given(value=_value() | st.text(alphabet=_CHARS, max_size=40))
def test_the_fast_path_reads_what_the_search_reads(value: str) -> None:
    assert dsn._address(value) == _searched(value)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("User@Example.ORG", "user@example.org"),
        ("<user@example.org>", "user@example.org"),
        ("Some User <user@example.org.>", "user@example.org"),
        ("rfc822; <user@example.org>", "user@example.org"),
        # (a name that looks like an address: the brackets hold the address, as Outlook writes it)
        ('"a@b" <user@example.org>', "user@example.org"),
        ("x@y.example <user@example.org>", "user@example.org"),
        ("x@y.example <no address>", "x@y.example"),  # (no address in the brackets: the search's)
        ("<user@example.org> trailer", "user@example.org"),
        ("<a" + "b" * 200 + "@example.org>", "b" * 200 + "@example.org"),  # (a local part past 200)
        ("user@" + "d" * 260, "user@" + "d" * 253),  # (a domain past 253)
        ("Name <user@[192.0.2.1]>", "user@[192.0.2.1]"),
        ("Name <no address>", None),
    ],
)
def test_an_address_is_read_from_its_usual_shapes(value: str, expected: str | None) -> None:
    assert dsn._address(value) == expected
