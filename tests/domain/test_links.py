"""Links and click records (pure): the token of every link verifies for exactly the (account,
recipient) the links were made for; header lines are exact; a click's record is the same bytes for
the same click and different for anything else."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import parsers
from service.domain.attribution import read_link_claim
from service.domain.links import (
    InvalidPublicUrl,
    LinkKind,
    Links,
    check_public_url,
    click_address,
    click_record,
    make_links,
)
from service.domain.tokens import LinkClaim, read_link_token, read_unsubscribe_address

SECRET = b"s" * 32
ACCOUNTS = st.from_regex(r"\A[a-z0-9][a-z0-9._-]{0,30}\Z")
RECIPIENTS = st.builds(
    lambda local, domain: f"{local}@{domain}",
    st.from_regex(r"\A[a-z0-9._+-]{1,30}\Z"),
    st.from_regex(r"\A([a-z0-9-]{1,15}\.){1,2}[a-z]{2,6}\Z"),
)


def links(account: str, recipient: str) -> Links:
    return make_links(
        SECRET,
        public_url="https://links.example/mail/",
        unsubscribe_address="unsubscribe@bounce.example",
        separator="+",
        account=account,
        recipient=recipient,
    )


def tokens_of(made: Links) -> list[str]:
    return [made.unsubscribe_url.rsplit("/u/", 1)[1], made.report_spam_url.rsplit("/r/", 1)[1]]


@given(ACCOUNTS, RECIPIENTS, ACCOUNTS, RECIPIENTS)
@settings(max_examples=200)
def test_every_link_verifies_for_exactly_its_own_pair(
    account: str, recipient: str, other_account: str, other_recipient: str
) -> None:
    made = links(account, recipient)
    for token in tokens_of(made):
        assert read_link_token(SECRET, token) == LinkClaim(account, recipient)
        assert read_link_token(b"t" * 32, token) is None  # another installation's key
    assert made.mailto is not None
    assert read_unsubscribe_address(SECRET, made.mailto) == LinkClaim(account, recipient)
    if (other_account, other_recipient) != (account, recipient):
        other = links(other_account, other_recipient)
        assert set(tokens_of(other)).isdisjoint(tokens_of(made))
        assert read_link_token(SECRET, tokens_of(other)[0]) != LinkClaim(account, recipient)


def test_the_header_lines_are_exact_and_url_first() -> None:
    made = links("shop-a", "jane@example.com")
    token = made.token
    assert made.header_lines == (
        f"List-Unsubscribe: <https://links.example/mail/u/{token}>, "
        f"<mailto:unsubscribe+{token}@bounce.example?subject=unsubscribe>",
        "List-Unsubscribe-Post: List-Unsubscribe=One-Click",
    )
    bare = make_links(
        SECRET,
        public_url="https://links.example",
        unsubscribe_address=None,
        separator="-",
        account="shop-a",
        recipient="jane@example.com",
    )
    assert bare.mailto is None and bare.list_unsubscribe == f"<https://links.example/u/{token}>"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("https://links.example", "https://links.example"),
        ("https://links.example/mail/", "https://links.example/mail"),
        ("http://127.0.0.1:8025", "http://127.0.0.1:8025"),
        ("http://localhost:8025/", "http://localhost:8025"),
    ],
)
def test_a_public_url_is_kept_without_its_trailing_slash(value: str, expected: str) -> None:
    assert check_public_url(value) == expected


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("http://links.example", "must be https"),
        ("links.example", "https:// URL with a host"),
        ("ftp://links.example", "https:// URL with a host"),
        ("https://", "https:// URL with a host"),
        ("https://links.example/?a=b", "no query"),
        ("https://links.example/#x", "no query"),
        ("https://user@links.example", "no query, fragment or user name"),
        ("https://links.example:http", "is not a URL"),
    ],
)
def test_an_unusable_public_url_is_one_clear_line(value: str, words: str) -> None:
    with pytest.raises(InvalidPublicUrl, match=words):
        check_public_url(value)


@pytest.mark.parametrize("kind", list(LinkKind))
def test_a_click_record_parses_as_its_event_and_names_the_token(kind: LinkKind) -> None:
    made = links("shop-a", "jane@example.com")
    token = made.token
    raw = click_record(kind, token.upper(), "jane@example.com", "+", "never")
    result = parsers.parse(raw)
    [event] = result.events
    assert (event.type, event.recipient, event.feedback_type) == (
        "unsubscribe" if kind is LinkKind.UNSUBSCRIBE else "complaint",
        "jane@example.com",
        kind.feedback_type,
    )
    assert result.attribution is not None
    assert click_address(token, "+") in result.attribution.envelope_addresses
    claim = read_link_claim(result.attribution.envelope_addresses, [event.type], secret=SECRET, separator="+")
    assert claim == LinkClaim("shop-a", "jane@example.com")


def test_the_same_click_is_the_same_record_and_anything_else_is_not() -> None:
    record = click_record(LinkKind.UNSUBSCRIBE, "tok3n", "jane@example.com", "+", "never")
    assert record == click_record(LinkKind.UNSUBSCRIBE, "TOK3N", "jane@example.com", "+", "never")
    others = {
        click_record(LinkKind.REPORT_SPAM, "tok3n", "jane@example.com", "+", "never"),
        click_record(LinkKind.UNSUBSCRIBE, "tok3n", "jane@example.com", "+", "2026-12-01T00:00:00Z"),
        click_record(LinkKind.UNSUBSCRIBE, "tok4n", "jane@example.com", "+", "never"),
    }
    assert record not in others and len(others) == 3


def test_a_link_token_speaks_only_for_unsubscribes_and_complaints() -> None:
    made = links("shop-a", "jane@example.com")
    assert made.mailto is not None
    addresses = [made.mailto]
    claim = LinkClaim("shop-a", "jane@example.com")
    assert read_link_claim(addresses, ["unsubscribe"], secret=SECRET, separator="+") == claim
    assert read_link_claim(addresses, ["complaint", "unsubscribe"], secret=SECRET, separator="+") == claim
    assert read_link_claim(addresses, ["bounce"], secret=SECRET, separator="+") is None
    assert read_link_claim(addresses, ["unsubscribe", "auto_reply"], secret=SECRET, separator="+") is None
    assert read_link_claim(addresses, [], secret=SECRET, separator="+") is None
    assert read_link_claim(addresses, ["unsubscribe"], secret=b"t" * 32, separator="+") is None
