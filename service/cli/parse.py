"""`bounceback parse`: run the parser over files, maildirs and mbox files; no database.

Output streams in input order. Past the first few dozen messages the parsing is spread over worker
processes (`--jobs`, default: one per CPU), in bounded windows so that a large maildir is never
held in memory at once.
"""

from __future__ import annotations

import gc
import io
import itertools
import json
import operator
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from types import SimpleNamespace

from parsers import parse
from parsers.model import Attribution, Event, ParseResult
from service.sources import RawMessage, iter_messages

TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse
    from typing import Any, TextIO

    # (what the command runs with: argparse's reading, or quick_args')
    Arguments = argparse.Namespace | SimpleNamespace

# Calls with fewer messages than this run in-process: a pool costs more than it saves.
SERIAL_PREFIX = 48
WINDOW = 512  # messages read ahead and handed to the workers at a time
CHUNK = 16
MAX_JOBS = 256
RUN_GC_THRESHOLD = 20_000  # (allocations between the collector's passes during a run: see run)
# (what json.dumps(..., ensure_ascii=False) uses, made once: dumps makes an encoder per call when
# given any option)
_JSON = json.JSONEncoder(ensure_ascii=False)
_string = json.encoder.encode_basestring  # (what that encoder writes a string with: C)


def _template(keys: Iterable[str]) -> str:
    """`{"key": %s, ...}`: an object with these keys, as _JSON writes it, its values left open."""
    return "{" + ", ".join(f"{_string(key)}: %s" for key in keys) + "}"


# The keys of the parser's output, in the order of its to_dict methods (the one home for them): a
# sample of each, read once.
_EVENT_KEYS = tuple(Event("", "bounce", "hard", "").to_dict())
_RESULT_KEYS = tuple(ParseResult("unknown").to_dict())
_ATTRIBUTION_FIELDS = Attribution().to_dict()
_EVENT = _template(_EVENT_KEYS)
_RESULT = _template(("source", *_RESULT_KEYS))
_ATTRIBUTION = _template(_ATTRIBUTION_FIELDS)
_event_values = operator.attrgetter(*_EVENT_KEYS)
_attribution_values = operator.attrgetter(*_ATTRIBUTION_FIELDS)
# Result fields that are not a string or None, the last in that order (else every line is left to
# the generic encoder): written by their own rule below.
_LISTS = ("defects", "events", "attribution")
_FIELD_BY_FIELD = _RESULT_KEYS[-len(_LISTS) :] == _LISTS
_scalars = operator.attrgetter(*_RESULT_KEYS[: -len(_LISTS)])


# A line's values, in order: the source, the scalars, each defect, each event's fields, then the
# attribution's fields with each of its envelope addresses in their place; every one is a string
# (or None) that the line's shape sets between its constant texts.
_ADDRESSES_SLOT = tuple(_ATTRIBUTION_FIELDS).index("envelope_addresses")
# (a line's shape: how many events and defects, how many envelope addresses or -1 for no
# attribution; a handful of them, each made once)
_shapes: dict[tuple[int, int, int], list[str]] = {}


def _listed(template: str, count: int) -> str:
    """A JSON array of `count` items, each written as `template`."""
    return "[" + ", ".join([template] * count) + "]"


def _line_parts(shape: tuple[int, int, int]) -> list[str]:
    """The whole line of a result of this shape, as its constant texts with a slot (None) between
    each two for a value's JSON. The line is then one join: a `%` template is read character by
    character on every line, which cost as much as escaping the line's strings."""
    events, defects, addresses = shape
    attribution = "null"
    if addresses >= 0:
        fields = ["%s"] * len(_ATTRIBUTION_FIELDS)
        fields[_ADDRESSES_SLOT] = _listed("%s", addresses)
        attribution = _ATTRIBUTION % tuple(fields)
    scalars = ("%s",) * (len(_RESULT_KEYS) - len(_LISTS) + 1)  # (the source's too)
    template = _RESULT % (*scalars, _listed("%s", defects), _listed(_EVENT, events), attribution)
    texts = template.split("%s")  # (the keys hold no "%s")
    parts = _shapes[shape] = [""] * (2 * len(texts) - 1)
    parts[::2] = texts
    return parts


def json_line(source: str, result: ParseResult) -> str:
    """`_JSON.encode({"source": source, **result.to_dict()})`, written field by field: the generic
    encoder walks the dictionaries, checks each container for cycles and looks each value's type
    up (a tenth of the parser's own time on a small message). Every string of the line, the
    defects and envelope addresses among them, is escaped in one pass and set between the
    constant texts of the line's shape. A value that is not what the model declares (a string or
    None) is left to the generic encoder."""
    if not _FIELD_BY_FIELD:
        return _JSON.encode({"source": source, **result.to_dict()})
    values: list[Any] = [source, *_scalars(result)]
    defects = result.defects
    values += defects
    events = result.events
    for event in events:
        values += _event_values(event)
    found = result.attribution
    addresses = -1
    if found is not None:
        fields = _attribution_values(found)
        listed = fields[_ADDRESSES_SLOT]
        values += fields[:_ADDRESSES_SLOT]
        values += listed
        values += fields[_ADDRESSES_SLOT + 1 :]
        addresses = len(listed)
    try:
        pieces = ["null" if v is None else _string(v) for v in values]
    except TypeError:  # (not a string)
        return _JSON.encode({"source": source, **result.to_dict()})
    shape = (len(events), len(defects), addresses)
    line = (_shapes.get(shape) or _line_parts(shape)).copy()
    line[1::2] = pieces
    return "".join(line)


def register(sub: Any) -> None:
    from service.cli.options import int_option  # (argparse: see quick_args)

    p = sub.add_parser("parse", help="parse messages and print what they say (no database)")
    p.add_argument("paths", nargs="+", metavar="PATH", help="message file, maildir, folder or mbox")
    p.add_argument("--json", action="store_true", help="JSON Lines output (one object per message)")
    p.add_argument("--mbox", action="store_true", help="read every file as an mbox")
    p.add_argument(
        "--jobs",
        type=int_option(0, MAX_JOBS),
        default=0,
        metavar="N",
        help="worker processes for large inputs (default 0: one per CPU; 1: no workers)",
    )
    p.set_defaults(func=run)


def quick_args(words: Sequence[str]) -> SimpleNamespace | None:
    """What the parser `register` builds makes of `words` (the command line after `parse`) when
    they are the usual kind: its options spelled in full, `--jobs` with a whole number in range,
    the paths together and none starting with "-". None for anything else (help, an error, an
    abbreviation, `--jobs=N`), which that parser then reads: building argparse's parser was a
    twentieth of the start-up of `bounceback parse`. (tests/cli/test_cli_options.py checks the
    two agree.)"""
    flags = {"--json": False, "--mbox": False}
    jobs = 0
    paths: list[str] = []
    after_paths = False
    rest = iter(words)
    for word in rest:
        if word in flags:
            flags[word] = True
        elif word == "--jobs":
            value = next(rest, "")
            if not (value.isascii() and value.isdigit()) or int(value) > MAX_JOBS:
                return None
            jobs = int(value)
        elif word.startswith("-") or after_paths:
            return None
        else:
            paths.append(word)
            continue
        after_paths = bool(paths)
    if not paths:
        return None
    return SimpleNamespace(
        command="parse", paths=paths, json=flags["--json"], mbox=flags["--mbox"], jobs=jobs, func=run
    )


def render(source: str, raw: bytes, as_json: bool) -> str:
    """Parse one message and format its output lines (runs in a worker for large inputs)."""
    result = parse(raw)
    if as_json:
        return json_line(source, result) + "\n"
    lines = [f"{source}: {result.message_type}\n"]
    for e in result.events:
        lines.append(
            f"  {e.recipient} {e.type} {e.classification} {e.reason} {e.status or '-'}"
            f" {(e.diagnostic or '')[:100]}\n"
        )
    return "".join(lines)


def _render_batch(batch: list[tuple[str, bytes, bool]]) -> list[str]:
    return [render(source, raw, as_json) for source, raw, as_json in batch]


def _failure(item: RawMessage, as_json: bool) -> str:
    """The output line for a message that could not be read (its error is told on stderr by _run,
    once the lines before it are written)."""
    if as_json:
        return json.dumps({"source": item.source, "error": item.error, "events": []}) + "\n"
    return ""


def _serial(items: Iterable[RawMessage], as_json: bool) -> Iterator[tuple[RawMessage, str]]:
    for item in items:
        if item.raw is None:
            yield item, _failure(item, as_json)
        else:
            yield item, render(item.source, item.raw, as_json)


def _parallel(items: Iterator[RawMessage], as_json: bool, jobs: int) -> Iterator[tuple[RawMessage, str]]:
    # (imported here: 17 ms of start-up that a serial run, `--jobs 1` or a small input, never needs)
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=jobs) as pool:
        while True:
            window = list(itertools.islice(items, WINDOW))
            if not window:
                return
            good = [(i.source, i.raw, as_json) for i in window if i.raw is not None]
            batches = [good[k : k + CHUNK] for k in range(0, len(good), CHUNK)]
            rendered = iter([text for batch in pool.map(_render_batch, batches) for text in batch])
            for item in window:
                yield item, (_failure(item, as_json) if item.raw is None else next(rendered))


def run(args: Arguments) -> int:
    # What the start-up made (modules, compiled patterns) lives as long as the run: kept out of
    # the collector's passes while the messages are parsed (about 1% of a run), and handed back
    # after, so that a caller running the command in its own process keeps no frozen garbage. A
    # process that froze its own objects already (the API's start-up) is left as it is.
    ours = gc.get_freeze_count() == 0
    if ours:
        gc.freeze()
    # A parse leaves no reference cycle (tests/parsers/test_no_cycles.py): the collector's passes
    # over the young objects, every 700 allocations by default, find nothing to free; one every
    # RUN_GC_THRESHOLD allocations still bounds what an unforeseen cycle could hold.
    thresholds = gc.get_threshold()
    gc.set_threshold(max(thresholds[0], RUN_GC_THRESHOLD), *thresholds[1:])
    try:
        return _run(args)
    finally:
        gc.set_threshold(*thresholds)
        if ours:
            gc.unfreeze()


def _run(args: Arguments) -> int:
    out: TextIO = sys.stdout
    # Unbuffered output (PYTHONUNBUFFERED, `python -u`) would make a system call per message; the
    # lines are gathered in the stream's own buffer (its encoding and error rule unchanged) and
    # written a few kilobytes at a time, then the stream is set back as it was.
    if isinstance(out, io.TextIOWrapper) and out.write_through:
        out.reconfigure(write_through=False)
        try:
            return _write_results(args, out)
        finally:
            out.flush()
            out.reconfigure(write_through=True)
    return _write_results(args, out)


def _write_results(args: Arguments, out: TextIO) -> int:
    jobs = args.jobs if args.jobs > 0 else min(os.cpu_count() or 1, 8)
    items = iter(iter_messages(args.paths, mbox=args.mbox))
    head = list(itertools.islice(items, SERIAL_PREFIX))
    results = _serial(head, args.json)
    if len(head) == SERIAL_PREFIX and jobs > 1:
        results = itertools.chain(results, _parallel(items, args.json, jobs))
    else:
        results = itertools.chain(results, _serial(items, args.json))
    failures = 0
    for item, text in results:
        if item.raw is None:
            failures += 1
            out.flush()  # (the lines before it first: stdout and stderr keep their order)
            print(f"bounceback: {item.error}", file=sys.stderr)
        out.write(text)
    return 1 if failures else 0
