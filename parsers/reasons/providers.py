"""Reasons decided by the receiving host's own error vocabulary (Google, Microsoft, Yahoo, ...).

Large providers document their SMTP replies (an error code such as Cox's "AUP#CXBL" or Orange's
"OFR_506", or a fixed sentence such as Google's "The email account that you tried to reach does
not exist"). Their meaning is narrower, and sometimes different, from what the generic status or
phrase tables would read into the same reply: Exchange Online's "5.4.1 Recipient address
rejected: Access denied" is an unknown user, not a relay refusal. The provider is recognised by
the remote MTA's host name (and, for a few ISPs whose replies carry their own code, by the
recipient's domain); a few sentences are unique enough to be recognised anywhere.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping, Sequence

from parsers import patterncode
from parsers.delivery import Delivery

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final

# (the look-behinds after the first digit, as in parsers.reasons.status: re skips ahead to a digit)
_STATUS = patterncode.compile(r"([245](?<![\w.][245])\.\d{1,3}\.\d{1,3})(?!\.?\d)")
_CODE = patterncode.compile(r"([245](?<![\w.\-][245])[0-5]\d)(?=[\s\-:;]|$)")


def collapsed(low: str) -> str:
    """`low` with its white space collapsed to single spaces, and none at either end."""
    # (a reply on one line with single spaces is already in that form: splitting and joining it
    # anew cost ~9 k instructions a reply. An ASCII text holds no white space str.split knows but
    # these; each absent one is found absent by a memchr, where str.isprintable looked every
    # character up: -0.6 M instructions over the dev corpus x5)
    if (
        "\n" not in low
        and "  " not in low
        and "\t" not in low
        and "\r" not in low
        and low.isascii()
        and "\x0b" not in low
        and "\x0c" not in low
        and "\x1c" not in low
        and "\x1d" not in low
        and "\x1e" not in low
        and "\x1f" not in low
        and low.strip() is low
    ):
        return low
    return " ".join(low.split())


class _Reply:
    """The facts of one delivery that the provider tables look at.

    The status and reply code read out of the reply's text are found when a rule first asks
    (most replies come from no known provider, and no rule asks)."""

    __slots__ = ("_code", "_status", "delivery", "domain", "host", "raw", "text")

    def __init__(self, delivery: Delivery) -> None:
        raw = delivery.diagnostic or ""
        self.delivery = delivery
        self.raw = raw
        self.text = collapsed(raw.lower())
        self._status: str | None = None
        self._code: str | None = None
        self.host = (delivery.remote_mta or "").lower().strip().rstrip(".")
        self.domain = delivery.recipient.rpartition("@")[2].lower()

    @property
    def command(self) -> str:
        """The SMTP command the reply answered, upper-cased (asked by one rule: not made ahead)."""
        return (self.delivery.smtp_command or "").upper()

    @property
    def status(self) -> str:
        """The report's status, or the reply's own where the report gives none or only x.0.0
        ("" when neither)."""
        status = self._status
        if status is None:
            status = self.delivery.status or ""
            if not status or status.endswith(".0.0"):
                m = _STATUS.search(self.raw)
                status = m.group(1) if m and not m.group(1).endswith(".0.0") else status
            self._status = status
        return status

    @property
    def code(self) -> str:
        """The report's reply code, else the reply's own ("" when neither)."""
        code = self._code
        if code is None:
            code = self.delivery.smtp_code
            if not code:  # (the reply's own code only where the report gives none)
                m = _CODE.search(self.raw)
                code = m.group(1) if m else ""
            self._code = code
        return code


# A provider's phrases, in its table's order, the reason of each (the first reason that lists it),
# and keys one of which every phrase holds.
_PhraseTable = tuple[tuple[str, ...], dict[str, str], tuple[str, ...]]

# A phrase's key: its first characters, which phrases that begin alike share ("the email account
# that you tried to reach ...", "resolver.adr. ..."), and which few replies hold.
_KEY = 12


def _phrase_table(table: Mapping[str, Sequence[str]]) -> _PhraseTable:
    """`table` (reason -> phrases) as the phrases in its order, the reason of each, and their keys."""
    reason_of: dict[str, str] = {}
    for reason, phrases in table.items():
        for phrase in phrases:
            reason_of.setdefault(phrase, reason)
    return tuple(reason_of), reason_of, tuple(dict.fromkeys(phrase[:_KEY] for phrase in reason_of))


def _phrases(reply: _Reply, table: _PhraseTable) -> str | None:
    """The reason of the first phrase of `table` in the reply."""
    text = reply.text
    # (a reply without any key holds no phrase: phrases that begin alike are ruled out by one
    # search for their key, where each was searched for)
    for key in table[2]:
        if key in text:
            break
    else:
        return None
    for phrase in table[0]:
        if phrase in text:
            return table[1][phrase]
    return None


# --- Google (Gmail, Google Workspace) ----------------------------------------------------------------
# (enhanced status, phrase) -> reason; the status must agree when the report gives one.
_GOOGLE: dict[str, tuple[tuple[str, str], ...]] = {
    "auth_failure": (
        ("4.7.24", "the spf record of the sending domain"),
        ("5.7.24", "the spf record of the sending domain"),
        ("4.7.26", "senders to authenticate with either spf or dkim"),
        ("5.7.26", "senders to authenticate with either spf or dkim"),
        ("5.7.26", "fails to pass spf checks for an spf record with a hard fail"),
        ("5.7.26", "has an spf record with a hard fail policy"),
        ("4.7.26", "is not accepted due to domain's dmarc policy"),
        ("5.7.26", "is not accepted due to domain's dmarc policy"),
        ("5.7.1", "fails to pass authentication checks"),
        ("5.7.26", "fails to pass authentication checks"),
        ("4.7.27", "senders to authenticate with spf"),
        ("4.7.27", "senders to authenticate their email with spf"),
        ("5.7.27", "senders to authenticate with spf"),
        ("4.7.30", "senders to authenticate their email with dkim"),
        ("5.7.30", "senders to authenticate with dkim"),
        ("4.7.32", "aligned with either the authenticated spf or dkim"),
    ),
    "bad_reputation": (
        ("4.7.0", "very low reputation of the sending ip address"),
        ("4.7.0", "very low reputation of the sending domain"),
        ("5.7.1", "due to the very low reputation of the sending ip address"),
        ("5.7.1", "due to the very low reputation of the sending domain"),
    ),
    "blocked": (
        ("4.7.0", "ip not in whitelist for rcpt domain"),
        ("4.7.0", "try again later, closing connection."),
        ("5.5.4", "empty helo/ehlo argument not allowed"),
        ("5.5.4", "helo/ehlo argument is invalid"),
        ("4.7.0", "an unusual rate of unsolicited mail"),
        ("4.7.28", "an unusual rate of mail"),
        ("5.7.1", "an unusual rate of unsolicited mail"),
        ("5.7.28", "an unusual rate of unsolicited mail"),
    ),
    "exceed_limit": (("5.2.3", "exceeded google's message size limits"),),
    "expired": (("4.7.0", "connection expired"), ("4.4.2", "timeout - closing connection")),
    "security_error": (
        ("5.7.0", "must issue a starttls command first"),
        ("4.7.0", "tls required for rcpt domain"),
        ("4.7.29", "senders to use tls/ssl for smtp"),
        ("5.7.29", "senders to use tls/ssl for smtp"),
        ("4.7.0", "too many login attempts"),
        ("5.5.1", "authentication required."),
        ("5.7.0", "authentication required."),
        ("5.7.1", "application-specific password required"),
        ("5.7.9", "application-specific password required"),
        ("5.7.1", "username and password not accepted"),
        ("5.7.8", "username and password not accepted"),
    ),
    "mailbox_full": (
        ("4.2.2", "inbox is out of storage space"),
        ("5.2.2", "inbox is out of storage space"),
        ("4.2.2", "is over quota"),
        ("5.2.2", "is over quota"),
        ("5.7.1", "email quota exceeded"),
    ),
    "message_too_big": (
        ("5.3.4", "exceeded google's message size limits"),
        ("5.3.4", "exceeds google's message size limit of"),
    ),
    "network_error": (("5.4.6", "message exceeded 50 hops"), ("5.6.0", "message exceeded 50 hops")),
    "no_relaying": (
        ("5.7.0", "mail relay denied"),
        ("5.7.1", "invalid credentials for relay"),
        ("5.7.1", "is not authorized to send email directly to our servers"),
    ),
    "not_compliant_rfc": (
        ("5.7.1", "missing a valid address in the from: header"),
        ("5.7.1", "multiple addresses in from: header are not accepted"),
        ("5.7.1", "is not rfc 5322 compliant"),
        ("5.7.1", "missing a valid message-id: header"),
        ("5.7.1", "contains a unicode character in a disallowed header"),
        ("5.7.1", "encoded-word syntax is not permitted"),
        ("5.6.0", "mail message is malformed"),
    ),
    "policy_violation": (
        ("5.7.0", "illegal attachment on your message"),
        ("5.7.0", "blocked because its content presents a potential security issue"),
        ("5.7.1", "you are sending to (or from) has a policy that prohibited"),
        ("4.7.28", "sending messages with the same message-id:"),
    ),
    "rejected": (("5.7.0", "mail sending denied"), ("5.7.1", "unauthenticated email is not accepted")),
    "require_ptr": (
        ("4.7.0", "does not have a ptr record"),
        ("4.7.23", " have a ptr record, or the ptr record"),
        ("5.7.1", "does not meet ipv6 sending guidelines regarding ptr records and authentication"),
        ("5.7.25", "does not have a ptr record"),
        ("5.7.25", "does not match the ip address of the hostname"),
    ),
    "spam_detected": (
        ("4.7.0", "due to the nature of the content or the links within"),
        ("5.7.1", "likely unsolicited mail"),
    ),
    "rate_limited": (
        ("4.2.1", "is receiving mail too quickly"),
        ("4.2.1", "peak smtp relay limit exceeded for customer"),
        ("4.2.1", "rate that prevents additional messages from being delivered"),
        ("5.2.1", "rate that prevents additional messages from being delivered"),
        ("5.4.5", "daily sending quota exceeded"),
        ("5.4.5", "daily user sending limit exceeded"),
        ("5.4.5", "daily smtp relay limit exceeded for"),
        ("5.7.1", "daily smtp relay limit exceeded for"),
        ("5.7.1", "daily smtp relay sending limit exceeded for"),
        ("5.7.1", "this mail has been rate limited"),
        ("4.5.3", "your message has too many recipients"),
        ("5.5.3", "too many recipients for this sender"),
    ),
    # a disabled account, or one Google closed for non-use: the address is gone
    "account_disabled": (
        ("5.2.1", "account that you tried to reach is disabled"),
        ("5.2.1", "account that you tried to reach is inactive"),
    ),
    "syntax_error": (
        ("4.5.0", "smtp protocol violation"),
        ("5.7.10", "smtp protocol violation"),
        ("5.5.2", "syntax error"),
        ("5.7.11", "syntax error"),
        ("5.5.1", "bad sequence of commands"),
        ("5.5.1", "unrecognized command"),
    ),
    "system_error": (
        ("4.3.0", "temporary system problem"),
        ("4.7.0", "temporary system problem"),
        ("4.4.5", "server busy"),
        ("4.3.0", "multiple destination domains per transaction is unsupported"),
        ("4.3.0", "mail server temporarily rejected message"),
        ("4.3.0", "mail server has temporarily rejected this message"),
        ("4.5.3", "domain policy size per transaction exceeded"),
    ),
    "user_unknown": (
        ("5.1.1", "the email account that you tried to reach does not exist"),
        ("5.1.2", "we weren't able to find the recipient domain"),
        ("5.1.3", "is not a valid rfc 5321 address"),
    ),
}


def _by_status(
    table: Mapping[str, Sequence[tuple[str, str]]],
) -> dict[str, tuple[tuple[str, str], ...]]:
    """(phrase, reason) of each (status, phrase) entry of `table` (reason -> entries), in the
    table's order, under the entry's status; every entry under "" (a reply with no status, which
    any entry's status agrees with)."""
    by_status: dict[str, list[tuple[str, str]]] = {"": []}
    for reason, entries in table.items():
        for status, phrase in entries:
            by_status[""].append((phrase, reason))
            by_status.setdefault(status, []).append((phrase, reason))
    return {status: tuple(entries) for status, entries in by_status.items()}


@functools.cache
def _google_by_status() -> dict[str, tuple[tuple[str, str], ...]]:
    """_GOOGLE by status, made at the first Google reply (0.3 M instructions that a process
    with none need not spend)."""
    return _by_status(_GOOGLE)


def _google(reply: _Reply) -> str | None:
    # (a reply with a status is compared with its status's phrases alone, a few, not the hundred
    # of the table: ~100 k instructions a Google reply, 3 M over the dev corpus x5)
    text = reply.text
    for phrase, reason in _google_by_status().get(reply.status, ()):
        if phrase in text:
            return reason
    return None


# --- Microsoft (Exchange Online, Outlook.com, Exchange Server) ------------------------------------
# Microsoft's enhanced codes, whose meaning is narrower than RFC 3463's class (Microsoft's "Email
# non-delivery reports and SMTP errors in Exchange Online" decides where sources disagree):
# (status prefix, lowest, highest third number or 0, phrase) -> reason. An entry with a phrase holds
# only where the reply says it; one without ("") reads the code alone, after every phrase of its
# class, the exact code before a range; a phrase is listed only where it reads otherwise than its
# code alone. The one table of both the replies of Microsoft's hosts and the reports of Exchange
# Online (parsers.mta.office365).
_MICROSOFT: dict[str, tuple[tuple[str, int, int, str], ...]] = {
    "auth_failure": (
        ("4.7.26", 0, 0, ""),
        ("5.7.23", 0, 0, ""),  # SPF
        ("5.7.509", 0, 0, ""),  # DMARC
    ),
    "bad_reputation": (("4.7.650", 0, 0, "has been temporarily rate limited due to ip reputation"),),
    "blocked": (
        ("4.4.2", 0, 0, "connection dropped"),
        ("5.7.513", 0, 0, "using customer block list"),
        # (the tenant's sending banned for its suspicious traffic: Microsoft's 5.7.700-749)
        ("5.7.", 700, 749, "access denied, tenant has exceeded threshold"),
        ("5.7.", 700, 749, "access denied, traffic not accepted from this ip"),
        ("5.7.1", 0, 0, "part of their network is on our block list (s3150)"),
        # (4.7.500-699: an IP held back while its suspicious traffic is looked at, "server busy"
        # included; 5.7.510: the recipient's domain refuses mail over IPv6, not the address)
        ("4.7.", 500, 699, ""),
        ("4.7.", 850, 899, ""),
        ("5.7.", 506, 507, ""),
        ("5.7.", 510, 511, ""),
        ("5.7.", 606, 649, ""),
        ("5.7.", 700, 749, ""),
    ),
    "content_error": (
        ("5.3.0", 0, 0, "too many related errors"),
        ("5.0.350", 0, 0, ""),
        ("5.6.11", 0, 0, ""),
    ),
    "exceed_limit": (("5.2.3", 0, 0, "resolver.rst.recipsizelimit; message too large for this recipient"),),
    "expired": (
        ("4.4.1", 0, 0, "connection timed out"),
        ("4.4.7", 0, 0, ""),
        ("5.4.300", 0, 0, ""),
        ("4.4.316", 0, 0, ""),
        ("5.4.316", 0, 0, ""),
    ),
    "mailbox_full": (("5.2.2", 0, 0, "mailbox full"),),
    "message_too_big": (("5.3.4", 0, 0, "message size exceeds fixed maximum message size"),),
    "network_error": (
        ("4.4.316", 0, 0, "connection refused"),
        ("5.4.14", 0, 0, "routing loop detected"),
        ("4.4.312", 0, 0, ""),
        ("5.4.312", 0, 0, ""),
        ("5.4.6", 0, 0, ""),
        ("5.4.8", 0, 0, ""),  # a loop (an MX that points back at Microsoft 365)
    ),
    "no_relaying": (
        ("5.7.1", 0, 0, "unable to relay"),
        ("5.4.1", 0, 0, "relay access denied"),
        ("5.7.64", 0, 0, "tenantattribution; relay access denied"),
        ("5.4.1", 0, 0, ""),  # (but for its "recipient address rejected: access denied", below)
    ),
    "policy_violation": (
        ("5.7.", 900, 999, "delivery not authorized, message refused"),
        ("5.3.190", 0, 0, ""),  # journaling the tenant has not enabled
        ("5.7.512", 0, 0, ""),
        ("5.7.520", 0, 0, ""),  # the tenant forbids forwarding outside it
        ("5.7.703", 0, 0, ""),  # the tenant's own block list
    ),
    "rejected": (
        ("5.1.0", 0, 0, "sender denied"),  # the sender, not the address
        ("5.1.7", 0, 0, "invalid address"),
        ("5.1.8", 0, 0, "access denied, bad outbound sender"),
        ("5.7.1", 0, 0, "delivery not authorized"),
        ("5.7.750", 0, 0, "client blocked from sending from unregistered domains"),
        ("5.7.12", 0, 0, ""),
        ("5.7.13", 0, 0, ""),
        ("5.7.124", 0, 0, ""),
        ("5.7.", 133, 136, ""),
        # (5.7.501-503: the sending account banned for its spam, not a message judged spam)
        ("5.7.", 501, 503, ""),
        ("5.7.800", 0, 0, ""),  # (the sending domain banned for its spam: the sender, as 501-503's)
    ),
    "require_ptr": (("5.7.25", 0, 0, ""),),
    "security_error": (
        ("5.7.3", 0, 0, "cannot achieve exchange server authentication"),
        ("4.4.317", 0, 0, "starttls is required to send mail"),
        ("5.4.317", 0, 0, "starttls is required to send mail"),
        ("5.7.57", 0, 0, ""),
    ),
    "spam_detected": (("5.2.1", 0, 0, "content filter agent quarantined this message"),),
    "rate_limited": (
        ("4.3.2", 0, 0, "storedrv.deliver; recipient thread limit exceeded"),
        ("5.5.3", 0, 0, "too many recipients"),
        ("4.5.3", 0, 0, "too many recipients"),
        ("5.1.90", 0, 0, ""),  # the sender's daily recipient limit
        ("5.2.", 121, 122, ""),  # a recipient's hourly receive limit
        ("5.7.508", 0, 0, ""),
    ),
    "suspend": (("5.2.1", 0, 0, "mailbox cannot be accessed"),),
    "system_error": (
        ("4.3.2", 0, 0, "service not available"),
        ("4.3.2", 0, 0, "service not active"),
        ("5.3.5", 0, 0, "system incorrectly configured"),
        ("4.4.318", 0, 0, "(suspiciousremoteservererror)"),
        ("5.4.318", 0, 0, "(suspiciousremoteservererror)"),
        ("4.7.700", 0, 0, "pfa agent busy, please try again."),
    ),
    "system_full": (("4.3.1", 0, 0, "insufficient system resources"),),
    "host_unknown": (("5.4.4", 0, 0, "smtpsend.dns.nonexistentdomain; nonexistent domain"),),
    "user_unknown": (
        ("5.1.1", 0, 0, "resolver.adr.exrecipnotfound; not found"),
        ("5.1.1", 0, 0, "user unknown"),
        ("5.1.1", 0, 0, "bad destination mailbox address"),
        ("5.1.3", 0, 0, "storedrv.submit; invalid recipient address"),
        # (directory-based edge blocking: no such recipient in the tenant)
        ("5.4.1", 0, 0, "recipient address rejected: access denied"),
        ("5.5.0", 0, 0, "requested action not taken: mailbox unavailable"),
        ("5.1.10", 0, 0, ""),
        # (5.7.505 "access denied, banned recipient": Microsoft documents the recipient, as 5.7.504's,
        # as not valid)
        ("5.7.", 504, 505, ""),
    ),
}


_MicrosoftEntry = tuple[str, int, int, str, str]


@functools.cache
def _microsoft_by_class() -> dict[str, tuple[_MicrosoftEntry, ...]]:
    """(prefix, lowest, highest, phrase, reason) of each _MICROSOFT entry under its prefix's first
    four characters, the class and subject ("5.7."): those with a phrase in the table's order,
    then the code's own reading, an exact code before a range. Made at the first Microsoft reply
    (a process with none need not spend it)."""
    by_class: dict[str, list[_MicrosoftEntry]] = {}
    for reason, entries in _MICROSOFT.items():
        for prefix, low, high, phrase in entries:
            by_class.setdefault(prefix[:4], []).append((prefix, low, high, phrase, reason))
    return {
        key: tuple(sorted(entries, key=lambda e: (not e[3], not e[3] and e[1] != 0)))
        for key, entries in by_class.items()
    }


def microsoft_reason(status: str | None, text: str) -> str | None:
    """The reason Microsoft's status code means, with `text` (the reply, lower-cased, its white
    space collapsed) where the code alone is too broad."""
    tail = status.rpartition(".")[2] if status else ""
    if not status or not tail.isdecimal():
        return None
    last = int(tail)
    # (a status equal to an entry's prefix, or opening with it, opens with its first four
    # characters, every prefix being at least "5.7.": a 5.1.1 reply is compared with the few
    # 5.1. entries, not all ninety in turn)
    for prefix, low, high, phrase, reason in _microsoft_by_class().get(status[:4], ()):
        if low == high == 0:
            if status != prefix:
                continue
        elif not status.startswith(prefix) or not low <= last <= high:
            continue
        if phrase in text:
            return reason
    return None


def _microsoft(reply: _Reply) -> str | None:
    return microsoft_reason(reply.status, reply.text)


_YAHOO = _phrase_table(
    {
        "auth_failure": ("yahoo requires all senders to authenticate with either spf or dkim",),
        "blocked": (
            " because the ip is in spamhaus's list;",
            "not accepted from ip addresses on spamhaus xbl",
        ),
        "no_relaying": ("relaying denied for ",),
        "not_compliant_rfc": ("headers are not rfc compliant",),
        "policy_violation": ("not accepted for policy reasons",),
        "rejected": (
            "temporarily deferred due to unexpected volume or user complaints",
            "due to unresolvable rfc.5321 domain",
            " will be permanently deferred",
        ),
        "rate_limited": ("user is receiving mail too quickly", "max message per connection reached"),
        "account_disabled": (" is no longer valid.", "this mailbox is disabled"),
        "syntax_error": ("syntax error in parameters or arguments",),
        "user_unknown": ("dd this user doesn't have a ", "mailbox not found"),
    }
)

_APPLE = _phrase_table(
    {
        "auth_failure": ("s dmarc policy", "blocked for failing both spf and dkim"),
        "blocked": (
            "rejected due to having a domain present in the spamhaus",
            "rejected due to listing in spamhaus",
            "blocked - see https://support.proofpoint.com/dnsbl-lookup",
            "not accepting connections",
        ),
        "has_moved": ("recipient no longer on server",),
        "mailbox_full": ("user is over quota",),
        "no_relaying": ("relay access denied",),
        "not_accept": ("host/domain does not accept mail",),
        "policy_violation": ("due to local policy",),
        "rejected": ("sender address rejected",),
        "rate_limited": ("due to excessive volume",),
        "user_unknown": ("inactive email address", "user does not exist", "unknown or illegal alias"),
    }
)

# Broadcom Email Security.cloud, formerly MessageLabs (*.messagelabs.com).
_MESSAGELABS = _phrase_table(
    {
        "auth_failure": ("domain authentication fail",),
        "bad_reputation": ("connection rejected by policy",),
        "blocked": (
            "mail rejected because your ip is in the pbl",
            "your ip address has been ",
            "your ip address (ip-addr) has been blocked",
            "your email address (addr) has been blocked",
        ),
        "content_error": ("stray linefeeds in message",),
        "security_error": (
            "tls/sslv3 connection required",
            "please turn on smtp authentication in your mail client",
        ),
        "no_relaying": (" as a relay, ",),
        "not_compliant_rfc": (
            "550 requested action aborted [4]",
            "has detected that this message is not rfc 5322",
        ),
        "rate_limited": ("too many recipients received this hour", "too many messages"),
        "rejected": (
            "sender envelope domain not allowed for sender ip address",
            "your domain has been blocked",
            "your email address has been blocked",
            "your envelope sender is in my badmailfrom list",
            "your email address has been blacklisted",
            "your domain has been blacklisted",
        ),
        "spam_detected": ("message filtered", "filtered by outbound scanning"),
        "user_unknown": ("no such user", "invalid recipient", "mailbox is not allowed"),
    }
)

_COX_CODES = {
    "CXBL": "blocked",
    "CXDNS": "require_ptr",
    "CXSNDR": "auth_failure",
    "CXSMTP": "rejected",
    "CXCNCT": "rate_limited",
    "CXMXRT": "rate_limited",
    "CDRBL": "blocked",
    "CXTHRT": "security_error",
    "CXMJ": "security_error",
}
_COX = _phrase_table(
    {
        "blocked": ("cox too many bad commands from", "too many invalid recipients"),
        "require_ptr": ("dns check failure - try again later", "rejected - no rdns"),
        "policy_violation": ("esmtp no data before greeting", "attachment extension is forbidden"),
        "rejected": ("sender rejected",),
        "system_error": ("esmtp server temporarily not available",),
        "rate_limited": (
            "too many sessions from",
            "requested action aborted: try again later",
            "message threshold exceeded",
        ),
        "user_unknown": ("recipient rejected",),
    }
)


_AUP_REFERENCE = patterncode.compile(r"aup#([0-9a-z]+)")


def _cox(reply: _Reply) -> str | None:
    m = _AUP_REFERENCE.search(reply.text)
    if m:
        code = m.group(1).upper()
        if code in _COX_CODES:
            return _COX_CODES[code]
        if code.startswith("IPBL"):
            return "blocked"
        if code.startswith("URLBL"):
            return "spam_detected"
    return _phrases(reply, _COX)


# Spectrum (Charter) "AUP#I-1000" ... ranges of four-digit codes.
_SPECTRUM = (
    (1000, 1000, "blocked"),
    (1010, 1010, "rejected"),
    (1020, 1080, "rejected"),
    (1090, 1090, "system_error"),
    (1100, 1150, "require_ptr"),
    (1160, 1190, "policy_violation"),
    (1200, 1250, "blocked"),
    (1260, 1260, "network_error"),
    (1300, 1340, "too_many_connections"),  # concurrent connections; the others are rates
    (1350, 1490, "rate_limited"),
    (1500, 1520, "rejected"),
    (1530, 1530, "message_too_big"),
    (1540, 1550, "rate_limited"),
    (1560, 1560, "policy_violation"),
    (1580, 1580, "rate_limited"),
)


_AUP_CODE = patterncode.compile(r"aup#[-a-z]*(\d{4})")


def _spectrum(reply: _Reply) -> str | None:
    m = _AUP_CODE.search(reply.text)
    if m:
        number = int(m.group(1))
        for low, high, reason in _SPECTRUM:
            if low <= number <= high:
                return reason
        return None
    return "rejected" if "sender rejected" in reply.text else None


# Orange / La Poste: "OFR_506", "LPN105_104", "OUK_513": the last three digits are the code.
_FRANCE = {
    "101": "blocked",
    "102": "blocked",
    "103": "blocked",
    "104": "too_many_connections",
    "305": "security_error",
    "401": "blocked",
    "402": "security_error",
    "403": "rejected",
    "405": "rejected",
    # "Boite du destinataire archivee": a mailbox archived after months without use, which the
    # French phrase family already reads as closed for non-use (hard, as issue 12 has it), under
    # either code Orange and La Poste give it
    "415": "account_disabled",
    "416": "user_unknown",
    "417": "mailbox_full",
    "418": "user_unknown",
    "420": "account_disabled",
    "421": "rejected",
    "426": "suspend",
    "505": "system_error",
    "506": "spam_detected",
    "510": "blocked",
    "514": "message_too_big",
    "517": "policy_violation",
    "630": "policy_violation",
    "999": "blocked",
}


_OUTLOOK_CODE = patterncode.compile(r"\b(?:lpnaaa|lpn|ofr|ouk)(?:_\d{3}|\d{3}[-_]\d{3})\b")


def _france(reply: _Reply) -> str | None:
    m = _OUTLOOK_CODE.search(reply.text)
    # "Emetteur invalide. Invalid Sender." (with or without the accent) is their refusal of the
    # sender under whichever code (403, 405, and 415, which also stands for an archived mailbox):
    # never the recipient's address being gone
    if m and ("invalid sender" in reply.text or "metteur invalide" in reply.text):
        return "rejected"
    # A code Orange/La Poste do not document ("try again later" ones) says nothing more: undefined.
    return _FRANCE.get(m.group(0)[-3:], "undefined") if m else None


_GODADDY_CODES = {
    "IB401": "security_error",
    "IB501": "not_compliant_rfc",
    "IB502": "not_compliant_rfc",
    "IB506": "rejected",
    "IB508": "auth_failure",
    "IB108": "require_ptr",
    "IB212": "spam_detected",
    "IB705": "virus_detected",
    "IB605": "rate_limited",
    "IB007": "rate_limited",
    "IB101": "rate_limited",
    "IB110": "blocked",
    "IB111": "blocked",
    "IB112": "blocked",
    "IB113": "blocked",
    "IB504": "rate_limited",
    "IB510": "rate_limited",
    "IB607": "rate_limited",
    "IB103": "bad_reputation",
    "IB104": "blocked",
    "IB105": "blocked",
    "IB106": "blocked",
}
_GODADDY = _phrase_table(
    {
        "blocked": ("rbl reject", "www.spamhaus.org/query/bl?ip="),
        "expired": ("has been in the queue too long", "delivery timeout"),
        "mailbox_full": ("account storage limit",),
        "spam_detected": ("message rejected for spam or virus content",),
        "account_disabled": ("account disabled",),
        "system_error": ("message is looping",),
        "user_unknown": ("recipient not found", "account does not exist"),
    }
)


_IB_CODE = patterncode.compile(r"\b(ib\d{3})\b")


def _godaddy(reply: _Reply) -> str | None:
    m = _IB_CODE.search(reply.text)
    if m and m.group(1).upper() in _GODADDY_CODES:
        return _GODADDY_CODES[m.group(1).upper()]
    return _phrases(reply, _GODADDY)


# i.ua: "https://mail.i.ua/err/2/" -> the number after /err/.
_IUA = {
    "1": "no_relaying",
    "2": "user_unknown",
    "3": "suspend",
    "4": "mailbox_full",
    "5": "rate_limited",
    "6": "no_relaying",
    "7": "blocked",
    "8": "rejected",
    "9": "blocked",
    "10": "filtered",
}


_I_UA_CODE = patterncode.compile(r"\.i\.ua/err/(\d{1,2})")


def _iua(reply: _Reply) -> str | None:
    m = _I_UA_CODE.search(reply.text)
    return _IUA.get(m.group(1)) if m else None


def _kddi(reply: _Reply) -> str | None:
    # "550 : User unknown" comes from au's content filter, "550 <a@b>: User unknown" from the MTA.
    if "550 : user unknown" in reply.text:
        return "filtered"
    if ">: user unknown" in reply.text:
        return "user_unknown"
    return None


_MIMECAST: dict[str, tuple[tuple[str, str], ...]] = {
    "auth_failure": (
        ("550", "spf sender invalid - envelope rejected"),
        ("550", "dkim sender invalid - envelope rejected"),
        ("550", "dmarc sender invalid - envelope rejected"),
    ),
    "bad_reputation": (
        ("451", "internal resources are temporarily unavailable"),
        ("550", "local ct ip reputation - (reject)"),
    ),
    "blocked": (
        ("421", "sender address blocked"),
        ("451", "recipient temporarily unavailable"),
        ("451", "ip temporarily blacklisted"),
    ),
    "message_too_big": (("554", "maximum email size exceeded"),),
    "network_error": (("554", "mail loop detected"),),
    "no_relaying": (("451", "open relay not allowed"),),
    "not_accept": (("451", "account inbounds disabled"),),
    "on_hold": (
        ("451", "account outbounds disabled"),
        ("451", "hostname is not authorized"),
        ("550", "journal message past expiration"),
    ),
    "policy_violation": (
        ("550", "anti-spoofing policy - inbound not allowed"),
        ("550", "rejected by header-based anti-spoofing policy"),
        ("550", "message bounced due to content examination policy"),
        ("554", "host network not allowed"),
    ),
    "rejected": (
        ("550", "administrative prohibition envelope blocked"),
        ("550", "envelope blocked"),
        ("550", "rejected by header-based manually blocked senders"),
        ("550", "rejected by header-based blocked senders"),
        ("550", "envelope rejected - block policy for envelope from address"),
    ),
    "security_error": (
        ("535", "incorrect authentication data"),
        ("553", "this route requires encryption (tls)"),
        ("553", "this route requires tls version 1.2 or greater"),
        ("553", "this route requires high-strength ciphers"),
        ("554", "configuration is invalid for this certificate"),
    ),
    "system_error": (
        ("451", "unable to process connection at this time"),
        ("451", "message ended early"),
        ("451", "unable to process command"),
        ("451", "unable to process an email at this time"),
    ),
    "rate_limited": (
        ("451", "account service is temporarily unavailable"),
        ("452", "too many recipients"),
        ("550", "exceeding outbound thread limit"),
    ),
    "user_unknown": (("501", "invalid address"), ("503", "user unknown"), ("550", "invalid recipient")),
    "virus_detected": (("554", "email rejected due to security policies"),),
}


def _mimecast(reply: _Reply) -> str | None:
    for reason, entries in _MIMECAST.items():
        for code, phrase in entries:
            if phrase in reply.text and (not reply.code or reply.code == code):
                return reason
    return None


def _docomo(reply: _Reply) -> str | None:
    if reply.status in ("5.1.1", "5.0.911"):
        return "user_unknown"
    if reply.status == "5.2.0":
        return "filtered"  # docomo's own filter refused the message after DATA
    if "552 too much mail data" in reply.text:
        return "mailbox_full"
    if "552 too many recipients" in reply.text:
        return "rate_limited"
    if "503 bad sequence of commands" in reply.text or "504 command parameter not implemented" in reply.text:
        return "syntax_error"
    if reply.status == "5.0.0":
        if reply.command == "RCPT":
            return "user_unknown"
        if reply.command == "DATA":
            return "rejected"
    return None


_TENCENT = _phrase_table(
    {
        "auth_failure": ("spf check failed", "dmarc check failed"),
        "blocked": ("suspected bounce attacks", "suspected spam ip", "connection denied"),
        "message_too_big": ("message too large",),
        "rejected": ("suspected spam", "mail is rejected by recipients"),
        "spam_detected": ("spam is embedded in the email", "mail content denied"),
        "rate_limited": (
            "mailbox unavailable or access denined",
            "ip frequency limited",
            "domain frequency limited",
            "sender frequency limited",
            "connection frequency limited",
        ),
        "account_disabled": ("is a deactivated mailbox",),
        "syntax_error": ("bad address syntax",),
        "user_unknown": ("mailbox not found",),
    }
)

# Facebook's postmaster response codes ("550 5.1.1 RCP-P2 ..."): RCP = recipient, MSG = message,
# POL = policy, DNS = sender's DNS, CON = connection, INT = internal.
_FACEBOOK_CODE = patterncode.compile(r"\b([A-Z]{3})-([A-Z])(\d)\b")
_FACEBOOK: dict[str, tuple[str, ...]] = {
    "user_unknown": ("RCP-P1", "INT-P1", "INT-P3", "INT-P4"),
    "filtered": ("RCP-P2", "RCP-P3"),
    "message_too_big": ("MSG-P1", "INT-P2"),
    "content_error": ("MSG-P2", "MSG-P3", "POL-P6", "POL-P7"),
    "security_error": ("POL-P1", "POL-P2", "POL-P5"),
    "not_accept": ("POL-P3", "POL-P4", "POL-T1", "POL-T2", "POL-T3"),
    "rejected": ("DNS-P1", "DNS-P2", "DNS-T1", "DNS-P3", "DNS-T2"),
    "system_error": ("CON-T1",),
    "rate_limited": ("CON-T3",),
    "suspend": ("RCP-T4",),
    "undefined": ("RCP-T1", "MSG-T1", "CON-T2", "CON-T4"),
}


def facebook_reason(text: str) -> str | None:
    """The reason of a Facebook response code quoted in a reply, if any."""
    m = _FACEBOOK_CODE.search(text)
    if not m:
        return None
    code = f"{m.group(1)}-{m.group(2)}{m.group(3)}"
    for reason, codes in _FACEBOOK.items():
        if code in codes:
            return reason
    return "system_error" if code.startswith("INT-T") else None


def _facebook(reply: _Reply) -> str | None:
    return facebook_reason(reply.raw)


# Host-name fragments (of the remote MTA) -> provider rules.
_BY_HOST: tuple[tuple[tuple[str, ...], Callable[[_Reply], str | None]], ...] = (
    ((".mail.icloud.com", ".apple.com", ".me.com"), lambda r: _phrases(r, _APPLE)),
    (("cox.net",), _cox),
    ((".laposte.net", ".orange.fr", ".wanadoo.fr"), _france),
    (("secureserver.net",), _godaddy),
    ((".facebook.com",), _facebook),
    (("aspmx.l.google.com", "gmail-smtp-in.l.google.com", ".google.com", "googlemail.com"), _google),
    ((".email.ua",), _iua),
    ((".ezweb.ne.jp", "msmx.au.com"), _kddi),
    ((".prod.outlook.com", ".protection.outlook.com", ".hotmail.com", ".outlook.com"), _microsoft),
    ((".mimecast.com",), _mimecast),
    (("mfsmax.docomo.ne.jp",), _docomo),
    (("charter.net",), _spectrum),
    ((".qq.com",), lambda r: _phrases(r, _TENCENT)),
    ((".yahoodns.net",), lambda r: _phrases(r, _YAHOO)),
    (("messagelabs.com",), lambda r: _phrases(r, _MESSAGELABS)),
)
# ISPs whose replies carry their own code whoever relayed the bounce: keyed on the recipient's domain.
_BY_DOMAIN: tuple[tuple[tuple[str, ...], Callable[[_Reply], str | None]], ...] = (
    (("cox.net",), _cox),
    (("charter.net", "spectrum.net"), _spectrum),
    (("orange.fr", "wanadoo.fr", "laposte.net"), _france),
    (("i.ua", "email.ua"), _iua),
    # (docomo's "550 Unknown user" under 5.2.0 is its receiving filter, whichever relay reports it)
    (("docomo.ne.jp",), _docomo),
)

# Coremail (the mail system of NetEase 163/126/yeah.net, Sina, 21cn and many Chinese ISPs,
# universities and companies) puts a code of its own in every refusal, whoever runs it: "553
# RP:RDN", "554 DT:SPM 163mx14,...", "550 MI:IPB", "450 WM:BLI". Its documented meanings, per code.
# (searched from its colon, the look-behind checking the two letters before it: re skips ahead to a
# colon, where a pattern that starts with \b is tried at every position of the reply)
_COREMAIL_CODE = patterncode.compile(r":(?<=\b(?:HL|MI|RP|DT|WM):)[A-Z]{3}\b")
_COREMAIL = {
    # "the recipient is refused: no such user (or forwarding is not allowed)", at RCPT TO
    "RP:RDN": "user_unknown",
    "RP:UQT": "mailbox_full",
    "DT:UQT": "mailbox_full",
    "RP:SMS": "message_too_big",
    "RP:UMS": "message_too_big",
    "DT:SMS": "message_too_big",
    "DT:UMS": "message_too_big",
    "RP:RPB": "filtered",  # the recipient is on the system's block list
    "RP:DRL": "no_relaying",
    "RP:RCL": "rate_limited",
    "RP:TRC": "rate_limited",
    "RP:RPH": "rate_limited",
    "DT:MRC": "rate_limited",
    "DT:OSL": "rate_limited",
    "HL:IHU": "rate_limited",
    "HL:ICC": "too_many_connections",
    "HL:IPB": "blocked",
    "MI:IPB": "blocked",
    "MI:RBL": "blocked",
    "DT:SPM": "spam_detected",
    "DT:SUR": "spam_detected",
    "MI:SPM": "spam_detected",
    "MI:SPF": "auth_failure",
    "MI:IMF": "rejected",
    "MI:SFK": "rejected",
    "MI:SUM": "rejected",
    "MI:SPB": "rejected",
    "DT:SUM": "rejected",
    "DT:MTH": "system_error",
    "HL:TLD": "system_error",
    # NetEase's list of its 4xx codes: the sending IP or sender held back for a while (these end a
    # report once the queue gives up, so their meaning is the report's reason)
    "HL:REP": "bad_reputation",  # many unknown recipients from this IP
    "HL:MEP": "blocked",  # this IP forged many sender domains
    "HL:IFC": "rate_limited",
    "MI:SFQ": "rate_limited",  # the sender's mails in 15 minutes
    "MI:DMC": "rate_limited",  # mails on one connection
    "RP:DRC": "rate_limited",  # recipients on one connection
    "MI:CCL": "rate_limited",  # commands beyond the normal number
    "RP:CCL": "rate_limited",
    "MI:CEL": "syntax_error",  # too many erroneous commands
    "RP:CEL": "syntax_error",
    "DT:RBL": "blocked",  # the sending IP on an RBL
    "WM:BLI": "blocked",  # the IP not among those NetEase allows to send
    "WM:BLU": "rejected",  # the sender not among the users allowed to send
}


def _coremail(reply: _Reply) -> str | None:
    m = _COREMAIL_CODE.search(reply.raw)
    return _COREMAIL.get(reply.raw[m.start() - 2 : m.end()]) if m else None


# (its opening, looked for with `in` before the search: a failed `in` test costs a quarter of a
# failed search's call, and nearly every reply lacks it)
_YAHOO_DD = "delivery error: dd "
_YAHOO_DD_GONE = patterncode.compile(_YAHOO_DD + r"\S+ is no longer valid")
# Sentences unique to one provider, recognised whoever relayed them.
_ANYWHERE = _phrase_table(
    {
        "user_unknown": (
            "the email account that you tried to reach does not exist",
            "resolver.adr.recipientnotfound",
            "resolver.adr.recipnotfound",
            "resolver.adr.exrecipnotfound",
            "dd this user doesn't have a ",
            # Yandex checks its recipients after DATA and answers "550 5.7.1 No such user!" for an
            # address it has no mailbox for: not a filter's refusal, whatever the status or stage
            "no such user!",
            # Mail.ru (and the domains it hosts) checks its recipients after DATA too: "550 Message
            # was not accepted -- invalid mailbox.  Local mailbox <a@b> is unavailable: user not
            # found". Its other endings ("account is disabled", "user is terminated") are closed
            # accounts, which the phrase families already read.
            "is unavailable: user not found",
        ),
        "account_disabled": (
            "the email account that you tried to reach is disabled",
            "the email account that you tried to reach is inactive",
            "this mailbox is disabled (554.30)",
        ),
        # Google's DNS reports that say nothing of the domain: a lookup that failed ("... responded
        # with code SERVFAIL") or found no mail server ("... had no relevant answers"). Its NXDOMAIN
        # ("... responded with code NXDOMAIN") says the domain does not exist: the generic table's
        # host_unknown, whichever reader takes the report.
        "network_error": (
            " had no relevant answers.",
            " responded with code servfail",
        ),
        # 1&1/IONOS (and GMX, web.de on the same platform) refuse mail whose sender domain has no
        # usable MX or address record: "550-Requested action not taken: mailbox unavailable 550
        # invalid DNS MX or A/AAAA resource record", and a sender address they refuse the same way,
        # "... mailbox unavailable 550 Sender address is not allowed.". The mailbox it names is the
        # sender's, whatever command the report says it answered: sender-side, never the recipient's.
        "rejected": ("invalid dns mx or a/aaaa resource record", "550 sender address is not allowed"),
    }
)


_Rule = Callable[[_Reply], str | None]


def _tables(table: tuple[tuple[tuple[str, ...], _Rule], ...]) -> tuple[tuple[str, _Rule], ...]:
    """(fragment, rule) of every fragment of `table`, in the table's order (one flat loop per reply)."""
    return tuple((f, rule) for fragments, rule in table for f in fragments)


_HOST_FRAGMENTS: Final = _tables(_BY_HOST)


def _domain_rules(
    table: tuple[tuple[tuple[str, ...], _Rule], ...],
) -> dict[str, tuple[tuple[str, str, _Rule], ...]]:
    """The domains of `table` by their last label ("net" for "cox.net"), each with its spelling as
    a parent (".cox.net") and its rule, in the table's order."""
    rules: dict[str, tuple[tuple[str, str, _Rule], ...]] = {}
    for fragment, rule in _tables(table):
        domain = fragment.lstrip(".")
        label = domain.rpartition(".")[2]
        rules[label] = (*rules.get(label, ()), (domain, "." + domain, rule))
    return rules


# A domain and its parents have the same last label: a recipient's domain is compared with the
# table's domains under its own label only (testing every domain cost a fifth of a reply's reading).
_DOMAIN_RULES: Final = _domain_rules(_BY_DOMAIN)


_MICROSOFT_HELP_LINK = "go.microsoft.com/fwlink/?linkid=526653"
_DIRECTORY_BLOCKED = "recipient address rejected: access denied"


def _by_host(host: str) -> _Rule | None:
    """The rule of the first _BY_HOST fragment in the remote host's name."""
    if host:
        for fragment, rule in _HOST_FRAGMENTS:
            if fragment in host:
                return rule
    return None


def _by_domain(domain: str) -> _Rule | None:
    """The rule of the first _BY_DOMAIN domain that is the recipient's domain or a parent of it."""
    if domain:
        for fragment, dotted, rule in _DOMAIN_RULES.get(domain[domain.rfind(".") + 1 :], ()):
            if domain == fragment or domain.endswith(dotted):
                return rule
    return None


def _reason(delivery: Delivery) -> str | None:
    reply = _Reply(delivery)
    if not reply.text and not reply.status:
        return None
    rule = _by_host(reply.host) or _by_domain(reply.domain)
    if rule is None and (_MICROSOFT_HELP_LINK in reply.text or _DIRECTORY_BLOCKED in reply.text):
        # Exchange Online's own refusals point to its help page for senders (with an "AS(870002)"
        # code): its table reads them where the report names no remote host, the tenant's own
        # report on mail it would not send or take ("5.7.750 ... unregistered domains"); and its
        # directory-based edge blocking's refusal (5.4.1, 5.7.504: no such recipient in the
        # tenant) is its own wherever it is quoted.
        rule = _microsoft
    if rule is not None:
        found = rule(reply)
        if found:
            return found
    if _YAHOO_DD in reply.text and _YAHOO_DD_GONE.search(reply.text):
        return "account_disabled"  # Yahoo/AOL: "dd <address> is no longer valid" (a closed account)
    return _coremail(reply) or _phrases(reply, _ANYWHERE)


def reason(delivery: Delivery) -> str | None:
    """The reason a known remote host's reply means, or None to leave it to the generic table."""
    try:
        return _reason(delivery)
    except Exception:
        return None
