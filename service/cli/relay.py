"""`bounceback relay [--once]`: publish pending outbox events to Kafka."""

from __future__ import annotations

import argparse
import logging
import signal
import threading
from typing import Any

from service.cli.common import database_or_exit, fail, settings_or_exit


def register(sub: Any) -> None:
    p = sub.add_parser("relay", help="publish pending outbox events to Kafka as CloudEvents")
    p.add_argument("--once", action="store_true", help="publish everything pending, then exit")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from service import logging as bb_logging
    from service.app.relay import BrokerUnavailable, OutboxRelay

    settings = settings_or_exit()
    if not settings.kafka_bootstrap_servers.strip():
        fail("BOUNCEBACK_KAFKA_BOOTSTRAP_SERVERS is not set: events stay in the outbox (API feed)")
    db = database_or_exit(settings)
    # After opening the database, so that migrating the embedded SQLite stays quiet.
    bb_logging.configure(settings)
    if args.once:
        # kafka-python logs every failed connection attempt; the one line below says it all.
        logging.getLogger("kafka").setLevel(logging.CRITICAL)
    relay = OutboxRelay(settings, db)
    try:
        if args.once:
            try:
                published = relay.publish_pending()
            except BrokerUnavailable as exc:
                fail(str(exc), code=1)
            relay.prune()
            print(f"published {published} events to {settings.kafka_topic}")
            return 0
        stop = threading.Event()
        for signum in (signal.SIGTERM, signal.SIGINT):
            signal.signal(signum, lambda *_: stop.set())
        bb_logging.log_startup("relay", settings)
        relay.run(stop)
        return 0
    finally:
        relay.close()
        db.dispose()
