"""The burst limiter: at most `burst` per client in any window, exact, bounded, thread-safe."""

from __future__ import annotations

import threading
from collections import defaultdict

import pytest
from hypothesis import given
from hypothesis import strategies as st

from service.api.ratelimit import BurstLimiter, Verdict, client_key


class Clock:
    """A clock the test moves by hand."""

    def __init__(self, now: float = 1000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def limiter(burst: int = 3, window: float = 10.0, max_clients: int = 100) -> tuple[BurstLimiter, Clock]:
    clock = Clock()
    return BurstLimiter(burst, window, max_clients, clock=clock), clock


def test_a_burst_is_allowed_then_refused_until_the_oldest_request_leaves_the_window() -> None:
    limit, clock = limiter(burst=3, window=10)
    assert [limit.check("a").allowed for _ in range(3)] == [True, True, True]
    assert limit.check("a") == Verdict(False, 10)
    clock.now += 4.5
    assert limit.check("a") == Verdict(False, 6)  # 5.5 s to go, rounded up
    assert limit.check("b").allowed  # another client has its own allowance
    clock.now += 5.5  # the first three are exactly one window old: (now - 10, now] excludes them
    assert [limit.check("a").allowed for _ in range(4)] == [True, True, True, False]


def test_refused_requests_do_not_extend_the_wait() -> None:
    limit, clock = limiter(burst=1, window=10)
    assert limit.check("a").allowed
    for _ in range(9):
        clock.now += 1
        assert not limit.check("a").allowed
    clock.now += 1
    assert limit.check("a").allowed


def test_the_least_recently_seen_client_is_forgotten_first() -> None:
    limit, _clock = limiter(burst=1, window=10, max_clients=2)
    assert limit.check("a").allowed
    assert limit.check("b").allowed
    assert not limit.check("a").allowed  # 'a' is now the most recent, 'b' the least
    assert limit.check("c").allowed  # forgets 'b'
    assert len(limit) == 2
    assert not limit.check("a").allowed  # still remembered
    assert limit.check("b").allowed  # forgotten: a fresh allowance (the price of bounded memory)


@pytest.mark.parametrize(
    ("burst", "window", "max_clients"), [(0, 1, 1), (1, 0, 1), (1, -1, 1), (1, 1, 0), (1, float("nan"), 1)]
)
def test_nonsense_limits_are_refused(burst: int, window: float, max_clients: int) -> None:
    with pytest.raises(ValueError):
        BurstLimiter(burst, window, max_clients)


# --- properties -----------------------------------------------------------------------------------

STEPS = st.lists(st.tuples(st.integers(0, 5), st.sampled_from([0.0, 0.0, 0.25, 1.0, 2.5, 7.0])), max_size=200)


@given(
    burst=st.integers(1, 5),
    window=st.sampled_from([1.0, 3.0, 10.0]),
    max_clients=st.integers(1, 8),
    steps=STEPS,
)
def test_it_answers_exactly_like_an_unbounded_log_while_the_clients_of_a_window_fit(
    burst: int, window: float, max_clients: int, steps: list[tuple[int, float]]
) -> None:
    limit, clock = limiter(burst, window, max_clients)
    allowed: dict[str, list[float]] = defaultdict(list)  # the reference: every allowed time, forever
    seen: list[tuple[float, str]] = []
    for client_number, advance in steps:
        clock.now += advance
        client = f"client-{client_number}"
        seen.append((clock.now, client))
        recent_clients = {name for at, name in seen if at > clock.now - window}
        in_window = [at for at in allowed[client] if at > clock.now - window]
        verdict = limit.check(client)
        if len(recent_clients) <= max_clients:
            # Forgetting loses nothing then: the limiter must give the exact answer.
            assert verdict.allowed == (len(in_window) < burst)
        if verdict.allowed:
            allowed[client].append(clock.now)
        assert len(limit) <= max_clients
    if all(len({name for at, name in seen if at > t - window}) <= max_clients for t, _ in seen):
        for times in allowed.values():
            # Never more than `burst` allowed in any window (t - window, t].
            assert all(
                later - earlier >= window for earlier, later in zip(times, times[burst:], strict=False)
            )


@given(
    burst=st.integers(1, 4),
    max_clients=st.integers(1, 16),
    clients=st.lists(st.text(min_size=1, max_size=6), max_size=300),
)
def test_memory_never_exceeds_max_clients(burst: int, max_clients: int, clients: list[str]) -> None:
    limit, clock = limiter(burst, 10.0, max_clients)
    for client in clients:
        clock.now += 0.01
        limit.check(client)
        assert len(limit) <= max_clients
    assert len(limit) == min(max_clients, len(set(clients)))


@given(burst=st.integers(1, 4), window=st.sampled_from([0.5, 1.0, 9.5]), steps=STEPS)
def test_retry_after_is_long_enough_and_not_longer_than_it_must_be(
    burst: int, window: float, steps: list[tuple[int, float]]
) -> None:
    for client_number, advance in steps:
        limit, clock = limiter(burst, window, 100)
        for _ in range(client_number + burst):
            clock.now += advance / 10
            verdict = limit.check("a")
        if verdict.allowed:
            continue
        start = clock.now
        clock.now = start + verdict.retry_after_seconds - 1
        if clock.now > start:
            assert not limit.check("a").allowed  # a whole second earlier would still be refused
        clock.now = start + verdict.retry_after_seconds
        assert limit.check("a").allowed


def test_many_threads_on_one_client_get_exactly_the_burst() -> None:
    limit, _clock = limiter(burst=25, window=60, max_clients=10)
    results: list[bool] = []
    lock = threading.Lock()
    start = threading.Barrier(8)

    def hammer() -> None:
        start.wait()
        for _ in range(200):
            allowed = limit.check("one").allowed
            with lock:
                results.append(allowed)

    threads = [threading.Thread(target=hammer) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results.count(True) == 25
    assert len(results) == 1600


def test_many_threads_on_many_clients_stay_within_memory() -> None:
    limit, _clock = limiter(burst=2, window=60, max_clients=50)
    start = threading.Barrier(8)

    def hammer(offset: int) -> None:
        start.wait()
        for i in range(500):
            limit.check(f"10.0.{offset}.{i % 256}")

    threads = [threading.Thread(target=hammer, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(limit) == 50


# --- client keys ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("address", "key"),
    [
        ("192.0.2.7", "192.0.2.7"),
        ("2001:db8:1:2:aaaa::1", "2001:db8:1:2::/64"),
        ("2001:db8:1:2:ffff:ffff:ffff:ffff", "2001:db8:1:2::/64"),
        ("2001:db8:1:3::1", "2001:db8:1:3::/64"),
        ("::ffff:192.0.2.7", "192.0.2.7"),
        ("fe80::1%eth0", "fe80::/64"),
        ("::1", "::/64"),
        ("testclient", "testclient"),
        ("", ""),
    ],
)
def test_client_key(address: str, key: str) -> None:
    assert client_key(address) == key


def test_one_ipv6_host_cannot_rotate_addresses_past_the_limit() -> None:
    limit, _clock = limiter(burst=2, window=10)
    verdicts = [limit.check(client_key(f"2001:db8::{n:x}")).allowed for n in range(1, 6)]
    assert verdicts == [True, True, False, False, False]
