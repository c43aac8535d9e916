"""The reason for one delivery, from everything known about it, in the order of authority.

1. a reason the report's format states (an MTA detector's own table), unless it is a general
   verdict (`RECHECKED`) that the receiving host's reply contradicts more precisely;
2. the receiving provider's documented vocabulary (`providers`);
3. the generic table (`derive`), with the report's human-readable text next to the recipient when
   the diagnostic itself says too little.
"""

from __future__ import annotations

from collections.abc import Callable

from parsers.delivery import Delivery
from parsers.reasons import providers
from parsers.reasons.codes import UNDEFINED, canonical
from parsers.reasons.derive import _AFTER_DATA, _VAGUE, RECHECKED, REPORT_TEXT, derive, overrules


def _derive(d: Delivery, diagnostic: str | None) -> str:
    return derive(d.status, d.smtp_code, diagnostic, d.action, d.smtp_command, d.diagnostic_type)


def reason_for(d: Delivery, text_near: Callable[[], str | None]) -> tuple[str, str | None]:
    """The reason for `d`, and the diagnostic that supports it.

    `text_near()` gives the report's human-readable explanation next to the recipient (asked only
    when the diagnostic is missing or too vague).
    """
    if d.reason:
        stated = canonical(d.reason)
        if stated in RECHECKED and d.action != "delayed":
            # A format's general verdict yields to what the remote host's reply says precisely.
            again = providers.reason(d) or _derive(d, d.diagnostic)
            if overrules(again, stated):
                return again, d.diagnostic
        return stated, d.diagnostic
    hosted = providers.reason(d)
    if hosted:
        return hosted, d.diagnostic
    reason = _derive(d, d.diagnostic)
    if reason in _VAGUE or not d.diagnostic:
        # The human-readable part often explains better than the DSN's Diagnostic-Code.
        text = text_near()
        if text and text != d.diagnostic:
            # With no Diagnostic-Code at all, the text is the report's own prose about the
            # recipient ("User x (a@b) not listed in Domino Directory"), read as such: unless it
            # quotes a reply to DATA (a filter's answer, not an unknown address).
            own = not d.diagnostic and not d.smtp_command and not _AFTER_DATA.search(text)
            better = (
                derive(d.status, d.smtp_code, text, d.action, d.smtp_command, REPORT_TEXT)
                if own
                else _derive(d, text)
            )
            if better not in _VAGUE and better != UNDEFINED:
                return better, d.diagnostic or text
    return reason, d.diagnostic
