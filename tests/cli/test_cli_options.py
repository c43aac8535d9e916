"""Command-line options are checked like settings: a bad value is one line naming the option, exit 2,
before anything starts or touches a database."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from service.cli import parse
from service.wiring.main import build_parser

BOUNCEBACK = str(Path(sys.executable).with_name("bounceback"))


def run_cli(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("BOUNCEBACK_")}
    # A subprocess with a bound: a `serve` that starts anyway must fail the test, not hang it.
    return subprocess.run(
        [BOUNCEBACK, *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=30,
        stdin=subprocess.DEVNULL,
    )


@pytest.mark.parametrize(
    ("args", "option"),
    [
        (["serve", "--port", "70000"], "--port"),
        (["serve", "--port", "-1"], "--port"),
        (["serve", "--port", "http"], "--port"),
        (["serve", "--port"], "--port"),
        (["serve", "--bogus"], "--bogus"),
        (["parse", "--jobs", "-2", "message.eml"], "--jobs"),
        (["suppressions", "add", "--note", "n" * 2001, "jane@example.com"], "--note"),
        (["suppressions", "list", "--reason", "bored"], "--reason"),
        (["apikey", "create", "--name", " ", "--scope", "read"], "--name"),
        (["apikey", "create", "--name", "n" * 197, "--scope", "read"], "--name"),
        (["apikey", "create", "--name", "ci", "--scope", "root"], "--scope"),
    ],
    ids=lambda value: " ".join(value)[:40] if isinstance(value, list) else value,
)
def test_a_bad_option_is_one_line_naming_it_and_exit_2(args: list[str], option: str, tmp_path: Path) -> None:
    proc = run_cli(args, tmp_path)
    assert proc.returncode == 2, (proc.returncode, proc.stderr)
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert option in lines[0] and lines[0].startswith("bounceback")
    assert proc.stdout == ""
    assert not (tmp_path / "bounceback.db").exists()  # stopped before touching anything


_WORDS = st.sampled_from(
    ["--json", "--mbox", "--jobs", "--jobs=2", "--js", "-h", "--", "-", "0", "2", "007", "256", "257",
     "+3", "-1", "a.eml", "dir", "", "--help"]
)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(_WORDS, max_size=7))
def test_the_quick_reading_of_parse_is_argparses(words: list[str]) -> None:
    """`bounceback parse`'s usual command lines are read without building argparse's parser
    (service.cli.parse.quick_args): whatever it reads, argparse reads the same; what it leaves,
    argparse reads (or refuses)."""
    quick = parse.quick_args(words)
    if quick is None:
        return
    assert vars(quick) == vars(build_parser().parse_args(["parse", *words]))


def test_the_usual_command_lines_are_read_quickly() -> None:
    for words in (["--json", "--jobs", "1", "dir"], ["dir", "a.eml", "--mbox"], ["--jobs", "0", "x"]):
        assert parse.quick_args(words) is not None
