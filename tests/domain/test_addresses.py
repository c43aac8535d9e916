"""The one address validator (CLI, API, imports, the pipeline): what is an address, and the one form
it is stored and looked up in. Its use at the edges: tests/api/test_address_edges.py."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from service.domain.addresses import _DOMAIN, _LOCAL, InvalidAddress, _plain, _validated, normalize_address

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
