"""Parsing a message leaves no reference cycle behind: reference counting frees the message, its
parts and the Mail as soon as the parse is done. A cycle (a nested function that calls itself
through its closure, say) keeps all of that alive until the collector's next pass, which must
then trace it: `bounceback parse` ran several per cent slower for one such cycle per message."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest

from parsers import parse
from service.cli import collector_paused

HERE = Path(__file__).parent
CASES = sorted(HERE.glob("fixtures/**/*.eml")) + sorted(HERE.glob("mta/fixtures/**/*.eml"))


@pytest.fixture(scope="module", autouse=True)
def _frozen() -> Iterator[None]:
    """The test process's own objects kept out of the collector's passes (each pass below would
    trace them all): frozen for these tests, unless something froze its own already."""
    gc.collect()
    ours = gc.get_freeze_count() == 0
    if ours:
        gc.freeze()
    yield
    if ours:
        gc.unfreeze()


def _one_pass(raw: bytes) -> list[str]:
    with collector_paused():
        gc.collect()  # (what earlier tests left unreachable is not this parse's)
        flags = gc.get_debug()
        gc.set_debug(gc.DEBUG_SAVEALL)  # (what the pass finds unreachable is kept in gc.garbage)
        try:
            parse(raw)
            gc.collect()
            found = [type(o).__name__ for o in gc.garbage]
        finally:
            gc.set_debug(flags)
            gc.garbage.clear()
    return found


def _cyclic_garbage(raw: bytes) -> list[str]:
    """The types of the objects that only the collector would free after parsing `raw`. A parse
    that makes a cycle makes it every time; garbage that another thread (a test's server winding
    down) dropped during one pass does not come back in the next, so a finding must repeat."""
    found = _one_pass(raw)
    return _one_pass(raw) if found else found


def test_cases_exist() -> None:
    assert len(CASES) > 100


@pytest.mark.parametrize("case", CASES, ids=[f"{c.parent.name}/{c.stem}" for c in CASES])
def test_a_parse_leaves_no_cycle(case: Path) -> None:
    raw = case.read_bytes()
    parse(raw)  # (first use: what a module makes once and keeps is not the parse's garbage)
    assert _cyclic_garbage(raw) == []


def test_the_check_sees_a_cycle() -> None:
    """(the check itself: a parse that leaves a cycle is caught)"""
    from unittest import mock

    from parsers.mail import load as real_load

    kept: list[object] = []

    def load_with_a_cycle(raw: bytes) -> object:
        mail = real_load(raw)
        loop: list[object] = [mail]
        loop.append(loop)
        kept.append(type(mail).__name__)
        return mail

    with mock.patch("parsers.core.load", load_with_a_cycle):
        assert "list" in _cyclic_garbage(CASES[0].read_bytes())
    assert kept
