"""Google Groups refusals of a post ("the group you tried to contact ... may not exist")."""

from __future__ import annotations

import re

from parsers.casefold import fold_case
from parsers.delivery import Delivery
from parsers.lazyre import compile_lazily
from parsers.mail import Mail
from parsers.mta._providers import addresses_in, body_of, guarded, make, sweep
from parsers.reasons.codes import ON_HOLD, REJECTED, USER_UNKNOWN

NAME = "GoogleGroups"
# Prefilter marker, looked for in the subject and the From (parsers.mta.heading): it accepts only this sender.
HEADING_MARKERS = ("mailer-daemon@google",)

_BOUNDARIES = ("----- Original message -----",)
# The group's name as the notice gives it, in parentheses after the sentence's "group": "the group
# you tried to contact (hikers-club)" (the languages word it differently, the parentheses stay).
_GROUP_NAME = compile_lazily(r"\(([A-Za-z0-9][A-Za-z0-9._+-]{0,63})\)")
# A notice that says the group does not exist (not that it "may not exist, or you may not have
# permission"): an address nobody receives mail at, as an unknown user is. In any case: searched in
# the text folded by fold_case, the word boundary before "group" a look-behind after it (a case-blind
# pattern opening on \b had no literal for re to skip ahead to: tried at every position).
_NO_SUCH_GROUP = compile_lazily(
    r"group(?<!\wgroup)\b[^.\n]{0,160}?\b(?:does not|doesn'?t|no longer) exists?\b"
)
# A post the group holds for its moderators ("... has been held for moderation", "is pending
# approval", "awaiting moderator approval"): the group took the post; it waits on a person.
_HELD = compile_lazily(
    r"\b(?:held for (?:moderation|review|approval)|pending (?:moderation|approval|review)"
    r"|awaiting (?:moderat\w+|approval)|moderators? (?:will )?(?:review|approve))",
    re.IGNORECASE,
)
_ADDRESS_HEADER = compile_lazily(r"^(?:To|Cc):[ \t]*(.*(?:\n[ \t].*)*)", re.MULTILINE | re.IGNORECASE)


def bullets(body: str) -> int:
    """How many lines open with a bullet ("* ", " * "): what re.findall(r"^ ?\\* ?", re.M) counts,
    without a multiline "^" that re tries at every position (it matches after a line feed only)."""
    return body.startswith(("*", " *")) + body.count("\n*") + body.count("\n *")


def _group_address(mail: Mail, body: str) -> str | None:
    """The group's address when the notice carries no X-Failed-Recipients (older notices and a
    Workspace domain's groups): the returned post's To or Cc address whose local part is the
    group's name."""
    names = {m.group(1).lower() for m in _GROUP_NAME.finditer(body[:2000])}
    original = mail.text[len(body) :]
    for header in _ADDRESS_HEADER.finditer(original[:20000]):
        for candidate in addresses_in(header.group(1)):
            if candidate.split("@", 1)[0].lower() in names:
                return candidate
    return None


@guarded
def inquire(mail: Mail) -> list[Delivery] | None:
    """The failed group addresses come from X-Failed-Recipients; the text is in the user's language."""
    sender = mail.from_.lower()
    if "mailer-daemon@google" not in sender or "Delivery Status Notification" not in mail.subject:
        return None
    body = body_of(mail, _BOUNDARIES)
    # Every language version links the Groups help centre (a Workspace domain's groups, their
    # domain's Groups help topic); Gmail's own bounces never do.
    if "groups.google.com" not in body and "Google Group" not in body:
        return None
    failed = ",".join(mail.headers("X-Failed-Recipients")) or _group_address(mail, body)
    if not failed:
        return None
    # Four bullet points ("You might have spelled ...", "The owner of the group may have removed
    # this group." ...) mean the post itself was refused. A post held for the moderators is no
    # failure of the group's address (as Mailman's hold notice, parsers.mta.listmanager): the
    # post waits on a person, reported as a delay (ignored). Anything else stays a soft hold.
    action = "failed"
    if _NO_SUCH_GROUP.search(fold_case(body[:2000])):
        reason = USER_UNKNOWN
    elif bullets(body) >= 4:
        reason = REJECTED
    else:
        reason = ON_HOLD
        if _HELD.search(body[:2000]):
            action = "delayed"
    # (the greeting names the poster, our own address: it is no part of the group's answer, and a
    # diagnostic that names only the sender would read as a refusal of the sender)
    paragraphs = [p for p in body.split("\n\n") if p.strip() and not addresses_in(p)]
    diagnostic = sweep(" ".join(paragraphs[:4]))
    return [make(r, diagnostic, reason=reason, action=action) for r in addresses_in(failed)]
