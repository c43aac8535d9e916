"""Shared helpers for the text-format detectors: body cutting, addresses, codes, folding."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable

from parsers.casefold import fold_case
from parsers.delivery import Delivery
from parsers.dsn import UTF8_ADDRESS_CHAR
from parsers.dsn import address as field_address
from parsers.lazyre import compile_lazily
from parsers.mail import ORIGINAL_MARKER, Mail, payload_text
from parsers.reasons.codes import *  # noqa: F403 (re-exported for the detectors: c.USER_UNKNOWN)
from parsers.reasons.codes import EXPIRED

Inquire = Callable[[Mail], "list[Delivery] | None"]

MAX_RECIPIENTS = 500
# Report lines are short; longer lines are cut so that no pattern works on unbounded input.
MAX_LINE = 2000

_LOCAL = r"A-Za-z0-9!#$%&'*+/=?^_`{|}~.\-"
# The characters _LOCAL's class matches, for str.rstrip.
_LOCAL_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#$%&'*+/=?^_`{|}~.-"
# A match may only start where a local part starts: keeps a scan over a long run of local-part
# characters linear. A malformed domain ("example..com") is taken as written: stopping at the
# doubled dot would turn it into a different, valid-looking address ("jane@example").
_ADDR = r"(?<![" + _LOCAL + r"])[" + _LOCAL + r"]+@[A-Za-z0-9\-]+(?:\.+[A-Za-z0-9\-]+)*"
ANGLE_ADDRESS_RE = compile_lazily(r"<\s*(" + _ADDR + r")\s*>")
# _ADDR from its "@" on (see address_span): re skips ahead to an "@", where _ADDR, opening on a
# look-behind, had re start a match at every character (~250 instructions each).
_AT_DOMAIN = compile_lazily(r"@(?<=[" + _LOCAL + r"]@)[A-Za-z0-9\-]+(?:\.+[A-Za-z0-9\-]+)*")
# (opening on the dot after the class digit, the digit and what precedes it a look-behind: re skips
# ahead to a dot, where a pattern opening on [245] had re test that class at every character. The
# match starts at the dot, one after the digit it stood for: only the groups are read)
STATUS_RE = compile_lazily(r"\.(?<=(?<![\d.])([245])\.)(\d{1,3})\.(\d{1,3})(?![\d.]*\d)")
SMTP_CODE_RE = compile_lazily(r"([245](?<![\d.\-][245])[0-7]\d)(?=[ \-]|$)")

# "host mx.example.jp[192.0.2.1] said:", "remote host 192.0.2.1 said:", "host X [ip]:".
_RHOST_PATTERNS = (
    # (\bhost, \bServer, \bserver with the \b after the first letter, as in _COMMAND_PATTERNS: each
    # branch opens on a literal, so re skips ahead to an h or an s instead of trying every position)
    compile_lazily(
        r"(?:h(?<!\wh)ost|S(?<!\wS)erver|s(?<!\ws)erver)\s+([A-Za-z0-9][A-Za-z0-9.\-]*)\s*\[[0-9A-Fa-f.:]+\]"
    ),
    # (the others with the \b after their first word, a look-behind: re skips ahead to the word)
    compile_lazily(r"host(?<!\whost)\s+([A-Za-z0-9][A-Za-z0-9.\-]*)\s+said:"),
    compile_lazily(r"while(?<!\wwhile) talking to\s+([A-Za-z0-9][A-Za-z0-9.\-]*?)\.?:"),
    compile_lazily(r"^([A-Za-z0-9][A-Za-z0-9.\-]*)\s+\[[0-9A-Fa-f.:]+\]\s+did not like", re.M),
    compile_lazily(r"remote(?<!\wremote) host\s+([0-9A-Za-z][0-9A-Za-z.\-:]*)\s+said\b"),
    compile_lazily(r"Connected(?<!\wConnected) to\s+([0-9A-Za-z][0-9A-Za-z.\-:]*[0-9A-Za-z])\s+but\b"),
)
# Literal text each pattern above needs (case-sensitive patterns): the search is skipped without
# it, which keeps a diagnostic that names no host cheap. (One string each, in one flat loop with its
# pattern: an inner loop over a tuple of needs per pattern cost ~1.2 k instructions a diagnostic.)
_RHOST_NEEDS = ("[", "said:", "while talking to", "did not like", "remote host", "Connected to")
_RHOST = tuple(zip(_RHOST_NEEDS, _RHOST_PATTERNS, strict=True))

# The SMTP command a reply answered, as formats phrase it, in any case: searched in the text folded
# by fold_case.
_COMMAND_PATTERNS = (
    compile_lazily(r"in reply to (?:end of )?(rcpt|mail|data|helo|ehlo|rset|quit)\b"),
    compile_lazily(r"after (?:end of |pipelined )?(rcpt|mail|data|helo|ehlo)\b"),
    compile_lazily(r"did not like our (?:final )?(rcpt|mail|data|helo|ehlo)\b"),
    compile_lazily(r"s(?<!\ws)mtp:(rcpt|mail|data|helo|ehlo)\b"),  # (\b before s: re skips ahead to an s)
    compile_lazily(r">>> (rcpt|mail|data|helo|ehlo)\b"),
    compile_lazily(r"most progress was (rcpt|mail|data) "),
)
# Literal text each pattern above needs, with its pattern (paired once: zip(..., strict=True) made
# per diagnostic cost more than the loop's tests).
_COMMAND_NEEDS = ("in reply to ", "after ", "did not like our ", "smtp:", ">>> ", "most progress was ")
_COMMAND = tuple(zip(_COMMAND_NEEDS, _COMMAND_PATTERNS, strict=True))


def detector(func: Inquire) -> Inquire:
    """Wrap an inquire function so that it never returns an empty list nor too many recipients.
    (An exception is left to `parsers.parse`, which reports it: a bug is not "not my format".)"""

    @functools.wraps(func)
    def bounded(mail: Mail) -> list[Delivery] | None:
        found = func(mail)
        return found[:MAX_RECIPIENTS] if found else None

    return bounded


def sweep(text: str) -> str:
    """Whitespace collapsed to single spaces, ends trimmed."""
    # (str.split splits on exactly the characters \s matches: same result, no regex)
    return " ".join(text.split())


def cut_at(text: str, *markers: str | re.Pattern[str]) -> str:
    """Text before the earliest of the markers (strings or compiled patterns)."""
    end = len(text)
    for marker in markers:
        if isinstance(marker, str):
            pos = text.find(marker)
        else:
            found = marker.search(text)
            pos = found.start() if found else -1
        if 0 <= pos < end:
            end = pos
    return text[:end]


def body_text(mail: Mail) -> str:
    """`mail.text`, or when it is empty the raw payloads of the parts (a broken MIME structure,
    such as a multipart whose boundary parameter was not folded into its header, hides the text
    from the loader)."""
    cached = mail.memo.get("body_text")
    if cached is None:
        cached = mail.memo["body_text"] = _body_text(mail)
    return cached


def _body_text(mail: Mail) -> str:
    text = mail.text
    if not text.strip():
        chunks: list[str] = []
        for part in mail.message.walk():
            try:
                payload = part.get_payload()
            except ValueError:
                # (8-bit text under a charset name holding a NUL: the stdlib decodes the stored text
                # again with that name, and the codec lookup raises; our decoder falls back)
                payload = payload_text(part)
            if isinstance(payload, str):
                chunks.append(payload)
            if len(chunks) > 64:
                break
        text = "\n".join(chunks).replace("\r\n", "\n").replace("\r", "\n")[: 256 * 1024]
    if len(text) > MAX_LINE and max(map(len, text.split("\n"))) > MAX_LINE:
        text = "\n".join(line[:MAX_LINE] for line in text.split("\n"))
    return text


def before_original(mail: Mail, *markers: str | re.Pattern[str]) -> str:
    """The human-readable report: the body text up to the attached original or a format's marker."""
    if not markers:
        cached = mail.memo.get("before_original")
        if cached is None:
            cached = mail.memo["before_original"] = cut_at(body_text(mail), ORIGINAL_MARKER)
        return cached
    return cut_at(body_text(mail), ORIGINAL_MARKER, *markers)


def report_cut_at(mail: Mail, *folded_markers: re.Pattern[str]) -> str:
    """The report text before the original (`before_original(mail)`) cut where the first of some
    lower-case patterns, searched case-sensitively in its folded form (the haystack's tail), first
    matches: case-blind markers without re's slow case-blind search nor a second folding. A line
    start in a pattern is a look-behind for a line feed ("(?<![^\\n])"): the haystack joins the
    report on one, as "^" (re.M) matched at the report's start. Only for markers that cannot run
    into the original's marker line (ORIGINAL_MARKER): before_original(mail, marker) searched the
    whole body."""
    text = before_original(mail)
    folded = haystack(mail)
    offset = len(folded) - len(text)  # (fold_case maps one character to one)
    end = len(folded)
    for marker in folded_markers:
        found = marker.search(folded, offset)
        if found is not None and found.start() < end:
            end = found.start()
    return text[: end - offset]


def heading(mail: Mail) -> str:
    """What the heading markers are looked for in: the subject and the From, lower-cased (computed
    once per message; a short text, where the report text may run to pages)."""
    cached = mail.memo.get("heading")
    if cached is None:
        cached = mail.memo["heading"] = fold_case(mail.subject + "\n" + mail.from_)
    return cached


def haystack(mail: Mail) -> str:
    """What the markers are looked for in: the subject, the From and the report text before the
    attached original, lower-cased (computed once per message)."""
    cached = mail.memo.get("haystack")
    if cached is not None:
        return cached
    text = mail.memo["haystack"] = fold_case("\n".join((mail.subject, mail.from_, before_original(mail))))
    return text


def report_holds(mail: Mail, *phrases: str) -> bool:
    """Whether the subject, the From or the report text before the original holds one of the
    lower-case `phrases` in any case, as re.IGNORECASE compares letters: a cheap necessary test
    before a case-insensitive search (slow in Python's re) for a pattern that contains one."""
    hay = haystack(mail)
    # (a plain loop: any() made a generator per call, left suspended at a phrase found)
    for phrase in phrases:  # noqa: SIM110
        if phrase in hay:
            return True
    return False


def after(text: str, marker: str | re.Pattern[str]) -> str | None:
    """Text after the first occurrence of the marker, or None when it is absent."""
    if isinstance(marker, str):
        pos = text.find(marker)
        return None if pos < 0 else text[pos + len(marker) :]
    found = marker.search(text)
    return None if found is None else text[found.end() :]


def clean_address(value: str) -> str | None:
    """One address from a fragment such as `<a@b>`, `rfc822; a@b`, `"a@b"`; None when none."""
    value = value.strip()
    if value.lower().startswith("rfc822;"):
        value = value[7:]
    if '"@' in value:
        # a quoted local part (RFC 5321: `"john smith"@b.example`), as Postfix, Exim and Sendmail
        # write one; a local-part character neither opens nor closes it
        return field_address(value)
    angled = ANGLE_ADDRESS_RE.search(value)
    if angled:
        return angled.group(1).strip(".")
    span = address_span(value, _AT_DOMAIN)
    if span is None:
        return None
    address = _unquoted(value, *span)
    return address if "@" in address and not address.endswith("@") else None


def at_reporting_host(mail: Mail, name: str) -> str | None:
    """The mailbox of a local user a report names by login alone (a mailer delivering on its own
    host prints "wgray... User unknown"): the name at the domain of the host that reports it, the
    report's From; None when the From holds no address."""
    reporter = clean_address(mail.from_)
    return f"{name}@{reporter.rpartition('@')[2]}" if reporter else None


def address_span(text: str, at_domain: re.Pattern[str], pos: int = 0) -> tuple[int, int] | None:
    """Where the first address from `pos` on is in the text: start and end, as the search of a
    pattern `(?<![L])[L]+@DOMAIN` from `pos` finds it ([L] = a local-part character, _LOCAL_CHARS),
    given `@(?<=[L]@)DOMAIN` as at_domain.

    The local part is the whole run of local-part characters before the "@" ("@" is not one of
    them, so no run crosses one): found by str.rstrip, it must start at or after `pos`. A text
    past ASCII may hold internationalised addresses as well (see _utf8_address_span)."""
    if not text.isascii():
        return _utf8_address_span(text, at_domain, pos)
    lo = pos
    while True:
        found = at_domain.search(text, lo)
        if found is None:
            return None
        at = found.start()
        start = lo + len(text[lo:at].rstrip(_LOCAL_CHARS))
        # (the run may go on before `pos`, where no match may start: then this "@" has none)
        if start < at and (start > pos or pos == 0 or text[pos - 1] not in _LOCAL_CHARS):
            return start, found.end()
        lo = at + 1


# RFC 6531 (SMTPUTF8) lets a local part and a domain (as U-labels) hold characters past ASCII.
_UTF8_LETTER = compile_lazily(UTF8_ADDRESS_CHAR)
_UTF8_LABEL = r"(?:[A-Za-z0-9\-]|" + UTF8_ADDRESS_CHAR + ")+"
_UTF8_AT_DOMAIN = compile_lazily("@" + _UTF8_LABEL + r"(?:\.+" + _UTF8_LABEL + ")+")
# Letters of the scripts written with spaces between words (Latin past ASCII, Greek, Cyrillic): one
# of them next to an ASCII address belongs to it ("jörg@b.example" is not "rg@b.example"). A CJK
# character next to one is the sentence around it ("宛先kijitora@example.jpは存在しません").
_SPACED_SCRIPT_FIRST, _SPACED_SCRIPT_LAST = "\u00c0", "\u052f"


def _address_letter(ch: str) -> bool:
    """Whether `ch` may be in an internationalised address (an ASCII local-part character or a
    letter past ASCII)."""
    return ch in _LOCAL_CHARS or (ch > "\x7f" and _UTF8_LETTER.match(ch) is not None)


def _spaced_script(ch: str) -> bool:
    return _SPACED_SCRIPT_FIRST <= ch <= _SPACED_SCRIPT_LAST and ch not in "\u00d7\u00f7"


def _utf8_address_span(text: str, at_domain: re.Pattern[str], pos: int) -> tuple[int, int] | None:
    """address_span in a text past ASCII: at each "@" from `pos` on, the address at_domain and the
    ASCII local part read (as in an ASCII text), widened over the letters of a spaced script that
    touch it; where they read none, an internationalised one (a local part and a dotted domain of
    _address_letter's characters, one of them past ASCII)."""
    at = text.find("@", pos)
    while at >= 0:
        found = at_domain.match(text, at)
        if found is not None:
            start = pos + len(text[pos:at].rstrip(_LOCAL_CHARS))
            if start < at and (start > pos or pos == 0 or text[pos - 1] not in _LOCAL_CHARS):
                end = found.end()
                if start > pos and _spaced_script(text[start - 1]):
                    while start > pos and _address_letter(text[start - 1]):
                        start -= 1  # (the whole local part: "jörg", "müller")
                if end < len(text) and _spaced_script(text[end]):
                    wide = _UTF8_AT_DOMAIN.match(text, at)  # ("info@bücher.example")
                    end = wide.end() if wide is not None else end
                return start, end
        start = at
        while start > pos and _address_letter(text[start - 1]):
            start -= 1
        if start < at and (start > pos or pos == 0 or not _address_letter(text[pos - 1])):
            wide = _UTF8_AT_DOMAIN.match(text, at)
            if wide is not None and not text[start : wide.end()].isascii():
                return start, wide.end()
        at = text.find("@", at + 1)
    return None


def _unquoted(text: str, start: int, end: int) -> str:
    """The address matched, without the single quotes that Exchange 5.5 and Notes put around it
    ("'ann@example.org' on 6/13/00"): a quote is a local-part character, but one that closes
    right after the domain opened the address, it is not part of it."""
    address = text[start:end].strip(".")
    if address.startswith("'") and text.startswith("'", end):
        address = address.lstrip("'")
    return address


def find_addresses(text: str) -> list[str]:
    """Every address in the text, in order, without repeats."""
    seen: dict[str, None] = {}
    span = address_span(text, _AT_DOMAIN)
    while span is not None:
        address = _unquoted(text, *span)
        if "@" in address and not address.endswith("@"):
            seen.setdefault(address, None)
        span = address_span(text, _AT_DOMAIN, span[1])
    return list(seen)


def find_status(text: str) -> str | None:
    """The first RFC 3463 enhanced status code in the text (5.1.1, 4.4.7)."""
    found = STATUS_RE.search(text)
    if not found:
        return None
    klass, subject, detail = found.groups()
    if int(subject) > 7:
        return None
    return f"{klass}.{int(subject)}.{int(detail)}"


def find_smtp_code(text: str) -> str | None:
    """The first SMTP reply code (550, 421) in the text."""
    # (a code opens on a 2, 4 or 5: a text without one is not searched, where re tested each
    # of its characters against the first class)
    if "5" in text or "4" in text or "2" in text:
        found = SMTP_CODE_RE.search(text)
        return found.group(1) if found else None
    return None


def remote_host(text: str) -> str | None:
    """The remote MTA named in a diagnostic ("host X said:", "while talking to X:")."""
    text = text[:8000]  # it is named early; a long transcript need not be scanned to its end
    for needs, pattern in _RHOST:
        if needs in text:
            found = pattern.search(text)
            if found:
                return found.group(1).rstrip(".").lower()
    return None


def smtp_command(text: str) -> str | None:
    """The SMTP command a rejection answered, when the text says (RCPT, MAIL, DATA, HELO)."""
    text = text[:8000]
    folded = fold_case(text)
    for needs, pattern in _COMMAND:
        if needs not in folded:
            continue
        found = pattern.search(folded)
        if found:
            command = text[found.start(1) : found.end(1)].upper()  # (the command as the text writes it)
            return "HELO" if command == "EHLO" else command
    return None


def fold(lines: Iterable[str]) -> list[str]:
    """Join continuation lines (starting with white space) onto the line before them."""
    out: list[str] = []
    for line in lines:
        if out and line[:1] in (" ", "\t") and line.strip():
            out[-1] = out[-1].rstrip() + " " + line.strip()
        else:
            out.append(line.rstrip())
    return out


_BLANK_LINE = compile_lazily(r"\n[ \t]*\n")


def paragraphs(text: str) -> list[str]:
    """Blocks of text separated by blank lines, each with its lines kept."""
    return [block for block in _BLANK_LINE.split(text) if block.strip()]


def make(
    recipient: str,
    diagnostic: str | None,
    *,
    action: str = "failed",
    reason: str | None = None,
    status: str | None = None,
    smtp_code: str | None = None,
    remote_mta: str | None = None,
    command: str | None = None,
    alias: str | None = None,
) -> Delivery:
    """A Delivery whose codes, remote host and command are read from the diagnostic if not given."""
    text = sweep(diagnostic) if diagnostic else ""
    if action == "delayed" and reason is None:
        # A notice that the message is still queued states no final cause: the delay is the
        # reason (the remote's temporary reply is kept in the diagnostic).
        reason = EXPIRED
    return Delivery(
        recipient=recipient,
        status=status or (find_status(text) if text else None),
        smtp_code=smtp_code or (find_smtp_code(text) if text else None),
        diagnostic=text or None,
        remote_mta=remote_mta or (remote_host(text) if text else None),
        action=action,
        reason=reason,
        alias=alias,
        smtp_command=command or (smtp_command(text) if text else None),
    )


_TO = compile_lazily(r"^To:[ \t]*(.*(?:\n[ \t].*)*)", re.I | re.M)


def original_recipients(mail: Mail, returned: str | None = None) -> list[str]:
    """Addresses in the returned original's To header (a last-resort recipient source).

    `returned` is the text after a format's own "returned message" marker, for formats that
    quote the original as plain text rather than attaching it.
    """
    if mail.original is not None and mail.original_header("To"):
        return find_addresses(mail.original_header("To"))
    if returned:
        head = _BLANK_LINE.split(returned.lstrip("\n"), maxsplit=1)[0][:16000]
        to = _TO.search(head)
        if to:
            return find_addresses(to.group(1))
    return []


_DSN_FIELD = compile_lazily(
    r"^(Final-Recipient|Original-Recipient|X-Actual-Recipient|Action|Status|Remote-MTA|"
    r"Diagnostic-Code)\s*:\s*(.*)$",
    re.I,
)


def dsn_fields(text: str) -> list[Delivery]:
    """RFC 3464 per-recipient fields written as plain text (an embedded or inline report).

    Each Final-Recipient starts a new recipient; fields are read until the next one.
    """
    found: list[Delivery] = []
    current: dict[str, str] = {}

    def flush() -> None:
        # Some reports carry only Original-Recipient (McAfee appliances).
        address = clean_address(current.get("final-recipient", "")) or clean_address(
            current.get("original-recipient", "")
        )
        if not address:
            return
        diagnostic = current.get("diagnostic-code", "")
        if ";" in diagnostic[:12]:
            diagnostic = diagnostic.split(";", 1)[1]
        remote = current.get("remote-mta", "")
        if ";" in remote:
            remote = remote.split(";", 1)[1]
        action = current.get("action", "failed").split()[0].lower() if current.get("action") else "failed"
        status = find_status(current.get("status", ""))
        found.append(
            make(
                address,
                diagnostic,
                action=action,
                status=status,
                remote_mta=remote.strip().lower() or None,
                alias=clean_address(current.get("original-recipient", "")),
            )
        )

    for line in fold(text.split("\n")):
        if ":" not in line:  # (a field line holds a colon: a line without one is not matched)
            continue
        field = _DSN_FIELD.match(line.strip())
        if not field:
            continue
        name, value = field.group(1).lower(), field.group(2).strip()
        if (name == "final-recipient" and "final-recipient" in current) or (
            # Original-Recipient normally opens a block; right after a Final-Recipient it belongs to it.
            name == "original-recipient"
            and ("original-recipient" in current or ("final-recipient" in current and "action" in current))
        ):
            flush()
            current = {}
        current[name] = value
    flush()
    return found
