"""Choose the page language from an `Accept-Language` header (RFC 9110 §12.5.4, RFC 4647 lookup).

The header lists language ranges with optional weights (`de-CH, de;q=0.9, en;q=0.5, *;q=0.1`).
Ranges are tried from the highest weight down (ties in the order given); each is matched by RFC
4647 lookup, dropping subtags from the end until a supported language is left (`de-CH` -> `de`).
`*` stands for any supported language not named otherwise. `q=0` means "not acceptable", so that
language is never chosen for a range, but the default still is when nothing else matches: a page
in a refused language beats no page. A malformed element is skipped, not the whole header, and
the header is bounded (length and element count) so a hostile one costs no more than a short one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

MAX_HEADER_CHARS = 4096
MAX_RANGES = 64

# RFC 4647 §2.1 language-range; RFC 9110 §12.4.2 weight (qvalue with at most three decimals).
_RANGE = re.compile(r"\*|[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*")
_WEIGHT = re.compile(r"[ \t]*;[ \t]*[qQ]=(0(?:\.[0-9]{0,3})?|1(?:\.0{0,3})?)")


def parse_accept_language(header: str) -> list[tuple[str, float]]:
    """The well-formed (range, weight) pairs of a header, lower-cased, in the order given."""
    pairs: list[tuple[str, float]] = []
    for element in header[:MAX_HEADER_CHARS].split(",")[:MAX_RANGES]:
        element = element.strip(" \t")
        match = _RANGE.match(element)
        if match is None:
            continue
        rest = element[match.end() :]
        weight = 1.0
        if rest:
            weighted = _WEIGHT.fullmatch(rest)
            if weighted is None:
                continue
            weight = float(weighted.group(1))
        pairs.append((match.group(0).lower(), weight))
    return pairs


def negotiate_language(header: str | None, supported: Sequence[str], default: str) -> str:
    """The supported language (lower case) the header prefers most; `default` when none matches."""
    if not header:
        return default
    pairs = parse_accept_language(header)
    refused = {tag for tag, weight in pairs if weight == 0 and tag != "*"}
    named = {_lookup(tag, supported) for tag, _ in pairs if tag != "*"}
    # sorted() is stable: equal weights keep the header's order.
    for tag, _weight in sorted((pair for pair in pairs if pair[1] > 0), key=lambda pair: -pair[1]):
        if tag == "*":
            for language in supported:
                if language not in named and language not in refused:
                    return language
            continue
        found = _lookup(tag, supported)
        if found is not None and found not in refused:
            return found
    return default


def _lookup(tag: str, supported: Sequence[str]) -> str | None:
    """RFC 4647 §3.4 lookup: the range, then the range with its last subtag dropped, and so on."""
    while tag:
        if tag in supported:
            return tag
        tag, _, _ = tag.rpartition("-")
        # A single-letter subtag (an extension or private-use singleton) cannot end a tag.
        if len(tag) > 1 and tag[-2] == "-":
            tag = tag[:-2]
    return None
