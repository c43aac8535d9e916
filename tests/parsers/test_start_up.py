"""What a `bounceback parse` process compiles only when it needs it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DSN = ROOT / "tests" / "parsers" / "fixtures" / "dsn" / "single-user-unknown.eml"


def _in_fresh_process(code: str, *options: str) -> str:
    done = subprocess.run(
        [sys.executable, *options, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


def test_the_delay_notice_patterns_are_compiled_on_their_first_search() -> None:
    code = (
        "import importlib, pathlib; from parsers import parse\n"
        "c = importlib.import_module('parsers.reasons.classify')\n"
        "patterns = (c._STILL_TRYING, c._STILL_TRYING_MORE, c._FINAL)\n"
        "before = [p._branches for p in patterns]\n"
        f"parse(pathlib.Path({str(DSN)!r}).read_bytes())\n"
        "after = c._STILL_TRYING._branches is None\n"
        "found = c.is_delay_notice('', 'This is a warning message only. Delivery attempts will continue.')\n"
        "searched = [b for b in c._STILL_TRYING._branches if b.compiled is not None]\n"
        "print(before == [None] * 3, after, found, [b.pattern for b in searched] == ['this is a warning message only'])"
    )
    assert _in_fresh_process(code) == "True True True True"


def test_a_parse_does_not_import_typing() -> None:
    # (typing is ~10 M instructions of start-up: the parse path names its types for mypy only)
    code = (
        "import sys\n"
        "from service.wiring import main\n"
        f"main.main(['parse', '--json', '--jobs', '1', {str(DSN)!r}])\n"
        "print('typing' in sys.modules)"
    )
    assert _in_fresh_process(code).splitlines()[-1] == "False"


def test_a_parse_does_not_import_pathlib() -> None:
    # (pathlib is ~5 M instructions of start-up; run without site, as an installed package is:
    # a development install's path finder imports pathlib itself and would hide it)
    code = (
        "import sys\n"
        "from service.wiring import main\n"
        f"main.main(['parse', '--json', '--jobs', '1', {str(DSN)!r}])\n"
        "print('pathlib' in sys.modules)"
    )
    assert _in_fresh_process(code, "-S").splitlines()[-1] == "False"


def test_the_detectors_are_imported_at_the_first_message_only() -> None:
    # (the 60-odd detector modules are ~38 M instructions: a process that reads no message, and
    # every reader that runs before the detectors, must not pull them in)
    code = (
        "import sys\n"
        "import parsers, parsers.attribution, parsers.arf, parsers.fbl, parsers.forwarded\n"
        "from service.cli import parse\n"
        "print('parsers.mta' in sys.modules)"
    )
    assert _in_fresh_process(code) == "False"
