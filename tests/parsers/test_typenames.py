"""parsers.typenames' stand-ins build what typing's names build, for everything but run-time type reading."""

from __future__ import annotations

import pickle
import typing

from parsers import typenames


class Standing(typenames.NamedTuple):
    """A stand-in's named tuple."""

    source: str
    raw: bytes | None = None
    error: str | None = None

    def readable(self) -> bool:
        return self.error is None


class Typed(typing.NamedTuple):
    """typing's named tuple."""

    source: str
    raw: bytes | None = None
    error: str | None = None

    def readable(self) -> bool:
        return self.error is None


def test_the_class_form_builds_the_same_named_tuple() -> None:
    for cls in (Standing, Typed):
        assert cls._fields == ("source", "raw", "error")
        assert cls._field_defaults == {"raw": None, "error": None}
        assert cls.__module__ == __name__
        assert cls.__qualname__ == cls.__name__
        assert issubclass(cls, tuple)
        item = cls("a", error="gone")
        assert item == ("a", None, "gone")
        assert (item.source, item.raw, item.error) == ("a", None, "gone")
        assert not item.readable() and cls("b", b"x").readable()
        assert repr(item) == f"{cls.__name__}(source='a', raw=None, error='gone')"
        assert item._replace(error=None) == ("a", None, None)
        assert pickle.loads(pickle.dumps(item)) == item
        assert type(pickle.loads(pickle.dumps(item))) is cls
    assert Standing.__doc__ == "A stand-in's named tuple."
    assert Standing.__slots__ == Typed.__slots__ == ()


def test_the_call_form_names_the_fields_in_the_callers_module() -> None:
    Lines = typenames.NamedTuple("Lines", [("block", str), ("crs", bool)])
    assert Lines._fields == ("block", "crs")
    assert Lines.__module__ == __name__
    assert Lines("x", True).crs is True


def test_literal_values_read_as_typings() -> None:
    assert typing.get_args(typenames.Literal["hard", "soft"]) == ("hard", "soft")
    assert typing.get_args(typenames.Literal["hard"]) == ("hard",)


def test_cast_gives_the_value_itself() -> None:
    value = object()
    assert typenames.cast(int, value) is value
