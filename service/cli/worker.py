"""`bounceback worker`: the mailbox readers and the outbox relay, without the API (for scaling out)."""

from __future__ import annotations

import argparse
import importlib.util
import signal
import threading
import time
from collections.abc import Callable
from typing import Any

from service.cli.common import database_or_exit, fail, settings_or_exit

# SIGTERM → everything stopped and logged out within this (container runtimes kill after 10 s).
STOP_DEADLINE_SECONDS = 9.5


def register(sub: Any) -> None:
    p = sub.add_parser("worker", help="read the bounce/FBL mailboxes and publish events (no API)")
    p.set_defaults(func=run)


def _thread(name: str, target: Callable[[], None], errors: list[str]) -> threading.Thread:
    from service.logging import get_logger

    def body() -> None:
        try:
            target()
        except Exception as exc:  # one part failing must not take the others down silently
            errors.append(f"{name}: {exc}")
            get_logger("bounceback.worker").error("worker_part_failed", part=name, error=str(exc))

    return threading.Thread(target=body, name=name, daemon=True)


def run(args: argparse.Namespace) -> int:
    from consumers.imap import run_mailboxes
    from consumers.mailbox_url import MailboxConfigError, parse_mailbox_urls
    from service import logging as bb_logging

    settings = settings_or_exit()
    try:
        mailboxes = parse_mailbox_urls(settings)
    except MailboxConfigError as exc:
        fail(f"invalid setting BOUNCEBACK_IMAP_URLS: {exc}")
    bb_logging.configure(settings)
    db = database_or_exit(settings)
    log = bb_logging.get_logger("bounceback.worker")

    stop = threading.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: stop.set())
    bb_logging.log_startup("worker", settings)
    stop_metrics: Callable[[], None] | None = None
    if settings.metrics_port:  # the worker has no API: Prometheus scrapes it here
        from service.metrics import serve_metrics

        try:
            stop_metrics = serve_metrics(settings.host, settings.metrics_port)
        except OSError as exc:
            fail(f"cannot serve metrics on {settings.host}:{settings.metrics_port}: {exc.strerror or exc}")

    errors: list[str] = []
    threads: list[threading.Thread] = []
    relay: Any = None
    # The relay belongs to another part of the service; the worker runs it when it is there.
    if importlib.util.find_spec("service.relay") is not None:
        from service.relay import OutboxRelay

        relay = OutboxRelay(settings, db)
        threads.append(_thread("relay", lambda: relay.run(stop), errors))
    if settings.kafka_bootstrap_servers and settings.kafka_inbound_topic:
        from consumers.kafka_inbound import run_inbound

        threads.append(_thread("kafka-inbound", lambda: run_inbound(settings, db, stop), errors))
    if mailboxes:
        on_ingested = relay.wake if relay is not None else None
        threads.append(
            _thread("mailboxes", lambda: run_mailboxes(settings, db, stop, on_ingested=on_ingested), errors)
        )
    else:
        log.warning("worker_no_mailboxes", reason="BOUNCEBACK_IMAP_URLS is empty")
    for thread in threads:
        thread.start()

    # The main thread only waits: signal handlers run here, and `stop.wait` wakes up for them.
    while not stop.is_set() and any(t.is_alive() for t in threads):
        stop.wait(0.5)
    stop.set()
    deadline = time.monotonic() + STOP_DEADLINE_SECONDS
    for thread in threads:
        thread.join(max(0.0, deadline - time.monotonic()))
    stuck = [t.name for t in threads if t.is_alive()]
    if stuck:
        log.error("worker_stop_timeout", parts=stuck)
    else:
        log.info("worker_stopped")
    if stop_metrics is not None:
        stop_metrics()
    db.dispose()
    return 1 if errors or stuck else 0
