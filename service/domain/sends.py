"""A reported send (DESIGN.md, "Sends and sender reputation"): the rules one must pass to be kept.

Pure: the caller passes the clock and the retention. A send is (account, Message-ID, recipient,
sent_at); the key a repeat is recognised by is the first three, with the Message-ID as
`message_key` makes it (attribution looks a returned original's Message-ID up the same way).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from service.domain.addresses import InvalidAddress, normalize_address
from service.domain.text import unstorable

# A platform reports every message it sends: one call carries at most this many.
MAX_SENDS_PER_CALL = 10_000
# Sending hosts' clocks are not ours: a sent_at this far ahead of our clock is still taken.
CLOCK_ALLOWANCE = timedelta(minutes=5)
MESSAGE_ID_MAX_LENGTH = 500  # service.store.models.MESSAGE_ID_LENGTH


class InvalidSend(ValueError):
    """A send that cannot be kept; the message is the reason, for the per-item error."""


@dataclass(frozen=True, slots=True)
class ReportedSend:
    account: str
    message_id: str  # as message_key made it
    recipient: str  # normalised
    sent_at: datetime  # UTC

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.message_id, self.account, self.recipient)

    @property
    def day(self) -> date:
        return self.sent_at.date()


def message_key(value: str | None) -> str | None:
    """A Message-ID as sends are keyed by: without its angle brackets and surrounding space.

    None when nothing is left, or when it is longer than any real one (it would not be kept).
    """
    if value is None:
        return None
    key = value.strip()
    if key.startswith("<") and key.endswith(">"):
        key = key[1:-1].strip()
    if not key or len(key) > MESSAGE_ID_MAX_LENGTH:
        return None
    return key


def parse_sent_at(value: str) -> datetime:
    """An ISO 8601 time with its zone (`2026-12-05T08:15:00Z`), as UTC; InvalidSend otherwise."""
    try:
        parsed = datetime.fromisoformat(value.strip().replace("z", "Z").replace("Z", "+00:00"))
    except ValueError:
        raise InvalidSend(f"sent_at {value[:60]!r} is not an ISO 8601 time") from None
    if parsed.tzinfo is None:
        raise InvalidSend(f"sent_at {value[:60]!r} has no time zone (add Z for UTC)")
    return parsed.astimezone(UTC)


def sent_at_of(value: str, *, now: datetime, retention_days: int) -> datetime:
    """`sent_at` as UTC, neither in the future nor older than the retention (a send past it could
    attribute nothing and would count on a day long judged); InvalidSend otherwise."""
    when = parse_sent_at(value)
    if when > now + CLOCK_ALLOWANCE:
        raise InvalidSend(f"sent_at {value[:60]} is in the future")
    if when < now - timedelta(days=retention_days):
        raise InvalidSend(
            f"sent_at {value[:60]} is older than the retention of {retention_days} days "
            "(BOUNCEBACK_SEND_RETENTION_DAYS)"
        )
    return when


def check_send(account: str, message_id: str, recipient: str, sent_at: datetime) -> ReportedSend:
    """The send, checked: a Message-ID that can be kept and an address (`sent_at` as sent_at_of
    gives it); InvalidSend saying why not."""
    key = message_key(message_id)
    if key is None:
        too_long = len(message_id.strip().strip("<>")) > MESSAGE_ID_MAX_LENGTH
        raise InvalidSend(
            f"message_id is longer than {MESSAGE_ID_MAX_LENGTH} characters"
            if too_long
            else "message_id is empty"
        )
    why = unstorable(key)
    if why is not None:
        raise InvalidSend(f"message_id {why}")
    try:
        address = normalize_address(recipient)
    except InvalidAddress as exc:
        raise InvalidSend(f"recipient is not an address: {exc}") from None
    return ReportedSend(account, key, address, sent_at)
