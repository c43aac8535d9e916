"""Signed tokens that carry (account, recipient): VERP return paths and unsubscribe/report-spam links.

Format (both kinds): TAG + PAYLOAD, lower-case letters and digits only.

- PAYLOAD is `account@recipient` (an account id never contains `@`, so the first `@` splits it),
  its UTF-8 bytes packed as one number: bytes from the 41-symbol alphabet `a-z 0-9 . - _ + @`
  (what normalised addresses and account ids are made of) are one base-42 digit each, any other
  byte is an escape digit plus two digits. The number is written in base 36 (`0-9a-z`). That is
  about 1.04 characters per plain input character, against 1.6 for base32 of the raw bytes: the
  difference between a typical VERP local part fitting in 64 octets or not.
- TAG is the first 80 bits of HMAC-SHA256(secret, PURPOSE NUL PAYLOAD), base32 lower-case
  (16 characters, no padding). RFC 2104 §5 asks for at least 80 bits (and half the hash) when
  truncating; forging is an online attack only (the key never leaves the service), and 2^80 guesses
  by mail or HTTP are out of reach. The PURPOSE differs per kind (domain separation), so a VERP
  token never verifies as a link token, nor the reverse.

Why this alphabet: MTAs and mailbox providers lower-case local parts (and a few upper-case them);
`0-9a-z` read case-insensitively survives both. It is also valid in an RFC 5321 dot-atom (no dots
at all), in a URL path segment, and in a `mailto:` URI, so one codec serves every channel.

Lengths: a 10-character account and a 25-character recipient give a 54-character token, so
`bounces+TOKEN` is 62 octets; `shop-a` and `jane@example.com` give 41. The RFC 5321 limits (64
octets for a local part, §4.5.3.1.1; 256 for a whole path, §4.5.3.1.3) cannot hold every pair: a
63-character account and a 254-character recipient give a 348-character token (a 356-octet local
part). We accept the long tail rather than lose the recipient: MTAs are lenient in practice (the
big ESPs' VERP return paths routinely pass 64), ordinary pairs fit, and a token is capped at
MAX_TOKEN_LENGTH characters so a reader refuses anything longer unread. Escaped bytes (upper case,
non-ASCII) cost about three characters each; the use cases pass normalised (lower-case) addresses.

Signed, not encrypted: anyone who knows this format can read the account and the recipient out
of a token, as with classic VERP. Both are in the message anyway (To:, the sender's domain).

Verification compares the tag in constant time before the payload is decoded: unauthenticated
bytes are never parsed.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from dataclasses import dataclass

from service.domain.accounts import InvalidDomain, normalize_domain, validate_account_id

MAX_TOKEN_LENGTH = 512  # characters; made tokens never exceed it, longer input is refused unread
MIN_SECRET_BYTES = 16  # 128 bits: a shorter HMAC key is a configuration mistake
VERP_SEPARATORS = ("+", "-")  # must equal the MTA's recipient delimiter for the mail to arrive

_TAG_BYTES = 10
_TAG_CHARS = 16  # base32 of 10 bytes, no padding
_VERP_PURPOSE = b"bounceback/verp/v1"
_LINK_PURPOSE = b"bounceback/link/v1"

_PLAIN = b"abcdefghijklmnopqrstuvwxyz0123456789.-_+@"
_DIGIT_OF = {byte: i for i, byte in enumerate(_PLAIN)}
_ESCAPE = len(_PLAIN)  # 41: the next two digits are one byte outside _PLAIN
_BASE = len(_PLAIN) + 1  # 42
_BASE36 = "0123456789abcdefghijklmnopqrstuvwxyz"
_BASE36_CHUNK = 36**12  # convert 12 digits per big-number division


class InvalidReturnAddress(ValueError):
    """The configured VERP / unsubscribe address cannot carry a token."""


class TokenTooLong(ValueError):
    """The (account, recipient) pair does not fit in MAX_TOKEN_LENGTH characters."""


@dataclass(frozen=True, slots=True)
class VerpClaim:
    """What a verified VERP token says: a bounce to it is about mail from `account` to `recipient`."""

    account: str
    recipient: str


@dataclass(frozen=True, slots=True)
class LinkClaim:
    """What a verified unsubscribe/report-spam token says: `recipient` acting on `account`'s mail."""

    account: str
    recipient: str


# --- VERP ---------------------------------------------------------------------------------------


def make_verp_address(
    secret: bytes, verp_address: str, account: str, recipient: str, separator: str = "+"
) -> str:
    """`bounces@bounce.example` -> `bounces+TOKEN@bounce.example`, the token carrying both values."""
    local, domain = check_return_address(verp_address, separator)
    return f"{local}{separator}{_make(secret, _VERP_PURPOSE, account, recipient)}@{domain}"


def read_verp(secret: bytes, address_or_local_part: str, separator: str = "+") -> VerpClaim | None:
    """The claim of a VERP address (or its local part) when its token verifies, else None.

    Only the token decides, not the mailbox name before the separator: a renamed return address
    keeps the bounces of mail already sent attributable, and a forged name gains nothing.
    """
    token = _token_in_address(address_or_local_part, separator)
    claim = _read(secret, _VERP_PURPOSE, token) if token is not None else None
    return VerpClaim(*claim) if claim is not None else None


# --- unsubscribe and report-spam links ----------------------------------------------------------


def make_link_token(secret: bytes, account: str, recipient: str) -> str:
    """The token for `/u/{token}`, `/r/{token}` and the `mailto:` local part; it never expires."""
    return _make(secret, _LINK_PURPOSE, account, recipient)


def read_link_token(secret: bytes, token: str) -> LinkClaim | None:
    """The claim of a link token when it verifies, else None (input over MAX_TOKEN_LENGTH: unread)."""
    claim = _read(secret, _LINK_PURPOSE, token)
    return LinkClaim(*claim) if claim is not None else None


def make_unsubscribe_address(
    secret: bytes, unsubscribe_address: str, account: str, recipient: str, separator: str = "+"
) -> str:
    """The `mailto:` address of List-Unsubscribe: `unsubscribe+LINKTOKEN@domain`."""
    local, domain = check_return_address(unsubscribe_address, separator)
    return f"{local}{separator}{make_link_token(secret, account, recipient)}@{domain}"


def read_unsubscribe_address(
    secret: bytes, address_or_local_part: str, separator: str = "+"
) -> LinkClaim | None:
    """The claim of a mail sent to an unsubscribe address, when its token verifies, else None."""
    token = _token_in_address(address_or_local_part, separator)
    return read_link_token(secret, token) if token is not None else None


def check_return_address(address: str, separator: str) -> tuple[str, str]:
    """Split a configured `local@domain` that tokens are appended to; raise one line when unusable.

    The local part must be a plain dot-atom without the separator: the MTA splits the mailbox from
    the token at the first separator, so one inside the mailbox name would misroute every bounce.
    """
    if separator not in VERP_SEPARATORS:
        raise InvalidReturnAddress(f"separator {separator!r} must be one of {', '.join(VERP_SEPARATORS)}")
    local, at, domain = address.strip().rpartition("@")
    if not at or not _is_dot_atom(local):
        raise InvalidReturnAddress(
            f"{address!r} is not an address whose local part is a plain dot-atom (RFC 5321)"
        )
    if separator in local:
        raise InvalidReturnAddress(
            f"the local part of {address!r} must not contain the separator {separator!r}"
        )
    try:
        return local, normalize_domain(domain)
    except InvalidDomain as exc:
        raise InvalidReturnAddress(f"{address!r}: {exc}") from None


# --- the codec ----------------------------------------------------------------------------------


def _make(secret: bytes, purpose: bytes, account: str, recipient: str) -> str:
    _check_secret(secret)
    validate_account_id(account)
    if "@" not in recipient:
        raise ValueError(f"recipient {recipient[:80]!r} is not an address")
    if len(recipient) > MAX_TOKEN_LENGTH:  # each character costs at least one token character
        raise TokenTooLong(f"recipient of {len(recipient)} characters is too long for a token")
    payload = _pack(f"{account}@{recipient}".encode())
    token = _tag(secret, purpose, payload) + payload
    if len(token) > MAX_TOKEN_LENGTH:
        raise TokenTooLong(
            f"recipient {recipient[:80]!r} does not fit in a {MAX_TOKEN_LENGTH}-character token"
        )
    return token


def _read(secret: bytes, purpose: bytes, token: str) -> tuple[str, str] | None:
    _check_secret(secret)
    if len(token) > MAX_TOKEN_LENGTH or not token.isascii():
        return None
    token = token.lower()  # the token is case-insensitive: transit may change case
    if len(token) <= _TAG_CHARS or not token.isalnum():
        return None
    tag, payload = token[:_TAG_CHARS], token[_TAG_CHARS:]
    if not hmac.compare_digest(tag, _tag(secret, purpose, payload)):
        return None
    # Authentic from here on: this service made the payload, so it unpacks; the checks below only
    # guard against a future format change under the same purpose.
    data = _unpack(payload)
    if data is None:
        return None
    try:
        account, at, recipient = data.decode("utf-8").partition("@")
    except UnicodeDecodeError:
        return None
    return (account, recipient) if at else None


def _tag(secret: bytes, purpose: bytes, payload: str) -> str:
    mac = hmac.new(secret, purpose + b"\x00" + payload.encode("ascii"), hashlib.sha256).digest()
    return base64.b32encode(mac[:_TAG_BYTES]).decode("ascii").lower()


def _pack(data: bytes) -> str:
    number = 1  # a leading 1 keeps leading zero digits (the byte `a`) from vanishing
    for byte in data:
        digit = _DIGIT_OF.get(byte)
        if digit is not None:
            number = number * _BASE + digit
        else:
            high, low = divmod(byte, _BASE)
            number = ((number * _BASE + _ESCAPE) * _BASE + high) * _BASE + low
    return _to_base36(number)


def _unpack(text: str) -> bytes | None:
    number = int(text, 36)  # the caller checked `text` is [0-9a-z]+ (int() would accept "_" and signs)
    digits: list[int] = []
    while number > 1:
        number, digit = divmod(number, _BASE)
        digits.append(digit)
    if number != 1:
        return None
    digits.reverse()
    out = bytearray()
    i = 0
    while i < len(digits):
        if digits[i] != _ESCAPE:
            out.append(_PLAIN[digits[i]])
            i += 1
            continue
        if i + 2 >= len(digits):
            return None
        byte = digits[i + 1] * _BASE + digits[i + 2]
        if byte > 255:
            return None
        out.append(byte)
        i += 3
    return bytes(out)


def _to_base36(number: int) -> str:
    chunks: list[str] = []
    while number:
        number, chunk = divmod(number, _BASE36_CHUNK)
        chunks.append(_base36_small(chunk).rjust(12, "0") if number else _base36_small(chunk))
    return "".join(reversed(chunks))


def _base36_small(number: int) -> str:
    out: list[str] = []
    while number:
        number, digit = divmod(number, 36)
        out.append(_BASE36[digit])
    return "".join(reversed(out)) or "0"


def _token_in_address(address_or_local_part: str, separator: str) -> str | None:
    if len(address_or_local_part) > 2 * MAX_TOKEN_LENGTH:  # refuse before any work
        return None
    value = address_or_local_part.strip().strip("<>")
    local = value.rpartition("@")[0] if "@" in value else value
    _, sep, token = local.partition(separator)
    return token if sep else None


_ATEXT = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-/=?^_`{|}~")


def _is_dot_atom(local: str) -> bool:
    # RFC 5321 Dot-string: atoms of atext joined by single dots.
    return bool(local) and all(atom and set(atom) <= _ATEXT for atom in local.split("."))


def _check_secret(secret: bytes) -> None:
    if len(secret) < MIN_SECRET_BYTES:
        raise ValueError(f"the secret key must be at least {MIN_SECRET_BYTES} bytes")
