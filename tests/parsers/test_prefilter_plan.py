"""The prefilter's plan (parsers.mta._plan_of), built with a cheap test for the pairs of detectors
that share no marker, is the plan the straightforward construction gives: every scanned detector
compared with each earlier one by `_spared` (the construction as it was, kept here as the
reference), on generated declarations whose markers often hold one another."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from parsers.mta import _DECLARED, _SCANNED, _UNGATED, _plan_of, _spared

_SCANNED_KINDS = ("MARKERS", "MARKER_VALUES", "BODY_MARKERS")


def _reference_plan(modules: list[Any]) -> dict[int, Any]:
    """The plan as parsers.mta built it before: `_spared` for every earlier scanned detector."""
    plan: dict[int, Any] = {}
    scanned = [
        (
            index,
            (
                tuple(getattr(module, "MARKERS", ())),
                tuple((n.lower(), v) for n, v in getattr(module, "MARKER_VALUES", {}).items()),
                tuple(getattr(module, "BODY_MARKERS", ())),
            ),
            tuple(name.lower() for name in getattr(module, "REQUIRED_HEADERS", ())),
        )
        for index, module in enumerate(modules)
        if any(getattr(module, kind, None) for kind in _SCANNED_KINDS)
    ]
    for index, markers, required in scanned:
        sources: list[int] = []
        reduced = markers
        for earlier_index, earlier_markers, earlier_required in scanned:
            if earlier_index < index and not earlier_required:
                fewer = _spared(earlier_markers, reduced)
                if fewer != reduced:
                    sources.append(earlier_index)
                    reduced = fewer
        plan[index] = (required, frozenset(sources), markers, reduced)
    return plan


# Markers from a two-letter alphabet: short ones are often held by longer ones.
_TEXT = st.text("ab", min_size=1, max_size=4)
_TEXTS = st.lists(_TEXT, max_size=3).map(tuple)
_NAMES = st.sampled_from(["Received", "Reply-To", "X-Mailer"])
_DETECTOR = st.fixed_dictionaries(
    {},
    optional={
        "MARKERS": _TEXTS,
        "MARKER_VALUES": st.dictionaries(_NAMES, st.lists(_TEXT, max_size=3).map(tuple), max_size=2),
        "BODY_MARKERS": _TEXTS,
        "REQUIRED_HEADERS": st.lists(_NAMES, min_size=1, max_size=2).map(tuple),
    },
).filter(lambda d: "REQUIRED_HEADERS" not in d or any(d.get(kind) for kind in _SCANNED_KINDS))


@settings(max_examples=400, deadline=None)
@given(st.lists(_DETECTOR, max_size=8))
def test_the_plan_is_the_straightforward_one(detectors: list[dict[str, Any]]) -> None:
    declared = [{"__name__": f"d{i}", **d} for i, d in enumerate(detectors)]
    modules = [SimpleNamespace(**d) for d in declared]
    assert _plan_of(declared) == _reference_plan(modules)


def test_the_detectors_plan_is_the_straightforward_one() -> None:
    from parsers.mta import DETECTORS

    plan = _reference_plan(list(DETECTORS))
    plan.update(dict.fromkeys(_UNGATED))
    assert plan == _SCANNED
    assert len(_DECLARED) == len(DETECTORS)


def _reference_heading_groups(markers: tuple[str, ...]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The heading markers' groups as parsers.mta built them before (a key function per character)."""
    holding: dict[str, int] = {}
    for marker in markers:
        for char in set(marker):
            holding[char] = holding.get(char, 0) + 1
    groups: dict[str, tuple[str, ...]] = {}
    for marker in markers:
        key = min(marker, key=lambda char: (holding[char], char))
        groups[key] = (*groups.get(key, ()), marker)
    return tuple((group[0], ()) if len(group) == 1 else (key, group) for key, group in groups.items())


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text("abc@.", min_size=1, max_size=6), unique=True, max_size=12).map(tuple))
def test_the_heading_groups_are_keyed_by_their_rarest_character(markers: tuple[str, ...]) -> None:
    from parsers.mta import _heading_groups

    assert _heading_groups(markers) == _reference_heading_groups(markers)
