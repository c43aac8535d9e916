"""What the per-language tests share: a phrase held to its reason and class, and a report in no
known format carrying one sentence or paragraph."""

from __future__ import annotations

from parsers import reasons as r

Case = tuple[str, str]  # (diagnostic, reason)


def check_phrases(cases: list[Case]) -> None:
    """Each diagnostic, read as the answer to RCPT TO under a 5.0.0 (the text decides), gives its
    reason, and that reason's class."""
    for text, want in cases:
        got = r.derive("5.0.0", "550", text, "failed", "RCPT")
        assert got == want, f"{text!r}: {got} != {want}"
        expected_class = "hard" if want in r.HARD else "soft"
        assert r.classify(got, "5.0.0", "550") == expected_class, text


def check_not_gone(text: str) -> None:
    """A diagnostic that must not read as the address gone (a closing for a while, no room, the
    sender's own address or domain not found), read as check_phrases reads its cases."""
    reason = r.derive("5.0.0", "550", text, "failed", "RCPT")
    assert reason not in (r.ACCOUNT_DISABLED, r.USER_UNKNOWN, r.HOST_UNKNOWN), f"{text!r}: {reason}"


def reason_under_5_7_1(text: str) -> str:
    """The reason of a "550 ..." refusal written under 5.7.1 ("550 5.7.1 ..."), as the RCPT TO answer.
    5.7.1 alone reads as a security or policy refusal: a sentence that names the message as spam
    must still make it spam_detected."""
    return r.derive("5.7.1", "550", text.replace("550 ", "550 5.7.1 ", 1), "failed", "RCPT")


def plain_report(body: str) -> bytes:
    """A daemon's failure report, plain UTF-8 text, in no known format."""
    return (
        "From: Mailer-Daemon <postmaster@mx.dest.example>\n"
        "To: bounces@sender.example\n"
        "Subject: Undeliverable\n"
        "MIME-Version: 1.0\n"
        "Content-Type: text/plain; charset=utf-8\n"
        "Content-Transfer-Encoding: 8bit\n\n"
        f"{body}\n"
    ).encode()
