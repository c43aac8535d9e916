"""Signed VERP and link tokens: they verify for exactly the (account, recipient) they were made for."""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
from collections.abc import Callable

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from service.domain import tokens
from service.domain.tokens import (
    MAX_TOKEN_LENGTH,
    InvalidReturnAddress,
    LinkClaim,
    TokenTooLong,
    VerpClaim,
    check_return_address,
    make_link_token,
    make_unsubscribe_address,
    make_verp_address,
    read_link_token,
    read_unsubscribe_address,
    read_verp,
)

SECRET = b"s" * 32
OTHER_SECRET = b"t" * 32
VERP = "bounces@bounce.example"
TOKEN_CHARS = re.compile(r"[0-9a-z]+")
DOT_ATOM = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*")

ACCOUNTS = st.from_regex(r"\A[a-z0-9][a-z0-9._-]{0,62}\Z")
# What normalised recipients are made of (lower-case ASCII, '+' tags, IDNA domains) ...
PLAIN_LOCAL = st.from_regex(r"\A[a-z0-9._+-]{1,64}\Z")
PLAIN_DOMAIN = st.from_regex(r"\A([a-z0-9-]{1,20}\.){1,3}[a-z]{2,6}\Z")
PLAIN_RECIPIENTS = st.builds(lambda local, domain: f"{local}@{domain}", PLAIN_LOCAL, PLAIN_DOMAIN)
# ... and anything else a caller might pass: unicode local parts (SMTPUTF8), upper case, quotes.
ANY_LOCAL = st.text(st.characters(exclude_categories=["Cs"]), min_size=1, max_size=40)
IDN_DOMAIN = st.sampled_from(["xn--bcher-kva.de", "bücher.de", "例え.jp", "xn--r8jz45g.jp", "EXAMPLE.com"])
ANY_RECIPIENTS = st.builds(lambda local, domain: f"{local}@{domain}", ANY_LOCAL, IDN_DOMAIN | PLAIN_DOMAIN)


def verp_token(address: str) -> str:
    return address.rpartition("@")[0].partition("+")[2]


# --- round trips ---------------------------------------------------------------------------------


@given(ACCOUNTS, PLAIN_RECIPIENTS)
@settings(max_examples=300, deadline=None)
def test_a_verp_address_names_its_account_and_recipient_and_is_a_valid_local_part(
    account: str, recipient: str
) -> None:
    address = make_verp_address(SECRET, VERP, account, recipient)
    local, _, domain = address.rpartition("@")
    assert domain == "bounce.example"
    assert local.startswith("bounces+")
    assert DOT_ATOM.fullmatch(local)
    assert TOKEN_CHARS.fullmatch(verp_token(address))
    assert len(verp_token(address)) <= MAX_TOKEN_LENGTH  # plain recipients of any length always fit
    assert read_verp(SECRET, address) == VerpClaim(account, recipient)


@given(ACCOUNTS, ANY_RECIPIENTS)
@settings(max_examples=300, deadline=None)
def test_any_recipient_round_trips_exactly_or_is_refused_as_too_long(account: str, recipient: str) -> None:
    try:
        token = make_link_token(SECRET, account, recipient)
    except TokenTooLong:
        # Only when the escapes (3 digits per byte outside a-z0-9.-_+@) really cannot fit.
        assert len(recipient.encode()) > 150
        return
    assert TOKEN_CHARS.fullmatch(token)
    assert read_link_token(SECRET, token) == LinkClaim(account, recipient)
    address = make_verp_address(SECRET, VERP, account, recipient, separator="-")
    assert read_verp(SECRET, address, separator="-") == VerpClaim(account, recipient)


@given(st.binary(max_size=200))
def test_the_packing_round_trips_any_bytes(data: bytes) -> None:
    packed = tokens._pack(data)
    assert TOKEN_CHARS.fullmatch(packed)
    assert tokens._unpack(packed) == data


@given(ACCOUNTS, PLAIN_RECIPIENTS, st.sampled_from([str.lower, str.upper, str.swapcase]))
def test_verp_survives_the_case_changes_mtas_make(
    account: str, recipient: str, change: Callable[[str], str]
) -> None:
    address = make_verp_address(SECRET, VERP, account, recipient)
    assert read_verp(SECRET, change(address)) == VerpClaim(account, recipient)
    token = make_link_token(SECRET, account, recipient)
    assert read_link_token(SECRET, change(token)) == LinkClaim(account, recipient)


def test_a_verp_token_is_read_from_the_forms_a_bounce_shows_it_in() -> None:
    address = make_verp_address(SECRET, VERP, "shop-a", "jane@example.com")
    token = verp_token(address)
    claim = VerpClaim("shop-a", "jane@example.com")
    assert read_verp(SECRET, address) == claim
    assert read_verp(SECRET, f"<{address}>") == claim  # Return-Path
    assert read_verp(SECRET, f"  {address}\n") == claim
    assert read_verp(SECRET, f"bounces+{token}") == claim  # the local part alone
    # The token decides, not the mailbox name: a renamed return address keeps working.
    assert read_verp(SECRET, f"returns+{token}@new.example") == claim
    assert read_verp(SECRET, address, separator="-") is None  # no '-' separator in it


def test_the_unsubscribe_mailto_carries_the_link_token() -> None:
    address = make_unsubscribe_address(SECRET, "unsubscribe@bounce.example", "shop-a", "jane@example.com")
    token = make_link_token(SECRET, "shop-a", "jane@example.com")
    assert address == f"unsubscribe+{token}@bounce.example"
    assert read_unsubscribe_address(SECRET, address.upper()) == LinkClaim("shop-a", "jane@example.com")
    assert read_verp(SECRET, address) is None  # an unsubscribe mail is not a bounce


# --- forgeries -----------------------------------------------------------------------------------


@given(ACCOUNTS, PLAIN_RECIPIENTS, st.data())
@settings(max_examples=300, deadline=None)
def test_any_change_to_a_token_other_than_case_fails(
    account: str, recipient: str, data: st.DataObject
) -> None:
    token = make_link_token(SECRET, account, recipient)
    position = data.draw(st.integers(0, len(token) - 1))
    replacement = data.draw(st.sampled_from("0123456789abcdefghijklmnopqrstuvwxyz-_.~"))
    assume(replacement != token[position])
    changed = token[:position] + replacement + token[position + 1 :]
    assert read_link_token(SECRET, changed) is None
    assert read_verp(SECRET, "bounces+" + changed) is None


@given(ACCOUNTS, PLAIN_RECIPIENTS, st.data())
@settings(max_examples=200, deadline=None)
def test_a_truncated_or_extended_token_fails(account: str, recipient: str, data: st.DataObject) -> None:
    token = verp_token(make_verp_address(SECRET, VERP, account, recipient))
    cut = data.draw(st.integers(1, len(token) - 1))
    assert read_verp(SECRET, "bounces+" + token[:cut]) is None  # the end cut off
    assert read_verp(SECRET, "bounces+" + token[cut:]) is None  # the start cut off
    extra = data.draw(st.text("0123456789abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=5))
    assert read_verp(SECRET, "bounces+" + token + extra) is None
    assert read_verp(SECRET, "bounces+" + extra + token) is None


@given(ACCOUNTS, PLAIN_RECIPIENTS, PLAIN_RECIPIENTS, ACCOUNTS)
@settings(max_examples=200, deadline=None)
def test_a_tag_moved_onto_another_pair_fails(
    account: str, recipient: str, other: str, other_account: str
) -> None:
    assume((account, recipient) != (other_account, other))
    mine = make_link_token(SECRET, account, recipient)
    theirs = make_link_token(SECRET, other_account, other)
    assert read_link_token(SECRET, mine[:16] + theirs[16:]) is None
    assert read_link_token(SECRET, theirs[:16] + mine[16:]) is None
    assert mine != theirs


@given(ACCOUNTS, PLAIN_RECIPIENTS)
def test_tokens_are_bound_to_their_key_and_their_purpose(account: str, recipient: str) -> None:
    verp = verp_token(make_verp_address(SECRET, VERP, account, recipient))
    link = make_link_token(SECRET, account, recipient)
    assert read_link_token(SECRET, verp) is None
    assert read_verp(SECRET, "bounces+" + link) is None
    assert read_link_token(OTHER_SECRET, link) is None
    assert read_verp(OTHER_SECRET, "bounces+" + verp) is None


@pytest.mark.parametrize(
    "token",
    ["", "a", "a" * 16, "a" * 17, "0" * 40, "-" * 40, "_" * 40, " " * 40, "é" * 40, "+1_000" * 10, "İ" * 40],
)
def test_junk_is_refused_without_an_error(token: str) -> None:
    assert read_link_token(SECRET, token) is None
    assert read_verp(SECRET, "bounces+" + token) is None
    assert read_verp(SECRET, token) is None


def test_overlong_input_is_refused_before_any_work(monkeypatch: pytest.MonkeyPatch) -> None:
    valid = make_link_token(SECRET, "shop-a", "jane@example.com")

    def no_work(*_args: object) -> str:
        raise AssertionError("an overlong token reached the HMAC")

    monkeypatch.setattr(tokens, "_tag", no_work)
    assert read_link_token(SECRET, valid + "a" * (MAX_TOKEN_LENGTH + 1 - len(valid))) is None
    assert read_link_token(SECRET, "a" * 10_000_000) is None
    assert read_verp(SECRET, "bounces+" + "a" * 10_000_000 + "@bounce.example") is None


# --- sizes (the figures in the module docstring) ----------------------------------------------------


def test_a_typical_verp_local_part_fits_in_64_octets() -> None:
    # A 10-character account and a 25-character recipient.
    address = make_verp_address(SECRET, VERP, "shop-a1234", "jane.doe.1234@example.com")
    assert len(address.rpartition("@")[0]) <= 64


def test_the_largest_plain_pair_fits_a_token_and_a_longer_one_is_refused() -> None:
    account = "a" * 63
    recipient = "x" * 64 + "@" + ".".join(["d" * 63, "d" * 63, "d" * 61])  # 254 characters
    assert len(recipient) == 254
    address = make_verp_address(SECRET, VERP, account, recipient)
    assert len(address.rpartition("@")[0]) < 400
    assert read_verp(SECRET, address) == VerpClaim(account, recipient)
    with pytest.raises(TokenTooLong):
        make_link_token(SECRET, account, "x" * 600 + "@example.com")
    with pytest.raises(TokenTooLong):
        make_link_token(SECRET, account, "é" * 200 + "@example.com")  # 400 bytes, each escaped


def test_tokens_made_today_verify_in_every_later_version() -> None:
    # Mail already sent carries these tokens for days (VERP) or forever (unsubscribe links): a
    # change of format or key derivation must keep reading them. This pins the format ...
    key = b"k" * 32
    token = "c5wvfj4ooyrbfeqp1dnhpvt2iqd6i629akkoxbv6o"
    assert make_link_token(key, "shop-a", "jane@example.com") == token
    assert read_link_token(key, token) == LinkClaim("shop-a", "jane@example.com")
    # ... and derives it from the documented rules, not from the code under test.
    plain = "abcdefghijklmnopqrstuvwxyz0123456789.-_+@"
    number = 1
    for char in "shop-a@jane@example.com":
        number = number * 42 + plain.index(char)
    payload = token[16:]
    assert int(payload, 36) == number and not payload.startswith("0")
    mac = hmac.new(key, b"bounceback/link/v1\x00" + payload.encode(), hashlib.sha256).digest()[:10]
    assert token[:16] == base64.b32encode(mac).decode().lower()


# --- bad arguments (programming or configuration errors, not bad input) -----------------------------


def test_making_a_token_checks_its_arguments() -> None:
    with pytest.raises(ValueError, match="account id"):
        make_link_token(SECRET, "Shop-A", "jane@example.com")
    with pytest.raises(ValueError, match="not an address"):
        make_link_token(SECRET, "shop-a", "jane")
    with pytest.raises(ValueError, match="at least 16 bytes"):
        make_link_token(b"short", "shop-a", "jane@example.com")
    with pytest.raises(ValueError, match="at least 16 bytes"):
        read_link_token(b"", "whatever")


@pytest.mark.parametrize(
    ("address", "separator", "words"),
    [
        ("bounces+x@bounce.example", "+", "must not contain the separator"),
        ("bounce-s@bounce.example", "-", "must not contain the separator"),
        ("bounces@bounce.example", "=", "separator"),
        ("bounces", "+", "dot-atom"),
        ("@bounce.example", "+", "dot-atom"),
        ("bou..nces@bounce.example", "+", "dot-atom"),
        ('"b s"@bounce.example', "+", "dot-atom"),
        ("bounces@localhost", "+", "two labels"),
    ],
)
def test_an_unusable_return_address_is_one_clear_line(address: str, separator: str, words: str) -> None:
    with pytest.raises(InvalidReturnAddress, match=words) as info:
        check_return_address(address, separator)
    assert "\n" not in str(info.value)


def test_a_return_address_domain_is_normalised() -> None:
    assert check_return_address("Bounces@Bounce.Example.", "+") == ("Bounces", "bounce.example")
