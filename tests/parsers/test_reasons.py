"""The reason table: status codes, reply codes and phrase families, and the one classification rule."""

from __future__ import annotations

import pytest

from parsers import reasons as r


@pytest.mark.parametrize(
    ("status", "diagnostic", "command", "reason"),
    [
        ("5.1.1", "550 5.1.1 <a@b.example>: Recipient address rejected: User unknown", None, r.USER_UNKNOWN),
        # a 5.1.1 whose text shows the sender was blocked is not a bad address
        ("5.1.1", "550 5.1.1 Client host rejected: blocked using zen.spamhaus.org", None, r.BLOCKED),
        ("5.1.1", "552 5.1.1 Mailbox full", None, r.MAILBOX_FULL),
        # a generic 5.0.0 whose text says "user unknown" in answer to RCPT TO is
        ("5.0.0", "550 user unknown", "RCPT", r.USER_UNKNOWN),
        # ... but after DATA it is the recipient's filter
        ("5.0.0", "550 user unknown", "DATA", r.FILTERED),
        # with no command named, a generic status over RFC 5321's reply codes for a recipient the
        # server does not have (550, 551, 553) answered RCPT TO: the address is gone
        ("5.0.0", "550 user unknown", None, r.USER_UNKNOWN),
        (None, "553 sorry, no mailbox here by that name", None, r.USER_UNKNOWN),
        ("5.0.0", "551 User not local; unknown user", None, r.USER_UNKNOWN),
        # ... not a specific addressing status (the recipient's filter unless RCPT TO is named),
        # not a reply code of another stage, not a text that shows the sender was refused
        ("5.1.351", "550 5.1.351 unknown recipient or mailbox unavailable", None, r.FILTERED),
        ("5.0.0", "554 user unknown", None, r.FILTERED),
        ("5.0.0", "550 user unknown; blocked using zen.spamhaus.org", None, r.BLOCKED),
        ("5.2.1", "550 5.2.1 <a@b.example>... User Unknown", "RCPT", r.USER_UNKNOWN),
        ("5.2.1", "550 5.2.1 mailbox disabled", None, r.ACCOUNT_DISABLED),
        ("4.2.1", "450 4.2.1 mailbox temporarily disabled", None, r.SUSPEND),
        ("5.2.1", "550 5.2.1 rejected by the recipient's filter", None, r.FILTERED),
        ("5.1.2", "550 5.1.2 Host unknown", None, r.HOST_UNKNOWN),
        ("5.1.10", "550 5.1.10 RESOLVER.ADR.RecipientNotFound; not found", "RCPT", r.USER_UNKNOWN),
        # an addressing status other than 5.1.0/5.1.1/5.1.3 with an unknown-user text, tied to no
        # RCPT TO, is the recipient's filter
        ("5.1.351", "550 5.1.351 unknown recipient or mailbox unavailable", None, r.FILTERED),
        ("5.1.351", "550 5.1.351 unknown recipient or mailbox unavailable", "RCPT", r.USER_UNKNOWN),
        ("5.1.6", "550 5.1.6 recipient no longer on server", None, r.HAS_MOVED),
        ("5.2.2", "552 5.2.2 Quota exceeded", None, r.MAILBOX_FULL),
        ("4.2.2", "452 4.2.2 Over quota", None, r.MAILBOX_FULL),
        ("5.3.4", "552 5.3.4 Message too big for system", None, r.MESSAGE_TOO_BIG),
        ("5.7.1", "554 5.7.1 Message rejected as spam by Content Filtering", None, r.SPAM_DETECTED),
        ("5.7.1", "550 5.7.1 Relaying denied", None, r.NO_RELAYING),
        ("5.7.1", "550 5.7.1 Service unavailable; client host blocked using bl.spamcop.net", None, r.BLOCKED),
        ("5.7.26", "550 5.7.26 Unauthenticated email is not accepted", None, r.AUTH_FAILURE),
        (
            "5.7.25",
            "550 5.7.25 The IP address sending this message does not have a PTR record",
            None,
            r.REQUIRE_PTR,
        ),
        ("5.7.28", "550 5.7.28 large volume of spam", None, r.SPAM_DETECTED),
        ("4.4.7", "Message expired after sitting in queue", None, r.EXPIRED),
        ("5.4.7", "delivery time expired", None, r.EXPIRED),
        ("5.3.2", "550 5.3.2 system not accepting network messages", None, r.NOT_ACCEPT),
        ("5.6.0", "550 5.6.0 improper use of 8-bit data in message header", None, r.CONTENT_ERROR),
        ("5.7.0", "550 5.7.0 something odd", None, r.SECURITY_ERROR),
        ("2.1.5", "250 2.1.5 OK", None, r.DELIVERED),
        (None, "Your message was infected with a virus", None, r.VIRUS_DETECTED),
        (None, "421 Too many concurrent SMTP connections", None, r.TOO_MANY_CONNECTIONS),
        (None, "Adresse inconnue: utilisateur inconnu", "RCPT", r.USER_UNKNOWN),
        (None, "Sorry, I couldn't find any host named nowhere.example. (#5.1.2)", None, r.HOST_UNKNOWN),
        # a user-unknown code stands against a mere mention of a block list ...
        (
            "5.1.1",
            "550 5.1.1 <a@b.example> rejected, see https://www.spamhaus.org/ for policy",
            None,
            r.USER_UNKNOWN,
        ),
        # ... and "mailbox is inactive" is an unknown user, "this mailbox is disabled" a suspension
        ("5.1.1", "550 5.1.1 mailbox is inactive", None, r.USER_UNKNOWN),
        ("5.1.1", "550 5.1.1 this mailbox is disabled", None, r.ACCOUNT_DISABLED),
        ("5.1.1", "550 5.1.1 <a@b.example>: account is disabled", None, r.USER_UNKNOWN),
        # a mailbox no longer in use is discontinued: gone for good, as in every other language
        (None, "550 This mailbox is no longer in use", None, r.ACCOUNT_DISABLED),
        (None, "550 <a@b.example>: inbox no longer in use", None, r.ACCOUNT_DISABLED),
        # what sisimai checks before an unknown user overrules the code: size, SPF/DMARC
        ("5.1.1", "552 5.1.1 message size exceeds fixed maximum message size", None, r.MESSAGE_TOO_BIG),
        ("5.1.1", "550 5.1.1 Email rejected per DMARC policy for b.example", None, r.AUTH_FAILURE),
        ("5.0.0", "550 5.0.0 Recipient address rejected: UserUnknown", "RCPT", r.USER_UNKNOWN),
        (
            "5.0.0",
            "553 sorry, that domain or user isn't in my list of allowed rcpthosts",
            "RCPT",
            r.USER_UNKNOWN,
        ),
        (None, "550 <a@b.example>... Address rejected", "MAIL", r.REJECTED),
        # "address rejected" about the recipient is not a sender rejection
        (None, "550 Recipient address rejected: Access denied", "RCPT", r.USER_UNKNOWN),
        (None, "550 Sender address has been blacklisted", "MAIL", r.REJECTED),
        (
            "5.7.1",
            "554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using b.example",
            None,
            r.BLOCKED,
        ),
        ("4.4.2", "421 4.4.2 Connection timed out", None, r.EXPIRED),
        (None, "Host name lookup failure", None, r.NETWORK_ERROR),
        # a host that cannot be reached exists: a network failure (soft), never an unknown domain
        (None, "Host unreachable", None, r.NETWORK_ERROR),
        (None, "mx.b.example [192.0.2.7]: host unreachable, giving up", None, r.NETWORK_ERROR),
        (None, "552 maildir delivery failed: userdisk quota exceeded", None, r.MAILBOX_FULL),
        # a bare reply code names no reason (553 is not "user unknown", 551 not "moved")
        (None, "553 Requested action not taken: mailbox name not allowed", None, r.ON_HOLD),
        (None, "551 User not local; please try <b@c.example>", None, r.ON_HOLD),
        # not_accept is a destination that takes no mail at all, not a refusal of one message
        (None, "550 Mail not accepted from this host", None, r.ON_HOLD),
        (None, "554 Host does not accept mail", None, r.NOT_ACCEPT),
        # sisimai's first pass: a rate limit before a block, PTR before an unknown host
        (
            None,
            "451 4.7.1 <mx.b.example>: Client host rejected: Please try again slower",
            None,
            r.RATE_LIMITED,
        ),
        ("5.0.0", "550 5.0.0 Reverse DNS failed for host x.example: host not found", None, r.REQUIRE_PTR),
        ("5.7.1", "550 5.7.1 IP/domain reputation problems", None, r.BAD_REPUTATION),
        (None, "", None, r.UNDEFINED),
        (None, "Something went wrong", None, r.ON_HOLD),
    ],
)
def test_derive(status: str | None, diagnostic: str, command: str | None, reason: str) -> None:
    assert r.derive(status, None, diagnostic, "failed", command) == reason


def test_local_delivery_program_failure_is_a_mailer_error() -> None:
    assert r.derive("5.3.0", None, "procmail: Lock failure", "failed", None, "X-UNIX") == r.MAILER_ERROR
    assert r.derive("5.2.2", None, "maildir over quota", "failed", None, "X-UNIX") == r.MAILBOX_FULL


def test_delayed_without_a_cause_is_expired() -> None:
    assert r.derive("4.0.0", None, "", "delayed", None) == r.EXPIRED


@pytest.mark.parametrize(
    ("reason", "status", "smtp_code", "classification"),
    [
        (r.USER_UNKNOWN, "5.1.1", "550", "hard"),
        (r.HOST_UNKNOWN, "5.1.2", None, "hard"),
        (r.HAS_MOVED, "5.1.6", None, "hard"),
        # The server's own 4.x.x / 4xx says "temporary", also in a report the MTA gave up on
        # (parsing-rules.md: 4.x.x is always soft); a moved address is gone whatever the code.
        (r.USER_UNKNOWN, "4.1.1", "450", "soft"),
        (r.USER_UNKNOWN, None, "450", "soft"),
        (r.HOST_UNKNOWN, "4.1.2", None, "soft"),
        (r.ACCOUNT_DISABLED, "4.2.1", "450", "soft"),
        (r.HAS_MOVED, "4.1.6", None, "hard"),
        (r.NOT_ACCEPT, "5.3.2", "521", "hard"),
        (r.NOT_ACCEPT, "4.3.2", "421", "soft"),
        (r.NOT_ACCEPT, None, "421", "soft"),
        (r.MAILBOX_FULL, "5.2.2", "552", "soft"),
        (r.BLOCKED, "5.7.1", "554", "soft"),
        (r.SPAM_DETECTED, "5.7.1", "550", "soft"),
        (r.EXPIRED, "4.4.7", None, "soft"),
        (r.DELIVERED, "2.0.0", "250", "ignored"),
        (r.VACATION, None, None, "ignored"),
        (r.FEEDBACK, None, None, "hard"),
    ],
)
def test_classify(reason: str, status: str | None, smtp_code: str | None, classification: str) -> None:
    assert r.classify(reason, status, smtp_code) == classification


def test_a_delay_warning_is_ignored_whatever_the_reason() -> None:
    assert r.classify(r.USER_UNKNOWN, "4.1.1", None, delay_warning=True) == "ignored"
    assert r.classify(r.EXPIRED, "4.4.7", None, delay_warning=False) == "soft"


def test_taxonomy_is_large_and_snake_case() -> None:
    assert len(r.REASONS) >= 20
    assert all(code.islower() and " " not in code for code in r.REASONS)
    assert set(r.STATUS_REASON.values()) <= r.REASONS
    assert set(r.PHRASES) <= r.REASONS


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("550 5.1.1 <a@b>: unknown", "5.1.1"),
        ("550-5.7.1 [192.0.2.1 10] Our system", "5.7.1"),
        ("host 192.0.2.1 said 554 5.0.0 then 5.7.1 blocked", "5.7.1"),
        ("running v5.2.1 of the software", None),  # a version number is not a status code
        ("(#5.1.1)", "5.1.1"),
        ("no code here", None),
        ("5.0.0 only", "5.0.0"),
        # an enhanced code of class 4 after a 5xx reply takes the reply's class (RFC 2034)
        ("550 4.1.1 <a@b>: Recipient address rejected: User unknown", "5.1.1"),
        ("550-4.7.1 Service unavailable", "5.7.1"),
        ("450 5.1.1 <a@b>: User unknown", "5.1.1"),  # (the permanent word stands)
        ("550 4.4.7 QUEUE.Expired; message expired", "4.4.7"),  # (the MTA's own give-up)
        ("error 1550 4.1.1 in the log", "4.1.1"),  # (no reply code: part of a longer number)
        ("4.1.1 user unknown", "4.1.1"),
    ],
)
def test_status_in_text(text: str, status: str | None) -> None:
    assert r.status_in_text(text) == status


def test_status_in_text_skips_ip_addresses() -> None:
    assert r.status_in_text("connect to 5.4.3.2 failed") is None


def test_pseudo_status_names_the_reason() -> None:
    assert r.pseudo_status(r.USER_UNKNOWN, temporary=False) == "5.0.911"
    assert r.status_reason("5.0.911") == r.USER_UNKNOWN
    assert r.pseudo_status(r.EXPIRED, temporary=True) == "4.0.947"


def test_old_reason_names_read_as_todays_codes() -> None:
    assert r.canonical("suspended") == r.SUSPEND
    assert r.canonical("policy") == r.POLICY_VIOLATION
    assert r.canonical("speeding") == r.RATE_LIMITED
    assert r.canonical("user_unknown") == r.USER_UNKNOWN
    assert set(r.ALIASES.values()) <= r.REASONS and not set(r.ALIASES) & r.REASONS
    assert {"policy", "policy_violation"} <= r.SENDER_SIDE  # stored events of either name


@pytest.mark.parametrize(
    ("reason", "command", "names_sender", "want"),
    [
        (r.USER_UNKNOWN, "MAIL", False, r.REJECTED),  # refused at MAIL FROM: about the sender
        (r.USER_UNKNOWN, "RCPT", True, r.REJECTED),  # quotes the sender's return path only
        (r.USER_UNKNOWN, "RCPT", False, r.USER_UNKNOWN),
        (r.MAILBOX_FULL, "MAIL", False, r.MAILBOX_FULL),  # a cause the text names stays
        (r.BLOCKED, "MAIL", False, r.BLOCKED),
    ],
)
def test_sender_side_refusals_are_never_hard(
    reason: str, command: str, names_sender: bool, want: str
) -> None:
    got = r.sender_side(reason, command, names_sender)
    assert got == want
    if got == r.REJECTED:
        assert r.classify(got, "5.1.1", "550") == "soft"


@pytest.mark.parametrize(
    ("feedback_type", "want"),
    [
        ("abuse", ("complaint", "hard", r.FEEDBACK)),
        ("fraud", ("complaint", "hard", r.FEEDBACK)),
        ("auth-failure", ("complaint", "soft", r.AUTH_FAILURE)),
        ("opt-out", ("unsubscribe", "hard", r.UNSUBSCRIBE)),
        ("Unsubscribe", ("unsubscribe", "hard", r.UNSUBSCRIBE)),
        ("not-spam", ("feedback", "ignored", r.FEEDBACK)),
    ],
)
def test_feedback_types(feedback_type: str, want: tuple[str, str, str]) -> None:
    assert r.feedback_verdict(feedback_type) == want
    assert (want[2] in r.SENDER_SIDE) == (feedback_type == "auth-failure")


def test_a_text_report_still_being_retried_is_a_delay_not_a_soft_bounce() -> None:
    found = r.verdict(r.MAILBOX_FULL, "4.2.2", "452", None, from_dsn_part=False, still_trying=lambda: True)
    assert (found.type, found.classification, found.action) == ("delay", "ignored", "delayed")
    final = r.verdict(r.USER_UNKNOWN, "5.1.1", "550", None, from_dsn_part=False, still_trying=lambda: True)
    assert (final.type, final.classification) == ("bounce", "hard")  # a 5xx bad address is final
    assert not r.is_delay_notice("Undelivered", "Aucune nouvelle tentative ne sera effectuée.")


@pytest.mark.parametrize(
    ("reason", "status", "want"),
    [
        (r.SECURITY_ERROR, "4.7.0", r.EXPIRED),  # 4.7.0's class reading: the delay says more
        (r.CONTENT_ERROR, "4.6.0", r.CONTENT_ERROR),  # 4.6.0 is listed (content_error): it stays
        (r.CONTENT_ERROR, "4.6.99", r.EXPIRED),
        (r.AUTH_FAILURE, "4.7.26", r.AUTH_FAILURE),  # a cause the reply names stays
        (r.BLOCKED, "4.7.1", r.BLOCKED),
    ],
)
def test_a_text_delay_notice_reads_an_unlisted_codes_class_as_the_delay(
    reason: str, status: str, want: str
) -> None:
    found = r.verdict(reason, status, "451", None, from_dsn_part=False, still_trying=lambda: True)
    assert (found.type, found.classification, found.reason) == ("delay", "ignored", want)
    assert r.is_delay_notice("Warning", "Delay reason: 452 4.2.2 mailbox full\nwill retry")
