"""Postfix's plain-text bounce and delay notices, and its "errors from" SMTP transcripts."""

from __future__ import annotations

import re

from parsers.delivery import Delivery
from parsers.mail import Mail
from parsers.mta import _common as c

NAME = "Postfix"

_SUBJECTS = re.compile(
    r"Undelivered Mail Returned to Sender|Delayed Mail \(still being retried\)|"
    r"Postfix SMTP server: errors from|Mail System Error - Returned Mail|Undeliverable mail",
    re.I,
)
_STARTS = re.compile(
    r"This is the (?:mail system|Postfix program) at host|The (?:Postfix )?mail system\s*$"
    r"|could not be delivered to one or more (?:recipients|destinations)",
    re.I | re.M,
)
_WARNING = re.compile(r"THIS IS A WARNING MESSAGE ONLY|still being retried", re.I)
# <rcpt> (expanded from <alias>): text
_RECIPIENT = re.compile(
    r"^<([^<>\s]+@[^<>\s]*|[^<>\s]+)>\s*(?:\(expanded\s+from\s+<([^<>]*)>\))?\s*:\s*(.*)$", re.S
)
_TRANSCRIPT_RCPT = re.compile(r"^\s*In:\s+RCPT\s+TO:\s*<([^>]+)>", re.I | re.M)
_TRANSCRIPT_ERROR = re.compile(r"^\s*Out:\s+([45]\d\d[ -].*)$", re.M)


def _transcript(mail: Mail) -> list[Delivery]:
    """`Postfix SMTP server: errors from ...`: the recipients of the session and its last error."""
    text = c.before_original(mail)
    errors = _TRANSCRIPT_ERROR.findall(text)
    recipients = list(dict.fromkeys(_TRANSCRIPT_RCPT.findall(text)))
    if not errors or not recipients:
        return []
    diagnostic = errors[-1]
    command = "DATA" if re.search(r"^\s*In:\s+DATA", text, re.I | re.M) else "RCPT"
    return [c.make(r, diagnostic, command=command) for r in recipients]


def _inquire(mail: Mail) -> list[Delivery] | None:
    subject_hit = bool(_SUBJECTS.search(mail.subject))
    if mail.subject.startswith("Postfix SMTP server: errors from"):
        return _transcript(mail)
    text = c.before_original(mail)
    start = _STARTS.search(text)
    if not subject_hit and not start:
        return None
    if start is None:
        start_at = 0
    else:
        start_at = start.start()
    body = text[start_at:]
    action = "delayed" if _WARNING.search(body) or _WARNING.search(mail.subject) else "failed"

    found: list[Delivery] = []
    for block in c.paragraphs(body):
        joined = c.sweep(block)
        match = _RECIPIENT.match(joined)
        if not match:
            continue
        address = c.clean_address(match.group(1))
        if not address:
            continue
        alias = c.clean_address(match.group(2) or "")
        found.append(c.make(address, match.group(3), action=action, alias=alias))
    if found:
        return found
    # A report whose text part is gone but whose delivery-status fields are inline text (an
    # embedded bounce, a report forwarded as text).
    return c.dsn_fields(mail.text)


inquire = c.detector(_inquire)
