"""Text the database can store: PostgreSQL refuses NUL characters, and UTF-8 cannot carry an
unpaired surrogate. Checked at the edges, so such input is a clear 422 (or a rejected import line)
on every backend instead of a failure deep in a transaction."""

from __future__ import annotations


def unstorable(value: str) -> str | None:
    """Why `value` cannot be stored, or None when it can."""
    if "\x00" in value:
        return "contains a NUL character, which cannot be stored"
    if not value.isascii():
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return "contains an unpaired surrogate, which cannot be stored"
    return None


def storable(value: str) -> str:
    """`value`, or ValueError saying why it cannot be stored."""
    reason = unstorable(value)
    if reason is not None:
        raise ValueError(reason)
    return value
