"""Unsubscribe and report-spam links: making them, and what a click on one does.

DESIGN.md, "Unsubscribe and report-spam links". The rules (token, URLs, header lines, the click
record) are service.domain.links'; this adds the settings, the store and the intake.

A click goes through the ingest use case like every other input: it is stored as the message
service.domain.links.click_record writes (an ARF report on the recipient's behalf), parsed,
attributed by its token (service.domain.attribution, source `link`) and decided by the policy.
So a click is exactly as durable, visible in the history, announced (`bounceback.unsubscribe`,
`bounceback.complaint`) and counted per account as a mailed unsubscribe or a complaint report,
and a repeated click is a duplicate message that changes nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from service.app.ingest import IngestResult, ingest_message
from service.app.verp import normalised_recipients
from service.config import Settings, SettingsError, secret_key
from service.domain.addresses import InvalidAddress
from service.domain.links import (
    LIST_UNSUBSCRIBE_POST,
    InvalidPublicUrl,
    LinkKind,
    Links,
    check_public_url,
    click_record,
    make_links,
)
from service.domain.times import iso_z
from service.domain.tokens import (
    InvalidReturnAddress,
    LinkClaim,
    TokenTooLong,
    check_return_address,
    read_link_token,
)
from service.logging import get_logger
from service.store import accounts as stored_accounts
from service.store import writes
from service.store.db import Database

__all__ = [
    "Click",
    "InvalidAddress",
    "LinkKind",
    "Links",
    "LinksNotConfigured",
    "TokenTooLong",
    "click",
    "link_settings_problem",
    "links_for",
    "to_dict",
    "verify",
]

log = get_logger(__name__)

# Where a click's record says it came from (the `source` of its stored message).
CLICK_SOURCE = "http:{prefix}-link"


class LinksNotConfigured(Exception):
    """BOUNCEBACK_PUBLIC_URL is not set (or no secret key can be had): no link can be made."""


@dataclass(frozen=True, slots=True)
class Click:
    """A click on a valid link: whose, and what the intake made of its record."""

    claim: LinkClaim
    result: IngestResult

    @property
    def first(self) -> bool:
        """Whether this click recorded something (False: an earlier click had already)."""
        return not self.result.duplicate


def link_settings_problem(settings: Settings) -> str | None:
    """One line naming the link setting that cannot work, or None; checked at start-up."""
    if settings.public_url:
        try:
            check_public_url(settings.public_url)
        except InvalidPublicUrl as exc:
            return f"invalid setting BOUNCEBACK_PUBLIC_URL: {exc}"
    if settings.unsubscribe_address:
        try:
            check_return_address(settings.unsubscribe_address, settings.verp_separator)
        except InvalidReturnAddress as exc:
            return f"invalid setting BOUNCEBACK_UNSUBSCRIBE_ADDRESS: {exc}"
        if settings.unsubscribe_address.strip().lower() == settings.verp_address.strip().lower():
            return (
                "invalid setting BOUNCEBACK_UNSUBSCRIBE_ADDRESS: must differ from BOUNCEBACK_VERP_ADDRESS "
                "(a request to unsubscribe is no bounce)"
            )
    return None


def links_for(settings: Settings, account: str, recipients: Sequence[str]) -> list[Links]:
    """The links of `account`'s mail to each recipient, in order (the account is checked to exist
    by the caller).

    Raises LinksNotConfigured, InvalidAddress naming `recipients[i]`, or TokenTooLong.
    """
    problem = link_settings_problem(settings)
    if problem is not None:  # refused at start-up; only a direct caller gets here
        raise LinksNotConfigured(problem)
    if not settings.public_url:
        raise LinksNotConfigured("no public URL is configured for links (set BOUNCEBACK_PUBLIC_URL)")
    try:
        secret = secret_key(settings)
    except SettingsError as exc:
        raise LinksNotConfigured(str(exc)) from None
    return [
        make_links(
            secret,
            public_url=settings.public_url,
            unsubscribe_address=settings.unsubscribe_address or None,
            separator=settings.verp_separator,
            account=account,
            recipient=recipient,
        )
        for recipient in normalised_recipients(recipients)
    ]


def to_dict(links: Links) -> dict[str, Any]:
    """One recipient's links as the API and the CLI's `--json` show them."""
    list_unsubscribe, list_unsubscribe_post = links.header_lines
    return {
        "recipient": links.recipient,
        "unsubscribe_url": links.unsubscribe_url,
        "report_spam_url": links.report_spam_url,
        "mailto": links.mailto,
        "list_unsubscribe": links.list_unsubscribe,
        "list_unsubscribe_post": LIST_UNSUBSCRIBE_POST,
        "header_lines": [list_unsubscribe, list_unsubscribe_post],
    }


def verify(db: Database, settings: Settings, token: str) -> LinkClaim | None:
    """The claim of a link token when it verifies and names an account that exists, else None.

    Reads only: a GET of a link must change nothing (mail scanners fetch every link).
    """
    claim = read_link_token(secret_key(settings), token)
    if claim is None:
        return None
    with db.session() as session:
        return claim if stored_accounts.existing(session, [claim.account]) else None


def click(db: Database, settings: Settings, kind: LinkKind, token: str) -> Click | None:
    """Act on a click (a POST): the recipient's record goes through the intake at once.

    None when the token does not verify or names no account (nothing is stored). A repeated click
    comes back as the duplicate of the first. After the recipient's entry for the account was
    lifted (a re-subscription), the same link acts again: its record names the lift.
    """
    claim = read_link_token(secret_key(settings), token)
    if claim is None:
        return None
    with db.session() as session:  # one read for both questions
        if not stored_accounts.existing(session, [claim.account]):
            return None
        row = writes.recipient(session, claim.recipient, claim.account)
        lifted = row.reactivated_at if row is not None else None
    generation = iso_z(lifted) if lifted is not None else "never"
    raw = click_record(kind, token, claim.recipient, settings.verp_separator, generation)
    result = ingest_message(
        db, raw, CLICK_SOURCE.format(prefix=kind.prefix), settings, only_account=claim.account
    )
    if result.account != claim.account or not result.events:  # the parser or attribution changed
        log.error(
            "link_click_not_attributed",
            kind=kind.name.lower(),
            account=claim.account,
            message_id=result.message_id,
            outcome=result.outcome,
        )
    return Click(claim, result)
