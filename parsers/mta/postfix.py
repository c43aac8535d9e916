"""Postfix's plain-text bounce and delay notices, and its "errors from" SMTP transcripts."""

from __future__ import annotations

import re

from parsers.delivery import Delivery
from parsers.lazyre import compile_lazily
from parsers.mail import Mail
from parsers.mta import _common as c
from parsers.reasons import is_delay_notice
from parsers.reasons.derive import REPORT_TEXT

NAME = "Postfix"
# Prefilter markers (parsers.mta.candidates): one of its subjects, or its opening line in the report.
MARKERS = (
    "smtp server: errors from",
    "undelivered mail returned to sender",
    "delayed mail (still being retried)",
    "mail system",
    "undeliverable mail",
    "the postfix ",
    "could not be delivered to one or more",
)

_SUBJECTS = compile_lazily(
    r"Undelivered Mail Returned to Sender|Delayed Mail \(still being retried\)|"
    r"SMTP server: errors from|Mail System Error - Returned Mail|Undeliverable mail",
    re.I,
)
_STARTS = compile_lazily(
    r"This is the (?:mail system|Postfix program) at host|^[^\S\n]*The (?:Postfix |mail system\b)"
    r"|could not be delivered to one or more (?:recipients|destinations)",
    re.I | re.M,
)
_WARNING = compile_lazily(r"THIS IS A WARNING (?:MESSAGE )?ONLY|still being retried", re.I)
# <rcpt> (expanded from <alias>): text (a local part Postfix quotes may hold a space: <"john smith"@b>)
_RECIPIENT = compile_lazily(
    r'^<([^<>\s"]*(?:"[^"<>\n]*"[^<>\s"]*)*)>\s*(?:\(expanded\s+from\s+<([^<>]*)>\))?\s*:\s*(.*)$', re.S
)
_UNAVAILABLE = "--- Delivery report unavailable ---"
_TRANSCRIPT_LINE = compile_lazily(r"^\s*(In|Out):\s+(.*)$", re.I)
_REPLY = compile_lazily(r"^([45]\d\d)[ -]")
_RCPT = compile_lazily(r"^RCPT\s+TO:\s*<([^>]+)>", re.I)


def _transcript(mail: Mail) -> list[Delivery]:
    """`Postfix SMTP server: errors from ...`: each recipient of the session with the error that
    followed it (an error after DATA applies to every recipient accepted before it)."""
    lines: list[str] = []
    for line in c.before_original(mail).split("\n"):
        # Every In:/Out: line is indented by one space; deeper indents continue the line before.
        if lines and not _TRANSCRIPT_LINE.match(line) and line[:1] in (" ", "\t") and line.strip():
            lines[-1] += " " + line.strip()
        else:
            lines.append(line)
    entries: list[dict[str, str]] = []
    command = ""
    for line in lines:
        match = _TRANSCRIPT_LINE.match(line)
        if not match:
            continue
        side, value = match.group(1).lower(), match.group(2).strip()
        if side == "in":
            command = value.split()[0].upper() if value.split() else ""
            rcpt = _RCPT.match(value)
            if rcpt:
                entries.append({"recipient": rcpt.group(1)})
            continue
        if not _REPLY.match(value):
            continue
        for entry in entries:
            if "diagnostic" not in entry and (command != "RCPT" or entry is entries[-1]):
                entry["diagnostic"], entry["command"] = value, command
    found = []
    for entry in entries:
        address = c.clean_address(entry["recipient"])
        if address and "diagnostic" in entry:
            found.append(c.make(address, entry["diagnostic"], command=entry["command"] or None))
    return found


def _command(diagnostic: str) -> str | None:
    if "refused to talk to me" in diagnostic:
        # The greeting or HELO was refused: the connection, not the address, was rejected.
        return "HELO"
    return c.smtp_command(diagnostic)


def _entries(body: str) -> list[list[str]]:
    """The recipient paragraphs' lines, stripped: each opens on "<a@b>: text" (or on "<a@b>
    (expanded from" split over two lines), continuation lines indented; an empty list for each
    blank line after the first paragraph opened."""
    # (the lines before the first that opens on "<" open nothing: the loop starts there, a report's
    # preamble is half its lines; one slice a line, where two str.startswith calls cost twice it)
    start = 0 if body[:1] == "<" else body.find("\n<") + 1
    entries: list[list[str]] = []
    if start == 0 and body[:1] != "<":
        return entries
    for line in body[start:].split("\n"):
        first = line[:1]
        if first == "<":
            if "(expanded" in line or _RECIPIENT.match(line.strip()):
                entries.append([line.strip()])
        elif entries:
            stripped = line.strip()
            if not stripped:
                entries.append([])
            elif first in (" ", "\t"):
                entries[-1].append(stripped)
    return entries


_DAEMON = compile_lazily(r"MAILER-DAEMON|Mail Delivery System|postmaster", re.I)


def _inquire(mail: Mail) -> list[Delivery] | None:
    if mail.has_header("X-AOL-IP"):
        return None
    if "SMTP server: errors from" in mail.subject:
        return _transcript(mail)
    text = c.before_original(mail)
    start = _STARTS.search(text)
    daemon = _DAEMON.search(mail.from_)
    if not _SUBJECTS.search(mail.subject) and not (start and daemon):
        return None
    body = text[start.start() :] if start else text
    warned = bool(
        c.report_holds(mail, "this is a warning ", "still being retried")
        and (_WARNING.search(body) or _WARNING.search(mail.subject))
    )
    if (
        not warned
        and not (start and start.group()[:4].lower() == "this")
        and "undelivered mail returned to sender" not in mail.subject.lower()
    ):
        # A translated bounce.cf (Dutch "Dit is het mailsysteem van ...", Italian, Polish ...):
        # no English opening, so no English warning either; the delay template's own sentence
        # ("Dit is enkel een waarschuwing", "QUESTO È SOLO UN AVVISO") as the reason table reads
        # it in that language, in the whole text (the translation keeps only the English
        # signature "The mail system" that _STARTS finds, below the warning). Not under the
        # failure template's own subject, which a site that translates only the text keeps.
        warned = is_delay_notice(mail.subject, text)
    action = "delayed" if warned else "failed"

    found: list[Delivery] = []
    for entry in _entries(body):
        if not entry:
            continue
        match = _RECIPIENT.match(" ".join(entry))
        if not match:
            continue
        address = c.clean_address(match.group(1))
        if not address:
            continue
        diagnostic = match.group(3)
        delivery = c.make(
            address,
            diagnostic,
            action=action,
            alias=c.clean_address(match.group(2) or ""),
            command=_command(diagnostic),
        )
        if " said:" not in diagnostic:
            # Postfix quotes a remote server's answer as "host X said: ..."; anything else is
            # its own word on its own users (local(8)'s "unknown user", a virtual table's miss).
            delivery.diagnostic_type = REPORT_TEXT
        found.append(delivery)
    if found:
        return found
    # A report whose text part is gone but whose delivery-status fields are inline text (an
    # embedded bounce, a report forwarded as text).
    inline = c.dsn_fields(c.body_text(mail))
    if inline:
        return inline
    if _UNAVAILABLE.lower() in body.lower():
        # Postfix lost its log: the returned message's To names the recipients.
        return [c.make(a, _UNAVAILABLE, action=action) for a in c.original_recipients(mail)]
    return []


inquire = c.detector(_inquire)
