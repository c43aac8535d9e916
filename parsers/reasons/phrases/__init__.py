"""The phrase families of every language, merged per reason (one module of data per language).

A language module holds `PHRASES: dict[reason, tuple[pattern, ...]]` and, when a family needs
them, its exceptions in that language (`UNLESS`: "try again later" after "domain not found");
nothing else that decides. English also holds the phrases that may overrule a user-unknown status
code (`VETO`). To add a language, add its module and name it in LANGUAGES.
"""

from __future__ import annotations

import importlib
from typing import Final

from parsers.reasons.families import Family, family
from parsers.reasons.phrases import en

LANGUAGES: Final = (
    "en", "es", "pt", "de", "fr", "it", "nl", "da", "vi", "ja", "zh", "ru", "ko", "cs", "pl",
    "sv", "nb", "fi", "tr", "el", "ro", "hu", "id", "uk", "th", "he", "ar", "bg", "hr", "sl", "lt",
    "lv", "et", "fa", "ms", "kk",
)  # fmt: skip


def _merged(name: str = "PHRASES") -> dict[str, tuple[str, ...]]:
    """Each language's `name` table (PHRASES, or the optional UNLESS), merged per reason."""
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


PHRASES: Final[dict[str, Family]] = {reason: family(*p) for reason, p in _merged().items()}
UNLESS: Final[dict[str, Family]] = {reason: family(*p) for reason, p in _merged("UNLESS").items()}
VETO: Final[dict[str, Family]] = {reason: family(*p) for reason, p in en.VETO.items()}
