"""`python -m parsers.store_patterns`: store the compiled code of the parser's patterns for this
interpreter (parsers.patterncode), where the package is installed. Run it after installing, as
compileall is run; a missing or out-of-date store costs only start-up time."""

from __future__ import annotations

from parsers import patterncode

if __name__ == "__main__":
    print(f"{patterncode.write()} patterns stored in {patterncode.PATH}")
