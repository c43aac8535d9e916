"""Last-resort reading of a bounce that no DSN part and no MTA text format explains.

Only a message that calls itself a bounce (sender mailer-daemon/postmaster, a bounce subject, or
X-Failed-Recipients) is read, and only addresses that the text presents as failed recipients
count: the sender, the bounce's own addressees and the daemon addresses never do.
"""

from __future__ import annotations

import re

from parsers import reasons
from parsers.delivery import Delivery
from parsers.dsn import address, command_in_text, human_text, text_diagnostic
from parsers.mail import Mail
from parsers.reasons.derive import REPORT_TEXT

NAME = "fallback"
MAX_RECIPIENTS = 50

_DAEMON_FROM = re.compile(
    r"mailer-daemon|postmaster|mail delivery (?:system|subsystem|service)|mail administrator|mailadmin",
    re.IGNORECASE,
)
_BOUNCE_SUBJECT = re.compile(
    r"undeliver|undelivered|returned mail|return(?:ed)? to sender|delivery (?:status notification|failure|failed"
    r"|problem|notification)|failure notice|mail delivery failed|non[- ]?delivery|could not be delivered"
    r"|delivery has failed|mail system error"
    # the same in the languages the reason table reads
    r"|nicht zustellbar|unzustellbar|zustellung fehlgeschlagen|non remis|non distribu|[eé]chec de (?:la )?remise"
    r"|no entregado|no se pudo entregar|entrega fallida|n[aã]o entregue|falha na entrega"
    r"|non recapitabile|mancata consegna|onbestelbaar|niet afgeleverd|kunne ikke leveres|returneret post"
    r"|kh[oô]ng (?:th[eể] )?g[uư]i (?:[dđ][eế]n |[dđ][uư][oợ]c)|th[uư] b[iị] tr[aả] l[aạ]i"
    r"|配信(?:不能|エラー|失敗)|送信エラー|エラーメール|退信|无法投递|無法投遞|не доставлен|недоставленн",
    re.IGNORECASE,
)
_ADDR = r"<?([^\s<>()\[\],;:\"'`]{1,200}@[A-Za-z0-9][A-Za-z0-9.\-]{0,250}[A-Za-z0-9])>?"
# Phrases that introduce failed recipients, with the address on the same line.
_INTRO_SAME_LINE = re.compile(
    r"(?:following recipients?(?: address(?:es)?)?|recipients? address(?:es)?|original recipient|recipient"
    r"|unknown user|user unknown|no such (?:user|mailbox|recipient)|invalid (?:recipient|address|mailbox)"
    r"|failed recipients?|delivery to|could not be delivered to|did not reach|unable to deliver (?:to|message to)"
    r"|failed to deliver to|undeliverable to|address(?:es)? (?:failed|rejected))[^\n@]{0,80}?"
    r"(?:\n[ \t*\-\u2022]*)?" + _ADDR,  # the address may start the next line, maybe as a list item
    re.IGNORECASE,
)
# A line that starts with the failed address, as many MTAs print it ("<a@b>:", "a@b: 550 ...",
# '"a@b":', "554 <a@b>... 550 Host unknown", "a@b [User unknown]").
_LEADING = re.compile(
    r"(?m)^[ \t]{0,8}(?:[*\-\u2022][ \t]+)?(?:[45]\d\d[ -])?\"?"
    + _ADDR
    + r"\"?[ \t]*(?::|\.{3}|[ \t]-[ \t]|[ \t]*[(\[]|[ \t]+\w|$)"
)
# An SMTP transcript: the address given to RCPT TO, answered by an error.
_RCPT_TO = re.compile(r"(?i)rcpt to:[ \t]*" + _ADDR)
# The text that follows is a copy of the original message, not the report.
_COPY_MARKER = re.compile(
    r"(?im)^[ \t]*(?:[-=_*][-=_* ]*)?(?:below this line is a copy of the message|unsent message follows"
    r"|this is a copy of (?:your|the) message|original message follows|original message"
    r"|returned message|the original message headers|message headers follow)"
)
_REPLY_ERROR = re.compile(r"\b[45]\d\d[ -]")
_ERROR_WORDS = re.compile(
    r"\b[45]\d\d\b|\b[45]\.\d{1,3}\.\d{1,3}\b|unknown|not exist|no such|invalid|rejected|refused|denied"
    r"|full|quota|disabled|failed|failure|blocked|timed? ?out|expired|unreachable|not found|unavailable"
    r"|exceed|limit|error|reason|permanent|does not like|unable|could not",
    re.IGNORECASE,
)


def looks_like_bounce(mail: Mail) -> bool:
    """Does the message call itself a delivery failure?"""
    if mail.has_header("X-Failed-Recipients"):
        return True
    if _DAEMON_FROM.search(mail.from_):
        return True
    return bool(_BOUNCE_SUBJECT.search(mail.subject)) and (
        mail.header("Return-Path").strip() in ("<>", "") or mail.original is not None
    )


def _excluded(mail: Mail) -> set[str]:
    """The report's own sender: never a failed recipient. (Its addressee may be: people send
    to themselves, and a failed recipient named in the error text is what counts.)"""
    out: set[str] = set()
    for name in ("From", "Sender", "Reply-To"):
        for value in mail.headers(name):
            for chunk in value.split(","):
                a = address(chunk)
                if a:
                    out.add(a)
    return out


def _daemon(addr: str) -> bool:
    local = addr.split("@", 1)[0]
    return local in ("mailer-daemon", "postmaster", "root", "noreply", "no-reply", "abuse")


def inquire(mail: Mail) -> list[Delivery] | None:
    """Failed recipients of a bounce in an unknown text format, or None."""
    if not looks_like_bounce(mail):
        return None
    text = human_text(mail)[:65536]
    if "@" not in text and not mail.has_header("X-Failed-Recipients"):
        return None
    copy = _COPY_MARKER.search(text)
    if copy is not None and copy.start() > 0:
        text = text[: copy.start()]
    excluded = _excluded(mail)
    found: list[str] = []

    def add(raw: str | None) -> None:
        a = address(raw)
        if a and a not in excluded and not _daemon(a) and a not in found and len(found) < MAX_RECIPIENTS:
            found.append(a)

    for value in mail.headers("X-Failed-Recipients"):
        for chunk in value.split(","):
            add(chunk)
    if not found:
        for m in _INTRO_SAME_LINE.finditer(text):
            add(m.group(1))
    if not found:
        for m in _LEADING.finditer(text):
            # the address must come with an error nearby, not in a greeting or a signature
            window = text[max(0, m.start() - 300) : m.start() + 400]
            if _ERROR_WORDS.search(window) or _names_a_reason(window):
                add(m.group(1))
    if not found:
        for m in _RCPT_TO.finditer(text):
            if _REPLY_ERROR.search(text, m.end(), m.end() + 300):
                add(m.group(1))
    if not found:
        return None
    out = []
    for a in found:
        diagnostic = _explanation(text, a)
        out.append(
            Delivery(
                recipient=a,
                diagnostic=diagnostic,
                smtp_command=command_in_text(diagnostic),
                diagnostic_type=REPORT_TEXT,
            )
        )
    return out


def _names_a_reason(text: str) -> bool:
    """Whether the text names a failure in any language the reason table reads."""
    return reasons.match_text(text) not in (None, reasons.ON_HOLD)


def _explanation(text: str, recipient: str) -> str | None:
    """The text next to the address; when that says nothing, the lines just before it too
    ("User not listed in public Name & Address Book" / "a@b")."""
    snippet = text_diagnostic(text, recipient)
    if snippet:
        rest = snippet.replace(recipient, "")
        if _ERROR_WORDS.search(rest) or _names_a_reason(rest):
            return snippet
    pos = text.lower().find(recipient)
    if pos < 0:
        return snippet
    before = [line.strip() for line in text[max(0, pos - 600) : pos].split("\n")[:-1] if line.strip()]
    context = " ".join(before[-3:])
    joined = f"{context} {snippet or ''}".strip()
    return joined or None
