"""derive reads a local delivery program's failure ("x-unix; ...") from the first seven characters
lower-cased, where it lower-cased the whole diagnostic: the same texts are read as one."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from parsers.reasons.codes import MAILER_ERROR, USER_UNKNOWN
from parsers.reasons.derive import derive

# (each character of "x-unix;" as written, upper-cased, dropped or replaced by a look-alike)
_TEXT = st.tuples(
    st.sampled_from(["", " ", "\t"]),
    *(st.sampled_from([c, c.upper(), "", "\u0130", "\u0131", "x"]) for c in "x-unix;"),
    # (a status whose reason is not the mailer's: the text is the mailer's failure only by its start;
    # not 5.1.1 "user unknown", which a local mailer that says it is reads as the address's fault)
    st.sampled_from([" 550 5.1.2 host unknown", "5.1.2 domain not found"]),
).map("".join)


@settings(max_examples=400, deadline=None)
@given(_TEXT)
def test_a_unix_mailer_failure_as_the_whole_text_lower_cased_read_it(text: str) -> None:
    # (the form replaced: the stripped text lower-cased whole, then its start compared)
    assert (derive(diagnostic=text) == MAILER_ERROR) == text.strip().lower().startswith("x-unix;")


def test_unix_mailer_failure() -> None:
    assert derive(diagnostic="X-Unix; 127") == MAILER_ERROR
    assert derive(diagnostic="x-unix; 550 5.1.2 host unknown") == MAILER_ERROR
    assert derive(diagnostic="x-un\u0130x; 550 5.1.2 host unknown") != MAILER_ERROR


def test_a_local_mailer_that_says_the_user_is_unknown() -> None:
    # (Sendmail's mail.local: "550 5.1.1 name... User unknown": the address is bad, not the mailer)
    assert derive(diagnostic="x-unix; 550 5.1.1 user unknown") == USER_UNKNOWN
    assert (
        derive(status="5.1.1", diagnostic="550 5.1.1 jo... User unknown", diagnostic_type="X-Unix")
        == USER_UNKNOWN
    )
    # (the status alone does not make it: the words must say so)
    assert (
        derive(status="5.1.1", diagnostic="procmail: Lock failure", diagnostic_type="X-Unix") == MAILER_ERROR
    )
