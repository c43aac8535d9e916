"""Values the parser remembers between calls (a pure function's recent answers) are the answers the
function gives afresh."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from parsers import dsn

# Address fields as reports write them, and pieces that are not addresses.
FIELDS = st.text(alphabet=st.sampled_from('ab@.;<>" \t\r\nrfc822Zé_-'), max_size=40) | st.sampled_from(
    ["rfc822; <A.B@Example.COM>", "a@b", "<a@b.>", '"x y"@host', "@", "no address", "x@[192.0.2.1]"]
)


@settings(max_examples=400, deadline=None)
@given(values=st.lists(FIELDS, min_size=1, max_size=6))
def test_a_remembered_address_is_the_address_read_afresh(values: list[str]) -> None:
    for value in values + values:  # (the second round is answered from memory)
        expected = dsn._address(value) if value and "@" in value else None
        assert dsn.address(value) == expected, value


def test_long_values_and_string_subclasses_are_read_afresh() -> None:
    class Odd(str):
        def strip(self, chars: str | None = None) -> str:
            return "odd@example.org"

    dsn._remembered_address.cache_clear()
    assert dsn.address(Odd("a@b")) == "odd@example.org"
    assert dsn.address("a@b") == "a@b"
    long_value = "x" * dsn.MAX_REMEMBERED_CHARS + " a@b"
    assert dsn.address(long_value) == "a@b"
    assert dsn._remembered_address.cache_info().currsize == 1
