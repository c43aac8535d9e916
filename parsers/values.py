"""Plain value classes: what `dataclasses` generates for the parser's records (equality, repr,
hash for the frozen ones, a copy with some fields changed), without importing it.

`dataclasses` imports `inspect`, which imports `ast`, `dis` and `tokenize`; with the nine classes
it built, that was a fifth of a `bounceback parse` process's start-up (283 M of its instructions
with no message, 219 M without), paid before the first message. A value class names its fields in
`__slots__` (their order is that of `__init__`, `repr`, equality and pickling), annotates them
and writes its `__init__` out (or its `__new__`: a frozen value built as its draft, see
draft_class); tests/parsers/test_values.py holds the three to one another.
"""

from __future__ import annotations

import functools

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any, ParamSpec, TypeVar


# What a frozen value's __init__ sets each field with, once in a local (a frozen dataclass's
# generated __init__ looks it up again for every field); and its draft's class (draft_class).
set_field = object.__setattr__


class FrozenValueError(AttributeError):
    """A field of a frozen value was assigned to (dataclasses' FrozenInstanceError)."""


class Value:
    """A record whose fields are its `__slots__`: equal to another of its class with equal fields
    (unhashable, as a mutable dataclass is), shown as `Name(field=value, ...)`, copied with
    `replace`, pickled by its fields."""

    __slots__: tuple[str, ...] = ()

    def _fields(self) -> tuple[Any, ...]:
        return tuple([getattr(self, name) for name in self.__slots__])

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Value) or other.__class__ is not self.__class__:
            return NotImplemented
        return self._fields() == other._fields()

    # (a class that defines __eq__ and not __hash__ is unhashable, as a mutable dataclass is)

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__)
        return f"{type(self).__name__}({shown})"

    def __reduce__(self) -> tuple[type[Value], tuple[Any, ...]]:
        return type(self), self._fields()


class FrozenValue(Value):
    """A Value whose fields cannot be assigned after `__init__` (which sets them with
    `object.__setattr__`; or after `__new__`, which builds it as its draft: draft_class), and which
    is hashed by its fields."""

    __slots__ = ()

    def __hash__(self) -> int:
        return hash(self._fields())

    def __setattr__(self, name: str, value: Any) -> None:
        raise FrozenValueError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenValueError(f"cannot delete field {name!r}")


if TYPE_CHECKING:
    _V = TypeVar("_V", bound=Value)
    _F = TypeVar("_F", bound=FrozenValue)
    _P = ParamSpec("_P")


# A frozen value made by the thousand (an Event, the ParseResult and Attribution of every message)
# is built as its draft and then frozen: its `__new__` stores each field on a draft, a subclass
# without slots of its own whose fields are assigned as a mutable value's are (one store each,
# which the interpreter specialises), and then gives the draft the value's class (`freeze`, one
# assignment, allowed because the two share one layout). Setting each field through
# object.__setattr__ costs about a thousand instructions a field, half of making an Event.
def draft_class(cls: type[_F]) -> type[_F]:
    """The draft class of frozen value class `cls`: its instances take assignments to the fields."""
    namespace = {
        "__slots__": (),
        "__setattr__": object.__setattr__,
        "__delattr__": object.__delattr__,
        "__module__": cls.__module__,
        "__qualname__": f"{cls.__qualname__}Draft",
        "__doc__": f"A {cls.__name__} being built (see parsers.values.draft_class).",
        "_draft_of": cls,
    }
    drafted: type[_F] = type(f"{cls.__name__}Draft", (cls,), namespace)
    return drafted


def constructor(cls: Callable[_P, _F]) -> Callable[_P, _F]:
    """`cls(...)` as a call of its `__new__` (for a value that writes one: see draft_class), for a
    value built by the thousand with keyword arguments: calling a class with keywords makes a dict
    of them that the interpreter unpacks again for its `__new__` (about 4 k of the 9 k
    instructions of making an Event), where a partial passes them on as they are."""
    value_class: Any = cls  # (the call is typed as the class's own: its parameters are checked)
    made: Callable[_P, _F] = functools.partial(value_class.__new__, value_class)
    return made


def fields(value: Value | type[Value]) -> tuple[str, ...]:
    """The field names of a value class (or of a value's class), in order."""
    return value.__slots__


def replace(value: _V, /, **changes: Any) -> _V:
    """A copy of `value` with the given fields changed (dataclasses.replace)."""
    values = dict(zip(value.__slots__, value._fields(), strict=True))
    unknown = changes.keys() - values.keys()
    if unknown:
        raise TypeError(f"{type(value).__name__} has no field {sorted(unknown)[0]!r}")
    values.update(changes)
    return type(value)(**values)


def as_dict(value: Value) -> dict[str, Any]:
    """The value's fields by name, as they are (dataclasses.asdict without the deep copy)."""
    return dict(zip(value.__slots__, value._fields(), strict=True))
