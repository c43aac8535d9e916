"""Attribution rules on their own: the order of the sources, fall-through, and what VERP tokens prove."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pytest

from parsers.model import Attribution as Evidence
from parsers.values import as_dict
from service.domain.attribution import (
    UNATTRIBUTED,
    Attributed,
    Source,
    VerpRejection,
    check_verp,
    domain_suffixes,
    read_verp_tokens,
    resolve,
)
from service.domain.tokens import VerpClaim, make_verp_address

SECRET = b"k" * 32
OWN = ("bounces", "bounce.example")


class Store:
    """What the sources ask the store, answered from plain data; each question is recorded."""

    def __init__(
        self,
        accounts: set[str],
        sends: Mapping[str, str] | None = None,
        domains: Mapping[str, str] | None = None,
    ) -> None:
        self.accounts = accounts
        self.sends = dict(sends or {})
        self.domains = dict(domains or {})
        self.asked: list[str] = []

    def accepts(self, account: str) -> bool:
        self.asked.append(f"account:{account}")
        return account in self.accounts

    def sent_by(self, message_id: str) -> str | None:
        self.asked.append(f"send:{message_id}")
        return self.sends.get(message_id)

    def domain_owners(self, domains: Sequence[str]) -> Mapping[str, str]:
        self.asked.append("domains:" + ",".join(domains))
        return {d: a for d, a in self.domains.items() if d in domains}

    def resolve(self, evidence: Evidence | None, verp: VerpClaim | None = None) -> Attributed:
        return resolve(
            evidence, verp, accepts=self.accepts, sent_by=self.sent_by, domain_owners=self.domain_owners
        )


EVERYTHING = Evidence(
    account="shop-b",
    feedback_id="a:b:c:shop-c",
    feedback_sender_id="shop-c",
    original_message_id="<m1@shop-d.example>",
    from_domain="news.shop-e.example",
)
ALL_ACCOUNTS = {"shop-a", "shop-b", "shop-c", "shop-d", "shop-e"}


def test_the_first_source_that_names_an_account_wins_in_design_order() -> None:
    store = Store(ALL_ACCOUNTS, {"<m1@shop-d.example>": "shop-d"}, {"shop-e.example": "shop-e"})
    verp = VerpClaim("shop-a", "jane@example.com")
    assert store.resolve(EVERYTHING, verp) == Attributed("shop-a", Source.VERP)
    assert store.resolve(EVERYTHING) == Attributed("shop-b", Source.HEADER)
    assert store.resolve(Evidence(**{**_fields(EVERYTHING), "account": None})) == Attributed(
        "shop-c", Source.FEEDBACK_ID
    )
    no_headers = Evidence(**{**_fields(EVERYTHING), "account": None, "feedback_sender_id": None})
    assert store.resolve(no_headers) == Attributed("shop-d", Source.MESSAGE_ID)
    only_domain = Evidence(from_domain="news.shop-e.example")
    assert store.resolve(only_domain) == Attributed("shop-e", Source.DOMAIN)


def test_each_source_is_asked_only_when_those_before_it_said_nothing() -> None:
    store = Store(ALL_ACCOUNTS, {"<m1@shop-d.example>": "shop-d"}, {"shop-e.example": "shop-e"})
    store.resolve(EVERYTHING)
    assert store.asked == ["account:shop-b"]  # no send or domain lookup after the header answered
    store.asked.clear()
    store.resolve(Evidence(**{**_fields(EVERYTHING), "account": None, "feedback_sender_id": None}))
    assert store.asked == ["send:<m1@shop-d.example>", "account:shop-d"]


def test_a_source_naming_no_account_falls_through_to_the_next() -> None:
    # A typo in the header, an id that breaks the rule, a token for an account never created: the
    # next source is asked (a wrong account is worse than none; none is not the only way out).
    store = Store({"shop-c"}, domains={"shop-c.example": "shop-c"})
    evidence = Evidence(account="shop-typo", feedback_sender_id="Not An Id!", from_domain="shop-c.example")
    assert store.resolve(evidence, VerpClaim("gone", "x@example.com")) == Attributed("shop-c", Source.DOMAIN)
    assert "account:Not An Id!" not in store.asked  # a malformed id is never looked up
    assert Store(set()).resolve(evidence) == UNATTRIBUTED
    assert Store(ALL_ACCOUNTS).resolve(None) == UNATTRIBUTED


def test_an_account_the_caller_may_not_name_is_passed_over_like_an_unknown_one() -> None:
    store = Store(ALL_ACCOUNTS)
    only_a = resolve(
        Evidence(account="shop-b", feedback_sender_id="shop-a"),
        VerpClaim("shop-c", "x@example.com"),
        accepts=lambda account: account == "shop-a",
        sent_by=store.sent_by,
        domain_owners=store.domain_owners,
    )
    assert only_a == Attributed("shop-a", Source.FEEDBACK_ID)


def test_domains_match_in_from_mail_from_dkim_order_and_the_most_specific_registered_wins() -> None:
    owners = {"shop.example": "shop-a", "eu.shop.example": "shop-b", "esp.example": "shop-c"}
    store = Store(ALL_ACCOUNTS, domains=owners)
    assert store.resolve(Evidence(from_domain="news.eu.shop.example")) == Attributed("shop-b", Source.DOMAIN)
    assert store.resolve(Evidence(from_domain="us.shop.example")) == Attributed("shop-a", Source.DOMAIN)
    # From first, then MAIL FROM, then DKIM d=; all are asked in one lookup.
    mixed = Evidence(from_domain="other.example", mail_from_domain="esp.example", dkim_domain="shop.example")
    assert store.resolve(mixed) == Attributed("shop-c", Source.DOMAIN)
    assert [q for q in store.asked if q.startswith("domains:")][-1] == (
        "domains:other.example,esp.example,shop.example"
    )
    # Evidence spelt as it comes (upper case, a trailing dot, IDNA) is normalised first.
    assert store.resolve(Evidence(dkim_domain="Shop.Example.")) == Attributed("shop-a", Source.DOMAIN)
    assert store.resolve(Evidence(from_domain="example")) == UNATTRIBUTED


def test_domain_suffixes_stop_at_two_labels() -> None:
    assert domain_suffixes("a.b.shop.example") == ["a.b.shop.example", "b.shop.example", "shop.example"]
    assert domain_suffixes("shop.example") == ["shop.example"]


# --- VERP ------------------------------------------------------------------------------------------


def _verp(account: str, recipient: str, separator: str = "+") -> str:
    return make_verp_address(SECRET, "bounces@bounce.example", account, recipient, separator)


def test_a_verified_token_is_read_from_any_envelope_address() -> None:
    good = _verp("shop-a", "jane@example.com")
    claims, invalid = read_verp_tokens(
        ["postmaster@example.net", good], secret=SECRET, return_address=OWN, separator="+"
    )
    assert claims == [VerpClaim("shop-a", "jane@example.com")] and invalid == 0
    # A renamed return address keeps old mail attributable: only the token decides.
    renamed = good.replace("bounces+", "returns+").replace("bounce.example", "old.example")
    assert read_verp_tokens([renamed], secret=SECRET, return_address=OWN, separator="+")[0] == claims


@pytest.mark.parametrize(
    "tamper",
    [
        lambda a: a.replace("@", "x@"),  # a character added
        lambda a: a[:30] + a[31:],  # one dropped
        lambda a: a.split("@")[0][:-6] + "@bounce.example",  # truncated
        lambda a: "bounces+" + "0" * 16 + a.split("+")[1][16:],  # the tag replaced
    ],
)
def test_a_forged_or_truncated_token_at_our_address_is_counted_and_claims_nothing(tamper: object) -> None:
    forged = tamper(_verp("shop-a", "jane@example.com"))  # type: ignore[operator]
    assert read_verp_tokens([forged], secret=SECRET, return_address=OWN, separator="+") == ([], 1)
    # Made under another key: the same.
    other = make_verp_address(b"o" * 32, "bounces@bounce.example", "shop-a", "jane@example.com")
    assert read_verp_tokens([other], secret=SECRET, return_address=OWN, separator="+") == ([], 1)


def test_only_addresses_at_our_return_address_count_as_failed_tokens() -> None:
    # With '-' as separator every hyphenated address holds one: none of them is a forgery.
    strangers = ["no-reply@shop.example", "jane+news@example.com", "bounces-x@elsewhere.example"]
    assert read_verp_tokens(strangers, secret=SECRET, return_address=OWN, separator="-") == ([], 0)
    assert read_verp_tokens(
        ["bounces-nottoken@bounce.example"], secret=SECRET, return_address=OWN, separator="-"
    ) == (
        [],
        1,
    )
    assert read_verp_tokens(
        [_verp("shop-a", "j@example.com", "-")], secret=SECRET, return_address=OWN, separator="-"
    )[0] == [VerpClaim("shop-a", "j@example.com")]


def test_a_claim_applies_to_the_recipient_the_report_names_or_fills_in_a_hidden_one() -> None:
    claim = VerpClaim("shop-a", "jane@example.com")
    assert check_verp([claim], 0, {"jane@example.com"}, hides_recipient=False).claim == claim
    assert check_verp([claim], 0, set(), hides_recipient=True).claim == claim  # redacted: the token tells
    # Replayed onto another recipient's bounce (or a forwarded address bouncing): nothing, counted.
    replayed = check_verp([claim], 0, {"bob@example.com"}, hides_recipient=False)
    assert replayed.claim is None and replayed.rejected == (VerpRejection.OTHER_RECIPIENT,)
    # A report naming someone else and hiding another: the named one stands, the token gives nothing.
    assert check_verp([claim], 0, {"bob@example.com"}, hides_recipient=True).claim is None
    assert check_verp([], 2, set(), hides_recipient=True).rejected == (VerpRejection.INVALID,) * 2


def _fields(evidence: Evidence) -> dict[str, object]:
    return as_dict(evidence)
