"""The parser's records are plain value classes (parsers.values), not dataclasses: each declares
its fields in `__slots__`, annotates them and writes its `__init__` (or `__new__`) out. These tests
hold the three to one another, check what the dataclasses gave (equality, hash and frozenness, repr,
replace, pickling), and that a `bounceback parse` no longer imports `dataclasses` at all."""

from __future__ import annotations

import inspect
import pickle
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parsers.arf import Complaint
from parsers.autoreply import AutoReply
from parsers.charsets import _Alphabet
from parsers.delivery import Delivery
from parsers.dsn import Report
from parsers.forwarded import ForwardedReport
from parsers.model import Attribution, Event, ParseResult, make_attribution, make_event, make_result
from parsers.mta._providers import DsnBlock
from parsers.reasons.classify import Verdict
from parsers.values import (
    FrozenValue,
    FrozenValueError,
    Value,
    as_dict,
    draft_class,
    fields,
    replace,
    set_field,
)

VALUES: tuple[type[Value], ...] = (
    _Alphabet,
    Attribution,
    AutoReply,
    Complaint,
    Delivery,
    DsnBlock,
    Event,
    ForwardedReport,
    ParseResult,
    Report,
    Verdict,
)
FIXTURES = Path(__file__).parent / "fixtures"


def _sample(model: type[Value]) -> dict[str, Any]:
    return {name: f"value of {name}" for name in fields(model)}


def test_every_value_class_is_listed() -> None:
    # (a new value class joins VALUES, so that the checks below hold it too)
    import parsers.mta  # noqa: F401 (every detector module imported)

    def subclasses(cls: type) -> set[type]:
        found: set[type] = set(cls.__subclasses__())
        return found.union(*(subclasses(c) for c in found)) if found else found

    drafts = {c for c in subclasses(Value) if "_draft_of" in vars(c)}
    assert subclasses(Value) - drafts - {FrozenValue} == set(VALUES)


def _maker(model: type[Value]) -> Any:
    """What a value class's fields are written out in: its __new__ (a value built as its draft), or
    its __init__."""
    return model.__new__ if "__new__" in vars(model) else model.__init__


@pytest.mark.parametrize("model", VALUES, ids=lambda m: m.__name__)
def test_init_annotations_and_slots_name_the_same_fields(model: type[Value]) -> None:
    parameters = list(inspect.signature(_maker(model)).parameters)[1:]
    assert parameters == list(model.__slots__)
    assert list(model.__annotations__) == list(model.__slots__)


@pytest.mark.parametrize("model", VALUES, ids=lambda m: m.__name__)
def test_init_sets_every_field(model: type[Value]) -> None:
    values = _sample(model)
    made = model(**values)
    assert as_dict(made) == values
    assert made == model(**values) and made != replace(made, **{fields(model)[0]: "other"})
    assert repr(made).startswith(f"{model.__name__}({fields(model)[0]}='value of ")
    assert pickle.loads(pickle.dumps(made)) == made


@pytest.mark.parametrize("model", [m for m in VALUES if issubclass(m, FrozenValue)], ids=lambda m: m.__name__)
def test_a_frozen_value_cannot_change_and_hashes_by_its_fields(model: type[Value]) -> None:
    made = model(**_sample(model))
    with pytest.raises(FrozenValueError):
        setattr(made, fields(model)[0], "changed")
    with pytest.raises(FrozenValueError):
        delattr(made, fields(model)[0])
    assert hash(made) == hash(model(**_sample(model)))


@pytest.mark.parametrize("model", [Attribution, Event, ParseResult, Verdict], ids=lambda m: m.__name__)
def test_a_draft_takes_its_fields_then_becomes_a_frozen_value_of_its_class(model: type[FrozenValue]) -> None:
    draft = object.__new__(draft_class(model))
    for name, value in _sample(model).items():
        setattr(draft, name, value)
    set_field(draft, "__class__", model)
    assert type(draft) is model and draft == model(**_sample(model))
    with pytest.raises(FrozenValueError):
        setattr(draft, fields(model)[0], "changed")
    assert type(model(**_sample(model))) is model  # (built as its draft, handed back frozen)


# What the parser builds its events, attributions and results with (parsers.values.constructor):
# the class's call, keywords passed on without the dict the class call makes of them.
MAKERS = [(Event, make_event), (Attribution, make_attribution), (ParseResult, make_result)]


@settings(max_examples=200, deadline=None)
@given(pick=st.sampled_from(MAKERS), data=st.data())
def test_a_constructor_builds_what_the_class_builds(
    pick: tuple[type[FrozenValue], Any], data: st.DataObject
) -> None:
    model, make = pick
    required = [
        p for p in list(inspect.signature(_maker(model)).parameters.values())[1:] if p.default is p.empty
    ]
    names = data.draw(st.lists(st.sampled_from(fields(model)), unique=True))
    given_fields = {name: f"value of {name}" for name in [*(p.name for p in required), *names]}
    made = make(**given_fields)
    assert (
        type(made) is model
        and made == model(**given_fields)
        and as_dict(made) == as_dict(model(**given_fields))
    )
    assert hash(made) == hash(model(**given_fields))
    with pytest.raises(FrozenValueError):
        setattr(made, fields(model)[0], "changed")
    positional = list(given_fields.values())[: len(required)]
    assert make(*positional) == model(*positional)
    assert make.func is model.__new__  # (the class's own body: see parsers.values.constructor)
    with pytest.raises(TypeError):
        make(**given_fields, nonsense=1)


def test_a_mutable_value_changes_and_is_not_hashable() -> None:
    delivery = Delivery("a@b.example")
    delivery.status = "5.1.1"
    assert delivery == Delivery("a@b.example", status="5.1.1")
    with pytest.raises(TypeError):
        hash(delivery)


def test_defaults_and_fresh_lists() -> None:
    assert Event("a@b.example", "bounce", "hard", "user_unknown").status is None
    assert ParseResult("unknown").defects == () and Attribution().envelope_addresses == ()
    first, second = Complaint(), Complaint()
    first.recipients.append("a@b.example")
    assert second.recipients == [] and Report().deliveries == []


def test_replace_refuses_a_field_the_value_does_not_have() -> None:
    with pytest.raises(TypeError, match="no field 'nonsense'"):
        replace(Event("a@b.example", "bounce", "hard", "user_unknown"), nonsense=1)


def test_the_command_line_parse_does_not_import_dataclasses() -> None:
    # (dataclasses imports inspect, ast, dis and tokenize: about 15 ms of start-up)
    messages = [
        FIXTURES / "dsn" / name for name in sorted(p.name for p in (FIXTURES / "dsn").glob("*.eml"))[:3]
    ]
    messages += sorted((FIXTURES / "autoreply").glob("*.eml"))[:1]
    code = (
        "import sys\n"
        "from service.cli import parse\n"
        "from service.sources import iter_messages\n"
        "for item in iter_messages(sys.argv[1:]):\n"
        "    parse.render(item.source, item.raw, True)\n"
        "print(sorted(m for m in ('dataclasses', 'inspect') if m in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, *map(str, messages)], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]"
