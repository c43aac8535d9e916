"""Unsubscribe requests that arrive as mail: Apple Mail's one-tap unsubscribe.

Apple Mail answers a List-Unsubscribe mailto link with a message to that address carrying
`X-Apple-Unsubscribe: true`, sent by the subscriber: its From is the address to unsubscribe.
(ARF `opt-out` reports are read by parsers.arf; what the service does with an unsubscribe is the
service's business.)
"""

from __future__ import annotations

from parsers.dsn import address
from parsers.mail import Mail


def inquire(mail: Mail) -> str | None:
    """The address that asks to be unsubscribed, or None when the message is no such request."""
    if not mail.has_header("X-Apple-Unsubscribe"):
        return None
    value = mail.header("X-Apple-Unsubscribe").strip().lower()
    if value != "true":
        return None
    return address(mail.from_) or None
