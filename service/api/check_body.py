"""The bulk check's response body (CheckResponse), written as JSON text directly.

A 10,000-address check answers with 10,000 objects of seven fields, nearly all of them one of a
few shapes: free, or suppressed by one of a few (reason, scope, account) answers. Each object is
written as its address between two prebuilt pieces of JSON, one per shape, instead of building a
dict per address and serialising those (which cost twice as much, the largest part of a check
answered from memory). The objects whose answers the database is still reading are written when
it answers (`lookups.Checking`), those known already while it reads.

The text is the one pydantic_core.to_json writes for the same dicts (tests/api/test_check_body.py
compares the two): UTF-8, no spaces, non-ASCII characters as they are.
"""

from __future__ import annotations

import json
import re

from service.app.lookups import Answer, Checking

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


def check_body(checking: Checking) -> bytes:
    """`{"results": [...]}`, one object per given address in order (joins the reads under way)."""
    known, reading, errors, normalised = (
        checking.known,
        checking.reading,
        checking.errors,
        checking.normalised,
    )
    # Each address's text in its JSON string. A stored address never holds what JSON escapes (the
    # validator refuses quotes, backslashes and control characters), which is confirmed once over
    # all of them (printable text without quotes or backslashes: 0.4 ms for 10,000, the regular
    # expression 1 ms, and 1.7 ms address by address); were one ever to, every one is escaped.
    texts: list[str | None] = normalised
    every = "".join(filter(None, normalised))
    if not (every.isprintable() and '"' not in every and "\\" not in every) and _ESCAPED.search(every):
        texts = [None if address is None else _string(address)[1:-1] for address in normalised]
    shapes: dict[Answer, str] = {}  # answer -> its `_suppressed`
    objects: list[str] = []
    append = objects.append
    waiting: list[int] = []  # positions of the addresses being read
    for i, (address, text) in enumerate(zip(normalised, texts, strict=True)):
        if address is None:
            append(
                f'{{"address":{_string(checking.echoed(i))},"valid":false,"suppressed":false,'
                f'"reason":null,"scope":null,"account":null,"error":{_string(errors[i])}}}'
            )
            continue
        answer = known.get(address)
        if answer is None:
            if address in reading:
                waiting.append(i)
            append(f'{{"address":"{text}{_FREE}')  # (free until read otherwise)
            continue
        shape = shapes.get(answer)
        if shape is None:
            shape = shapes[answer] = _suppressed(answer)
        append(f'{{"address":"{text}{shape}')
    answers = checking.rest()
    if answers:
        for i in waiting:
            answer = answers.get(normalised[i])  # type: ignore[arg-type]  # (an address, never None)
            if answer is not None:
                shape = shapes.get(answer)
                if shape is None:
                    shape = shapes[answer] = _suppressed(answer)
                objects[i] = f'{{"address":"{texts[i]}{shape}'
    # Each object's bytes on its own, then one join: one large buffer made instead of three (the
    # text joined, the text wrapped, its bytes), whose fresh pages cost more than the copies
    # (10,000 objects: 0.47 against 0.76 ms).
    if not objects:
        return b'{"results":[]}'
    objects[0] = '{"results":[' + objects[0]
    objects[-1] += "]}"
    return b",".join([text.encode() for text in objects])
