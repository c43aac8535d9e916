"""Reasons decided by the receiving host's own error vocabulary (Google, Microsoft, Yahoo, ...)."""

from __future__ import annotations

from parsers.delivery import Delivery


def reason(delivery: Delivery) -> str | None:
    """The reason a known remote host's reply means, or None to leave it to the generic table."""
    del delivery
    return None
