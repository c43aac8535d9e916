"""Scope end to end on both backends (DESIGN.md's table): who an entry stops, through the real
pipeline and the real lookups; and a property test against the reference model."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from service.app import lookups, suppressions
from service.app.ingest import ingest_message
from service.domain.scope import Entry, Reason, is_suppressed_for
from service.domain.tokens import make_verp_address
from service.store.db import Database
from service.store.models import Base
from tests import core_samples as samples
from tests.accounts_support import SECRET, VERP_ADDRESS, create_accounts, suppressed_for, verp_settings

A, B = "shop-a", "shop-b"


def header(account: str) -> dict[str, str]:
    return {"X-Bounceback-Account": account}


def test_a_complaint_attributed_to_a_suppresses_for_a_only(database: Database) -> None:
    create_accounts(database, A, B)
    s = verp_settings(database.url)
    # By the attribution header ...
    ingest_message(database, samples.complaint("jane@example.com", "c1", original=header(A)), "t", s)
    assert suppressed_for(database, "jane@example.com", A) == ("complaint", A)
    assert suppressed_for(database, "jane@example.com", B) == (None, None)
    assert suppressed_for(database, "jane@example.com", None) == (None, None)  # a global lookup
    # ... and by a VERP return path.
    token = make_verp_address(SECRET.encode(), VERP_ADDRESS, A, "bob@example.com")
    ingest_message(
        database, samples.complaint("bob@example.com", "c2", original={"Return-Path": f"<{token}>"}), "t", s
    )
    assert suppressed_for(database, "bob@example.com", A) == ("complaint", A)
    assert suppressed_for(database, "bob@example.com", B) == (None, None)
    with database.session() as session:
        checked = lookups.check(session, ["jane@example.com", "bob@example.com", "free@example.com"], B)
    assert [r["suppressed"] for r in checked] == [False, False, False]


def test_a_hard_bounce_attributed_to_b_suppresses_for_everyone(database: Database) -> None:
    create_accounts(database, A, B)
    s = verp_settings(database.url)
    result = ingest_message(
        database, samples.hard_bounce("gone@example.com", "h1", original=header(B)), "t", s
    )
    assert result.account == B
    for account in (A, B, None):
        assert suppressed_for(database, "gone@example.com", account) == ("hard_bounce", None)


def test_an_unattributed_complaint_suppresses_for_everyone(database: Database) -> None:
    create_accounts(database, A, B)
    ingest_message(database, samples.complaint("jane@example.com", "c1"), "t", verp_settings(database.url))
    for account in (A, B, None):
        assert suppressed_for(database, "jane@example.com", account) == ("complaint", None)


def test_complaint_scope_global_makes_every_complaint_global(database: Database) -> None:
    create_accounts(database, A, B)
    s = verp_settings(database.url, complaint_scope="global")
    result = ingest_message(database, samples.complaint("jane@example.com", "c1", original=header(A)), "t", s)
    assert result.account == A  # still attributed, only the scope changes
    assert suppressed_for(database, "jane@example.com", B) == ("complaint", None)


def test_an_unsubscribe_stops_the_attributed_accounts_mail_only(database: Database) -> None:
    create_accounts(database, A, B)
    s = verp_settings(database.url)
    result = ingest_message(
        database, samples.unsubscribe("jane@example.com", "u1", original=header(A)), "t", s
    )
    assert [e["type"] for e in result.events] == ["unsubscribe"]
    assert suppressed_for(database, "jane@example.com", A) == ("unsubscribe", A)
    assert suppressed_for(database, "jane@example.com", B) == (None, None)
    unattributed = samples.unsubscribe("bob@example.com", "u2")
    ingest_message(database, unattributed, "t", s)
    assert suppressed_for(database, "bob@example.com", B) == ("unsubscribe", None)


def test_soft_bounces_count_once_per_address_whoever_sent_the_mail(database: Database) -> None:
    create_accounts(database, A, B)
    s = verp_settings(database.url)
    base = datetime(2026, 11, 1, tzinfo=UTC)
    for i in range(5):
        account = (A, B)[i % 2]
        raw = samples.soft_bounce(
            "full@example.com", f"s{i}", base + timedelta(days=i), original=header(account)
        )
        ingest_message(database, raw, "t", s)
    assert suppressed_for(database, "full@example.com", None) == ("soft_bounce_threshold", None)


def test_entries_of_each_scope_live_and_go_on_their_own(database: Database) -> None:
    create_accounts(database, A, B)
    s = verp_settings(database.url)
    ingest_message(database, samples.complaint("jane@example.com", "c1", original=header(A)), "t", s)
    ingest_message(database, samples.hard_bounce("jane@example.com", "h1", original=header(B)), "t", s)
    # Both entries exist; the global one answers (it binds every sender).
    assert suppressed_for(database, "jane@example.com", A) == ("hard_bounce", None)
    with database.transaction() as session:
        assert suppressions.remove(session, "jane@example.com", note="mailbox is back", actor="t")
        assert not suppressions.remove(session, "jane@example.com", note=None, actor="t", account=B)
    assert suppressed_for(database, "jane@example.com", A) == ("complaint", A)  # A's own stands
    assert suppressed_for(database, "jane@example.com", B) == (None, None)
    with database.transaction() as session:
        assert suppressions.remove(session, "jane@example.com", note=None, actor="t", account=A)
    assert suppressed_for(database, "jane@example.com", A) == (None, None)
    # An old complaint arriving after A's removal no longer acts for A (it happened before).
    old = samples.complaint("jane@example.com", "c0", datetime(2026, 1, 1, tzinfo=UTC), original=header(A))
    ingest_message(database, old, "t", s)
    assert suppressed_for(database, "jane@example.com", A) == (None, None)


def test_manual_entries_are_global_or_one_accounts_and_global_reasons_stay_global(database: Database) -> None:
    create_accounts(database, A, B)
    with database.transaction() as session:
        suppressions.add_manual(session, "jane@example.com", note=None, actor="t", account=A)
        suppressions.add_manual(session, "bob@example.com", note=None, actor="t")
        with pytest.raises(suppressions.ScopeNotAllowed):
            suppressions.import_entry(
                session, "x@example.com", reason="hard_bounce", since=None, note=None, actor="t", account=A
            )
    assert suppressed_for(database, "jane@example.com", A) == ("manual", A)
    assert suppressed_for(database, "jane@example.com", B) == (None, None)
    assert suppressed_for(database, "bob@example.com", B) == ("manual", None)


# --- the property test ---------------------------------------------------------------------------

ACCOUNTS = (A, B, "shop-c")
ADDRESSES = ("p@example.com", "q@example.com", "r@example.org")


@dataclass(frozen=True)
class Step:
    """One thing that happens: a message arrives, or an operator adds or removes an entry."""

    kind: str  # hard | complaint | unsubscribe | auto_reply | manual | remove
    address: str
    account: str | None  # the attributed account / the entry's scope (None: global / unattributed)


# Operators also add and remove `*@domain` entries, which cover every address at the domain.
KEYS = (*ADDRESSES, "*@example.com")
steps = st.lists(
    st.one_of(
        st.builds(
            Step,
            st.sampled_from(("hard", "complaint", "unsubscribe", "auto_reply")),
            st.sampled_from(ADDRESSES),
            st.sampled_from((None, *ACCOUNTS)),
        ),
        st.builds(
            Step,
            st.sampled_from(("manual", "remove")),
            st.sampled_from(KEYS),
            st.sampled_from((None, *ACCOUNTS)),
        ),
    ),
    max_size=12,
)

# What each kind of step suppresses for, and in which scope (the reference's reading of DESIGN).
REASON = {"hard": Reason.HARD_BOUNCE, "complaint": Reason.COMPLAINT, "unsubscribe": Reason.UNSUBSCRIBE}


def model(history: list[Step]) -> list[Entry]:
    """The entries DESIGN.md says `history` leaves, kept as simply as possible."""
    slots: dict[tuple[str, str | None], Reason] = {}
    for step in history:
        if step.kind == "remove":
            slots.pop((step.address, step.account), None)
            continue
        if step.kind == "manual":
            slots.setdefault((step.address, step.account), Reason.MANUAL)
        elif step.kind in REASON:
            scope = None if step.kind == "hard" else step.account
            slots.setdefault((step.address, scope), REASON[step.kind])
    return [Entry(address, account, reason) for (address, account), reason in slots.items()]


def message(step: Step, tag: str, date: datetime) -> bytes:
    original = header(step.account) if step.account else None
    if step.kind == "hard":
        return samples.hard_bounce(step.address, tag, date, original=original)
    if step.kind == "complaint":
        return samples.complaint(step.address, tag, date, original=original)
    if step.kind == "unsubscribe":
        return samples.unsubscribe(step.address, tag, date, original=original)
    return samples.auto_reply(step.address, tag, date)


@pytest.fixture()
def fresh(database: Database) -> Iterator[Database]:
    create_accounts(database, *ACCOUNTS)
    yield database


def _empty_all_but_accounts(db: Database) -> None:
    with db.engine.begin() as conn:
        for table in reversed(Base.metadata.sorted_tables):
            if table.name != "accounts":
                conn.execute(table.delete())


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(history=steps)
def test_scoped_lookups_answer_as_the_reference_model_for_any_history(
    fresh: Database, history: list[Step]
) -> None:
    _empty_all_but_accounts(fresh)
    s = verp_settings(fresh.url)
    # Each message is dated after the removals before it: a removal supersedes only older events.
    clock = datetime(2026, 1, 1, tzinfo=UTC)
    for i, step in enumerate(history):
        clock += timedelta(hours=1)
        if step.kind == "manual":
            with fresh.transaction() as session:
                suppressions.add_manual(
                    session, step.address, note=None, actor="t", account=step.account, now=clock
                )
        elif step.kind == "remove":
            with fresh.transaction() as session:
                suppressions.remove(
                    session, step.address, note=None, actor="t", account=step.account, now=clock
                )
        else:
            ingest_message(fresh, message(step, f"m{i}", clock), "t", s)
    expected = model(history)
    with fresh.session() as session:
        for account in (None, *ACCOUNTS):
            checked = {r["address"]: r for r in lookups.check(session, list(ADDRESSES), account)}
            for address in ADDRESSES:
                want = is_suppressed_for(expected, address, account)
                got = lookups.find(session, address, account)
                answer = (
                    got is not None,
                    got and got["scope"],
                    got and got["account"],
                    got and got["reason"],
                )
                assert answer == (want.suppressed, want.scope, want.account, want.reason), (address, account)
                bulk = checked[address]
                assert (bulk["suppressed"], bulk["scope"], bulk["account"], bulk["reason"]) == (
                    want.suppressed,
                    want.scope,
                    want.account,
                    want.reason,
                )
