"""The README stays true: quick start verbatim, every setting with its real default, real commands."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from service.config import Settings
from service.wiring.main import build_parser

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text()

QUICK_START = (
    "python3 -m venv .venv && .venv/bin/pip install -e . && .venv/bin/bounceback serve",
    "scripts/test",
)
EMPTY = "(empty)"


@pytest.fixture(autouse=True)
def _no_settings_from_the_caller(monkeypatch: pytest.MonkeyPatch) -> None:
    """Settings read the environment; only the values written in the file may count here."""
    for name in [n for n in os.environ if n.startswith("BOUNCEBACK_")]:
        monkeypatch.delenv(name)


def test_quick_start_is_the_first_two_commands() -> None:
    blocks = re.findall(r"```(?:sh|bash|console)?\n(.*?)```", README, re.DOTALL)
    assert [b.strip() for b in blocks[:2]] == list(QUICK_START)


def _setting_rows() -> dict[str, str]:
    """`BOUNCEBACK_X` -> the default written in its table row."""
    rows = {}
    for match in re.finditer(r"^\| `(BOUNCEBACK_[A-Z0-9_]+)` \| ([^|]*) \|", README, re.MULTILINE):
        rows[match.group(1)] = match.group(2).strip().strip("`")
    return rows


@pytest.mark.parametrize("field", sorted(Settings.model_fields))
def test_every_setting_is_documented_with_its_default(field: str) -> None:
    variable = "BOUNCEBACK_" + field.upper()
    rows = _setting_rows()
    assert variable in rows, f"{variable} missing from the README's settings table"
    written = rows[variable]
    documented = Settings.model_validate({field: "" if written == EMPTY else written})
    assert getattr(documented, field) == Settings.model_fields[field].default, (variable, written)


def test_no_setting_documented_that_does_not_exist() -> None:
    known = {"BOUNCEBACK_" + f.upper() for f in Settings.model_fields}
    assert set(_setting_rows()) <= known


def test_every_documented_command_exists() -> None:
    parser = build_parser()
    sub = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    commands = set(sub.choices)  # type: ignore[union-attr]
    code = re.findall(r"```.*?```|`[^`\n]+`", README, re.DOTALL)  # commands are written as code
    used = {cmd for snippet in code for cmd in re.findall(r"\bbounceback ([a-z][a-z-]*)", snippet)}
    assert used, "the README names no commands"
    assert used <= commands, sorted(used - commands)


def test_referenced_files_exist() -> None:
    for path in ("openapi/openapi.json", "openapi/asyncapi.yaml", "docker-compose.yml", "Dockerfile"):
        assert path in README, path
        assert (ROOT / path).exists(), path
    # Every repository path the README names in code (where a change goes, the layers) is real.
    named = re.findall(
        r"`((?:service|consumers|parsers|migrations|tests|benchmarks|scripts)/[\w./-]*)`", README
    )
    assert len(named) > 10, named
    missing = [path for path in named if not (ROOT / path).exists()]
    assert missing == []
