"""The few typing names the parse path uses at run time, without importing typing.

Importing typing is about 10 M instructions of a `bounceback parse`'s start-up (it builds some 47
classes), and the parse itself needs none of it: annotations are strings (`from __future__ import
annotations`) and the names used only in them are imported under `if TYPE_CHECKING:`. A module
that calls one of these names at run time imports it from typing for mypy and from here otherwise:

    TYPE_CHECKING = False
    if TYPE_CHECKING:
        from typing import NamedTuple, cast
    else:
        from parsers.typenames import NamedTuple, cast

(mypy takes any `TYPE_CHECKING` as true.) Each stand-in builds what typing's would, less what only
a reader of types at run time asks for: typing also evaluates a class's annotations, and a string
annotation is compiled with compile(), whose first call sets up the AST types (another 10 M).
"""

from __future__ import annotations

import collections
import sys
import types
from collections.abc import Iterable

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, TypeVar

    _T = TypeVar("_T")

__all__ = ["Literal", "NamedTuple", "cast"]


def cast(_type: object, value: _T) -> _T:
    """typing.cast: `value` itself (the type is mypy's only)."""
    return value


class _LiteralForm:
    """typing.Literal: `Literal["a", "b"]` holds its values as typing.get_args reads them."""

    def __getitem__(self, values: Any) -> types.GenericAlias:
        form: Any = self  # (typing's own form is no class either)
        return types.GenericAlias(form, values if isinstance(values, tuple) else (values,))

    def __repr__(self) -> str:
        return "Literal"


Literal = _LiteralForm()


def NamedTuple(typename: str, fields: Iterable[tuple[str, object]], /) -> type[tuple[Any, ...]]:
    """typing.NamedTuple's call form: the named tuple of `fields`' names, in the caller's module."""
    return collections.namedtuple(typename, [name for name, _ in fields], module=_caller_module())


def _caller_module() -> str:
    """The module whose body calls the caller (where the named tuple lives, as for pickling)."""
    return str(sys._getframe(2).f_globals.get("__name__", "__main__"))
