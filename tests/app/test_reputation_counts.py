"""Daily counts: each send and each attributed event counted once, on its day, in the transaction
that brings it; what the ladder does with them over a day (escalate only, pause and resume);
Message-ID attribution through the reported sends; retention."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from service import metrics
from service.app import reputation, sends
from service.app.ingest import ingest_many, ingest_message
from service.config import Settings
from service.store.db import Database
from tests import core_samples as samples
from tests.accounts_support import create_accounts
from tests.reputation_support import (
    hard_bounce,
    report_sends,
    send_items,
    status_events,
    status_of,
    yesterday_noon,
)


def earlier_today(now: datetime, by: timedelta) -> datetime:
    """`now - by`, but not before today's UTC midnight: these tests count one UTC day, and a run in
    the first minutes after midnight would otherwise put the earlier mail on yesterday."""
    return max(now - by, now.replace(hour=0, minute=0, second=0, microsecond=0))


def _day(db: Database, settings: Settings, account: str, when: datetime) -> dict[str, object]:
    with db.session() as session:
        rows = reputation.reputation(session, account, settings, days=3, now=when)["days"]
    return dict(rows[0])


def test_a_send_counts_once_however_often_it_is_reported(database: Database) -> None:
    settings = Settings(database_url=database.url)
    create_accounts(database, "shop-a")
    now = datetime.now(UTC)
    items = send_items("shop-a", 10, now)
    first = sends.record_sends(database, [*items, items[0]], settings)
    assert (first.stored, first.duplicates) == (10, 1)  # the same send twice in one call
    again = sends.record_sends(database, items[5:] + send_items("shop-a", 3, now, prefix="more-"), settings)
    assert (again.stored, again.duplicates) == (3, 5)
    # The same Message-ID to another recipient, or of another account, is another send.
    other = [{**items[0], "recipient": "someone.else@example.com"}]
    assert sends.record_sends(database, other, settings).stored == 1
    assert status_of(database, settings, "shop-a")["sent"] == 14
    # `<id>` and `id` are the same Message-ID.
    bare = [{**items[1], "message_id": items[1]["message_id"].strip("<>")}]
    assert sends.record_sends(database, bare, settings).duplicates == 1


def test_each_kind_of_event_counts_once_on_its_day(database: Database) -> None:
    settings = Settings(database_url=database.url)
    create_accounts(database, "shop-a")
    day = yesterday_noon()
    report_sends(database, settings, "shop-a", 10, day)
    tag = "shop-a-"
    hard = samples.hard_bounce("r0@example.com", f"{tag}0", day)
    # The same failure reported again in other bytes (another date): one hard bounce.
    hard_again = samples.hard_bounce("r0@example.com", f"{tag}0", day + timedelta(minutes=5))
    soft = samples.soft_bounce("r1@example.com", f"{tag}1", day)
    complaint = samples.complaint("r2@example.com", f"{tag}2", day)
    complaint_again = samples.complaint("r2@example.com", f"{tag}2", day + timedelta(minutes=1))
    unsubscribe = samples.unsubscribe("r3@example.com", f"{tag}3", day)
    auto_reply = samples.auto_reply("r4@example.com", "a4", day)
    unattributed = samples.hard_bounce("r5@example.com", "nobody-5", day)
    # Attributed by its header, naming no Message-ID of a send: still counted (once).
    by_header = samples.hard_bounce("r6@example.com", "h6", day, original={"X-Bounceback-Account": "shop-a"})
    for raw in (
        hard,
        hard_again,
        soft,
        complaint,
        complaint_again,
        unsubscribe,
        auto_reply,
        unattributed,
        by_header,
    ):
        ingest_message(database, raw, "test", settings)
    counts = _day(database, settings, "shop-a", day)
    assert {k: counts[k] for k in ("sent", "hard_bounces", "soft_bounces", "complaints", "unsubscribes")} == {
        "sent": 10,
        "hard_bounces": 2,
        "soft_bounces": 1,
        "complaints": 1,
        "unsubscribes": 1,
    }
    assert (counts["bounce_rate"], counts["complaint_rate"]) == (0.2, 0.1)
    today = _day(database, settings, "shop-a", datetime.now(UTC))
    assert today["sent"] == today["hard_bounces"] == 0, "counted on the day it occurred"


def test_a_batch_counts_every_account_once_per_message(database: Database) -> None:
    settings = Settings(database_url=database.url)
    create_accounts(database, "shop-a", "shop-b")
    day = yesterday_noon()
    for account in ("shop-a", "shop-b"):
        report_sends(database, settings, account, 200, day)
    batch = [
        (samples.hard_bounce(f"r{i}@example.com", f"{account}-{i}", day), f"file:{account}{i}")
        for account, count in (("shop-a", 12), ("shop-b", 13))
        for i in range(count)
    ]
    ingest_many(database, batch + batch[:3], settings)
    ingest_many(database, batch, settings)  # the same files again: duplicates, nothing counted
    assert status_of(database, settings, "shop-a", now=day)["hard_bounces"] == 12
    assert status_of(database, settings, "shop-b", now=day)["hard_bounces"] == 13
    assert [(e["account"], e["to"]) for e in status_events(database)] == [
        ("shop-a", "warning_1"),
        ("shop-b", "warning_1"),
    ]


def test_within_a_day_the_status_only_escalates(database: Database) -> None:
    settings = Settings(database_url=database.url)
    create_accounts(database, "shop-a")
    day = yesterday_noon()
    report_sends(database, settings, "shop-a", 1000, day)
    for i in range(70):
        hard_bounce(database, settings, "shop-a", i, day)
    # Twice the sends halve the rate (3.5%): the day's warning stands.
    report_sends(database, settings, "shop-a", 1000, day, prefix="second-")
    answer = status_of(database, settings, "shop-a", now=day)
    assert (answer["status"], answer["bounce_rate"]) == ("warning_2", 0.035)
    assert len(status_events(database)) == 2


def test_a_manual_pause_holds_and_a_resume_cannot_be_undone_by_the_same_day(database: Database) -> None:
    settings = Settings(database_url=database.url)
    create_accounts(database, "shop-a")
    now = datetime.now(UTC)
    paused = reputation.pause_account(database, "shop-a", settings, note="abuse desk call", actor="cli")
    assert (paused.changed, paused.status) == (True, "paused")
    assert reputation.pause_account(database, "shop-a", settings, note="", actor="cli").changed is False
    report_sends(database, settings, "shop-a", 1000, earlier_today(now, timedelta(minutes=1)))
    assert status_of(database, settings, "shop-a")["status"] == "paused", "clean sends do not lift a pause"
    reputation.resume_account(database, "shop-a", settings, note="talked to them", actor="api:ops")
    for i in range(120):  # 12%: past the pause threshold, on the day of the resume
        hard_bounce(database, settings, "shop-a", i, earlier_today(now, timedelta(minutes=1)))
    assert status_of(database, settings, "shop-a")["status"] == "warning_2"
    events = status_events(database)
    assert [(e["from"], e["to"], e["manual"], e["actor"], e["note"]) for e in events[:2]] == [
        ("ok", "paused", True, "cli", "abuse desk call"),
        ("paused", "ok", True, "api:ops", "talked to them"),
    ]
    assert events[0]["threshold"] is None and events[1]["sent"] == 1000


def test_message_id_attribution_reads_the_reported_sends(database: Database) -> None:
    create_accounts(database, "shop-a", "shop-b", domains={"shop-b": ["sender.example"]})
    settings = Settings(database_url=database.url)
    now = datetime.now(UTC)
    sends.record_sends(database, send_items("shop-a", 1, now, prefix="c"), settings)
    # samples.complaint(..., "c0") returns the original <orig-c0@sender.example>: shop-a sent it,
    # which outranks the From domain (shop-b's).
    result = ingest_message(database, samples.complaint("r0@example.com", "c0"), "test", settings)
    assert (result.account, result.attributed_by) == ("shop-a", "message_id")
    # Two accounts reported the same Message-ID: it names nobody, the domain decides.
    for account in ("shop-a", "shop-b"):
        sends.record_sends(database, send_items(account, 2, now, prefix="d")[1:], settings)
    result = ingest_message(database, samples.complaint("r1@example.com", "d1"), "test", settings)
    assert (result.account, result.attributed_by) == ("shop-b", "domain")
    # Past the retention the sends are gone (the counts stay): the domain decides again.
    assert sends.purge_expired(database, settings, now=now + timedelta(days=8), batch=2) == 3
    later = samples.complaint("r0@example.com", "c0", now + timedelta(seconds=1))  # the same original
    result = ingest_message(database, later, "test", settings)
    assert (result.account, result.attributed_by) == ("shop-b", "domain")
    assert status_of(database, settings, "shop-a")["sent"] == 2


def test_the_status_gauges_count_accounts_not_label_them(database: Database) -> None:
    settings = Settings(database_url=database.url)
    create_accounts(database, "shop-a", "shop-b", "shop-c")
    reputation.pause_account(database, "shop-c", settings, note="", actor="cli")
    with database.session() as session:
        counts = reputation.refresh_status_gauges(session)
    assert counts == {"ok": 2, "warning_1": 0, "warning_2": 0, "paused": 1}
    samples_seen = {
        sample.labels["status"]: sample.value
        for family in metrics.ACCOUNTS_BY_STATUS.collect()
        for sample in family.samples
    }
    assert samples_seen == {"ok": 2.0, "warning_1": 0.0, "warning_2": 0.0, "paused": 1.0}


def test_the_background_upkeep_purges_old_sends_and_refreshes_the_gauges(database: Database) -> None:
    import threading

    from sqlalchemy import func, select

    from service.app.upkeep import run_reputation_upkeep
    from service.store.models import Send

    settings = Settings(database_url=database.url, send_retention_days=1)
    create_accounts(database, "shop-a")
    now = datetime.now(UTC)
    sends.record_sends(
        database, send_items("shop-a", 30, earlier_today(now, timedelta(minutes=10))), settings
    )
    sends.record_sends(database, send_items("shop-a", 5, now, prefix="new-"), settings)
    # The retention passes for the first 30 (made older in place: they could not be reported so).
    with database.transaction() as session:
        session.execute(
            Send.__table__.update()
            .where(~Send.message_id.like("orig-new-%"))
            .values(sent_at=now - timedelta(days=2))
        )
    reputation.pause_account(database, "shop-a", settings, note="", actor="cli")
    stop = threading.Event()
    thread = threading.Thread(
        target=run_reputation_upkeep, args=(database, settings, stop), kwargs={"gauge_seconds": 0.05}
    )
    thread.start()
    try:
        for _ in range(200):
            with database.session() as session:
                left = session.scalar(select(func.count()).select_from(Send))
            if left == 5:
                break
            stop.wait(0.05)
    finally:
        stop.set()
        thread.join(10)
    assert left == 5
    assert status_of(database, settings, "shop-a")["sent"] == 35, "the day's count stays"
    paused = [
        s.value
        for f in metrics.ACCOUNTS_BY_STATUS.collect()
        for s in f.samples
        if s.labels["status"] == "paused"
    ]
    assert paused == [1.0]


def test_link_clicks_count_as_unsubscribes_and_complaints_once(database: Database) -> None:
    from service.app.unsubscribe import LinkKind, click, links_for
    from tests.accounts_support import verp_settings

    create_accounts(database, "shop-a")
    settings = verp_settings(database.url, public_url="https://links.example")
    jane, max_ = links_for(settings, "shop-a", ["jane@example.com", "max@example.com"])
    for _ in range(2):  # clicked twice: counted once
        click(database, settings, LinkKind.UNSUBSCRIBE, jane.token)
        click(database, settings, LinkKind.REPORT_SPAM, max_.token)
    today = _day(database, settings, "shop-a", datetime.now(UTC))
    assert (today["unsubscribes"], today["complaints"]) == (1, 1)


def test_a_batch_asks_the_sends_once_and_attributes_each_message_as_alone(database: Database) -> None:
    """Message-ID attribution of a batch: one query for every original the batch names, and the same
    answers as one message at a time (an unreported one, one two accounts reported)."""
    from sqlalchemy import event

    create_accounts(database, "shop-a", "shop-b", domains={"shop-b": ["sender.example"]})
    settings = Settings(database_url=database.url)
    now = datetime.now(UTC)
    sends.record_sends(database, send_items("shop-a", 20, now, prefix="b"), settings)
    sends.record_sends(database, send_items("shop-b", 1, now, prefix="b")[0:1], settings)  # b0: both
    statements: list[str] = []

    def seen(conn: object, cursor: object, statement: str, *args: object) -> None:
        statements.append(statement)

    batch = [(samples.complaint(f"r{i}@example.com", f"b{i}", now), f"m{i}") for i in range(25)]
    event.listen(database.engine, "before_cursor_execute", seen)
    try:
        results = ingest_many(database, batch, settings)
    finally:
        event.remove(database.engine, "before_cursor_execute", seen)
    attributed = [(r.account, r.attributed_by) for r in results if not isinstance(r, Exception)]
    assert attributed[0] == ("shop-b", "domain")  # two accounts sent b0: it names nobody
    assert attributed[1:20] == [("shop-a", "message_id")] * 19
    assert attributed[20:] == [("shop-b", "domain")] * 5  # never reported
    assert sum(1 for s in statements if "FROM sends" in s) == 1
