"""Hostile messages: shapes that cost a naive parser far more than their size (a Subject of
encoded words, an over-long boundary, deep nesting, a million parts ...). Each builder takes a
size in bytes and returns a message of about that size. Used by tests/parsers/test_bounds.py and
benchmarks/parse_throughput.py."""

from __future__ import annotations

from collections.abc import Callable

MB = 1024 * 1024
DAEMON = b"From: MAILER-DAEMON@mx.example\nTo: news@sender.example\n"
WORD = b"=?utf-8?q?abc?= "


def encoded_subject(size: int) -> bytes:
    return DAEMON + b"Subject: " + WORD * (size // len(WORD)) + b"\n\nbody\n"


def boundary_of(length: int) -> bytes:
    b = b"b" * length
    return (
        DAEMON
        + b'Content-Type: multipart/mixed; boundary="'
        + b
        + b'"\n\n--'
        + b
        + b"\nContent-Type: text/plain\n\nfirst part\n--"
        + b
        + b"--\n"
    )


def many_parts(size: int) -> bytes:
    part = b"--b\n\nx\n"
    return DAEMON + b"Content-Type: multipart/mixed; boundary=b\n\n" + part * (size // len(part)) + b"--b--\n"


def nested_originals(size: int) -> bytes:
    level = b"Content-Type: message/rfc822\n\n"
    return DAEMON + level * (size // len(level)) + b"Subject: innermost\n\nx\n"


def nested_multiparts(size: int) -> bytes:
    depth = size // 60
    levels = b"".join(
        b"--b%d\nContent-Type: multipart/mixed; boundary=b%d\n\n" % (i, i + 1) for i in range(depth)
    )
    return DAEMON + b"Content-Type: multipart/mixed; boundary=b0\n\n" + levels + b"x\n"


def many_headers(size: int) -> bytes:
    return DAEMON + b"X-H: v\n" * (size // 7) + b"\nbody\n"


def blank_lines(size: int) -> bytes:
    return DAEMON + b"Subject: Undelivered Mail Returned to Sender\n\n" + b" \n" * (size // 2)


def one_long_line(size: int) -> bytes:
    return DAEMON + b"Subject: Undelivered Mail Returned to Sender\n\n" + b" " * size + b"\n"


def recipient_blocks(size: int) -> bytes:
    block = b"Final-Recipient: rfc822; a@b.example\nAction: failed\nStatus: 5.1.1\n\n"
    return (
        DAEMON
        + b"Content-Type: multipart/report; report-type=delivery-status; boundary=b\n\n--b\n\nx\n"
        + b"--b\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; x\n\n"
        + block * (size // len(block))
        + b"--b--\n"
    )


# Also the body shapes that made detector patterns backtrack (runs of blanks, spaces, dashes,
# address characters), after a report that must still be read.
REPORT = (
    DAEMON + b"Subject: Undelivered Mail Returned to Sender\n\n"
    b"This is the mail system at host mx.example.\n\n"
    b"<gone@dest.example>: host mx.dest.example said: 550 5.1.1 User unknown\n\n"
)
FILLERS = (b" ", b" \n", b"-", b"@", b"a", b"\n")


def report_then(filler: bytes) -> Callable[[int], bytes]:
    return lambda size: REPORT + filler * (size // len(filler))


# The opening lines of the old report formats flufl.bounce knows (parsers.lastresort runs it on a
# failure report nobody else explained), then lines of the characters its patterns backtrack on.
LEGACY_MARKERS = (
    DAEMON + b"Subject: Returned mail\nX-Mailer: <SMTP32 v8>\n"
    b"Content-Type: multipart/mixed; boundary=b\n\n"
    b"Transcript of session follows\nThe following addresses had\nhere is your list of failed recipients\n"
    b"failed addresses follow:\nThis Message was undeliverable due to the following reason:\n"
    b"The following recipients did not receive this message:\ndid not reach the following recipient\n"
    b"Hi. This is the\nDelivery to the following recipients failed\n"
    b"A message that you sent could not be delivered\nYour message could not be delivered to\n"
    b"This is the email server at\nMessage not delivered to the following\nYour message to:\n"
)


def legacy_markers_then(filler: bytes) -> Callable[[int], bytes]:
    def build(size: int) -> bytes:
        line = filler * (150 // len(filler)) + b"\n"
        return LEGACY_MARKERS + line * (size // len(line))

    return build


HOSTILE: dict[str, Callable[[int], bytes]] = {
    "encoded subject": encoded_subject,
    "long boundary": lambda size: boundary_of(size // 3),
    "many parts": many_parts,
    "nested originals": nested_originals,
    "nested multiparts": nested_multiparts,
    "many headers": many_headers,
    "blank lines": blank_lines,
    "one long line": one_long_line,
    "recipient blocks": recipient_blocks,
    **{f"report, then {filler!r}": report_then(filler) for filler in FILLERS},
    **{f"old formats, then {filler!r}": legacy_markers_then(filler) for filler in (b"<", b"a", b" ", b"-")},
}
