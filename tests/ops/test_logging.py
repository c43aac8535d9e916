"""Logging: JSON off a terminal, console on one, stdlib loggers included, and secrets never logged."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
import structlog

from service import logging as bblog
from service.app.ingest import ingest_message
from service.config import Settings
from service.store.db import Database


class Terminal(io.StringIO):
    """A stream that says it is a terminal, as stderr does in an interactive shell."""

    def isatty(self) -> bool:
        return True


@pytest.fixture(autouse=True)
def _restore_logging() -> Iterator[None]:
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    root.handlers[:] = handlers
    root.setLevel(level)
    structlog.reset_defaults()
    bblog.configure_default()


def _lines(stream: io.StringIO) -> list[str]:
    return [line for line in stream.getvalue().splitlines() if line.strip()]


def test_json_lines_when_not_on_a_terminal() -> None:
    out = io.StringIO()
    bblog.configure(Settings(log_format="auto"), stream=out)
    bblog.get_logger("bounceback.pipeline").info("message ingested", message_id=42, outcome="processed")
    (line,) = _lines(out)
    record = json.loads(line)
    assert record["event"] == "message ingested"
    assert record["message_id"] == 42
    assert record["level"] == "info"
    assert record["logger"] == "bounceback.pipeline"
    assert record["timestamp"].endswith("Z")


def test_console_on_a_terminal_and_when_asked() -> None:
    for settings, stream in (
        (Settings(log_format="auto"), Terminal()),
        (Settings(log_format="console"), io.StringIO()),
    ):
        bblog.configure(settings, stream=stream)
        bblog.get_logger("t").info("polling mailbox", mailbox="INBOX")
        (line,) = _lines(stream)
        assert "polling mailbox" in line and "mailbox=INBOX" in line
        with pytest.raises(json.JSONDecodeError):
            json.loads(line)


def test_json_forced_on_a_terminal() -> None:
    out = Terminal()
    bblog.configure(Settings(log_format="json"), stream=out)
    bblog.get_logger("t").info("x")
    assert json.loads(_lines(out)[0])["event"] == "x"


def test_stdlib_loggers_share_the_format_and_level() -> None:
    out = io.StringIO()
    bblog.configure(Settings(log_format="json", log_level="WARNING"), stream=out)
    logging.getLogger("uvicorn.error").warning("port %d in use", 8025)
    logging.getLogger("sqlalchemy").info("below the level: not shown")
    (line,) = _lines(out)
    assert json.loads(line) | {"timestamp": None} == {
        "event": "port 8025 in use",
        "level": "warning",
        "logger": "uvicorn.error",
        "timestamp": None,
    }


def test_configuring_twice_does_not_duplicate_lines() -> None:
    first, second = io.StringIO(), io.StringIO()
    bblog.configure(Settings(log_format="json"), stream=first)
    bblog.configure(Settings(log_format="json"), stream=second)
    bblog.get_logger("t").info("once")
    assert first.getvalue() == ""
    assert len(_lines(second)) == 1


SECRETS = [
    ("imap url", {"mailbox": "imaps://bounces:S3cretPw@imap.example.com:993/INBOX"}, "S3cretPw"),
    ("database url", {"url": "postgresql+psycopg://bb:pgS3cret@db:5432/bb"}, "pgS3cret"),
    ("authorization header", {"header": "Authorization: Bearer tok3nValue"}, "tok3nValue"),
    ("authorization key", {"authorization": "Bearer anotherTok3n"}, "anotherTok3n"),
    ("api key in text", {"note": "created key bb_Zx81kQpA0vLm_93nd"}, "bb_Zx81kQpA0vLm_93nd"),
    ("password assignment", {"detail": "login failed user=bounces password=hunter2!"}, "hunter2!"),
    ("password key", {"password": "plainPw123"}, "plainPw123"),
    ("api_key key", {"api_key": "whatever-value"}, "whatever-value"),
    ("nested", {"settings": {"imap_password": "nestedPw", "urls": ["imap://u:listPw@h/"]}}, "listPw"),
]


@pytest.mark.parametrize(("case", "fields", "secret"), SECRETS, ids=[c[0] for c in SECRETS])
def test_secrets_are_redacted(case: str, fields: dict[str, object], secret: str) -> None:
    out = io.StringIO()
    bblog.configure(Settings(log_format="json"), stream=out)
    bblog.get_logger("t").info("event with secret", **fields)
    text = out.getvalue()
    assert secret not in text
    assert "nestedPw" not in text
    assert bblog.REDACTED in text


def test_secrets_in_messages_and_tracebacks_are_redacted() -> None:
    out = io.StringIO()
    bblog.configure(Settings(log_format="json"), stream=out)
    logging.getLogger("kafka").error("cannot reach imaps://u:pw1Secret@h/ password=pw2Secret")
    try:
        raise ConnectionError("connect to postgresql://bb:pw3Secret@db/bb failed")
    except ConnectionError:
        bblog.get_logger("t").exception("database unreachable")
    text = out.getvalue()
    for secret in ("pw1Secret", "pw2Secret", "pw3Secret"):
        assert secret not in text
    assert "ConnectionError" in text  # the traceback itself is kept


def test_redaction_keeps_what_is_not_secret() -> None:
    text = "bounce for user@example.com via imap://imap.example.com/INBOX status=5.1.1"
    assert bblog.redact_text(text) == text


def test_startup_line_masks_the_settings_secrets() -> None:
    out = io.StringIO()
    settings = Settings(
        log_format="json",
        imap_urls="imaps://bounces:urlPw@imap.example.com/INBOX",
        imap_password="filePw",
        secret_key="the-token-signing-key",
    )
    bblog.configure(settings, stream=out)
    bblog.log_startup("worker", settings)
    record = json.loads(_lines(out)[0])
    assert record["process"] == "worker"
    assert record["settings"]["imap_urls"] == "imaps://bounces:***@imap.example.com/INBOX"
    assert record["settings"]["imap_password"] == "***"
    assert record["settings"]["secret_key"] == "***"
    assert "the-token-signing-key" not in out.getvalue()


def test_each_ingested_message_is_logged_with_its_id(database: Database) -> None:
    raw = (Path(__file__).parents[1] / "parsers/fixtures/dsn/single-user-unknown.eml").read_bytes()
    out = io.StringIO()
    settings = Settings(database_url=database.url, log_format="json")
    bblog.configure(settings, stream=out)
    source = "imaps://bounces@imap.example.com:993/INBOX;uid=7"
    first = ingest_message(database, raw, source, settings)
    again = ingest_message(database, raw, source, settings)
    records = [json.loads(line) for line in _lines(out)]
    ingested = [r for r in records if r["event"] == "message_ingested"]
    assert [(r["message_id"], r["duplicate"]) for r in ingested] == [
        (first.message_id, False),
        (again.message_id, True),
    ]
    assert ingested[0] | {"timestamp": None} == {
        "event": "message_ingested",
        "level": "info",
        "logger": "service.app.ingest",
        "timestamp": None,
        "message_id": first.message_id,
        "source": source,
        "outcome": "processed",
        "duplicate": False,
        "message_type": "dsn",
        "account": None,
        "attributed_by": None,
        "events": 1,
        "suppressions_added": 1,
        "quarantine_reason": None,
    }


def test_before_configure_logs_go_to_stdlib_logging_not_stdout(
    capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    # One-shot commands (`ingest`, `suppressions ...`) print results on stdout: no log line may mix in.
    # Through stdlib logging an unconfigured process shows only warnings, on stderr.
    logging.getLogger().setLevel(logging.WARNING)  # as in a fresh process (other tests configure)
    bblog.configure_default()
    bblog.get_logger("t").info("chatter", message_id=1)
    bblog.get_logger("t").warning("worth seeing", url="imap://u:Pw9@h/")
    assert capsys.readouterr().out == ""
    assert "chatter" not in caplog.text
    assert "worth seeing" in caplog.text and "Pw9" not in caplog.text


def test_a_closed_stream_is_not_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    # Client libraries (kafka-python) log from their own threads, sometimes after stderr has closed.
    out = io.StringIO()
    bblog.configure(Settings(log_format="json"), stream=out)
    out.close()
    logging.getLogger("kafka.net.connection").error("Connection lost")
    assert "Logging error" not in capsys.readouterr().err
