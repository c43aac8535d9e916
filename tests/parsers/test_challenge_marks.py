"""The challenge-response test's quick rule-out never hides a text the full search would find."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from parsers import autoreply

PHRASES = [
    "Click the following link to be added",
    "click on the link to be added",
    "BOXBE",
    "ChoiceMail",
    "BoxTrapper",
    "verify that you are a human",
    "Verify you are a HUMAN",
    "cli\u212ak the link to be added",  # the Kelvin sign: a case-blind 'k'
    "verİfy you are a human",
    "boxtrappe\u017f",  # not a match: ſ is no r
    "Spam Arrest",
    "SpamArrest",
    "X-Delivery-Agent: TMDA/1.1",
    "please confirm you are a real person",
    "prove that you are not a robot",
    "to ensure that you are a real person",
    "verify you are not a spammer",
    "to ensure that\nyou are a real person",
    "is awaiting your verification",
    "Awaiting confirmation",
    "simply reply to this confirmation request",
    "has been placed in my pending queue",
    "If you would like to be added to my list of approved senders",
    "added to the approved senders list",
    "Your message is being held by my anti-spam system",
    "held by an antispam filter",
    "Your mail to a@example.org requires your confirmation.",
    "REPLY TO THIS\n  CONFIRMATION REQUEST",  # ("conf" is no rule-out alone: the words it comes with)
    "Requires\tYour Confirmation",
    "confirmation request (reply to this)",  # not a match: the words, not the phrase
    "confirm that the above\nmessage actually came from you",
    "awa\u0130ting verification",  # not a match: İ is no i
]


@given(
    before=st.text(max_size=300),
    phrase=st.sampled_from(PHRASES) | st.text(alphabet="abcdefhilmnoprtuvwxyBCHKMİſ\u212a/ \n", max_size=40),
    after=st.text(max_size=300),
)
def test_the_quick_rule_out_agrees_with_the_full_search(before: str, phrase: str, after: str) -> None:
    text = f"{before}{phrase}{after}"
    expected = bool(
        re.compile(autoreply._CHALLENGE.pattern, re.IGNORECASE).search(re.sub(r"\s+", " ", text[:4000]))
    )
    assert autoreply.is_challenge(text) is expected


def test_challenge_phrases_are_found_and_plain_bounces_are_not() -> None:
    assert autoreply.is_challenge("Your message is held. Click the link to be added to my list.")
    assert autoreply.is_challenge("This message was sent by Boxbe on behalf of a user")
    assert autoreply.is_challenge("We verify senders to ensure\r\nthat you are a real person.")
    assert not autoreply.is_challenge("550 5.1.1 <a@example.com>: Recipient address rejected: User unknown")
