"""Structured logging for every process: JSON off a terminal, console on one, secrets redacted."""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import Mapping, MutableMapping
from typing import Any, TextIO

import structlog
from structlog.typing import EventDict, Processor, WrappedLogger

from service.config import Settings

REDACTED = "***"

# Keys whose values are secrets whatever they look like.
_SECRET_KEYS = frozenset(
    {
        "password",
        "passwd",
        "api_key",
        "apikey",
        "authorization",
        "secret",
        "secret_key",
        "token",
        "imap_password",
    }
)
# Patterns for secrets embedded in free text (messages, exceptions, URLs, headers).
_URL_PASSWORD = re.compile(r"(?P<prefix>[a-zA-Z][a-zA-Z0-9+.\-]*://[^\s:/@]*:)[^\s@/]+(?=@)")
_AUTHORIZATION = re.compile(
    r"(?P<prefix>\bauthorization\b[\"']?\s*[:=]\s*[\"']?(?:(?:bearer|basic)\s+)?)[^\s\"',;}]+",
    re.IGNORECASE,
)
_PASSWORD_ASSIGN = re.compile(
    r"(?P<prefix>\b(?:password|passwd|pwd)\b[\"']?\s*[=:]\s*[\"']?)[^\s\"'&,;}]+", re.IGNORECASE
)
_API_KEY = re.compile(r"\bbb_[A-Za-z0-9_\-]{6,}")

_HANDLER_MARK = "_bounceback_handler"
# Third-party loggers that are noisy at INFO and say nothing an operator needs.
_QUIET_LOGGERS = ("kafka", "aioimaplib", "alembic.runtime.plugins", "uvicorn.access")


class _StreamHandler(logging.StreamHandler):  # type: ignore[type-arg]
    def handleError(self, record: logging.LogRecord) -> None:
        # The stream is gone (interpreter or test-runner teardown while a client library's thread
        # still logs): there is no one left to tell, so no "--- Logging error ---" traceback either.
        if getattr(self.stream, "closed", False):
            return
        super().handleError(record)


def redact_text(text: str) -> str:
    """`text` with passwords in URLs, Authorization values, API keys and `password=` values masked."""
    if ":" not in text and "=" not in text and "bb_" not in text:
        return text  # (every pattern needs one of these: most values of a log line are left at once)
    text = _URL_PASSWORD.sub(lambda m: m.group("prefix") + REDACTED, text)
    text = _AUTHORIZATION.sub(lambda m: m.group("prefix") + REDACTED, text)
    text = _PASSWORD_ASSIGN.sub(lambda m: m.group("prefix") + REDACTED, text)
    return _API_KEY.sub("bb_" + REDACTED, text)


_PLAIN = frozenset({int, bool, float})


def _redact_value(key: str | None, value: Any) -> Any:
    if key is not None and key.lower() in _SECRET_KEYS and value:
        return REDACTED
    if value is None or type(value) in _PLAIN:
        return value  # (most values of a line: before the checks against abstract classes)
    if isinstance(value, str):
        return redact_text(value)
    if isinstance(value, Mapping):
        return {k: _redact_value(str(k), v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_redact_value(None, v) for v in value]
    if isinstance(value, BaseException):
        return redact_text(str(value))
    return value


def redact_secrets(_logger: WrappedLogger, _method: str, event_dict: EventDict) -> EventDict:
    """structlog processor: no password, Authorization value or API key ever reaches a log line."""
    for key in list(event_dict):
        if key.startswith("_"):  # structlog / ProcessorFormatter internals (the LogRecord etc.)
            continue
        event_dict[key] = _redact_value(key, event_dict[key])
    return event_dict


def wants_json(settings: Settings, stream: TextIO) -> bool:
    if settings.log_format == "json":
        return True
    if settings.log_format == "console":
        return False
    isatty = getattr(stream, "isatty", None)
    return not (callable(isatty) and isatty())


def configure(settings: Settings, *, stream: TextIO | None = None) -> None:
    """Route structlog and stdlib logging (uvicorn, alembic, kafka) through one redacting renderer.

    Safe to call more than once (each process calls it at start-up; tests call it again).
    """
    stream = stream if stream is not None else sys.stderr
    level = logging.getLevelName(settings.log_level.upper())
    if not isinstance(level, int):
        level = logging.INFO
    renderer: Processor
    if wants_json(settings, stream):
        renderer = structlog.processors.JSONRenderer(sort_keys=False)
    else:
        renderer = structlog.dev.ConsoleRenderer(colors=False)

    shared: list[Processor] = [
        structlog.contextvars.merge_contextvars,
        structlog.stdlib.add_log_level,
        structlog.stdlib.add_logger_name,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
    ]
    formatter = structlog.stdlib.ProcessorFormatter(
        foreign_pre_chain=shared,
        processors=[
            structlog.stdlib.ProcessorFormatter.remove_processors_meta,
            structlog.processors.format_exc_info,
            # After the traceback is text, so a URL with a password inside an exception is masked too.
            redact_secrets,
            renderer,
        ],
    )
    handler = _StreamHandler(stream)
    handler.setFormatter(formatter)
    setattr(handler, _HANDLER_MARK, True)

    root = logging.getLogger()
    for old in [h for h in root.handlers if getattr(h, _HANDLER_MARK, False)]:
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level)
    for name in _QUIET_LOGGERS:
        logging.getLogger(name).setLevel(max(level, logging.WARNING))
    # uvicorn installs its own handlers unless told otherwise; send its records to ours.
    for name in ("uvicorn", "uvicorn.error", "uvicorn.access"):
        lg = logging.getLogger(name)
        lg.handlers.clear()
        lg.propagate = True

    structlog.configure(
        processors=[
            # A line below the logger's level goes no further (ingest's line per message, when INFO
            # is not wanted, costs a level check and nothing else). Not for stdlib records: their
            # loggers filtered them already.
            structlog.stdlib.filter_by_level,
            *shared,
            structlog.processors.StackInfoRenderer(),
            structlog.stdlib.ProcessorFormatter.wrap_for_formatter,
        ],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=False,
    )


def get_logger(name: str, **initial: Any) -> Any:
    """A structlog logger for `name` (a module's `__name__`), with `initial` values bound."""
    return structlog.get_logger(name, **initial)


def redact_mapping(values: MutableMapping[str, Any]) -> dict[str, Any]:
    """A copy of `values` with secrets masked (for settings dumps and error reports)."""
    return {k: _redact_value(k, v) for k, v in values.items()}


def log_startup(process: str, settings: Settings) -> None:
    """One line saying what started and with which settings (secrets masked)."""
    get_logger("bounceback").info("starting", process=process, settings=redact_mapping(settings.model_dump()))


def configure_default() -> None:
    """Before `configure` (one-shot commands, tests, library use): structlog goes through stdlib
    logging, which shows only warnings and errors, on stderr, so nothing chatters on a command's
    stdout (structlog's own default prints every level there)."""
    structlog.configure(
        processors=[
            structlog.stdlib.filter_by_level,  # (below WARNING: dropped before any work)
            structlog.processors.TimeStamper(fmt="iso", utc=True),
            structlog.processors.format_exc_info,
            redact_secrets,
            structlog.processors.KeyValueRenderer(key_order=["event"], drop_missing=True),
        ],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=False,
    )


if not structlog.is_configured():
    configure_default()
