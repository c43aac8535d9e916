"""Mailbox URLs: where passwords come from, folder options, and errors that never show a secret."""

from __future__ import annotations

from pathlib import Path

import pytest

from consumers.mailbox_url import MailboxConfigError, parse_mailbox_url, parse_mailbox_urls
from service.config import Settings


def settings(**values: object) -> Settings:
    return Settings(**values)  # type: ignore[arg-type]


def test_url_parts_defaults_and_label_without_password() -> None:
    cfg = parse_mailbox_url("imaps://bounce%40example.org:p%2Cw@mail.example.org/Bounces", settings())
    assert (cfg.scheme, cfg.host, cfg.port, cfg.user, cfg.password, cfg.folder) == (
        "imaps",
        "mail.example.org",
        993,
        "bounce@example.org",
        "p,w",
        "Bounces",
    )
    assert (cfg.processed_folder, cfg.quarantine_folder) == ("Processed", "Quarantine")
    assert cfg.label == "imaps://bounce@example.org@mail.example.org:993/Bounces"
    assert "p,w" not in repr(cfg)
    plain = parse_mailbox_url("imap://fbl:x@127.0.0.1", settings())
    assert (plain.port, plain.folder, plain.require_starttls) == (143, "INBOX", False)


def test_password_from_url_then_url_file_then_settings_file_then_settings(tmp_path: Path) -> None:
    url_file = tmp_path / "url-pw"
    url_file.write_text("from-url-file\n")
    env_file = tmp_path / "env-pw"
    env_file.write_text("from-env-file\n")
    s = settings(imap_password="from-env", imap_password_file=str(env_file))
    assert parse_mailbox_url("imap://u:inline@h/INBOX", s).password == "inline"
    assert parse_mailbox_url(f"imap://u@h/INBOX?password_file={url_file}", s).password == "from-url-file"
    assert parse_mailbox_url("imap://u@h/INBOX", s).password == "from-env-file"
    assert parse_mailbox_url("imap://u@h/INBOX", settings(imap_password="from-env")).password == "from-env"


def test_several_urls_with_options_and_settings_defaults() -> None:
    s = settings(
        imap_urls="imap://a:1@h/INBOX?processed=Done&quarantine=Odd, imap://b:2@h:1143/FBL?starttls=require",
        imap_processed_folder="Handled",
    )
    first, second = parse_mailbox_urls(s)
    assert (first.processed_folder, first.quarantine_folder) == ("Done", "Odd")
    assert (second.port, second.folder, second.processed_folder, second.require_starttls) == (
        1143,
        "FBL",
        "Handled",
        True,
    )
    assert parse_mailbox_urls(settings(imap_urls=" ")) == []
    assert parse_mailbox_urls(settings(imap_urls="imap://a:1@h", imap_require_starttls=True))[
        0
    ].require_starttls


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("pop3://u:hunter2@h/INBOX", "scheme 'pop3'"),
        ("imap://:hunter2@h/INBOX", "no user name"),
        ("imap://u@h/INBOX", "no password"),
        ("imap://u:hunter2@h/INBOX?verify=no", "unknown option 'verify'"),
        ("imap://u:hunter2@h:99999/INBOX", "not a valid URL"),
        (
            "imap://u:hunter2@h/INBOX?ca_file=/nonexistent/ca.pem",
            "ca_file /nonexistent/ca.pem does not exist",
        ),
        ("imap://u:hunter2@h/INBOX?starttls=maybe", "starttls must be"),
        ("imap://u:hunter2@h/INBOX?processed=INBOX", "must all differ"),
        ("imap://u@h/INBOX?password_file=/nonexistent/pw", "cannot read password file"),
    ],
)
def test_unusable_urls_give_one_line_without_the_password(url: str, expected: str) -> None:
    with pytest.raises(MailboxConfigError) as info:
        parse_mailbox_url(url, settings())
    message = str(info.value)
    assert expected in message
    assert "hunter2" not in message
    assert "\n" not in message


def test_the_same_mailbox_twice_is_refused() -> None:
    with pytest.raises(MailboxConfigError, match="listed twice"):
        parse_mailbox_urls(settings(imap_urls="imap://u:1@h/INBOX,imap://u:2@h:143/INBOX"))


def test_metrics_name_a_mailbox_by_host_and_folder_never_by_user_or_url() -> None:
    configs = parse_mailbox_urls(
        settings(
            imap_urls="imaps://bounces:pw@mail.example.org/INBOX,imaps://fbl:pw@mail.example.org:10993/INBOX,"
            "imap://x:pw@other.example.org/Bounces?name=isp-feedback"
        )
    )
    # Two mailboxes in one folder of one host (different users) stay apart, by their position.
    assert [c.metric_name for c in configs] == [
        "mail.example.org/INBOX",
        "mail.example.org/INBOX#2",
        "isp-feedback",
    ]


def test_a_metrics_name_given_twice_is_refused() -> None:
    with pytest.raises(MailboxConfigError, match="name 'feedback' is given twice"):
        parse_mailbox_urls(
            settings(
                imap_urls="imap://a:pw@one.example.org?name=feedback,imap://b:pw@two.example.org?name=feedback"
            )
        )
