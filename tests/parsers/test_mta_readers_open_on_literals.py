"""Readers of the MTA detectors rewritten to open on a literal answer as the patterns they replace:
the addresses searched from the "@" on (parsers.mta._common.address_span) and the SMTP command
whose branches open on their whole opening word (parsers.mta._providers.command_in), on random
texts built from their own words with the Unicode case traps (İ ı ſ K) and Unicode blanks."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from parsers.casefold import fold_case
from parsers.mta import _common, _providers

# The patterns as they were written before: what address_span with each `@...` pattern stands for.
_LOCAL = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~.\-]"
_COMMON_ADDRESS = re.compile(r"(?<!" + _LOCAL + ")" + _LOCAL + r"+@[A-Za-z0-9\-]+(?:\.+[A-Za-z0-9\-]+)*")
_PROVIDERS_ADDRESS = re.compile(
    "(?<!" + _LOCAL + ")" + _LOCAL + r"+@[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?(?:\.+[A-Za-z0-9\-]+)+"
)
_PAIRS = [(_COMMON_ADDRESS, _common._AT_DOMAIN), (_PROVIDERS_ADDRESS, _providers._AT_DOMAIN)]

_WORDS = [
    "jane",
    "Doe",
    "x1",
    "a.b",
    "example.org",
    "mx-1",
    "@",
    "@@",
    ".",
    "..",
    "-",
    "'",
    "_",
    "!#$%",
    "`~",
]
_TRAPS = ["<", ">", " ", "\t", "\n", ";", ",", '"', "İ", "ı", "ſ", "K", "é", "\xa0", "\u2028"]
# (a letter past ASCII is an internationalised address's own, RFC 6531, when it touches one: see
# test_eai_addresses. The address readers answer as the old patterns did on texts whose characters
# past ASCII are blanks, which the reader of a text past ASCII reads)
_ADDRESS_TEXTS = st.lists(st.sampled_from(_WORDS + [t for t in _TRAPS if not t.isalpha()]), max_size=25).map(
    "".join
)


def _spans(text: str, at_domain: re.Pattern[str]) -> list[tuple[int, int]]:
    """Every address span, as finditer walks them: each search from the end of the one before."""
    spans = []
    span = _common.address_span(text, at_domain)
    while span is not None:
        spans.append(span)
        span = _common.address_span(text, at_domain, span[1])
    return spans


@settings(max_examples=500)
@given(_ADDRESS_TEXTS, st.integers(min_value=0, max_value=40))
def test_the_search_from_a_position_finds_the_old_patterns_match(text: str, pos: int) -> None:
    pos = min(pos, len(text))
    for old, at_domain in _PAIRS:
        found = old.search(text, pos)
        assert _common.address_span(text, at_domain, pos) == (found.span() if found else None)


@settings(max_examples=500)
@given(_ADDRESS_TEXTS)
def test_every_address_is_found_as_finditer_found_them(text: str) -> None:
    for old, at_domain in _PAIRS:
        assert _spans(text, at_domain) == [m.span() for m in old.finditer(text)]


def _old_unquoted(found: re.Match[str], text: str) -> str:
    address = found.group(0).strip(".")
    if address.startswith("'") and text.startswith("'", found.end()):
        address = address.lstrip("'")
    return address


def _old_find_addresses(text: str) -> list[str]:
    seen: dict[str, None] = {}
    for found in _COMMON_ADDRESS.finditer(text):
        address = _old_unquoted(found, text)
        if "@" in address and not address.endswith("@"):
            seen.setdefault(address, None)
    return list(seen)


def _old_bare_address(text: str) -> str | None:
    """clean_address on a value without <...>: the unquoted first match."""
    found = _COMMON_ADDRESS.search(text)
    if not found:
        return None
    address = _old_unquoted(found, text)
    return address if "@" in address and not address.endswith("@") else None


def _old_addresses_in(text: str) -> list[str]:
    seen: list[str] = []
    for m in _PROVIDERS_ADDRESS.finditer(text):
        a = m.group(0).strip(".").lower()
        if a not in seen:
            seen.append(a)
    return seen


@settings(max_examples=300)
@given(_ADDRESS_TEXTS)
def test_the_readers_answer_as_before(text: str) -> None:
    assert _common.find_addresses(text) == _old_find_addresses(text)
    # (a quoted local part, `"john smith"@b`, is read whole since it was taught: not as before)
    if "<" not in text and '"@' not in text and not text.strip().lower().startswith("rfc822;"):
        assert _common.clean_address(text) == _old_bare_address(text.strip())
    assert _providers.addresses_in(text) == _old_addresses_in(text)
    found = _PROVIDERS_ADDRESS.search(text)
    assert _providers.address_in(text) == (found.group(0).strip(".").lower() if found else None)


def test_a_quote_closing_after_the_domain_is_no_part_of_the_address() -> None:
    text = "'ann@example.org' on 6/13/00, <Bob.Smith@Mx-1.Example.COM>; .x@y.z. , x@y"
    assert _common.clean_address(text) == "Bob.Smith@Mx-1.Example.COM"
    assert _common.clean_address(text.replace("<", "")) == "ann@example.org"
    assert _common.find_addresses(text) == ["ann@example.org", "Bob.Smith@Mx-1.Example.COM", "x@y.z", "x@y"]
    assert _providers.addresses_in(text) == ["'ann@example.org", "bob.smith@mx-1.example.com", "x@y.z"]


# The command pattern as it was, one pattern searched in the folded text.
_OLD_COMMAND = re.compile(
    r"(?:i(?<!\wi)n reply to |a(?<!\wa)fter |f(?<!\wf)or |\[|>>> ?)(?:end of )?"
    r"(rcpt(?:[ _]to)?|mail(?:[ _]from)?|data|ehlo|helo|auth|starttls|text)\b"
)
_COMMAND_WORDS = [
    "in reply to ",
    "in reply to",
    "after ",
    "for ",
    "for",
    "[",
    ">>>",
    ">>> ",
    "end of ",
    "rcpt",
    " to",
    "_to",
    "mail",
    " from",
    "data",
    "ehlo",
    "helo",
    "auth",
    "starttls",
    "text",
    "x",
    "_",
    # (whole matches, so that a text often holds several: which one is found first counts)
    "for data",
    "[rcpt_to",
    "after mail from",
    "in reply to end of data",
    ">>> helo",
    ">>>ehlo",
    "xfor text",
]


def _old_command_in(text: str) -> str | None:
    m = _OLD_COMMAND.search(fold_case(text))
    if not m:
        return None
    word = text[m.start(1) : m.end(1)].upper()
    if word.startswith("RCPT"):
        return "RCPT"
    if word.startswith("MAIL"):
        return "MAIL"
    return "DATA" if word == "TEXT" else word


def _command_texts() -> st.SearchStrategy[str]:
    word = st.sampled_from(_COMMAND_WORDS).flatmap(
        lambda w: st.sampled_from([w, w.upper(), w.title(), w.replace("s", "ſ"), w.replace("i", "İ")])
    )
    return st.lists(st.one_of(word, st.sampled_from(_TRAPS)), max_size=20).map("".join)


@settings(max_examples=500)
@given(_command_texts())
def test_the_command_is_the_one_the_single_pattern_found(text: str) -> None:
    assert _providers.command_in(text) == _old_command_in(text)
