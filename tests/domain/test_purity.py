"""service/domain stays pure: no database, no clock, no I/O, nothing from the layers above it."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import service.domain

DOMAIN = Path(service.domain.__file__).parent
# Standard-library modules that mean I/O, a clock or chance: the caller passes what they would give.
IMPURE_STDLIB = {"asyncio", "os", "random", "secrets", "socket", "sqlite3", "subprocess", "threading", "time"}
CLOCK_CALLS = {"now", "utcnow", "today"}
# Pure third-party libraries the rules build on: email-validator judges address syntax (addresses.py
# never asks it for deliverability, its only DNS use; importing it loads no network code).
PURE_LIBRARIES = {"email_validator"}


def imported_modules(tree: ast.AST) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
    return names


def test_the_domain_imports_only_the_standard_library_itself_the_parsers_and_pure_libraries() -> None:
    modules = sorted(DOMAIN.glob("*.py"))
    assert len(modules) >= 5
    for path in modules:
        for name in imported_modules(ast.parse(path.read_text(), str(path))):
            top = name.split(".")[0]
            allowed = (
                name == "service.domain"
                or name.startswith("service.domain.")
                or top == "parsers"
                or (top in sys.stdlib_module_names and top not in IMPURE_STDLIB)
                or top == "__future__"
                or top in PURE_LIBRARIES
            )
            assert allowed, f"{path.name} imports {name}"


def test_the_domain_never_reads_the_clock() -> None:
    for path in sorted(DOMAIN.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
                assert node.func.attr not in CLOCK_CALLS, (
                    f"{path.name}:{node.lineno} calls .{node.func.attr}()"
                )
