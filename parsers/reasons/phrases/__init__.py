"""The phrase families of every language, merged per reason (one module of data per language).

A language module holds `PHRASES: dict[reason, tuple[pattern, ...]]` and, when a family needs
them, its exceptions in that language (`UNLESS`: "try again later" after "domain not found") and
the phrases that may overrule a user-unknown status code (`VETO`: English's many, another
language's refusal of the sender); nothing else that decides. To add a language, add its module
and name it in LANGUAGES.

The families as made from the modules (their phrases' searched forms, their indexes and the text
index of all of them) are stored ahead of time with the parser's patterns (parsers.patterncode),
for the files they were made from: a process reads them whole instead of importing three dozen
modules and indexing their phrases (a sixtieth of `parse --json` over the dev corpus).
"""

from __future__ import annotations

import importlib
import os

from parsers import patterncode
from parsers.reasons import families as _families
from parsers.reasons.families import Family, family

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Final

LANGUAGES: Final = (
    "en", "es", "pt", "de", "fr", "it", "nl", "da", "vi", "ja", "zh", "ru", "ko", "cs", "pl",
    "sv", "nb", "fi", "tr", "el", "ro", "hu", "id", "uk", "th", "he", "ar", "bg", "hr", "sl", "lt",
    "lv", "et", "fa", "ms", "kk", "hi", "sk", "sr", "mk", "sq", "be", "az", "uz", "ka", "hy", "ca",
    "gl", "eu", "is", "tl", "sw", "bn", "ur", "ta", "am", "af", "ne", "lb", "fo", "km", "si", "my", "lo",
    "mn", "zu", "mt", "ga", "cy", "gd", "te", "mr", "gu", "kn", "ml", "pa", "or", "as", "ky", "tg", "tk",
    "ps", "ku", "ug",
)  # fmt: skip


def _merged(name: str = "PHRASES") -> dict[str, tuple[str, ...]]:
    """Each language's `name` table (PHRASES, or the optional UNLESS and VETO), merged per reason."""
    merged: dict[str, list[str]] = {}
    for code in LANGUAGES:
        module = importlib.import_module(f"parsers.reasons.phrases.{code}")
        for reason, patterns in getattr(module, name, {}).items():
            merged.setdefault(reason, []).extend(patterns)
    return {reason: tuple(patterns) for reason, patterns in merged.items()}


def language(code: str) -> dict[str, tuple[str, ...]]:
    """One language's phrases by reason (for tests and for reading)."""
    module = importlib.import_module(f"parsers.reasons.phrases.{code}")
    return dict(module.PHRASES)


_Written = tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]


def _written() -> _Written:
    """The phrases of PHRASES, UNLESS and VETO as the language modules write them."""
    return _merged(), _merged("UNLESS"), _merged("VETO")


def _sources() -> tuple[tuple[int, int], ...]:
    """The size and time of each file the families are made from (the language modules, this
    one, and the reason codes they name): a stored copy made from other files is not read."""
    here = os.path.dirname(os.path.abspath(__file__))
    names = ["__init__.py", *(f"{code}.py" for code in LANGUAGES), os.path.join(os.pardir, "codes.py")]
    return patterncode.file_stamps(here, names)


_Tables = tuple[dict[str, Family], dict[str, Family], dict[str, Family]]


def _stored() -> _Tables | None:
    """PHRASES, UNLESS and VETO as stored ahead of time (`to_store`), or None when there is no
    copy made from the files as they are (or families were made before: the text index stored
    is that of these families alone)."""
    stored = patterncode.stored_data(_families.PHRASE_FAMILIES)
    if _families._FAMILIES or not isinstance(stored, tuple) or len(stored) != 3:
        return None
    try:
        if stored[0] != _sources():
            return None
    except OSError:
        return None
    tables = [
        {reason: Family.indexed(forms, index) for reason, (forms, index) in table.items()}
        for table in stored[1]
    ]
    _families.restore_text_index(*stored[2])
    return tables[0], tables[1], tables[2]


def _made() -> _Tables:
    """PHRASES, UNLESS and VETO: as stored, else made from the language modules."""
    stored = _stored()
    if stored is not None:
        return stored
    phrases, unless, veto = _written()
    return (
        {reason: family(*p) for reason, p in phrases.items()},
        {reason: family(*p) for reason, p in unless.items()},
        {reason: family(*p) for reason, p in veto.items()},
    )


def tables_to_store() -> dict[str, Any]:
    """What parsers.patterncode stores for the families, made afresh from the modules: every
    phrase's searched form (read by `family`), what `_stored` reads (the files' sizes and
    times, each table's families as their phrases' forms and their indexes, the text index), and
    the table `fold` folds accents with."""
    written = _written()
    forms = {p: _families.phrase_form(p) for table in written for phrases in table.values() for p in phrases}
    made = [
        {reason: (searched, _families.phrases_index(searched)) for reason, searched in table.items()}
        for table in (
            {reason: tuple(forms[p] for p in phrases) for reason, phrases in t.items()} for t in written
        )
    ]
    indexes = [index for table in made for _, index in table.values()]
    stored = _shared((_sources(), made, _families.text_index_to_store(indexes)), {})
    return {
        _families.PHRASE_FORMS: forms,
        _families.PHRASE_FAMILIES: stored,
        _families.FOLD_TABLE: _families.fold_tables(),
    }


def _shared(value: Any, made: dict[Any, Any]) -> Any:
    """`value` with each tuple of numbers (phrases' or families' places) and each string (a
    keyword is written in its family's index, in the text index and under each word that anchors
    it) one object for all its equal ones: marshal writes it once and refers to it after, and a
    process makes fewer objects (most keywords name one family, most phrases are listed under
    several keywords): reading the table took 11.0 M instructions, 8.4 M so; the strings shared
    too, the table is 4.7 K (of 358 K) smaller."""
    if isinstance(value, str):
        return made.setdefault(value, value)
    if isinstance(value, dict):
        return {_shared(key, made): _shared(item, made) for key, item in value.items()}
    if isinstance(value, list):
        return [_shared(item, made) for item in value]
    if isinstance(value, tuple):
        if all(isinstance(item, int) for item in value):
            return made.setdefault(value, value)
        return tuple(_shared(item, made) for item in value)
    return value


_TABLES: Final = _made()
PHRASES: Final[dict[str, Family]] = _TABLES[0]
UNLESS: Final[dict[str, Family]] = _TABLES[1]
VETO: Final[dict[str, Family]] = _TABLES[2]
