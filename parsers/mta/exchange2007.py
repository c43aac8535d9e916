"""Microsoft Exchange 2007 and later NDRs in any language: the administrators' diagnostic block."""

from __future__ import annotations

import re

from parsers.delivery import Delivery
from parsers.lazyre import compile_lazily
from parsers.mail import Mail
from parsers.mta import _common as c
from parsers.reasons.providers import collapsed, microsoft_reason

NAME = "Exchange2007"
# Prefilter markers (parsers.mta.candidates): _MARKERS must be in the report.
MARKERS = (
    "microsoft exchange",
    "diagnostic information for administrators",
    "generating server:",
    "resolver.",
    "remote server returned",
    " ##",
)
# ... and one of these headers must be in the message (parsers.mta.candidates; tested in _inquire).
REQUIRED_HEADERS = ("Content-Language", "X-MS-Exchange-Message-Is-Ndr")

_SUBJECT = compile_lazily(
    r"^(?:Undeliverable|Non remis|Non recapitabile|No se puede entregar|No entregado|Onbestelbaar|"
    r"Unzustellbar|Não entregue|Não é possível entregar|Nie można dostarczyć|Niedostarczalne|"
    r"Nedoručitelné|Olevererbart|Kan ikke leveres|Kézbesíthetetlen|Teslim Edilemedi|Toimittamaton|Невозможно доставить|"
    r"Delivery Status Notification|配信不能|送達不能|无法投递|無法傳遞|배달되지 않음|전달되지 않음|"
    r"Không thể gửi|Không gửi được|Недоставляемое|Уведомление)",
    re.I,
)
# (the last: the administrators' block's reply line, "host #550 5.1.1 ... ##", the same in every
# language the rest of the report is translated into)
_MARKERS = compile_lazily(
    r"Microsoft Exchange|Diagnostic information for administrators|Generating server:|"
    r"RESOLVER\.|Remote Server returned| ##(?:\n|$)",
    re.I | re.M,
)
_BARE_ADDRESS = compile_lazily(r"^\s*<?([^\s<>@]+@[^\s<>]+?)>?\s*$")
# "#550 5.1.1 RESOLVER.ADR.RecipNotFound; not found ##", "Remote Server returned '550 ...'",
# "3/09/2016 8:05:56 PM - Remote Server at host (10.1.1.3) returned '550 4.4.7 QUEUE.Expired; ...'"
_DETAIL = compile_lazily(
    r"^\s*+(#\s*\d.*|.*\breturned\s+'.*|\d{3}[ -]\d\.\d+\.\d+ .*|.*[45]\d\d [45]\.\d\.\d+ .*)$"
)
_RETURNED = compile_lazily(r"returned\s+'([^']*)'?")
# Exchange's own error names after the status code say why.
_NDR_REASONS = {
    "SMTPSEND.DNS.NonExistentDomain": c.HOST_UNKNOWN,
    "SMTPSEND.DNS.MxLoopback": c.NETWORK_ERROR,
    "RESOLVER.ADR.BadPrimary": c.SYSTEM_ERROR,
    "RESOLVER.ADR.RecipNotFound": c.USER_UNKNOWN,
    "RESOLVER.ADR.ExRecipNotFound": c.USER_UNKNOWN,
    "RESOLVER.ADR.RecipLimit": c.TOO_MANY_CONNECTIONS,
    "RESOLVER.ADR.InvalidInSmtp": c.SYSTEM_ERROR,
    "RESOLVER.ADR.Ambiguous": c.SYSTEM_ERROR,
    "RESOLVER.RST.AuthRequired": c.SECURITY_ERROR,
    "RESOLVER.RST.NotAuthorized": c.REJECTED,
    "RESOLVER.RST.RecipSizeLimit": c.MESSAGE_TOO_BIG,
    "QUEUE.Expired": c.EXPIRED,
}
_NDR_NAME = compile_lazily(r"\b((?:RESOLVER|QUEUE|SMTPSEND)\.[A-Za-z]+(?:\.\w+)?);?")
_FIRST_LISTING = compile_lazily(r"^(?:[^\n<]{0,200}<mailto:)?([^\s<>@]+@[^\s<>]+?)>?\s*$", re.M)


_REPORTING_MTA = compile_lazily(r"^Reporting-MTA:", re.M)
_GENERATING_SERVER = compile_lazily(
    r"^[^\S\n]*(?:Generating server|Server di generazione|Serveur de génération)\s*:\s*(\S+)", re.M
)
# (in a language whose label is not listed: the line above the recipient's that holds a label and a
# host name alone, "Genererende server: AM9PR04MB1001.eurprd04.prod.outlook.com")
_LABELLED_HOST = compile_lazily(
    r"^[^\S\n]*[^\s:<>@][^:<>@\n]{0,40}:[^\S\n]*([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)[^\S\n]*$"
)


def _generating_server(text: str, lines: list[str], at: int) -> str | None:
    """The server that wrote the report: named by its label, else on a line just above the
    recipient's (line `at`) that holds a label and a host name alone."""
    server = _GENERATING_SERVER.search(text)
    if server:
        return server.group(1).lower()
    for line in reversed(lines[max(0, at - 3) : at]):
        if ":" in line:
            labelled = _LABELLED_HOST.match(line)
            return labelled.group(1).lower() if labelled else None
    return None


def _inquire(mail: Mail) -> list[Delivery] | None:
    if not _SUBJECT.search(mail.subject):
        return None
    if not any(mail.has_header(name) for name in REQUIRED_HEADERS):
        return None
    text = c.before_original(mail, _REPORTING_MTA)
    if not _MARKERS.search(text):
        return None
    lines = text.split("\n")
    found: list[Delivery] = []
    seen: set[str] = set()
    for i, line in enumerate(lines[:-1]):
        bare = _BARE_ADDRESS.match(line)
        if not bare:
            continue
        # The reply is on the next line that holds text: a report sent as HTML only puts a blank
        # line between the two (each line ends in a <br> tag and a line break of the source).
        following = i + 1
        while following < len(lines) - 1 and not lines[following].strip():
            following += 1
        detail = _DETAIL.match(lines[following])
        if not detail:
            continue
        address = c.clean_address(bare.group(1))
        if not address or address in seen:
            continue
        seen.add(address)
        diagnostic = detail.group(1).strip().strip("#").strip()
        returned = _RETURNED.search(diagnostic)
        if returned:
            diagnostic = returned.group(1)
        name = _NDR_NAME.search(diagnostic)
        reason = _NDR_REASONS.get(name.group(1)) if name else None
        delivery = c.make(address, diagnostic, reason=reason, remote_mta=_generating_server(text, lines, i))
        # (Exchange's enhanced codes mean what Microsoft documents, in a report of any language:
        # its generating server, which would name Microsoft's host, is named in the report's own)
        delivery.reason = delivery.reason or microsoft_reason(delivery.status, collapsed(diagnostic.lower()))
        found.append(delivery)
    if found:
        return found
    # No administrators' block: the first listing ("Name<mailto:a@b>" lines) names the recipients.
    first = _FIRST_LISTING.findall(text[:4000])
    return [c.make(a, None) for a in dict.fromkeys(x for x in (c.clean_address(f) for f in first) if x)]


inquire = c.detector(_inquire)
