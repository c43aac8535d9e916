"""Yandex.Mail bounces (Postfix-based, X-Yandex-Uniq, RFC 3464 report)."""

from __future__ import annotations

from parsers.delivery import Delivery
from parsers.lazyre import compile_lazily
from parsers.mail import Mail
from parsers.mta._providers import address_in, body_of, command_in, from_dsn_parts, guarded, make, sweep

NAME = "Yandex"
# Prefilter (parsers.mta.candidates): it accepts only a message with this header (and its From).
MARKER_HEADERS = ("X-Yandex-Uniq",)

_START = "This is the mail system at host yandex.ru."
# "<a@b>: host mx.example.jp[192.0.2.1] said: 550 ... (in reply to RCPT TO command)"
_ENTRY = compile_lazily(r"^<([^\s<>]+@[^\s<>]+)>:\s*(.*)$")
_HOST = compile_lazily(r"\bhost ([A-Za-z0-9.\-]+)\[")


@guarded
def inquire(mail: Mail) -> list[Delivery] | None:
    if not mail.has_header("X-Yandex-Uniq") or "mailer-daemon@yandex" not in mail.from_.lower():
        return None
    body = body_of(mail)
    start = body.find(_START)
    texts: dict[str, list[str]] = {}
    current: str | None = None
    if start >= 0:
        for line in body[start:].split("\n")[1:]:
            if line.startswith(("Reporting-MTA:", "Final-Recipient:")):
                break
            m = _ENTRY.match(line)
            if m:
                current = address_in(m.group(1))
                if current:
                    texts[current] = [m.group(2)]
            elif current and line.startswith((" ", "\t")):
                texts[current].append(line.strip())
            else:
                current = None
    found = from_dsn_parts(mail)
    if not found:
        found = [make(r, sweep(" ".join(t))) for r, t in texts.items()]
    for d in found:
        own = sweep(" ".join(texts.get(d.recipient, [])))
        if own:
            d.smtp_command = d.smtp_command or command_in(own)
            host = _HOST.search(own)
            if host and not d.remote_mta:
                d.remote_mta = host.group(1).lower()
            if not d.diagnostic:
                d.diagnostic = own
    return found
