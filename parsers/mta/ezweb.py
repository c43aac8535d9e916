"""au EZweb (ezweb.ne.jp, au.com) "Mail System Error - Returned Mail" reports."""

from __future__ import annotations

from parsers.delivery import Delivery
from parsers.lazyre import compile_lazily
from parsers.mail import Mail
from parsers.mta._providers import body_of, command_in, first_reason, guarded, make, sweep

NAME = "EZweb"
# Prefilter markers, looked for in the subject and the From (parsers.mta.heading): it accepts only with two of its five signs, so with
# one at least that is not its Message-ID: a postmaster sender, the subject or a Received of the carrier's.
HEADING_MARKERS = ("postmaster@ezweb.ne.jp", "postmaster@au.com", "mail system error - returned mail")
MARKER_VALUES = {"Received": ("ezweb.ne.jp", ".au.com")}

_BOUNDARIES = ("--------------------------------------------------",)
_MARKERS = ("The user(s) ", "Your message ", "Each of the following", "<")
_RECIPIENT = compile_lazily(r"^(?:<([^\s<>]+@[^\s<>]+)>:?(.*)|\s+Recipient: <([^\s<>]+@[^\s<>]+)>)")
_PHRASES = {
    "mailbox_full": ("The user(s) account is temporarily over quota",),
    # A disabled account is gone (issue 12: disabled/closed is hard in any language; the Japanese
    # preamble of these reports says the address was not found); a temporary limit stays soft.
    "account_disabled": ("The user(s) account is disabled.",),
    "suspend": ("The user(s) account is temporarily limited.",),
    "expired": ("Your message was not delivered within ",),
    "on_hold": ("Each of the following recipients was rejected by a remote mail server",),
}


def _is_ezweb(mail: Mail) -> bool:
    sender = mail.from_
    score = ("Postmaster@ezweb.ne.jp" in sender) + ("Postmaster@au.com" in sender)
    score += mail.subject == "Mail System Error - Returned Mail"
    # (Received values are decoded only when one may hold what is looked for)
    received = mail.headers("Received") if mail.may_hold("Received", ("ezweb.ne.jp", ".au.com")) else []
    score += any("ezweb.ne.jp (EZweb Mail) with" in r for r in received)
    score += any(".au.com (" in r for r in received)
    msgid = mail.header("Message-ID")
    score += msgid.endswith(".ezweb.ne.jp>") or msgid.endswith(".au.com>")
    return score >= 2


@guarded
def inquire(mail: Mail) -> list[Delivery] | None:
    if not _is_ezweb(mail):
        return None
    body = body_of(mail, _BOUNDARIES)
    lines = body.split("\n")
    begin = next((i for i, ln in enumerate(lines) if any(m in ln for m in _MARKERS)), -1)
    if begin < 0:
        return None
    explanation: list[str] = []
    blocks: list[tuple[str, list[str]]] = []
    for line in lines[begin:]:
        if not line.strip() or any(ord(c) > 127 for c in line):
            continue  # the Japanese preamble repeats the English text
        m = _RECIPIENT.match(line)
        if m:
            blocks.append(((m.group(1) or m.group(3)).lower(), [m.group(2) or ""]))
            continue
        (blocks[-1][1] if blocks else explanation).append(line.strip())
    # X-SPASIGN: NG marks a message the recipient's own spam/domain filter refused.
    filtered = mail.header("X-SPASIGN") == "NG"
    out: list[Delivery] = []
    for recipient, own in blocks:
        text = sweep(" ".join(own))
        context = sweep(" ".join(explanation))
        command = command_in(text)
        if filtered:
            reason: str | None = "filtered"
        elif command == "RCPT":
            reason = "user_unknown"
        else:
            reason = first_reason(f"{context} {text}", _PHRASES)
        if reason is None and not recipient.endswith(("@ezweb.ne.jp", "@au.com")):
            reason = "user_unknown"
        out.append(make(recipient, text or context, reason=reason, command=command))
    return out
