"""The compiled code of the parser's patterns, stored ahead of time so that a process does not
compile them again.

CPython compiles a regular expression in Python code (re._parser, re._compiler): compiling the
parser's patterns was a quarter of the instructions of `bounceback parse --json` over the 162
messages of the dev corpus (about 350 M of 1,330 M) and an eighth of its start-up. What re makes
of a pattern is a list of integers, which `_sre.compile` turns into the same Pattern in a few
microseconds. `python -m parsers.store_patterns`, run where the package is installed (as compileall
is; the Dockerfile runs both), compiles every pattern the parser declares and writes that code beside
the package's bytecode (__pycache__/, or under PYTHONPYCACHEPREFIX); `compile` answers from it.
The same file holds what the phrase families build at a process's first use or start-up (the
case-blind alternations' branch pieces, the keyword index, the families' indexes, their phrases'
searched forms, the families whole with their text index, and the accent fold table: another
fifth of a one-message process), each read when first asked for; the standard library's
patterns that importing the parser compiles (the email package's, json's), which
`prime_re_cache` puts into re's own cache first; and the MTA detectors' code, which
parsers.mta runs instead of importing each detector (parsers.mta.DETECTOR_CODE).

The trade-off: that code is private to one interpreter build (its opcodes change between Python
versions, its case folding with the Unicode database). So the file is read only when its header
equals this interpreter's (GUARD: the exact version string, _sre.MAGIC and CODESIZE, the Unicode
version) and it was written after the last change of the modules that derive its other tables
(_DERIVERS; the families whole are also checked against the phrase modules they were made
from, parsers.reasons.phrases), and each entry was checked equal to what re.compile gives when
it was written (a Pattern's equality compares its code). Anything else (no file, another interpreter's, an
unreadable one, a pattern it does not hold) falls back to re.compile, as before: only speed
depends on the file, never a result. A pattern changed since the file was written is simply
not in it (keyed by its text and flags) until the command runs again.
"""

from __future__ import annotations

import _sre
import binascii
import marshal
import os
import re
import sys
import unicodedata

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Final

# (bump when the layout of the stored data changes)
FORMAT = 3
GUARD = (
    FORMAT,
    sys.version,
    sys.implementation.cache_tag,
    _sre.MAGIC,
    _sre.CODESIZE,
    sys.maxunicode,
    unicodedata.unidata_version,
)


def _store_path() -> str:
    """Where the store is: beside the package's bytecode, as importlib puts it (in __pycache__,
    or under sys.pycache_prefix when one is set: PYTHONPYCACHEPREFIX)."""
    directory = os.path.dirname(os.path.abspath(__file__))
    if sys.pycache_prefix:
        folder = os.path.join(sys.pycache_prefix, directory.lstrip(os.sep))
    else:
        folder = os.path.join(directory, "__pycache__")
    return os.path.join(folder, f"patterns.{sys.implementation.cache_tag}.marshal")


PATH = _store_path()
# The files that derive what the store holds besides the patterns' code (the case-blind
# branches' pieces, the phrase families' tables; and this one): a store written before one of them changed
# (its size or time) is not read, since what it holds may no longer be what they would build.
_DERIVERS = (
    "patterncode.py",
    os.path.join("reasons", "caseblind.py"),
    os.path.join("reasons", "families.py"),
    os.path.join("reasons", "phrases", "keywords.json"),
)


def file_stamps(folder: str, names: tuple[str, ...] | list[str]) -> tuple[tuple[int, int], ...]:
    """The size and modification time of each named file in `folder`: what a table stored ahead
    of time records of the files it was made from, and is read only if they still match (as
    Python's bytecode cache checks its source)."""
    # (the path joined by hand: os.path.join cost as much as the stat)
    stats = [os.stat(f"{folder}{os.sep}{name}") for name in names]
    return tuple((stat.st_size, stat.st_mtime_ns) for stat in stats)


def _fingerprint() -> tuple[tuple[int, int], ...]:
    return file_stamps(os.path.dirname(os.path.abspath(__file__)), _DERIVERS)


_Key = tuple[str, int]
# (flags with the pattern's inline ones, the code as CODESIZE-byte words, groups, groupindex, indexgroup)
_Code = tuple[int, bytes, int, dict[str, int], tuple[str | None, ...]]
# A case-blind alternation's branches: (branch, its pieces or None, whether it needs a non-ASCII script)
Branches = tuple[tuple[str, tuple[str, ...] | None, bool], ...]
# The file: the length of its head (8 bytes, little-endian), its head (marshalled: GUARD, the
# index, where the tables are), then the entries, each marshalled alone (the pattern's text
# first), then the tables (the case-blind branches; the phrase families' keyword index, their
# indexes and their phrases' forms: parsers.reasons.families; the standard library's patterns).
# The index: a hash table of the entries, open-addressed: its slots' keys (`_key`: CRC-32 of a
# pattern's text | its flags << 32, with _USED set; 0 in an empty slot), an entry in the first
# slot free from (its key & the last slot) on, then each slot's entry's place among the entries
# (its offset << 32 | its length), as unsigned 64-bit words. Reading a thousand entries whole
# cost as much as compiling the few dozen patterns a process uses at start: an entry is read
# (os.pread) only when its pattern is asked for. (Words, not a marshalled dict: making a dict of
# 1,900 integers cost a process 2.3 M instructions at start-up.)
_SPAN = 32  # (the bits of an entry's length in its place)
_LENGTH = (1 << _SPAN) - 1
_WORD: Final = "Q"  # (the index's words: memoryview's native unsigned 64-bit integers)
_USED = 1 << 63  # (a key's mark in its slot: a slot's 0 is empty)
# (the slots' keys, their entries' places, the open file, where its entries start, where the
# tables are)
_Stored = tuple[memoryview, memoryview, int, int, dict[str, tuple[int, int]]]
_EMPTY: _Stored = (memoryview(b"").cast(_WORD), memoryview(b"").cast(_WORD), -1, 0, {})
# The table of the patterns the standard library compiles as the parser's modules are imported
# (the email package's, json's: a dozen or two, about 10 M instructions of a process's start-up),
# as re's cache holds them: (pattern, flags, then the code as _Code). `prime_re_cache` puts them
# in that cache, where re.compile finds them instead of compiling them.
STANDARD = "standard library patterns"
# The tables of the case-blind alternations' branches, one each (`_branches_table`).
BRANCHES = "case-blind branches"

# Every pattern the parser's modules ask for through `compile` or `lazyre.compile_lazily`, in the
# order asked: what the command stores (with the phrase families' and case-blind branches').
# (a list: appended to without hashing the pattern, which a process that has no store pays for)
DECLARED: list[_Key] = []
_stored: _Stored | None = None


def _read() -> _Stored:
    """The store's head, its file left open for the entries (closed when it is not this
    interpreter's store)."""
    global _stored
    stored = _EMPTY
    try:
        fd = os.open(PATH, os.O_RDONLY)
    except OSError:  # (none)
        _stored = stored
        return stored
    try:
        size = int.from_bytes(os.pread(fd, 8, 0), "little")
        if 0 < size <= os.fstat(fd).st_size - 8:  # (else not a store: an older layout, say)
            head = marshal.loads(os.pread(fd, size, 8))
            if isinstance(head, tuple) and len(head) == 3 and head[0] == (GUARD, _fingerprint()):
                words = memoryview(head[1]).cast(_WORD)
                slots = len(words) // 2
                if slots & (slots - 1) == 0:  # (a power of two)
                    stored = (words[:slots], words[slots:], fd, 8 + size, head[2])
    except (OSError, ValueError, EOFError, TypeError):  # (not one this interpreter wrote)
        pass
    if stored is _EMPTY:
        os.close(fd)
    _stored = stored
    return stored


def _key(pattern: str, flags: int) -> tuple[bytes, int]:
    """A pattern's text as its entry holds it (UTF-8, lone surrogates too), and its key in the index."""
    text = pattern.encode("utf-8", "surrogatepass")
    return text, binascii.crc32(text) | flags << 32 | _USED


def declare(pattern: str, flags: int = 0) -> None:
    """Note `pattern` as one of the parser's (stored by the command)."""
    DECLARED.append((pattern, int(flags)))


def _entry(pattern: str, flags: int) -> tuple[Any, ...] | None:
    """What the store holds for `pattern`: its text, then its code as _Code; or None."""
    keys, places, fd, start, _ = _stored or _read()
    if not keys:  # (no store)
        return None
    text, key = _key(pattern, flags)
    last = len(keys) - 1
    slot = key & last
    while (found := keys[slot]) != key:
        if not found:  # (not in the store)
            return None
        slot = (slot + 1) & last
    place = places[slot]
    try:
        entry = marshal.loads(os.pread(fd, place & _LENGTH, start + (place >> _SPAN)))
    except (OSError, ValueError, EOFError, TypeError):
        return None
    # (the text compared as bytes: decoding it from the entry cost more than the comparison)
    return entry if type(entry) is tuple and len(entry) == 6 and entry[0] == text else None


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, from the stored code when the file holds it (looked up by
    the pattern's text and flags: a pattern changed since is compiled by re)."""
    flags = int(flags)
    declare(pattern, flags)
    entry = _entry(pattern, flags) if isinstance(pattern, str) else None
    if entry is None:
        return re.compile(pattern, flags)
    # (memoryview, not the array module: importing array costs a process 8 M instructions)
    words = memoryview(entry[2]).cast("I").tolist()
    return _sre.compile(pattern, entry[1], words, entry[3], entry[4], entry[5])  # type: ignore[no-any-return]


def stored_branches(pattern: str, flags: int) -> Branches | None:
    """The branches stored for a case-blind alternation (parsers.reasons.caseblind), or None.
    (Each alternation's read when it is first asked for: a process that meets no diagnostic needs
    none of them, and one over the dev corpus five of the twelve; all of them read at once cost
    1.3 M instructions.)"""
    flags = int(flags)
    stored = stored_data(_branches_table(pattern, flags))
    if isinstance(stored, tuple) and len(stored) == 3 and stored[:2] == (pattern, flags):
        branches: Branches = stored[2]
        return branches
    return None  # (none, or another alternation's that has the same key)


def _branches_table(pattern: str, flags: int) -> str:
    """The name of the table of an alternation's branches: (pattern, flags, Branches)."""
    return f"{BRANCHES} {_key(pattern, flags)[1]:x}"


def stored_data(name: str) -> Any:
    """The table stored under `name` (parsers.reasons.families' tables), or None."""
    _, _, fd, start, tables = _stored or _read()
    where = tables.get(name)
    if where is None:
        return None
    try:
        return marshal.loads(os.pread(fd, where[1], start + where[0]))
    except (OSError, ValueError, EOFError, TypeError):
        return None


def prime_re_cache() -> None:
    """Put the stored standard library patterns into re's cache (where `re.compile` looks first),
    before the modules that compile them are imported. Each entry was checked equal to what
    re.compile makes when it was written; an interpreter whose re keeps no such cache (its
    `_cache` not a dict keyed as 3.11's) is left alone, and so is a pattern it already holds."""
    cache = getattr(re, "_cache", None)
    if not isinstance(cache, dict):
        return
    for pattern, flags, final_flags, code, *rest in stored_data(STANDARD) or ():
        key = (type(pattern), pattern, flags)
        if key not in cache:
            cache[key] = _sre.compile(pattern, final_flags, memoryview(code).cast("I").tolist(), *rest)


def _standard_patterns(declared: set[_Key]) -> list[tuple[Any, ...]]:
    """What re's cache holds (in this process, once the parser's modules are imported) besides the
    parser's own patterns: the standard library's, with their code."""
    cache = getattr(re, "_cache", None)
    entries: list[tuple[Any, ...]] = []
    for key in list(cache) if isinstance(cache, dict) else ():
        if len(key) != 3 or not isinstance(key[1], str | bytes) or (key[1], key[2]) in declared:
            continue
        _, pattern, flags = key
        code = _code(pattern, flags)
        if code is not None:
            entries.append((pattern, flags, *code))
    return entries


def _code(pattern: str, flags: int) -> _Code | None:
    """What re.compile makes of `pattern`, as stored; None when it cannot be rebuilt equal."""
    import re._compiler as compiler
    import re._parser as parser
    from array import array

    parsed = parser.parse(pattern, flags)
    words = compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, number in groupindex.items():
        indexgroup[number] = name
    entry = (
        int(flags | parsed.state.flags),
        array("I", words).tobytes(),
        parsed.state.groups - 1,
        groupindex,
        tuple(indexgroup),
    )
    rebuilt = _sre.compile(pattern, entry[0], memoryview(entry[1]).cast("I").tolist(), *entry[2:])
    return entry if rebuilt == re.compile(pattern, flags) else None  # (== compares the code)


def build() -> tuple[dict[_Key, _Code], dict[_Key, Branches], dict[str, Any]]:
    """Compile every pattern the parser declares: its modules' (all imported), its phrase
    families' and its case-blind alternations' branches; and the tables built at first use."""
    global _stored
    import importlib
    import pkgutil

    import parsers
    from parsers import mta
    from parsers.reasons import caseblind, families, phrases

    _stored = _EMPTY  # (computed afresh, not read from an older file)
    for info in pkgutil.walk_packages(parsers.__path__, "parsers."):
        importlib.import_module(info.name)
    # (now, before the builds below fill re's cache and push the first entries out)
    standard = _standard_patterns(set(DECLARED))
    for family in families._FAMILIES:
        for phrase in family._phrases:
            families._searcher(phrase)  # (declares the phrases that are expressions)
    branches: dict[_Key, Branches] = {}
    for blind in caseblind.MADE:
        declare(blind.pattern, blind.flags)
        built = blind._build()
        branches[(blind.pattern, int(blind.flags))] = tuple(
            (b.pattern, b.pieces, b.needs_script) for b in built
        )
        for branch in built:
            declare(branch.pattern, blind.flags)
    codes: dict[_Key, _Code] = {}
    for key in dict.fromkeys(DECLARED):
        entry = _code(*key) if isinstance(key[0], str) else None
        if entry is not None:
            codes[key] = entry
    tables = {
        families.KEYWORD_INDEX: families.keyword_index_to_store(),
        families.FAMILY_INDEXES: families.json_indexes(),
        **phrases.tables_to_store(),  # (the phrases' forms, and the families whole)
        STANDARD: tuple(standard),
        mta.DETECTOR_CODE: mta.code_to_store(),
    }
    return codes, branches, tables


def _index(places: dict[int, int]) -> bytes:
    """The index of the entries at `places` (by key), as stored."""
    from array import array

    slots = 1 << (2 * len(places)).bit_length()  # (at most half full: a key's slot is mostly its own)
    keys, where = [0] * slots, [0] * slots
    for key, place in places.items():
        slot = key & (slots - 1)
        while keys[slot]:
            slot = (slot + 1) & (slots - 1)
        keys[slot], where[slot] = key, place
    return array(_WORD, keys + where).tobytes()


def write(path: str = PATH) -> int:
    """Build the table and write it to `path` (replaced whole); the number of patterns stored."""
    from array import array

    if array("I").itemsize != _sre.CODESIZE:
        raise SystemExit("patterncode: this interpreter's regex code words do not fit array('I')")
    codes, branches, tables = build()
    places: dict[int, int] = {}  # (a key -> its entry's place)
    entries: list[bytes] = []
    offset = 0  # (from the end of the head)
    for (pattern, flags), code in codes.items():
        text, key = _key(pattern, flags)
        if key in places:  # (two patterns with one CRC: the second is compiled when asked for)
            continue
        entries.append(marshal.dumps((text, *code)))
        places[key] = offset << _SPAN | len(entries[-1])
        offset += len(entries[-1])
    where: dict[str, tuple[int, int]] = {}
    alternations = {_branches_table(*key): (*key, value) for key, value in branches.items()}
    for name, table in {**alternations, **tables}.items():
        entries.append(marshal.dumps(table))
        where[name] = (offset, len(entries[-1]))
        offset += len(entries[-1])
    head = marshal.dumps(((GUARD, _fingerprint()), _index(places), where))
    os.makedirs(os.path.dirname(path), exist_ok=True)
    temporary = f"{path}.{os.getpid()}.tmp"
    with open(temporary, "wb") as file:
        file.write(len(head).to_bytes(8, "little"))
        file.write(head)
        for entry in entries:
            file.write(entry)
    os.replace(temporary, path)  # (a process reading it meets the old file or the new one, whole)
    return len(codes)
