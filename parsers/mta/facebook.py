"""Facebook's "Sorry, your message could not be delivered" reports, keyed on its response codes."""

from __future__ import annotations

from parsers.delivery import Delivery
from parsers.mail import Mail
from parsers.mta._providers import from_dsn_parts, from_dsn_text, guarded
from parsers.reasons.providers import facebook_reason

NAME = "Facebook"
# Prefilter marker, looked for in the subject and the From (parsers.mta.heading): it accepts only this sender.
HEADING_MARKERS = ("mailer-daemon@mx.facebook.com",)


@guarded
def inquire(mail: Mail) -> list[Delivery] | None:
    if "mailer-daemon@mx.facebook.com" not in mail.from_.lower():
        return None
    if mail.subject != "Sorry, your message could not be delivered":
        return None
    found = from_dsn_parts(mail) or from_dsn_text(mail.text)
    for d in found:
        d.reason = facebook_reason(d.diagnostic or "")
    return found
