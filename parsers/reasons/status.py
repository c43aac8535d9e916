"""Status and reply codes: RFC 3463 enhanced status codes and SMTP reply codes -> reasons.

Also reads the codes out of free text (a diagnostic that quotes "550 5.1.1 ...").
"""

from __future__ import annotations

from parsers import patterncode
from parsers.reasons.codes import (
    AUTH_FAILURE,
    BAD_REPUTATION,
    BLOCKED,
    CONTENT_ERROR,
    EXCEED_LIMIT,
    EXPIRED,
    FILTERED,
    HAS_MOVED,
    HOST_UNKNOWN,
    MAILBOX_FULL,
    MAILER_ERROR,
    MESSAGE_TOO_BIG,
    NETWORK_ERROR,
    NO_RELAYING,
    NOT_ACCEPT,
    ON_HOLD,
    POLICY_VIOLATION,
    RATE_LIMITED,
    REJECTED,
    REQUIRE_PTR,
    SECURITY_ERROR,
    SPAM_DETECTED,
    SUSPEND,
    SYNTAX_ERROR,
    SYSTEM_ERROR,
    SYSTEM_FULL,
    TOO_MANY_CONNECTIONS,
    UNDEFINED,
    USER_UNKNOWN,
    VIRUS_DETECTED,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final

# (5.7.27 is RFC 7505's "sender address has null MX": the sender's own domain refused, rejected
# and soft; the recipient's null MX is 5.1.10)
STATUS_REASON: Final[dict[str, str]] = {
    "4.1.6": HAS_MOVED, "4.1.7": REJECTED, "4.1.8": REJECTED, "4.1.9": SYSTEM_ERROR,
    "4.2.1": SUSPEND, "4.2.2": MAILBOX_FULL, "4.2.3": EXCEED_LIMIT, "4.2.4": FILTERED,
    "4.3.1": SYSTEM_FULL, "4.3.2": NOT_ACCEPT, "4.3.3": SYSTEM_ERROR, "4.3.5": SYSTEM_ERROR,
    "4.4.1": EXPIRED, "4.4.2": NETWORK_ERROR, "4.4.3": SYSTEM_ERROR, "4.4.4": NETWORK_ERROR,
    "4.4.5": SYSTEM_FULL, "4.4.6": NETWORK_ERROR, "4.4.7": EXPIRED, "4.4.8": NETWORK_ERROR,
    "4.5.3": SYSTEM_ERROR, "4.5.5": SYSTEM_ERROR, "4.6.0": CONTENT_ERROR, "4.6.2": CONTENT_ERROR,
    "4.6.5": CONTENT_ERROR, "4.7.1": BLOCKED, "4.7.2": BLOCKED, "4.7.5": SECURITY_ERROR,
    "4.7.6": SECURITY_ERROR, "4.7.7": SECURITY_ERROR, "4.7.12": SECURITY_ERROR,
    "4.7.15": SECURITY_ERROR, "4.7.16": MESSAGE_TOO_BIG, "4.7.24": AUTH_FAILURE,
    "4.7.25": REQUIRE_PTR, "4.7.26": AUTH_FAILURE,
    "5.1.0": USER_UNKNOWN, "5.1.1": USER_UNKNOWN, "5.1.2": HOST_UNKNOWN, "5.1.3": USER_UNKNOWN,
    "5.1.4": FILTERED, "5.1.6": HAS_MOVED, "5.1.7": REJECTED, "5.1.8": REJECTED,
    "5.1.9": SYSTEM_ERROR, "5.1.10": NOT_ACCEPT, "5.2.0": FILTERED, "5.2.1": FILTERED,
    "5.2.2": MAILBOX_FULL, "5.2.3": EXCEED_LIMIT, "5.2.4": FILTERED, "5.3.0": SYSTEM_ERROR,
    "5.3.1": SYSTEM_FULL, "5.3.2": NOT_ACCEPT, "5.3.3": SYSTEM_ERROR, "5.3.4": MESSAGE_TOO_BIG,
    "5.3.5": SYSTEM_ERROR, "5.4.0": NETWORK_ERROR, "5.4.3": SYSTEM_ERROR, "5.4.4": HOST_UNKNOWN,
    "5.4.7": EXPIRED,
    "5.5.2": SYNTAX_ERROR, "5.5.3": TOO_MANY_CONNECTIONS, "5.5.4": SYSTEM_ERROR,
    "5.5.5": SYSTEM_ERROR, "5.5.6": SYNTAX_ERROR, "5.6.0": CONTENT_ERROR,
    "5.6.1": CONTENT_ERROR, "5.6.2": CONTENT_ERROR, "5.6.3": CONTENT_ERROR,
    "5.6.5": CONTENT_ERROR, "5.6.6": CONTENT_ERROR, "5.6.7": CONTENT_ERROR,
    "5.6.8": CONTENT_ERROR, "5.6.9": CONTENT_ERROR, "5.7.0": SECURITY_ERROR,
    "5.7.1": SECURITY_ERROR, "5.7.2": SECURITY_ERROR, "5.7.3": SECURITY_ERROR,
    "5.7.4": SECURITY_ERROR, "5.7.5": SECURITY_ERROR, "5.7.6": SECURITY_ERROR,
    "5.7.7": SECURITY_ERROR, "5.7.8": SECURITY_ERROR, "5.7.9": SECURITY_ERROR,
    "5.7.10": SECURITY_ERROR, "5.7.11": SECURITY_ERROR, "5.7.13": SUSPEND,
    "5.7.14": SECURITY_ERROR, "5.7.15": SECURITY_ERROR, "5.7.16": MESSAGE_TOO_BIG,
    "5.7.17": HAS_MOVED, "5.7.18": HAS_MOVED, "5.7.19": SECURITY_ERROR, "5.7.20": AUTH_FAILURE,
    "5.7.21": AUTH_FAILURE, "5.7.22": AUTH_FAILURE, "5.7.23": AUTH_FAILURE,
    "5.7.24": AUTH_FAILURE, "5.7.25": REQUIRE_PTR, "5.7.26": AUTH_FAILURE,
    "5.7.27": REJECTED, "5.7.28": SPAM_DETECTED,
}  # fmt: skip

# Pseudo status codes (x.0.9NN) some reports and our own text detectors use for a known reason.
_PSEUDO_REASON: Final[dict[str, str]] = {
    "900": UNDEFINED, "901": ON_HOLD, "902": SYNTAX_ERROR, "909": NO_RELAYING, "910": FILTERED,
    "911": USER_UNKNOWN, "912": HOST_UNKNOWN, "916": HAS_MOVED, "918": REJECTED,
    "921": SUSPEND, "922": MAILBOX_FULL, "923": EXCEED_LIMIT, "924": FILTERED,
    "930": SYSTEM_ERROR, "931": SYSTEM_FULL, "932": NOT_ACCEPT, "934": MESSAGE_TOO_BIG,
    "939": MAILER_ERROR, "944": NETWORK_ERROR, "945": TOO_MANY_CONNECTIONS,
    "946": RATE_LIMITED, "947": EXPIRED, "960": CONTENT_ERROR, "970": SECURITY_ERROR,
    "971": BLOCKED, "972": POLICY_VIOLATION, "975": BAD_REPUTATION, "980": SPAM_DETECTED,
}  # fmt: skip

_REASON_PSEUDO: Final[dict[str, str]] = {v: k for k, v in _PSEUDO_REASON.items()}
_REASON_PSEUDO[VIRUS_DETECTED] = "971"
_REASON_PSEUDO[AUTH_FAILURE] = "972"
_REASON_PSEUDO[REQUIRE_PTR] = "971"

# An enhanced status code in free text: class 2/4/5, subject 0-7, detail 0-999; not part of a
# longer number, a dotted IP address or a version string.
# (Each pattern here tests what precedes its first digit by a look-behind placed after that digit,
# "[245](?<![\d.][245])" for "(?<![\d.])[245]": the same matches, but re skips ahead to a 2, 4 or
# 5 instead of trying the look-behind at every position, 3 to 5 times faster over a diagnostic.)
# (the status pattern opens on the dot after its class digit, the digit and what precedes it a
# look-behind: re skips ahead to a dot, a literal it finds a few times faster than a 2, 4 or 5.
# Its matches start a character later; status_in_text reads only the groups.)
_STATUS_IN_TEXT: Final = patterncode.compile(r"\.(?<=(?<![\d.vV])([245])\.)([0-7])\.(\d{1,3})(?![\d]|\.\d)")
_REPLY_IN_TEXT: Final = patterncode.compile(r"([245](?<![\d.][245])\d\d)(?:[ -]|$)")
CONTINUATION: Final = patterncode.compile(r"[245](?<![\w.][245])\d\d[- ](?:[245]\.\d{1,3}\.\d{1,3}[ ]?)?")
_STATUS_SHAPE: Final = patterncode.compile(r"^[245]\.\d{1,3}\.\d{1,3}$")

# Chinese and Japanese servers write their codes in full-width forms ("５５０　５．１．１　ユーザが存在しません"):
# those digits and full stop, and the ideographic space after a code, read as ASCII. Only a text
# that holds a full-width digit or full stop is translated: exactly the characters looked for are
# translated, so a translated text holds none of them and is not translated again (FF0F, the
# full-width solidus between the full stop and the digits, is neither).
_FULL_WIDTH: Final[dict[int, str]] = {0xFF10 + n: str(n) for n in range(10)} | {0xFF0E: ".", 0x3000: " "}
_FULL_WIDTH_CODE: Final = patterncode.compile("[\uff0e\uff10-\uff19]")


def ascii_codes(text: str) -> str:
    """`text` (not ASCII) with full-width digits and full stops, and ideographic spaces, as ASCII
    ones (one character for one: spans stay where they were); `text` itself when it holds no
    full-width digit or full stop."""
    if _FULL_WIDTH_CODE.search(text) is None:
        return text
    return text.translate(_FULL_WIDTH)


def status_in_text(text: str, prefer: str | None = None) -> str | None:
    """The first specific enhanced status code in `text` (x.0.0 and 4.4.7 only when alone).

    `prefer` ("4" or "5") limits the search to that class when the reply code is known.
    """
    if not text:
        return None
    fallback = None
    success = None
    if "." in text:
        for m in _STATUS_IN_TEXT.finditer(text):
            cls = m.group(1)
            if cls == "4" and (m.group(2), m.group(3)) != _EXPIRY:
                cls = _reply_class(text, m.start() - 1, cls)
            if prefer and cls != prefer:
                continue
            code = f"{cls}.{m.group(2)}.{int(m.group(3))}"
            if cls == "2" and not prefer:
                success = success or code  # a transcript's "250 2.1.5 Ok" before the error
                continue
            if code.endswith(".0.0") or code == "4.4.7":
                fallback = fallback or code
                continue
            return code
        if fallback or success:
            return fallback or success
    if text.isascii():
        return None
    # (full-width codes read again as ASCII only where none was read as written: the scan for them
    # costs a non-ASCII text that holds a code nothing)
    wide = ascii_codes(text)
    return status_in_text(wide, prefer) if wide is not text else None


# (4.4.7, "delivery time expired", is the reporting MTA's own verdict that it gave up on a condition
# that stayed temporary: Exchange's and WorkMail's final "550 4.4.7 QUEUE.Expired" keep it as written)
_EXPIRY: Final = ("4", "7")


def _reply_class(text: str, at: int, cls: str) -> str:
    """The class of the enhanced code whose class digit is at `at`: 5 when it is a 4 written after
    a 5xx reply ("550 4.1.1 <a@b>: Recipient address rejected: User unknown"). RFC 2034 has the
    two classes agree; a server that breaks it refused for good in its reply code (a 550 is not
    retried), and Postfix writes such a reply's class as the reply's in its own reports' Status
    (its smtpd_dsn_fix). (The other way round, a 4xx over a 5.x.x, the server's permanent word
    stands: a "450 5.1.1 ... User unknown" retried until the sender gave up is still the user.)"""
    if cls != "4" or at < 4 or text[at - 1] not in " -" or text[at - 4] != "5":
        return cls
    if not text[at - 3 : at - 1].isdigit():
        return cls
    # (the reply code starts a token: not the tail of a longer number or a dotted version)
    return "5" if at == 4 or not (text[at - 5].isalnum() or text[at - 5] == ".") else cls


def reply_code_in_text(text: str) -> str | None:
    """The first 4xx/5xx SMTP reply code that starts a token in `text` (else the first 2xx)."""
    if not text:
        return None
    success = None
    for m in _REPLY_IN_TEXT.finditer(text):
        if m.group(1)[0] != "2":
            return m.group(1)
        success = success or m.group(1)
    if success is not None or text.isascii():
        return success
    # (full-width codes, only where none was read as written; see status_in_text)
    wide = ascii_codes(text)
    return reply_code_in_text(wide) if wide is not text else None


def valid_status(status: str | None) -> str | None:
    """`status` when it has the shape of an enhanced status code, else None."""
    if not status:
        return None
    status = status.strip()
    return status if _STATUS_SHAPE.match(status) else None


def pseudo_status(reason: str, temporary: bool) -> str:
    """A stand-in status code (x.0.9NN) for a reason when the report gave none."""
    return f"{'4' if temporary else '5'}.0.{_REASON_PSEUDO.get(reason, '900')}"


def status_reason(status: str | None) -> str | None:
    """The reason an enhanced status code names on its own, or None."""
    if not status:
        return None
    reason = STATUS_REASON.get(status)
    if reason is not None:
        return reason
    parts = status.split(".")
    if len(parts) == 3 and parts[1] == "0" and parts[2] in _PSEUDO_REASON:
        return _PSEUDO_REASON[parts[2]]
    return None


def class_reading(status: str | None) -> str | None:
    """The reason a status code of no listed meaning gives by its subject alone (x.6.x the
    content, x.7.x security), or None: a generic reading that a delay's own reason outranks."""
    if not status or status_reason(status) is not None:
        return None
    parts = status.split(".")
    subject = parts[1] if len(parts) > 1 else ""
    if subject == "6":
        return CONTENT_ERROR
    if subject == "7":
        return SECURITY_ERROR
    return None


# A bare SMTP reply code names a reason only for these (550 and 554 say nothing particular).
SMTP_CODE_REASON: Final[dict[str, str]] = {
    "450": FILTERED, "452": MAILBOX_FULL,
    "501": SYNTAX_ERROR, "502": SYNTAX_ERROR, "503": SYNTAX_ERROR, "504": SYNTAX_ERROR,
    "505": SYNTAX_ERROR, "506": SYNTAX_ERROR, "507": SYNTAX_ERROR, "521": NOT_ACCEPT,
    "523": MESSAGE_TOO_BIG, "552": MAILBOX_FULL, "556": NOT_ACCEPT, "530": SECURITY_ERROR,
    "535": SECURITY_ERROR,
}  # fmt: skip
