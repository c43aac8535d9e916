"""Attribution evidence: what a returned message says about who sent the original (plain data).

The service resolves it to a sending account (DESIGN: Attribution): it verifies VERP tokens, looks
Message-IDs up among reported sends and matches domains. Here nothing is looked up or verified:
the values are read from the returned original's headers (attached, or pasted after a "copy of the
message" marker) and from the envelope-recipient headers of the report itself (a VERP return path
comes back as the report's Delivered-To / X-Original-To / Envelope-To / To).
"""

from __future__ import annotations

import re
from email.message import Message

from parsers import patterncode
from parsers.casefold import fold_case
from parsers.dsn import address
from parsers.mail import ORIGINAL_MARKER, Mail, decode_header_value, parse_header_block
from parsers.mime import Part
from parsers.model import Attribution, make_attribution

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

DEFAULT_ACCOUNT_HEADER = "X-Bounceback-Account"
MAX_VALUE_CHARS = 256

# Where a text report pastes the original (qmail, Exim, Sendmail, hand-made notices): a line that
# starts with one of these, in any case. Written as the line break before it, and matched in the
# text folded by fold_case at the start of the lines that hold one of _COPY_MARKER_WORDS only
# (_copy_marker): searched for, sre's scan for the line breaks alone was half of the attribution
# evidence's cost, where str.find skips ahead many times faster.
_COPY_MARKER = patterncode.compile(
    r"\n[ \t]*(?:[-=_*][-=_* ]*)?(?:below this line is a copy of the message|this is a copy of (?:your|the) message"
    r"|original message follows|--- ?original message|returned message|the original message headers"
    r"|message headers follow|unsent message follows|undelivered message headers"
    r"|header of the (?:source|original) (?:mail|message))[^\n]*\n"
)
# Every marker above holds one of these.
_COPY_MARKER_WORDS = ("message", "header of the")
_HEADER_START = patterncode.compile(r"(?im)^(?:return-path|received|message-id|from|dkim-signature)[ \t]*:")
# "Received: ... for <a@b>;": the address a hop was delivering to (one home for the pattern).
RECEIVED_FOR = patterncode.compile(r"\bfor\s+<?([^\s<>;]+@[^\s<>;]+?)>?\s*;", re.IGNORECASE)
_DKIM_DOMAIN = patterncode.compile(r"(?:^|;)\s*d\s*=\s*([^;\s]+)", re.IGNORECASE)
# (lower-cased, as the message's header names are: parsers.mail.Mail.header_names)
_ENVELOPE_HEADERS = ("delivered-to", "x-original-to", "envelope-to", "to")
# A VERP return path comes back as one of very few addresses; a report listing more is not read on.
MAX_ENVELOPE_ADDRESSES = 16
# A list manager's VERP return path, which carries the member's address: Mailman's
# "list-bounces+member=host.example@lists.example", ezmlm's "list-return-42-member=host.example@...",
# mlmmj's "list+bounces-42-member=host.example@...", Sympa's "bounce+member==a==host.example==list@..."
# (its "==a==" stands for the member's "@", and the list's name follows), and qmail's own VERP,
# which bulk senders copy: "bounces-member=host.example@mail.example" (a prefix without a hyphen,
# so that a member's hyphen stays the member's), also with the message number between prefix and
# member as ezmlm and mlmmj put it: "bounce-12345-member=host.example@..." (the number is not the
# member's). A member's own "+" is the member's ("list-bounces+ann+news=host.example@...": the
# prefix ends at the first).
_LIST_VERP = patterncode.compile(
    r"^(?:[^@+\s]{1,64}(?:\+(?:bounces-\d{1,12}-)?|-return-\d{1,12}-)|[^@+=\s-]{1,64}-(?:\d{1,12}-)?)([^@=\s]{1,64})(?:=|==a==)"
    r"([a-z0-9][a-z0-9.-]{0,250}\.[a-z]{2,63})(?:==[^@=\s]{1,64})?@[^@\s]+$"
)


def list_verp_member(return_path: str) -> str | None:
    """The member address a list manager's VERP return path encodes (`_LIST_VERP`), or None."""
    m = _LIST_VERP.match(return_path)
    return f"{m.group(1)}@{m.group(2)}" if m is not None else None


def returned_original(mail: Mail) -> Message | None:
    """The headers of the returned original: the attached one, else a block pasted after a marker."""
    if mail.original is not None:
        return mail.original
    text = mail.text
    cut = text.find(ORIGINAL_MARKER)
    if cut >= 0:
        text = text[:cut]
    # (a line start is where a line break ends; fold_case keeps each character in its place)
    m = _copy_marker(fold_case("\n" + text[: 256 * 1024]))
    if m is None:
        return None
    end = m.end() - 1  # (in `text`)
    rest = text[end : end + 64 * 1024].lstrip("\n ")
    start = _HEADER_START.search(rest[:2000])
    if start is None:
        return None
    block = rest[start.start() :].split("\n\n", 1)[0]
    return parse_header_block(block + "\n\n")


def _copy_marker(folded: str) -> re.Match[str] | None:
    """The first match of _COPY_MARKER in `folded` (which starts with a line break): what its
    search finds, tried only at the lines that hold a word every marker holds."""
    # (each word's next place, -1 when there is none: a word absent from the text is looked for
    # once, not again from each line that holds the other)
    ahead = [folded.find(word) for word in _COPY_MARKER_WORDS]
    while True:
        hit = -1
        for at in ahead:
            if at >= 0 and (hit < 0 or at < hit):
                hit = at
        if hit < 0:
            return None
        found = _COPY_MARKER.match(folded, folded.rfind("\n", 0, hit))
        if found is not None:
            return found
        start = folded.find("\n", hit)  # (the next line)
        if start < 0:
            return None
        for i, at in enumerate(ahead):
            if 0 <= at < start:
                ahead[i] = folded.find(_COPY_MARKER_WORDS[i], start)


def envelope_recipient(original: Message) -> str | None:
    """The address the returned original's last hops were delivering it to: the first "for <a@b>"
    among its three topmost Received headers (the reporting system's own hops), or None."""
    for value in (original.get_all("Received") or [])[:3]:
        m = RECEIVED_FOR.search(decode_header_value(value))
        if m:
            return address(m.group(1))
    return None


def _index(original: Message | None) -> dict[str, tuple[str, Any]]:
    """The original's first header of each name, (name, value), by lower-cased name (Message.get
    scans and lower-cases every header name on each call; eight lookups would scan eight times).
    An attached original, split by parsers.mime, has that index already."""
    if original is None:
        return {}
    if isinstance(original, Part):
        return original.first_fields()
    found: dict[str, tuple[str, Any]] = {}
    for field in original.raw_items():
        found.setdefault(field[0].lower(), field)
    return found


def _value(field: tuple[str, Any]) -> str | None:
    """The decoded value of a header field (name, value) of the original, None when empty."""
    text = decode_header_value(field[1]).strip()
    return text[:MAX_VALUE_CHARS] or None


def _domain(value: str | None) -> str | None:
    found = address(value) if value else None
    return found.rpartition("@")[2] if found else None


def _envelope_addresses(values: list[str]) -> tuple[str, ...]:
    """The addresses in `values` (header values, in order), without repeats, at most
    MAX_ENVELOPE_ADDRESSES."""
    found: dict[str, None] = {}
    for value in values:
        one = address(value)
        if one is not None:
            found.setdefault(one)
            if len(found) == MAX_ENVELOPE_ADDRESSES:
                break
    return tuple(found)


def _verp_local_part(addresses: tuple[str, ...]) -> str | None:
    for one in addresses:
        local = one.rpartition("@")[0]
        if "+" in local or "=" in local:
            local = _batv_core(local)
            if "+" in local or "=" in local:
                return local
    return None


def _batv_core(local: str) -> str:
    """The local part a BATV-signed return path signs (draft-levine-smtp-batv: `prvs=TAG=core`;
    Barracuda's `btv1==TAG==core`), else `local` itself. Its '=' is the outbound MTA's signature,
    no VERP: `prvs=0123456789=news` holds no token, `prvs=0123456789=bounces+t1` holds `bounces+t1`."""
    head = local[:6].lower()
    if head.startswith("prvs="):
        tag, sep, core = local[5:].partition("=")
    elif head == "btv1==":
        tag, sep, core = local[6:].partition("==")
    else:
        return local
    return core if sep and tag and core else local


def evidence(
    mail: Mail,
    original: Message | None,
    *,
    account_header: str = DEFAULT_ACCOUNT_HEADER,
    mail_from: str | None = None,
) -> Attribution | None:
    """The attribution evidence of `mail` (`original`: the returned original's headers, if any;
    `mail_from`: the original's MAIL FROM when the report states it, as ARF's Original-Mail-From).
    None when the message says nothing about its sender."""
    # (each header is looked up by its lower-cased name and read only when there: most of these
    # are absent from most messages, and a call for each costs more than the test)
    headers = _index(original)
    field = headers.get("return-path")
    return_path = _value(field) if field else None
    envelope: list[str] = [return_path] if return_path else []
    names = mail.header_names()
    for name in _ENVELOPE_HEADERS:
        # Every one is read: the service's VERP separator may be '-', which no cheap look can tell
        # from an ordinary hyphen.
        if name in names:
            for value in mail.headers(name)[:4]:
                envelope.extend(value.split(",")[:8])
    if mail_from:
        envelope.append(mail_from)
    envelope_addresses = _envelope_addresses(envelope)
    field = headers.get("feedback-id")
    feedback_id = _value(field) if field else None
    if feedback_id is None:
        field = headers.get("cfbl-feedback-id")
        feedback_id = _value(field) if field else None
    field = headers.get("dkim-signature")
    dkim = _value(field) if field else None
    dkim_match = _DKIM_DOMAIN.search(dkim) if dkim else None
    field = headers.get(account_header.lower()) if account_header else None
    account = _value(field) if field else None
    field = headers.get("message-id")
    message_id = _value(field) if field else None
    field = headers.get("from")
    sender = _value(field) if field else None
    found = make_attribution(
        verp_local_part=_verp_local_part(envelope_addresses),
        envelope_addresses=envelope_addresses,
        account=account,
        feedback_id=feedback_id,
        feedback_sender_id=(feedback_id.rsplit(":", 1)[-1].strip() or None) if feedback_id else None,
        original_message_id=message_id,
        from_domain=_domain(sender),
        mail_from_domain=_domain(mail_from or return_path),
        dkim_domain=dkim_match.group(1).strip().rstrip(".").lower() if dkim_match else None,
    )
    return None if found.empty() else found
