"""Messages per second from INBOX to Processed/Quarantine through the IMAP intake, on a local Dovecot.

Usage (from the repository root; needs Dovecot installed, runs it from a generated config):
    .venv/bin/python benchmarks/imap_intake.py [--messages 500] [--backends sqlite,postgresql] [--no-tls]

Appends the messages to a fresh mailbox (bounces, complaints, auto-replies, human mail), starts
`run_mailboxes` as the worker would (STARTTLS, IDLE, one transaction per message, then MOVE), and
times from the start until the INBOX is empty. Prints one line per backend. The Dovecot is the
test fixture's (maildir, `mail_fsync = never`), so the figure is our side plus IMAP round trips.
"""

from __future__ import annotations

import argparse
import imaplib
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from consumers.imap import run_mailboxes
from service import logging as bb_logging
from service.app.mail_intake import MailIntake
from service.app.runner import IntakeRunner
from service.config import Settings
from service.store.db import Database
from tests import core_samples as samples
from tests.fixtures.database import create_pg_database, drop_pg_database
from tests.fixtures.imap import Dovecot, ImapUser, start_dovecot, stop_dovecot


def corpus(n: int) -> list[bytes]:
    builders = [
        lambda i: samples.soft_bounce(f"soft{i % 200}@recipient.example", tag=f"s{i}"),
        lambda i: samples.hard_bounce(f"hard{i}@recipient.example", tag=f"h{i}"),
        lambda i: samples.soft_bounce(f"soft{i % 200}@recipient.example", tag=f"t{i}"),
        lambda i: samples.complaint(f"fbl{i}@recipient.example", tag=f"c{i}"),
        lambda i: samples.auto_reply(f"away{i}@recipient.example", tag=f"a{i}"),
        lambda i: samples.soft_bounce(f"soft{i % 200}@recipient.example", tag=f"u{i}"),
        lambda i: samples.hard_bounce(f"gone{i}@recipient.example", tag=f"g{i}"),
        lambda i: samples.human_mail(tag=f"m{i}"),
    ]
    return [builders[i % len(builders)](i) for i in range(n)]


def _inbox_size(conn: imaplib.IMAP4) -> int:
    _, data = conn.status("INBOX", "(MESSAGES)")
    return int(data[0].split(b"MESSAGES ")[1].split(b")")[0])


def run_once(server: Dovecot, backend: str, messages: list[bytes], tmp: Path, tls: bool) -> None:
    user = ImapUser(server, f"bench{backend}{int(time.time())}")
    user.append_many(messages)
    url = f"sqlite:///{tmp / f'{backend}.db'}" if backend == "sqlite" else create_pg_database()
    db = Database(url)
    try:
        db.upgrade()
        imap_url = user.url() if tls else user.url().split("?", 1)[0]
        # (any key: attribution checks VERP tokens with it; PostgreSQL keeps none of its own)
        settings = Settings(
            database_url=url, imap_urls=imap_url, secret_key="benchmark-secret-key-0123456789"
        )
        stop = threading.Event()
        thread = threading.Thread(
            target=run_mailboxes, args=(settings, IntakeRunner(MailIntake(db, settings)), stop), daemon=True
        )
        # One connection watches the INBOX, so the watching costs the server next to nothing.
        watcher = server.client(user.name)
        started = time.perf_counter()
        thread.start()
        while _inbox_size(watcher) > 0:
            time.sleep(0.05)
        elapsed = time.perf_counter() - started
        watcher.logout()
        stop.set()
        thread.join(10)
        processed, quarantined = user.count("Processed"), user.count("Quarantine")
        print(
            f"imap intake  {backend:<10}  {len(messages)} messages in {elapsed:.2f} s = "
            f"{len(messages) / elapsed:.0f} msg/s  (Processed {processed}, Quarantine {quarantined}; "
            f"{'STARTTLS' if tls and server.ca_file else 'plain'}, IDLE, one transaction per message, "
            "batched MOVE, connect included)"
        )
    finally:
        db.dispose()
        if backend == "postgresql":
            drop_pg_database(url)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=500)
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--no-tls", action="store_true", help="plain IMAP instead of STARTTLS")
    args = parser.parse_args()
    messages = corpus(args.messages)
    bb_logging.configure(Settings(log_level="WARNING"))  # a line per message would be measured too
    server = start_dovecot(tls=not args.no_tls)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            for backend in [b.strip() for b in args.backends.split(",") if b.strip()]:
                run_once(server, backend, messages, Path(tmp), tls=not args.no_tls)
    finally:
        stop_dovecot(server)


if __name__ == "__main__":
    main()
