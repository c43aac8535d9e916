"""Guards hand-written copies of value fields: Delivery in parsers/core.py (it avoids replace)
and Event.to_dict (it avoids as_dict)."""

from __future__ import annotations

import inspect

import parsers.core
from parsers.delivery import Delivery
from parsers.model import Event
from parsers.values import as_dict, fields


def test_core_copies_every_delivery_field() -> None:
    source = inspect.getsource(parsers.core)
    start = source.index("fixed = Delivery(")
    copied = source[start : source.index(")", start)]
    missing = [name for name in fields(Delivery) if f"{name}=" not in copied]
    assert not missing, f"parsers/core.py builds Delivery without {missing}: add them to that copy"


def test_an_events_dict_names_every_field() -> None:
    # (a new field must be added to Event.to_dict too)
    event = Event(recipient="a@b.example", type="bounce", classification="hard", reason="user_unknown")
    assert event.to_dict() == as_dict(event)
