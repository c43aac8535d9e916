"""Suppression scope: who an entry applies to, the reference lookup, and the expiry setting."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from service.domain.scope import (
    DEFAULT_EXPIRY_DAYS,
    GLOBAL,
    NOT_SUPPRESSED,
    Answer,
    ComplaintScope,
    Entry,
    InvalidExpirySetting,
    Reason,
    Scope,
    domain_key,
    domain_of_key,
    is_suppressed_for,
    parse_expiry_days,
    scope_for,
)

ACCOUNT = ComplaintScope.ACCOUNT


# --- scope_for: DESIGN.md's table ------------------------------------------------------------------


@pytest.mark.parametrize("reason", [Reason.HARD_BOUNCE, Reason.SOFT_BOUNCE_THRESHOLD, Reason.DOMAIN_INVALID])
@pytest.mark.parametrize("complaint_scope", list(ComplaintScope))
def test_a_bad_address_or_domain_is_bad_for_everyone(reason: Reason, complaint_scope: ComplaintScope) -> None:
    assert scope_for(reason, "shop-a", complaint_scope, "shop-b") == GLOBAL
    assert scope_for(reason, None, complaint_scope, None) == GLOBAL


def test_a_complaint_is_scoped_to_the_attributed_account_unless_set_global() -> None:
    assert scope_for(Reason.COMPLAINT, "shop-a", ACCOUNT, None) == Scope("shop-a")
    assert scope_for(Reason.COMPLAINT, None, ACCOUNT, None) == GLOBAL  # unattributed
    assert scope_for(Reason.COMPLAINT, "shop-a", ComplaintScope.GLOBAL, None) == GLOBAL
    assert scope_for(Reason.COMPLAINT, "shop-a", ACCOUNT, "shop-b") == Scope("shop-a")  # not a manual entry


def test_an_unsubscribe_is_scoped_to_the_links_account() -> None:
    assert scope_for(Reason.UNSUBSCRIBE, "shop-a", ACCOUNT, None) == Scope("shop-a")
    # The global complaint setting is about complaints only.
    assert scope_for(Reason.UNSUBSCRIBE, "shop-a", ComplaintScope.GLOBAL, None) == Scope("shop-a")
    assert scope_for(Reason.UNSUBSCRIBE, None, ACCOUNT, None) == GLOBAL  # e.g. an unattributed opt-out report


def test_a_manual_entry_is_global_or_for_the_account_given() -> None:
    assert scope_for(Reason.MANUAL, None, ACCOUNT, None) == GLOBAL
    assert (
        scope_for(Reason.MANUAL, "shop-a", ACCOUNT, None) == GLOBAL
    )  # attribution is not the operator's choice
    assert scope_for(Reason.MANUAL, None, ACCOUNT, "shop-b") == Scope("shop-b")
    assert Scope("shop-b").kind == "account" and GLOBAL.kind == "global"


def test_the_reasons() -> None:
    assert [r.value for r in Reason] == [
        "hard_bounce",
        "complaint",
        "soft_bounce_threshold",
        "manual",
        "unsubscribe",
        "domain_invalid",
    ]


def test_domain_keys() -> None:
    assert domain_key("example.com") == "*@example.com"
    assert domain_of_key("*@example.com") == "example.com"
    assert domain_of_key("jane@example.com") is None


# --- the reference lookup ------------------------------------------------------------------------------

JANE = "jane@example.com"


def entry(key: str, account: str | None, reason: Reason) -> Entry:
    return Entry(key, account, reason)


def test_issue_14s_scenario() -> None:
    # A complaint attributed to shop-a suppresses for shop-a only.
    entries = [entry(JANE, "shop-a", Reason.COMPLAINT)]
    assert is_suppressed_for(entries, JANE, "shop-a") == Answer(True, "account", "shop-a", Reason.COMPLAINT)
    assert is_suppressed_for(entries, JANE, "shop-b") == NOT_SUPPRESSED
    assert is_suppressed_for(entries, JANE, None) == NOT_SUPPRESSED  # a global lookup: global entries only
    # A hard bounce attributed to shop-b suppresses for both.
    entries.append(entry(JANE, None, Reason.HARD_BOUNCE))
    assert is_suppressed_for(entries, JANE, "shop-b") == Answer(True, "global", None, Reason.HARD_BOUNCE)
    assert is_suppressed_for(entries, JANE, "shop-a") == Answer(True, "global", None, Reason.HARD_BOUNCE)
    assert is_suppressed_for(entries, JANE, None) == Answer(True, "global", None, Reason.HARD_BOUNCE)


def test_a_suppressed_domain_covers_every_address_at_it_and_no_other() -> None:
    entries = [entry("*@dead.example", None, Reason.DOMAIN_INVALID)]
    answer = Answer(True, "domain", None, Reason.DOMAIN_INVALID)
    assert is_suppressed_for(entries, "anyone@dead.example", "shop-a") == answer
    assert is_suppressed_for(entries, "anyone@dead.example", None) == answer
    assert is_suppressed_for(entries, "anyone@sub.dead.example", None) == NOT_SUPPRESSED
    assert is_suppressed_for(entries, "anyone@notdead.example", None) == NOT_SUPPRESSED
    assert is_suppressed_for(entries, "dead.example@example.com", None) == NOT_SUPPRESSED


def test_an_accounts_own_domain_entry_is_its_own() -> None:
    entries = [entry("*@rival.example", "shop-a", Reason.MANUAL)]
    assert is_suppressed_for(entries, "x@rival.example", "shop-a") == Answer(
        True, "domain", "shop-a", Reason.MANUAL
    )
    assert is_suppressed_for(entries, "x@rival.example", "shop-b") == NOT_SUPPRESSED
    assert is_suppressed_for(entries, "x@rival.example", None) == NOT_SUPPRESSED


def test_precedence_global_address_then_account_address_then_global_domain_then_account_domain() -> None:
    tiers = [
        (entry(JANE, None, Reason.HARD_BOUNCE), Answer(True, "global", None, Reason.HARD_BOUNCE)),
        (entry(JANE, "shop-a", Reason.UNSUBSCRIBE), Answer(True, "account", "shop-a", Reason.UNSUBSCRIBE)),
        (
            entry("*@example.com", None, Reason.DOMAIN_INVALID),
            Answer(True, "domain", None, Reason.DOMAIN_INVALID),
        ),
        (entry("*@example.com", "shop-a", Reason.MANUAL), Answer(True, "domain", "shop-a", Reason.MANUAL)),
    ]
    for first in range(len(tiers)):
        present = [e for e, _ in tiers[first:]]
        for order in (present, present[::-1]):  # the order of the entries does not matter
            assert is_suppressed_for(order, JANE, "shop-a") == tiers[first][1]


def test_two_entries_for_one_key_and_account_are_a_broken_store() -> None:
    with pytest.raises(ValueError, match="two entries"):
        is_suppressed_for(
            [entry(JANE, None, Reason.MANUAL), entry(JANE, None, Reason.HARD_BOUNCE)], JANE, None
        )
    # The same key for two accounts is fine.
    assert is_suppressed_for(
        [entry(JANE, "a", Reason.MANUAL), entry(JANE, "b", Reason.COMPLAINT)], JANE, "b"
    ).reason is (Reason.COMPLAINT)


ACCOUNTS = st.sampled_from(["a", "b", "c"])
ADDRESSES = st.sampled_from(["x@one.example", "y@one.example", "x@two.example"])
KEYS = ADDRESSES | st.sampled_from(["*@one.example", "*@two.example"])
ENTRIES = st.lists(
    st.builds(Entry, KEYS, st.none() | ACCOUNTS, st.sampled_from(list(Reason))),
    unique_by=lambda e: (e.key, e.account),
    max_size=12,
)


@given(ENTRIES, ADDRESSES, st.none() | ACCOUNTS)
@settings(max_examples=500)
def test_suppressed_exactly_when_an_applicable_entry_exists_and_the_answer_names_one(
    entries: list[Entry], address: str, account: str | None
) -> None:
    def applies(e: Entry) -> bool:
        key_matches = e.key in (address, "*@" + address.rpartition("@")[2])
        return key_matches and e.account in (None, account)

    answer = is_suppressed_for(entries, address, account)
    applicable = [e for e in entries if applies(e)]
    assert answer.suppressed == bool(applicable)
    if not applicable:
        assert answer == NOT_SUPPRESSED
        return
    # The precedence, by another route: address before domain, then global before the account's.
    first = min(applicable, key=lambda e: (e.key.startswith("*@"), e.account is not None))
    kind = "domain" if first.key.startswith("*@") else first.scope.kind
    assert answer == Answer(True, kind, first.account, first.reason)


@given(ENTRIES, ADDRESSES, ACCOUNTS, ACCOUNTS, st.sampled_from(list(Reason)), KEYS)
@settings(max_examples=500)
def test_another_accounts_entries_never_change_an_answer(
    entries: list[Entry], address: str, account: str, other: str, reason: Reason, key: str
) -> None:
    if other == account:
        return
    answer = is_suppressed_for(entries, address, account)
    assert answer.account in (None, account)  # nothing about another account leaks
    others = [e for e in entries if e.account != other]
    assert is_suppressed_for(others, address, account) == answer
    if all((e.key, e.account) != (key, other) for e in entries):
        assert is_suppressed_for([*entries, Entry(key, other, reason)], address, account) == answer


# --- expiry setting --------------------------------------------------------------------------------------


def test_the_default_expiry() -> None:
    assert parse_expiry_days(DEFAULT_EXPIRY_DAYS) == {
        Reason.SOFT_BOUNCE_THRESHOLD: 90,
        Reason.DOMAIN_INVALID: 30,
    }


@pytest.mark.parametrize(
    ("value", "parsed"),
    [
        ("", {}),
        (" ", {}),
        ("hard_bounce=365", {Reason.HARD_BOUNCE: 365}),
        (" complaint = 7 , manual=1,", {Reason.COMPLAINT: 7, Reason.MANUAL: 1}),
        ("unsubscribe=36500", {Reason.UNSUBSCRIBE: 36500}),
    ],
)
def test_expiry_pairs(value: str, parsed: dict[Reason, int]) -> None:
    assert parse_expiry_days(value) == parsed


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("bounce=3", "unknown reason 'bounce'"),
        ("expired=3", "unknown reason"),
        ("soft_bounce_threshold=-1", "whole number from 1"),
        ("soft_bounce_threshold=0", "whole number from 1"),
        ("soft_bounce_threshold=1.5", "whole number from 1"),
        ("soft_bounce_threshold=", "whole number from 1"),
        ("soft_bounce_threshold=ninety", "whole number from 1"),
        ("soft_bounce_threshold=٩٠", "whole number from 1"),
        ("soft_bounce_threshold=36501", "whole number from 1"),
        ("soft_bounce_threshold", "not reason=days"),
        ("complaint=3,complaint=4", "given twice"),
    ],
)
def test_a_bad_expiry_is_one_line_naming_the_pair(value: str, words: str) -> None:
    with pytest.raises(InvalidExpirySetting, match=words) as info:
        parse_expiry_days(value)
    message = str(info.value)
    assert "\n" not in message
    assert value.split(",")[-1].strip() in message or "twice" in message
