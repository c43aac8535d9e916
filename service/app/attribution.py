"""Attribution inside the ingest transaction: the parser's evidence resolved to an account.

The rules (order, fall-through, VERP checks) are service.domain.attribution's; this runs them with
the store's queries and the settings (secret key, return address), counts every VERP token that
attributed nothing, and fills in the recipient a verified token gives when the report hides it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from parsers.model import Event, ParseResult, replace
from service import metrics
from service.config import Settings, secret_key
from service.domain.addresses import InvalidAddress, is_undeliverable, normalize_address
from service.domain.attribution import (
    UNATTRIBUTED,
    Attributed,
    Source,
    VerpFinding,
    check_verp,
    questions,
    read_link_claim,
    read_verp_tokens,
    resolve,
)
from service.domain.sends import message_key
from service.domain.tokens import InvalidReturnAddress, LinkClaim, check_return_address
from service.store import accounts as stored_accounts
from service.store import attribution_reads, sends
from service.store.db import count_when_committed


@dataclass(frozen=True, slots=True)
class Attribution:
    """A message's attribution, and its events with the recipient a VERP token gave filled in."""

    attributed: Attributed
    events: tuple[Event, ...]


def return_address(settings: Settings) -> tuple[str, str] | None:
    """BOUNCEBACK_VERP_ADDRESS split into local part and domain; None when it is not set.

    Raises InvalidReturnAddress (one line) when it cannot carry tokens.
    """
    if not settings.verp_address:
        return None
    return check_return_address(settings.verp_address, settings.verp_separator)


def attribute(
    session: Session, result: ParseResult, settings: Settings, *, only_account: str | None = None
) -> Attribution:
    """Who sent the original `result` reports on, in DESIGN.md's order (service.domain.attribution).

    `only_account`: the message comes from a key bound to that account, whose writes are limited to
    its own account: evidence naming any other account is passed over, as if it named none.
    """
    evidence = result.attribution
    if evidence is None:
        return Attribution(UNATTRIBUTED, result.events)
    link = _link(evidence.envelope_addresses, result.events, settings)
    if (
        link is not None
        and (only_account is None or link.account == only_account)
        and stored_accounts.existing(session, [link.account])
    ):
        # The link names the recipient it was made for, whoever wrote the request.
        events = tuple(replace(e, recipient=link.recipient) for e in result.events)
        return Attribution(Attributed(link.account, Source.LINK), events)
    named, hides = _recipients(result.events)
    finding = _verp(evidence.envelope_addresses, settings, named, hides)
    for rejection in finding.rejected:
        count_when_committed(session, metrics.VERP_TOKENS_REJECTED.labels(reason=rejection.value))
    memo = _transaction_memo(session)
    known: dict[str, bool] = memo.setdefault("accounts", {})
    owners: dict[str, str | None] = memo.setdefault("owners", {})

    def accepts(account: str) -> bool:
        if only_account is not None and account != only_account:
            return False
        if account not in known:
            known[account] = bool(stored_accounts.existing(session, [account]))
        return known[account]

    def domain_owners(domains: Sequence[str]) -> Mapping[str, str]:
        unknown = [d for d in domains if d not in owners]
        if unknown:
            found = stored_accounts.domain_owners(session, unknown)
            owners.update({d: found.get(d) for d in unknown})
        return {d: owner for d in domains if (owner := owners[d]) is not None}

    attributed = resolve(
        evidence,
        finding.claim,
        accepts=accepts,
        sent_by=lambda message_id: _sent_by(session, memo, message_id),
        domain_owners=domain_owners,
    )
    events = result.events
    if finding.claim is not None and attributed.account == finding.claim.account and hides:
        # The report hides the recipient; the verified token says who it was.
        events = tuple(
            replace(e, recipient=finding.claim.recipient) if _hidden(e.recipient) else e for e in events
        )
    return Attribution(attributed, events)


def prefetch(session: Session, results: Sequence[ParseResult], settings: Settings) -> None:
    """Ask the store at once what attributing a batch's messages may ask (who sent their original
    Message-IDs, whether the accounts they name exist, who owns their domains), so that attributing
    them one by one asks nothing more in the common case: one statement for a batch of 100 bounces,
    not one or more per message (service/store/attribution_reads.py)."""
    ids: set[str] = set()
    message_ids: list[str] = []
    domains: set[str] = set()
    for result in results:
        evidence = result.attribution
        if evidence is None:
            continue
        asked = questions(evidence)
        ids.update(asked.account_ids)
        domains.update(asked.domains)
        if asked.message_id:
            message_ids.append(asked.message_id)
        named, hides = _recipients(result.events)
        claim = _verp(evidence.envelope_addresses, settings, named, hides).claim
        if claim is not None:
            ids.add(claim.account)
    if not (ids or message_ids or domains):
        return
    # (asked first: the query opens the transaction the memo belongs to)
    answers = attribution_reads.known(session, message_ids, sorted(ids), sorted(domains))
    memo = _transaction_memo(session)
    memo.setdefault("senders", {}).update(answers.senders)
    accounts = memo.setdefault("accounts", {})
    accounts.update({i: i in answers.accounts for i in ids})
    # A domain's owner exists (the account's domains reference it), and need not be asked again.
    accounts.update(dict.fromkeys(answers.owners.values(), True))
    memo.setdefault("owners", {}).update({d: answers.owners.get(d) for d in domains})


def prefetch_senders(session: Session, results: Sequence[ParseResult]) -> None:
    """Only the senders of the originals' Message-IDs, at once (a replay's batch: `prefetch` asks
    the rest too)."""
    message_ids = [
        r.attribution.original_message_id
        for r in results
        if r.attribution is not None and r.attribution.original_message_id
    ]
    if message_ids:
        # (asked first: the query opens the transaction the memo belongs to)
        answers = attribution_reads.known(session, message_ids, [], [])
        _transaction_memo(session).setdefault("senders", {}).update(answers.senders)


def _sent_by(session: Session, memo: dict[str, Any], message_id: str) -> str | None:
    key = message_key(message_id)
    if key is None:
        return None
    senders: dict[str, str | None] = memo.setdefault("senders", {})
    if key not in senders:
        senders[key] = sends.account_of_send(session, message_id)
    return senders[key]


# What the store answered attribution in this transaction (accounts that exist, domains' owners):
# a batch of a sender's bounces asks once, and nothing it asks changes inside the transaction.
_MEMO = "bounceback.attribution_memo"


def _transaction_memo(session: Session) -> dict[str, Any]:
    transaction = session.get_transaction()
    held = session.info.get(_MEMO)
    if held is None or held[0] is not transaction:
        held = (transaction, {})
        session.info[_MEMO] = held
    memo: dict[str, Any] = held[1]
    return memo


def _link(envelope_addresses: Sequence[str], events: Sequence[Event], settings: Settings) -> LinkClaim | None:
    """A verified unsubscribe-link token the message was addressed to, for unsubscribes and complaints."""
    if not envelope_addresses or not events:
        return None
    return read_link_claim(
        envelope_addresses,
        (event.type for event in events),
        secret=secret_key(settings),
        separator=settings.verp_separator,
    )


def _verp(envelope_addresses: Sequence[str], settings: Settings, named: set[str], hides: bool) -> VerpFinding:
    if not envelope_addresses:
        return VerpFinding()
    try:
        own = return_address(settings)
    except InvalidReturnAddress:
        own = None  # refused at start-up; a direct caller with a bad value just counts nothing
    claims, invalid = read_verp_tokens(
        envelope_addresses,
        secret=secret_key(settings),
        return_address=own,
        separator=settings.verp_separator,
    )
    return check_verp(claims, invalid, named, hides)


def _recipients(events: Sequence[Event]) -> tuple[set[str], bool]:
    """The (normalised) recipients the events name, and whether any event hides its recipient."""
    named: set[str] = set()
    hides = False
    for event in events:
        if _hidden(event.recipient):
            hides = True
        else:
            named.add(normalize_address(event.recipient))
    return named, hides


def _hidden(recipient: str) -> bool:
    """No usable recipient: a reserved `.invalid` placeholder (a redacted report), or not an address."""
    if is_undeliverable(recipient.lower()):
        return True
    try:
        normalize_address(recipient)
    except InvalidAddress:
        return True
    return False
