"""Pure parsing of returned mail: bytes in, `ParseResult` out; no I/O, no clock, no database."""

from parsers import patterncode

# (first: the patterns the standard library compiles as the modules below import it come from the
# store, when it holds them)
patterncode.prime_re_cache()

from parsers.core import DEFAULT_MAX_BYTES, parse  # noqa: E402
from parsers.model import Event, ParseResult  # noqa: E402

__all__ = ["DEFAULT_MAX_BYTES", "Event", "ParseResult", "parse"]
