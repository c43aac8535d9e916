"""Pure parsing of returned mail: bytes in, `ParseResult` out; no I/O, no clock, no database."""

from parsers.core import DEFAULT_MAX_BYTES, parse
from parsers.model import Event, ParseResult

__all__ = ["DEFAULT_MAX_BYTES", "Event", "ParseResult", "parse"]
