"""Attribution rules: which account's mail a returned message is about, from the parser's evidence.

DESIGN.md, "Attribution". The first source that answers wins:

0. for an unsubscribe or complaint mailed to a `List-Unsubscribe` mailto address (or a link
   click's record), the signed link token in its envelope address (`link`): it names the account
   and the recipient the link was made for, whoever sent the mail;
1. a signed VERP return path (`verp`) whose token verifies and names a recipient of the report
   (or the report hides its recipients, and the token gives it);
2. the attribution header of the returned original (`header`), else the SenderId of its
   Feedback-ID (`feedback_id`);
3. the original Message-ID among the sends accounts reported (`message_id`);
4. the original's From / MAIL FROM / DKIM `d=` domain among the accounts' domains (`domain`).

A source that names no account that exists (a header with a typo, a token for an account never
created, an id that breaks the id rule) does not answer: the next one is asked. Unattributed
is the safe outcome (a complaint then suppresses for everyone), a wrong account is not: a
misspelt header must not stop everybody else's mail, nor must it silence the message.

Pure: what the sources need from the store (does this account exist, who reported this
Message-ID, who owns these domains) is passed in as functions; service/app/attribution.py runs
the rules with the store's queries, inside the ingest transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from parsers.model import Attribution as Evidence
from service.domain.accounts import InvalidAccountId, InvalidDomain, normalize_domain, validate_account_id
from service.domain.tokens import LinkClaim, VerpClaim, read_unsubscribe_address, read_verp


class Source(StrEnum):
    """The evidence an attribution rests on (stored as the message's and event's `attributed_by`)."""

    LINK = "link"
    VERP = "verp"
    HEADER = "header"
    FEEDBACK_ID = "feedback_id"
    MESSAGE_ID = "message_id"
    DOMAIN = "domain"


@dataclass(frozen=True, slots=True)
class Attributed:
    """The account a message is attributed to, and by which source; both None when unattributed."""

    account: str | None = None
    source: Source | None = None


UNATTRIBUTED = Attributed()

# How much each source's evidence weighs, in DESIGN.md's order (0 = the strongest; a link is a
# verified token like VERP's; the header and Feedback-ID are one rung).
_WEIGHT = {
    Source.LINK: 0,
    Source.VERP: 0,
    Source.HEADER: 1,
    Source.FEEDBACK_ID: 1,
    Source.MESSAGE_ID: 2,
    Source.DOMAIN: 3,
}


def may_replace(found: Attributed, recorded: Attributed) -> bool:
    """Whether a new reading's attribution `found` replaces the `recorded` one (a replay).

    Only an account found on evidence at least as strong as the recorded one's: a reading that
    finds nothing, or only weaker evidence, says nothing against it (the sends that attributed a
    message by its Message-ID are kept a few days only).
    """
    if found.account is None or found.source is None or found.account == recorded.account:
        return False
    if recorded.account is None or recorded.source is None:
        return True
    return _WEIGHT[Source(found.source)] <= _WEIGHT[Source(recorded.source)]


# --- VERP ----------------------------------------------------------------------------------------


class VerpRejection(StrEnum):
    """Why a VERP token attributed nothing (the label of the metric that counts them)."""

    INVALID = "invalid"  # forged, truncated, or made under another key
    OTHER_RECIPIENT = "other_recipient"  # authentic, but the report is about someone else


@dataclass(frozen=True, slots=True)
class VerpFinding:
    """What the envelope addresses of one message say through VERP.

    `claim` is a verified token that applies to the report (its recipient is one the report names,
    or the report names none); `rejected` lists each token that attributed nothing, and why.
    """

    claim: VerpClaim | None = None
    rejected: tuple[VerpRejection, ...] = ()


def read_verp_tokens(
    envelope_addresses: Iterable[str],
    *,
    secret: bytes,
    return_address: tuple[str, str] | None,
    separator: str,
) -> tuple[list[VerpClaim], int]:
    """The verified claims among `envelope_addresses`, and how many addresses were at our return
    address (`return_address`: its local part and domain) with a token that does not verify.

    Only the token decides (a renamed return address keeps old mail attributable), but a failure is
    only counted at our own return address: every `-` in somebody else's address is no forgery.
    """
    claims: list[VerpClaim] = []
    invalid = 0
    for address in envelope_addresses:
        local, _, domain = address.rpartition("@")
        if separator not in local:
            continue
        claim = read_verp(secret, local, separator)
        if claim is not None:
            claims.append(claim)
        elif return_address is not None and _at_return_address(local, domain, return_address, separator):
            invalid += 1
    return claims, invalid


def _at_return_address(local: str, domain: str, return_address: tuple[str, str], separator: str) -> bool:
    own_local, own_domain = return_address
    return domain.lower() == own_domain and local.lower().startswith(own_local.lower() + separator)


def check_verp(
    claims: Sequence[VerpClaim], invalid: int, named_recipients: Iterable[str], hides_recipient: bool
) -> VerpFinding:
    """Which verified claim applies to a report naming `named_recipients` (normalised).

    A claim applies when its recipient is one the report names, or when the report names nobody
    (`hides_recipient` and no name): then the token gives the recipient. A claim about someone the
    report does not name (a token replayed onto another recipient's bounce, or a forwarded
    address bouncing) attributes nothing and adds nobody: the report's own recipients stand.
    """
    named = set(named_recipients)
    rejected = [VerpRejection.INVALID] * invalid
    for claim in claims:
        if claim.recipient in named or (not named and hides_recipient):
            return VerpFinding(claim, tuple(rejected))
    rejected += [VerpRejection.OTHER_RECIPIENT] * len(claims)
    return VerpFinding(None, tuple(rejected))


# --- unsubscribe links -------------------------------------------------------------------------

# The event types a link token speaks for: a recipient asking for no more mail, or reporting spam.
LINK_EVENT_TYPES = frozenset({"unsubscribe", "complaint"})


def read_link_claim(
    envelope_addresses: Iterable[str], event_types: Iterable[str], *, secret: bytes, separator: str
) -> LinkClaim | None:
    """The first verified link token among `envelope_addresses` when every event is an unsubscribe
    or a complaint (a bounce delivered to an unsubscribe mailbox is no request of the recipient).

    The token, not the sender, says who asked: a forwarded message's reader unsubscribes the
    address the message was sent to, as with the one-click URL (RFC 8058 §3.1).
    """
    types = set(event_types)
    if not types or not types <= LINK_EVENT_TYPES:
        return None
    for address in envelope_addresses:
        if separator not in address.rpartition("@")[0]:
            continue
        claim = read_unsubscribe_address(secret, address, separator)
        if claim is not None:
            return claim
    return None


# --- the order -----------------------------------------------------------------------------------


def resolve(
    evidence: Evidence | None,
    verp: VerpClaim | None,
    *,
    accepts: Callable[[str], bool],
    sent_by: Callable[[str], str | None],
    domain_owners: Callable[[Sequence[str]], Mapping[str, str]],
) -> Attributed:
    """The first source that names an account `accepts` (it exists, and the caller may attribute to
    it), in DESIGN.md's order. Each lookup runs only when the sources before it said nothing."""
    if verp is not None and accepts(verp.account):
        return Attributed(verp.account, Source.VERP)
    if evidence is None:
        return UNATTRIBUTED
    for value, source in (
        (evidence.account, Source.HEADER),
        (evidence.feedback_sender_id, Source.FEEDBACK_ID),
    ):
        account = _account_id(value)
        if account is not None and accepts(account):
            return Attributed(account, source)
    if evidence.original_message_id:
        account = sent_by(evidence.original_message_id)
        if account is not None and accepts(account):
            return Attributed(account, Source.MESSAGE_ID)
    domains = [
        d
        for d in (
            _domain(evidence.from_domain),
            _domain(evidence.mail_from_domain),
            _domain(evidence.dkim_domain),
        )
        if d
    ]
    if domains:
        candidates = [suffix for d in domains for suffix in domain_suffixes(d)]
        owners = domain_owners(list(dict.fromkeys(candidates)))
        for domain in domains:
            account = next((owners[s] for s in domain_suffixes(domain) if s in owners), None)
            if account is not None and accepts(account):
                return Attributed(account, Source.DOMAIN)
    return UNATTRIBUTED


@dataclass(frozen=True, slots=True)
class Questions:
    """What `resolve` may ask the store about one message's evidence (to ask it ahead, for a
    batch at once): the account ids its header and Feedback-ID name, its original Message-ID, and
    the domains whose owners it may look up (each sender domain and the domains covering it)."""

    account_ids: tuple[str, ...]
    message_id: str | None
    domains: tuple[str, ...]


def questions(evidence: Evidence) -> Questions:
    ids = (_account_id(evidence.account), _account_id(evidence.feedback_sender_id))
    domains = (
        _domain(evidence.from_domain),
        _domain(evidence.mail_from_domain),
        _domain(evidence.dkim_domain),
    )
    return Questions(
        tuple(i for i in ids if i is not None),
        evidence.original_message_id or None,
        tuple(dict.fromkeys(suffix for d in domains if d for suffix in domain_suffixes(d))),
    )


def domain_suffixes(domain: str) -> list[str]:
    """`news.mail.acme.example` -> itself, `mail.acme.example`, `acme.example`: the registered domains
    that cover it, most specific first (an account's domain covers its subdomains; a single label
    is never a registered domain)."""
    labels = domain.split(".")
    return [".".join(labels[i:]) for i in range(max(len(labels) - 1, 1))]


def _account_id(value: str | None) -> str | None:
    if not value:
        return None
    try:
        return validate_account_id(value.strip())
    except InvalidAccountId:
        return None


def _domain(value: str | None) -> str | None:
    if not value:
        return None
    try:
        return normalize_domain(value)
    except InvalidDomain:
        return None
