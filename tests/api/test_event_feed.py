"""The event feed under concurrent ingest: a client that follows `next_after` misses no event and
sees none twice, however the writers' transactions interleave and commit."""

from __future__ import annotations

import threading
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import httpx
from sqlalchemy import text

from service.api import create_app
from service.store.db import Database
from tests import core_samples as samples
from tests.api_support import add_keys, make_settings, serving

ROUNDS = 3
CLIENTS = 8
MESSAGES_PER_CLIENT = 12
PATIENCE = 120.0


class Follower:
    """A feed client in its own thread: polls `after=next_after` as fast as it can, keeps every event."""

    def __init__(self, client: httpx.Client, headers: dict[str, str]) -> None:
        self.client = client
        self.headers = headers
        self.after = 0
        self.seen: Counter[str] = Counter()

    def page(self) -> int:
        answer = self.client.get(
            "/v1/events", params={"after": self.after, "limit": 1000}, headers=self.headers
        )
        answer.raise_for_status()
        body = answer.json()
        self.seen.update(event["ce_id"] for event in body["events"])
        self.after = body["next_after"]
        return len(body["events"])

    def follow(self, writers_done: threading.Event) -> None:
        while not writers_done.is_set():
            self.page()
        while self.page():  # then whatever is left, until the feed has nothing more
            pass


def test_a_client_following_the_feed_misses_nothing_while_many_ingest(database: Database) -> None:
    keys = add_keys(database)
    ingest = {"Authorization": f"Bearer {keys['ingest']}", "Content-Type": "message/rfc822"}
    with (
        serving(create_app(make_settings(database.url), database)) as base,
        httpx.Client(base_url=base, timeout=PATIENCE) as client,
    ):
        follower = Follower(client, {"Authorization": f"Bearer {keys['read']}"})

        def send(round_: int, writer: int) -> None:
            with httpx.Client(base_url=base, timeout=PATIENCE) as own:
                for i in range(MESSAGES_PER_CLIENT):
                    address = f"r{round_}w{writer}m{i}@example.com"
                    raw = samples.hard_bounce(address, f"r{round_}w{writer}m{i}")
                    assert own.post("/v1/messages", content=raw, headers=ingest).status_code == 201

        for round_ in range(ROUNDS):
            writers_done = threading.Event()
            reader = threading.Thread(target=follower.follow, args=(writers_done,))
            reader.start()
            with ThreadPoolExecutor(CLIENTS) as pool:
                for call in [pool.submit(send, round_, w) for w in range(CLIENTS)]:
                    call.result(timeout=PATIENCE)
            writers_done.set()
            reader.join(PATIENCE)
            assert not reader.is_alive()

            with database.engine.connect() as connection:
                stored = set(connection.execute(text("SELECT ce_id FROM outbox")).scalars())
            # Each message: its bounce and the suppression it caused.
            assert len(stored) == 2 * CLIENTS * MESSAGES_PER_CLIENT * (round_ + 1)
            missed = stored - set(follower.seen)
            assert not missed, f"round {round_}: {len(missed)} of {len(stored)} events never handed out"
            assert max(follower.seen.values()) == 1, "an event handed out twice to one follower"
