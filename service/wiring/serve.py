"""`bounceback serve`: the API, the mailbox pollers and the outbox relay.

One worker (the default): everything in one process. `--workers N`: N uvicorn worker processes
answer the API on one socket, each with its own in-memory suppression view, and the background
work (relay, mailbox pollers, Kafka intake) runs once, in the supervising process, never in a
worker: N workers must not read the same mailbox or relay the same outbox N times.
"""

from __future__ import annotations

import argparse
import os
import signal
import threading
import time
from typing import Any

from service.cli.common import fail, secret_key_or_exit, settings_or_exit, start_metrics
from service.cli.options import int_option, setting_option
from service.wiring.background import BackgroundWork

MAX_WORKERS = 64


def register(sub: Any) -> None:
    p = sub.add_parser("serve", help="run the REST API (with mailbox pollers and the outbox relay)")
    p.add_argument(
        "--host", type=setting_option("host"), help="address to bind (default BOUNCEBACK_HOST, 127.0.0.1)"
    )
    p.add_argument("--port", type=setting_option("port"), help="port (default BOUNCEBACK_PORT, 8025)")
    p.add_argument("--no-background", action="store_true", help="API only: no mailbox pollers, no relay")
    p.add_argument(
        "--workers",
        type=int_option(1, MAX_WORKERS),
        default=1,
        help=f"API worker processes (1 to {MAX_WORKERS}, default 1); the background work runs once",
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    import uvicorn

    from service import logging as service_logging
    from service.api import create_app

    settings = settings_or_exit()
    if not args.no_background:
        # The mailbox pollers run in this process: a bad mailbox URL stops it here, as in `worker`.
        from consumers.mailbox_url import MailboxConfigError, parse_mailbox_urls

        try:
            parse_mailbox_urls(settings)
        except MailboxConfigError as exc:
            fail(f"invalid setting BOUNCEBACK_IMAP_URLS: {exc}")
    secret_key_or_exit(settings)  # (the embedded default makes its key now, or stops here)
    host = settings.host if args.host is None else args.host
    port = settings.port if args.port is None else args.port
    service_logging.configure(settings)
    service_logging.log_startup("serve", settings)
    if args.workers > 1:
        return _run_workers(settings, host, port, args.workers, background=not args.no_background)
    app = create_app(settings, background=None if args.no_background else BackgroundWork)
    # uvicorn turns SIGTERM/SIGINT into a graceful shutdown: open requests finish, the lifespan
    # stops the pollers and the relay, then the process exits 0.
    config = _uvicorn_config(app, host, port)
    # uvicorn re-raises the signal it stopped on once shutdown is complete, which would end the
    # process by the default action (-15, or KeyboardInterrupt) instead of exit 0. It restores the
    # handlers it found first, so handlers that do nothing make the re-raise a no-op.
    for stop_signal in (signal.SIGTERM, signal.SIGINT):
        signal.signal(stop_signal, lambda *_: None)
    stop_metrics = start_metrics(settings)
    try:
        uvicorn.Server(config).run()
    finally:
        if stop_metrics is not None:
            stop_metrics()
    return 0


def _uvicorn_config(app: Any, host: str, port: int, config_class: Any = None, **options: Any) -> Any:
    """uvicorn as `serve` runs it (a `config_class` of uvicorn.Config's, or that): our logging, no
    access log or server header, 10 s to finish, no WebSocket upgrade (the API has no WebSocket
    route: a connection stays one HTTP protocol from accept to close, which is what the
    `--workers` processes count)."""
    import uvicorn

    return (config_class or uvicorn.Config)(
        app,
        host=host,
        port=port,
        log_config=None,
        access_log=False,
        server_header=False,
        timeout_graceful_shutdown=10,
        ws="none",
        **options,
    )


def api_app() -> Any:
    """The app of one `--workers` process (uvicorn's factory): the API only, settings from the same
    environment as the supervisor's."""
    from service import logging as service_logging
    from service.api import create_app

    settings = settings_or_exit()
    service_logging.configure(settings)
    _stop_when_orphaned(os.getppid())
    return create_app(settings)


# How often a worker checks that its supervisor is still there.
SUPERVISOR_CHECK_SECONDS = 1.0


def _stop_when_orphaned(supervisor: int) -> None:
    """A worker whose supervisor is gone (killed with SIGKILL, or by the OOM killer) shuts down as
    on SIGTERM, within `SUPERVISOR_CHECK_SECONDS`: otherwise it would go on answering on the port,
    unsupervised and never restarted, and a new `serve` could not bind it. The parent's pid is
    polled rather than asked of the kernel (PR_SET_PDEATHSIG fires when the parent *thread* ends,
    and is Linux-only)."""

    def watch() -> None:
        while os.getppid() == supervisor:
            time.sleep(SUPERVISOR_CHECK_SECONDS)
        os.kill(os.getpid(), signal.SIGTERM)

    threading.Thread(target=watch, name="supervisor-watch", daemon=True).start()


def _run_workers(settings: Any, host: str, port: int, workers: int, *, background: bool) -> int:
    """uvicorn's supervisor over `workers` API processes; the background work in this process."""
    from uvicorn.supervisors import Multiprocess

    from service.api.app import BACKGROUND_JOIN_SECONDS
    from service.store.db import Database, DatabaseUnavailable, database_timeouts
    from service.wiring.connection_counts import ConnectionCounts
    from service.wiring.worker_server import WorkersConfig

    database = Database(settings.database_url, database_timeouts(settings))
    if database.is_sqlite:  # migrated once, here, before the workers open it
        try:
            database.upgrade()
        except DatabaseUnavailable as exc:
            fail(str(exc))
    # The workers share their open-connection counts, so connections opened at once spread over
    # them (service/wiring/worker_server.py says how, and why not one socket per worker).
    counts = ConnectionCounts.create(slots=2 * MAX_WORKERS)  # (restarts overlap the old worker)
    config = _uvicorn_config(
        "service.wiring.serve:api_app",
        host,
        port,
        WorkersConfig,
        factory=True,
        workers=workers,
        counts=counts,
    )
    work = BackgroundWork(settings, database) if background else None
    stop_metrics = start_metrics(settings)
    try:
        socket = config.bind_socket()
        if work is not None:
            work.start()
        # The supervisor handles SIGTERM/SIGINT: it stops the workers (each finishes its open
        # requests) and returns; then the background work stops here.
        Multiprocess(config, sockets=[socket]).run()
    finally:
        if work is not None:
            work.shutdown(BACKGROUND_JOIN_SECONDS)
        if stop_metrics is not None:
            stop_metrics()
        database.dispose()
        counts.close()
    return 0
