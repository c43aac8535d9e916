"""Attribution inside the ingest transaction, on both backends: which account, by which source,
recorded on the message, its events and what they announce; VERP tokens that prove nothing."""

from __future__ import annotations

from dataclasses import replace

import pytest
from prometheus_client import REGISTRY
from sqlalchemy import select
from sqlalchemy.orm import Session

from service.app import verp as verp_module
from service.app.ingest import ingest, ingest_message
from service.domain.tokens import make_verp_address
from service.store import attribution_reads
from service.store.db import Database
from service.store.models import BounceEvent, InboundMessage, OutboxEvent
from tests import core_samples as samples
from tests.accounts_support import SECRET, VERP_ADDRESS, create_accounts, suppressed_for, verp_settings


def verp(account: str, recipient: str, separator: str = "+") -> str:
    return make_verp_address(SECRET.encode(), VERP_ADDRESS, account, recipient, separator)


def rejected(reason: str) -> float:
    return REGISTRY.get_sample_value("bounceback_verp_tokens_rejected_total", {"reason": reason}) or 0.0


def stored(
    db: Database, message_id: int
) -> tuple[tuple[str | None, str | None], set[tuple[str | None, str | None]]]:
    """(message's (account, source)), {events' (account, source)}."""
    with db.session() as session:
        message = session.get(InboundMessage, message_id)
        assert message is not None
        events = session.scalars(select(BounceEvent).where(BounceEvent.message_id == message_id)).all()
        return (message.account_id, message.attributed_by), {(e.account_id, e.attributed_by) for e in events}


def test_the_attribution_header_names_the_account_and_is_recorded_everywhere(database: Database) -> None:
    create_accounts(database, "shop-a")
    settings = verp_settings(database.url)
    raw = samples.complaint("jane@example.com", "c1", original={"X-Bounceback-Account": "shop-a"})
    result = ingest_message(database, raw, "test", settings)
    assert (result.account, result.attributed_by) == ("shop-a", "header")
    assert stored(database, result.message_id) == (("shop-a", "header"), {("shop-a", "header")})
    assert [(e["account"], e["attributed_by"]) for e in result.events] == [("shop-a", "header")]
    with database.session() as session:
        rows = session.scalars(select(OutboxEvent).order_by(OutboxEvent.id)).all()
    complaint, added = rows
    assert (complaint.ce_type, complaint.account_id, complaint.data["account"]) == (
        "bounceback.complaint",
        "shop-a",
        "shop-a",
    )
    assert (added.ce_type, added.account_id, added.data["scope"], added.data["account"]) == (
        "bounceback.suppression.added",
        "shop-a",
        "account",
        "shop-a",
    )
    # The same bytes again: a duplicate, attributed as the first time, nothing new.
    again = ingest_message(database, raw, "test", settings)
    assert again.duplicate and (again.account, again.attributed_by) == ("shop-a", "header")


def test_the_header_name_is_a_setting(database: Database) -> None:
    create_accounts(database, "shop-a")
    settings = verp_settings(database.url, attribution_header="X-Sent-For")
    named = samples.complaint("jane@example.com", "c1", original={"X-Sent-For": "shop-a"})
    assert ingest_message(database, named, "test", settings).account == "shop-a"
    default = samples.complaint("jane@example.com", "c2", original={"X-Bounceback-Account": "shop-a"})
    assert ingest_message(database, default, "test", settings).account is None


def test_a_header_naming_no_account_falls_through_to_the_next_source(database: Database) -> None:
    create_accounts(database, "shop-a", "shop-b", domains={"shop-b": ["shop-b.example"]})
    settings = verp_settings(database.url)
    typo = {"X-Bounceback-Account": "shop-aa", "Feedback-ID": "spring:news:shop-a"}
    result = ingest_message(
        database, samples.complaint("j@example.com", "c1", original=typo), "test", settings
    )
    assert (result.account, result.attributed_by) == ("shop-a", "feedback_id")
    malformed = {"X-Bounceback-Account": "Shop A!", "From": "news@mail.shop-b.example"}
    result = ingest_message(
        database, samples.complaint("k@example.com", "c2", original=malformed), "test", settings
    )
    assert (result.account, result.attributed_by) == ("shop-b", "domain")
    nobody = {"X-Bounceback-Account": "shop-zz"}
    result = ingest_message(
        database, samples.complaint("l@example.com", "c3", original=nobody), "test", settings
    )
    assert (result.account, result.attributed_by) == (None, None)
    assert suppressed_for(database, "l@example.com", None) == ("complaint", None)  # unattributed: global


def test_the_message_id_step_asks_the_reported_sends_between_the_header_and_the_domains(
    database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    # This pins that attribution asks the reported sends, in their place in the order (the real
    # query: tests/app/test_reputation_counts.py, test_message_id_attribution_reads_the_reported_sends).
    create_accounts(database, "shop-a", "shop-b", domains={"shop-b": ["sender.example"]})
    settings = verp_settings(database.url)
    raw = samples.complaint("jane@example.com", "c1")  # From: news@sender.example, no header
    asked: list[str] = []

    real = attribution_reads.known

    def reported(
        session: Session, message_ids: list[str], account_ids: list[str], domains: list[str]
    ) -> attribution_reads.Known:
        # (a batch asks for all its originals at once, with the accounts and domains it names;
        # keyed without the angle brackets)
        asked.extend(message_ids)
        senders = {m.strip("<>"): "shop-a" if m == "<orig-c1@sender.example>" else None for m in message_ids}
        return replace(real(session, [], account_ids, domains), senders=senders)

    monkeypatch.setattr(attribution_reads, "known", reported)
    result = ingest_message(database, raw, "test", settings)
    assert asked == ["<orig-c1@sender.example>"]
    assert (result.account, result.attributed_by) == ("shop-a", "message_id")
    monkeypatch.undo()
    again = ingest_message(database, samples.complaint("jane@example.com", "c2"), "test", settings)
    assert (again.account, again.attributed_by) == ("shop-b", "domain")


def test_a_verp_token_attributes_and_comes_back_in_either_place(database: Database) -> None:
    create_accounts(database, "shop-a", "shop-b")
    settings = verp_settings(database.url)
    # In the original's Return-Path (a DSN's returned headers) ...
    hard = samples.hard_bounce(
        "jane@example.com", "h1", original={"Return-Path": f"<{verp('shop-a', 'jane@example.com')}>"}
    )
    result = ingest_message(database, hard, "test", settings)
    assert (result.account, result.attributed_by) == ("shop-a", "verp")
    # ... or as the report's envelope recipient; VERP outranks the header.
    soft = samples.soft_bounce(
        "bob@example.com",
        "s1",
        report_to=verp("shop-b", "bob@example.com"),
        original={"X-Bounceback-Account": "shop-a"},
    )
    result = ingest_message(database, soft, "test", settings)
    assert (result.account, result.attributed_by) == ("shop-b", "verp")


def test_a_verp_token_with_the_dash_separator(database: Database) -> None:
    create_accounts(database, "shop-a")
    settings = verp_settings(database.url, verp_separator="-")
    raw = samples.hard_bounce("jane@example.com", "h1", report_to=verp("shop-a", "jane@example.com", "-"))
    assert ingest_message(database, raw, "test", settings).attributed_by == "verp"


def test_a_valid_token_gives_the_recipient_a_redacted_report_hides(database: Database) -> None:
    create_accounts(database, "shop-a")
    settings = verp_settings(database.url)
    raw = samples.complaint(
        "jane@example.com",
        "c1",
        original_recipient="",
        original_to="undisclosed-recipients:;",
        original={"Return-Path": f"<{verp('shop-a', 'jane@example.com')}>"},
    )
    result = ingest_message(database, raw, "test", settings)
    assert (result.account, result.attributed_by) == ("shop-a", "verp")
    assert [e["recipient"] for e in result.events] == ["jane@example.com"]
    assert suppressed_for(database, "jane@example.com", "shop-a") == ("complaint", "shop-a")
    # Without the token the same report names nobody, and suppresses nobody.
    bare = samples.complaint(
        "jane@example.com", "c2", original_recipient="", original_to="undisclosed-recipients:;"
    )
    result = ingest_message(database, bare, "test", settings)
    assert [e["recipient"] for e in result.events] == ["undisclosed-recipient@unknown.invalid"]
    assert result.suppressions_added == ()


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda: verp("shop-a", "jane@example.com").replace("@", "0@"), "invalid"),  # forged
        (lambda: verp("shop-a", "jane@example.com").split("@")[0][:-8] + "@bounce.example", "invalid"),  # cut
        (lambda: make_verp_address(b"x" * 32, VERP_ADDRESS, "shop-a", "jane@example.com"), "invalid"),
        (lambda: verp("shop-a", "someone.else@example.com"), "other_recipient"),  # replayed
    ],
    ids=["forged", "truncated", "another-key", "replayed"],
)
def test_a_token_that_proves_nothing_attributes_nothing_adds_nobody_and_is_counted(
    database: Database, make: object, reason: str
) -> None:
    create_accounts(database, "shop-a")
    settings = verp_settings(database.url)
    before = rejected(reason)
    address = make()  # type: ignore[operator]
    raw = samples.complaint(
        "jane@example.com", "c1", report_to=address, original={"Return-Path": f"<{address}>"}
    )
    result = ingest_message(database, raw, "test", settings)
    assert (result.account, result.attributed_by) == (None, None)
    assert result.suppressions_added == ("jane@example.com",)  # the report's own recipient only
    assert suppressed_for(database, "jane@example.com", None) == ("complaint", None)  # unattributed: global
    assert suppressed_for(database, "someone.else@example.com", "shop-a") == (None, None)
    # Counted once per token seen (the Return-Path and the report's To: are one address here).
    assert rejected(reason) == before + 1


def test_a_rejected_token_is_not_counted_when_the_transaction_rolls_back(database: Database) -> None:
    settings = verp_settings(database.url)
    forged = verp("shop-a", "jane@example.com").replace("@", "0@")
    before = rejected("invalid")
    with pytest.raises(RuntimeError), database.transaction() as session:
        ingest(session, samples.complaint("jane@example.com", "c1", report_to=forged), "test", settings)
        raise RuntimeError("the batch failed")
    assert rejected("invalid") == before


def test_a_key_bound_to_an_account_attributes_to_it_or_to_nobody(database: Database) -> None:
    create_accounts(database, "shop-a", "shop-b")
    settings = verp_settings(database.url)
    other = samples.complaint("jane@example.com", "c1", original={"X-Bounceback-Account": "shop-b"})
    result = ingest_message(database, other, "api:a", settings, only_account="shop-a")
    assert (result.account, result.attributed_by) == (None, None)  # shop-b's evidence passed over
    own = samples.complaint("bob@example.com", "c2", original={"X-Bounceback-Account": "shop-a"})
    result = ingest_message(database, own, "api:a", settings, only_account="shop-a")
    assert (result.account, result.attributed_by) == ("shop-a", "header")
    assert suppressed_for(database, "bob@example.com", "shop-b") == (None, None)


def test_the_embedded_databases_kept_key_signs_and_verifies(database: Database) -> None:
    # No BOUNCEBACK_SECRET_KEY: the embedded SQLite default keeps its own key beside its file, and
    # the return paths `bounceback verp` makes with it verify when their bounces come back.
    if not database.is_sqlite:
        pytest.skip("the kept key is the embedded SQLite default's; one backend is enough")
    create_accounts(database, "shop-a")
    settings = verp_settings(database.url, secret_key="")
    [made] = verp_module.return_paths(settings, "shop-a", ["jane@example.com"])
    raw = samples.hard_bounce("jane@example.com", "h1", report_to=made.return_path)
    result = ingest_message(database, raw, "test", settings)
    assert (result.account, result.attributed_by) == ("shop-a", "verp")
