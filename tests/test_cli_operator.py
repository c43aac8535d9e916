"""What people running the CLI rely on: the version, exit codes for scripts, the ingest summary."""

from __future__ import annotations

from importlib.metadata import version

import pytest

from tests.test_cli_core import run


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
