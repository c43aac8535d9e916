"""The remote host and SMTP command readers of parsers.mta._common walk their (literal, pattern)
pairs in one flat loop, paired once: they answer as the loops they replace (kept here), on random
texts built from their patterns' own words and literals."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from parsers.casefold import fold_case
from parsers.mta import _common

_OLD_RHOST_NEEDS: tuple[tuple[str, ...], ...] = (
    ("[",),
    ("said:",),
    ("while talking to",),
    ("did not like",),
    ("remote host",),
    ("Connected to",),
)
_OLD_COMMAND_NEEDS = ("in reply to ", "after ", "did not like our ", "smtp:", ">>> ", "most progress was ")


def _old_remote_host(text: str) -> str | None:
    text = text[:8000]
    for pattern, needs in zip(_common._RHOST_PATTERNS, _OLD_RHOST_NEEDS, strict=True):
        for n in needs:
            if n in text:
                found = pattern.search(text)
                if found:
                    return found.group(1).rstrip(".").lower()
                break
    return None


def _old_smtp_command(text: str) -> str | None:
    text = text[:8000]
    folded = fold_case(text)
    for pattern, needs in zip(_common._COMMAND_PATTERNS, _OLD_COMMAND_NEEDS, strict=True):
        if needs not in folded:
            continue
        found = pattern.search(folded)
        if found:
            command = text[found.start(1) : found.end(1)].upper()
            return "HELO" if command == "EHLO" else command
    return None


_WORDS = [
    "host ", "Host ", "server ", "Server ", "mx.example.org", "MX.Example.ORG.", " [192.0.2.1]", "[", "]",
    " said:", "said", "while talking to ", "did not like", "remote host ", "Connected to ", " but ",
    "in reply to ", "In Reply To ", "end of ", "after ", "AFTER pipelined ", "did not like our ", "final ",
    "smtp:", "SMTP:", ">>> ", "most progress was ", "rcpt", "RCPT", "mail", "data", "helo", "EHLO", "quit",
    "x", ":", ".", " ", "\n", "550 5.1.1 ", "İ", "ı", "ſ", "K",
]  # fmt: skip
_TEXTS = st.lists(st.sampled_from(_WORDS), max_size=25).map("".join)


@settings(max_examples=1000)
@given(_TEXTS)
def test_the_flat_loops_answer_as_the_old_ones(text: str) -> None:
    assert _common.remote_host(text) == _old_remote_host(text)
    assert _common.smtp_command(text) == _old_smtp_command(text)
