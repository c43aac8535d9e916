"""Trend Micro InterScan Messaging Security Suite notices: its SMTP transcript or "Unable to deliver"."""

from __future__ import annotations

from parsers.delivery import Delivery
from parsers.lazyre import compile_lazily
from parsers.mail import Mail
from parsers.mta import _common as c

NAME = "InterScanMSS"
# Prefilter markers, looked for in the subject and the From (parsers.mta.heading): the From or a subject is the gate.
HEADING_MARKERS = (
    "interscan",
    "mail could not be delivered",
    "メッセージを配信できません。",
    "メール配信に失敗しました",
)

_SUBJECTS = ("Mail could not be delivered", "メッセージを配信できません。", "メール配信に失敗しました")
_UNABLE = compile_lazily(
    r"(?:Unable to deliver message to|Could not deliver mail to)\s*<([^>@\s]+@[^>\s]+)>(.*)$"
)
# Sent <<< RCPT TO:<a@b>          Received >>> 550 5.1.1 <a@b>... user unknown
_NAMED = compile_lazily(r"[<>]{3}\s+[^<]*<([^>@\s]+@[^>\s]+)>")
_SENT = compile_lazily(r"^Sent\s+<<<\s+([A-Z]{4})\s")
_RECEIVED = compile_lazily(r"^Received\s+>>>\s+(\d{3}\s+.+)$")
# The same transcript in other languages: "... >>> RCPT TO ...", "... <<< 550 5.1.1 User unknown"
_LOCAL_SENT = compile_lazily(r"\s>>>\s([A-Z]{4})")
_LOCAL_REPLY = compile_lazily(r"\s<<<\s(.+)$")


def _inquire(mail: Mail) -> list[Delivery] | None:
    if "InterScan" not in mail.from_ and mail.subject not in _SUBJECTS:
        return None
    text = c.before_original(mail)
    entries: list[dict[str, str]] = []
    for line in text.split("\n"):
        line = line.strip()
        if not line:
            continue
        unable = _UNABLE.search(line)
        if unable:
            # The notice names the address and asks to check it: InterScan refused it at RCPT.
            reason = "" if c.find_smtp_code(unable.group(2)) else c.USER_UNKNOWN
            entries.append(
                {"recipient": unable.group(1), "diagnostic": line, "command": "RCPT", "reason": reason}
            )
            continue
        named = _NAMED.search(line)
        if named and (not entries or entries[-1]["recipient"] != named.group(1)):
            entries.append({"recipient": named.group(1), "diagnostic": ""})
        if not entries:
            continue
        sent, received = _SENT.match(line), _RECEIVED.match(line)
        if sent:
            entries[-1]["command"] = sent.group(1)
        elif received:
            entries[-1]["diagnostic"] = received.group(1)
        else:
            local_sent, local_reply = _LOCAL_SENT.search(line), _LOCAL_REPLY.search(line)
            if local_sent:
                entries[-1]["command"] = local_sent.group(1)
            if local_reply:
                entries[-1]["diagnostic"] = local_reply.group(1)
    found: list[Delivery] = []
    for entry in entries:
        address = c.clean_address(entry["recipient"])
        if address:
            found.append(
                c.make(
                    address,
                    entry["diagnostic"],
                    reason=entry.get("reason") or None,
                    command=entry.get("command"),
                )
            )
    return found


inquire = c.detector(_inquire)
