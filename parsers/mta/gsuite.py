"""Google Workspace (G Suite) and current Gmail bounces: "** Address not found **" plus a DSN."""

from __future__ import annotations

import re

from parsers.delivery import Delivery
from parsers.lazyre import compile_lazily
from parsers.mail import Mail
from parsers.mta._providers import (
    addresses_in,
    body_of,
    first_reason,
    from_dsn_parts,
    guarded,
    is_warning,
    make,
    status_in,
    sweep,
)

NAME = "GSuite"
# Prefilter marker, looked for in the subject and the From (parsers.mta.heading): it accepts only this sender.
HEADING_MARKERS = ("mailer-daemon@google",)

# (a line start checked after the opening stars, as qmail._END does: re skips ahead to "** ")
_HEADLINE = compile_lazily(r"\*\* (?<![^\n]\*\* ).+ \*\*\s*$", re.MULTILINE)
# (the line start checked after the words that open it: re skips ahead to "The response ")
_RESPONSE = compile_lazily(
    r"The response (?<![^\n]The response )(?:was:|from the remote server was:)\s*\n?(.*?)(?:\n\s*\n|\Z)",
    re.DOTALL,
)
# ("Your message wasn't delivered to a@b.example because ...": the address runs to the space, a
# comma or a full stop before it, not to the first dot of its domain)
_NOT_DELIVERED = compile_lazily(r"wasn't delivered to (\S+@[^\s,]+?)[.,]?(?:\s|$)")
# Gmail writes its subject in English whatever its user's language ("Delivery Status Notification
# (Delay)", as Google's help pages in other languages quote it): the delay notice's own mark, where
# the body's "Gmail will retry" is in the user's language.
_DELAY_SUBJECT = "(Delay)"
# Google's own wording, which says more than the status code Google attaches to it. (Its NXDOMAIN,
# "... responded with code NXDOMAIN", is left to the generic table: host_unknown, as every other
# reader of the same text finds it.)
_PHRASES = {
    "user_unknown": ("because the address couldn't be found. Check for typos or unnecessary spaces",),
    "not_accept": ("Null MX",),
    "network_error": (" had no relevant answers.",),
}


@guarded
def inquire(mail: Mail) -> list[Delivery] | None:
    """Recipients from the delivery-status part (or the text), the remote reply from the text."""
    sender = mail.from_.lower()
    if "mailer-daemon@google" not in sender or "Delivery Status Notification" not in mail.subject:
        return None
    body = body_of(mail)
    if not _HEADLINE.search(body):
        return None
    response = _RESPONSE.search(body)
    reply = sweep(response.group(1)) if response else ""
    headline = sweep(body[: response.start()]) if response else sweep(body)
    found = from_dsn_parts(mail)
    if not found:
        recipients = addresses_in(",".join(mail.headers("X-Failed-Recipients")))
        recipients = recipients or [m.group(1).lower() for m in _NOT_DELIVERED.finditer(body)]
        action = "delayed" if mail.subject.rstrip().endswith(_DELAY_SUBJECT) or is_warning(body) else "failed"
        found = [make(r, reply or headline, action=action) for r in recipients]
    for d in found:
        if reply and (not d.diagnostic or not d.status or d.status.endswith(".0.0")):
            better = status_in(reply)
            if better and not better.endswith(".0.0"):
                d.status = better
            if len(reply) > len(d.diagnostic or "") or better:
                d.diagnostic = reply
        d.reason = d.reason or first_reason(f"{d.diagnostic or ''} {headline}", _PHRASES)
    return found
