"""Mail.ru bounces (Exim-based; Russian preamble, then the English Exim report)."""

from __future__ import annotations

from parsers.delivery import Delivery
from parsers.lazyre import compile_lazily
from parsers.mail import Mail
from parsers.mta._providers import addresses_in, body_of, command_in, first_reason, guarded, make, sweep

NAME = "MailRu"
# Prefilter markers, looked for in the subject and the From (parsers.mta.heading): its From must name mail.ru.
HEADING_MARKERS = ("mail.ru",)

_BOUNDARIES = ("------ This is a copy of the message, including all the headers. ------",)
_START = "This message was created automatically by mail delivery software."
_SUBJECTS = (
    "Delivery Status Notification",
    "Mail delivery failed",
    "Mail failure",
    "Message frozen",
    "Warning: message ",
    "error(s) in forwarding or filtering",
)
_PHRASES = {
    "expired": ("retry timeout exceeded", "No action is required on your part"),
    "user_unknown": ("user not found",),
    "host_unknown": (
        "all host address lookups failed permanently",
        "all relevant MX records point to non-existent hosts",
        "Unrouteable address",
    ),
    "mailbox_full": ("mailbox is full", "error: quota exceed"),
    "not_accept": (
        "an MX or SRV record indicated no SMTP service",
        "no host found for existing SMTP connection",
    ),
    "system_error": ("delivery to file forbidden", "delivery to pipe forbidden", "local delivery failed"),
    "content_error": ('Too many "Received" headers ',),
}
_HOST = compile_lazily(r"\bhost (\S+) \[")


@guarded
def inquire(mail: Mail) -> list[Delivery] | None:
    sender = mail.from_.lower()
    msgid = mail.header("Message-ID")
    score = ("mailer-daemon@" in sender and "mail.ru" in sender) + (
        ".mail.ru>" in msgid or "smailru.net>" in msgid
    )
    score += any(s in mail.subject for s in _SUBJECTS)
    if score < 3:
        return None
    body = body_of(mail, _BOUNDARIES)
    start = body.find(_START)
    blocks: list[tuple[str, list[str]]] = []
    if start >= 0:
        for line in body[start:].split("\n")[1:]:
            if not line.strip():
                continue
            if line.startswith("  ") and not line.startswith("    ") and "@" in line:
                blocks.append((line.strip().lower(), []))
            elif blocks:
                blocks[-1][1].append(line.strip())
    if not blocks:
        blocks = [(a, []) for a in addresses_in(",".join(mail.headers("X-Failed-Recipients")))]
    out: list[Delivery] = []
    warning = mail.subject.startswith("Warning: message ") or "Message frozen" in mail.subject
    for recipient, lines in blocks:
        text = sweep(" ".join(lines))
        command = command_in(text)
        if command == "MAIL":
            reason: str | None = "rejected"
        elif command in ("HELO", "EHLO"):
            reason = "blocked"
        else:
            reason = first_reason(text, _PHRASES)
        host = _HOST.search(text)
        out.append(
            make(
                recipient,
                text,
                remote_mta=host.group(1) if host else None,
                action="delayed" if warning else "failed",
                reason=None if warning else reason,
                command=command,
            )
        )
    return out
