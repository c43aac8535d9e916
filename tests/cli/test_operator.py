"""What people running the CLI rely on: the version, exit codes for scripts, the ingest summary."""

from __future__ import annotations

import io
from importlib.metadata import version
from pathlib import Path

import pytest

from service.cli.ingest import QUARANTINED_LISTED as LISTED
from service.cli.ingest import Progress, Summary
from service.sources import count_messages
from tests import core_samples as samples
from tests.cli.test_core import run


@pytest.fixture()
def cli_env(database_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("BOUNCEBACK_DATABASE_URL", database_url)
    return database_url


def test_version_names_the_installed_release(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--version")
    assert code == 0, err
    assert out.strip() == f"bounceback {version('bounceback')}"


def test_check_exit_code_says_whether_any_address_is_suppressed(
    cli_env: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "suppressions", "add", "gone@example.com")[0] == 0
    code, out, _ = run(
        capsys, "suppressions", "check", "--exit-code", "free@example.com", "other@example.com"
    )
    assert code == 0 and out.count("not suppressed") == 2
    code, out, _ = run(capsys, "suppressions", "check", "--exit-code", "free@example.com", "Gone@Example.com")
    assert code == 1 and "gone@example.com\tsuppressed (manual)" in out
    # Without the flag the answer is only printed; a script cannot mistake it for a failure.
    assert run(capsys, "suppressions", "check", "gone@example.com")[0] == 0
    # Input that is not an address is an error, told apart from "suppressed".
    code, _, err = run(capsys, "suppressions", "check", "--exit-code", "gone@example.com", "nonsense")
    assert code == 2 and "nonsense" in err


def test_the_ingest_summary_counts_complaints_apart_and_lists_quarantined_messages(
    cli_env: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    samples.write(tmp_path, "a-hard.eml", samples.hard_bounce("hard@example.com"))
    samples.write(tmp_path, "b-complaint.eml", samples.complaint("complainer@example.com"))
    samples.write(tmp_path, "c-soft.eml", samples.soft_bounce("soft@example.com"))
    humans = [
        samples.write(tmp_path, f"human-{i:02}.eml", samples.human_mail(f"m{i}")) for i in range(LISTED + 5)
    ]
    code, out, _ = run(capsys, "ingest", str(tmp_path))
    assert code == 0
    assert "events: 3 (hard bounces 1, soft bounces 1, complaints 1, ignored 0)" in out
    lines = out.splitlines()
    start = lines.index(f"quarantined messages ({len(humans)}):")
    listed = lines[start + 1 : start + 1 + LISTED]
    assert [line.split(": ", 1)[0].strip() for line in listed] == [str(p) for p in humans[:LISTED]]
    assert all("no events found" in line for line in listed)
    assert lines[start + 1 + LISTED].strip() == "and 5 more"


def test_ingest_warns_when_the_input_held_no_messages(
    cli_env: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "maildir"
    for d in ("cur", "new", "tmp"):
        (empty / d).mkdir(parents=True)
    code, out, err = run(capsys, "ingest", str(empty))
    assert code == 0
    assert f"bounceback: warning: no messages found in {empty}" in err
    assert "messages: 0" in out


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_progress_bar_shows_the_total_when_it_is_known(tmp_path: Path) -> None:
    for i in range(3):
        samples.write(tmp_path / "folder", f"m{i}.eml", samples.human_mail(f"p{i}"))
    mbox = tmp_path / "box.mbox"
    mbox.write_bytes(b"From x Mon Nov 16 10:00:00 2026\nSubject: one\n\nbody\n")
    assert count_messages([str(tmp_path / "folder"), str(tmp_path / "missing.eml")]) == 4
    assert count_messages([str(tmp_path / "folder"), str(mbox)]) is None  # an mbox must be read to count

    screen = Terminal()
    progress = Progress(screen, enabled=True, total=4)
    summary = Summary()
    summary.messages = 3
    progress.update(summary)
    assert "3/4 messages" in screen.getvalue()
    unknown = Terminal()
    Progress(unknown, enabled=True, total=None).update(summary)
    assert "3 messages" in unknown.getvalue() and "/" not in unknown.getvalue()
