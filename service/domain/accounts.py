"""Sending accounts' identifiers: the account id rule and the normal form of an account's domains."""

from __future__ import annotations

import re

# DESIGN.md, "Sending accounts". A slug: it appears in URLs, CLI arguments, Kafka headers and CSV
# without quoting, and (lower-case only) it survives MTAs that lower-case VERP local parts.
ACCOUNT_ID_RULE = "^[a-z0-9][a-z0-9._-]{0,62}$"
_ACCOUNT_ID = re.compile(r"[a-z0-9][a-z0-9._-]{0,62}")  # used with fullmatch: `$` would allow "id\n"
ACCOUNT_ID_MAX_LENGTH = 63

_LABEL = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?")  # RFC 1035 LDH label, ASCII form
DOMAIN_MAX_LENGTH = 253  # RFC 1035: 255 octets on the wire = 253 characters in dotted form


class InvalidAccountId(ValueError):
    """The value is not an account id; the message names the rule."""


class InvalidDomain(ValueError):
    """The value is not a domain name an account can send from."""


def validate_account_id(value: str) -> str:
    """Return `value` when it is an account id; raise InvalidAccountId naming the rule otherwise.

    Nothing is normalised (no lower-casing, no trimming): an id is an identifier, and accepting
    `Shop-A` for `shop-a` in one place would make another place that compares exactly disagree.
    """
    if not _ACCOUNT_ID.fullmatch(value):
        raise InvalidAccountId(
            f"invalid account id {value[:80]!r}: an account id must match {ACCOUNT_ID_RULE} "
            "(1 to 63 characters: lower-case letters, digits, '.', '_' and '-', "
            "starting with a letter or digit)"
        )
    return value


def normalize_domain(value: str) -> str:
    """The ASCII, lower-case form of a mail domain (`Bücher.DE.` -> `xn--bcher-kva.de`).

    The same steps as the domain half of an address's normal form (lower-case, IDNA 2003 via the
    stdlib `idna` codec, no trailing dot), so `*@domain` entries and an account's `--domain`s
    compare equal to the domains of normalised addresses. Raises InvalidDomain with one line.
    """
    domain = value.strip().lower()
    if domain.endswith("."):
        domain = domain[:-1]  # the root's dot; one only: "example.com.." is not a name
    if not domain:
        raise InvalidDomain(f"invalid domain {value[:80]!r}: empty")
    try:
        domain = domain.encode("idna").decode("ascii")
    except UnicodeError:
        raise InvalidDomain(
            f"invalid domain {value[:80]!r}: not a valid internationalised domain name"
        ) from None
    domain = domain.lower()  # the codec keeps the case of ASCII labels as given
    if len(domain) > DOMAIN_MAX_LENGTH:
        raise InvalidDomain(f"invalid domain {value[:80]!r}: longer than {DOMAIN_MAX_LENGTH} characters")
    labels = domain.split(".")
    if len(labels) < 2:
        # A single label (`localhost`, `com`) is no public mail domain, and a typo like this one
        # would otherwise match nothing silently.
        raise InvalidDomain(f"invalid domain {value[:80]!r}: needs at least two labels (example.com)")
    for label in labels:
        if not _LABEL.fullmatch(label):
            raise InvalidDomain(
                f"invalid domain {value[:80]!r}: label {label!r} is not 1 to 63 letters, digits "
                "or inner hyphens"
            )
    if labels[-1].isdigit():
        # RFC 3696 §2: a top-level domain is never all-numeric; this is an IP address, not a domain.
        raise InvalidDomain(f"invalid domain {value[:80]!r}: an IP address is not a domain")
    return domain
