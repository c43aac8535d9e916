"""Guards a hand-written copy of Delivery in parsers/core.py (it avoids dataclasses.replace)."""

from __future__ import annotations

import inspect
from dataclasses import fields

import parsers.core
from parsers.delivery import Delivery


def test_core_copies_every_delivery_field() -> None:
    source = inspect.getsource(parsers.core)
    start = source.index("fixed = Delivery(")
    copied = source[start : source.index(")", start)]
    missing = [f.name for f in fields(Delivery) if f"{f.name}=" not in copied]
    assert not missing, f"parsers/core.py builds Delivery without {missing}: add them to that copy"
