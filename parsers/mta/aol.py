"""Aol Mail's delivery status notifications (X-AOL-IP, RFC 3464 report)."""

from __future__ import annotations

from parsers.delivery import Delivery
from parsers.mail import Mail
from parsers.mta._providers import DsnBlock, first_reason, from_dsn_parts, from_dsn_text, guarded

NAME = "Aol"
# Prefilter markers (parsers.mta.candidates): X-AOL-IP is the gate.
MARKER_HEADERS = ("X-AOL-IP",)

_PHRASES = {
    "host_unknown": ("Host or domain name not found",),
    # Aol's relay could not read the destination's MX answer: the domain takes no mail.
    "not_accept": ("type=MX: Malformed or unexpected name server reply",),
}


def _reason(block: DsnBlock) -> str | None:
    return first_reason(block.diagnostic, _PHRASES)


@guarded
def inquire(mail: Mail) -> list[Delivery] | None:
    if not mail.has_header("X-AOL-IP"):
        return None
    return from_dsn_parts(mail, _reason) or from_dsn_text(mail.text, _reason)
