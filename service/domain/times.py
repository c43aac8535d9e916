"""UTC datetimes: everything stored is UTC, and SQLite hands values back without their zone."""

from __future__ import annotations

from datetime import UTC, datetime


def as_utc(value: datetime) -> datetime:
    """`value` in UTC; a naive value (as SQLite returns them) is taken to be UTC already."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def as_utc_or_none(value: datetime | None) -> datetime | None:
    return None if value is None else as_utc(value)


def iso_z(value: datetime) -> str:
    """RFC 3339 in UTC with a `Z`, the one form every API, CLI and event payload uses."""
    return as_utc(value).isoformat().replace("+00:00", "Z")


def iso_z_or_none(value: datetime | None) -> str | None:
    return None if value is None else iso_z(value)
