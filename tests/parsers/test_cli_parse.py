"""`bounceback parse --json`: one JSON line per message, in input order, whatever the worker count."""

from __future__ import annotations

import gc
import io
import json
import os
import shutil
import threading
import time
from pathlib import Path
from typing import Any
from unittest import mock

import pytest

from parsers import parse
from service.cli import main
from service.cli.parse import RUN_GC_THRESHOLD
from service.sources import RawMessage, _read, iter_messages, read_file

FIXTURES = Path(__file__).parent / "fixtures"


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[dict[str, object]]]:
    code = main(["parse", "--json", *args])
    lines = capsys.readouterr().out.splitlines()
    return code, [json.loads(line) for line in lines]


def test_json_lines_in_input_order_with_and_without_workers(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # (the DSN the last assertions read comes first: fixtures added elsewhere move the sorted ones)
    samples = [FIXTURES / "dsn" / "single-user-unknown.eml", *sorted(FIXTURES.glob("*/*.eml"))]
    paths = []
    for n in range(70):  # past the in-process prefix, so the workers are used
        src = samples[n % len(samples)]
        dst = tmp_path / f"{n:03d}-{src.name}"
        shutil.copyfile(src, dst)
        paths.append(str(dst))
    paths.insert(60, str(tmp_path / "missing.eml"))

    code_serial, serial = _run(capsys, "--jobs", "1", *paths)
    code_pool, pooled = _run(capsys, "--jobs", "2", *paths)

    assert serial == pooled
    assert [o["source"] for o in pooled] == paths
    assert code_serial == code_pool == 1  # one path could not be read
    assert "error" in pooled[60] and pooled[60]["events"] == []
    first = next(o for o in pooled if o["source"].endswith("single-user-unknown.eml"))
    assert first["message_type"] == "dsn"
    assert first["events"][0]["classification"] == "hard"  # type: ignore[index]


def test_text_output(capsys: pytest.CaptureFixture[str]) -> None:
    path = FIXTURES / "arf" / "abuse.eml"
    assert main(["parse", str(path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"{path}: arf")
    assert "paul@isp.example complaint hard feedback" in out


@pytest.mark.parametrize("size", [0, 1, 4096, 65535, 65536, 65537, 2 * 65536, 3 * 65536 + 7])
def test_a_file_is_read_whole(tmp_path: Path, size: int) -> None:
    data = bytes(range(256)) * (size // 256) + b"x" * (size % 256)
    path = tmp_path / "m.eml"
    path.write_bytes(data)
    assert read_file(str(path)) == data


def test_a_fifo_is_read_to_its_end(tmp_path: Path) -> None:
    # (not a regular file: its size says nothing, so it is read until a read returns nothing)
    path = tmp_path / "pipe"
    os.mkfifo(path)
    data = b"Subject: x\n\n" + b"y" * 200_000
    writer = threading.Thread(target=path.write_bytes, args=(data,))
    writer.start()
    try:
        assert read_file(str(path)) == data
    finally:
        writer.join()


def test_a_pipe_that_pauses_is_read_past_its_first_short_read(tmp_path: Path) -> None:
    # (a read that returns less than was asked for is not the end: only a read that returns nothing)
    path = tmp_path / "pipe"
    os.mkfifo(path)
    head, tail = b"Subject: x\n\n", b"y" * 100

    def write() -> None:
        with open(path, "wb", buffering=0) as pipe:
            pipe.write(head)
            time.sleep(0.2)
            pipe.write(tail)

    writer = threading.Thread(target=write)
    writer.start()
    try:
        assert read_file(str(path)) == head + tail
    finally:
        writer.join()


def test_a_message_read_is_the_named_tuple_its_fields_make(tmp_path: Path) -> None:
    path = tmp_path / "m.eml"
    path.write_bytes(b"From MAILER-DAEMON Mon Jan  1 00:00:00 2024\nSubject: x\n\nbody\n")
    item = _read(str(path))
    assert type(item) is RawMessage
    assert item == RawMessage(str(path), b"Subject: x\n\nbody\n")
    assert (item.source, item.raw, item.error) == (str(path), b"Subject: x\n\nbody\n", None)


def test_a_directory_given_as_a_message_is_an_error(tmp_path: Path) -> None:
    found = list(iter_messages([str(tmp_path / "missing.eml")]))
    assert found[0].error is not None and found[0].raw is None
    item = _read(str(tmp_path))
    assert item.raw is None and item.error == f"cannot read {tmp_path}: Is a directory"


def test_a_run_hands_the_collector_back_as_it_found_it(capsys: pytest.CaptureFixture[str]) -> None:
    """`parse` keeps what start-up made out of the collector's passes while it runs (gc.freeze),
    and leaves nothing frozen behind in the calling process; in a process that froze its own
    objects already (an API test's start-up, earlier in the same run) it changes nothing."""
    sample = str(sorted(FIXTURES.glob("*/*.eml"))[0])
    seen: list[int] = []

    def parse_and_look(raw: bytes) -> object:
        seen.append(gc.get_freeze_count())
        return parse(raw)

    before = gc.get_freeze_count()
    thresholds = gc.get_threshold()
    during: list[tuple[int, int, int]] = []

    def parse_and_look_again(raw: bytes) -> object:
        during.append(gc.get_threshold())
        return parse_and_look(raw)

    with mock.patch("service.cli.parse.parse", parse_and_look_again):
        assert main(["parse", "--json", "--jobs", "1", sample]) == 0
    capsys.readouterr()
    # (Another thread of the same test process, e.g. a Kafka client left by an earlier test, may
    # free frozen objects meanwhile: the count can only fall by that, never rise; nothing but a
    # freeze raises it, and an unfreeze of the process's own objects takes it to 0.)
    after = gc.get_freeze_count()
    if before == 0:
        assert after == 0
    else:
        assert 0 < after <= before
    assert gc.get_threshold() == thresholds  # (the collector's passes as often as before)
    assert during == [(max(thresholds[0], RUN_GC_THRESHOLD), *thresholds[1:])]
    if before == 0:
        assert seen and seen[0] > 0  # (frozen while parsing)
    else:
        assert len(seen) == 1 and 0 < seen[0] <= before  # (left as it was)


class _CountingSink(io.RawIOBase):
    """A raw output stream that counts its writes (each a system call on a real file)."""

    def __init__(self) -> None:
        self.writes = 0
        self.data = bytearray()

    def writable(self) -> bool:
        return True

    def write(self, b: Any) -> int:
        self.writes += 1
        self.data += bytes(b)
        return len(b)


def test_unbuffered_output_is_written_a_few_kilobytes_at_a_time(
    capsys: pytest.CaptureFixture[str],
) -> None:
    paths = [str(p) for p in sorted(FIXTURES.glob("*/*.eml"))[:40]]
    sink = _CountingSink()
    # (what sys.stdout is under PYTHONUNBUFFERED=1 or `python -u`)
    out = io.TextIOWrapper(sink, encoding="utf-8", write_through=True)  # type: ignore[type-var]
    with mock.patch("sys.stdout", out):
        assert main(["parse", "--json", "--jobs", "1", *paths]) == 0
    assert out.write_through  # (set back as it was)
    lines = sink.data.decode().splitlines()
    assert [json.loads(line)["source"] for line in lines] == paths
    assert sink.writes < len(paths) // 4
