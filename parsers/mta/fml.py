"""fml mailing-list manager notices (loop alerts, rejected posts) that return a list posting."""

from __future__ import annotations

from parsers.delivery import Delivery
from parsers.lazyre import compile_lazily
from parsers.mail import Mail
from parsers.mta import _common as c

NAME = "FML"
# Prefilter markers (parsers.mta.candidates): X-MLServer is the gate.
MARKER_HEADERS = ("X-MLServer",)

_END = compile_lazily(r"Original mail as follows:")
_BRACKETED = compile_lazily(r"<([^<>\s@]+@[^<>\s]+)>")
# fml's own notices: first the body's wording, then the subject's.
_BODY_REASONS = (
    (
        c.REJECTED,
        (
            " header may cause mail loop",
            "NOT MEMBER article from ",
            "reject mail from ",
            "reject spammers:",
            "You are not a member of this mailing list",
        ),
    ),
    (
        c.SYSTEM_ERROR,
        (" has detected a loop condition so that", "Duplicated Message-ID", "Loop Back Warning:"),
    ),
    (c.SECURITY_ERROR, ("Security alert:",)),
)
_SUBJECT_REASONS = (
    (
        c.REJECTED,
        (
            " are not member",
            "NOT MEMBER article from ",
            "reject mail ",
            "Spam mail from a spammer is rejected",
        ),
    ),
    (
        c.SYSTEM_ERROR,
        ("fml system error message", "Loop Alert: ", "Loop Back Warning: ", "WARNING: UNIX FROM Loop"),
    ),
    (c.SECURITY_ERROR, ("Security Alert",)),
)


def _inquire(mail: Mail) -> list[Delivery] | None:
    if not mail.has_header("X-MLServer"):
        return None
    if "-admin@" not in mail.from_ and ".FML" not in mail.header("Message-Id"):
        return None
    text = c.before_original(mail, _END)
    entries: list[list[str]] = []
    for line in text.split("\n"):
        if not line.strip():
            continue
        bracketed = _BRACKETED.search(line)
        if bracketed:
            entries.append([bracketed.group(1), line.strip()])
        elif entries:
            entries[-1][1] += " " + line.strip()
    found: list[Delivery] = []
    for address, diagnostic in entries:
        diagnostic = c.sweep(diagnostic)
        reason = next((r for r, ps in _BODY_REASONS if any(p in diagnostic for p in ps)), None)
        if reason is None:
            reason = next((r for r, ps in _SUBJECT_REASONS if any(p in mail.subject for p in ps)), None)
        found.append(c.make(address, diagnostic, reason=reason))
    return found


inquire = c.detector(_inquire)
