"""Write openapi/openapi.json from the app (run after changing a route; a test checks it is current)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SPEC_PATH = ROOT / "openapi" / "openapi.json"


def build_spec() -> dict[str, Any]:
    sys.path.insert(0, str(ROOT))
    from service.api import create_app
    from service.config import Settings

    # The spec does not depend on settings; an in-memory database is never opened.
    app = create_app(Settings(database_url="sqlite://"))
    return app.openapi()


def render(spec: dict[str, Any]) -> str:
    return json.dumps(spec, indent=2, ensure_ascii=False) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="exit 1 when the file is not current")
    args = parser.parse_args()
    text = render(build_spec())
    if args.check:
        current = SPEC_PATH.read_text(encoding="utf-8") if SPEC_PATH.exists() else ""
        if current != text:
            print(
                f"{SPEC_PATH.relative_to(ROOT)} is out of date: run scripts/generate_openapi.py",
                file=sys.stderr,
            )
            return 1
        return 0
    SPEC_PATH.write_text(text, encoding="utf-8")
    print(f"wrote {SPEC_PATH.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
