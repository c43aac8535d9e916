"""`bounceback unsubscribe-link`: the links and the two header lines; the link settings are checked
at start-up by every command, with one line naming the setting."""

from __future__ import annotations

import json

import pytest

from service.domain.tokens import LinkClaim, read_link_token, read_unsubscribe_address
from tests.accounts_support import SECRET, VERP_ADDRESS
from tests.cli.test_core import run

PUBLIC_URL = "https://links.example"


@pytest.fixture()
def cli_env(database_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("BOUNCEBACK_DATABASE_URL", database_url)
    monkeypatch.setenv("BOUNCEBACK_SECRET_KEY", SECRET)
    monkeypatch.setenv("BOUNCEBACK_VERP_ADDRESS", VERP_ADDRESS)
    monkeypatch.setenv("BOUNCEBACK_PUBLIC_URL", PUBLIC_URL)
    monkeypatch.setenv("BOUNCEBACK_UNSUBSCRIBE_ADDRESS", "unsubscribe@bounce.example")
    return database_url


def test_it_prints_the_urls_the_mailto_and_the_header_lines(
    cli_env: str, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "accounts", "create", "shop-a")
    code, out, err = run(capsys, "unsubscribe-link", "shop-a", "Jane@Example.com")
    assert code == 0, err
    lines = dict(line.split(": ", 1) for line in out.splitlines())
    token = lines["unsubscribe URL"].rsplit("/", 1)[1]
    claim = LinkClaim("shop-a", "jane@example.com")
    assert read_link_token(SECRET.encode(), token) == claim
    assert lines["unsubscribe URL"] == f"{PUBLIC_URL}/u/{token}"
    assert lines["report-spam URL"] == f"{PUBLIC_URL}/r/{token}"
    assert read_unsubscribe_address(SECRET.encode(), lines["mailto"]) == claim
    assert lines["List-Unsubscribe"] == (
        f"<{PUBLIC_URL}/u/{token}>, <mailto:{lines['mailto']}?subject=unsubscribe>"
    )
    assert lines["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_json_gives_one_object_per_recipient(cli_env: str, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "accounts", "create", "shop-a")
    code, out, _ = run(capsys, "unsubscribe-link", "--json", "shop-a", "a@example.com", "b@example.com")
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert [(row["account"], row["recipient"]) for row in rows] == [
        ("shop-a", "a@example.com"),
        ("shop-a", "b@example.com"),
    ]
    assert rows[0]["header_lines"][1] == "List-Unsubscribe-Post: List-Unsubscribe=One-Click"


def test_bad_input_is_one_line(cli_env: str, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "accounts", "create", "shop-a")
    code, out, err = run(capsys, "unsubscribe-link", "shop-z", "j@example.com")
    assert (code, out, err.strip()) == (1, "", "bounceback: no account 'shop-z'")
    code, _, err = run(capsys, "unsubscribe-link", "shop-a", "nonsense")
    assert code == 1 and "not an email address" in err


def test_without_a_public_url_no_link_is_made(
    cli_env: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("BOUNCEBACK_PUBLIC_URL", "")
    code, _, err = run(capsys, "unsubscribe-link", "shop-a", "j@example.com")
    assert (code, err.strip()) == (
        2,
        "bounceback: BOUNCEBACK_PUBLIC_URL is not set: no unsubscribe link can be made",
    )


@pytest.mark.parametrize(
    ("name", "value", "words"),
    [
        ("BOUNCEBACK_PUBLIC_URL", "http://links.example", "must be https"),
        ("BOUNCEBACK_PUBLIC_URL", "https://links.example/?x=1", "no query"),
        ("BOUNCEBACK_UNSUBSCRIBE_ADDRESS", "unsubscribe+x@bounce.example", "must not contain the separator"),
        ("BOUNCEBACK_UNSUBSCRIBE_ADDRESS", VERP_ADDRESS, "must differ from BOUNCEBACK_VERP_ADDRESS"),
    ],
)
def test_a_bad_link_setting_stops_every_command_with_one_line(
    cli_env: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    name: str,
    value: str,
    words: str,
) -> None:
    monkeypatch.setenv(name, value)
    code, _, err = run(capsys, "accounts", "list")
    assert code == 2 and err.startswith(f"bounceback: invalid setting {name}: ")
    assert words in err and len(err.strip().splitlines()) == 1
