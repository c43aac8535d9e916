"""Sendmail's plain-text returns: the fatal-error list and the session transcript."""

from __future__ import annotations

import re

from parsers.delivery import Delivery
from parsers.lazyre import compile_lazily
from parsers.mail import Mail
from parsers.mta import _common as c

NAME = "Sendmail"
# Prefilter markers (parsers.mta.candidates): the fatal-errors section or the session transcript must be in the report.
MARKERS = (
    "following addresses had",
    "----- transcript of session follows -----",
)

_TRANSCRIPT = "----- Transcript of session follows -----"
_FATAL = compile_lazily(
    r"-----\s*The following addresses had (permanent fatal|transient non-fatal) errors\s*-----", re.I
)
# The line that opens the returned message: "----- Original message follows -----" (after blanks).
# Searched from its dashes (a literal prefix re skips ahead to), the line start checked after: a
# multiline "^[^\S\n]*-----" has no prefix, and re tried it at every position of the text.
_ORIGINAL_DASHES = compile_lazily(
    r"-----\s*(?:Original message follows|Message header follows|Returned message)", re.I
)
_SUBJECT = compile_lazily(
    r"^(?:Returned mail:|Warning: could not send message|Postmaster notify:|"
    r"Undeliverable mail|Returned mail\b)",
    re.I,
)
_WARNING = compile_lazily(r"THIS IS A WARNING MESSAGE ONLY|^Warning: could not send message", re.I | re.M)
_EXPIRED = compile_lazily(r"Cannot send message for \d+|could not be delivered for \d+ ", re.I)
_REASON = compile_lazily(r"^\s*\(reason:\s*(.*)$", re.I)
_EXPANDED = compile_lazily(r"^\s*\(expanded from:\s*<?([^>)]*)>?\)\s*$", re.I)
# 550 5.1.1 <a@b>... User unknown      <a@b>... Deferred: 421
_RCPT_LINE = compile_lazily(
    r"^(?:([245]\d\d)\s+)?(?:[245]\.\d{1,3}\.\d{1,3}\s+)?<?([^\s<>@]+@[^\s<>]+?)>?\.\.\.\s*(.*)$"
)
# A reply naming a local user ("550 jmarsh... User unknown"): sendmail delivering on its own host
# names the user as the fatal-error list does ("jmarsh" over "(expanded from: jmarsh@host)").
_LOCAL_LINE = compile_lazily(r"^[245]\d\d\s+(?:[245]\.\d{1,3}\.\d{1,3}\s+)?<?([^\s<>@]+?)>?\.\.\.\s")


_TRANSCRIPT_END = compile_lazily(r"\n[^\S\n]*-----")
# A local user's name as the fatal-error list prints it: a dot-atom local part (a program "|cmd",
# a file "/path" or an ":include:" list is no mailbox).
_LOCAL_NAME = compile_lazily(r"[A-Za-z0-9!#$%&'*+=?^_`{}~-]+(?:\.[A-Za-z0-9!#$%&'*+=?^_`{}~-]+)*")


def original_line(text: str) -> int:
    """Where the first line that opens with blanks then the returned message's dashed heading starts
    (where the multiline pattern "^, blanks, _ORIGINAL_DASHES" matched before), or -1."""
    found = _ORIGINAL_DASHES.search(text)
    while found is not None:
        at = found.start()
        line = text.rfind("\n", 0, at) + 1
        if line == at or text[line:at].isspace():  # (str.isspace is re's \s; "^" follows "\n" only)
            return line
        found = _ORIGINAL_DASHES.search(text, at + 1)
    return -1


def _fatal_items(section: str) -> list[dict[str, str]]:
    """The fatal-error list's entries: each recipient line (not indented) with the "(reason: ...)"
    and "(expanded from: ...)" lines under it."""
    items: list[dict[str, str]] = []
    for line in section.split("\n"):
        if not line.strip():
            continue
        # (both open on "(": most lines, the recipients themselves, hold none)
        why = _REASON.match(line) if items and "(" in line else None
        expanded = _EXPANDED.match(line) if why is None and items and "(" in line else None
        if why:
            items[-1]["diagnostic"] = why.group(1).rstrip().removesuffix(")")
        elif expanded:
            items[-1]["alias"] = expanded.group(1)
        elif line[:1] not in (" ", "\t"):
            items.append({"target": line.strip()})
    return items


def _quoted_original(body: str, heading_at: int) -> str | None:
    """The returned message quoted in the body: the text after its dashed heading's line."""
    end = body.find("\n", heading_at) if heading_at >= 0 else -1
    return body[end + 1 :] if end >= 0 else None


def _local_user(mail: Mail, name: str, returned: str | None) -> str | None:
    """The address of the local user `name` that a fatal-error list prints with no "(expanded
    from: ...)" under it (sendmail delivering on its own host names the user, not the address):
    the returned original's addressee with that local part, else the name at the reporting host
    (the report's From), which holds the mailbox."""
    if not _LOCAL_NAME.fullmatch(name):
        return None
    wanted = name.lower()
    for one in c.original_recipients(mail, returned):
        if one.rpartition("@")[0].lower() == wanted:
            return one
    return c.at_reporting_host(mail, name)


def _inquire(mail: Mail) -> list[Delivery] | None:
    text = c.before_original(mail)
    body = c.body_text(mail)
    original_at = original_line(body)
    if 0 <= original_at < len(text):
        text = text[:original_at]
    fatal = _FATAL.search(text)
    transcript_at = text.find(_TRANSCRIPT)
    if fatal is None and transcript_at < 0:
        return None
    if (
        not _SUBJECT.search(mail.subject)
        and "MAILER-DAEMON" not in mail.from_.upper()
        and "The original message was received at" not in text
    ):
        return None
    warned = c.report_holds(mail, "this is a warning message only", "warning: could not send message") and (
        _WARNING.search(text) or _WARNING.search(mail.subject)
    )
    action = "delayed" if warned else "failed"
    if fatal is not None and fatal.group(1).lower().startswith("transient"):
        action = "delayed"
    # Only the subject is Sendmail's own verdict; body texts about queue age accompany other errors.
    reason = c.EXPIRED if _EXPIRED.search(mail.subject) else None
    if reason:
        action = "failed"

    transcript = text[transcript_at + len(_TRANSCRIPT) :] if transcript_at >= 0 else ""
    transcript = _TRANSCRIPT_END.split(transcript, maxsplit=1)[0]

    # Recipients with their "(reason: ...)" and "(expanded from: ...)" lines. A program or file
    # ("|/usr/bin/procmail") has no address: the address it was expanded from is the recipient.
    order: dict[str, dict[str, str]] = {}
    # The address each local name in the list was expanded from (by the name, lower case).
    local_names: dict[str, str] = {}
    if fatal is not None:
        section = text[fatal.end() :]
        section = _TRANSCRIPT_END.split(section, maxsplit=1)[0]
        for item in _fatal_items(section):
            address = c.clean_address(item["target"])
            alias = c.clean_address(item.get("alias", ""))
            if address is None:
                address, alias = alias, None
                if not address:
                    address = _local_user(mail, item["target"], _quoted_original(body, original_at))
                if address:
                    local_names[item["target"].lower()] = address
            if address:
                entry = order.setdefault(address, {})
                entry.update({k: v for k, v in item.items() if k == "diagnostic"})
                if alias:
                    entry["alias"] = alias

    # Transcript: the remote host, the last command and replies naming each recipient.
    remote = c.remote_host(transcript)
    command = None
    generic: list[str] = []
    for line in transcript.split("\n"):
        line = line.strip()
        head = line[:4]  # (one slice a line: two str.startswith calls cost twice it)
        if head == ">>> ":
            command = c.smtp_command(line)
            continue
        if head == "<<< ":
            generic.append(line[4:])
            address = c.clean_address(line)
            if address and address in order and "diagnostic" not in order[address]:
                order[address]["diagnostic"] = line[4:]
                order[address].setdefault("command", command or "")
            continue
        rcpt = _RCPT_LINE.match(line) if "..." in line else None  # (it needs the dots: most lines lack them)
        local = _LOCAL_LINE.match(line) if rcpt is None and local_names and "..." in line else None
        if local and local.group(1).lower() in local_names:
            entry = order[local_names[local.group(1).lower()]]
            if not entry.get("diagnostic", "").strip():
                entry["diagnostic"] = line
            entry.setdefault("command", command or "")
            continue
        if rcpt:
            address = rcpt.group(2).strip("<>")
            if address not in order and fatal is None:
                order[address] = {}
            if address in order:
                entry = order[address]
                if "diagnostic" not in entry or entry["diagnostic"].strip() in ("", "421"):
                    entry["diagnostic"] = line
                entry.setdefault("command", command or "")
    if not order:
        # Nothing named in the text: an inline delivery-status block may still name them.
        for inline in c.dsn_fields(body):
            order.setdefault(inline.recipient, {"diagnostic": inline.diagnostic or ""})
    found = []
    for address, entry in order.items():
        diagnostic = entry.get("diagnostic") or " ".join(generic)
        found.append(
            c.make(
                address,
                diagnostic,
                action=action,
                reason=reason,
                remote_mta=remote,
                # Replies without any command sent: the session failed at the greeting.
                command=entry.get("command") or command or ("HELO" if generic else None),
                alias=c.clean_address(entry.get("alias", "")),
            )
        )
    return found


inquire = c.detector(_inquire)
