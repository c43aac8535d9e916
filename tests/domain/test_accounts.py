"""Account ids and account domains: the slug rule and the domain normal form."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from service.domain.accounts import (
    ACCOUNT_ID_RULE,
    InvalidAccountId,
    InvalidDomain,
    normalize_domain,
    validate_account_id,
)

ACCOUNT_IDS = st.from_regex(r"\A[a-z0-9][a-z0-9._-]{0,62}\Z")


@pytest.mark.parametrize("value", ["a", "0", "shop-a", "shop.a_b-c", "a" * 63, "9" + "." * 62, "a..b"])
def test_ids_of_the_rule_are_accepted_unchanged(value: str) -> None:
    assert validate_account_id(value) == value


@pytest.mark.parametrize(
    "value",
    [
        "",
        "Shop-a",
        "-shop",
        ".shop",
        "_shop",
        "a" * 64,
        "shop a",
        "shop\n",
        "shop@x",
        "shöp",
        "shop/a",
        " shop",
    ],
)
def test_ids_outside_the_rule_are_refused_with_the_rule_named(value: str) -> None:
    with pytest.raises(InvalidAccountId) as info:
        validate_account_id(value)
    message = str(info.value)
    assert ACCOUNT_ID_RULE in message
    assert "\n" not in message


@given(st.text(max_size=70))
@settings(max_examples=500, deadline=None)
def test_validation_agrees_with_the_documented_regex(value: str) -> None:
    # `\Z`, not `$`: `$` would let "shop\n" through.
    ok = re.fullmatch(r"[a-z0-9][a-z0-9._-]{0,62}", value, flags=re.ASCII) is not None
    if ok:
        assert validate_account_id(value) == value
    else:
        with pytest.raises(InvalidAccountId):
            validate_account_id(value)


@given(ACCOUNT_IDS)
def test_every_id_the_rule_generates_is_valid(value: str) -> None:
    assert validate_account_id(value) == value


@pytest.mark.parametrize(
    ("value", "normal"),
    [
        ("example.com", "example.com"),
        ("Example.COM", "example.com"),
        ("  mail.example.com.  ", "mail.example.com"),
        ("bücher.de", "xn--bcher-kva.de"),
        ("BÜCHER.de.", "xn--bcher-kva.de"),
        ("xn--bcher-kva.de", "xn--bcher-kva.de"),
        ("例え.jp", "xn--r8jz45g.jp"),
        ("a-b.c0.io", "a-b.c0.io"),
    ],
)
def test_domains_are_lower_case_ascii_without_the_root_dot(value: str, normal: str) -> None:
    assert normalize_domain(value) == normal


@pytest.mark.parametrize(
    "value",
    [
        "",
        ".",
        "localhost",
        "example..com",
        "example.com..",
        ".example.com",
        "-example.com",
        "example-.com",
        "exa mple.com",
        "exa_mple.com",
        "user@example.com",
        "*.example.com",
        "192.168.0.1",
        "a" * 64 + ".com",
        ".".join(["a" * 60] * 5),
    ],
)
def test_what_is_not_a_mail_domain_is_refused_in_one_line(value: str) -> None:
    with pytest.raises(InvalidDomain) as info:
        normalize_domain(value)
    assert "\n" not in str(info.value)


LABELS = st.from_regex(r"\A[a-zA-Z0-9]([a-zA-Z0-9-]{0,20}[a-zA-Z0-9])?\Z")


@given(st.lists(LABELS, min_size=1, max_size=4), st.from_regex(r"\A[a-zA-Z]{2,10}\Z"))
def test_normalising_is_idempotent_and_case_blind(labels: list[str], tld: str) -> None:
    domain = ".".join([*labels, tld])
    normal = normalize_domain(domain)
    assert normal == domain.lower()
    assert normalize_domain(normal) == normal
    assert normalize_domain(domain.upper() + ".") == normal
