"""The core commands: ingest, suppressions check/add/remove/list/import/export, db upgrade."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from service.wiring.main import main
from tests import core_samples as samples

BASE = datetime.now(UTC) - timedelta(days=10)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture()
def cli_env(database_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("BOUNCEBACK_DATABASE_URL", database_url)
    return database_url


def check(capsys: pytest.CaptureFixture[str], *addresses: str) -> dict[str, tuple[bool, str | None]]:
    code, out, _ = run(capsys, "suppressions", "check", "--json", *addresses)
    assert code == 0
    lines = [json.loads(line) for line in out.splitlines()]
    assert [line["address"] for line in lines] == list(addresses)
    return {line["address"]: (line["suppressed"], line["reason"]) for line in lines}


def test_ingest_applies_the_policy_and_a_second_run_changes_nothing(
    cli_env: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mail = tmp_path / "maildir"
    for d in ("cur", "new", "tmp"):
        (mail / d).mkdir(parents=True)
    for i in range(4):
        samples.write(
            mail / "new",
            f"soft{i}",
            samples.soft_bounce("soft@example.com", f"s{i}", BASE + timedelta(days=i)),
        )
    for i in range(5):
        samples.write(
            mail / "new", f"block{i}", samples.blocklist_rejection("blocked@example.com", f"b{i}", BASE)
        )
    samples.write(mail / "cur", "hard", samples.hard_bounce("hard@example.com"))
    samples.write(mail / "cur", "arf", samples.complaint("complainer@example.com"))
    samples.write(mail / "cur", "ooo", samples.auto_reply("away@example.com"))
    samples.write(mail / "cur", "delay", samples.delay_warning("slow@example.com"))
    samples.write(mail / "cur", "human", samples.human_mail())
    mbox = tmp_path / "more.mbox"
    mbox.write_bytes(
        b"From MAILER-DAEMON Mon Nov 16 10:00:00 2026\n"
        + samples.soft_bounce("soft@example.com", "fifth", BASE).replace(b"\r\n", b"\n")
        + b"\n"
    )

    code, out, err = run(capsys, "ingest", str(mail), str(mbox), str(tmp_path / "missing.eml"))
    assert code == 1  # the missing file is reported, the rest goes on
    assert "cannot read" in err and "missing.eml" in err
    assert "messages: 15 (new 15, duplicates 0, quarantined 1, failed 1)" in out
    assert "events: 14 (hard bounces 1, soft bounces 10, complaints 1, ignored 2)" in out
    assert "suppressions added: 3" in out

    addresses = ("soft@example.com", "blocked@example.com", "hard@example.com", "complainer@example.com")
    assert check(capsys, *addresses, "away@example.com", "slow@example.com") == {
        "soft@example.com": (True, "soft_bounce_threshold"),  # four in the maildir, the fifth in the mbox
        "blocked@example.com": (False, None),
        "hard@example.com": (True, "hard_bounce"),
        "complainer@example.com": (True, "complaint"),
        "away@example.com": (False, None),
        "slow@example.com": (False, None),
    }


def test_five_soft_bounces_suppress_through_the_cli_and_reingesting_changes_nothing(
    cli_env: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "bounces"
    for i in range(4):
        samples.write(
            folder, f"{i}.eml", samples.soft_bounce("five@example.com", f"f{i}", BASE + timedelta(days=i))
        )
    samples.write(folder, "0-copy.eml", samples.soft_bounce("five@example.com", "f0", BASE))  # a redelivery
    code, out, _ = run(capsys, "ingest", str(folder))
    assert code == 0 and "duplicates 1" in out and "suppressions added: 0" in out
    assert check(capsys, "five@example.com") == {"five@example.com": (False, None)}

    samples.write(folder, "4.eml", samples.soft_bounce("five@example.com", "f4", BASE + timedelta(days=4)))
    code, out, _ = run(capsys, "ingest", str(folder))
    assert code == 0 and "new 1, duplicates 5" in out and "suppressions added: 1" in out
    assert check(capsys, "five@example.com") == {"five@example.com": (True, "soft_bounce_threshold")}

    code, out, _ = run(capsys, "ingest", str(folder))
    assert code == 0
    assert "messages: 6 (new 0, duplicates 6, quarantined 0, failed 0)" in out
    assert "suppressions added: 0" in out


def test_manage_the_list_add_remove_list_export_import(
    cli_env: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "suppressions", "add", "A@Example.com", "nonsense", "--note", "by hand")
    assert code == 1 and "not an email address" in err
    assert out.splitlines() == ["a@example.com\tadded"]
    code, out, _ = run(capsys, "suppressions", "add", "a@example.com")
    assert out.splitlines() == ["a@example.com\talready suppressed (manual)"]

    export = tmp_path / "list.csv"
    assert run(capsys, "suppressions", "export", str(export))[0] == 0
    lines = export.read_text().splitlines()
    assert lines[0] == "address,reason,since,note,account"
    assert lines[1].startswith("a@example.com,manual,") and lines[1].endswith(",by hand,")  # global

    code, out, _ = run(capsys, "suppressions", "remove", "a@example.com", "b@example.com")
    assert out.splitlines() == ["a@example.com\tremoved", "b@example.com\tnot suppressed"]
    assert check(capsys, "a@example.com") == {"a@example.com": (False, None)}

    source = tmp_path / "import.csv"
    source.write_text(
        "Address,Reason,Since,Note\n"
        + lines[1]
        + "\n"
        + "c@example.com,hard_bounce,2025-01-02T03:04:05Z,old system\n"
        + "not-an-address,,,\n"
        + "d@example.com,,,\n"
    )
    code, out, err = run(capsys, "suppressions", "import", str(source))
    assert code == 1 and "import.csv:4" in err
    assert "imported: 3 added, 0 already suppressed, 1 rejected" in out

    code, out, _ = run(capsys, "suppressions", "list", "--json")
    entries = {e["address"]: e for e in map(json.loads, out.splitlines())}
    assert set(entries) == {"a@example.com", "c@example.com", "d@example.com"}
    assert entries["c@example.com"]["reason"] == "hard_bounce"
    assert entries["c@example.com"]["since"] == "2025-01-02T03:04:05Z"
    assert entries["d@example.com"]["reason"] == "manual"

    code, out, _ = run(capsys, "suppressions", "list", "--reason", "hard_bounce")
    assert [line.split("\t")[0] for line in out.splitlines()] == ["c@example.com"]


def test_db_upgrade_creates_the_schema(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("BOUNCEBACK_DATABASE_URL", f"sqlite:///{tmp_path / 'fresh.db'}")
    code, out, _ = run(capsys, "db", "upgrade")
    assert code == 0 and "newest schema" in out
    assert check(capsys, "x@example.com") == {"x@example.com": (False, None)}


def test_an_unreachable_database_is_one_clear_line_and_exit_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    samples.write(tmp_path, "m.eml", samples.hard_bounce("x@example.com"))
    unreachable = "postgresql+psycopg://postgres@127.0.0.1:9/nothing"
    proc = subprocess.run(
        [sys.executable, "-m", "service.wiring", "ingest", str(tmp_path / "m.eml")],
        env={**os.environ, "BOUNCEBACK_DATABASE_URL": unreachable},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 2 and proc.stdout == ""
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("bounceback: database unreachable (")

    monkeypatch.setenv("BOUNCEBACK_DATABASE_URL", unreachable)
    code, out, err = run(capsys, "suppressions", "check", "x@example.com")
    assert code == 2 and out == ""
    assert err.startswith("bounceback: database unreachable (") and len(err.strip().splitlines()) == 1
