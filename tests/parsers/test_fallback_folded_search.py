"""The fallback reader's searches rewritten over the text folded by parsers.casefold.fold_case
(case-sensitive patterns of lower-case letters) find what the case-insensitive patterns they
replace found in the text as written, on texts built from their own words with the Unicode case
traps (İ ı ſ K) and the rules of dashes that a report draws."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from parsers import fallback
from tests.parsers.test_copy_marker_search import _written  # (each phrase with the case traps)

# The patterns as they were written before: what the folded searches stand for.
_OLD_COPY_MARKER = re.compile(
    r"(?im)^[ \t]*(?:[-=_*][-=_* ]*)?(?:below this line is a copy of the message|unsent message follows"
    r"|this is a copy of (?:your|the) message|original message follows|original message"
    r"|returned message|the original message headers|message headers follow"
    r"|(?:-+ ?)?start of (?:the )?returned message|unsent message below|your message reads"
    r"|a summary of the undelivered message|header of the (?:source|original) (?:mail|message)"
    r"|original text follows|mail item follows)"
)
_SUMMARY_FIELD = (
    r"(?:received|return-path|message-id|mime-version|content-type|from|to|cc|subject|date"
    r"|reply-to|x-[a-z0-9-]{1,40}):[^\n]*\n"
)
_ORIGINAL_FIELD = r"(?:received|return-path|message-id|mime-version|content-type):[^\n]*\n"
_OLD_PASTED_HEADERS = re.compile(
    r"(?im)^(?:" + _SUMMARY_FIELD + "){0,2}" + _ORIGINAL_FIELD + r"(?:[ \t][^\n]*\n){0,4}"
    r"(?:(?:[a-z][a-z0-9-]{1,40}):[^\n]*\n)"
    r"|^(?:" + _SUMMARY_FIELD + "){2,3}" + _ORIGINAL_FIELD
)


def _old_copy_start(text: str) -> int | None:
    starts = [m.start() for m in (_OLD_COPY_MARKER.search(text), _OLD_PASTED_HEADERS.search(text)) if m]
    return min(starts) if starts else None


_PHRASES = [
    "below this line is a copy of the message",
    "unsent message follows",
    "this is a copy of your message",
    "original message follows",
    "returned message",
    "message headers follow",
    "start of the returned message",
    "your message reads",
    "header of the source mail",
    "original text follows",
    "mail item follows",
    "received: from x",
    "return-path: <a@b>",
    "message-id: <1@b>",
    "mime-version: 1.0",
    "content-type: text/plain",
    "from: a@b",
    "to: c@d",
    "subject: hi",
    "x-mailer: kit",
    "x-k: 1",
]
_LEADS = ["", " ", "\t", "-", "--- ", "-- -", "==", "* ", "-=-", "x ", "-" * 30, "- " * 5, " \t-"]


@st.composite
def _report(draw: st.DrawFn) -> str:
    lines = []
    for _ in range(draw(st.integers(0, 8))):
        kind = draw(st.integers(0, 3))
        if kind == 0:
            lines.append(draw(st.text(alphabet="ab -=_*\t:\u0130\u0131\u017f\u212aK\u00e9", max_size=20)))
        elif kind == 1:
            lines.append(draw(st.sampled_from(["", " x", "\tfolded"])))
        else:
            lead = draw(st.sampled_from(_LEADS))
            lines.append(lead + draw(_written(draw(st.sampled_from(_PHRASES)))))
    return "\n".join(lines) + draw(st.sampled_from(["", "\n"]))


@settings(max_examples=1000)
@given(_report())
def test_the_copy_starts_where_the_case_blind_patterns_found_it(text: str) -> None:
    assert fallback.copy_start(text) == _old_copy_start(text)


@settings(max_examples=500)
@given(_report())
def test_a_copy_opens_on_its_marker_as_the_case_blind_pattern_said(copy: str) -> None:
    # (what _pasted_original asks of the copy's first line)
    assert bool(fallback.COPY_MARKER.match(fallback.fold_case(copy.split("\n", 1)[0]))) == bool(
        _OLD_COPY_MARKER.match(copy)
    )


# The phrases searched before the address, as fallback.inquire searched them: case-blind in the
# text as written (the pattern itself is unchanged; only where it is searched moved).
_OLD_INTRO_SAME_LINE = re.compile(fallback._INTRO_SAME_LINE.pattern, re.IGNORECASE)
_INTROS = [
    "following recipients address",
    "recipient",
    "original recipient",
    "unknown user",
    "no such mailbox",
    "invalid address",
    "failed recipients",
    "could not be delivered to",
    "did not reach",
    "unable to deliver message to",
    "undeliverable to",
    "addresses rejected",
    "mail, addressed to",
]
_ADDRESSES = ["jane@example.org", "<Kim.Sisk@MX.example>", "'ike@ks.io'", "a@b", "x@-", "@k.org", "ſ@İ.ı"]


@st.composite
def _intro_text(draw: st.DrawFn) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 6))):
        kind = draw(st.integers(0, 3))
        if kind == 0:
            parts.append(draw(_written(draw(st.sampled_from(_INTROS)))))
        elif kind == 1:
            parts.append(draw(_written(draw(st.sampled_from(_ADDRESSES)))))
        elif kind == 2:
            parts.append(
                draw(st.sampled_from([" ", ": ", "\n", "\n * ", " from ", "\n\u2022 ", "\u3000", "\t"]))
            )
        else:
            parts.append(
                draw(st.text(alphabet="ab:@.<>\n \u0130\u0131\u017f\u212aK\u00e9\u6536", max_size=12))
            )
    return "".join(parts)


@settings(max_examples=1000)
@given(_intro_text())
def test_the_introduced_addresses_are_those_the_case_blind_pattern_found(text: str) -> None:
    folded = fallback.fold_case(text)
    found = [(m.span(1), text[m.start(1) : m.end(1)]) for m in fallback._INTRO_SAME_LINE.finditer(folded)]
    assert found == [(m.span(1), m.group(1)) for m in _OLD_INTRO_SAME_LINE.finditer(text)]
