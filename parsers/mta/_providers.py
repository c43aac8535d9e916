"""Shared helpers of the mailbox-provider detectors (Gmail, Yahoo, Office 365, Amazon SES ...)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence

from parsers.casefold import fold_case
from parsers.delivery import Delivery
from parsers.lazyre import compile_lazily
from parsers.mail import ORIGINAL_MARKER, Mail
from parsers.mta._common import address_span
from parsers.values import Value

# An address as providers print it: bare, in <>, in quotes, or after "rfc822;".
_LOCAL = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~.\-]"
# (The look-behind starts a match only where a run of local-part characters starts: tried from
# every position inside a long run without an @, the run was rescanned each time.)
# (a doubled dot in the domain is kept as written, as parsers.mta._common's reader does: the
# address is reported as the server printed it, never cut into another one)
# (written from its "@" on, the local part found by _common.address_span: re skips ahead to an "@"
# where the whole pattern, opening on a look-behind, had re start a match at every character)
_AT_DOMAIN = compile_lazily(
    "@(?<=" + _LOCAL + r"@)[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?(?:\.+[A-Za-z0-9\-]+)+"
)
# RFC 3463 status: 5.1.1, 4.4.7, 5.7.606; not part of an IP address or a version number.
# (opening on the dot after the class digit, the digit and what precedes it a look-behind: re skips
# ahead to a dot, where a pattern opening on [245] had re test that class at every character. A
# match starts at the dot, one after the digit it stood for: only the groups are read)
_STATUS = compile_lazily(r"\.(?<=(?<![\w.])([245])\.)(\d{1,3})\.(\d{1,3})(?!\.?\d)")
# SMTP reply code: 550, 421 ... followed by a space, a dash (continuation), a colon or the end.
_SMTP_CODE = compile_lazily(r"([245](?<![\w.#\-][245])[0-5]\d)(?=[\s\-:;,\]]|$)")
# (in any case: searched in the text folded by fold_case. Each branch opens with its whole literal,
# the word boundary before it tested by a look-behind after the literal: at each i, a or f, where a
# branch opening on the letter and its look-behind looked back first, the next letter rules it out.)
_COMMAND = compile_lazily(
    r"(?:in reply to (?<!\win reply to )|after (?<!\wafter )|for (?<!\wfor )|\[|>>> ?)(?:end of )?"
    r"(rcpt(?:[ _]to)?|mail(?:[ _]from)?|data|ehlo|helo|auth|starttls|text)\b"
)

WARNING_PHRASES = (
    "this is a warning message only",
    "will be retried",
    "will continue to be retried",
    "delivery attempts will continue",
    "will keep trying",
    "has been delayed",
    "still trying",
)


def sweep(text: str) -> str:
    """Folded lines joined, runs of white space collapsed."""
    # (str.split splits on exactly the characters \s matches: same result, no regex)
    return " ".join(text.split())


def address_in(text: str) -> str | None:
    """The first e-mail address in a piece of text."""
    span = address_span(text, _AT_DOMAIN)
    return text[span[0] : span[1]].strip(".").lower() if span else None


def addresses_in(text: str) -> list[str]:
    seen: list[str] = []
    span = address_span(text, _AT_DOMAIN)
    while span is not None:
        a = text[span[0] : span[1]].strip(".").lower()
        if a not in seen:
            seen.append(a)
        span = address_span(text, _AT_DOMAIN, span[1])
    return seen


def status_in(text: str) -> str | None:
    """The most specific enhanced status code in the text (a x.0.0 only when nothing better)."""
    found = [".".join(m.groups()) for m in _STATUS.finditer(text)]
    for s in found:
        if not s.endswith(".0.0"):
            return s
    return found[0] if found else None


def smtp_code_in(text: str) -> str | None:
    # (a code opens on a 2, 4 or 5: a text without one is not searched, where re tested each
    # of its characters against the first class)
    if "5" in text or "4" in text or "2" in text:
        m = _SMTP_CODE.search(text)
        return m.group(1) if m else None
    return None


def command_in(text: str) -> str | None:
    """The SMTP command a reply answered (RCPT, MAIL, DATA, EHLO ...) when the text says."""
    m = _COMMAND.search(fold_case(text))
    if not m:
        return None
    word = text[m.start(1) : m.end(1)].upper()  # (the command as the text writes it)
    if word.startswith("RCPT"):
        return "RCPT"
    if word.startswith("MAIL"):
        return "MAIL"
    if word == "TEXT":
        return "DATA"
    return word


def is_warning(text: str) -> bool:
    low = text.lower()
    return any(p in low for p in WARNING_PHRASES)


def body_of(mail: Mail, boundaries: Iterable[str] = ()) -> str:
    """The human-readable report: the body text cut at the first original-message boundary."""
    text = mail.text
    cut = len(text)
    for marker in (ORIGINAL_MARKER, *boundaries):
        pos = text.find(marker)
        if 0 <= pos < cut:
            cut = pos
    return text[:cut]


def header_contains(mail: Mail, name: str, needle: str) -> bool:
    needle = needle.lower()
    return any(needle in v.lower() for v in mail.headers(name))


def make(
    recipient: str,
    diagnostic: str | None = None,
    *,
    status: str | None = None,
    smtp_code: str | None = None,
    remote_mta: str | None = None,
    action: str | None = "failed",
    reason: str | None = None,
    alias: str | None = None,
    command: str | None = None,
) -> Delivery:
    """A Delivery with the codes filled in from the diagnostic where the report left them out."""
    diag = sweep(diagnostic) if diagnostic else None
    if diag:
        better = status_in(diag)
        if not status or (status.endswith(".0.0") and better and not better.endswith(".0.0")):
            status = better or status
        smtp_code = smtp_code or smtp_code_in(diag)
        command = command or command_in(diag)
    return Delivery(
        recipient=recipient.strip().strip("<>\"'").lower(),
        status=status or None,
        smtp_code=smtp_code or None,
        diagnostic=diag or None,
        remote_mta=(remote_mta or "").strip().strip("[]").rstrip(".").lower() or None,
        action=action,
        reason=reason,
        alias=alias.lower() if alias else None,
        smtp_command=command,
    )


def first_reason(text: str, table: Mapping[str, Sequence[str]]) -> str | None:
    """The reason of the first phrase family (case-insensitive) found in the text."""
    low = text.lower()
    for reason, phrases in table.items():
        if any(p.lower() in low for p in phrases):
            return reason
    return None


# --- RFC 3464-style fields written inside a text part (or a delivery-status part) -------------------


class DsnBlock(Value):
    """One recipient's fields from a delivery-status text."""

    # (in the order of the fields: see parsers.values)
    __slots__ = (  # noqa: RUF023
        "recipient",
        "alias",
        "action",
        "status",
        "diagnostic",
        "remote_mta",
        "fields",
    )

    recipient: str
    alias: str
    action: str
    status: str
    diagnostic: str
    remote_mta: str
    fields: dict[str, str]

    def __init__(
        self,
        recipient: str = "",
        alias: str = "",
        action: str = "",
        status: str = "",
        diagnostic: str = "",
        remote_mta: str = "",
        fields: dict[str, str] | None = None,
    ) -> None:
        self.recipient = recipient
        self.alias = alias
        self.action = action
        self.status = status
        self.diagnostic = diagnostic
        self.remote_mta = remote_mta
        self.fields = {} if fields is None else fields


_LABEL = compile_lazily(r"[A-Za-z0-9\-]{2,40}")


def _value(raw: str) -> str:
    """Strip the type prefix of a typed field ("rfc822; a@b", "dns; host", "smtp; 550 ...")."""
    raw = raw.strip()
    head, sep, tail = raw.partition(";")
    if sep and _LABEL.fullmatch(head.strip()):
        return tail.strip()
    return raw


def dsn_blocks(text: str) -> tuple[dict[str, str], list[DsnBlock]]:
    """Per-message fields and per-recipient blocks of RFC 3464 text (continuation lines folded)."""
    permessage: dict[str, str] = {}
    blocks: list[DsnBlock] = []
    current: DsnBlock | None = None
    last: str | None = None
    for line in text.split("\n"):
        line = line.rstrip("\r")
        if line[:1] in (" ", "\t") and last is not None:
            target = current.fields if current is not None else permessage
            if last in target:
                target[last] += " " + line.strip()
            continue
        # (string methods where a pattern, ^([A-Za-z][A-Za-z0-9\-]*):[ \t]*(.*)$, took ~800
        # instructions more a line, its call the most of them: a name of ASCII letters, digits
        # and dashes that opens on a letter, a colon, the value without the blanks after it)
        name, colon, value = line.partition(":")
        if not (colon and name.isascii() and name[:1].isalpha() and name.replace("-", "").isalnum()):
            last = None
            continue
        name = last = name.lower()
        value = value.lstrip(" \t")
        if name == "final-recipient":
            current = DsnBlock()
            blocks.append(current)
        target = permessage if current is None else current.fields
        if name in target:
            last = None  # a repeated field: keep the first one
        else:
            target[name] = value
    for b in blocks:
        f = b.fields
        b.recipient = address_in(_value(f.get("final-recipient", ""))) or ""
        for name in ("original-recipient", "x-actual-recipient"):
            alias = address_in(_value(f.get(name, "")))
            if alias and alias != b.recipient:
                b.alias = alias
                break
        b.action = f.get("action", "").strip().split(" ")[0].split("(")[0].lower()
        b.status = (status_in(f.get("status", "")) or "") if f.get("status") else ""
        b.diagnostic = sweep(_value(f.get("diagnostic-code", "")))
        b.remote_mta = _value(f.get("remote-mta", "")).split(" ")[0]
    return permessage, [b for b in blocks if b.recipient]


def normal_action(action: str) -> str | None:
    a = action.lower()
    if a in ("failed", "failure"):
        return "failed"
    if a in ("delayed", "expired"):
        return "delayed"
    if a in ("delivered", "deliverable"):
        return "delivered"
    if a in ("relayed", "expanded"):
        return a
    return None


def from_dsn_text(
    text: str,
    refine: Callable[[DsnBlock], str | None] | None = None,
) -> list[Delivery]:
    """Deliveries from the RFC 3464 fields in a text (a delivery-status part or a pasted report)."""
    _, blocks = dsn_blocks(text)
    out: list[Delivery] = []
    for b in blocks:
        out.append(
            make(
                b.recipient,
                b.diagnostic,
                status=b.status or None,
                remote_mta=b.remote_mta or None,
                action=normal_action(b.action) or "failed",
                reason=refine(b) if refine else None,
                alias=b.alias or None,
            )
        )
    return out


def from_dsn_parts(mail: Mail, refine: Callable[[DsnBlock], str | None] | None = None) -> list[Delivery]:
    out: list[Delivery] = []
    for part in mail.delivery_status:
        out.extend(from_dsn_text(part, refine))
    return out


def from_dsn_parts_or_text(mail: Mail, marker: str) -> list[Delivery] | None:
    """The delivery-status parts' recipients, else the RFC 3464 fields the body pastes after
    `marker`; None when there are neither."""
    found = from_dsn_parts(mail)
    if found:
        return found
    start = mail.text.find(marker)
    if start < 0:
        return None
    return from_dsn_text(mail.text[start:])


def rcpt_refined(delivery: Delivery) -> Delivery:
    """5.2.1 "user unknown" is the address itself only when the reply answered RCPT TO.

    Providers report a refused recipient with 5.2.1 both for unknown users (at RCPT time) and
    for filtered ones (after DATA); the SMTP command is what tells them apart.
    """
    if delivery.reason or delivery.status != "5.2.1" or not delivery.diagnostic:
        return delivery
    low = delivery.diagnostic.lower()
    if "user unknown" in low or "unknown user" in low or "no such user" in low:
        delivery.reason = "user_unknown" if delivery.smtp_command == "RCPT" else "filtered"
    return delivery


def guarded(func: Callable[[Mail], list[Delivery] | None]) -> Callable[[Mail], list[Delivery] | None]:
    """Keep the deliveries with an address, refined. (An exception is left to `parsers.parse`,
    which reports it: a bug is not "not my format".)"""

    def wrapper(mail: Mail) -> list[Delivery] | None:
        found = func(mail)
        if not found:
            return None
        kept = [rcpt_refined(d) for d in found if d.recipient and "@" in d.recipient]
        return kept or None

    wrapper.__doc__ = func.__doc__
    wrapper.__name__ = func.__name__
    return wrapper
