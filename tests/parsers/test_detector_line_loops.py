"""The MTA detectors' line loops and readers rewritten to visit fewer lines or call less per line
answer as the code they replace, on texts built from the lines their formats print and the lines
around them."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from parsers.mail import Mail, load
from parsers.mta import _common, exim, imailserver, outlook, postfix, qmail, sendmail


def _old_postfix_entries(body: str) -> list[list[str]]:
    """Postfix's recipient paragraphs as the loop in postfix._inquire read them before."""
    entries: list[list[str]] = []
    for line in body.split("\n"):
        # (the branches as they were written: the reference is the old loop itself)
        if line.startswith("<") and postfix._RECIPIENT.match(line.strip()) is None and "(expanded" in line:  # noqa: SIM114
            entries.append([line.strip()])
        elif line.startswith("<") and postfix._RECIPIENT.match(line.strip()):
            entries.append([line.strip()])
        elif entries and line[:1] in (" ", "\t") and line.strip():
            entries[-1].append(line.strip())
        elif entries and not line.strip():
            entries.append([])
    return entries


_POSTFIX_LINES = [
    "<jane@example.org>: host mx.example.org[192.0.2.1] said: 550 5.1.1 unknown",
    "<jane@example.org> (expanded from <list@example.org>): mailbox full",
    "<jane@example.org> (expanded",
    "    from <list@example.org>): mailbox full",
    "<jane@example.org>",
    "<jane@example.org> :",
    "< jane@example.org>: x",
    "<jane",
    "<",
    "    (in reply to RCPT TO command)",
    "\tcontinued",
    " ",
    "\t",
    "",
    "                   The mail system",
    "This is the mail system at host example.org.",
    "Reporting-MTA: dns; example.org",
    "\u3000x",
]


@settings(max_examples=1000)
@given(st.lists(st.sampled_from(_POSTFIX_LINES), max_size=14), st.sampled_from(["", "\n"]))
def test_postfix_reads_the_recipient_paragraphs_the_old_loop_read(lines: list[str], end: str) -> None:
    body = "\n".join(lines) + end
    assert postfix._entries(body) == _old_postfix_entries(body)


def _old_sendmail_fatal_items(section: str) -> list[dict[str, str]]:
    """Sendmail's fatal-error list as the loop in sendmail._inquire read it before."""
    items: list[dict[str, str]] = []
    for line in section.split("\n"):
        if not line.strip():
            continue
        why = sendmail._REASON.match(line)
        expanded = sendmail._EXPANDED.match(line)
        if why and items:
            items[-1]["diagnostic"] = why.group(1).rstrip().removesuffix(")")
        elif expanded and items:
            items[-1]["alias"] = expanded.group(1)
        elif line[:1] not in (" ", "\t"):
            items.append({"target": line.strip()})
    return items


_SENDMAIL_LINES = [
    "<jane@example.org>",
    "jane@example.org",
    "|/usr/bin/procmail",
    "    (reason: 550 5.1.1 User unknown)",
    "\t(Reason: 550 Host unknown",
    "(reason: at the start)",
    "    (expanded from: <list@example.org>)",
    "(EXPANDED FROM: list@example.org)",
    "    (expanded from: <list@example.org>) trailing",
    "    (in reply to RCPT TO)",
    "    continued",
    "x (reason: inside)",
    " ",
    "",
    "\u2003(reason: after a Unicode blank)",
]


@settings(max_examples=1000)
@given(st.lists(st.sampled_from(_SENDMAIL_LINES), max_size=12))
def test_sendmail_reads_the_fatal_error_list_the_old_loop_read(lines: list[str]) -> None:
    section = "\n".join(lines)
    assert sendmail._fatal_items(section) == _old_sendmail_fatal_items(section)


def _old_exim_entries(body: str) -> list[dict[str, str]]:
    """Exim's recipient list as the loop in exim._inquire read it before."""
    entries: list[dict[str, str]] = []
    for line in body.split("\n"):
        if not line.strip():
            continue
        malformed = exim._MALFORMED.match(line)
        recipient = None if malformed else exim._RECIPIENT.match(line)
        pipe = None if (malformed or recipient) else exim._PIPE.match(line)
        if malformed or recipient or pipe:
            if pipe:
                entry = {"recipient": "", "diagnostic": pipe.group(1)}
            elif malformed:
                entry = {"recipient": malformed.group(1), "diagnostic": line.strip()}
            else:
                assert recipient is not None
                entry = {"recipient": recipient.group(1), "diagnostic": recipient.group(2) or ""}
            entries.append(entry)
            continue
        if not entries:
            continue
        generated = exim._GENERATED.match(line)
        if generated:
            entries[-1]["alias"] = generated.group(1) or generated.group(2) or ""
            continue
        if line.startswith("    ") or line.startswith("\t"):
            entries[-1]["diagnostic"] += " " + line.strip()
        elif line.startswith(" ") is False and entries[-1]["diagnostic"]:
            entries.append({"recipient": "", "diagnostic": ""})
    return entries


_EXIM_LINES = [
    "  jane@example.org",
    "  jane@example.org: mailbox is full",
    "\tjane@example.org",
    " \tjane@example.org",
    "   jane@example.org",
    "  an undisclosed address",
    "  pipe to |/usr/bin/x",
    "  save to /var/mail/x",
    "  /var/mail/x",
    "  Jane@example.org <jane@example.org>: refused",
    "    (generated from list@example.org)",
    "\t(ultimately generated from list@example.org)",
    "\u2003(generated from list@example.org)",
    "    generated by list@example.org",
    "    host mx.example.org [192.0.2.1]",
    "\tSMTP error from remote mail server",
    "  ",
    " x",
    "\u3000x",
    "",
    "This message was created automatically by mail delivery software.",
    "------ This is a copy of the message",
]


@settings(max_examples=1000)
@given(st.lists(st.sampled_from(_EXIM_LINES), max_size=12))
def test_exim_reads_the_recipient_list_the_old_loop_read(lines: list[str]) -> None:
    body = "\n".join(lines)
    assert exim._entries(body) == _old_exim_entries(body)


def _old_imailserver_read(text: str) -> tuple[list[list[str]], list[str]]:
    """IMail's recipient and response lines as the loop in imailserver._inquire read them before."""
    entries: list[list[str]] = []
    response: list[str] = []
    in_response = False
    for line in text.split("\n"):
        stripped = line.strip()
        match = imailserver._LINE.match(stripped) or imailserver._UNDELIVERABLE.match(stripped)
        if match:
            address = _common.clean_address(match.group(match.lastindex or 1))
            if address:
                entries.append([address, stripped])
                in_response = False
                continue
        if imailserver._RESPONSE in stripped:
            in_response = True
            continue
        if in_response and stripped:
            response.append(stripped)
    return entries, response


_IMAIL_LINES = [
    "Unknown user: kijitora@example.com",
    "Unknown user: <kijitora@example.com>  ",
    "Unknown: kijitora@example.com",
    "Invalid final delivery userid: a@b",
    "undeliverable to kijitora@example.com",
    "UNDELIVERABLE TO <a@b.example>",
    "undeliverable to nobody",
    "Unknown host: example.com",
    "Body of message generated response:",
    "550 5.1.1 a@b... User unknown",
    "x:@",
    "  ",
    "",
    "Original message follows.",
]


@settings(max_examples=1000)
@given(st.lists(st.sampled_from(_IMAIL_LINES), max_size=10))
def test_imailserver_reads_the_lines_the_old_loop_read(lines: list[str]) -> None:
    text = "\n".join(lines)
    assert imailserver._read(text) == _old_imailserver_read(text)


def _old_qmail_reason(diagnostic: str) -> str | None:
    """qmail's reason for a diagnostic as qmail._reason read it before (its command read again)."""
    if "does not like recipient." in diagnostic and "in the queue too long" in diagnostic:
        return _common.ON_HOLD
    command = qmail._command(diagnostic)
    if command == "MAIL":
        return _common.REJECTED
    if command == "HELO":
        return _common.BLOCKED
    text = diagnostic.split(qmail._REMOTE_SAID, 1)[1] if qmail._REMOTE_SAID in diagnostic else diagnostic
    for reason, phrases in qmail._FORMAT_REASONS:
        if any(p in text for p in phrases):
            return reason
    for reason, phrases in qmail._LDAP_REASONS:
        if any(p in diagnostic for p in phrases):
            return reason
    if "this message has been in the queue too long" in diagnostic:
        return _common.EXPIRED
    return None


_QMAIL_PIECES = [
    *(p for _, phrases in qmail._FORMAT_REASONS + qmail._LDAP_REASONS for p in phrases),
    "Remote host said:",
    "Connected to mx.example.org but sender was rejected.",
    "Connected to mx.example.org but my name was rejected.",
    "mx.example.org does not like recipient.",
    "this message has been in the queue too long",
    "550 5.1.1 <a@b>... User unknown",
    " ",
]


@settings(max_examples=1000)
@given(st.lists(st.sampled_from(_QMAIL_PIECES), max_size=5))
def test_qmail_reads_the_reason_the_old_reader_read(pieces: list[str]) -> None:
    diagnostic = " ".join(pieces)
    assert qmail._reason(diagnostic, qmail._command(diagnostic)) == _old_qmail_reason(diagnostic)


def _old_outlook_signed(mail: Mail) -> bool:
    """Outlook.com's signs counted as outlook.inquire counted them before (every sign read)."""
    score = 0
    score += "Delivery Status Notification" in mail.subject
    score += mail.has_header("X-Message-Delivery")
    score += mail.has_header("X-Message-Info")
    score += mail.may_hold("Received", (".hotmail.com",), ignore_case=True) and any(
        ".hotmail.com" in r.lower() for r in mail.headers("Received")
    )
    return score >= 2


_OUTLOOK_FIELDS = [
    "Subject: Delivery Status Notification (Failure)",
    "Subject: delivery status notification",
    "X-Message-Delivery: Vj0xLjE7",
    "X-Message-Info: abc",
    "Received: from mx.hotmail.com by x",
    "Received: from BAY0-MC1-F1.Hotmail.COM by x",
    "Received: from mx.example.org by x",
    "Received: from =?utf-8?q?hotmail=2Ecom?= by x",
    "From: postmaster@example.org",
]


@settings(max_examples=300)
@given(st.lists(st.sampled_from(_OUTLOOK_FIELDS), max_size=6))
def test_outlook_counts_its_signs_as_before(fields: list[str]) -> None:
    mail = load(("\n".join(fields) + "\n\nbody\n").encode())
    assert outlook._signed(mail) == _old_outlook_signed(mail)
