"""The classification rule's one home: reason codes, phrase families per language, status and
reply-code tables, providers' vocabularies, the hard/soft/ignored rule and the sender-side set.

- `codes`: the vocabulary (Sisimai's, in snake_case), aliases of old names, `HARD`, `SENDER_SIDE`;
- `status`: RFC 3463 status codes and SMTP reply codes;
- `phrases`: the phrase families, one data module per language;
- `providers`: what large providers' documented replies mean;
- `derive`: status, code and text weighed into one reason; `rule`: which source wins;
- `classify`: hard / soft / ignored and the event type (delay reports, sender-side refusals).

The service imports `SENDER_SIDE` from here; nothing else decides what a reason means.
"""

from parsers.reasons import codes as _codes
from parsers.reasons.classify import (
    CHALLENGE,
    Verdict,
    classify,
    delivery_receipt,
    feedback_verdict,
    is_delay_notice,
    is_temporary,
    sender_side,
    verdict,
)
from parsers.reasons.codes import *  # noqa: F403 (re-exported: reasons.USER_UNKNOWN)
from parsers.reasons.codes import ALIASES, HARD, IGNORED, REASONS, SENDER_SIDE, canonical
from parsers.reasons.derive import MAX_DIAGNOSTIC_CHARS, RECHECKED, derive, match_text, matches, overrules
from parsers.reasons.phrases import PHRASES
from parsers.reasons.rule import reason_for
from parsers.reasons.status import (
    STATUS_REASON,
    ascii_codes,
    pseudo_status,
    reply_code_in_text,
    status_in_text,
    status_reason,
    valid_status,
)

__all__ = [
    "ALIASES",
    "CHALLENGE",
    "HARD",
    "IGNORED",
    "MAX_DIAGNOSTIC_CHARS",
    "PHRASES",
    "REASONS",
    "RECHECKED",
    "SENDER_SIDE",
    "STATUS_REASON",
    "Verdict",
    "ascii_codes",
    "canonical",
    "classify",
    "delivery_receipt",
    "derive",
    "feedback_verdict",
    "is_delay_notice",
    "is_temporary",
    "match_text",
    "matches",
    "overrules",
    "pseudo_status",
    "reason_for",
    "reply_code_in_text",
    "sender_side",
    "status_in_text",
    "status_reason",
    "valid_status",
    "verdict",
]
__all__ += _codes.__all__
