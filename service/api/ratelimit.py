"""An in-process burst limiter for the public link endpoints, per client address, bounded in memory.

A sliding-window log: for each client, the times of its last `burst` allowed requests. A request is
allowed when fewer than `burst` of them fall in the last `window_seconds` (the window is half-open,
`(now - window, now]`), so no client ever gets more than `burst` requests into any window, and a
refused request costs the client nothing more (it is not recorded). Memory is at most `max_clients`
entries of `burst` floats: the least recently seen client is forgotten first. Forgetting loses
nothing as long as at most `max_clients` distinct clients are seen within one window, because the
forgotten entry is then older than the window, which is what an empty entry would say too.

It limits one process only and sees only the peer address (behind a proxy, the proxy's): it is a
guard against a burst from one client, not a replacement for the limits of a reverse proxy.
IPv6 clients are keyed by their /64 network (`client_key`), since one host commonly holds a whole
/64 and could otherwise rotate addresses past the limit and flush the table.
"""

from __future__ import annotations

import ipaddress
import math
import threading
import time
from collections import OrderedDict, deque
from collections.abc import Callable
from dataclasses import dataclass

IPV6_CLIENT_PREFIX = 64


@dataclass(frozen=True, slots=True)
class Verdict:
    """Whether a request may go ahead; when not, how many whole seconds until one would."""

    allowed: bool
    retry_after_seconds: int = 0


class BurstLimiter:
    """At most `burst` requests per client in any `window_seconds`, for at most `max_clients` clients.

    Thread-safe: one lock around each check; the clock is read inside it, so the times recorded
    for a client never go backwards whichever thread asks.
    """

    def __init__(
        self,
        burst: int,
        window_seconds: float,
        max_clients: int,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if burst < 1:
            raise ValueError(f"burst must be at least 1, not {burst}")
        if not window_seconds > 0:
            raise ValueError(f"window_seconds must be positive, not {window_seconds}")
        if max_clients < 1:
            raise ValueError(f"max_clients must be at least 1, not {max_clients}")
        self.burst = burst
        self.window_seconds = float(window_seconds)
        self.max_clients = max_clients
        self._clock = clock
        self._lock = threading.Lock()
        # client -> times of its last `burst` allowed requests, oldest first; least recent client first.
        self._clients: OrderedDict[str, deque[float]] = OrderedDict()

    def check(self, client: str) -> Verdict:
        """Count a request from `client` when it is allowed; say when to retry when it is not."""
        with self._lock:
            now = self._clock()
            times = self._clients.get(client)
            if times is None:
                times = deque(maxlen=self.burst)
                self._clients[client] = times
                if len(self._clients) > self.max_clients:
                    self._clients.popitem(last=False)
            else:
                self._clients.move_to_end(client)
                if times and now < times[-1]:  # a clock that stepped back: never count into the past
                    now = times[-1]
            if len(times) < self.burst or times[0] <= now - self.window_seconds:
                times.append(now)  # maxlen drops the oldest, which has left the window
                return Verdict(True)
            wait = times[0] + self.window_seconds - now
            return Verdict(False, max(1, math.ceil(wait)))

    def __len__(self) -> int:
        """How many clients are remembered (never more than `max_clients`)."""
        with self._lock:
            return len(self._clients)


def client_key(address: str) -> str:
    """The key a peer address is limited under: an IPv4 address as is, IPv6 by its /64 network.

    An IPv4-mapped IPv6 address counts as its IPv4 address; anything that is not an IP address
    (a Unix socket path, a test client's name) is its own key.
    """
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])  # drop an IPv6 zone index
    except ValueError:
        return address
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.IPv6Network((ip, IPV6_CLIENT_PREFIX), strict=False))
    return str(ip)
