"""The one address validator (CLI, API, imports, the pipeline): what is an address, and the one form
it is stored and looked up in. Its use at the edges: tests/api/test_address_edges.py."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from service.domain.addresses import (
    _DOMAIN,
    _LOCAL,
    InvalidAddress,
    _plain,
    _validated,
    normalize_address,
    normalize_plain_addresses,
)

IMPOSSIBLE = [
    "a@b@c",
    "x@-bad-.com",
    "@example.com",
    "jane@",
    "jane",
    "jane..doe@example.com",
    ".jane@example.com",
    "jane doe@example.com",
    "jane@exa mple.com",
    "jane@example_.com",
    "jane@example.123",
    "jane@[192.0.2.1]",
    '"jane doe"@example.com',
    "l" * 65 + "@example.com",  # RFC 5321: 64 octets before the @
    "jane@" + ".".join(["d" * 63] * 4) + ".com",  # 255 after the @ is too many
    "j" * 64 + "@" + ("d" * 62 + ".") * 2 + "d" * 60 + ".com",  # 255 in all: 254 is the most
    "ja\x00ne@example.com",  # PostgreSQL cannot store a NUL
    "ja\ud800ne@example.com",  # nor a lone surrogate
    "jane@exa\x00mple.com",
    "ja\x07ne@example.com",
]


@pytest.mark.parametrize("value", IMPOSSIBLE, ids=repr)
def test_impossible_addresses_are_refused_with_the_reason(value: str) -> None:
    with pytest.raises(InvalidAddress) as refused:
        normalize_address(value)
    message = str(refused.value)
    assert message.startswith("not an email address: ")
    assert len(message) > len("not an email address: ") + 5  # says why, not only that


@pytest.mark.parametrize(
    ("value", "stored"),
    [
        ("Jane.Doe@Example.COM", "jane.doe@example.com"),
        ("  <jane@example.com>  ", "jane@example.com"),
        ("rfc822; Jane@Example.com", "jane@example.com"),
        ("jane@example.com.", "jane@example.com"),  # the domain written as a fully qualified name
        ("l" * 64 + "@example.com", "l" * 64 + "@example.com"),
        ("j" * 64 + "@" + ("d" * 62 + ".") * 2 + "d" * 59 + ".com",) * 2,  # 254 in all
        # IDN domains are stored as A-labels (ASCII, as DNS and most MTAs write them): either form
        # of the same domain is the same address.
        ("jürgen@bücher.de", "jürgen@xn--bcher-kva.de"),
        ("Jürgen@XN--BCHER-KVA.de", "jürgen@xn--bcher-kva.de"),
        ("jane@BÜCHER.de", "jane@xn--bcher-kva.de"),
    ],
)
def test_an_address_has_one_stored_form(value: str, stored: str) -> None:
    assert normalize_address(value) == stored


# Mostly address-like text: ASCII with the characters validation cares about, some non-ASCII.
ADDRESS_CHARS = st.sampled_from(list('abcXYZ09._+-@<>"; \t\x1c.é')) | st.characters(codec="utf-8")


def outcome(value: str) -> str:
    try:
        return _validated(value)
    except InvalidAddress:
        return "<invalid>"


PLAIN_SHAPED = st.builds(
    lambda local, domain: f"{local}@{domain}",
    st.from_regex(_LOCAL, fullmatch=True),
    st.from_regex(_DOMAIN, fullmatch=True),
)


@given(st.text(ADDRESS_CHARS, max_size=40) | PLAIN_SHAPED)
@example("Jane.Doe@Example.COM")
@example("a@b.-com")
@example("a@bb--cc.com")
@example("a@" + "d" * 64 + ".com")
@example("jane@host.LOCAL")
@example("x" * 65 + "@example.com")
@settings(max_examples=600, deadline=None)
def test_the_fast_path_for_plain_addresses_agrees_with_the_validator(value: str) -> None:
    """Bulk checks and imports take the fast path: whatever it accepts, the validator accepts alike."""
    fast = _plain(value)
    if fast is not None:
        assert fast == outcome(value)


def _one_by_one(values: list[str]) -> list[str | None]:
    return [_plain(value) for value in values]


TRICKY = [
    "Jane.Doe@Example.COM",
    "jürgen@bücher.de",
    "jane@xn--bcher-kva.de",
    '"quoted"@example.com',
    " jane@example.com",
    "jane@example.com ",
    "<jane@example.com>",
    "jane@example.com.",
    "jane@example.com\nbob@example.com",
    "a@b@c.com",
    "a.@b.com",
    ".a@b.com",
    "a..b@c.com",
    "a@b..com",
    "a@.b.com",
    "a@b.com@",
    "@b.com",
    "a@",
    "a",
    "",
    "a@localhost",
    "a@host.test",
    "a@bb--cc.com",
    "a@" + "d" * 64 + ".com",
    "x" * 64 + "@example.com",
    "x" * 65 + "@example.com",
    "y@" + "d" * 60 + "." + "e" * 60 + "." + "f" * 60 + "." + "g" * 60 + ".com",
    "tab\t@example.com",
    "q?uest#ion{}@example.com",
    "a@exa!mple.com",
    "a@123.com",
    "a@example.c0m",
]


@given(st.lists(st.sampled_from(TRICKY) | st.text(ADDRESS_CHARS, max_size=30) | PLAIN_SHAPED, max_size=8))
@example(["jane@example.com", "a@b@c.com\nd"])
@example(["a@b.com@c.com", "x.org"])
@example(["User1@Example.com", "new2@example.org"])
@settings(max_examples=1500, deadline=None)
def test_plain_addresses_judged_at_once_are_judged_one_by_one(values: list[str]) -> None:
    """A bulk check judges its whole list at once when every value is plain: the same stored forms
    as one by one, and when any value is not plain, nothing (each then takes the validator)."""
    one_by_one = _one_by_one(values)
    at_once = normalize_plain_addresses(values)
    if None in one_by_one:
        assert at_once is None
    else:
        assert at_once == one_by_one


def test_plain_addresses_judged_at_once_each_tricky_value() -> None:
    for value in TRICKY:
        for values in ([value], ["jane@example.com", value], [value, "Bob@Example.org"]):
            expected = _one_by_one(values)
            assert normalize_plain_addresses(values) == (None if None in expected else expected), values
