"""Case folding for searching case-insensitive patterns case-sensitively.

A module of its own, outside `parsers.mta`: the report readers (attribution's copy marker) use it
too, and importing it from the detectors' package loaded all 60-odd detector modules at start-up.
"""

from __future__ import annotations

# The non-ASCII characters that re.IGNORECASE matches to an ASCII letter (İ ı -> i, ſ -> s, K -> k).
_ASCII_FOLD_PAIRS = (("\u0130", "i"), ("\u0131", "i"), ("\u017f", "s"), ("\u212a", "k"))


def fold_case(text: str) -> str:
    """Lower-cased text in which a case-insensitive pattern's ASCII letters can be looked for.

    Each character stays in its place (one character for one) and keeps its kind (a letter, a
    digit, white space), and it is an ASCII letter in lower case exactly when re.IGNORECASE
    matches it to that letter: a pattern of lower-case ASCII letters searched without IGNORECASE
    in the folded text finds the spans the case-insensitive pattern finds in the text, without
    re's slow case-blind comparison (each letter through its lower case at every position)."""
    if not text.isascii():
        # (str.translate maps character by character in Python objects: slow on a long text)
        for char, ascii_char in _ASCII_FOLD_PAIRS:
            if char in text:
                text = text.replace(char, ascii_char)
    return text.lower()


def fold_case_ascii(text: str) -> str:
    """`fold_case(text)` with each character that is not ASCII there as "?": what an ASCII string
    is found in exactly as in `fold_case`'s (no character but İ and the Kelvin sign lower-cases to
    an ASCII one, and `fold_case` makes those ASCII first), at a fraction of lower-casing a text
    that is not ASCII (a third of a Russian or Chinese bounce's cost in parsers.autoreply)."""
    for char, ascii_char in _ASCII_FOLD_PAIRS:
        if char in text:
            text = text.replace(char, ascii_char)
    return text.encode("ascii", "replace").lower().decode("ascii")
