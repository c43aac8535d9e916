"""Address normalisation: one address, one suppression entry."""

from __future__ import annotations

import re


class InvalidAddress(ValueError):
    """The value is not an email address."""


def normalize_address(value: str) -> str:
    """Trim, drop angle brackets and an `rfc822;` prefix, lower-case, IDNA-encode the domain.

    Raises InvalidAddress when there is no local part and domain.
    """
    addr = value.strip()
    if addr.lower().startswith("rfc822;"):
        addr = addr[7:].strip()
    addr = addr.strip("<>").strip().strip('"').strip()
    local, sep, domain = addr.rpartition("@")
    if not sep or not local or not domain or any(c.isspace() for c in addr) or len(addr) > 320:
        raise InvalidAddress(f"not an email address: {value!r}")
    domain = domain.rstrip(".").lower()
    try:
        domain = domain.encode("idna").decode("ascii")
    except UnicodeError:
        if not domain.isascii():
            raise InvalidAddress(f"invalid domain in {value!r}") from None
    return f"{local.lower()}@{domain}"


# A plain address: ASCII, one @, none of the characters normalisation would strip or reject, and no
# trailing dot. For it, normalize_address reduces to lower-casing (IDNA leaves ASCII domains as they
# are), so lookups skip the general path; a property test keeps both equal.
_PLAIN_ADDRESS = re.compile(r'[^\s\x1c-\x1f<>";@]+@[^\s\x1c-\x1f<>";@]*[^\s\x1c-\x1f<>";@.]', re.ASCII)


def normalize_for_lookup(value: str) -> str:
    """normalize_address, with a fast path for the common plain address (bulk checks do 10,000)."""
    if len(value) <= 320 and value.isascii() and _PLAIN_ADDRESS.fullmatch(value):
        return value.lower()
    return normalize_address(value)
