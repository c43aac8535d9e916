"""What a detector extracts for one recipient, before the reason table classifies it."""

from __future__ import annotations

from parsers.values import Value


class Delivery(Value):
    """One recipient's outcome as a report states it (raw facts, no classification yet).

    `reason` is set only when the format itself says why (e.g. a provider's own error code that
    maps to a reason); otherwise the reason table derives it from status, code and diagnostic.
    `action` is the RFC 3464 action (failed, delayed, delivered, relayed, expanded) when known.
    """

    # (in the order of the fields: see parsers.values)
    __slots__ = (  # noqa: RUF023
        "recipient",
        "status",
        "smtp_code",
        "diagnostic",
        "remote_mta",
        "action",
        "reason",
        "alias",
        "smtp_command",
        "diagnostic_type",
    )

    recipient: str
    status: str | None
    smtp_code: str | None
    diagnostic: str | None
    remote_mta: str | None
    action: str | None
    reason: str | None
    alias: str | None  # Original-Recipient / the address before forwarding
    smtp_command: str | None  # RCPT, DATA, MAIL, CONN ... when the report says
    # The Diagnostic-Code type (SMTP, X-UNIX, X-POSTFIX ...): X-UNIX means a local delivery
    # program failed, not the remote server.
    diagnostic_type: str | None

    def __init__(
        self,
        recipient: str,
        status: str | None = None,
        smtp_code: str | None = None,
        diagnostic: str | None = None,
        remote_mta: str | None = None,
        action: str | None = None,
        reason: str | None = None,
        alias: str | None = None,
        smtp_command: str | None = None,
        diagnostic_type: str | None = None,
    ) -> None:
        self.recipient = recipient
        self.status = status
        self.smtp_code = smtp_code
        self.diagnostic = diagnostic
        self.remote_mta = remote_mta
        self.action = action
        self.reason = reason
        self.alias = alias
        self.smtp_command = smtp_command
        self.diagnostic_type = diagnostic_type
