"""The detectors are imported by parsers.mta.import_cached, from their bytecode cache without the
import system's search: each module must be what `importlib.import_module` makes of it, and a
cache that does not match its source (or none) must leave the import to importlib."""

from __future__ import annotations

import importlib
import importlib.util
import inspect
import os
import py_compile
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from unittest import mock

import pytest

import parsers.mta
from parsers.mta import DETECTORS, import_cached


def test_each_detector_is_in_place_as_importlib_puts_it() -> None:
    for module in DETECTORS:
        name = module.__name__
        assert sys.modules[name] is module
        assert getattr(parsers.mta, name.rpartition(".")[2]) is module
        assert module.__package__ == "parsers.mta"
        assert module.__spec__ is not None and module.__spec__.name == name
        assert module.__spec__.origin == module.__file__
        assert module.__cached__ == importlib.util.cache_from_source(module.__file__)
        assert module.__loader__ is module.__spec__.loader
        assert inspect.getsource(module)  # (the loader reads the source, for tracebacks)
        own = [f for f in vars(module).values() if inspect.isfunction(f) and f.__globals__ is vars(module)]
        assert all(f.__code__.co_filename == module.__file__ for f in own)


_ATTRIBUTES = ("__name__", "__package__", "__file__", "__cached__")


def _described(module: ModuleType) -> tuple[object, ...]:
    spec = module.__spec__
    assert spec is not None
    return (
        *(getattr(module, a) for a in _ATTRIBUTES),
        (
            spec.name,
            spec.origin,
            spec.cached,
            spec.has_location,
            spec.parent,
            spec.submodule_search_locations,
        ),
        (type(module.__loader__), module.__loader__.name, module.__loader__.path),  # type: ignore[union-attr]
        module.__loader__ is spec.loader,
        module.__code__.co_filename,
        module.VALUE,
    )


@pytest.fixture
def package(tmp_path: Path) -> Iterator[tuple[ModuleType, Path]]:
    """A package `cachedpkg` with a module `mod` compiled to a timestamp-based .pyc."""
    folder = tmp_path / "cachedpkg"
    folder.mkdir()
    (folder / "__init__.py").write_text("")
    (folder / "mod.py").write_text("VALUE = 1\ndef f():\n    pass\n__code__ = f.__code__\n")
    py_compile.compile(str(folder / "mod.py"), invalidation_mode=py_compile.PycInvalidationMode.TIMESTAMP)
    sys.path.insert(0, str(tmp_path))
    try:
        yield importlib.import_module("cachedpkg"), folder
    finally:
        sys.path.remove(str(tmp_path))
        for name in [n for n in sys.modules if n.split(".")[0] == "cachedpkg"]:
            del sys.modules[name]


def _forget(name: str) -> None:
    del sys.modules[f"cachedpkg.{name}"]
    delattr(sys.modules["cachedpkg"], name)


def test_a_module_is_what_importlib_makes_of_it(package: tuple[ModuleType, Path]) -> None:
    pkg, _folder = package
    with mock.patch.object(importlib, "import_module", side_effect=AssertionError("not from its cache")):
        mine = import_cached(pkg, "mod")
    assert sys.modules["cachedpkg.mod"] is mine and pkg.mod is mine
    _forget("mod")
    theirs = importlib.import_module("cachedpkg.mod")
    assert _described(mine) == _described(theirs)


def _rewrite(folder: Path, text: str) -> None:
    """Change mod.py, keeping its modification time (a change within the same second)."""
    path = folder / "mod.py"
    stat = path.stat()
    path.write_text(text)
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))


@pytest.mark.parametrize("text", ["VALUE = 22\n", "VALUE = 2\n"], ids=["size", "same size"])
def test_a_cache_of_another_source_is_left_to_importlib(package: tuple[ModuleType, Path], text: str) -> None:
    pkg, folder = package
    path = folder / "mod.py"
    if len(text) == path.stat().st_size:  # (same size: the time differs)
        path.write_text(text)
        os.utime(path, (1_000_000_000, 1_000_000_000))
    else:
        _rewrite(folder, text)
    value = import_cached(pkg, "mod").VALUE
    assert value == int(text.split()[-1])


def test_a_hash_based_cache_is_left_to_importlib(package: tuple[ModuleType, Path]) -> None:
    pkg, folder = package
    py_compile.compile(str(folder / "mod.py"), invalidation_mode=py_compile.PycInvalidationMode.CHECKED_HASH)
    with mock.patch.object(importlib, "import_module", wraps=importlib.import_module) as imported:
        assert import_cached(pkg, "mod").VALUE == 1
    imported.assert_called_once_with("cachedpkg.mod")


def test_a_module_already_imported_is_not_run_again(package: tuple[ModuleType, Path]) -> None:
    pkg, _folder = package
    first = importlib.import_module("cachedpkg.mod")
    assert import_cached(pkg, "mod") is first


def test_a_module_that_fails_is_not_left_imported(package: tuple[ModuleType, Path]) -> None:
    pkg, folder = package
    (folder / "bad.py").write_text("VALUE = 1\nraise RuntimeError('broken')\n")
    py_compile.compile(str(folder / "bad.py"), invalidation_mode=py_compile.PycInvalidationMode.TIMESTAMP)
    with pytest.raises(RuntimeError, match="broken"):
        import_cached(pkg, "bad")
    assert "cachedpkg.bad" not in sys.modules
