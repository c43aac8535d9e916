"""Regular expressions compiled on their first use instead of at import.

The MTA detectors compile about 200 patterns at import (half the cost of importing the parser):
a `bounceback parse` of one message runs a few detectors, and a run over many messages never
tries some of them. `compile_lazily` gives an object that compiles its pattern on the first call
of a method, then answers every later call with the compiled pattern's own method (bound on the
instance at its first call: no extra call). The matches are the compiled pattern's, so nothing
else changes. The compiling is parsers.patterncode's: from the code stored ahead of time when
there is some.
"""

from __future__ import annotations

import re

from parsers import patterncode

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, cast

# The methods a detector calls on a pattern (anything else, such as .groups, is looked up on the
# compiled pattern).
_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split")


class _LazyPattern:
    """A pattern and its flags, compiled on first use."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._source = (pattern, flags)
        patterncode.declare(pattern, flags)

    @property
    def pattern(self) -> str:
        return self._source[0]

    def _compiled(self) -> re.Pattern[str]:
        compiled: re.Pattern[str] | None = self.__dict__.get("_compiled_pattern")
        if compiled is None:
            compiled = self.__dict__["_compiled_pattern"] = patterncode.compile(*self._source)
        return compiled

    def __getattr__(self, name: str) -> Any:  # (only for what the instance does not hold)
        return getattr(self._compiled(), name)


def _forwarded(name: str) -> Any:
    """The method `name` of a lazy pattern: compiles at the first call, then calls the compiled
    pattern's, which is bound on the instance from then on (only the methods a pattern is called
    through: binding all eight at its first use cost 15 k instructions a pattern, this 7 k)."""

    def method(self: _LazyPattern, *args: Any, **kwargs: Any) -> Any:
        bound = getattr(self._compiled(), name)
        setattr(self, name, bound)  # (an instance attribute shadows this method from now on)
        return bound(*args, **kwargs)

    method.__name__ = name
    return method


for _name in _METHODS:
    setattr(_LazyPattern, _name, _forwarded(_name))


if TYPE_CHECKING:

    def compile_lazily(pattern: str, flags: int = 0) -> re.Pattern[str]:
        """`re.compile(pattern, flags)` on first use. Typed as the pattern it stands for: it
        answers every method a detector calls (re's own functions, such as re.split(p, ...), and
        isinstance tests against re.Pattern do not take it: the detectors call its methods)."""
        return cast("re.Pattern[str]", _LazyPattern(pattern, flags))

else:
    # (the class itself: a function around it was two Python calls per pattern, and the
    # detectors make some 250 of them at a process's first message)
    compile_lazily = _LazyPattern
