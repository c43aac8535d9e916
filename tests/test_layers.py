"""The layers point one way (DESIGN.md, "Layering"): every import in parsers/, service/ and consumers/.

parsers (pure) and the base (settings, logs, metrics) at the bottom; then domain rules (pure); then
the store (models, the only SQL, the outbox writer); then the use cases (app); then the faces (REST
API, CLI) and the intake adapters (consumers), which know nothing of each other; and on top the
wiring, the one place that knows the consumers. Imports inside functions count like any other.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("parsers", "service", "consumers")

BASE_MODULES = frozenset(
    {
        "service",
        "service.config",
        "service.logging",
        "service.metrics",
        # Reads message files, maildirs and mbox files for the CLI; standard library only.
        "service.sources",
    }
)
LAYER_PREFIXES = (
    ("service.domain", "domain"),
    ("service.store", "store"),
    ("migrations", "store"),  # the store runs them; they describe its models
    ("service.app", "app"),
    ("service.api", "api"),
    ("service.cli", "cli"),
    ("service.wiring", "wiring"),
    ("consumers", "consumers"),
    ("parsers", "parsers"),
)
_BELOW_APP = {"parsers", "base", "domain", "store"}
# What each layer may import (besides the standard library and third-party packages).
ALLOWED = {
    "parsers": {"parsers"},
    "base": {"base"},
    "domain": {"parsers", "domain"},
    "store": {"parsers", "base", "domain", "store"},
    "app": _BELOW_APP | {"app"},
    "api": _BELOW_APP | {"app", "api"},
    "cli": _BELOW_APP | {"app", "cli"},
    "consumers": _BELOW_APP | {"app", "consumers"},
    "wiring": _BELOW_APP | {"app", "api", "cli", "consumers", "wiring"},
}
# Faces and adapters reach the database through use cases: of the store they may only use the
# database handle itself (transactions, its errors), never a query module.
STORE_FOR_FACES = frozenset({"service.store", "service.store.db"})


def layer_of(module: str) -> str | None:
    """The layer of one of our modules; None for the standard library and third-party packages."""
    if module in BASE_MODULES:
        return "base"
    for prefix, layer in LAYER_PREFIXES:
        if module == prefix or module.startswith(prefix + "."):
            return layer
    if module.startswith("service."):
        raise AssertionError(f"{module} is in no layer: put it in one (or list it in this test)")
    return None


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_of(source: str, module: str, *, is_package: bool = False) -> list[str]:
    """Every module `source` imports, absolute; `from X import name` counts as X.name when that is
    one of our modules (so `from service import cli` is an import of service.cli)."""
    found: list[str] = []
    package = module if is_package else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join([*anchor, *([base] if base else [])])
            found.append(base)
            found.extend(f"{base}.{alias.name}" for alias in node.names if _is_ours(f"{base}.{alias.name}"))
    return found


def _is_ours(module: str) -> bool:
    path = ROOT / Path(*module.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def violations(source: str, module: str, *, is_package: bool = False) -> list[str]:
    """What is wrong with the imports of `module` (whose code is `source`)."""
    own = layer_of(module)
    assert own is not None, module
    problems = []
    for imported in imports_of(source, module, is_package=is_package):
        target = layer_of(imported)
        if target is None:
            continue
        if target not in ALLOWED[own]:
            problems.append(f"{module} ({own}) imports {imported} ({target})")
        elif target == "store" and own in ("api", "cli", "consumers") and imported not in STORE_FOR_FACES:
            problems.append(f"{module} ({own}) imports {imported}: faces and adapters go through use cases")
    return problems


def our_modules() -> list[tuple[Path, str]]:
    return [
        (path, module_name(path))
        for package in PACKAGES
        for path in sorted((ROOT / package).rglob("*.py"))
        if "__pycache__" not in path.parts
    ]


def test_every_import_points_down() -> None:
    problems = []
    for path, module in our_modules():
        problems += violations(path.read_text(), module, is_package=path.name == "__init__.py")
    assert problems == []


def test_every_module_of_ours_is_in_a_layer() -> None:
    layers = {module: layer_of(module) for _, module in our_modules()}
    assert None not in layers.values()
    # The packages the design names exist, so the rules above are about real code.
    assert {"base", "domain", "store", "app", "api", "cli", "consumers", "wiring"} <= set(layers.values())


@pytest.mark.parametrize(
    ("module", "source"),
    [
        ("service.domain.policy", "from service.store.models import Recipient"),
        ("service.domain.policy", "from service.config import Settings"),
        ("service.store.writes", "from service.app import announce"),
        ("service.app.ingest", "def f():\n    from service.api.app import create_app\n"),
        ("service.api.routes.events", "from service.store import reads"),
        ("service.api.app", "from service.wiring.background import BackgroundWork"),
        ("service.cli.relay", "import consumers.imap"),
        ("service.cli.ingest", "from service.api import problems"),
        ("consumers.imap", "from service.cli.common import fail"),
        ("consumers.kafka_inbound", "from ..service.wiring import main"),
        ("parsers.core", "from service.domain import policy"),
    ],
)
def test_the_check_catches_an_import_that_points_up(module: str, source: str) -> None:
    assert violations(source, module), f"{module}: {source!r} should be refused"


def test_the_check_lets_imports_that_point_down_through() -> None:
    assert not violations(
        "from service import metrics\nfrom service.store.db import Database", "service.cli.db"
    )
    assert not violations("from service.app import lookups", "service.api.routes.events")
    assert not violations("from consumers.imap import run_mailboxes", "service.wiring.background")
    assert not violations("from . import announce", "service.app.ingest")
