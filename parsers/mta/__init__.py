"""Text-format bounce detectors of MTAs and mailbox providers (non-RFC-3464 reports).

Each module exposes `NAME: str` and `inquire(mail: Mail) -> list[Delivery] | None`: None (or an
empty list) when the message is not in its format, otherwise one Delivery per failed recipient.
`inquire` must be cheap to reject (check a header or subject first) and must not raise: an
exception is a bug, which `parsers.parse` reports as a `parser_error` defect (the tests look for
one) before it goes on with the next detector.
DETECTORS is the explicit order in which they are tried; the first non-empty answer wins.

A module may also declare prefilter markers, for a format whose own rejection is costly (a
pattern search over the body): `MARKERS: tuple[str, ...]`, lower-case strings of which at least one
appears, case-insensitively, in the subject, the From or the report text before the attached
original (`_common.before_original(mail)`) of every message the detector accepts; for a format
told by its sender or its subject, `HEADING_MARKERS: tuple[str, ...]` instead, the same but looked
for in the subject and the From only (`heading(mail)`: a short text, where the report text before
the original runs to a page or more); and optionally `MARKER_HEADERS: tuple[str, ...]`, header
names whose presence alone lets the detector run (a detector gated on a header alone declares only
these).
Two more kinds, for a format told by what no such text holds, both compared as written (the
detectors' own tests are case-sensitive there): `MARKER_VALUES: dict[str, tuple[str, ...]]`, header
name -> strings without white space, of which a value of that header holds one (a value with
encoded words or 8-bit bytes always may: `Mail.plain_values`); and `BODY_MARKERS: tuple[str, ...]`,
strings looked for in the whole body text (`_common.body_text(mail)`, what follows the attached
original included), for a phrase that may come after the original.
`candidates()` skips a detector whose markers are all absent without running its code: the markers
must cover every accept path of `inquire` (a phrase the format always prints where the detector
looks for it, the header it is gated on), or the detector must not declare any.
A detector with report, header-value or body markers may also declare `REQUIRED_HEADERS:
tuple[str, ...]`, header names of which every message it accepts has one, whatever its markers
(a condition the detector itself tests): without one of them it is skipped before its markers are
looked for.
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Callable, Container, Iterable, Iterator
from importlib.machinery import ModuleSpec, SourceFileLoader
from types import CodeType, ModuleType

from parsers import patterncode
from parsers.delivery import Delivery
from parsers.mail import Mail

# (at the top, not in the functions that use them: an import statement run per message costs
# thousands of instructions even when the module is loaded)
from parsers.mta._common import body_text
from parsers.mta._common import haystack as haystack
from parsers.mta._common import heading as heading

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

Inquire = Callable[[Mail], "list[Delivery] | None"]

# Module names under parsers.mta, most specific first.
DETECTOR_MODULES: tuple[str, ...] = (
    # Mailbox providers (more specific than the MTA software they run)
    "googlegroups",
    "listmanager",
    "gsuite",
    "gmail",
    "office365",
    "outlook",
    "yahoo",
    "aol",
    "amazonworkmail",
    "receivingses",
    "amazonses",
    "sendgrid",
    "facebook",
    "einsundeins",
    "gmx",
    "mailru",
    "yandex",
    "zoho",
    "ezweb",
    "kddi",
    "biglobe",
    "verizon",
    "bigfoot",
    # MTA software and filtering appliances: header-gated formats first, then the formats of
    # widespread MTAs whose markers other software imitates (Sendmail, Exim, qmail, Postfix).
    "pec",
    "activehunter",
    "barracuda",
    "powermta",
    "mailfoundry",
    "fml",
    "mfilter",
    "surfcontrol",
    "mcafee",
    "mxlogic",
    "messagelabs",
    "amavis",
    "interscanmss",
    "imailserver",
    "mdaemon",
    "apachejames",
    "mailmarshalsmtp",
    "notes",
    "domino",
    "mimecast",
    "courier",
    "messagingserver",
    "exchange2003",
    "exchange2007",
    "x1",
    "x2",
    "x3",
    "x5",
    "x6",
    "dragonfly",
    "opensmtpd",
    "v5sendmail",
    "sendmail",
    "exim",
    "qmail",
    "postfix",
)


# The detectors' code, compiled ahead of time into the pattern store (parsers.patterncode, by
# `python -m parsers.store_patterns`) as a table of (module name, its source's stamp, its code).
# Importing a module through the import system costs some 300 k instructions besides running its
# code (the finders, the module lock, a directory and a file stat, the bytecode cache's file name
# worked out twice, the file opened and read): for the 58 detectors, 17 M of the 27 M that
# importing them cost at a process's first message. A detector whose source is unchanged since the
# store was written is made from its stored code instead, as the import system would make it (its
# spec, sys.modules, the package's attribute); any other, or every one without a store, is imported.
DETECTOR_CODE = "detector code"
_Stamp = tuple[str, int, int, int]


def _source(name: str) -> str:
    return f"{os.path.dirname(__file__)}{os.sep}{name}.py"


def _stamp(path: str) -> _Stamp:
    """What the stored code of the module at `path` was compiled from: its place, its size and
    time (patterncode's stamp of a source), and the optimisation level (assert statements
    compiled or not)."""
    folder, _, name = path.rpartition(os.sep)
    ((size, mtime),) = patterncode.file_stamps(folder, (name,))
    return (path, size, mtime, sys.flags.optimize)


def code_to_store() -> tuple[tuple[str, _Stamp, CodeType], ...]:
    """Each detector's code, compiled from its source as the import system compiles it."""
    stored = []
    for name in DETECTOR_MODULES:
        path = _source(name)
        stamp = _stamp(path)  # (before the read: a source changed meanwhile is not taken as unchanged)
        with open(path, "rb") as file:
            source = file.read()
        stored.append((name, stamp, compile(source, path, "exec", dont_inherit=True)))
    return tuple(stored)


def _from_code(name: str, path: str, code: CodeType) -> ModuleType:
    """The detector `name` made from its code, as the import system makes a module: its spec
    (with the loader that would have loaded it, which reads its source for a traceback), its
    file and package. (Not `importlib.util.module_from_spec`, which works out the bytecode cache's
    file name for `__cached__`, a file not read here: 75 k instructions a module, this 10 k.)"""
    full = f"{__name__}.{name}"
    loader = SourceFileLoader(full, path)
    spec = ModuleSpec(full, loader, origin=path)
    spec.has_location = True
    module = ModuleType(full)
    module.__spec__, module.__loader__, module.__file__, module.__package__ = spec, loader, path, __name__
    sys.modules[full] = module  # (before its code runs, as an import puts it)
    try:
        exec(code, module.__dict__)
    except BaseException:
        del sys.modules[full]
        raise
    globals()[name] = module  # (the package's attribute, as an import sets it)
    return module


def _detector(name: str, stored: dict[str, tuple[_Stamp, CodeType]]) -> ModuleType:
    imported = sys.modules.get(f"{__name__}.{name}")  # (by an earlier detector: mxlogic imports exim)
    if imported is not None:
        return imported
    path = _source(name)
    stamp, code = stored.get(name, (None, None))
    if code is not None and stamp == _stamp(path):
        return _from_code(name, path, code)
    return importlib.import_module(f"{__name__}.{name}")


def _load() -> tuple[ModuleType, ...]:
    stored = {name: (stamp, code) for name, stamp, code in patterncode.stored_data(DETECTOR_CODE) or ()}
    return tuple(_detector(name, stored) for name in DETECTOR_MODULES)


DETECTORS: tuple[ModuleType, ...] = _load()


_KINDS = ("MARKERS", "HEADING_MARKERS", "MARKER_HEADERS", "MARKER_VALUES", "BODY_MARKERS")
_SCANNED_KINDS = ("MARKERS", "MARKER_VALUES", "BODY_MARKERS")
# Each detector's module namespace, where the plan below reads its declarations: a kind a module
# does not declare is a missing key (a getattr with a default raised and caught an AttributeError
# for each, a tenth of the plan's cost at a process's first message).
_DECLARED: tuple[dict[str, Any], ...] = tuple(vars(module) for module in DETECTORS)


# The prefilter's plan. The signs told by a lookup or a short text, the marker headers and the
# heading markers, are looked for once per message, every one: each sign maps to the detectors it
# lets run (by index in DETECTORS). The markers that take a scan of the report, a header's values
# or the body are looked for lazily, in order, and only for a detector that no sign let run.
def _by_sign(kind: str, fold: Callable[[str], str]) -> dict[str, tuple[int, ...]]:
    signs: dict[str, tuple[int, ...]] = {}
    for index, declared in enumerate(_DECLARED):
        for sign in declared.get(kind, ()):
            key = fold(sign)
            signs[key] = (*signs.get(key, ()), index)
    return signs


_BY_HEADER = _by_sign("MARKER_HEADERS", str.lower)
_HEADER_NAMES = frozenset(_BY_HEADER)
_BY_HEADING = _by_sign("HEADING_MARKERS", str)


def _heading_groups(markers: Iterable[str]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The heading markers grouped by a character each holds: a heading without the character
    (one memchr over a short text) holds none of its group. Each marker's is the character that
    the fewest of the markers hold: what the phrases of report subjects and senders share
    ("mail", "deliver", "@") is what most headings hold too. A marker alone in its group is its
    own key, with no group: looked for at once."""
    markers = tuple(markers)
    holding: dict[str, int] = {}
    for marker in markers:
        for char in set(marker):
            holding[char] = holding.get(char, 0) + 1
    groups: dict[str, tuple[str, ...]] = {}
    for marker in markers:
        # (the least (count, char) pair, built in C: a key function was a Python call a character)
        key = min(zip(map(holding.__getitem__, marker), marker, strict=True))[1]
        groups[key] = (*groups.get(key, ()), marker)
    return tuple((group[0], ()) if len(group) == 1 else (key, group) for key, group in groups.items())


_HEADING_GROUPS = _heading_groups(_BY_HEADING)
# Detectors without any marker: they run on every message.
_UNGATED = frozenset(
    index for index, declared in enumerate(_DECLARED) if not any(declared.get(kind) for kind in _KINDS)
)
# The markers each detector is scanned for when no sign let it run: its report-text markers, its
# header values (lower-cased name, needles) and its body markers.
_Markers = tuple[tuple[str, ...], tuple[tuple[str, tuple[str, ...]], ...], tuple[str, ...]]


def _markers(declared: dict[str, Any]) -> _Markers:
    return (
        tuple(declared.get("MARKERS", ())),
        tuple((name.lower(), tuple(needles)) for name, needles in declared.get("MARKER_VALUES", {}).items()),
        tuple(declared.get("BODY_MARKERS", ())),
    )


def _required(declared: dict[str, Any]) -> tuple[str, ...]:
    required = tuple(name.lower() for name in declared.get("REQUIRED_HEADERS", ()))
    if required and (
        not any(declared.get(kind) for kind in _SCANNED_KINDS)
        or any(declared.get(kind) for kind in ("HEADING_MARKERS", "MARKER_HEADERS"))
    ):
        # (a sign lets a detector run without its scan, where the required headers are tested)
        raise ValueError(f"{declared['__name__']}: REQUIRED_HEADERS go with scanned markers only")
    return required


def _spared(earlier: _Markers, markers: _Markers) -> _Markers:
    """`markers` without those that cannot be in a message lacking every one of `earlier`'s: a
    marker holding one of them (in the same text; for header values, of the same header)."""
    report, values, body = markers
    return (
        tuple(m for m in report if not any(e in m for e in earlier[0])),
        tuple(
            (name, kept)
            for name, needles in values
            if (
                kept := tuple(
                    n for n in needles if not any(e in n for k, es in earlier[1] if k == name for e in es)
                )
            )
        ),
        tuple(m for m in body if not any(e in m for e in earlier[2])),
    )


def _may_spare(earlier: _Markers, markers: _Markers) -> bool:
    """Whether `_spared(earlier, markers)` may differ from `markers`: one of `earlier`'s markers
    held by one of theirs (in the same text; for header values, under the same header name), or
    a header without needles (dropped). Most pairs of detectors share nothing, and this test, in
    plain loops, costs a fraction of building the three tuples of `_spared` (the plan compares
    every scanned detector with each earlier one: some 230 pairs at a process's first message)."""
    for texts, earlier_texts in ((markers[0], earlier[0]), (markers[2], earlier[2])):
        for marker in texts:
            for e in earlier_texts:
                if e in marker:
                    return True
    for name, needles in markers[1]:
        if not needles:
            return True
        for earlier_name, earlier_needles in earlier[1]:
            if earlier_name == name:
                for needle in needles:
                    for e in earlier_needles:
                        if e in needle:
                            return True
    return False


def _plan() -> dict[int, _Scan | None]:
    """Each scanned detector's required headers, and its markers in two forms: all of them, and
    those left when the earlier scanned detectors that share a marker with it (its sources) were
    all visited and rejected, their markers all absent (mxlogic's and exim's opening sentence,
    courier's and postfix's "undeliverable mail", ezweb's and kddi's carrier Received names)."""
    return _plan_of(_DECLARED)


def _plan_of(detectors: Iterable[dict[str, Any]]) -> dict[int, _Scan | None]:
    """_plan of the detectors declaring these (their module namespaces, in order)."""
    plan: dict[int, _Scan | None] = {}
    scanned = [
        (index, _markers(declared), _required(declared))
        for index, declared in enumerate(detectors)
        if any(declared.get(kind) for kind in _SCANNED_KINDS)
    ]
    for index, markers, required in scanned:
        sources: list[int] = []
        reduced = markers
        for earlier_index, earlier_markers, earlier_required in scanned:
            if earlier_index >= index:
                break  # (in order: the rest come later)
            # (an earlier detector skipped for a required header was not scanned: no source)
            if not earlier_required and _may_spare(earlier_markers, reduced):
                fewer = _spared(earlier_markers, reduced)
                if fewer != reduced:
                    sources.append(earlier_index)
                    reduced = fewer
        plan[index] = (required, frozenset(sources), markers, reduced)
    return plan


# required headers, sources, all markers, the markers left when no source was yielded
_Scan = tuple[tuple[str, ...], frozenset[int], _Markers, _Markers]
_SCANNED: dict[int, _Scan | None] = _plan()
_SCANNED.update(dict.fromkeys(_UNGATED))  # (None: it always runs)

# Phrases that several detectors' report-text markers hold and most reports lack: each is looked
# for once per message, at the first marker holding it, and a marker holding an absent one is not
# searched (a search of the report text costs the same for a marker found or not, ~2.5 k
# instructions a kilobyte).
_SHARED = ("following recipient", "automatically", "delay", "frozen")
# A report-text marker with the shared phrase it holds (the first of _SHARED), or None.
_Keyed = tuple[tuple[str | None, str], ...]


def _keyed(markers: tuple[str, ...]) -> _Keyed:
    return tuple((next((key for key in _SHARED if key in marker), None), marker) for marker in markers)


# What candidates() reads of each scanned detector's plan: required headers, sources, and its
# markers (the report-text ones keyed), all of them, then those left when no source was yielded.
_Steps = tuple[
    tuple[str, ...],
    frozenset[int],
    tuple[_Keyed, tuple[tuple[str, tuple[str, ...]], ...], tuple[str, ...]],
    tuple[_Keyed, tuple[tuple[str, tuple[str, ...]], ...], tuple[str, ...]],
]
_STEPS: dict[int, _Steps | None] = {
    index: None
    if scan is None
    else (
        scan[0],
        scan[1],
        (_keyed(scan[2][0]), scan[2][1], scan[2][2]),
        (_keyed(scan[3][0]), scan[3][1], scan[3][2]),
    )
    for index, scan in _SCANNED.items()
}
# The scanned detectors in order: what candidates() visits when no sign let a detector run (no
# set union and sort for such a message).
_ORDER = tuple(sorted(_STEPS))


def candidates(mail: Mail, prefilter: bool = True) -> Iterator[ModuleType]:
    """The detectors, in order, that may recognise the message (those whose markers it has)."""
    if not prefilter:
        yield from DETECTORS
        return
    # (the signs first, all at once: a lookup in the header names and the heading's groups; most
    # messages have few of them)
    present = mail.header_names()
    passed: set[int] = set()
    # (the view intersected in C, most messages holding none of the names: a filter through the
    # view's __contains__ cost a slot-wrapper call, some 900 instructions, a name)
    if not present.isdisjoint(_HEADER_NAMES):
        for name in present & _HEADER_NAMES:
            passed.update(_BY_HEADER[name])
    head = heading(mail)
    for key, group in _HEADING_GROUPS:
        if key in head:
            if not group:
                passed.update(_BY_HEADING[key])
            for marker in group:
                if marker in head:
                    passed.update(_BY_HEADING[marker])
    hay: str | None = None
    shared: dict[str, bool] = {}  # (whether the report text holds each shared phrase looked for)
    yielded: set[int] = set()
    for index in sorted(passed.union(_STEPS)) if passed else _ORDER:
        if index not in passed:
            scanned = _STEPS[index]
            if scanned is not None:
                required, sources, all_markers, reduced = scanned
                if required:
                    for name in required:
                        if name in present:
                            break
                    else:
                        continue
                # (a source visited and not yielded was rejected: its markers are all absent)
                markers, values, body = reduced if sources and yielded.isdisjoint(sources) else all_markers
                found = False
                # (plain loops: no generator per detector and message)
                for phrase, marker in markers:
                    if hay is None:
                        hay = haystack(mail)
                    if phrase is not None:
                        held = shared.get(phrase)
                        if held is None:
                            held = shared[phrase] = phrase in hay
                        if not held:
                            continue
                    if marker in hay:
                        found = True
                        break
                if (
                    not found
                    and not (values and _values_hold(mail, present, values))
                    and not (body and _body_holds(mail, body))
                ):
                    continue
        yielded.add(index)
        yield DETECTORS[index]


def _values_hold(
    mail: Mail, present: Container[str], values: tuple[tuple[str, tuple[str, ...]], ...]
) -> bool:
    """Whether a value of one of the headers may hold one of its needles (a header the message
    lacks holds none: its values are not joined)."""
    for name, needles in values:  # (plain loops: no generator per detector and message)
        if name in present:
            text = mail.plain_values(name)
            if text is None:
                return True
            for needle in needles:
                if needle in text:
                    return True
    return False


def _body_holds(mail: Mail, body: tuple[str, ...]) -> bool:
    """Whether the whole body text holds one of the markers."""
    text = body_text(mail)
    # (a plain loop: any() left its generator suspended at a marker found, closed by a GeneratorExit)
    for marker in body:  # noqa: SIM110
        if marker in text:
            return True
    return False
