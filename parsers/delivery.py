"""What a detector extracts for one recipient, before the reason table classifies it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)
class Delivery:
    """One recipient's outcome as a report states it (raw facts, no classification yet).

    `reason` is set only when the format itself says why (e.g. a provider's own error code that
    maps to a reason); otherwise the reason table derives it from status, code and diagnostic.
    `action` is the RFC 3464 action (failed, delayed, delivered, relayed, expanded) when known.
    """

    recipient: str
    status: str | None = None
    smtp_code: str | None = None
    diagnostic: str | None = None
    remote_mta: str | None = None
    action: str | None = None
    reason: str | None = None
    alias: str | None = None  # Original-Recipient / the address before forwarding
    smtp_command: str | None = None  # RCPT, DATA, MAIL, CONN ... when the report says
    # The Diagnostic-Code type (SMTP, X-UNIX, X-POSTFIX ...): X-UNIX means a local delivery
    # program failed, not the remote server.
    diagnostic_type: str | None = None
