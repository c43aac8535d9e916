"""Parser throughput: messages per second over a folder of messages, against flufl.bounce and bare
`email.message_from_bytes` on the same list in the same process (figures printed, never asserted).

    .venv/bin/python benchmarks/parse_throughput.py [FOLDER] [--repeat 10] [--profile]

FOLDER defaults to the dev corpus (../shared/corpus/dev); every file under it that is not a label
or licence file counts as one message. The list is read into memory first, then each contender
runs over it `--repeat` times, interleaved round by round; each figure is the contender's fastest
round (the machine is shared: ratios within one run are what to compare).
A baseline that raises on a message is counted (the count is printed), not fatal.
"""

from __future__ import annotations

import argparse
import cProfile
import email
import email.policy
import logging
import pstats
import time
from collections.abc import Callable
from pathlib import Path

from parsers import parse

DEFAULT_FOLDER = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev"
SKIP_SUFFIXES = {".jsonl", ".json", ".md", ".txt"}


def load_messages(folder: Path) -> list[bytes]:
    paths = sorted(
        p
        for p in folder.rglob("*")
        if p.is_file() and p.suffix not in SKIP_SUFFIXES and p.name not in ("LICENSE", "README")
    )
    return [p.read_bytes() for p in paths]


def stdlib_only(raw: bytes) -> object:
    return email.message_from_bytes(raw, policy=email.policy.compat32)


# Messages on which a baseline raised (their ids), by contender: counted and reported, not fatal
# (flufl.bounce's Yale detector raises IndexError on a From without an address).
FAILURES: dict[str, set[int]] = {}


def flufl_bounce(raw: bytes) -> object:
    from flufl.bounce import all_failures

    try:
        return all_failures(email.message_from_bytes(raw, policy=email.policy.compat32))
    except Exception:
        FAILURES.setdefault("flufl.bounce all_failures", set()).add(id(raw))
        return None


def ours(raw: bytes) -> object:
    return parse(raw)


def rates(
    contenders: dict[str, Callable[[bytes], object]], messages: list[bytes], repeat: int
) -> dict[str, float]:
    """Messages per second of each contender. The rounds are interleaved (every contender runs once
    over the list per round) so that the load of a shared machine weighs on all of them alike; a
    contender's figure is its fastest round, the one least disturbed by other processes."""
    for func in contenders.values():
        for raw in messages[:5]:  # warm up imports and regex caches
            func(raw)
    best = dict.fromkeys(contenders, float("inf"))
    for _ in range(repeat):
        for name, func in contenders.items():
            start = time.perf_counter()
            for raw in messages:
                func(raw)
            best[name] = min(best[name], time.perf_counter() - start)
    return {name: len(messages) / seconds for name, seconds in best.items()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", nargs="?", type=Path, default=DEFAULT_FOLDER)
    ap.add_argument("--repeat", type=int, default=10)
    ap.add_argument("--profile", action="store_true", help="print the parser's top functions")
    args = ap.parse_args()
    messages = load_messages(args.folder)
    # flufl.bounce logs each detector exception with its traceback before raising it again
    logging.getLogger("flufl.bounce").setLevel(logging.CRITICAL)
    if not messages:
        raise SystemExit(f"no messages under {args.folder}")
    print(f"{len(messages)} messages x {args.repeat} from {args.folder}")
    contenders: dict[str, Callable[[bytes], object]] = {
        "email.message_from_bytes": stdlib_only,
        "flufl.bounce all_failures": flufl_bounce,
        "bounceback parsers.parse": ours,
    }
    results = rates(contenders, messages, args.repeat)
    ours_rate = results["bounceback parsers.parse"]
    for name, value in results.items():
        failed = len(FAILURES.get(name, ()))
        note = f"   raised on {failed} of {len(messages)} messages" if failed else ""
        print(f"{name:28s} {value:9.0f} msgs/s   parse/this = {ours_rate / value:5.2f}{note}")
    if args.profile:
        prof = cProfile.Profile()
        prof.runcall(lambda: [parse(raw) for raw in messages])
        pstats.Stats(prof).sort_stats("tottime").print_stats(15)


if __name__ == "__main__":
    main()
