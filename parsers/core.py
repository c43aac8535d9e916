"""Entry point of the parser: bounds the input and runs the detectors in order."""

from __future__ import annotations

from parsers.model import ParseResult

DEFAULT_MAX_BYTES = 10 * 1024 * 1024


def parse(raw: bytes, *, max_bytes: int = DEFAULT_MAX_BYTES) -> ParseResult:
    """Parse one raw RFC 5322 message. Never raises."""
    # Placeholder until the detectors land: everything is unknown.
    del raw, max_bytes
    return ParseResult(message_type="unknown")
