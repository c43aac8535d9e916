"""Addresses: the one validator (CLI, API, imports, the pipeline) and the one form an address is
stored and looked up in.

Syntax is judged by email-validator (no DNS): one @, a dot-atom or UTF-8 local part of at most 64
octets, a domain of valid labels with a top-level domain, 254 octets in all (RFC 5321); no quoted
local parts, IP literals, control characters, NUL or lone surrogates (which PostgreSQL cannot
store either), and no special-use domains (.invalid, .local, .test, ...). The stored form is lower
case with the domain as IDNA A-labels (`jürgen@xn--bcher-kva.de`): the form DNS and most MTAs use,
so a DSN's recipient and a lookup in either form meet in one entry.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from email_validator import EmailNotValidError, validate_email

from service.domain.scope import DOMAIN_KEY_PREFIX

# The form most addresses come in: ASCII dot-atom local part, letters-digits-hyphens labels (none
# with "--", which IDNA reserves), a TLD ending in a letter, nothing normalisation would strip. For
# it email-validator only confirms and lower-casing is the whole normalisation, so bulk checks and
# imports skip the library; a property test keeps both paths equal.
_ATEXT = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]"
_LOCAL = re.compile(rf"{_ATEXT}+(?:\.{_ATEXT}+)*")
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_DOMAIN = re.compile(rf"(?:{_LABEL}\.)+(?=[A-Za-z0-9-]{{1,63}}$)(?:[A-Za-z0-9][A-Za-z0-9-]*)?[A-Za-z]")
# RFC 6761 names email-validator refuses; anything ending in one takes the full path.
_SPECIAL_USE = ("arpa", "invalid", "local", "localhost", "onion", "test")
MAX_LOCAL, MAX_ADDRESS = 64, 254
# The same rules over many addresses at once (`normalize_plain_addresses`): every atext byte
# mapped to "a", the rest kept ("." "@" line breaks) or mapped to "?" (which no line allows); a
# line is a dot-atom, one @ and a domain's characters (the domain itself judged as `_plain`'s).
_PLAIN_MAP = bytes(
    ord("a") if re.fullmatch(_ATEXT, chr(byte)) else byte if chr(byte) in ".@\n" else ord("?")
    for byte in range(256)
)
_PLAIN_LINES = re.compile(rb"(?:a+(?:\.a+)*@[a.]+\n)*")
# Domains repeat (a list is mostly a few providers): each is judged once. Bounded, cleared when full.
_PLAIN_DOMAINS: dict[str, bool] = {}
_PLAIN_DOMAINS_MAX = 100_000
# RFC 2606 / RFC 6761: no address in this top-level domain can ever receive mail. The parser
# names a complaint whose recipient was redacted entirely with such an address.
UNDELIVERABLE_TLD = ".invalid"


class InvalidAddress(ValueError):
    """The value is not an email address; the message says which value and why."""


def is_undeliverable(address: str) -> bool:
    """Whether a normalised address is a placeholder no mail can reach (nobody to suppress)."""
    return address.endswith(UNDELIVERABLE_TLD)


def normalize_address(value: str) -> str:
    """The stored form of `value`; InvalidAddress when it is not an address.

    Around the address, surrounding space, angle brackets, quotes, an `rfc822;` prefix (as DSNs
    write recipients) and a trailing dot on the domain are tolerated and dropped.
    """
    plain = _plain(value)
    return plain if plain is not None else _validated(value)


def normalize_plain_addresses(values: Sequence[str]) -> list[str] | None:
    """The stored forms of `values` when every one is a plain ASCII address (`_plain`'s), else
    None (then each takes `normalize_address`). A bulk check's list, judged all at once: a few
    passes over the values joined, in C, instead of a call per address (10,000: 2.6 against
    3.6 ms). Exactly `_plain`'s rules, line by line (a property test holds both equal)."""
    if not values:
        return []
    joined = "\n".join(values)
    if not joined.isascii():
        return None
    # Every line one dot-atom local part, one @ and a domain of letters, digits, hyphens and dots
    # (any atext maps to "a"; anything else, a line break inside a value included, fails).
    lines = (joined + "\n").encode().translate(_PLAIN_MAP)
    if _PLAIN_LINES.fullmatch(lines) is None or lines.count(b"\n") != len(values):
        return None
    if max(map(len, values)) > MAX_ADDRESS:
        return None
    parts = joined.replace("\n", "@").split("@")  # local, domain, local, domain ...
    if max(map(len, parts[0::2])) > MAX_LOCAL:
        return None
    for domain in set(parts[1::2]):
        plain = _PLAIN_DOMAINS.get(domain)
        if not (_plain_domain(domain) if plain is None else plain):
            return None
    return joined.lower().split("\n")


def _plain(value: str) -> str | None:
    """The stored form of a plain ASCII address, or None when it needs the full validator."""
    if len(value) > MAX_ADDRESS or not value.isascii():
        return None
    local, _, domain = value.rpartition("@")
    if not local or len(local) > MAX_LOCAL or _LOCAL.fullmatch(local) is None:
        return None
    plain = _PLAIN_DOMAINS.get(domain)  # (judged before: most calls)
    if plain is None:
        plain = _plain_domain(domain)
    return value.lower() if plain else None


def _plain_domain(domain: str) -> bool:
    """Whether `domain` is a plain one (`_plain`'s), judged and kept in `_PLAIN_DOMAINS`."""
    plain = (
        _DOMAIN.fullmatch(domain) is not None
        and "--" not in domain
        and domain.rsplit(".", 1)[1].lower() not in _SPECIAL_USE
    )
    if len(_PLAIN_DOMAINS) >= _PLAIN_DOMAINS_MAX:
        _PLAIN_DOMAINS.clear()
    _PLAIN_DOMAINS[domain] = plain
    return plain


def _validated(value: str) -> str:
    address = value.strip()
    if address.lower().startswith("rfc822;"):
        address = address[7:].strip()
    address = address.strip("<>").strip().strip('"').strip()
    if address.endswith(".") and "@" in address:
        address = address[:-1]
    try:
        checked = validate_email(
            address,
            check_deliverability=False,
            allow_smtputf8=True,
            allow_empty_local=False,
            allow_quoted_local=False,
            allow_domain_literal=False,
            allow_display_name=False,
            strict=True,  # also holds the local part to RFC 5321's 64 octets
        )
    except EmailNotValidError as exc:
        raise InvalidAddress(f"not an email address: {value[:320]!r} ({exc})") from None
    except (UnicodeError, ValueError):  # a value the library cannot even encode
        raise InvalidAddress(f"not an email address: {value[:320]!r} (cannot be encoded)") from None
    return f"{checked.local_part.lower()}@{checked.ascii_domain.lower()}"


def normalize_key(value: str) -> str:
    """The stored form of an entry's key: an address (`normalize_address`), or `*@domain` for an
    entry that covers every address at a domain (the domain normalised as an address's is);
    InvalidAddress for anything else, `*@` with a domain that is not one included."""
    text = value.strip()
    if not text.startswith(DOMAIN_KEY_PREFIX):
        return normalize_address(value)
    domain = text[len(DOMAIN_KEY_PREFIX) :]
    try:
        # Any valid local part will do: the domain is judged, and normalised, as an address's.
        normalised = normalize_address(f"postmaster@{domain}")
    except InvalidAddress:
        raise InvalidAddress(f"not a domain: {domain[:320]!r} (in {text[:320]!r})") from None
    return DOMAIN_KEY_PREFIX + normalised.rpartition("@")[2]
