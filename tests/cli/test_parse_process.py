"""The `bounceback parse` process ends without the interpreter's shutdown (service.cli.end_process):
its output, its messages and its exit code are still all there, and a caller that runs the
command in its own process (main with an argument list) gets the code back instead."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from unittest import mock

import pytest

from parsers import parse
from service.cli import main
from service.cli.parse import json_line

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = sorted((ROOT / "tests" / "parsers" / "fixtures").glob("*/*.eml"))


def _command(*args: str) -> list[str]:
    return [sys.executable, "-m", "service.wiring.main", "parse", *args]


def _env() -> dict[str, str]:
    """(output buffered, as a pipe has it without PYTHONUNBUFFERED: what is left unwritten at the
    end is what the process must not lose)"""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    env.pop("PYTHONUNBUFFERED", None)
    return env


def test_every_line_and_the_exit_code_come_out(tmp_path: Path) -> None:
    paths = [str(p) for p in FIXTURES[:60]]  # (past the in-process prefix: workers too)
    missing = str(tmp_path / "missing.eml")
    for jobs in ("1", "2"):
        done = subprocess.run(
            _command("--json", "--jobs", jobs, *paths, missing),
            cwd=ROOT,
            env=_env(),
            capture_output=True,
            text=True,
            check=False,
        )
        lines = done.stdout.splitlines()
        assert lines[:-1] == [json_line(p, parse(Path(p).read_bytes())) for p in paths]
        assert json.loads(lines[-1])["source"] == missing
        assert done.returncode == 1  # (a message it could not read)
        assert done.stderr == f"bounceback: cannot read {missing}: no such file or directory\n"


def test_a_reader_that_goes_away_is_not_an_error() -> None:
    # (a fixed count, far more output than a pipe holds: the fixtures alone, times twenty, grew
    # past the system's limit on an argument list)
    paths = [str(p) for p in FIXTURES[:100]] * 10
    with subprocess.Popen(
        _command("--json", "--jobs", "1", *paths), cwd=ROOT, env=_env(), stdout=subprocess.PIPE
    ) as process:
        assert process.stdout is not None
        assert process.stdout.read(100)
        process.stdout.close()
        assert process.wait(timeout=120) == 0


def test_a_reader_gone_before_the_output_is_written_is_not_an_error() -> None:
    """(the output of one message stays in the buffer until the process ends: the write that
    finds the reader gone is the last flush)"""
    with subprocess.Popen(
        _command("--json", "--jobs", "1", str(FIXTURES[0])),
        cwd=ROOT,
        env=_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as process:
        assert process.stdout is not None and process.stderr is not None
        process.stdout.close()
        assert process.wait(timeout=120) == 0
        assert process.stderr.read() == b""


def test_a_caller_in_process_gets_the_code_back(capsys: pytest.CaptureFixture[str]) -> None:
    with mock.patch("os._exit") as ended:
        assert main(["parse", "--json", str(FIXTURES[0])]) == 0
    ended.assert_not_called()
    assert capsys.readouterr().out == json_line(str(FIXTURES[0]), parse(FIXTURES[0].read_bytes())) + "\n"


def test_the_command_line_of_the_process_itself_ends_it(capsys: pytest.CaptureFixture[str]) -> None:
    with (
        mock.patch.object(sys, "argv", ["bounceback", "parse", "--json", str(FIXTURES[0])]),
        mock.patch("os._exit", side_effect=SystemExit) as ended,
        pytest.raises(SystemExit),
    ):
        main()
    ended.assert_called_once_with(0)
    assert capsys.readouterr().out.count("\n") == 1


def test_a_parse_process_compiles_no_annotation_and_loads_no_logging() -> None:
    # typing compiles each string annotation it is handed (a ForwardRef) with compile(), and a
    # process's first compile() sets up the AST types: 10 M instructions of its start-up. logging
    # (with threading and traceback) was 25 M of every process that loaded the last resort.
    code = (
        "import sys, typing\n"
        "made = []\n"
        "init = typing.ForwardRef.__init__\n"
        "def spy(self, arg, *args, **kwargs):\n"
        "    made.append(arg)\n"
        "    init(self, arg, *args, **kwargs)\n"
        "typing.ForwardRef.__init__ = spy\n"
        "from service.cli import parse\n"
        "import parsers.lastresort\n"
        "logging = 'logging' in sys.modules\n"
        "from service.sources import iter_messages\n"
        "for item in iter_messages(sys.argv[1:]):\n"
        "    parse.render(item.source, item.raw, True)\n"
        "print(made, logging)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, *map(str, FIXTURES)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.strip() == "[] False"
