"""Amazon SES receiving-rule bounces ("This message could not be delivered.")."""

from __future__ import annotations

from parsers.delivery import Delivery
from parsers.mail import Mail
from parsers.mta._providers import DsnBlock, first_reason, from_dsn_parts, from_dsn_text, guarded

NAME = "ReceivingSES"
# Prefilter markers (parsers.mta.candidates): X-SES-Outgoing is the gate.
MARKER_HEADERS = ("X-SES-Outgoing",)

# The texts of SES receipt-rule bounce actions (Rule sets / Actions / Bounce template).
_PHRASES = {
    "filtered": ("Mailbox does not exist",),
    "message_too_big": ("Message too large",),
    "mailbox_full": ("Mailbox full",),
    "content_error": ("Message content rejected",),
}


def _reason(block: DsnBlock) -> str | None:
    # The template texts are fixed whatever status the rule's author chose: a specific status
    # (5.1.1 with "Mailbox does not exist") says more than the wording.
    if block.status and not block.status.endswith(".0"):
        return None
    return first_reason(block.diagnostic, _PHRASES)


@guarded
def inquire(mail: Mail) -> list[Delivery] | None:
    if not mail.has_header("X-SES-Outgoing"):
        return None
    start = mail.text.find("This message could not be delivered.")
    if start < 0:
        return None
    return from_dsn_parts(mail, _reason) or from_dsn_text(mail.text[start:], _reason)
