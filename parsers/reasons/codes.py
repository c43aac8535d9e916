"""The reason codes: the vocabulary every detector, the classification rule and the service share.

The codes follow Sisimai's reason vocabulary (in snake_case), so that figures can be compared with
the reference parser. Codes renamed since earlier releases of bounceback keep an alias
(`ALIASES`): stored events and old fixtures still read, and `canonical` maps them to today's code.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final


# What `from parsers.reasons.codes import *` brings: the codes themselves.
__all__ = [
    "ACCOUNT_DISABLED",
    "AUTH_FAILURE",
    "BAD_REPUTATION",
    "BLOCKED",
    "CONTENT_ERROR",
    "DELIVERED",
    "EXCEED_LIMIT",
    "EXPIRED",
    "FEEDBACK",
    "FILTERED",
    "HAS_MOVED",
    "HOST_UNKNOWN",
    "MAILBOX_FULL",
    "MAILER_ERROR",
    "MESSAGE_TOO_BIG",
    "NETWORK_ERROR",
    "NOT_ACCEPT",
    "NOT_COMPLIANT_RFC",
    "NO_RELAYING",
    "ON_HOLD",
    "POLICY_VIOLATION",
    "RATE_LIMITED",
    "REJECTED",
    "REQUIRE_PTR",
    "SECURITY_ERROR",
    "SPAM_DETECTED",
    "SUSPEND",
    "SYNTAX_ERROR",
    "SYSTEM_ERROR",
    "SYSTEM_FULL",
    "TOO_MANY_CONNECTIONS",
    "UNDEFINED",
    "UNSUBSCRIBE",
    "USER_UNKNOWN",
    "VACATION",
    "VIRUS_DETECTED",
]

# Hard: the address itself is bad (not_accept only with a 5xx reply).
USER_UNKNOWN: Final = "user_unknown"
HOST_UNKNOWN: Final = "host_unknown"
HAS_MOVED: Final = "has_moved"
# An account disabled, discontinued, closed or expired for non-use: the address is gone. Sisimai
# counts these as its soft `suspend`; the platform's rule makes them hard (a temporary suspension
# stays `suspend`, soft).
ACCOUNT_DISABLED: Final = "account_disabled"
NOT_ACCEPT: Final = "not_accept"
# Soft: the recipient's mailbox or server refused for now.
MAILBOX_FULL: Final = "mailbox_full"
SUSPEND: Final = "suspend"
FILTERED: Final = "filtered"
EXCEED_LIMIT: Final = "exceed_limit"
EXPIRED: Final = "expired"
NETWORK_ERROR: Final = "network_error"
SYSTEM_ERROR: Final = "system_error"
SYSTEM_FULL: Final = "system_full"
MAILER_ERROR: Final = "mailer_error"
ON_HOLD: Final = "on_hold"
UNDEFINED: Final = "undefined"
# Soft and sender-side: about the sender, its IP, its authentication or its message.
REJECTED: Final = "rejected"
BLOCKED: Final = "blocked"
SPAM_DETECTED: Final = "spam_detected"
VIRUS_DETECTED: Final = "virus_detected"
POLICY_VIOLATION: Final = "policy_violation"
AUTH_FAILURE: Final = "auth_failure"
REQUIRE_PTR: Final = "require_ptr"
RATE_LIMITED: Final = "rate_limited"
TOO_MANY_CONNECTIONS: Final = "too_many_connections"
MESSAGE_TOO_BIG: Final = "message_too_big"
SYNTAX_ERROR: Final = "syntax_error"
NO_RELAYING: Final = "no_relaying"
SECURITY_ERROR: Final = "security_error"
CONTENT_ERROR: Final = "content_error"
NOT_COMPLIANT_RFC: Final = "not_compliant_rfc"
BAD_REPUTATION: Final = "bad_reputation"
# Neither: not a failure of the address.
DELIVERED: Final = "delivered"
VACATION: Final = "vacation"
FEEDBACK: Final = "feedback"
# A recipient asked to receive no more mail (ARF opt-out, a List-Unsubscribe mail): ours, not
# Sisimai's (which has no such reason).
UNSUBSCRIBE: Final = "unsubscribe"

REASONS: Final[frozenset[str]] = frozenset(
    {
        USER_UNKNOWN, HOST_UNKNOWN, HAS_MOVED, ACCOUNT_DISABLED, NOT_ACCEPT, MAILBOX_FULL, SUSPEND, FILTERED,
        EXCEED_LIMIT, EXPIRED, NETWORK_ERROR, SYSTEM_ERROR, SYSTEM_FULL, MAILER_ERROR, ON_HOLD,
        UNDEFINED, REJECTED, BLOCKED, SPAM_DETECTED, VIRUS_DETECTED, POLICY_VIOLATION,
        AUTH_FAILURE, REQUIRE_PTR, RATE_LIMITED, TOO_MANY_CONNECTIONS, MESSAGE_TOO_BIG,
        SYNTAX_ERROR, NO_RELAYING, SECURITY_ERROR, CONTENT_ERROR, NOT_COMPLIANT_RFC,
        BAD_REPUTATION, DELIVERED, VACATION, FEEDBACK, UNSUBSCRIBE,
    }
)  # fmt: skip

# Old code -> today's code. Stored events keep the name they were recorded with; every reader
# that compares codes goes through `canonical` (or a set that holds both names).
ALIASES: Final[dict[str, str]] = {
    "suspended": SUSPEND,  # Sisimai: suspend
    "policy": POLICY_VIOLATION,  # Sisimai: policyviolation
    "speeding": RATE_LIMITED,  # Sisimai 5.0's name for what 5.2 calls ratelimited
}

# The address is bad: suppress at once.
HARD: Final[frozenset[str]] = frozenset({USER_UNKNOWN, HOST_UNKNOWN, HAS_MOVED, ACCOUNT_DISABLED})
# Never a failure of the address.
IGNORED: Final[frozenset[str]] = frozenset({DELIVERED, VACATION})

# Soft bounces caused by the sender or its message, not by the recipient's address or mailbox:
# they never count towards the soft-bounce threshold (suppressing the recipient for them would
# punish the wrong party), and a complaint with such a reason (an ARF auth-failure report, about
# the sender's SPF/DKIM) never suppresses. Old names are included so stored events still match.
_SENDER_SIDE_CODES: Final = frozenset(
    {
        BLOCKED, SPAM_DETECTED, VIRUS_DETECTED, POLICY_VIOLATION, AUTH_FAILURE, REQUIRE_PTR,
        RATE_LIMITED, TOO_MANY_CONNECTIONS, BAD_REPUTATION, CONTENT_ERROR, SECURITY_ERROR,
        MESSAGE_TOO_BIG, NO_RELAYING, REJECTED, SYNTAX_ERROR, NOT_COMPLIANT_RFC,
    }
)  # fmt: skip
SENDER_SIDE: Final[frozenset[str]] = _SENDER_SIDE_CODES | frozenset(
    old for old, new in ALIASES.items() if new in _SENDER_SIDE_CODES
)


def canonical(reason: str) -> str:
    """Today's code for `reason` (an old name through its alias; any other string unchanged)."""
    return ALIASES.get(reason, reason)
