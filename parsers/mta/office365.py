"""Microsoft 365 / Exchange Online non-delivery reports ("Undeliverable: ...")."""

from __future__ import annotations

import re

from parsers.delivery import Delivery
from parsers.lazyre import compile_lazily
from parsers.mail import Mail
from parsers.mta._providers import address_in, body_of, from_dsn_parts, guarded, make, sweep
from parsers.reasons.providers import collapsed, microsoft_reason

NAME = "Office365"
# Prefilter, its markers looked for in the subject and the From (parsers.mta.heading): the report must look like Exchange Online's own (_is_office365):
# one of its subjects, a postmaster sender, or its NDR header.
HEADING_MARKERS = ("undeliverable:", "onbestelbaar:", "não entregue:", "não_entregue:", "postmaster@")
MARKER_HEADERS = ("X-MS-Exchange-Message-Is-Ndr",)

_SUBJECTS = ("Undeliverable:", "Onbestelbaar:", "Não entregue:", "Não_entregue:")
_FLAG_HEADERS = (
    "X-MS-Exchange-Message-Is-Ndr",
    "X-Microsoft-Antispam-PRVS",
    "X-Exchange-Antispam-Report-Test",
    "X-Exchange-Antispam-Report-CFA-Test",
    "X-MS-Exchange-CrossTenant-OriginalArrivalTime",
    "X-MS-Exchange-CrossTenant-FromEntityHeader",
    "X-MS-Exchange-Transport-CrossTenantHeadersStamped",
)
_OUTLOOK_HOST = compile_lazily(r"\.(?:outbound\.protection|prod)\.outlook\.com\b", re.IGNORECASE)
_BOUNDARIES = ("Original message headers:", "Original Message Headers:")
# (after any indentation: a report sent as HTML only, its text made from the markup, opens each
# line with the spaces its tags became)
_START = compile_lazily(
    r"^[^\S\n]*(?:Delivery has failed to these recipients or groups:|Original Message Details"
    r"|(?P<delayed>Delivery is delayed to these recipients or groups:)"
    r"|.+ rejected your message to the following e-?mail addresses:"
    r"|Falha na entrega a estes destinat.+rios ou grupos:"
    r"|Uw bericht kan niet worden bezorgd bij de volgende geadresseerden of groepen:)",
    re.MULTILINE,
)
_MAILTO = compile_lazily(r"<mailto:(\S+@[^>\s]+)>\s*$")
_BARE_ADDRESS = compile_lazily(r"^<?(\S+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,})>?$")
_RCPT_ADDRESS = compile_lazily(r"^Recipient Address:\s+(\S+@\S+)\s*$")
_GENERATING = compile_lazily(r"^(?:Generating server|Bronserver|Servidor de origem): (\S+)")
_ERROR = compile_lazily(
    r"^(?:Diagnostic information for administrators:|Error Details"
    r"|Diagnostische gegevens voor beheerders:|Informa.+es de diagn.+stico para administradores:)"
)
# "unknown recipient or mailbox unavailable -> <address>": Exchange's wording of a refusal of RCPT TO.
_RCPT_REFUSED = compile_lazily(r"unknown recipient or mailbox unavailable ->.+@.+\.[a-zA-Z]+", re.IGNORECASE)
_END = compile_lazily(r"^(?:Original [Mm]essage [Hh]eaders:?|Message Hops|Oorspronkelijke berichtkoppen:)")


def _is_office365(mail: Mail) -> bool:
    # Mail merely delivered through Microsoft's servers carries the same transport headers: the
    # report itself must look like Exchange's (its subject, its NDR flag or its postmaster).
    sender = mail.from_.lower()
    own = False
    for subject in _SUBJECTS:  # (a plain loop: any() left its generator suspended, to be closed)
        if subject in mail.subject:
            own = True
            break
    own = (
        own
        or mail.has_header("X-MS-Exchange-Message-Is-Ndr")
        or ("postmaster@" in sender and ("outlook" in sender or "microsoft" in sender))
    )
    if not own:
        return False
    score = sum(s in mail.subject for s in _SUBJECTS[:2]) + ("entregue:" in mail.subject.lower())
    score += sum(mail.has_header(h) for h in _FLAG_HEADERS)
    score += any(_OUTLOOK_HOST.search(r) for r in mail.headers("Received"))
    score += bool(_OUTLOOK_HOST.search(mail.header("Message-ID")))
    return score >= 2


def _from_text(body: str) -> list[Delivery]:
    match = _START.search(body)
    if not match:
        return []
    recipients: list[str] = []
    diagnostic: dict[str, list[str]] = {}
    lhost: str | None = None
    in_error = False
    named_above = False  # (recipients named above the administrators' section)
    for line in body[match.end() :].split("\n"):
        line = line.strip()
        if not line:
            continue
        if _END.match(line):
            break
        m = _MAILTO.search(line) or _RCPT_ADDRESS.match(line)
        if m is None and in_error and not named_above:
            # Newer reports, and a report sent as HTML only (its mailto links gone with the
            # markup), name each recipient only above the remote server's reply.
            m = _BARE_ADDRESS.match(line)
        if m:
            addr = address_in(m.group(1))
            if addr and addr not in recipients:
                recipients.append(addr)
                diagnostic[addr] = []
            continue
        g = _GENERATING.match(line)
        if g:
            lhost = g.group(1)
            continue
        if _ERROR.match(line):
            in_error = True
            named_above = bool(recipients)
            continue
        if in_error and _BARE_ADDRESS.match(line) and (address_in(line) or "") in recipients:
            continue  # the recipient named again above the remote server's reply
        if recipients:
            # Before the administrators' section: the explanation for the last recipient named;
            # inside it: the remote server's reply, which applies to every recipient listed above
            # it (or, where the section names them, to the last one it named).
            if in_error and named_above:
                for r in recipients:
                    diagnostic[r].append(line)
            else:
                diagnostic[recipients[-1]].append(line)
    del lhost  # the generating server is Microsoft's own, not the remote MTA
    # (its delay notice names each recipient, and the reply it waits on, in the failure's layout)
    action = "delayed" if match.group("delayed") else "failed"
    return [make(r, sweep(" ".join(diagnostic[r])), action=action) for r in recipients]


@guarded
def inquire(mail: Mail) -> list[Delivery] | None:
    """Recipients from the DSN part when present, else from the human-readable report."""
    if not _is_office365(mail):
        return None
    found = from_dsn_parts(mail) or _from_text(body_of(mail, _BOUNDARIES))
    for d in found:
        if not d.smtp_command and d.diagnostic and _RCPT_REFUSED.search(d.diagnostic):
            d.smtp_command = "RCPT"
        d.reason = d.reason or microsoft_reason(d.status, collapsed((d.diagnostic or "").lower()))
    return found
