"""Mailbox settings: `BOUNCEBACK_IMAP_URLS` entries parsed into typed mailbox configurations.

An entry is `imap[s]://user[:password]@host[:port][/folder][?option=value&...]`. Options:
`password_file` (read the password from a file), `ca_file` (trust this CA bundle, for a private
CA), `starttls=require` (refuse an `imap://` server that does not offer STARTTLS), `processed` and
`quarantine` (folder names for this mailbox), `name` (the mailbox's name in metrics; default
`host/folder`). A password missing from the URL comes from
`password_file`, else `BOUNCEBACK_IMAP_PASSWORD_FILE`, else `BOUNCEBACK_IMAP_PASSWORD`. Nothing
here ever puts a password into an error message: `MailboxConfig.label` is the URL without it.
"""

from __future__ import annotations

import ssl
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlsplit

from service.config import Settings

DEFAULT_PORTS = {"imap": 143, "imaps": 993}
_OPTIONS = frozenset({"password_file", "ca_file", "starttls", "processed", "quarantine", "name"})


class MailboxConfigError(Exception):
    """A mailbox URL is unusable; the message is one line naming the mailbox (never the password)."""


@dataclass(frozen=True)
class MailboxConfig:
    """One mailbox to read: where it is, how to log in, and where handled messages go."""

    scheme: str  # imap | imaps
    host: str
    port: int
    user: str
    password: str = field(repr=False)
    folder: str = "INBOX"
    processed_folder: str = "Processed"
    quarantine_folder: str = "Quarantine"
    ca_file: str | None = None
    require_starttls: bool = False
    name: str | None = None  # the `name` option; see metric_name

    @property
    def label(self) -> str:
        """The mailbox as a URL without the password: for logs and the message source."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{self.scheme}://{self.user}@{host}:{self.port}/{self.folder}"

    @property
    def metric_name(self) -> str:
        """The mailbox in metric labels: its `name`, else host and folder. Never the user or the URL:
        label values are shown to whoever can scrape, and kept by the monitoring system for good."""
        return self.name or f"{self.host}/{self.folder}"

    def ssl_context(self) -> ssl.SSLContext:
        """Certificates and host names are always verified; `ca_file` only changes whom we trust."""
        return ssl.create_default_context(ssl.Purpose.SERVER_AUTH, cafile=self.ca_file)


def _read_password_file(path: str, label: str) -> str:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise MailboxConfigError(f"{label}: cannot read password file {path}: {exc.strerror}") from None
    # Files written by `echo` or secret managers end with a newline that is not part of the password.
    return text.rstrip("\r\n")


def parse_mailbox_url(url: str, settings: Settings) -> MailboxConfig:
    """One URL → MailboxConfig; raises MailboxConfigError with a one-line, password-free message."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
        host = parts.hostname
    except ValueError:
        # urlsplit's own message may quote the URL, password included: say only what is wrong.
        raise MailboxConfigError("a BOUNCEBACK_IMAP_URLS entry is not a valid URL (host or port)") from None
    scheme = parts.scheme.lower()
    if scheme not in DEFAULT_PORTS:
        raise MailboxConfigError(
            f"a BOUNCEBACK_IMAP_URLS entry has scheme {scheme or '(none)'!r}; use imap:// or imaps://"
        )
    if not host:
        raise MailboxConfigError(f"a BOUNCEBACK_IMAP_URLS entry ({scheme}://...) has no host")
    user = unquote(parts.username or "")
    folder = unquote(parts.path.lstrip("/")) or "INBOX"
    port = port or DEFAULT_PORTS[scheme]
    label = f"{scheme}://{user}@{host}:{port}/{folder}"
    if not user:
        raise MailboxConfigError(f"{label}: no user name in the URL")

    options: dict[str, str] = {}
    for key, value in parse_qsl(parts.query, keep_blank_values=True):
        if key not in _OPTIONS:
            raise MailboxConfigError(
                f"{label}: unknown option {key!r} (known: {', '.join(sorted(_OPTIONS))})"
            )
        options[key] = value

    if parts.password is not None:
        password = unquote(parts.password)
    elif options.get("password_file"):
        password = _read_password_file(options["password_file"], label)
    elif settings.imap_password_file:
        password = _read_password_file(settings.imap_password_file, label)
    else:
        password = settings.imap_password
    if not password:
        raise MailboxConfigError(
            f"{label}: no password (put it in the URL, ?password_file=, "
            "BOUNCEBACK_IMAP_PASSWORD_FILE or BOUNCEBACK_IMAP_PASSWORD)"
        )

    starttls = options.get("starttls", "").lower()
    if starttls not in ("", "auto", "require"):
        raise MailboxConfigError(f"{label}: starttls must be auto or require")
    ca_file = options.get("ca_file") or None
    if ca_file is not None and not Path(ca_file).is_file():
        raise MailboxConfigError(f"{label}: ca_file {ca_file} does not exist")
    processed = options.get("processed") or settings.imap_processed_folder
    quarantine = options.get("quarantine") or settings.imap_quarantine_folder
    if len({folder, processed, quarantine}) != 3:
        raise MailboxConfigError(f"{label}: the folder read, Processed and Quarantine must all differ")
    return MailboxConfig(
        scheme=scheme,
        host=host,
        port=port,
        user=user,
        password=password,
        folder=folder,
        processed_folder=processed,
        quarantine_folder=quarantine,
        ca_file=ca_file,
        require_starttls=settings.imap_require_starttls or starttls == "require",
        name=options.get("name") or None,
    )


def parse_mailbox_urls(settings: Settings) -> list[MailboxConfig]:
    """Every mailbox in `BOUNCEBACK_IMAP_URLS` (comma-separated; commas in passwords are %2C)."""
    configs = [parse_mailbox_url(u, settings) for u in settings.imap_urls.split(",") if u.strip()]
    labels = [c.label for c in configs]
    duplicates = sorted({label for label in labels if labels.count(label) > 1})
    if duplicates:
        # Two readers on one folder would race each other for every message.
        raise MailboxConfigError(f"mailbox listed twice in BOUNCEBACK_IMAP_URLS: {duplicates[0]}")
    given = [c.name for c in configs if c.name]
    twice = sorted({name for name in given if given.count(name) > 1})
    if twice:
        raise MailboxConfigError(f"the mailbox name {twice[0]!r} is given twice in BOUNCEBACK_IMAP_URLS")
    # Mailboxes of different users in one folder of one host: the second is host/folder#2, and so on.
    named: list[MailboxConfig] = []
    seen: dict[str, int] = {}
    for config in configs:
        default = config.metric_name
        seen[default] = seen.get(default, 0) + 1
        named.append(config if seen[default] == 1 else replace(config, name=f"{default}#{seen[default]}"))
    return named
