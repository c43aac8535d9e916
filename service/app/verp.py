"""Signed VERP return paths: the MAIL FROM a sending service uses for one account's mail to one recipient.

`bounces+TOKEN@bounce.example` (DESIGN.md, "Attribution"): a bounce that comes back to it is
attributed to the account, and names its recipient even when the report does not. The token is
service.domain.tokens'; the address it is added to is BOUNCEBACK_VERP_ADDRESS, its separator
BOUNCEBACK_VERP_SEPARATOR, its key BOUNCEBACK_SECRET_KEY. The account is checked to exist by the
caller (both faces resolve it first).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from service.app.attribution import return_address
from service.config import Settings, SettingsError, secret_key
from service.domain.addresses import InvalidAddress, normalize_address
from service.domain.tokens import InvalidReturnAddress, TokenTooLong, make_verp_address

__all__ = ["InvalidAddress", "ReturnPath", "TokenTooLong", "VerpNotConfigured", "return_paths"]


class VerpNotConfigured(Exception):
    """BOUNCEBACK_VERP_ADDRESS is not set (or no secret key can be had): no return path can be made."""


@dataclass(frozen=True, slots=True)
class ReturnPath:
    recipient: str  # normalised: the token carries it in the form bounces name it
    return_path: str


def return_paths(settings: Settings, account: str, recipients: Sequence[str]) -> list[ReturnPath]:
    """One return path per recipient, in order.

    Raises VerpNotConfigured, InvalidAddress naming `recipients[i]`, or TokenTooLong for a recipient
    too long to fit in a token.
    """
    try:
        own = return_address(settings)
    except InvalidReturnAddress as exc:  # refused at start-up; only a direct caller gets here
        raise VerpNotConfigured(f"BOUNCEBACK_VERP_ADDRESS: {exc}") from None
    if own is None:
        raise VerpNotConfigured("no VERP return address is configured (set BOUNCEBACK_VERP_ADDRESS)")
    try:
        secret = secret_key(settings)
    except SettingsError as exc:  # refused at start-up; only a direct caller gets here
        raise VerpNotConfigured(str(exc)) from None
    return [
        ReturnPath(
            recipient,
            make_verp_address(secret, settings.verp_address, account, recipient, settings.verp_separator),
        )
        for recipient in normalised_recipients(recipients)
    ]


def normalised_recipients(values: Sequence[str]) -> list[str]:
    """The recipients a token is made for, normalised (the token carries them in the form reports
    name them); InvalidAddress naming `values[i]` (as `recipients[i]`) for one that is no address."""
    out: list[str] = []
    for i, value in enumerate(values):
        try:
            out.append(normalize_address(value))
        except InvalidAddress:
            where = f"recipients[{i}]: " if len(values) > 1 else ""
            raise InvalidAddress(f"{where}not an email address: {value[:320]!r}") from None
    return out
