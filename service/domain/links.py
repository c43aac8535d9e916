"""Unsubscribe and report-spam links: what a sending service puts in a message, and what a click is.

DESIGN.md, "Unsubscribe and report-spam links". Pure: strings in, strings and bytes out.

- The links: `PUBLIC_URL/u/TOKEN` (RFC 8058 one-click unsubscribe; its GET is a confirm page),
  `PUBLIC_URL/r/TOKEN` (report spam), and, when an unsubscribe mailbox is configured, the mailto
  address `LOCAL+TOKEN@DOMAIN` (service.domain.tokens). The two header lines of RFC 2369/8058
  list the https URL first (one-click needs it) and the mailto second (Apple Mail and older
  clients use it).
- A click is recorded as a message, like every other input: a small ARF report (RFC 5965) that
  bounceback writes on the recipient's behalf, `Feedback-Type: opt-out` for an unsubscribe and
  `abuse` for a spam report, naming the recipient (`Original-Rcpt-To`) and addressed to
  `click+TOKEN@bounceback.invalid`, so the ordinary intake parses it and attribution reads the
  token exactly as it does for a mailed unsubscribe. The record holds nothing that changes from one
  click to the next (no date, no client address): the same click gives the same bytes, and the
  intake's content hash makes a repeated click a duplicate that changes nothing. `generation`
  names the last time the recipient's entry for the account was lifted, so a click after a
  re-subscription is a new record and unsubscribes again (the token of a pair never changes).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from urllib.parse import urlsplit

from service.domain.tokens import make_link_token, make_unsubscribe_address

# RFC 8058 §3.1: the header that asks for one-click, and the body of the POST it triggers.
LIST_UNSUBSCRIBE_POST = "List-Unsubscribe=One-Click"
# The mailbox of a click record: `.invalid` (RFC 2606) can never receive mail, and the record
# carries the token in its local part as a mailed unsubscribe does.
CLICK_MAILBOX = "click"
CLICK_DOMAIN = "bounceback.invalid"
CLICK_USER_AGENT = "bounceback-links/1"
_LOOPBACK_HOSTS = ("localhost", "127.0.0.1", "::1")


class LinkKind(enum.Enum):
    """What a link does, with the path prefix and the ARF feedback type of its click record."""

    UNSUBSCRIBE = ("u", "opt-out")
    REPORT_SPAM = ("r", "abuse")

    def __init__(self, prefix: str, feedback_type: str) -> None:
        self.prefix = prefix
        self.feedback_type = feedback_type


class InvalidPublicUrl(ValueError):
    """BOUNCEBACK_PUBLIC_URL cannot start a link URL."""


@dataclass(frozen=True, slots=True)
class Links:
    """Everything a sending service needs for one (account, recipient)."""

    recipient: str
    token: str
    unsubscribe_url: str
    report_spam_url: str
    mailto: str | None  # the address (no `mailto:`); None without an unsubscribe mailbox

    @property
    def mailto_uri(self) -> str | None:
        # The subject makes the request recognisable to any mailbox the address is delivered to.
        return None if self.mailto is None else f"mailto:{self.mailto}?subject=unsubscribe"

    @property
    def list_unsubscribe(self) -> str:
        """The value of `List-Unsubscribe` (RFC 2369): the https URL first, then the mailto."""
        uris = [self.unsubscribe_url] + ([self.mailto_uri] if self.mailto_uri else [])
        return ", ".join(f"<{uri}>" for uri in uris)

    @property
    def header_lines(self) -> tuple[str, str]:
        """The two header lines, exactly as the sending service adds them (DKIM-signed, RFC 8058 §4)."""
        return (
            f"List-Unsubscribe: {self.list_unsubscribe}",
            f"List-Unsubscribe-Post: {LIST_UNSUBSCRIBE_POST}",
        )


def check_public_url(value: str) -> str:
    """The public base URL without a trailing slash; InvalidPublicUrl (one line) when unusable.

    https, as RFC 8058 §3.1 requires of a one-click URI; plain http only on a loopback host (a
    test, a local try-out). No query, fragment or user name: a path is fine (a proxy prefix).
    """
    try:
        parts = urlsplit(value.strip())
        host = parts.hostname or ""
        parts.port  # noqa: B018 (raises ValueError for a port that is not a number)
    except ValueError as exc:
        raise InvalidPublicUrl(f"{value!r} is not a URL: {exc}") from None
    if parts.scheme not in ("https", "http") or not host:
        raise InvalidPublicUrl(f"{value!r} must be an https:// URL with a host")
    if parts.scheme == "http" and host not in _LOOPBACK_HOSTS:
        raise InvalidPublicUrl(f"{value!r} must be https (RFC 8058); http only for a loopback host")
    if parts.query or parts.fragment or parts.username or parts.password:
        raise InvalidPublicUrl(f"{value!r} must have no query, fragment or user name")
    return value.strip().rstrip("/")


def make_links(
    secret: bytes,
    *,
    public_url: str,
    unsubscribe_address: str | None,
    separator: str,
    account: str,
    recipient: str,
) -> Links:
    """The links for `account`'s mail to `recipient` (normalised by the caller: it is in the token)."""
    base = check_public_url(public_url)
    token = make_link_token(secret, account, recipient)
    mailto = (
        make_unsubscribe_address(secret, unsubscribe_address, account, recipient, separator)
        if unsubscribe_address
        else None
    )
    return Links(
        recipient=recipient,
        token=token,
        unsubscribe_url=f"{base}/{LinkKind.UNSUBSCRIBE.prefix}/{token}",
        report_spam_url=f"{base}/{LinkKind.REPORT_SPAM.prefix}/{token}",
        mailto=mailto,
    )


def click_address(token: str, separator: str) -> str:
    """The address a click record is written to: its local part carries the token."""
    return f"{CLICK_MAILBOX}{separator}{token}@{CLICK_DOMAIN}"


def click_record(kind: LinkKind, token: str, recipient: str, separator: str, generation: str) -> bytes:
    """The message a click is stored as (see the module docstring): the same input, the same bytes."""
    boundary = "bounceback-click"
    to = click_address(token.lower(), separator)
    lines = [
        f"From: <{to}>",
        f"To: <{to}>",
        f"Subject: {kind.feedback_type} link used by {recipient}",
        f"X-Bounceback-Click: {kind.name.lower()}; generation={generation}",
        "MIME-Version: 1.0",
        f'Content-Type: multipart/report; report-type=feedback-report; boundary="{boundary}"',
        "",
        f"--{boundary}",
        "Content-Type: text/plain; charset=utf-8",
        "",
        f"The recipient used the {kind.name.lower().replace('_', '-')} link of a message.",
        f"--{boundary}",
        "Content-Type: message/feedback-report",
        "",
        "Version: 1",
        f"Feedback-Type: {kind.feedback_type}",
        f"User-Agent: {CLICK_USER_AGENT}",
        f"Original-Rcpt-To: <{recipient}>",
        f"--{boundary}--",
        "",
    ]
    return "\r\n".join(lines).encode("utf-8")
