"""The detectors' patterns are compiled on first use, and then answer as re.compile's do."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from parsers.lazyre import compile_lazily

ROOT = Path(__file__).resolve().parents[2]


def test_a_lazy_pattern_answers_as_the_compiled_one() -> None:
    source, flags = r"(?P<code>[245]\d\d)[ -](\w+)", re.I | re.M
    lazy, eager = compile_lazily(source, flags), re.compile(source, flags)
    text = "550 user unknown\n421-try later\n250 ok"
    assert lazy.pattern == eager.pattern
    assert lazy.search(text, 3).span() == eager.search(text, 3).span()  # type: ignore[union-attr]
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in eager.finditer(text)]
    assert lazy.findall(text) == eager.findall(text)
    assert lazy.sub("x", text) == eager.sub("x", text) and lazy.subn("x", text) == eager.subn("x", text)
    assert lazy.split(text) == eager.split(text)
    assert lazy.match(text).group("code") == eager.match(text).group("code")  # type: ignore[union-attr]
    assert lazy.fullmatch("550 x") is not None and lazy.fullmatch("550 x!") is None
    assert lazy.flags == eager.flags and lazy.groupindex == eager.groupindex and lazy.groups == eager.groups


def test_after_its_first_use_a_lazy_pattern_calls_the_compiled_methods_directly() -> None:
    lazy = compile_lazily(r"a+b")
    assert lazy.search("xaab") is not None
    assert lazy.search == re.compile(r"a+b").search  # (the same compiled pattern, from re's cache)


def test_importing_the_detectors_compiles_none_of_their_patterns() -> None:
    code = (
        "import re._compiler as c\n"
        "seen = []\n"
        "orig = c.compile\n"
        "c.compile = lambda p, f=0: (seen.append(p), orig(p, f))[1]\n"
        "import parsers\n"
        "before = len(seen)\n"
        "import parsers.mta\n"
        "print(len(seen) - before)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "0"


def test_a_lazy_pattern_is_declared_for_the_pattern_store() -> None:
    from parsers import patterncode

    source = r"declared (?:once|twice)\b"
    compile_lazily(source, re.I)
    compile_lazily(source)
    assert (source, int(re.I)) in patterncode.DECLARED and (source, 0) in patterncode.DECLARED


def test_a_lazy_pattern_is_compiled_once_whichever_methods_it_is_called_through(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # (each method is bound on the instance at its own first call; the pattern is compiled once)
    from parsers import patterncode

    compiled: list[str] = []
    compile_pattern = patterncode.compile

    def counted(pattern: str, flags: int = 0) -> re.Pattern[str]:
        compiled.append(pattern)
        return compile_pattern(pattern, flags)

    monkeypatch.setattr(patterncode, "compile", counted)
    lazy = compile_lazily(r"x+(y)")
    assert lazy.search("axxy") is not None and lazy.match("xy") is not None
    assert lazy.findall("xy xxy") == ["y", "y"] and lazy.groups == 1
    assert "fullmatch" not in vars(lazy) and lazy.search == re.compile(r"x+(y)").search
    assert compiled == [r"x+(y)"]
