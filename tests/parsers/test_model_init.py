"""The parser's values write their __init__ out (parsers/model.py): each must take every field of
its class, in order, with the field's default, set each one, and leave the value frozen."""

from __future__ import annotations

import dataclasses
import inspect

import pytest

from parsers.model import Attribution, Event, ParseResult

MODELS = (Event, Attribution, ParseResult)


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_init_takes_every_field_with_its_default(model: type) -> None:
    parameters = list(inspect.signature(model.__init__).parameters.values())[1:]
    fields = dataclasses.fields(model)
    assert [p.name for p in parameters] == [f.name for f in fields]
    for parameter, field in zip(parameters, fields, strict=True):
        wanted = inspect.Parameter.empty if field.default is dataclasses.MISSING else field.default
        assert parameter.default == wanted, field.name


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_init_sets_every_field_and_the_value_stays_frozen(model: type) -> None:
    fields = dataclasses.fields(model)
    values = {f.name: f"value of {f.name}" for f in fields}
    made = model(**values)
    assert {f.name: getattr(made, f.name) for f in fields} == values
    assert made == model(**values) and hash(made) == hash(model(**values))
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(made, fields[0].name, "changed")
    assert dataclasses.replace(made, **{fields[0].name: "other"}) != made
