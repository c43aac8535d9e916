"""Gmail's own plain-text delivery status notifications ("Delivery to the following recipient ...")."""

from __future__ import annotations

from parsers.delivery import Delivery
from parsers.lazyre import compile_lazily
from parsers.mail import Mail
from parsers.mta._providers import address_in, body_of, guarded, is_warning, make, status_in, sweep

NAME = "Gmail"
# Prefilter marker, looked for in the subject and the From (parsers.mta.heading): it accepts only mailer-daemon@google(mail).com.
HEADING_MARKERS = ("mailer-daemon@google",)

_BOUNDARIES = ("----- Original message -----", "----- Message header follows -----")
_START = "Delivery to the following recipient"
# "(state 14)" at the end of the remote server's reply: the SMTP stage Google's client was in.
_STATE = compile_lazily(r"\(state (\d+)\)")
_STATE_REASON = {
    "6": "system_error",
    "8": "system_error",
    "9": "system_error",
    "12": "no_relaying",
    "13": "blocked",
    "14": "user_unknown",
    "15": "filtered",
    "17": "filtered",
    "18": "filtered",
}
_PHRASES = {
    "expired": (
        "DNS Error: Could not contact DNS servers",
        "Delivery to the following recipient has been delayed",
        "The recipient server did not accept our requests to connect",
    ),
    "host_unknown": (
        "DNS Error: Domain name not found",
        "DNS Error: DNS server returned answer with no data",
    ),
}
# "... rejected by the server for the recipient domain example.jp by mx.example.jp. [192.0.2.1]."
_REMOTE = compile_lazily(r" by ([A-Za-z0-9][A-Za-z0-9.\-]*[A-Za-z0-9])\.? \[([0-9A-Fa-f.:]+)\]")


def _from_google(mail: Mail) -> bool:
    sender = mail.from_.lower()
    return "mailer-daemon@googlemail.com" in sender or "mailer-daemon@google.com" in sender


@guarded
def inquire(mail: Mail) -> list[Delivery] | None:
    """One Delivery per recipient listed under "Delivery to the following recipient(s) ..."."""
    if not _from_google(mail) or "Delivery Status Notification" not in mail.subject:
        return None
    body = body_of(mail, _BOUNDARIES)
    start = body.find(_START)
    if start < 0:
        return None
    warning = is_warning(body)
    recipients: list[str] = []
    diagnostic: list[str] = []
    for line in body[start:].split("\n")[1:]:
        stripped = line.strip()
        if not stripped:
            continue
        if line.startswith(" ") and " " not in stripped and "@" in stripped:
            addr = address_in(stripped)
            if addr:
                recipients.append(addr)
                continue
        diagnostic.append(stripped)
    if not recipients:
        return None
    text = sweep(" ".join(diagnostic))
    remote = _REMOTE.search(text)
    reason: str | None = None
    state = _STATE.search(text)
    if state:
        reason = _STATE_REASON.get(state.group(1))
    if reason is None:
        for name, phrases in _PHRASES.items():
            if any(p in text for p in phrases):
                reason = name
                break
    status = status_in(text)
    specific = bool(status) and ".0" not in (status or "")
    if specific:
        # A specific status code in the remote reply (5.1.1, 4.2.2; not 5.7.0 or 4.0.0) says more
        # than the SMTP state or the wording.
        reason = None
    # A warning with nothing but "still trying" is a delay notice; one that quotes a specific
    # refusal (mailbox full ...) already tells the sender's side what it needs to know.
    if warning and not specific:
        action, reason = "delayed", None
    else:
        action = "failed"
    return [
        make(
            r,
            text,
            status=status,
            remote_mta=(remote.group(1) if remote else None),
            action=action,
            reason=reason,
        )
        for r in recipients
    ]
