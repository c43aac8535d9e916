"""Old Sendmail (v5) returns: a transcript of the session followed by the unsent message."""

from __future__ import annotations

import re

from parsers.delivery import Delivery
from parsers.lazyre import compile_lazily
from parsers.mail import Mail
from parsers.mta import _common as c

NAME = "V5sendmail"
# Prefilter marker (parsers.mta.candidates): _TRANSCRIPT must be in the body, which may hold it
# after an attached original.
BODY_MARKERS = ("Transcript of session follows",)

_TRANSCRIPT = compile_lazily(r"-----\s*Transcript of session follows\s*-----")
_UNSENT = compile_lazily(r"-----\s+(?:Unsent message follows|No message was collected)\s+-----")
# 554 <a@b>... 550 Host unknown
_RCPT_LINE = compile_lazily(r"^([245]\d\d)\s+<([^>\s@]+@[^>\s]+)>\.\.\.\s*(.*)$")
# 554 wgray... Service unavailable: a local delivery's failure names the user's login name alone
# (no dot, no "@": a host line's name has its "(smtp)" after it); the user's mailbox is at the
# host that reports it, and the line before says why ("/var/mail/wgray: Disc quota exceeded")
_LOCAL_LINE = compile_lazily(r"^([245]\d\d)\s+([A-Za-z0-9_+-]{1,64})\.\.\.\s*(.*)$")
# 421 example.com (smtp)... Deferred: Connection timed out
_HOST_LINE = compile_lazily(r"^([245]\d\d)\s+([A-Za-z0-9.\-]+)\s+\(\w+\)\.\.\.\s*(.*)$")
_EXPIRED = compile_lazily(r"Cannot send message for \d+|could not be delivered for \d+ ", re.I)


def _inquire(mail: Mail) -> list[Delivery] | None:
    body = c.body_text(mail)
    start = _TRANSCRIPT.search(body)
    if start is None:
        return None
    unsent = _UNSENT.search(body, start.end())
    if unsent is None:
        return None
    transcript = body[start.end() : unsent.start()]
    reason = c.EXPIRED if _EXPIRED.search(mail.subject) else None

    found: list[Delivery] = []
    host_errors: list[tuple[str, str]] = []
    command: str | None = None
    response: str | None = None
    note: str | None = None
    remote = c.remote_host(transcript)
    for line in c.fold(transcript.split("\n")):
        line = line.strip()
        if line.startswith(">>> "):
            command = c.smtp_command(line)
            continue
        if line.startswith("<<< "):
            response = line[4:]  # the remote's reply, joined to the recipient line below
            continue
        rcpt = _RCPT_LINE.match(line)
        if rcpt:
            if not any(d.recipient == rcpt.group(2) for d in found):
                diagnostic = rcpt.group(3) + (f": {response}" if response else "")
                found.append(
                    c.make(
                        rcpt.group(2),
                        diagnostic,
                        smtp_code=rcpt.group(1),
                        reason=reason,
                        command=command,
                        remote_mta=remote,
                    )
                )
            response = None
            continue
        local = _LOCAL_LINE.match(line)
        if local and local.group(1)[0] in "45" and (mailbox := c.at_reporting_host(mail, local.group(2))):
            recipient = mailbox.lower()
            if not any(d.recipient == recipient for d in found):
                diagnostic = local.group(3) + (f": {note}" if note else "")
                found.append(c.make(recipient, diagnostic, smtp_code=local.group(1), reason=reason))
            note = None
            continue
        host = _HOST_LINE.match(line)
        if host and host.group(1)[0] in "45":
            host_errors.append((host.group(2), line))
        elif line:
            note = line  # (what the local delivery agent said, before its recipient's line)
    if found:
        return found
    if not host_errors:
        return None
    # No recipient named: the transcript only says which host failed; the unsent message's To
    # names the recipients.
    remote, diagnostic = host_errors[-1]
    recipients = c.original_recipients(mail, body[unsent.end() :])
    return [c.make(r, diagnostic, reason=reason, remote_mta=remote.lower()) for r in recipients]


inquire = c.detector(_inquire)
