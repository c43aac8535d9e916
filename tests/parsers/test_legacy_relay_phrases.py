"""Legacy relays' and gateways' own words for a gone address, as mailing-list bounce archives keep
them (CommuniGate Pro, Post.Office, Mercury, ZMailer, IBM VM, X.400 gateways, GroupWise, MDaemon,
SmarterMail, PMDF and Sun/iPlanet Messaging Server): each is read as the reason it states, and a
lookup the server offers to retry stays soft."""

from __future__ import annotations

import pytest

from parsers import reasons

HARD = (
    ("LOCAL module(account b.lindqvist) reports: mail receiving disabled", reasons.ACCOUNT_DISABLED),
    ("Host marsh-lodge.example not found", reasons.HOST_UNKNOWN),
    ("Your message was not delivered because the destination computer was not found.", reasons.HOST_UNKNOWN),
    ("<jt.morrow@pegasus.college.example>  Unknown or illegal user name.", reasons.USER_UNKNOWN),
    ("550 5.1.1 unknown or illegal alias: aino@zm.example", reasons.USER_UNKNOWN),
    ("Not in CMS directory ---->  PHY0417@VMA.CAMPUS.EXAMPLE", reasons.USER_UNKNOWN),
    ("Recipient name unknown (unrecognized recipient)", reasons.USER_UNKNOWN),
    ("Reason: 1 (unable to transfer) diagnostic: 0 (unrecognized O/R name)", reasons.USER_UNKNOWN),
    ("mbathal (User not on post office)", reasons.USER_UNKNOWN),
    ("*  Name server reports domain name unknown", reasons.HOST_UNKNOWN),
    ("Reason: Illegal host/domain name found", reasons.HOST_UNKNOWN),
    ("No MX records were found for the 'typo-domain.example' domain.", reasons.HOST_UNKNOWN),
)


@pytest.mark.parametrize(("sentence", "reason"), HARD)
def test_a_gone_address_in_a_legacy_relays_words_is_hard(sentence: str, reason: str) -> None:
    assert reasons.match_text(sentence) == reason
    assert reasons.classify(reason) == "hard"


def test_a_host_not_found_that_the_server_will_retry_is_no_unknown_host() -> None:
    assert reasons.match_text("Host mx.example.org not found, try again later") != reasons.HOST_UNKNOWN
