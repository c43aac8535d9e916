"""The status and reply-code patterns, whose look-behind follows their first digit (so that re
skips ahead to a digit), match exactly where the look-behind-first forms they replace match."""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parsers.mta import _common, _providers

status = sys.modules["parsers.reasons.status"]
providers = sys.modules["parsers.reasons.providers"]

# (the pattern in use, the form it replaced: the look-behind first)
PAIRS = {
    "reply_in_text": (status._REPLY_IN_TEXT, r"(?<![\d.])([245]\d\d)(?:[ -]|$)"),
    "continuation": (status.CONTINUATION, r"(?<![\w.])[245]\d\d[- ](?:[245]\.\d{1,3}\.\d{1,3}[ ]?)?"),
    "mta_smtp_code": (_common.SMTP_CODE_RE, r"(?<![\d.\-])([245][0-7]\d)(?=[ \-]|$)"),
    "providers_smtp_code": (_providers._SMTP_CODE, r"(?<![\w.#\-])([245][0-5]\d)(?=[\s\-:;,\]]|$)"),
    "hosted_status": (providers._STATUS, r"(?<![\w.])([245]\.\d{1,3}\.\d{1,3})(?!\.?\d)"),
    "hosted_code": (providers._CODE, r"(?<![\w.\-])([245][0-5]\d)(?=[\s\-:;]|$)"),
}
_TEXT = st.text(alphabet="245017.vV -#:;,]x\n\u0663", max_size=40)


def _matches(
    pattern: re.Pattern[str], text: str, pos: int
) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(), m.groups()) for m in pattern.finditer(text, pos)]


@pytest.mark.parametrize("name", sorted(PAIRS))
def test_the_digit_first_form_matches_where_the_look_behind_first_form_does(name: str) -> None:
    used, replaced = PAIRS[name][0], re.compile(PAIRS[name][1])

    @settings(max_examples=400, deadline=None)
    @given(_TEXT, st.integers(0, 3))
    def check(text: str, pos: int) -> None:
        assert _matches(used, text, pos) == _matches(replaced, text, pos)
        assert used.sub("_", text) == replaced.sub("_", text)

    check()
    for text in (
        "550 5.1.1 user",
        "v5.1.1",
        "1.550 x",
        "a550 5.1.1",
        "5.1.1",
        "x4.4.7.",
        "-550 ",
        "550-5.7.1 no",
    ):
        assert _matches(used, text, 0) == _matches(replaced, text, 0), text


# The status patterns that open on the dot after the class digit (re skips ahead to a dot): their
# matches start one character later than the forms they replace, and only their groups are read
# (find_status's search, status_in's and status_in_text's finditer from the text's start), so the
# groups are compared.
DOT_FIRST = {
    "mta_status": (_common.STATUS_RE, r"(?<![\d.])([245])\.(\d{1,3})\.(\d{1,3})(?![\d.]*\d)"),
    "providers_status": (_providers._STATUS, r"(?<![\w.])([245])\.(\d{1,3})\.(\d{1,3})(?!\.?\d)"),
    "status_in_text": (status._STATUS_IN_TEXT, r"(?<![\d.vV])([245])\.([0-7])\.(\d{1,3})(?![\d]|\.\d)"),
}


@pytest.mark.parametrize("name", sorted(DOT_FIRST))
def test_the_dot_first_form_finds_the_groups_of_the_look_behind_first_form(name: str) -> None:
    used, replaced = DOT_FIRST[name][0], re.compile(DOT_FIRST[name][1])

    def groups(pattern: re.Pattern[str], text: str) -> tuple[object, list[tuple[str | None, ...]]]:
        found = pattern.search(text)
        return (found and found.groups()), [m.groups() for m in pattern.finditer(text)]

    @settings(max_examples=1000, deadline=None)
    @given(_TEXT)
    def check(text: str) -> None:
        assert groups(used, text) == groups(replaced, text)

    check()
    for text in (
        "550 5.1.1 user",
        "1.5.1.1 4.2.2",
        "a5.1.1",
        "5.1.1",
        "x4.4.7.",
        "5.1.1.2.0.0",
        "2.0.05.1.1",
        "v5.1.1 V4.2.2 5.1.1",
    ):
        assert groups(used, text) == groups(replaced, text), text
