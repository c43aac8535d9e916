"""RFC 3464 / RFC 6533 delivery status notifications: per-message fields and per-recipient blocks.

Each recipient block is read on its own, so a recipient is never paired with another's
Diagnostic-Code. The same reader serves DSN-like field blocks that some MTAs paste into a plain
text body (`inquire_text`), as a general fallback.
"""

from __future__ import annotations

import functools
import re

from parsers import patterncode
from parsers.casefold import fold_case
from parsers.delivery import Delivery
from parsers.mail import DSN_RECIPIENT_FIELD, ORIGINAL_MARKER, Mail
from parsers.reasons import ON_HOLD, ascii_codes, match_text, reply_code_in_text, status_in_text, valid_status
from parsers.values import Value

MAX_BLOCKS = 512
MAX_FIELD_CHARS = 4096

_FIELD = patterncode.compile(r"([A-Za-z][A-Za-z0-9-]{0,60})[ \t]*:[ \t]*(.*)")
_STATUS_VALUE = patterncode.compile(r"([245])\.(\d{1,3})\.(\d{1,3})")
# A character of an unquoted local part or domain.
_ADDRESS_CHAR = r"""[^\s<>()\[\],;:"'`@]"""
# A character past ASCII that an internationalised address (RFC 6531: a UTF-8 local part, a domain
# of U-labels) may hold: any but a space or a punctuation mark (Latin-1's signs, the general and
# CJK punctuation blocks, the full-width forms of ASCII's signs). For the readers of addresses in a
# report's prose, which take ASCII's letters, digits and signs themselves.
UTF8_ADDRESS_CHAR = (
    r"[^\x00-\x7F\s\u00A0-\u00BF\u00D7\u00F7\u2000-\u206F\u3000-\u303F"
    r"\uFF00-\uFF0F\uFF1A-\uFF20\uFF3B-\uFF40\uFF5B-\uFF65]"
)
_ADDRESS = patterncode.compile(
    rf"""("[^"\r\n]{{1,200}}"|{_ADDRESS_CHAR}{{1,200}})@({_ADDRESS_CHAR}{{1,253}}|\[[0-9A-Fa-f.:]{{3,60}}\])"""
)
# An address of _ADDRESS's unquoted form, the whole text matched (a fast path: see _address).
_PLAIN_ADDRESS = patterncode.compile(rf"({_ADDRESS_CHAR}{{1,200}})@({_ADDRESS_CHAR}{{1,253}})")
_REPLY_STATUS = patterncode.compile(r"[245]\d\d\s+\S")
_SPECIFIC = patterncode.compile(r"^[45]\.[1-9]\.[1-9]\d*$")
_RECIPIENT_KEYS = ("final-recipient", "original-recipient", "x-actual-recipient")
_RECIPIENT_NAMES = frozenset(_RECIPIENT_KEYS)
_OUTCOME_NAMES = frozenset(("action", "status"))


class Report(Value):
    """What the DSN part(s) of one message said."""

    # (in the order of the fields: see parsers.values)
    __slots__ = (  # noqa: RUF023
        "deliveries",
        "reporting_mta",
        "arrival_date",
        "blocks",
    )

    deliveries: list[Delivery]
    reporting_mta: str | None
    arrival_date: str | None
    blocks: int

    def __init__(
        self,
        deliveries: list[Delivery] | None = None,
        reporting_mta: str | None = None,
        arrival_date: str | None = None,
        blocks: int = 0,
    ) -> None:
        self.deliveries = [] if deliveries is None else deliveries
        self.reporting_mta = reporting_mta
        self.arrival_date = arrival_date
        self.blocks = blocks


def address(value: str | None) -> str | None:
    """The e-mail address in a DSN address field (`rfc822; <a@b>`, bare, or with a comment)."""
    if not value or "@" not in value:
        return None  # cheap reject: the address pattern is costly on long values without one
    if type(value) is str and len(value) <= MAX_REMEMBERED_CHARS:
        return _remembered_address(value)
    return _address(value)


# A message names the same few addresses in several places (the original's Return-Path, the report's
# To and Delivered-To, a recipient's fields), each read by address(): the answers for recent values
# are kept (a pure function of the text; short values only).
MAX_REMEMBERED_CHARS = 512


def _address(value: str) -> str | None:
    v = value.strip()
    semi = v.find(";")
    if 0 <= semi < 20 and "@" not in v[:semi]:
        v = v[semi + 1 :]
    if "\\x{" in v:
        v = _unescape_unitext(v)
    # Most values are a bare a@b, <a@b> or Name <a@b>: there the address is the whole value or the
    # whole text in the brackets, and matched in place it is what the search finds (_PLAIN_ADDRESS),
    # without trying each position of the name before it. A name may itself look like an address
    # (Outlook and Exchange write one: `"old@a.example" <new@b.example>`): the brackets still hold
    # the address (RFC 5322's name-addr).
    lt = v.rfind("<")
    if lt < 0:
        m = _PLAIN_ADDRESS.fullmatch(v)
    elif v[-1] == ">":
        m = _PLAIN_ADDRESS.fullmatch(v, lt + 1, len(v) - 1)
    else:
        m = None
    if m is None:
        m = _ADDRESS.search(v)
    if m is None:
        return None
    local, domain = m.group(1), m.group(2).rstrip(".")
    # quoted-printable leftovers such as "=3D" in a VERP local part are kept; only trailing
    # punctuation picked up from prose is dropped.
    return f"{local}@{domain}".strip(".'").lower()


_remembered_address = functools.lru_cache(maxsize=256)(_address)

# RFC 6533's utf-8 address type writes a non-ASCII character of an internationalised address as
# \x{HEX} (`utf-8; m\x{FC}ller@b.example`) in Final-Recipient and Original-Recipient.
_UNITEXT_ESCAPE = patterncode.compile(r"\\x\{([0-9A-Fa-f]{1,6})\}")


def _unescape_unitext(value: str) -> str:
    """`value` with each \\x{HEX} of RFC 6533 replaced by its character (one that is no Unicode
    scalar value, a surrogate or past U+10FFFF, is left as written)."""

    def character(m: re.Match[str]) -> str:
        code = int(m.group(1), 16)
        return chr(code) if code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else m.group(0)

    return _UNITEXT_ESCAPE.sub(character, value)


def internal(addr: str) -> bool:
    """Whether an address is a mail system's internal routing name, not one mail can be sent to:
    its domain is a single label (`ims-ms-daemon`, `ims_daemon`, `localhost`), or it is Exchange's
    encapsulation of a directory (X.500, Notes, X.400) address (`IMCEAEX-_O=ORG_OU=..._CN=x@host`)."""
    return "." not in addr.rpartition("@")[2] or addr[:5].lower() == "imcea"


# Exchange's encapsulation of an SMTP address it could not resolve to a directory entry
# (`IMCEASMTP-ann+2Elee+40b+2Eexample@host`): the address with each character other than a letter,
# a digit or a few signs written as "+" and two hex digits, under the type's prefix, at the
# Exchange organisation's own domain.
_ENCAPSULATED_SMTP = "imceasmtp-"
_ENCAPSULATED_CHAR = patterncode.compile(r"\+([0-9a-f]{2})")
_DECAPSULATED = patterncode.compile(rf"{_ADDRESS_CHAR}{{1,200}}@{_ADDRESS_CHAR}{{1,253}}")


def decapsulated(addr: str) -> str:
    """The SMTP address in Exchange's encapsulation of one (a lower-cased
    `imceasmtp-ann+2elee+40b+2eexample@host` -> `ann.lee@b.example`); any other address as it is
    (one whose encapsulated part decodes to no address too)."""
    if not addr.startswith(_ENCAPSULATED_SMTP):
        return addr
    inner = _ENCAPSULATED_CHAR.sub(
        lambda m: chr(int(m.group(1), 16)), addr[len(_ENCAPSULATED_SMTP) : addr.rfind("@")]
    )
    return inner if _DECAPSULATED.fullmatch(inner) and "." in inner.rpartition("@")[2] else addr


def strip_type(value: str | None) -> str:
    """`smtp; 550 ...` -> `550 ...`; `dns; mx.example.net` -> `mx.example.net`."""
    if not value:
        return ""
    v = value.strip()
    semi = v.find(";")
    if 0 <= semi < 16 and " " not in v[:semi].strip():
        return v[semi + 1 :].strip()
    return v


_WORD_END = patterncode.compile(r"[\s(;,]")


def normalise_action(value: str | None) -> str | None:
    """The RFC 3464 action keyword; variants seen in the wild folded onto the standard ones.

    `expired` is kept apart from `delayed`: it says the MTA gave up (a final report), while
    `delayed` says the message is still queued (a warning).
    """
    if not value:
        return None
    v = value.strip().lower()
    word = _WORD_END.split(v, maxsplit=1)[0] if v else ""
    if word.startswith("fail"):
        return "failed"
    if word.startswith("expire"):
        return "expired"
    if word.startswith("delay"):
        return "delayed"
    if word.startswith("deliver") or word == "success":
        return "delivered"
    if word.startswith("relay"):
        return "relayed"
    if word.startswith("expand"):
        return "expanded"
    return word or None


# Each line of a report's text (the text ends with a line break): a field's name and the rest of
# its line after the colon, or else the whole line. One findall over the text gives every line
# so, without a match object and two group() calls per line (matching line by line was a third
# of reading a DSN part).
_LINES = patterncode.compile(r"([A-Za-z][A-Za-z0-9-]{0,60})[ \t]*:(.*)\n|(.*)\n")


def _field_blocks(text: str, lenient: bool) -> list[list[tuple[str, str]]]:
    """Split report text into blocks of (lower-cased name, unfolded value).

    A blank line ends a block. In lenient mode (a DSN pasted into prose) a line that is not a
    field ends the current field but not the block.
    """
    blocks: list[list[tuple[str, str]]] = []
    current: list[tuple[str, str]] = []
    if "\r" in text:
        # (a CR alone ends a line too: a part written with CRs alone, in a message whose other
        # parts use LFs; dropping it joined the lines, "a@b.examplefinal-recipient")
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    for name, value, line in _LINES.findall(text + "\n"):
        if name:  # (a field line is neither blank nor a continuation)
            current.append((name.lower(), value.strip()))
            continue
        if not line.strip():
            if current:
                blocks.append(current)
                current = []
                if len(blocks) >= MAX_BLOCKS:
                    break
            continue
        if line[0] in " \t":
            if current and len(current[-1][1]) < MAX_FIELD_CHARS:
                name, value = current[-1]
                current[-1] = (name, f"{value} {line.strip()}")
            continue
        if not lenient and current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def _recipient_groups(block: list[tuple[str, str]]) -> list[dict[str, str]]:
    """One block may hold several recipients without blank lines between them: split it.

    A recipient field starts a new recipient when the current one already has that field or
    already has its own Action/Status after its recipient field (Original-Recipient may come
    before or after Final-Recipient; Messaging Server writes Action and Status first, then
    Original-recipient and Final-recipient of the same recipient). So does a second Action or
    Status once the current one has a recipient: the next recipient's, written before its
    recipient field as Exim and Messaging Server order them.
    """
    groups: list[dict[str, str]] = []
    current: dict[str, str] = {}
    has_recipient = False  # (whether `current` holds a recipient field)
    for name, value in block:
        if name in current:
            if current[name] == value:
                continue  # a field written twice (a gateway that copies a block's lines): no new recipient
            if has_recipient and name in _OUTCOME_NAMES:
                groups.append(current)
                current = {}
                has_recipient = False
        # (X-Actual-Recipient only annotates the Final-Recipient before it, wherever Sendmail-like
        # MTAs place it: never another recipient's start)
        if name in _RECIPIENT_NAMES and not (name == "x-actual-recipient" and has_recipient):
            if has_recipient and (name in current or _outcome_after_recipient(current)):
                groups.append(current)
                current = {}
            has_recipient = True  # (the field is stored below: `current` does not hold it yet)
        if name == "diagnostic-code" and name in current:
            current[name] += " " + value  # a second Diagnostic-Code line continues the first
        elif name not in current:
            current[name] = value
    if current:
        groups.append(current)
    return groups


def _outcome_after_recipient(group: dict[str, str]) -> bool:
    """Whether the group's Action or Status came after its first recipient field (the group is
    complete: a further recipient field is another recipient's). Dicts keep insertion order."""
    # (one plain loop over the names in order: no list of them, and no generators for min() and
    # any(), the second left suspended where it found one)
    after = False
    for name in group:
        if after:
            if name == "action" or name == "status":
                return True
        elif name in _RECIPIENT_NAMES:
            after = True
    return False


# The SMTP command a diagnostic says the error answered, in any case: searched case-sensitively in
# the text folded by parsers.casefold.fold_case (re's case-blind comparison of the whole alternation
# cost ~2,000 instructions a character of each diagnostic that held a piece of a branch), and only in
# a text holding one of _COMMAND_NEEDS (every match holds one; most diagnostics hold none).
_COMMAND = patterncode.compile(
    r"in reply to (?:the )?(rcpt to|mail from|end of data|data|helo|ehlo|connect)"
    r"|>>> ?(rcpt|mail|data|helo|ehlo)\b"
    r"|after (rcpt to|mail from|end of data|data|helo|ehlo|initial connection|rcpt|mail)\b"
    r"|\[(rcpt_to|mail_from|data)\]"
    # (GroupWise's and NTMail's session transcripts: "Out: RCPT TO:<a@b>" over "In: 550 ...")
    r"|out: {0,4}(rcpt to|mail from|data|helo|ehlo)\b"
)
_COMMAND_NEEDS = ("in reply to ", ">>>", "after ", "[rcpt_to]", "[mail_from]", "[data]", "out:")
_COMMAND_NAMES = {
    "rcpt to": "RCPT", "rcpt": "RCPT", "rcpt_to": "RCPT", "mail from": "MAIL", "mail": "MAIL",
    "mail_from": "MAIL", "end of data": "DATA", "data": "DATA", "helo": "HELO", "ehlo": "EHLO",
    "connect": "CONN", "initial connection": "CONN",
}  # fmt: skip


def command_in_text(text: str | None) -> str | None:
    """The SMTP command a diagnostic says the error answered (RCPT, MAIL, DATA, ...)."""
    if not text:
        return None
    folded = fold_case(text)
    for needs in _COMMAND_NEEDS:
        if needs in folded:
            break
    else:
        return None
    found = None
    for m in _COMMAND.finditer(folded):
        # (the command as the text writes it, lower-cased: fold_case keeps each character in its place)
        start, end = m.span(m.lastindex or 0)  # (the one group of the branch that matched)
        word = text[start:end].lower()
        found = _COMMAND_NAMES.get(word, found)
    return found


def _status_of(fields: dict[str, str], diagnostic: str, smtp_code: str | None) -> str | None:
    """Status field; a specific code from the diagnostic beats a generic x.0.0; else reply code."""
    raw = fields.get("status", "")
    m = _STATUS_VALUE.search(raw)
    if m is None and not raw.isascii():
        # a Status field in full-width digits ("Status: ５．１．１", Chinese and Japanese servers):
        # read as the diagnostic's codes are
        m = _STATUS_VALUE.search(ascii_codes(raw))
    status = valid_status(f"{m.group(1)}.{int(m.group(2))}.{int(m.group(3))}") if m else None
    cls = status[0] if status else (smtp_code[0] if smtp_code else None)
    found = status_in_text(diagnostic, prefer=cls) if diagnostic else None
    if found and _SPECIFIC.match(found):
        return found  # a specific code in the diagnostic says more than the Status field
    if status is None:
        if found:
            return found
        if smtp_code and smtp_code[0] in "245":
            return f"{smtp_code[0]}.0.0"
        # "Status: 553 Exceeded maximum ..." : a reply code where the status should be
        code = reply_code_in_text(raw)
        return f"{code[0]}.0.0" if code else None
    if status.endswith(".0.0") and found and not found.endswith(".0.0") and found[0] == status[0]:
        return found
    return status


# Microsoft's mail servers (Hotmail, Exchange) write the remote server's reply in a field of their
# own when they give no Diagnostic-Code: "X-Supplementary-Info: < #5.5.0 smtp;550 Requested action
# not taken: mailbox unavailable (...)>".
def _supplementary(fields: dict[str, str]) -> str:
    """The reply a Microsoft server put in X-Supplementary-Info, as a Diagnostic-Code would say it."""
    value = fields.get("x-supplementary-info")
    if not value:
        return ""
    v = value[:MAX_FIELD_CHARS].strip().removeprefix("<").removesuffix(">").strip()
    if v.startswith("#"):  # (the enhanced status code, which the Status field gives as well)
        v = v.partition(" ")[2]
    return strip_type(v)


# RFC 3461's xtext, in which Original-Recipient repeats the ORCPT parameter (Sendmail writes it so:
# "rfc822;jane+2Bnews@b.example"): "+" and "=" are the printable characters it must encode, as "+"
# and two upper-case hex digits (a lower-case "+2b" is an address's own tag: "bob+2bits@b.example").
_XTEXT_CODE = patterncode.compile(r"\+(?:2B|3D)")


def _xtext_char(m: re.Match[str]) -> str:
    return "+" if m.group(0) == "+2B" else "="


def _delivery(fields: dict[str, str]) -> Delivery | None:
    final = address(fields.get("final-recipient"))
    written = fields.get("original-recipient")
    if written and "+" in written:
        written = _XTEXT_CODE.sub(_xtext_char, written)
    original = address(written) or address(fields.get("x-actual-recipient"))
    if final and original and internal(final) and not internal(original):
        # (Sun ONE / Oracle Messaging Server names its own store: "@host:user@ims-ms-daemon")
        final, original = original, final
    recipient = final or original
    if recipient is None:
        return None
    diagnostic = strip_type(fields.get("diagnostic-code")) or _supplementary(fields)
    raw_status = fields.get("status", "")
    if not diagnostic and raw_status[:1] in "245" and _REPLY_STATUS.match(raw_status):
        diagnostic = raw_status  # "Status: 553 Exceeded maximum inbound message size"
    smtp_code = reply_code_in_text(diagnostic) if diagnostic else None
    status = _status_of(fields, diagnostic, smtp_code)
    remote = strip_type(fields.get("remote-mta")) or None
    diag_type = (fields.get("diagnostic-code") or "").split(";", 1)[0].strip().upper()
    command = command_in_text(diagnostic)
    if diag_type.startswith("X-UNIX"):
        diagnostic = diagnostic or fields.get("diagnostic-code", "")
    # (positional, in the order of Delivery's fields: keywords cost a call more than these)
    return Delivery(
        recipient,
        status,
        smtp_code,
        diagnostic or None,
        remote,
        normalise_action(fields.get("action")),
        None,  # (reason: the reason table derives it)
        original if original and original != recipient else None,
        command,
        diag_type or None,
    )


def _read(texts: list[str], lenient: bool) -> Report:
    report = Report()
    seen: set[str] = set()
    for text in texts:
        for block in _field_blocks(text, lenient):
            report.blocks += 1
            names = {name for name, _ in block}
            if report.reporting_mta is None and "reporting-mta" in names:
                report.reporting_mta = strip_type(dict(block)["reporting-mta"]) or None
            if report.arrival_date is None and "arrival-date" in names:
                report.arrival_date = dict(block)["arrival-date"]
            if not names.intersection(_RECIPIENT_KEYS):
                continue
            for group in _recipient_groups(block):
                d = _delivery(group)
                if d is None:
                    continue
                key = d.recipient
                if key in seen:
                    continue
                seen.add(key)
                report.deliveries.append(d)
    return report


def inquire(mail: Mail) -> Report | None:
    """The message's delivery-status part(s), read; None when it has none."""
    if not mail.delivery_status:
        return None
    return _read(mail.delivery_status, lenient=False)


def inquire_text(mail: Mail) -> Report | None:
    """DSN-like field blocks pasted into the text body (no delivery-status part)."""
    if mail.delivery_status:
        return None
    text = human_text(mail)
    if not DSN_RECIPIENT_FIELD.search(text):
        return None
    report = _read([text], lenient=True)
    return report if report.deliveries else None


def human_text(mail: Mail) -> str:
    """The message text before the attached original (and before the DSN part's own text)."""
    text = mail.text
    cut = text.find(ORIGINAL_MARKER)
    if cut >= 0:
        text = text[:cut]
    for part in mail.delivery_status:
        head = part.strip()[:60]
        if head:
            pos = text.find(head)
            if pos > 0:
                text = text[:pos]
                break
    return text


_NOISE_LINE = patterncode.compile(r"^\s*(?:[-=_*]{3,}|$)")


_ERROR_HINT = patterncode.compile(r"\b[45]\d\d\b|\b[45]\.\d{1,3}\.\d{1,3}\b")


def text_diagnostic(text: str, recipient: str | None, limit: int = 6) -> str | None:
    """The human-readable explanation next to `recipient` in a report's text part.

    Looks at each line naming the address (up to a few) and joins it with the lines that follow
    up to a blank line (Postfix: "<a@b>: host mx[1.2.3.4] said: 550 5.1.1 ... (in reply to RCPT
    TO)"); the first such snippet that carries an SMTP code wins, else the first that names a
    reason the table reads ("Benutzer a@b ist nicht im Domino-Verzeichnis aufgeführt" a paragraph
    below a bare "a@b"), else the first one.
    """
    if not text or not recipient:
        return None
    low = text.lower()
    needle = recipient.lower()
    first: str | None = None
    named: str | None = None
    pos = low.find(needle)
    tries = 0
    while pos >= 0 and tries < 8:
        tries += 1
        if pos > 0 and (low[pos - 1].isalnum() or low[pos - 1] in "._%+-"):
            pos = low.find(needle, pos + len(needle))  # inside a longer address
            continue
        start = low.rfind("\n", 0, pos) + 1
        lines = text[start:].split("\n", limit + 1)[: limit + 1]
        out: list[str] = []
        for i, line in enumerate(lines):
            if i > 0 and _NOISE_LINE.match(line):
                break
            if i > 0 and _FIELD.match(line) and not line.startswith((" ", "\t")):
                break
            out.append(line.strip())
        snippet = " ".join([x for x in out if x])[:MAX_FIELD_CHARS]  # (a list: join makes one of a generator)
        if _FIELD.match(lines[0]) and lines[0].split(":", 1)[0].lower() in _DSN_FIELD_NAMES:
            snippet = ""  # a pasted DSN field line is not an explanation
        if snippet:
            rest = snippet.replace(recipient, "")
            if _ERROR_HINT.search(rest):
                return snippet
            if named is None and rest.strip() and match_text(rest) not in (None, ON_HOLD):
                named = snippet  # (a sentence that names a reason, in any language the table reads)
            first = first or snippet
        pos = low.find(needle, pos + len(needle))
    if named is None and first is not None:
        named = _split_address_line(text, low, needle)
    return named or first


def _split_address_line(text: str, low: str, needle: str) -> str | None:
    """A line naming the recipient's local part and its domain apart, if it names a reason.

    Exchange Online's own text puts the cause in a paragraph of its own that names the user and
    the domain separately ("mads blev ikke fundet på firma.dk.", "jane wasn't found at
    contoso.com."), below a paragraph that names the whole address and no reason.
    """
    local, _, domain = needle.rpartition("@")
    if not local or not domain:
        return None
    pos = low.find(domain)
    tries = 0
    while pos >= 0 and tries < 8:
        tries += 1
        start = low.rfind("\n", 0, pos) + 1
        end = low.find("\n", pos)
        if end < 0:
            end = len(low)
        line = low[start:end]
        at = line.find(local)
        if (
            at >= 0
            and needle not in line
            and (at == 0 or not (line[at - 1].isalnum() or line[at - 1] in "._%+-"))
            and not (
                line[at + len(local) : at + len(local) + 1].isalnum()
                or line[at + len(local) : at + len(local) + 1] in "._%+-@"
            )
        ):
            sentence = text[start:end].strip()
            if match_text(sentence) not in (None, ON_HOLD):
                return sentence[:MAX_FIELD_CHARS]
        pos = low.find(domain, end)
    return None


_DSN_FIELD_NAMES = frozenset(
    {"final-recipient", "original-recipient", "x-actual-recipient", "to", "from", "cc", "delivered-to"}
)
