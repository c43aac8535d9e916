"""Verizon Wireless text/MMS gateways (vtext.com, vzwpix.com) bounces."""

from __future__ import annotations

from parsers.delivery import Delivery
from parsers.mail import Mail
from parsers.mta._providers import address_in, guarded, make

NAME = "Verizon"
# Prefilter markers, looked for in the subject and the From (parsers.mta.heading): the From is the
# gate.
HEADING_MARKERS = ("post_master@vtext.com", ".vzwpix.com")


@guarded
def inquire(mail: Mail) -> list[Delivery] | None:
    if not mail.may_hold("Received", (".vtext.com",)):
        return None  # (no Received value to decode: none names vtext.com)
    received = mail.headers("Received")
    if not any(".vtext.com (" in r for r in received):
        return None
    sender = mail.from_.lower()
    text = mail.text
    out: list[Delivery] = []
    if "post_master@vtext.com" in sender:
        # "Error: ... Message details: ... RCPT TO: 5555555555@vtext.com"
        start = text.find("Error: ")
        if start < 0:
            return None
        diagnostic = ""
        for line in text[start:].split("\n"):
            if line.startswith("  RCPT TO: "):
                addr = address_in(line)
                if addr:
                    out.append(make(addr, diagnostic))
            elif line.find(" - ") > 2 and not line.startswith("  "):
                # "Error: 550 - Requested action not taken: no such user here"
                diagnostic = line.strip().removeprefix("Error:").strip()
        for d in out:
            d.diagnostic = d.diagnostic or diagnostic or None
            if d.diagnostic and "no such user here" in d.diagnostic:
                d.reason = "user_unknown"
    elif "sysadmin@" in sender and ".vzwpix.com" in sender:
        # "Message could not be delivered to mobile. Error: No valid recipients for this MM"
        start = text.find("Message could not be delivered to mobile")
        if start < 0:
            return None
        error = ""
        for line in text[start:].split("\n"):
            if line.startswith("Error: "):
                error = line[7:].strip()
            elif line.startswith("To: "):
                addr = address_in(line)
                if addr:
                    out.append(make(addr, error or None))
        for d in out:
            d.diagnostic = d.diagnostic or error or None
            if "No valid recipients for this MM" in (d.diagnostic or ""):
                d.reason = "user_unknown"
    return out
