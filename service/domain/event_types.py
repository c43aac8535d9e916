"""The event stream's vocabulary: the CloudEvents `type` of every event bounceback announces.

DESIGN.md ("Event types") and openapi/asyncapi.yaml list the same names; a test keeps them equal.
"""

from __future__ import annotations

BOUNCE_HARD = "bounceback.bounce.hard"
BOUNCE_SOFT = "bounceback.bounce.soft"
COMPLAINT = "bounceback.complaint"
AUTO_REPLY = "bounceback.auto_reply"
DELAY = "bounceback.delay"
UNSUBSCRIBE = "bounceback.unsubscribe"
SUPPRESSION_ADDED = "bounceback.suppression.added"
SUPPRESSION_REMOVED = "bounceback.suppression.removed"
MESSAGE_QUARANTINED = "bounceback.message.quarantined"
ACCOUNT_STATUS_CHANGED = "bounceback.account.status_changed"

EVENT_TYPES = (
    BOUNCE_HARD,
    BOUNCE_SOFT,
    COMPLAINT,
    AUTO_REPLY,
    DELAY,
    UNSUBSCRIBE,
    SUPPRESSION_ADDED,
    SUPPRESSION_REMOVED,
    MESSAGE_QUARANTINED,
    ACCOUNT_STATUS_CHANGED,
)
