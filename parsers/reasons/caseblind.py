"""Long case-blind alternations asked only whether they occur in a text, searched branch by branch,
and each branch only in a text that holds a lower-case piece of it.

Python's re searches a long re.IGNORECASE alternation slowly: it tries every branch at every
position, comparing letters through their lower case, and skips ahead on no literal prefix (a
final-report test took 2.6 ms over one delay notice's 8,000 characters). A branch matches only
where each of its literal runs occurs in some case, so a branch none of whose pieces the
lower-cased text holds cannot match there, and is not searched.

The trap: a case-blind letter matches more than what str.lower() gives back. `i` matches İ (whose
lower case is two characters) and ı, `k` the Kelvin sign K, `s` the long s ſ (lower() keeps both),
a Greek or Cyrillic letter a variant form, a sigma a final sigma. So a piece holds only characters
whose every case-blind match lower-cases to them alone: ASCII other than i, k and s, and characters
without case (digits, punctuation, CJK, Thai...); any other letter ends a piece there. A branch with
no such piece that needs a letter of a script no ASCII text has (Greek, Cyrillic) is searched only in
a text that is not ASCII; any other branch without a piece is always searched.
"""

from __future__ import annotations

import re
import re._parser as _parser
from collections.abc import Iterator

from parsers import patterncode
from parsers.reasons.families import _required

# Non-ASCII letters that a case-blind ASCII letter matches (İ ı -> i, ſ -> s, K -> k), and that a
# case-blind pattern holding them matches in ASCII text.
_MATCHES_ASCII = frozenset("\u0130\u0131\u017f\u212a")
# What a branch that needs a letter of a non-ASCII script is marked with (never in a lower-cased text).
_NON_ASCII = "\x00"
_GLOBAL_FLAGS = patterncode.compile(r"\(\?[aiLmsux]+\)")


def _piece_char(code: int) -> str | None:
    """The character a case-blind literal is looked for as in lower-cased text, or None when
    lower() may not give it for every text character it matches."""
    low = chr(code).lower()
    if len(low) != 1:
        return None
    if low.isascii():
        return None if low in "iks" or chr(code) in _MATCHES_ASCII else low
    return low if low.upper() == low and chr(code).upper() == chr(code) else None


def _script_char(code: int) -> str | None:
    """_NON_ASCII for a letter only non-ASCII text can match case-blind, else None."""
    char = chr(code)
    return _NON_ASCII if not char.isascii() and char not in _MATCHES_ASCII else None


def branches(pattern: str) -> list[str]:
    """The top-level alternatives of `pattern` as written (one when it has no top-level `|`)."""
    found: list[str] = []
    depth = 0
    start = 0
    pos = 0
    in_class = False
    while pos < len(pattern):
        ch = pattern[pos]
        if ch == "\\":
            pos += 2
            continue
        if in_class:
            if ch == "]":
                in_class = False
        elif ch == "[":
            in_class = True
            # (a ']' first in the class, after an optional '^', is a literal)
            pos += 2 if pattern[pos + 1 : pos + 2] == "^" else 1
            if pattern[pos : pos + 1] == "]":
                pos += 1
            continue
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            found.append(pattern[start:pos])
            start = pos + 1
        pos += 1
    found.append(pattern[start:])
    return found


class _Branch:
    """One top-level alternative: its pattern, the pieces one of which a text it matches holds
    (None: no piece is certain), whether only a text that is not ASCII can hold a match, and its
    expression once compiled."""

    __slots__ = ("compiled", "needs_script", "pattern", "pieces")

    def __init__(
        self, pattern: str, flags: int, stored: tuple[tuple[str, ...] | None, bool] | None = None
    ) -> None:
        self.pattern = pattern
        if stored is None:
            parsed = list(_parser.parse(pattern, flags))
            pieces = _required(parsed, _piece_char)
            self.pieces = tuple(sorted(pieces, key=lambda p: (len(p), p))) if pieces else None
            self.needs_script = _required(parsed, _script_char) is not None
        else:  # (as parsers.patterncode stored them: parsing every branch cost more than compiling it)
            self.pieces, self.needs_script = stored
        self.compiled: re.Pattern[str] | None = None


# Every case-blind pattern made.
MADE: list[CaseBlind] = []


class CaseBlind:
    """A case-insensitive pattern, built on first use (a process that never asks compiles nothing):
    `occurs_in` answers as `re.compile(pattern, flags | re.IGNORECASE).search(text) is not None`,
    searching branch by branch; `finditer` gives what that expression's finditer gives, searching
    the whole expression only in a text where some branch may match."""

    __slots__ = ("_branches", "_whole", "flags", "pattern")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags | re.IGNORECASE
        self._branches: tuple[_Branch, ...] | None = None
        self._whole: re.Pattern[str] | None = None
        MADE.append(self)  # (parsers.patterncode stores the branches of every one made)

    def _open(self, text: str) -> Iterator[_Branch]:
        """The branches that may match in `text`: a piece of each is in it (or it has none)."""
        built = self._branches
        if built is None:
            built = self._build()
        low = text.lower()
        plain = text.isascii()
        for branch in built:
            if branch.needs_script and plain:
                continue
            pieces = branch.pieces
            if pieces is None:
                yield branch
                continue
            for piece in pieces:  # (a plain loop: no generator per branch and text)
                if piece in low:
                    yield branch
                    break

    def may_occur_in(self, text: str) -> bool:
        """False when no branch can match in `text` (none of its pieces is there)."""
        return next(self._open(text), None) is not None

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """The matches of the whole expression in `text`, as re's finditer gives them."""
        if not self.may_occur_in(text):
            return iter(())
        whole = self._whole
        if whole is None:
            whole = self._whole = patterncode.compile(self.pattern, self.flags)
        return whole.finditer(text)

    def _build(self) -> tuple[_Branch, ...]:
        stored = patterncode.stored_branches(self.pattern, self.flags)
        if stored is not None:
            self._branches = tuple(
                _Branch(part, self.flags, (pieces, script)) for part, pieces, script in stored
            )
            return self._branches
        parts = branches(self.pattern)
        if self.flags & re.VERBOSE or _GLOBAL_FLAGS.match(self.pattern):
            # (comments, or flags set inside the pattern for all of it, which Python allows only
            # at its start: not split)
            parts = [self.pattern]
        self._branches = tuple(_Branch(part, self.flags) for part in parts)
        return self._branches

    def occurs_in(self, text: str) -> bool:
        """Whether the pattern matches somewhere in `text`."""
        for branch in self._open(text):
            compiled = branch.compiled
            if compiled is None:
                compiled = branch.compiled = patterncode.compile(branch.pattern, self.flags)
            if compiled.search(text) is not None:
                return True
        return False


class WordGate:
    """Words one of which a lower-cased text must hold before a costlier search is tried in it:
    a hand-kept gate where a CaseBlind's own pieces are too many to look for in every text. The
    ones an ASCII text can hold are kept apart (most texts are ASCII, and str.isascii() reads a
    flag), so an ASCII text is scanned for those alone."""

    __slots__ = ("ascii_words", "words")

    def __init__(self, *words: str) -> None:
        self.words = words
        self.ascii_words = tuple(word for word in words if word.isascii())

    def opens(self, low: str) -> bool:
        """Whether `low` holds one of the words (a plain loop: no generator per call)."""
        for word in self.ascii_words if low.isascii() else self.words:  # noqa: SIM110
            if word in low:
                return True
        return False
