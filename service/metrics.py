"""Prometheus metrics, defined once here and updated where the work happens."""

from __future__ import annotations

from collections.abc import Callable

from prometheus_client import Counter, Gauge, Histogram, start_http_server

from service.config import Settings

MESSAGES_INGESTED = Counter(
    "bounceback_messages_ingested_total",
    "Messages ingested, by intake source kind and parsed message type (duplicates excluded).",
    ["source", "message_type"],
)
MESSAGES_DUPLICATE = Counter(
    "bounceback_messages_duplicate_total",
    "Messages seen before (same content hash), by source kind.",
    ["source"],
)
MESSAGES_QUARANTINED = Counter(
    "bounceback_messages_quarantined_total", "Messages stored as quarantined, by source kind.", ["source"]
)
EVENTS_RECORDED = Counter(
    "bounceback_events_total",
    "Parsed events recorded, by classification and reason.",
    ["classification", "reason"],
)
SUPPRESSIONS_ADDED = Counter(
    "bounceback_suppressions_added_total", "Suppressions added, by reason.", ["reason"]
)
SUPPRESSIONS_REMOVED = Counter(
    "bounceback_suppressions_removed_total", "Suppressions removed, by reason.", ["reason"]
)
MESSAGES_ATTRIBUTED = Counter(
    "bounceback_messages_attributed_total",
    "Messages stored, by the source that attributed them to an account (none: unattributed).",
    ["source"],
)
VERP_TOKENS_REJECTED = Counter(
    "bounceback_verp_tokens_rejected_total",
    "VERP tokens that attributed nothing: invalid (forged, truncated, another key) or "
    "other_recipient (authentic, but about a recipient the report does not name).",
    ["reason"],
)
LINK_REQUESTS = Counter(
    "bounceback_link_requests_total",
    "Requests to the public unsubscribe (u) and report-spam (r) links, by outcome: page (a GET "
    "shown), acted (a POST that recorded the click), repeated (a POST an earlier one had done), "
    "invalid (a token that does not verify: 404), limited (over the burst limit: 429).",
    ["kind", "outcome"],
)
ACCOUNTS_BY_STATUS = Gauge(
    "bounceback_accounts_by_status",
    "Sending accounts per reputation status (ok, warning_1, warning_2, paused) today.",
    ["status"],
)
SENDS_RECORDED = Counter(
    "bounceback_sends_total",
    "Reported sends, by intake (api, kafka, cli) and outcome (stored, duplicate, rejected).",
    ["intake", "outcome"],
)
OUTBOX_BACKLOG = Gauge("bounceback_outbox_backlog", "Outbox events not yet published.")
OUTBOX_OLDEST_AGE = Gauge(
    "bounceback_outbox_oldest_age_seconds", "Age of the oldest unpublished outbox event."
)
EVENTS_PUBLISHED = Counter("bounceback_events_published_total", "Outbox events published to Kafka.")
IMAP_POLL_ERRORS = Counter(
    "bounceback_imap_poll_errors_total", "IMAP connection or poll errors, by mailbox.", ["mailbox"]
)
IMAP_MESSAGES = Counter(
    "bounceback_imap_messages_total",
    "Messages taken from IMAP mailboxes, by mailbox and folder moved to.",
    ["mailbox", "folder"],
)
API_REQUEST_SECONDS = Histogram(
    "bounceback_api_request_seconds",
    "API request latency, by route and status code.",
    ["route", "method", "status"],
    buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0),
)


# Request methods that name themselves in the latency histogram; anything else a client makes up is
# "other" (a label value per made-up method would grow the series without bound).
HTTP_METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})


def method_label(method: str) -> str:
    return method if method in HTTP_METHODS else "other"


def metrics_address(settings: Settings) -> tuple[str, int] | None:
    """Where /metrics is served apart from the API (BOUNCEBACK_METRICS_HOST/PORT); None: not at all."""
    if not settings.metrics_port:
        return None
    return settings.metrics_host or settings.host, settings.metrics_port


def serve_metrics(host: str, port: int) -> Callable[[], None]:
    """Serve /metrics on host:port from a thread; return a stop function.

    Raises OSError when the port cannot be bound.
    """
    server, thread = start_http_server(port, addr=host)

    def stop() -> None:
        server.shutdown()
        server.server_close()
        thread.join(timeout=2)

    return stop
