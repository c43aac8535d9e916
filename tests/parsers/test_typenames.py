"""parsers.typenames' stand-ins build what typing's names build, for everything but run-time type reading."""

from __future__ import annotations

import typing

from parsers import typenames


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
