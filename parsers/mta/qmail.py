"""qmail-send's failure notices (and the qmail-ldap, netqmail and vpopmail wordings)."""

from __future__ import annotations

import re

from parsers.delivery import Delivery
from parsers.lazyre import compile_lazily
from parsers.mail import Mail
from parsers.mta import _common as c
from parsers.reasons import is_delay_notice
from parsers.reasons.derive import REPORT_TEXT

NAME = "qmail"
# Prefilter markers (parsers.mta.candidates): _START must be in the report.
MARKERS = (
    "qmail",
    "to the following address",
    "su mensaje no pudo ser entregado",
    "this is the machine generated message from mail service",
    "he/her is not ",
    "this is the mail delivery agent at",
    "we're sorry.",
)

# (translated notices keep the program's name: "Witaj, tu program qmail-send z serwera ...",
# "Это программа qmail-send на сервере ...")
_START = compile_lazily(
    r"Hi\. This is the qmail|qmail-send|"
    r"I'm afraid I wasn't able to deliver your message to the following addresses|"
    r"unable to deliver your message to the following address|"
    r"Su mensaje no pudo ser entregado|"
    r"This is the machine generated message from mail service|"
    r"Unable to deliver message to the following address|"
    r"Unfortunately, your mail was not delivered to the following address|"
    r"Your mail message to the following address|"
    r"Your message to the following addresses|"
    r"He/Her is not |This is the mail delivery agent at|We're sorry\.",
    re.I,
)
# At a line start: "(?<![^\n]--- )" after the dashes is "^" with re.M before them (not after a
# character other than a line break), and re skips ahead to the literal "--- " it now opens on.
_END = compile_lazily(
    r"--- (?<![^\n]--- )(?:Below this line is a copy of the message|Enclosed are the original headers of the "
    r"message|Original message follows|Below the next line is a copy of the message)"
)
_RECIPIENT = compile_lazily(r"^<([^<>\s@]*@[^<>\s]*)>:\s*(.*)$")
_WARNING = compile_lazily(r"This is a temporary error|I'll keep trying|I'm still trying", re.I)
# qmail's own texts (qmail-send, qmail-remote, qmail-local, qmail-ldap) that say why. When the
# remote server replied ("Remote host said: ..."), only that reply is read against them.
_FORMAT_REASONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (c.USER_UNKNOWN, ("no mailbox here by that name", "does not like recipient.")),
    (c.MAILBOX_FULL, ("disk quota exceeded", "The users mailfolder is over the allowed quota")),
    (c.MESSAGE_TOO_BIG, ("Message size exceeds fixed maximum message size:",)),
    (c.HOST_UNKNOWN, ("Sorry, I couldn't find any host ",)),
    (c.SYSTEM_FULL, ("Requested action not taken: mailbox unavailable (not enough free space)",)),
    (
        c.NETWORK_ERROR,
        (
            "Sorry, I wasn't able to establish an SMTP connection",
            "Sorry, I couldn't find a mail exchanger or IP address",
            "Sorry. Although I'm listed as a best-preference MX or A for that host",
        ),
    ),
    (c.SYSTEM_ERROR, ("bad interpreter: No such file or directory", "system error", "Unable to")),
)
_LDAP_REASONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    # (an account its LDAP entry marks disabled or deleted takes no mail: closed, as issue 12 has a
    # disabled account; the entry's misspelt forms as qmail-ldap's releases wrote them)
    (
        c.ACCOUNT_DISABLED,
        (
            "Mailaddress is administratively disabled",
            "Mailaddress is administrativley disabled",
            "Mailaddress is administrativly disabled",
            "This address no longer accepts mail",
        ),
    ),
    (c.USER_UNKNOWN, ("Sorry, no mailbox here by that name",)),
    (c.EXCEED_LIMIT, ("The message exeeded the maximum size the user accepts",)),
    (
        c.SYSTEM_ERROR,
        (
            "Automatic homedir creator crashed",
            "Illegal value in LDAP attribute",
            "LDAP attribute is not given but mandatory",
            "Timeout while performing search on LDAP server",
            "Too many results returned but needs to be unique",
            "Permanent error while executing qmail-forward",
            "Temporary error in automatic homedir creation",
            "Temporary error while executing qmail-forward",
            "Temporary failure in LDAP lookup",
            "Unable to contact LDAP server",
            "Unable to login into LDAP server, bad credentials",
        ),
    ),
)
_REMOTE_SAID = "Remote host said:"
# qmail-send's log line quoted as the diagnostic ("failure: 192.0.2.48_does_not_like_recipient./
# Remote_host_said:_550_No_such_user/Giving_up_on_192.0.2.48."): its spaces written as underscores.
_LOGGED = compile_lazily(r"(?:failure|deferral): (?=\S*_)\S+$")


# qmail-remote's summary of how far the session got names the command the remote refused.
_COMMANDS = (
    ("CONN", compile_lazily(r"Connected to \S+ but greeting failed")),
    ("HELO", compile_lazily(r"Connected to \S+ but my name was rejected")),
    ("MAIL", compile_lazily(r"Connected to \S+ but sender was rejected")),
    # "host does not like recipient.", "host failed on DATA command": a host name glued to the words.
    # (The words first, the character before them checked after: a literal opening re skips ahead to.)
    ("RCPT", compile_lazily(r" does not like recipient\.(?<=\S does not like recipient\.)")),
    ("DATA", compile_lazily(r" failed (?<=\S failed )(?:on DATA command|after I sent the message)")),
)


# The remote host named after its words, anywhere; or opening the diagnostic, before its complaint.
_HOST_NAMED = r"(?:Giving up on|Connected to|remote host)\s+([0-9A-Za-z][0-9A-Za-z.:\-]*[0-9A-Za-z])"
_HOST_FIRST = (
    r"([0-9A-Za-z][0-9A-Za-z.:\-]*[0-9A-Za-z]) (?:does not like recipient|failed (?:on DATA|after I sent))"
)
# (the two forms matched at the start, then the first searched alone: one search of both had a "^"
# branch, and no opening literals for re to skip ahead to)
_RHOST_AT_START = compile_lazily(_HOST_NAMED + "|" + _HOST_FIRST)
_RHOST_NAMED = compile_lazily(_HOST_NAMED)


def _remote(diagnostic: str) -> str | None:
    """The remote host the diagnostic names (the leftmost of the forms, as one search found it)."""
    found = _RHOST_AT_START.match(diagnostic)
    if found:
        return (found.group(1) or found.group(2)).lower()
    found = _RHOST_NAMED.search(diagnostic)
    return found.group(1).lower() if found else None


def _command(diagnostic: str) -> str | None:
    for command, pattern in _COMMANDS:
        if pattern.search(diagnostic):
            return command
    return c.smtp_command(diagnostic)


def _reason(diagnostic: str, command: str | None) -> str | None:
    """The reason the diagnostic states, given the command it names (`_command(diagnostic)`)."""
    if "does not like recipient." in diagnostic and "in the queue too long" in diagnostic:
        # qmail-remote-fallback: refused at RCPT, then kept until it expired; the remote's words
        # decide, not qmail's.
        return c.ON_HOLD
    if command == "MAIL":
        return c.REJECTED  # "Connected to X but sender was rejected"
    if command == "HELO":
        return c.BLOCKED  # "Connected to X but my name was rejected"
    text = diagnostic.split(_REMOTE_SAID, 1)[1] if _REMOTE_SAID in diagnostic else diagnostic
    # (plain loops: no generator per table row and diagnostic)
    for reason, phrases in _FORMAT_REASONS:
        for phrase in phrases:
            if phrase in text:
                return reason
    for reason, phrases in _LDAP_REASONS:
        for phrase in phrases:
            if phrase in diagnostic:
                return reason
    if "this message has been in the queue too long" in diagnostic:
        return c.EXPIRED
    return None


def _inquire(mail: Mail) -> list[Delivery] | None:
    if not (
        mail.subject.lower().startswith(("failure notice", "permanent delivery failure"))
        or any("invoked for bounce" in r for r in mail.headers("Received"))
        or "qmail" in c.body_text(mail)[:2000].lower()
        or mail.header("Message-Id").find(".qmail@") >= 0
        or any("qmail" in r for r in mail.headers("Received")[:3])
    ):
        return None
    text = c.before_original(mail, _END)
    start = _START.search(text)
    if start is None:
        return None
    body = text[start.start() :]
    warned = c.report_holds(mail, "this is a temporary error", "i'll keep trying", "i'm still trying")
    action = "delayed" if warned and _WARNING.search(body) else "failed"
    if action == "failed" and start.group()[:3] != "Hi.":
        # a translated notice (German "Hallo. Dies ist das qmail-send Programm ..."): its "this is
        # a temporary error; I'll keep trying" in its language, as the reason table reads it
        action = "delayed" if is_delay_notice(mail.subject, body) else action

    found: list[Delivery] = []
    for block in c.paragraphs(body):
        lines = block.strip("\n").split("\n")
        head = _RECIPIENT.match(lines[0].strip())
        if head is None:
            if found and not lines[0].startswith("<"):
                # A recipient's diagnostic can span blank-line separated paragraphs.
                tail = c.sweep(block)
                if tail.startswith("---"):
                    # the separator before the copy of the message (a translated one that _END
                    # does not know: "--- Poniżej znajduje się kopia wiadomości.")
                    break
                joined = (found[-1].diagnostic or "") + " " + tail
                found[-1] = _delivery(found[-1].recipient, joined, found[-1].action or action)
            continue
        address = c.clean_address(head.group(1))
        if not address:
            continue
        diagnostic = c.sweep(" ".join([head.group(2), *lines[1:]]))
        found.append(_delivery(address, diagnostic, action))
    return found


def _delivery(address: str, diagnostic: str, action: str) -> Delivery:
    if _LOGGED.match(diagnostic):
        diagnostic = diagnostic.replace("_", " ")
    command = _command(diagnostic)
    delivery = c.make(
        address,
        diagnostic,
        action=action,
        reason=_reason(diagnostic, command),
        command=command,
        remote_mta=_remote(diagnostic),
    )
    if command is None and _REMOTE_SAID not in diagnostic:
        # qmail-remote quotes a remote server ("Remote host said: ...") or says how far the
        # session got; anything else is qmail-local's own word on its own users (a localized
        # "No existe ese usuario.", "Böyle bir kullanıcı yok."), not a filter's answer after DATA
        delivery.diagnostic_type = REPORT_TEXT
    return delivery


inquire = c.detector(_inquire)
