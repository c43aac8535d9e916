"""derive reads a local delivery program's failure ("x-unix; ...") from the first seven characters
lower-cased, where it lower-cased the whole diagnostic: the same texts are read as one."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from parsers.reasons.codes import MAILER_ERROR
from parsers.reasons.derive import derive

_TEXT = st.lists(
    st.sampled_from(["x", "X", "-", "u", "U", "n", "N", "i", "I", "\u0130", "\u0131", ";", " ", "\t", "fail"]),
    max_size=12,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(_TEXT)
def test_a_unix_mailer_failure_as_the_whole_text_lower_cased_read_it(text: str) -> None:
    # (the form replaced: the stripped text lower-cased whole, then its start compared)
    assert (derive(diagnostic=text) == MAILER_ERROR) == text.strip().lower().startswith("x-unix;")


def test_unix_mailer_failure() -> None:
    assert derive(diagnostic="X-Unix; 127") == MAILER_ERROR
    assert derive(diagnostic="x-unix; 127") == MAILER_ERROR
