"""Suppression reasons, who an entry applies to (its scope), the reference lookup, and expiry settings.

DESIGN.md, "Scope" and "Evidence, replay, expiry, domains". `is_suppressed_for` is the reference
model: the database-backed lookups must answer exactly as it does (a property test compares them),
so it stays small enough to be obviously right.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum


class Reason(StrEnum):
    """Why an address (or a domain) is suppressed."""

    HARD_BOUNCE = "hard_bounce"
    COMPLAINT = "complaint"
    SOFT_BOUNCE_THRESHOLD = "soft_bounce_threshold"
    MANUAL = "manual"
    UNSUBSCRIBE = "unsubscribe"
    DOMAIN_INVALID = "domain_invalid"


# The address (or domain) is bad for every sender: no account can opt out of these.
GLOBAL_REASONS = frozenset({Reason.HARD_BOUNCE, Reason.SOFT_BOUNCE_THRESHOLD, Reason.DOMAIN_INVALID})


class ComplaintScope(StrEnum):
    """`BOUNCEBACK_COMPLAINT_SCOPE`: a complaint stops the attributed account's mail, or everyone's."""

    ACCOUNT = "account"
    GLOBAL = "global"


@dataclass(frozen=True, slots=True)
class Scope:
    """Who an entry applies to: everyone (`account` None) or one account."""

    account: str | None = None

    @property
    def kind(self) -> str:
        return "global" if self.account is None else "account"


GLOBAL = Scope()


def scope_for(
    reason: Reason,
    attributed_account: str | None,
    complaint_scope: ComplaintScope = ComplaintScope.ACCOUNT,
    manual_account: str | None = None,
) -> Scope:
    """The scope of a new suppression (DESIGN.md's Scope table).

    `attributed_account` is the account the event was attributed to (for an unsubscribe, the account
    the link was made for); `manual_account` is the `--account` / `"account"` of a manual entry.
    An unattributed complaint or unsubscribe is global: the recipient asked for no more mail and
    we cannot tell from whom, so honouring it for everyone is the side that wrongs nobody.
    """
    if reason in GLOBAL_REASONS:
        return GLOBAL
    if reason is Reason.MANUAL:
        return Scope(manual_account)
    if reason is Reason.COMPLAINT and complaint_scope is ComplaintScope.GLOBAL:
        return GLOBAL
    return Scope(attributed_account)  # complaint, unsubscribe


# --- who sees what --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class View:
    """Whose rows one call sees: the rule that keeps accounts apart (DESIGN.md, "Sending accounts").

    `View(A)` (an account-bound key, or a global key passing `account=A`) sees the global entries
    and A's entries, A's events and the changes to global and A's entries; another account's rows
    are absent: the store filters them in SQL, so they count nowhere (pages, cursors, totals).
    `EVERY_ACCOUNT` (a global key naming no account) sees every row of every account (lists,
    exports, history, the feed), as an operator must. A lookup always answers for one sender:
    `lookup_account` is None (global entries only) for EVERY_ACCOUNT.
    """

    account: str | None = None
    every_account: bool = False

    @property
    def lookup_account(self) -> str | None:
        return None if self.every_account else self.account


EVERY_ACCOUNT = View(every_account=True)


# --- domain entries -------------------------------------------------------------------------------

DOMAIN_KEY_PREFIX = "*@"


def domain_key(domain: str) -> str:
    """The entry key that suppresses every address at `domain` (already normalised): `*@domain`."""
    return DOMAIN_KEY_PREFIX + domain


def domain_of_key(key: str) -> str | None:
    """`*@example.com` -> `example.com`; None for an address key."""
    return key[len(DOMAIN_KEY_PREFIX) :] if key.startswith(DOMAIN_KEY_PREFIX) else None


def domain_of_address(address: str) -> str:
    """The domain part of a normalised address (after its last `@`)."""
    return address.rpartition("@")[2]


# --- the reference lookup ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Entry:
    """One active suppression: an address (or `*@domain`) key, its scope and reason."""

    key: str
    account: str | None  # None = global
    reason: Reason

    @property
    def scope(self) -> Scope:
        return Scope(self.account)


@dataclass(frozen=True, slots=True)
class Answer:
    """A lookup's answer for one address and one account."""

    suppressed: bool
    scope: str | None = None  # global | account | domain; None when not suppressed
    account: str | None = None  # the entry's account (None for a global one)
    reason: Reason | None = None


NOT_SUPPRESSED = Answer(False)


def is_suppressed_for(entries: Iterable[Entry], address: str, account: str | None) -> Answer:
    """Whether `address` (normalised) is suppressed for mail from `account` (None: a global lookup).

    An entry applies when its key is the address or `*@` its domain, and it is global or scoped
    to `account`; a global lookup sees global entries only. When several apply, the answer names
    the first of:
      1. a global entry for the address,
      2. the account's entry for the address,
      3. a global domain entry,
      4. the account's domain entry.
    Specific before general: an address entry is a fact about this mailbox, outlives a domain entry
    (which lapses after 30 days by default) and is what an operator must remove to reactivate the
    address. Global before the account's own: it binds every sender and the account cannot lift it
    itself, so it is the answer that explains the suppression.
    Raises ValueError when two entries share a key and an account (the store keeps one of each).
    """
    domain = DOMAIN_KEY_PREFIX + domain_of_address(address)
    found: dict[tuple[str, str | None], Entry] = {}
    for entry in entries:
        slot = (entry.key, entry.account)
        if slot in found:
            raise ValueError(f"two entries for {entry.key!r} scoped to {entry.account!r}")
        found[slot] = entry
    candidates: list[tuple[str, str | None]]
    if account is None:
        candidates = [(address, None), (domain, None)]
    else:
        candidates = [(address, None), (address, account), (domain, None), (domain, account)]
    for key, scoped_to in candidates:
        hit = found.get((key, scoped_to))
        if hit is not None:
            kind = "domain" if key == domain else hit.scope.kind
            return Answer(True, kind, hit.account, hit.reason)
    return NOT_SUPPRESSED


# --- expiry ---------------------------------------------------------------------------------------

DEFAULT_EXPIRY_DAYS = "soft_bounce_threshold=90,domain_invalid=30"
MAX_EXPIRY_DAYS = 36500  # a hundred years; beyond that is "never", which is leaving the reason out


class InvalidExpirySetting(ValueError):
    """`BOUNCEBACK_EXPIRY_DAYS` cannot be read; the message is one line naming the bad pair."""


def parse_expiry_days(value: str) -> dict[Reason, int]:
    """`"soft_bounce_threshold=90,domain_invalid=30"` -> {reason: days}; reasons left out never expire.

    An empty value means nothing expires. Unknown reasons, repeats, and day counts that are not
    whole numbers from 1 to MAX_EXPIRY_DAYS are rejected: a typo must stop start-up rather than
    silently keep (or drop) suppressions.
    """
    known = ", ".join(r.value for r in Reason)
    result: dict[Reason, int] = {}
    for raw in value.split(","):
        pair = raw.strip()
        if not pair:
            continue
        name, eq, days_text = (part.strip() for part in pair.partition("="))
        if not eq:
            raise InvalidExpirySetting(f"expiry {pair!r} is not reason=days")
        try:
            reason = Reason(name)
        except ValueError:
            raise InvalidExpirySetting(f"expiry {pair!r}: unknown reason {name!r} (known: {known})") from None
        if reason in result:
            raise InvalidExpirySetting(f"expiry {pair!r}: {name} is given twice")
        if not (days_text.isascii() and days_text.isdigit()) or not 1 <= int(days_text) <= MAX_EXPIRY_DAYS:
            raise InvalidExpirySetting(
                f"expiry {pair!r}: days must be a whole number from 1 to {MAX_EXPIRY_DAYS}"
            )
        result[reason] = int(days_text)
    return result
