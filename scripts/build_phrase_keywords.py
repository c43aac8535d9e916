"""Write parsers/reasons/phrases/keywords.json: each phrase family's keyword index, built ahead of time.

Run after changing a phrase family (a test checks the table is current). The table only saves
start-up time: a family it does not hold (changed phrases) builds its index when first searched.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def render() -> str:
    """The table: family pattern -> [keywords, {keyword: phrase indexes}, phrases without one]."""
    sys.path.insert(0, str(ROOT))
    from parsers.reasons.phrases import PHRASES, UNLESS, VETO

    table = {}
    for families in (PHRASES, UNLESS, VETO):
        for family in families.values():
            kept, by_keyword, always = family.index()
            table[family.pattern] = [list(kept), {k: list(v) for k, v in by_keyword.items()}, list(always)]
    return json.dumps(table, ensure_ascii=False, indent=0, sort_keys=True) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="exit 1 when the table is not current")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from parsers.reasons.families import BUILT_INDEXES

    built = Path(BUILT_INDEXES)
    text = render()
    if args.check:
        current = built.exists() and built.read_text(encoding="utf-8") == text
        return 0 if current else 1
    built.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
