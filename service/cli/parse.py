"""`bounceback parse`: run the parser over files, maildirs and mbox files; no database.

Output streams in input order. Past the first few dozen messages the parsing is spread over worker
processes (`--jobs`, default: one per CPU), in bounded windows so that a large maildir is never
held in memory at once.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import sys
from collections.abc import Iterable, Iterator
from typing import Any, TextIO

from parsers import parse
from service.cli.options import int_option
from service.sources import RawMessage, iter_messages

# Calls with fewer messages than this run in-process: a pool costs more than it saves.
SERIAL_PREFIX = 48
WINDOW = 512  # messages read ahead and handed to the workers at a time
CHUNK = 16
MAX_JOBS = 256
# (what json.dumps(..., ensure_ascii=False) uses, made once: dumps makes an encoder per call when
# given any option)
_JSON = json.JSONEncoder(ensure_ascii=False)


def register(sub: Any) -> None:
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


def render(source: str, raw: bytes, as_json: bool) -> str:
    """Parse one message and format its output lines (runs in a worker for large inputs)."""
    result = parse(raw)
    if as_json:
        return _JSON.encode({"source": source, **result.to_dict()}) + "\n"
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
    print(f"bounceback: {item.error}", file=sys.stderr)
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


def run(args: argparse.Namespace) -> int:
    out: TextIO = sys.stdout
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
        failures += item.raw is None
        out.write(text)
    return 1 if failures else 0
