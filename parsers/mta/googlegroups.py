"""Google Groups refusals of a post ("the group you tried to contact ... may not exist")."""

from __future__ import annotations

import re

from parsers.delivery import Delivery
from parsers.lazyre import compile_lazily
from parsers.mail import Mail
from parsers.mta._providers import addresses_in, body_of, guarded, make, sweep

NAME = "GoogleGroups"
# Prefilter marker (parsers.mta.candidates): it accepts only this sender.
MARKERS = ("mailer-daemon@google",)

_BOUNDARIES = ("----- Original message -----",)
_BULLET = compile_lazily(r"^ ?\* ?", re.MULTILINE)


@guarded
def inquire(mail: Mail) -> list[Delivery] | None:
    """The failed group addresses come from X-Failed-Recipients; the text is in the user's language."""
    sender = mail.from_.lower()
    if "mailer-daemon@google" not in sender or "Delivery Status Notification" not in mail.subject:
        return None
    failed = ",".join(mail.headers("X-Failed-Recipients"))
    if not failed:
        return None
    body = body_of(mail, _BOUNDARIES)
    # Every language version links the Groups help centre; Gmail's own bounces never do.
    if "groups.google.com" not in body:
        return None
    # Four bullet points ("You might have spelled ...", "The owner of the group may have removed
    # this group." ...) mean the post itself was refused; anything else is held for moderation.
    reason = "rejected" if len(_BULLET.findall(body)) >= 4 else "on_hold"
    paragraphs = [p for p in body.split("\n\n") if p.strip()]
    diagnostic = sweep(" ".join(paragraphs[:4]))
    return [make(r, diagnostic, reason=reason) for r in addresses_in(failed)]
