"""`bounceback sends import` and `accounts status|reputation|pause|resume`; the ladder's settings
checked at start-up."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests import core_samples as samples
from tests.cli.test_core import run


@pytest.fixture()
def cli_env(database_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("BOUNCEBACK_DATABASE_URL", database_url)
    return database_url


def test_import_status_reputation_pause_resume(
    cli_env: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "accounts", "create", "shop-a")[0] == 0
    now = (datetime.now(UTC) - timedelta(minutes=1)).isoformat()
    lines = ["account,message_id,recipient,sent_at"]
    lines += [f"shop-a,<orig-shop-a-{i}@sender.example>,r{i}@example.com,{now}" for i in range(200)]
    lines += [
        f"shop-a,<orig-shop-a-0@sender.example>,r0@example.com,{now}",
        "nobody,m,a@example.com," + now,
        "shop-a,short",
    ]
    csv_file = tmp_path / "sends.csv"
    csv_file.write_text("\n".join(lines) + "\n")
    code, out, err = run(capsys, "sends", "import", str(csv_file))
    assert code == 1  # some rows were rejected (the rest is stored)
    assert out.strip() == "200 sends stored, 1 already known, 2 rejected (of 203)"
    assert err.splitlines() == [
        "line 203: no account 'nobody'",
        "line 204: expected 4 fields (account,message_id,recipient,sent_at), found 2",
    ]
    code, out, _ = run(capsys, "sends", "import", "--json", str(csv_file))
    assert json.loads(out)["duplicates"] == 201

    for i in range(12):  # 6%
        raw = samples.hard_bounce(
            f"r{i}@example.com", f"shop-a-{i}", datetime.now(UTC) - timedelta(seconds=30)
        )
        assert run(capsys, "ingest", "-q", str(samples.write(tmp_path, f"b{i}.eml", raw)))[0] == 0
    code, out, _ = run(capsys, "accounts", "status", "shop-a", "--json")
    status = json.loads(out)
    assert (status["status"], status["send_rate_factor"], status["sent"], status["hard_bounces"]) == (
        "warning_1",
        0.5,
        200,
        12,
    )
    code, out, _ = run(capsys, "accounts", "status", "shop-a")
    assert out.splitlines()[0] == "shop-a: warning_1 (send-rate factor 0.5)"
    assert "200 sent, 12 hard bounces (6.00%)" in out
    code, out, _ = run(capsys, "accounts", "reputation", "shop-a", "--days", "2")
    table = out.splitlines()
    assert table[0] == "shop-a: warning_1 (send-rate factor 0.5)"
    assert table[1].split() == [
        "day",
        "sent",
        "hard",
        "soft",
        "complaints",
        "unsubs",
        "bounce",
        "%",
        "complaint",
        "%",
        "verdict",
    ]
    assert table[2].split()[1:3] == ["200", "12"] and table[2].split()[-1] == "warning_1"
    assert table[4] == "status changes (newest first):" and len(table) == 6
    assert table[5].split()[1:] == ["ok", "->", "warning_1", "(bounce_warning_1;", "reputation)"]
    code, out, _ = run(capsys, "accounts", "reputation", "shop-a", "--json")
    assert len(json.loads(out)["days"]) == 30

    assert (
        run(capsys, "accounts", "pause", "shop-a", "--note", "complaints by phone")[1].strip()
        == "account shop-a paused"
    )
    assert json.loads(run(capsys, "accounts", "status", "shop-a", "--json")[1])["status"] == "paused"
    assert run(capsys, "accounts", "resume", "shop-a")[1].strip() == "account shop-a resumed"
    history = run(capsys, "accounts", "reputation", "shop-a", "--days", "1")[1].splitlines()
    assert history[-3].endswith("paused -> ok  (by hand: (no note); cli)")
    assert history[-2].endswith("warning_1 -> paused  (by hand: complaints by phone; cli)")
    code, out, _ = run(capsys, "accounts", "resume", "shop-a")
    assert code == 0
    # (back to ok: the day's figures throttle it again with its next sends or bounces, not pause it)
    assert out.strip() == "shop-a: the account is not paused (its status is ok); nothing changed"


def test_bad_ids_and_files(cli_env: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for args in (
        ("accounts", "status", "nobody"),
        ("accounts", "reputation", "nobody"),
        ("accounts", "resume", "nobody"),
    ):
        code, _, err = run(capsys, *args)
        assert (code, err) == (1, "bounceback: no account 'nobody'\n")
    code, _, err = run(capsys, "accounts", "status", "Bad Id")
    assert code == 1 and "invalid account id" in err
    code, _, err = run(capsys, "sends", "import", str(tmp_path / "missing.csv"))
    assert code == 1 and "cannot read" in err


@pytest.mark.parametrize(
    ("variable", "value", "message"),
    [
        (
            "BOUNCEBACK_REPUTATION_BOUNCE_WARNING_2",
            "5",
            "bounce_warning_2 is 5%: must be above bounce_warning_1 (6%)",
        ),
        (
            "BOUNCEBACK_REPUTATION_COMPLAINT_PAUSED",
            "101",
            "complaint_paused is 101%: must be above 0 and at most 100",
        ),
        ("BOUNCEBACK_REPUTATION_FACTOR_WARNING_1", "1.5", "factor_warning_1 is 1.5: must be within 0 and 1"),
        ("BOUNCEBACK_REPUTATION_MIN_SENT", "0", "min_sent is 0: must be at least 1"),
        ("BOUNCEBACK_SEND_RETENTION_DAYS", "0", "Input should be greater than or equal to 1"),
    ],
)
def test_a_bad_ladder_setting_stops_start_up_with_one_line(
    tmp_path: Path, variable: str, value: str, message: str
) -> None:
    env = {**os.environ, "BOUNCEBACK_DATABASE_URL": f"sqlite:///{tmp_path / 'bb.db'}", variable: value}
    for command in (["worker"], ["accounts", "status", "shop-a"]):
        done = subprocess.run(
            [sys.executable, "-m", "service.wiring", *command],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert done.returncode == 2
        assert done.stderr == f"bounceback: invalid setting {variable}: {message}\n"
