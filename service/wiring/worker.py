"""`bounceback worker`: the mailbox readers and the outbox relay, without the API (for scaling out)."""

from __future__ import annotations

import argparse
import signal
from typing import Any

from service.cli.common import database_or_exit, fail, secret_key_or_exit, settings_or_exit, start_metrics

# SIGTERM → everything stopped and logged out within this (container runtimes kill after 10 s).
STOP_DEADLINE_SECONDS = 9.5


def register(sub: Any) -> None:
    p = sub.add_parser("worker", help="read the bounce/FBL mailboxes and publish events (no API)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from consumers.mailbox_url import MailboxConfigError, parse_mailbox_urls
    from service import logging as bb_logging
    from service.wiring.background import BackgroundWork

    settings = settings_or_exit()
    try:
        parse_mailbox_urls(settings)  # a bad URL stops start-up with one line
    except MailboxConfigError as exc:
        fail(f"invalid setting BOUNCEBACK_IMAP_URLS: {exc}")
    secret_key_or_exit(settings)  # (the embedded default makes its key now, or stops here)
    bb_logging.configure(settings)
    db = database_or_exit(settings)
    log = bb_logging.get_logger("bounceback.worker")

    work = BackgroundWork(settings, db)
    stop = work.stop
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: stop.set())
    bb_logging.log_startup("worker", settings)
    stop_metrics = start_metrics(settings)  # the worker has no API: Prometheus scrapes it here

    work.start()

    # The main thread only waits: signal handlers run here, and `stop.wait` wakes up for them.
    while not stop.is_set() and work.alive():
        stop.wait(0.5)
    stuck = work.shutdown(STOP_DEADLINE_SECONDS)
    if stuck:
        log.error("worker_stop_timeout", parts=stuck)
    else:
        log.info("worker_stopped")
    if stop_metrics is not None:
        stop_metrics()
    db.dispose()
    return 1 if work.errors or stuck else 0
