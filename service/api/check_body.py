"""The bulk check's response body (CheckResponse), written as JSON text directly.

A 10,000-address check answers with 10,000 objects of seven fields, nearly all of them one of a
few shapes: free, or suppressed by one of a few (reason, scope, account) answers. Each object is
written as its address between two prebuilt pieces of JSON, one per shape, instead of building a
dict per address and serialising those (which cost twice as much, the largest part of a check
answered from memory); the pieces are put in place by slices and C-level maps, not an object at a
time. It is written once every answer is in (`lookups.Checking.answers`): 2.5 ms of CPU for 10,000
objects, against 4.8 ms for writing the known ones while the database reads and the rest after,
which on two cores took CPU from the database's probes more than it saved.

The text is the one pydantic_core.to_json writes for the same dicts (tests/api/test_check_body.py
compares the two): UTF-8, no spaces, non-ASCII characters as they are.
"""

from __future__ import annotations

import json
import re
from typing import cast

from service.app.lookups import Answer, Checking

# What an object opens with, up to its address's text.
_OPENING = '{"address":"'
# What follows an address's text: the rest of a free answer's object, or a suppressed one's (`_suppressed`).
_FREE = '","valid":true,"suppressed":false,"reason":null,"scope":null,"account":null,"error":null}'
# What forces a string to be escaped in JSON: a quote, a backslash, a control character.
_ESCAPED = re.compile(r'["\\\x00-\x1f]')


def _string(value: str | None) -> str:
    """`value` as a JSON value (null for None)."""
    if value is None:
        return "null"
    if _ESCAPED.search(value) is None:
        return '"' + value + '"'
    return json.dumps(value, ensure_ascii=False)


def _suppressed(answer: Answer) -> str:
    """What follows an address's text in the object of an address suppressed with `answer`."""
    reason, scope, account = answer
    return (
        f'","valid":true,"suppressed":true,"reason":{_string(reason)},"scope":{_string(scope)}'
        f',"account":{_string(account)},"error":null}}'
    )


class _Endings(dict[Answer | None, str]):
    """What follows an address's text, then a comma, per answer (None: free, or not an address):
    the few distinct answers of a check each written once, when first met."""

    def __missing__(self, answer: Answer | None) -> str:
        ending = self[answer] = (_FREE if answer is None else _suppressed(answer)) + ","
        return ending


def check_body(checking: Checking) -> bytes:
    """`{"results": [...]}`, one object per given address in order (joins the reads under way)."""
    normalised, errors = checking.normalised, checking.errors
    # Each address's text in its JSON string. A stored address never holds what JSON escapes (the
    # validator refuses quotes, backslashes and control characters): a list of plain addresses
    # needs no look (most lists); any other is confirmed once over all of them (printable text
    # without quotes or backslashes: 0.4 ms for 10,000, the regular expression 1 ms, and 1.7 ms
    # address by address); were one ever to, every one is escaped.
    texts: list[str | None] = normalised
    every = "" if checking.plain else "".join(filter(None, normalised))
    if not (every.isprintable() and '"' not in every and "\\" not in every) and _ESCAPED.search(every):
        texts = [None if address is None else _string(address)[1:-1] for address in normalised]
    answers = checking.answers()
    count = len(normalised)
    if not count:
        return b'{"results":[]}'
    # The body as pieces, three per object: its opening, its address's text, and what follows
    # (the rest of a free or a suppressed object, then a comma), filled by slices and C-level maps
    # rather than an object at a time (10,000 objects: about half the time).
    pieces: list[str | None] = [_OPENING] * (3 * count)
    pieces[1::3] = texts
    endings = _Endings()
    pieces[2::3] = map(endings.__getitem__, map(answers.get, normalised))  # type: ignore[arg-type]  # (None: free)
    for i, error in errors.items():  # (entries that are not an address: objects of their own)
        pieces[3 * i : 3 * i + 3] = [
            f'{{"address":{_string(checking.echoed(i))},"valid":false,"suppressed":false,'
            f'"reason":null,"scope":null,"account":null,"error":{_string(error)}}}',
            "",
            ",",
        ]
    # (the first object opens the body, the last closes it instead of its comma)
    pieces[0] = '{"results":[' + cast(str, pieces[0])
    pieces[-1] = cast(str, pieces[-1])[:-1] + "]}"
    return "".join(cast(list[str], pieces)).encode()
