"""The account commands: accounts create/list/show, apikey --account, suppressions --account, verp."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from service.domain.tokens import read_verp
from tests import core_samples as samples
from tests.accounts_support import SECRET, VERP_ADDRESS
from tests.cli.test_core import run

RULE = "^[a-z0-9][a-z0-9._-]{0,62}$"


@pytest.fixture()
def cli_env(database_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("BOUNCEBACK_DATABASE_URL", database_url)
    monkeypatch.setenv("BOUNCEBACK_SECRET_KEY", SECRET)
    monkeypatch.setenv("BOUNCEBACK_VERP_ADDRESS", VERP_ADDRESS)
    return database_url


def check(capsys: pytest.CaptureFixture[str], address: str, *account: str) -> dict[str, object]:
    code, out, err = run(capsys, "suppressions", "check", "--json", address, *account)
    assert code == 0, err
    answer: dict[str, object] = json.loads(out)
    return answer


def test_the_done_when_flow(cli_env: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "accounts", "create", "shop-a")
    assert code == 0 and out.startswith("created account shop-a")
    run(capsys, "accounts", "create", "shop-b")
    code, out, err = run(
        capsys, "apikey", "create", "--name", "shop-a-sender", "--scope", "read", "--account", "shop-a"
    )
    assert code == 0 and out.strip().startswith("bb_") and "account shop-a" in err
    complaint = samples.complaint("jane@example.com", "c1", original={"X-Bounceback-Account": "shop-a"})
    assert run(capsys, "ingest", "-q", str(samples.write(tmp_path, "c.eml", complaint)))[0] == 0
    assert check(capsys, "jane@example.com", "--account", "shop-a") == {
        "address": "jane@example.com",
        "suppressed": True,
        "reason": "complaint",
        "scope": "account",
        "account": "shop-a",
    }
    assert check(capsys, "jane@example.com", "--account", "shop-b")["suppressed"] is False
    assert check(capsys, "jane@example.com")["suppressed"] is False  # global entries only


def test_accounts_list_show_and_their_errors(cli_env: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys, "accounts", "create", "shop-a", "--name", "Shop A", "--domain", "Shop-A.example"
    )
    assert code == 0
    code, out, _ = run(
        capsys, "accounts", "create", "shop-a", "--name", "Shop A", "--domain", "shop-a.example"
    )
    assert code == 0 and out.startswith("exists already, unchanged")
    code, _, err = run(capsys, "accounts", "create", "shop-a", "--name", "Other")
    assert code == 1 and len(err.strip().splitlines()) == 1 and "exists with other values" in err
    code, _, err = run(capsys, "accounts", "create", "shop-b", "--domain", "shop-a.example")
    assert code == 1 and "belongs to account 'shop-a'" in err
    code, _, err = run(capsys, "accounts", "create", "Shop B")
    assert code == 1 and RULE in err and len(err.strip().splitlines()) == 1
    code, out, _ = run(capsys, "accounts", "list")
    assert out.splitlines() == ["shop-a\tShop A\tshop-a.example"]
    code, out, _ = run(capsys, "accounts", "list", "--json")
    assert [json.loads(line)["domains"] for line in out.splitlines()] == [["shop-a.example"]]
    code, out, _ = run(capsys, "accounts", "show", "shop-a")
    assert code == 0 and json.loads(out)["name"] == "Shop A"
    code, out, err = run(capsys, "accounts", "show", "shop-z")
    assert (code, out, err.strip()) == (1, "", "bounceback: no account 'shop-z'")
    code, _, err = run(capsys, "apikey", "create", "--name", "k", "--scope", "read", "--account", "shop-z")
    assert (code, err.strip()) == (1, "bounceback: no account 'shop-z'")
    code, _, err = run(capsys, "suppressions", "check", "x@example.com", "--account", "shop-z")
    assert (code, err.strip()) == (1, "bounceback: no account 'shop-z'")


def test_apikey_list_names_the_account(cli_env: str, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "accounts", "create", "shop-a")
    run(capsys, "apikey", "create", "--name", "bound", "--scope", "read", "--account", "shop-a")
    run(capsys, "apikey", "create", "--name", "global", "--scope", "admin")
    code, out, _ = run(capsys, "apikey", "list", "--json")
    assert code == 0
    assert {(k["name"], k["account"]) for k in map(json.loads, out.splitlines())} == {
        ("bound", "shop-a"),
        ("global", None),
    }


def test_suppressions_commands_act_for_an_account(
    cli_env: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "accounts", "create", "shop-a")
    run(capsys, "accounts", "create", "shop-b")
    assert (
        run(capsys, "suppressions", "add", "jane@example.com", "--account", "shop-a")[1]
        == "jane@example.com\tadded\n"
    )
    run(capsys, "suppressions", "add", "bob@example.com")
    run(capsys, "suppressions", "add", "carl@example.com", "--account", "shop-b")
    code, out, _ = run(capsys, "suppressions", "check", "jane@example.com", "--account", "shop-a")
    assert out == "jane@example.com\tsuppressed (manual, account shop-a)\n"
    code, out, _ = run(capsys, "suppressions", "list", "--account", "shop-a")
    assert [line.split("\t")[0] + "/" + line.split("\t")[-1] for line in out.splitlines()] == [
        "bob@example.com/(global)",
        "jane@example.com/shop-a",
    ]
    code, out, _ = run(capsys, "suppressions", "list")  # every entry
    assert len(out.splitlines()) == 3
    export = tmp_path / "a.csv"
    run(capsys, "suppressions", "export", str(export), "--account", "shop-a")
    assert (
        export.read_text().splitlines()[1:]
        == [line for line in export.read_text().splitlines()[1:] if "carl" not in line]
        and len(export.read_text().splitlines()) == 3
    )
    # Removing shop-a's entry leaves the others; a global removal does not touch shop-a's.
    assert (
        run(capsys, "suppressions", "remove", "jane@example.com")[1] == "jane@example.com\tnot suppressed\n"
    )
    assert run(capsys, "suppressions", "remove", "jane@example.com", "--account", "shop-a")[1].endswith(
        "removed\n"
    )
    # An export of everything imports elsewhere with its scopes; --account scopes a plain file.
    everything = tmp_path / "all.csv"
    run(capsys, "suppressions", "export", str(everything))
    rows = everything.read_text().splitlines()
    assert rows[0] == "address,reason,since,note,account" and any(r.endswith(",shop-b") for r in rows)
    plain = tmp_path / "plain.csv"
    plain.write_text("address\nnew@example.com\n")
    code, out, _ = run(capsys, "suppressions", "import", str(plain), "--account", "shop-b")
    assert code == 0 and "1 added" in out
    assert check(capsys, "new@example.com", "--account", "shop-b")["account"] == "shop-b"
    assert check(capsys, "new@example.com", "--account", "shop-a")["suppressed"] is False


def test_verp_prints_a_return_path_that_verifies(cli_env: str, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "accounts", "create", "shop-a")
    code, out, _ = run(capsys, "verp", "shop-a", "Jane@Example.com", "bob@example.org")
    assert code == 0
    lines = out.splitlines()
    claims = [read_verp(SECRET.encode(), line) for line in lines]
    assert [(c.account, c.recipient) for c in claims if c] == [
        ("shop-a", "jane@example.com"),
        ("shop-a", "bob@example.org"),
    ]
    assert all(line.startswith("bounces+") and line.endswith("@bounce.example") for line in lines)
    code, out, err = run(capsys, "verp", "shop-z", "j@example.com")
    assert (code, out, err.strip()) == (1, "", "bounceback: no account 'shop-z'")
    code, _, err = run(capsys, "verp", "shop-a", "nonsense")
    assert code == 1 and "not an email address" in err


def test_verp_without_a_return_address_is_one_line_and_exit_2(
    cli_env: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("BOUNCEBACK_VERP_ADDRESS", "")
    code, _, err = run(capsys, "verp", "shop-a", "j@example.com")
    assert (code, err.strip()) == (
        2,
        "bounceback: BOUNCEBACK_VERP_ADDRESS is not set: no VERP return path can be made",
    )
    monkeypatch.setenv("BOUNCEBACK_VERP_ADDRESS", "bounces+x@bounce.example")
    code, _, err = run(capsys, "accounts", "list")
    assert code == 2 and err.startswith("bounceback: invalid setting BOUNCEBACK_VERP_ADDRESS: ")
    assert len(err.strip().splitlines()) == 1
