"""The stored code of the parser's patterns (parsers.patterncode): the same patterns as re.compile's,
read only from a file this interpreter wrote, and used by a process instead of compiling."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from importlib.machinery import SourceFileLoader
from pathlib import Path

import pytest

from parsers import mta, patterncode
from parsers.reasons import caseblind, families
from parsers.reasons.caseblind import CaseBlind

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = sorted((ROOT / "tests" / "parsers" / "fixtures").rglob("*.eml"))
TEXTS = (
    "550 5.1.1 <someone@example.org>: Recipient address rejected: User unknown in virtual mailbox table",
    "Delivery to the following recipient failed permanently:\n\n     jane@example.com\n",
    "Benutzer unbekannt, Postfach voll. La cuenta ha sido deshabilitada. Hộp thư đầy. İSTANBUL ſpam",
    "----- Original Message -----\nFrom: a@b.example\nSubject: Re: x\n",
)


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A store written for this interpreter into a temporary file, which `compile` then reads."""
    path = tmp_path / "patterns.marshal"
    monkeypatch.setattr(patterncode, "PATH", str(path))
    monkeypatch.setattr(patterncode, "_stored", None)
    patterncode.write(str(path))
    monkeypatch.setattr(patterncode, "_stored", None)  # (read back from the file)
    yield path


def test_every_stored_pattern_is_the_pattern_re_compiles(store: Path) -> None:
    slots, *_ = patterncode._read()
    keys = [key for key in dict.fromkeys(patterncode.DECLARED) if isinstance(key[0], str)]
    assert sum(map(bool, slots)) > 1000  # (the modules', the families' and the case-blind branches')
    stored = 0
    for pattern, flags in keys:
        mine, theirs = patterncode.compile(pattern, flags), re.compile(pattern, flags)
        stored += mine is not theirs  # (not re's own cached object: rebuilt from the store)
        assert mine == theirs  # (a Pattern's equality compares its flags and code)
        assert (mine.groups, dict(mine.groupindex)) == (theirs.groups, dict(theirs.groupindex))
        for text in TEXTS:
            assert [m.span() for m in mine.finditer(text)] == [m.span() for m in theirs.finditer(text)]
    assert stored == len(keys)


def test_case_blind_branches_from_the_store_answer_as_computed(
    store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stored = [(b.pattern, b.flags) for b in caseblind.MADE if patterncode.stored_branches(b.pattern, b.flags)]
    assert len(stored) >= 5
    for pattern, flags in stored:
        restored = CaseBlind(pattern, flags)
        restored_branches = [(b.pattern, b.pieces, b.needs_script) for b in restored._build()]
        monkeypatch.setattr(patterncode, "_stored", patterncode._EMPTY)  # (no store: parsed afresh)
        fresh = CaseBlind(pattern, flags)
        assert restored_branches == [(b.pattern, b.pieces, b.needs_script) for b in fresh._build()]
        assert [restored.occurs_in(t) for t in TEXTS] == [fresh.occurs_in(t) for t in TEXTS]
        monkeypatch.setattr(patterncode, "_stored", None)


@pytest.mark.parametrize(
    "content",
    [
        pytest.param(lambda data: data.replace(b"cpython-311", b"cpython-3XX"), id="another-interpreter"),
        pytest.param(lambda data: data[:100], id="truncated-head"),
        pytest.param(lambda data: b"not marshal at all", id="garbage"),
        pytest.param(lambda data: b"", id="empty"),
    ],
)
def test_a_store_this_interpreter_did_not_write_is_not_read(store: Path, content: object) -> None:
    store.write_bytes(content(store.read_bytes()))  # type: ignore[operator]
    pattern, flags = next(iter(patterncode.DECLARED))
    assert patterncode.compile(pattern, flags) is re.compile(pattern, flags)  # (compiled by re, as before)
    assert patterncode._stored == patterncode._EMPTY


def test_a_store_written_before_a_module_that_derives_it_changed_is_not_read(
    store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(patterncode, "_fingerprint", lambda: ((1, 2),) * len(patterncode._DERIVERS))
    pattern, flags = next(iter(patterncode.DECLARED))
    assert patterncode.compile(pattern, flags) is re.compile(pattern, flags)
    assert patterncode._stored == patterncode._EMPTY


def test_an_entry_cut_off_is_compiled_by_re(store: Path) -> None:
    keys, places, _, start, *_ = patterncode._read()
    last = max(places)  # (the last entry's place: its offset << _SPAN | its length)
    with store.open("r+b") as file:
        file.truncate(start + (last >> patterncode._SPAN) + (last & patterncode._LENGTH) // 2)
    patterncode._stored = None
    last_key = keys[places.tolist().index(last)]
    stored = [
        (p, f)
        for p, f in dict.fromkeys(patterncode.DECLARED)
        if isinstance(p, str) and patterncode._key(p, f)[1] == last_key
    ]
    assert len(stored) == 1
    assert patterncode.compile(*stored[0]) is re.compile(*stored[0])


def _process_env(prefix: Path, store: bool) -> dict[str, str]:
    """The environment of a process that writes its bytecode (and the store, when `store`) under `prefix`."""
    env = {**os.environ, "PYTHONPYCACHEPREFIX": str(prefix), "PYTHONPATH": str(ROOT)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if store:
        subprocess.run([sys.executable, "-m", "parsers.store_patterns"], cwd=ROOT, env=env, check=True)
    return env


def _output(code: str, env: dict[str, str]) -> str:
    """What a process running `code` in `env` prints."""
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    return done.stdout


def _compiles_in_a_process(prefix: Path, store: bool) -> int:
    """How many patterns the parser's own code compiles (declared to the store or not: a call
    such as re.search(r"...", text) too) in a process parsing every fixture."""
    env = _process_env(prefix, store)
    code = (
        "import os, sys, re._compiler as c\n"
        "seen = []\n"
        "orig = c.compile\n"
        "def caller():\n"  # (the first frame outside re: ours, or the standard library's)
        "    frame = sys._getframe(2)\n"
        "    while os.sep + 're' + os.sep in frame.f_code.co_filename:\n"
        "        frame = frame.f_back\n"
        "    return frame.f_code.co_filename\n"
        "def counted(p, f=0):\n"
        "    seen.append((p, int(f), caller()))\n"
        "    return orig(p, f)\n"
        "c.compile = counted\n"
        "import parsers, parsers.patterncode as pc\n"
        "for path in sys.argv[1:]:\n"
        "    parsers.parse(open(path, 'rb').read())\n"
        "ours = os.path.dirname(pc.__file__)\n"
        "print(len([p for p, f, where in seen if where.startswith(ours)]))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, *map(str, FIXTURES)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return int(done.stdout)


def test_with_the_store_a_process_compiles_none_of_the_parsers_patterns(tmp_path: Path) -> None:
    assert _compiles_in_a_process(tmp_path / "without", store=False) > 100
    assert _compiles_in_a_process(tmp_path / "with", store=True) == 0


def _compiled_at_import(prefix: Path, store: bool) -> list[str]:
    """The patterns re compiles while a process imports the parser, besides the parser's own
    (the standard library's: the email package's, json's)."""
    env = _process_env(prefix, store)
    code = (
        "import re._compiler as c\n"
        "seen = []\n"
        "orig = c.compile\n"
        "def counted(p, f=0):\n"
        "    seen.append((p, int(f)))\n"
        "    return orig(p, f)\n"
        "c.compile = counted\n"
        "import parsers, parsers.patterncode as pc\n"
        "declared = set(pc.DECLARED)\n"
        "print('\\n'.join(repr(p) for p in seen if p not in declared))\n"
    )
    return _output(code, env).split()


def test_with_the_store_importing_the_parser_compiles_none_of_the_standard_librarys_patterns(
    tmp_path: Path,
) -> None:
    """(the patterns the email package and json compile as the parser imports them are read from
    the store too: parsers.patterncode.prime_re_cache)"""
    assert len(_compiled_at_import(tmp_path / "without", store=False)) > 10
    assert _compiled_at_import(tmp_path / "with", store=True) == []


def test_the_stored_keyword_index_is_the_one_built_and_is_used(
    store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gram, words, table = patterncode.stored_data(families.KEYWORD_INDEX)
    assert (gram, words, table) == families.keyword_index_to_store()
    built = families.keyword_table
    index = families._KeywordIndex()
    with monkeypatch.context() as patch:
        patch.setattr(
            families, "keyword_table", lambda keywords: pytest.fail("built, not read from the store")
        )
        index.build(set(words), 7)
    assert index.table == (7, *table)
    fewer = set(words) - {min(words)}
    index.build(fewer, 7)  # (other keywords than those stored: built here)
    assert index.table == (7, *built(fewer))


def test_the_stored_family_tables_are_the_ones_made(store: Path) -> None:
    assert patterncode.stored_data(families.FAMILY_INDEXES) == families.json_indexes()
    forms = patterncode.stored_data(families.PHRASE_FORMS)
    assert len(forms) > 900
    assert all(form == families.phrase_form(phrase) for phrase, form in forms.items())
    assert patterncode.stored_data(families.FOLD_TABLE) == families.fold_tables()


def test_the_stored_phrase_families_are_the_ones_the_modules_make(store: Path) -> None:
    from parsers.reasons import phrases

    sources, tables, (table, holding, always) = patterncode.stored_data(families.PHRASE_FAMILIES)
    assert sources == phrases._sources()
    made = [phrases.PHRASES, phrases.UNLESS, phrases.VETO]
    assert [list(t) for t in tables] == [list(t) for t in made]
    order = []
    for stored_table, table_made in zip(tables, made, strict=True):
        for reason, (forms, index) in stored_table.items():
            family = table_made[reason]
            assert forms == family._phrases and index == family.index()
            order.append(family)
    assert order == families._FAMILIES[: len(order)]
    assert table == families.keyword_table({w for f in order for w in f.keywords()})
    assert holding == {
        w: tuple(i for i, f in enumerate(order) if w in f.keywords())
        for w in {w for f in order for w in f.keywords()}
    }
    assert always == tuple(i for i, f in enumerate(order) if f.has_unkeyed_phrase())


def _languages_imported(prefix: Path, store: bool) -> tuple[int, str]:
    """How many language modules a process imports to classify a few diagnostics, and the reasons."""
    env = _process_env(prefix, store)
    code = (
        "import sys, parsers.reasons as r\n"
        f"texts = {TEXTS!r}\n"
        "reasons = [r.derive(s, None, t) for t in texts for s in (None, '5.1.1', '5.0.0', '4.2.2')]\n"
        "print(sum(m.startswith('parsers.reasons.phrases.') for m in sys.modules), reasons)\n"
    )
    count, reasons = _output(code, env).split(" ", 1)
    return int(count), reasons


def test_with_the_store_a_process_imports_no_language_module_and_classifies_alike(tmp_path: Path) -> None:
    without, reasons = _languages_imported(tmp_path / "without", store=False)
    assert without > 30
    assert _languages_imported(tmp_path / "with", store=True) == (0, reasons)


def test_the_stored_detector_code_is_what_the_import_system_compiles(store: Path) -> None:
    stored = patterncode.stored_data(mta.DETECTOR_CODE)
    assert [name for name, _, _ in stored] == list(mta.DETECTOR_MODULES)
    for name, stamp, code in stored:
        path = mta._source(name)
        loader = SourceFileLoader(f"parsers.mta.{name}", path)
        assert stamp == mta._stamp(path)
        assert code == loader.source_to_code(loader.get_data(path), path)  # (== compares the code)


def test_a_detector_is_made_from_its_stored_code_only_while_its_source_is_unchanged(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = mta._source("gmail")
    monkeypatch.delitem(sys.modules, "parsers.mta.gmail")
    monkeypatch.setattr(mta, "gmail", mta.gmail)  # (put back after the test)
    stamp = mta._stamp(path)
    made = mta._detector("gmail", {"gmail": (stamp, compile("NAME = 'stored'", path, "exec"))})
    assert made.NAME == "stored"
    assert sys.modules["parsers.mta.gmail"] is made and mta.gmail is made
    assert (made.__name__, made.__file__, made.__package__) == ("parsers.mta.gmail", path, "parsers.mta")
    assert made.__spec__.origin == path and made.__loader__ is made.__spec__.loader
    assert made.__loader__.get_source("parsers.mta.gmail") == Path(path).read_text()  # (for tracebacks)
    del sys.modules["parsers.mta.gmail"]
    changed = (stamp[0], stamp[1] + 1, *stamp[2:])  # (its source edited since the store was written)
    imported = mta._detector("gmail", {"gmail": (changed, compile("NAME = 'stored'", path, "exec"))})
    assert imported.NAME == "Gmail" and sys.modules["parsers.mta.gmail"] is imported


def test_a_process_with_the_store_runs_the_detectors_stored_code(tmp_path: Path) -> None:
    """Only what the stored code does not hold goes through the import system: the helpers, and
    exim, which mxlogic imports before its own turn."""
    env = _process_env(tmp_path, store=True)
    code = (
        "import sys\n"
        "asked = []\n"
        "class Recorder:\n"
        "    def find_spec(self, name, path, target=None):\n"
        "        asked.append(name)\n"
        "sys.meta_path.insert(0, Recorder())\n"
        "import parsers.mta\n"
        "print(len(parsers.mta.DETECTORS), *sorted(n for n in asked if n.startswith('parsers.mta.')))"
    )
    assert _output(code, env).split() == [
        "59",
        "parsers.mta._common",
        "parsers.mta._providers",
        "parsers.mta.exim",
    ]
