"""Wordings of old relays, legacy groupware and early free-mail services as mailing-list bounce
archives keep them (bounce-handler rule tables of Interspire/SendStudio and PHPMailer-BMH list
them; the list hosts' own reports quote them): each is read as the reason it states, a gone address
hard, a full or locked mailbox and a recipient's refusal soft."""

from __future__ import annotations

import pytest

from parsers import reasons

GONE = (
    ("550 <a@b.example>... No such virtual user here", reasons.USER_UNKNOWN),
    ("550-The recipient cannot be verified.  Please check all recipients of this", reasons.USER_UNKNOWN),
    ("551 not our customer", reasons.USER_UNKNOWN),
    ("no users here by that name", reasons.USER_UNKNOWN),
    ("There is no user by that name", reasons.USER_UNKNOWN),
    ("The mailbox is not available on this system", reasons.USER_UNKNOWN),
    ("server doesn't handle mail for that user", reasons.USER_UNKNOWN),
    ("bad destination email address", reasons.USER_UNKNOWN),
    ("Unknown destination address", reasons.USER_UNKNOWN),
    ("Invalid or unknown virtual user", reasons.USER_UNKNOWN),
    ("not a recognised email account", reasons.USER_UNKNOWN),
    ("550 Unable to find alias user", reasons.USER_UNKNOWN),
    ("Invalid final delivery user", reasons.USER_UNKNOWN),
    ("email name is not found", reasons.USER_UNKNOWN),
    ("550 Command RCPT User <a@b.example> not OK", reasons.USER_UNKNOWN),
    ("550 User not a member of domain: <a@b.example>", reasons.USER_UNKNOWN),
    ("550-I'm sorry but a@b.example does not have an account here. I will not", reasons.USER_UNKNOWN),
    ("553 5.3.0 <a@b.example>... Recipient address no longer exists", reasons.USER_UNKNOWN),
    ("550 Mailbox ( a@b.example ) not found or inactivated", reasons.USER_UNKNOWN),
    (
        "Due to extended inactivity new mail is not currently being accepted for this mailbox",
        reasons.ACCOUNT_DISABLED,
    ),
    ("User hasn't entered during last 90 days", reasons.ACCOUNT_DISABLED),
    ("recipient never logged onto their free account", reasons.ACCOUNT_DISABLED),
    ("Mailaddress is administratively disabled", reasons.ACCOUNT_DISABLED),
    ("550 <maxqin> is now disabled with MTA service.", reasons.ACCOUNT_DISABLED),
    ("550 <a@b.example>... User account not activated", reasons.ACCOUNT_DISABLED),
    ("Domain not used for mail", reasons.HOST_UNKNOWN),
)

KEPT = (
    ("recipient exceeded dropfile size quota", reasons.MAILBOX_FULL),
    ("The user's space has used up.", reasons.MAILBOX_FULL),
    ("The message to a@b.example is bounced because : Quota exceed the hard limit", reasons.MAILBOX_FULL),
    (
        "551 bounce as<the destination mailbox <a@b.example> is full> queue as 100.1.ZmxEL",
        reasons.MAILBOX_FULL,
    ),
    ("Sorry the recipient quota limit is exceeded.", reasons.MAILBOX_FULL),
    (
        "The user to whom this message was addressed has exceeded the allowed mailbox quota.",
        reasons.MAILBOX_FULL,
    ),
    ("550 <a@b.example>: User status is locked.", reasons.SUSPEND),
    ("553 User refused to receive this mail.", reasons.FILTERED),
    ("550 not local host isp.example, not a gateway", reasons.NO_RELAYING),
)


@pytest.mark.parametrize(("sentence", "reason"), GONE)
def test_a_gone_address_in_old_relays_words_is_hard(sentence: str, reason: str) -> None:
    assert reasons.match_text(sentence) == reason
    assert reasons.classify(reason) == "hard"


@pytest.mark.parametrize(("sentence", "reason"), KEPT)
def test_a_full_locked_or_refusing_mailbox_in_old_relays_words_is_soft(sentence: str, reason: str) -> None:
    assert reasons.match_text(sentence) == reason
    assert reasons.classify(reason) == "soft"
