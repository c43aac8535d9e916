"""MDaemon's (and its SecurityGateway's) Delivery Status Notification in plain text.

    The attached message had PERMANENT fatal delivery errors!
    ...
    Failed address: a@b                                   (SecurityGateway; MDaemon omits it)
    --- Session Transcript ---
     Tue 2018-09-11 12:22:04: *  To: a@b                  (the queued message's envelope)
     Tue 2018-09-11 12:22:04: --> RCPT To:<a@b>
     Tue 2018-09-11 12:22:05: <-- 550 5.1.1 <a@b>: Recipient address rejected: User unknown
     Tue 2018-09-11 12:22:05: *  Name server reports domain name unknown   (its own verdict)
    --- End Transcript ---

The failed recipient is named by the "Failed address:" line, else by the transcript's RCPT
commands, else by the message summary's "*  To:" line: a report that failed before any SMTP
session (the recipient's domain did not resolve) names it only there. The cause is the last
4xx/5xx reply in the transcript, else MDaemon's own last "*" line. Its warning of a temporary
failure ("has encountered temporary delivery problems") is a delay notice that the generic
readers already take as one: only the final report is read here.
"""

from __future__ import annotations

import re

from parsers.delivery import Delivery
from parsers.lazyre import compile_lazily
from parsers.mail import Mail
from parsers.mta import _common as c

NAME = "MDaemon"
# Prefilter markers (parsers.mta.candidates): the final report's own sentence.
MARKERS = ("permanent fatal delivery errors",)

_FINAL = "PERMANENT fatal delivery errors"
_TRANSCRIPT = "--- Session Transcript ---"
_FAILED_ADDRESS = compile_lazily(r"^Failed address:\s*(\S+)", re.M)
# A transcript line: its time stamp ("Tue 2018-09-11 12:22:04: "), then "--> " (a command sent),
# "<-- " (a reply read) or "*  " (MDaemon's own note).
_STAMP = compile_lazily(r"^\s*(?:\w{3} )?\d{4}-\d\d-\d\d \d\d:\d\d:\d\d:\s?")
_RCPT = compile_lazily(r"^--> RCPT TO:\s*<([^>\s]+)>", re.I)
_REPLY = compile_lazily(r"^<-- ([45]\d\d\b.*)")
# The summary's "*  To: a@b" line (the summary's other lines are "Label: value" as well).
_SUMMARY_TO = compile_lazily(r"^\*\s+To:\s*(\S+)")
_SUMMARY_FIELD = compile_lazily(r"^\*\s+[A-Za-z][A-Za-z -]{0,30}(?: \(\w+\))?:\s")


def _inquire(mail: Mail) -> list[Delivery] | None:
    text = c.before_original(mail)
    if _FINAL not in text:
        return None
    addresses = [a for m in _FAILED_ADDRESS.finditer(text) if (a := c.clean_address(m.group(1)))]
    transcript = c.after(text, _TRANSCRIPT) or ""
    refused: dict[str, str] = {}  # a RCPT the server refused -> its reply
    rcpt: list[str] = []
    summary_to: list[str] = []
    reply: str | None = None
    note: str | None = None
    command: str | None = None
    last_command: str | None = None
    for raw in transcript.split("\n")[:400]:
        line = _STAMP.sub("", raw, count=1).strip()
        if line.startswith("--> "):
            verb = line[4:].split(" ", 1)[0].split(":", 1)[0].upper()
            last_command = "HELO" if verb == "EHLO" else verb
            if (m := _RCPT.match(line)) and (a := c.clean_address(m.group(1))):
                rcpt.append(a)
        elif (m := _REPLY.match(line)) is not None:
            reply, command = m.group(1), last_command
            if last_command == "RCPT" and rcpt:
                refused[rcpt[-1]] = reply
        elif (m := _SUMMARY_TO.match(line)) is not None:
            if a := c.clean_address(m.group(1)):
                summary_to.append(a)
        elif line.startswith("*") and not _SUMMARY_FIELD.match(line):
            note = line.lstrip("* ")
    if refused and not addresses:
        return [c.make(a, r, command="RCPT") for a, r in refused.items()]
    recipients = addresses or rcpt or summary_to
    if not recipients:
        return None
    if reply is None:
        return [c.make(a, note) for a in dict.fromkeys(recipients)]
    return [c.make(a, reply, command=command) for a in dict.fromkeys(recipients)]


inquire = c.detector(_inquire)
