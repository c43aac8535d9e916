"""The replies of large ISPs outside the English-speaking world, as their help pages and their
users' logs quote them: Mail.ru's after-DATA "user not found", the spam policies SFR, Daum and
Polish portals name, T-Online's and GMX's refusals of the sending host, the Korean portals'
"Your IP(...) is filtered", QQ Mail's RFC 5322 notice, WP/o2's disabled account and Interia's
"Recipient doesn't want your mail". Then the sentences that look alike and must stay as they are.
"""

from __future__ import annotations

import pytest

from parsers import parse
from parsers import reasons as r
from parsers.delivery import Delivery
from parsers.reasons import providers
from tests.parsers.languages import Case, check_phrases, reason_under_5_7_1

_MAILRU_GONE = (
    "550 Message was not accepted -- invalid mailbox.  Local mailbox {rcpt} is unavailable: user not found"
)


def _postfix_report(rcpt: str, host: str, reply: str, command: str) -> bytes:
    """A Postfix DSN of one recipient refused by `host` with `reply` in answer to `command`."""
    return (
        "From: MAILER-DAEMON@mail.sender.example (Mail Delivery System)\n"
        "To: news@sender.example\n"
        "Subject: Undelivered Mail Returned to Sender\n"
        "MIME-Version: 1.0\n"
        'Content-Type: multipart/report; report-type=delivery-status; boundary="b1"\n\n'
        "--b1\n"
        "Content-Type: text/plain; charset=us-ascii\n\n"
        "This is the mail system at host mail.sender.example.\n\n"
        f"<{rcpt}>: host {host}[192.0.2.25] said: {reply} (in reply to {command} command)\n\n"
        "--b1\n"
        "Content-Type: message/delivery-status\n\n"
        "Reporting-MTA: dns; mail.sender.example\n\n"
        f"Final-Recipient: rfc822; {rcpt}\n"
        "Action: failed\n"
        "Status: 5.0.0\n"
        f"Remote-MTA: dns; {host}\n"
        f"Diagnostic-Code: smtp; {reply}\n\n"
        "--b1--\n"
    ).encode()


def test_mail_ru_user_not_found_after_data_is_an_unknown_user() -> None:
    """Mail.ru checks its recipients after DATA; its "user not found" there is the address gone,
    not a filter's refusal (hard), for its own domains and the ones it hosts."""
    for rcpt, host in (("ivan@mail.ru", "mxs.mail.ru"), ("info@hosted.example", "emx.mail.ru")):
        raw = _postfix_report(rcpt, host, _MAILRU_GONE.format(rcpt=rcpt), "end of DATA")
        (event,) = parse(raw).events
        assert (event.recipient, event.reason, event.classification) == (rcpt, "user_unknown", "hard")


def test_mail_ru_sentence_is_read_whoever_relayed_it() -> None:
    d = Delivery(
        "a@bk.ru",
        status="5.0.0",
        diagnostic=_MAILRU_GONE.format(rcpt="a@bk.ru"),
        remote_mta="relay.example.net",
        smtp_command="DATA",
    )
    assert providers.reason(d) == r.USER_UNKNOWN


@pytest.mark.parametrize(
    ("ending", "reason"),
    [("account is disabled", r.ACCOUNT_DISABLED), ("user is terminated", r.ACCOUNT_DISABLED)],
)
def test_mail_ru_closed_accounts_stay_closed(ending: str, reason: str) -> None:
    text = (
        f"550 Message was not accepted -- invalid mailbox.  Local mailbox a@mail.ru is unavailable: {ending}"
    )
    assert r.derive("5.0.0", "550", text, "failed", "DATA") == reason


@pytest.mark.parametrize(
    "text",
    [
        # another host's "user not found" after DATA stays the recipient's filter (the Japanese
        # carriers' rule), and so does a carrier's "Unknown user"
        "550 User not found",
        "550 Unknown user keitai@ezweb.ne.jp",
    ],
)
def test_other_after_data_unknown_users_stay_filtered(text: str) -> None:
    assert r.derive("5.0.0", "550", text, "failed", "DATA") == r.FILTERED


SENDER_SIDE: list[Case] = [
    # the sending host refused (T-Online names the desk that lifts it; GMX writes "black listed";
    # Naver and Hanafos filter the IP)
    (
        "554 IP=192.0.2.10 - A problem occurred. (Ask your postmaster for help or to contact "
        "tosa@rx.t-online.de to clarify.) (BL)",
        r.BLOCKED,
    ),
    ("554-No SMTP service 554-IP address is black listed. 554 For explanation visit postmaster", r.BLOCKED),
    (
        "421 4.3.2 Your IP(192.0.2.10) is filtered and this connection will be closed. "
        "You must register your IP to http://realip.naver.com",
        r.BLOCKED,
    ),
    # the message against QQ Mail's reading of RFC 5322
    (
        '550 The "From" header is missing or invalid. Please follow RFC5322, RFC2047, RFC822 standard protocol.',
        r.NOT_COMPLIANT_RFC,
    ),
    # the recipient has blocked this sender (Interia)
    ("550 Recipient doesn't want your mail", r.REJECTED),
]


def test_coremail_could_not_reach_the_recipients_host() -> None:
    """NetEase's notice for a host that never answered ("Can not connect to <domain>:<ip>:<port>",
    under its Chinese "you may have written an alien's address, or the network failed"): a network
    error (soft), not the address; a database or a bare host name is no such report."""
    text = "Can not connect to dest.example.cn:192.0.2.62:25"
    assert r.derive("5.0.0", None, text, "failed", None) == r.NETWORK_ERROR
    for other in ("Can not connect to database server", "Cannot connect to host"):
        assert r.derive("5.0.0", None, other, "failed", None) != r.NETWORK_ERROR


def test_sender_side_refusals_of_large_isps() -> None:
    check_phrases(SENDER_SIDE)


@pytest.mark.parametrize(
    "text",
    [
        "550 Email 4RH2xT4NwZz1LQKck rejected per SPAM policy",
        "550 Mail rejected due to antispam policy",
        "550 Mail deferred due to antispam policy",
        "550 DAS51 192.0.2.10: Your mail is blocked automatically by anti-spam system. (E06)",
    ],
)
def test_spam_policies_named_under_5_7_1_are_spam(text: str) -> None:
    assert reason_under_5_7_1(text) == r.SPAM_DETECTED


def test_wp_o2_disabled_account_under_5_1_1_is_closed() -> None:
    text = (
        '550 "a@o2.pl": Podane konto jest zablokowane administracyjnie lub nieaktywne / '
        "This account is disabled or not yet active (#5.1.1)"
    )
    got = r.derive("5.1.1", "550", text, "failed", "RCPT")
    assert got == r.ACCOUNT_DISABLED
    assert r.classify(got, "5.1.1", "550") == "hard"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        # a policy that is not about spam stays that policy
        ("550 5.7.1 Message rejected due to content policy", r.POLICY_VIOLATION),
        ("550 5.7.1 Email rejected per DMARC policy", r.AUTH_FAILURE),
    ],
)
def test_other_policies_keep_their_reason(text: str, reason: str) -> None:
    assert r.derive("5.7.1", "550", text, "failed", "DATA") == reason


@pytest.mark.parametrize(
    ("text", "not_this"),
    [
        # the message (not the sending IP) filtered; the sender's own account; the sender's address
        # (not the IP) listed
        ("550 Your message is filtered by the recipient's rules", r.BLOCKED),
        ("550 Your account is disabled or not yet active, contact your provider", r.ACCOUNT_DISABLED),
        ("550 Sender address is black listed", r.BLOCKED),
    ],
)
def test_look_alikes_are_not_the_new_readings(text: str, not_this: str) -> None:
    got = r.derive("5.0.0", "550", text, "failed", "DATA")
    assert got != not_this
    assert r.classify(got, "5.0.0", "550") == "soft"
