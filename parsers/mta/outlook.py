"""Outlook.com / Hotmail delivery status notifications (X-Message-Delivery, RFC 3464 report)."""

from __future__ import annotations

from parsers.delivery import Delivery
from parsers.mail import Mail
from parsers.mta._providers import DsnBlock, first_reason, from_dsn_parts, from_dsn_text, guarded

NAME = "Outlook"
# Prefilter markers, looked for in the subject and the From (parsers.mta.heading): its only gate is a postmaster sender or this subject.
HEADING_MARKERS = ("postmaster@", "delivery status notification")

_PHRASES = {
    "host_unknown": ("The mail could not be delivered to the recipient because the domain is not reachable",),
    "user_unknown": ("Requested action not taken: mailbox unavailable",),
}


def _reason(block: DsnBlock) -> str | None:
    return first_reason(block.diagnostic, _PHRASES)


def _signed(mail: Mail) -> bool:
    """Whether two of Outlook.com's signs are there: its subject, its two headers, a Received line
    of hotmail.com."""
    score = 0
    score += "Delivery Status Notification" in mail.subject
    score += mail.has_header("X-Message-Delivery")
    score += mail.has_header("X-Message-Info")
    # (the Received lines, the costly sign, are read only when they decide: one more sign is needed)
    if score == 1:
        score += mail.may_hold("Received", (".hotmail.com",), ignore_case=True) and any(
            ".hotmail.com" in r.lower() for r in mail.headers("Received")
        )
    return score >= 2


@guarded
def inquire(mail: Mail) -> list[Delivery] | None:
    if "postmaster@" not in mail.from_.lower() and "Delivery Status Notification" not in mail.subject:
        return None
    if not _signed(mail):
        return None
    found = from_dsn_parts(mail, _reason) or from_dsn_text(mail.text, _reason)
    for d in found:
        if not d.diagnostic:
            # Outlook.com leaves the code out when it could not reach the destination at all.
            d.diagnostic = (
                "Delivery to the following recipients has been delayed."
                if d.action == "delayed"
                else "Unable to deliver message to the following recipients, due to being unable "
                "to connect successfully to the destination mail server."
            )
    return found
