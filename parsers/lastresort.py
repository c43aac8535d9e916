"""The recipient extractor of last resort: flufl.bounce's detectors, for a failure report that no
reader of ours explains.

flufl.bounce was written for Mailman's bounce archives: old and hand-written reports without a
DSN part (small ISPs, legacy groupware and relays). It answers with address sets only, split into
temporary (warnings) and permanent failures, and its heuristics can pick up the wrong address.
So it runs only for a message that is a failure report (`fallback.is_failure_report`) in which
our detectors found nobody, on a bounded copy of the message, and what it returns is checked:

- a syntactically valid address, not a daemon (postmaster, mailer-daemon ...);
- not the report's own sender or addressee, nor the returned original's sender;
- written in the report's text (before any copy of the original) or in its X-Failed-Recipients
  header. A bare name the format prints
  (AOL screen names, Yale's user ids), which flufl.bounce completes with a domain, counts when
  the domain is the reporting system's own (that of the report's From).

The reason comes from our reason table, read in the text around the address. A temporary failure
(flufl.bounce's warnings: "no action is required", "delivery attempts will continue") is a delay,
never hard.
"""

from __future__ import annotations

import codecs
import email.utils
import re
from email.message import Message

from parsers import patterncode, reasons
from parsers.attribution import envelope_recipient, list_verp_member, returned_original
from parsers.delivery import Delivery
from parsers.dsn import address, command_in_text, human_text
from parsers.fallback import (
    addressee,
    copy_start,
    explanation,
    failed_addressee,
    is_daemon,
    is_failure_report,
    own_addresses,
)
from parsers.mail import Mail, decode_bytes, decode_header_value
from parsers.mime import parse_bytes
from parsers.reasons.derive import REPORT_TEXT

NAME = "flufl.bounce"
MAX_RECIPIENTS = 50
# What flufl.bounce reads: its detectors scan every body line, some with a dozen patterns each and
# a few with patterns that backtrack on a long line. Old reports are short and name the failed
# address near the top; a bounded copy keeps the cost of a hostile message small.
MAX_BYTES = 32 * 1024
MAX_LINES = 400
MAX_LINE = 128

_VALID = patterncode.compile(
    r"[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
    r"@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})"
)
_LINE_BREAK = re.compile(rb"\r\n|\r|\n")
_HEAD_END = re.compile(rb"\r?\n\r?\n")
_BLANKS = re.compile(rb"[ \t]{2,}")


def inquire(mail: Mail, raw: bytes) -> list[Delivery] | None:
    """The failed recipients flufl.bounce finds in a failure report, checked; or None."""
    if not is_failure_report(mail):
        return None
    temporary, permanent = failures(bounded_copy(raw))
    found = checked(mail, [*permanent, *temporary]) if temporary or permanent else []
    text = _report_text(mail)
    if not found:
        return _verp(mail, text) or _envelope(mail, text) or _sole(mail, text)
    warned = {a.lower() for a in temporary} - {a.lower() for a in permanent}
    # (flufl.bounce's warning detectors read a start line only when no end line follows: "Your
    # message to:" opens Postini's final refusal as it opens MessageSwitch's warning; the report's
    # own text must say that delivery is still being tried)
    if warned and not reasons.is_delay_notice(mail.subject, text):
        warned = set()
    out = []
    for recipient, written in found:
        diagnostic = explanation(text, written, alone=len(found) == 1)
        out.append(
            Delivery(
                recipient=recipient,
                diagnostic=diagnostic,
                smtp_command=command_in_text(diagnostic),
                diagnostic_type=REPORT_TEXT,
                # a warning (the message is still queued) names no bad address: a delay
                action="delayed" if recipient in warned else None,
            )
        )
    return out


def failures(msg: Message) -> tuple[list[str], list[str]]:
    """(temporary, permanent) addresses flufl.bounce reads in `msg`, as text."""
    # (imported on first need: flufl.bounce 15 ms of start-up; logging, which it imports, and with
    # it threading and traceback, a tenth of the process's start-up when this module was loaded)
    import logging

    from flufl.bounce import all_failures

    # It logs every detector it runs (INFO) and the traceback of one that raises before raising
    # again: the parser reports that exception itself, as a defect.
    logging.getLogger("flufl.bounce").setLevel(logging.CRITICAL)
    temporary, permanent = all_failures(msg)
    return _texts(temporary), _texts(permanent)


def _texts(found: frozenset[bytes]) -> list[str]:
    out = []
    for item in sorted(found):
        text = item.decode("ascii", "replace") if isinstance(item, bytes) else str(item)
        out.append(text.strip())
    return out


def bounded_copy(raw: bytes) -> Message:
    """The message as flufl.bounce reads it, within MAX_BYTES, MAX_LINES and MAX_LINE (longer body
    lines are split, runs of blanks made one), parsed by our bounded loader; header values made
    text."""
    raw = raw[:MAX_BYTES]
    breaks = list(_LINE_BREAK.finditer(raw, 0))
    if len(breaks) >= MAX_LINES:
        raw = raw[: breaks[MAX_LINES - 1].end()]
    head = _HEAD_END.search(raw)
    if head is not None:
        # Runs of blanks in the body become one (a leading blank stays one: some formats look for
        # it); a pattern that backtracks over blanks meets no long run of them.
        body = _BLANKS.sub(b" ", raw[head.end() :])
        if any(len(line) > MAX_LINE for line in body.splitlines()):
            body = b"\n".join(line[:MAX_LINE] for line in body.splitlines())
        raw = raw[: head.end()] + body
    msg, _cuts = parse_bytes(raw)
    for part in msg.walk():
        _as_text(part)
        # (the email package decodes a payload in its declared charset and lets a name that is
        # no codec name at all, such as one holding a NUL, raise ValueError)
        charset = part.get_param("charset")
        if isinstance(charset, str) and not _codec(charset):
            part.set_param("charset", "us-ascii")
    # flufl.bounce's Yale detector takes the first of the From's addresses without asking whether
    # there is one (IndexError): a From in which the email package finds none (or none at all)
    # is the null address for it.
    if not email.utils.getaddresses([str(msg.get("From", ""))]):
        del msg["From"]
        msg["From"] = "<>"
    return msg


def _codec(name: str) -> bool:
    try:
        codecs.lookup(name)
    except (LookupError, ValueError):
        return False
    return True


def _as_text(part: Message) -> None:
    """Every header value of `part` as text: flufl.bounce calls str methods on the values, and
    compat32 hands back 8-bit ones as Header objects."""
    items = part.items()
    if all(isinstance(value, str) for _name, value in items):
        return
    for name in {name for name, _value in items}:
        del part[name]
    for name, value in items:
        part[name] = value if isinstance(value, str) else decode_header_value(value)


def _own(mail: Mail) -> set[str]:
    """The report's own sender and addressees, its mbox sender and the returned original's sender."""
    out = own_addresses(mail)
    unixfrom = mail.message.get_unixfrom() or ""
    senders = [unixfrom[5:].split(" ", 1)[0]] if unixfrom.startswith("From ") else []
    if mail.original is not None:
        for name in ("From", "Sender", "Return-Path"):
            value = mail.original.get(name)
            if value is not None:
                senders.append(decode_header_value(value))
    out.update(a for a in map(address, senders) if a)
    return out


def checked(mail: Mail, candidates: list[str]) -> list[tuple[str, str]]:
    """The candidates that pass the checks (module docstring), each with the form written in the
    report (the address, or the bare name a format prints)."""
    # (X-Failed-Recipients is the report's own list of failed addresses: written in the report)
    report = _report_text(mail)
    text = "\n".join([report, *mail.headers("X-Failed-Recipients")]).lower()
    own = _own(mail)
    if ":" in report or "\uff1a" in report:
        own.update(a for line in _SENDER_LABELLED.findall(report) for a in map(address, line.split(",")) if a)
    reporter = address(mail.from_) or ""
    reporter_domain = reporter.partition("@")[2]
    out: list[tuple[str, str]] = []
    seen: set[str] = set()
    for candidate in candidates:
        a = candidate.strip().strip("<>").lower()
        if a in seen or len(out) >= MAX_RECIPIENTS:
            continue
        seen.add(a)
        if not _VALID.fullmatch(a) or is_daemon(a) or a in own:
            continue
        local, _, domain = a.partition("@")
        if _written(text, a):
            out.append((a, a))
        elif reporter_domain and _same_or_parent(reporter_domain, domain) and _written(text, local):
            out.append((a, local))
    return out


# A line of the report that labels the sender of the returned message ("Sender Address: a@b" in
# Office 365's details, "Absender: a@b", "发件人：a@b"): the sender's address is no recipient, though
# it may be the only address the report's text writes.
_SENDER_LABELLED = patterncode.compile(
    r"(?im)^[ \t>*\-]{0,8}(?:(?:original )?sender(?: address)?|from|absender|exp(?:é|e)diteur|remitente"
    r"|mittente|afzender|remetente|avsändare|afsender|avsender|nadawca|odesílatel|отправитель"
    r"|发[ \u3000]{0,2}件[ \u3000]{0,2}人|寄件者|差出人|送信者|보낸 ?사람|발신자)[ \t]*[:：][ \t]*([^\n]{1,400})$"
)


def _same_or_parent(host: str, domain: str) -> bool:
    return host == domain or host.endswith("." + domain)


def _written(text: str, word: str) -> bool:
    """Whether `word` occurs in `text` as a whole address or name (not inside a longer one)."""
    pos = text.find(word)
    while pos >= 0:
        before = text[pos - 1] if pos > 0 else " "
        end = pos + len(word)
        after = text[end] if end < len(text) else " "
        # (an X.400 address names its SMTP form after "SMTP=": Exchange 5.5 writes the failed
        # recipient as "c=US;a= ;p=Org;dda:SMTP=user@host;")
        outside = not _address_char(before) or text.endswith("smtp=", 0, pos)
        if outside and not (_address_char(after) and after != "."):
            return True
        pos = text.find(word, pos + 1)
    return False


def _address_char(char: str) -> bool:
    return char.isalnum() or char in "._%+-@="


# X.400 gateways write an Internet address inside an O/R address as its RFC-822 domain-defined
# attribute, in RFC 1327's escapes for the characters X.400 cannot carry, "(a)" for "@"
# ("Recipient: /DDA.RFC-822=anna.berg(a)post.example/O=telia/C=se/"): the address it stands for.
_RFC822_DDA = patterncode.compile(r"(?i)\brfc-?822=([^\s/;=()]{1,64})\(a\)([a-z0-9][a-z0-9.-]{0,252})")


def _report_text(mail: Mail) -> str:
    """The report's own text: before the returned original and any copy of it, an X.400 O/R
    address's Internet address written out (_RFC822_DDA). (A message whose MIME structure hid its
    text from the loader is read from its raw payloads.)"""
    cached = mail.memo.get("report_text")
    if cached is not None:
        return cached
    text = human_text(mail)
    if not text.strip():
        chunks = []
        for part in list(mail.message.walk())[:16]:
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes):
                chunks.append(decode_bytes(payload[:MAX_BYTES]))
        text = "\n".join(chunks).replace("\r\n", "\n").replace("\r", "\n")
    text = text[:MAX_BYTES]
    copy = copy_start(text)
    if copy:
        text = text[:copy]
    if "(a)" in text or "(A)" in text:
        text = _RFC822_DDA.sub(r"RFC-822= \1@\2", text)
    mail.memo["report_text"] = text
    return text


_ENVELOPE_HEADERS = ("To", "Delivered-To", "X-Original-To", "Envelope-To")


def verp_recipient(mail: Mail) -> str | None:
    """The member address a list manager's VERP return path encodes, from the report's envelope
    recipient headers, or None."""
    for name in _ENVELOPE_HEADERS:
        for value in mail.headers(name)[:4]:
            candidate = list_verp_member(address(value) or "")
            if candidate is not None and _VALID.fullmatch(candidate) and not is_daemon(candidate):
                return candidate
    return None


def _envelope(mail: Mail, text: str) -> list[Delivery] | None:
    """A failure report that names its recipient only by an account name (Jetmail, GroupWise:
    "account=jdoe"), with the returned original's headers: the address the original's last hop
    was delivering to failed, for the reason the report's text gives."""
    original = returned_original(mail)
    recipient = envelope_recipient(original) if original is not None else None
    if not recipient or not _VALID.fullmatch(recipient.lower()) or is_daemon(recipient.lower()):
        return None
    if recipient.lower() in {a.lower() for a in own_addresses(mail)}:
        return None
    return _failed(recipient, text[: copy_start(text)])


def _verp(mail: Mail, text: str) -> list[Delivery] | None:
    """A failure report that names nobody, returned to a list's VERP address: the member it
    encodes failed, for the reason the report's text gives."""
    recipient = verp_recipient(mail)
    if recipient is None:
        return None
    return _failed(recipient, text)


# Any address as a report writes it (the checks in `checked` decide whether it can be a recipient).
_WRITTEN_ADDRESS = patterncode.compile(r"[A-Za-z0-9!#$%&*+/=?^_`{|}~.'-]{1,64}@[A-Za-z0-9.-]{1,253}")
MAX_SOLE_CANDIDATES = 20
_CONTACTS = frozenset(
    {
        "help",
        "helpdesk",
        "support",
        "admin",
        "administrator",
        "webmaster",
        "hostmaster",
        "security",
        "noc",
        "info",
    }
)


def _sole(mail: Mail, text: str) -> list[Delivery] | None:
    """A failure report in a format no reader knows (the groupware and gateways of the 1990s:
    CompuServe's "Receiver not found: a@b", smap's "Rejected-For: a@b,", "The following recipients
    haven't received this message:" over an indented address) whose own text names one address
    only, beside its own, the returned original's sender and the daemons: that address failed, for
    the reason the text gives. Two or more leave it unexplained: which one failed is a guess."""
    report = text[: copy_start(text)][:8000]
    failed = failed_addressee(report)
    if failed is not None and failed == address(mail.from_):
        # (the full mailbox's own notice, sent from its address: "Your message to a@b could not
        # be delivered", from a@b; its own address is otherwise no recipient, `checked`)
        return _failed(failed, report)
    written = [m.group(0).strip(".'") for m in _WRITTEN_ADDRESS.finditer(report)]
    # (a help desk the report asks the sender to write to is no recipient of the message, unless
    # the report names it as the one our message was addressed to: "Your message to support@b ...")
    addressed = addressee(report.lower())
    named = addressed.group(1).lower() if addressed is not None else None
    written = [a for a in written if a.split("@", 1)[0].lower() not in _CONTACTS or a.lower() == named]
    found = checked(mail, written[:MAX_SOLE_CANDIDATES])
    if len(found) != 1:
        return None
    return _failed(found[0][0], report)


def _failed(recipient: str, report: str) -> list[Delivery]:
    """`recipient` failed, for the reason the report's text (its first 1,000 characters, spaces
    folded) gives."""
    diagnostic = " ".join(report.split())[:1000] or None
    return [
        Delivery(
            recipient=recipient,
            diagnostic=diagnostic,
            smtp_command=command_in_text(diagnostic),
            diagnostic_type=REPORT_TEXT,
        )
    ]
