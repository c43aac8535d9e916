"""The reason for one recipient: status code, reply code and phrase families weighed together.

The order is chosen so that the specific wins over the generic: a 5.1.1 whose text says the
sender was blocked is not `user_unknown`, and a 5.0.0 whose text says "user unknown" is.
"""

from __future__ import annotations

from parsers import patterncode
from parsers.reasons.codes import (
    ACCOUNT_DISABLED,
    AUTH_FAILURE,
    BAD_REPUTATION,
    BLOCKED,
    CONTENT_ERROR,
    DELIVERED,
    EXCEED_LIMIT,
    EXPIRED,
    FILTERED,
    HAS_MOVED,
    HOST_UNKNOWN,
    MAILBOX_FULL,
    MAILER_ERROR,
    MESSAGE_TOO_BIG,
    NETWORK_ERROR,
    NO_RELAYING,
    NOT_ACCEPT,
    NOT_COMPLIANT_RFC,
    ON_HOLD,
    POLICY_VIOLATION,
    RATE_LIMITED,
    REJECTED,
    REQUIRE_PTR,
    SECURITY_ERROR,
    SPAM_DETECTED,
    SUSPEND,
    SYNTAX_ERROR,
    SYSTEM_ERROR,
    SYSTEM_FULL,
    TOO_MANY_CONNECTIONS,
    UNDEFINED,
    USER_UNKNOWN,
    VIRUS_DETECTED,
)
from parsers.reasons.families import families_in, normalise
from parsers.reasons.phrases import PHRASES, UNLESS, VETO
from parsers.reasons.status import (
    CONTINUATION,
    SMTP_CODE_REASON,
    class_reading,
    reply_code_in_text,
    status_in_text,
    status_reason,
    valid_status,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final

# The diagnostic type of a delivery whose diagnostic is the report's own prose next to the address
# (a report in no known format), not a quoted SMTP reply or a DSN field.
REPORT_TEXT: Final = "X-REPORT-TEXT"
# The diagnostic types whose text is the reporting server's own word on its own users, not a quoted
# reply: our report text, Domino's "X-Notes" (its router's lookup in its own directory: "User
# x (a@b) not listed in Domino Directory", in the server's language, under a bare 5.0.0), and
# Postfix's "X-Postfix" (its local(8) agent's 'unknown user: "name"' under a bare 5.0.0; a remote
# reply it relays there says "in reply to ... command", which names the command).
_OWN_WORD: Final = frozenset({REPORT_TEXT, "X-NOTES", "X-POSTFIX"})

# RFC 5321's own text of the 550 reply to RCPT TO: a report that quotes it without naming the
# command still answered RCPT TO (IIS/Exchange DSNs give only "550 Requested action not taken:
# mailbox unavailable" under a 5.0.0).
RCPT_REPLY: Final = "requested action not taken: mailbox unavailable"
# Replies after DATA that report the RCPT stage's refusals, not a filter's: Sendmail's 503 reply
# to DATA after every RCPT TO was refused (no recipient exists there), and the Barracuda gateway's
# after-DATA summary, which quotes each recipient's own verdict beside it ("550 permanent failure
# for one or more recipients (a@b:550 No such user)"; "(a@b:blocked)" is the sender's block).
RCPT_STAGE_OUTCOMES: Final = ("all recipients are invalid", "permanent failure for one or more recipients (")

# The reply codes RFC 5321 gives a recipient the server does not have (550 mailbox unavailable,
# 551 user not local, 553 mailbox name not allowed, 501 an address argument that does not parse:
# "501 Bad address syntax"). A report that gives only the generic 5.0.0
# (or no status) and names no command, but quotes one of these with a user-unknown text, answered
# RCPT TO: the stage where a server says whether it has the user. Mail of old MTAs and gateways
# says no more than that, and the address is gone; a filter's answer after DATA names DATA.
RCPT_USER_CODES: Final = frozenset({"501", "550", "551", "553"})

# A reply quoted as the answer to DATA ("in reply to end of DATA command", "after end of data").
_AFTER_DATA: Final = patterncode.compile(
    r"(?i)in reply to end of data|after (?:end of )?data\b|\bdata command"
)
_GENERIC_STATUS: Final = frozenset({None, "5.0.0"})

# A filtering gateway's check of the recipient with the mailbox server behind it (Postfix's
# reject_unverified_recipient, which gateways run in front of the mailbox server): "550 5.1.1 <a@b>:
# Recipient address rejected: undeliverable address: <what its probe met>". The code is the
# gateway's; whether the address is bad is what the probe met: the mailbox server's refusal of the
# recipient, or a server the gateway could not reach (a timeout, a refused or lost connection, a
# lookup to retry), which says nothing of the address.
_VERIFY_PROBE: Final = patterncode.compile(
    r"recipient address rejected: un(?:deliverable|verified) address: "
)
# (what the probe met says nothing the reason table can read: the gateway's code stands)
_PROBE_UNREAD: Final = frozenset({UNDEFINED, ON_HOLD})
# What the probe met that is the mailbox server's word on the address; anything else (a timeout, a
# refused connection: "blocked" or "expired" in a sender's report) is the gateway's own connection
# to its server failing.
_PROBE_ADDRESS_VERDICTS: Final = frozenset(
    {USER_UNKNOWN, ACCOUNT_DISABLED, HAS_MOVED, HOST_UNKNOWN, MAILBOX_FULL, SUSPEND, FILTERED, NOT_ACCEPT}
)


def _mirrors_reply(status: str | None, reply: str | None) -> bool:
    """A status that only spells the basic reply code out ("550" -> 5.5.0, as IIS SMTPSVC and
    Exchange 2003 write it for every reply) says no more than the reply: as generic as 5.0.0."""
    return bool(status and reply and len(reply) == 3 and status == ".".join(reply))


# The cause is stated near the start; a bounded text keeps the phrase search cheap.
MAX_DIAGNOSTIC_CHARS: Final = 1200

# Reasons too vague to stand when the text says something more specific.
_VAGUE: Final = frozenset({UNDEFINED, ON_HOLD, SYSTEM_ERROR, SECURITY_ERROR, NETWORK_ERROR})


def _excluded(reason: str, low: str) -> bool:
    unless = UNLESS.get(reason)
    return bool(unless and unless.search(low))


def _search(reason: str, low: str) -> bool:
    """Whether normalised `low` holds a phrase of the family `reason` (and none of its exceptions)."""
    family = PHRASES.get(reason)
    return bool(family is not None and family.search(low) and not _excluded(reason, low))


# Which families may overrule a reason named by the status code alone: used to break ties the way
# reports mean them (a 5.1.1 that says "blocked" is a block, a 5.7.1 that says "spam" is spam).
_USER_UNKNOWN_VETO: Final = (
    MAILBOX_FULL,
    MESSAGE_TOO_BIG,
    EXCEED_LIMIT,
    SUSPEND,
    ACCOUNT_DISABLED,
    HAS_MOVED,
    NO_RELAYING,
    AUTH_FAILURE,
    BLOCKED,
    REJECTED,
    NOT_ACCEPT,
    SPAM_DETECTED,
)

# First pass over text (Sisimai-like order): specific families before generic ones.
_FIRST_ORDER: Final = (
    MAILBOX_FULL, MESSAGE_TOO_BIG, EXCEED_LIMIT, SUSPEND, ACCOUNT_DISABLED, HAS_MOVED, NO_RELAYING,
    USER_UNKNOWN, FILTERED, REQUIRE_PTR, NOT_COMPLIANT_RFC, REJECTED, HOST_UNKNOWN, SPAM_DETECTED, RATE_LIMITED,
    TOO_MANY_CONNECTIONS, BLOCKED,
)  # fmt: skip
# Second pass: what is left when none of the above fits.
_SECOND_ORDER: Final = (
    VIRUS_DETECTED, AUTH_FAILURE, BAD_REPUTATION, POLICY_VIOLATION, SECURITY_ERROR, SYSTEM_FULL,
    SYSTEM_ERROR, NETWORK_ERROR, EXPIRED, CONTENT_ERROR, NOT_ACCEPT, MAILER_ERROR, SYNTAX_ERROR,
    ON_HOLD,
)  # fmt: skip

# Each reason's place in the two passes: a text's possible reasons (those whose family's keywords
# it holds: two or three) are put in pass order and only they are asked about, not every reason of
# both passes in turn (a call per reason: 4.7 M instructions of reason_for's 158 M over the dev
# corpus x5).
_PASS_PLACE: Final = {reason: place for place, reason in enumerate(_FIRST_ORDER + _SECOND_ORDER)}
_FIRST_PLACES: Final = len(_FIRST_ORDER)
# The reason each family of phrases names (of those a pass asks about: no other is searched).
_REASON_OF: Final = {family: reason for reason, family in PHRASES.items() if reason in _PASS_PLACE}

# Reasons a format (an MTA text detector) states that the generic table still checks, as sisimai
# does: a report can say "expired" or "user unknown" for a recipient whose server said more
# precisely "mailbox full" (or gave a 5.1.1 after the retries ran out).
RECHECKED: Final = frozenset(
    {
        UNDEFINED, ON_HOLD, SYSTEM_ERROR, SECURITY_ERROR, EXPIRED, SUSPEND, ACCOUNT_DISABLED,
        NETWORK_ERROR, HOST_UNKNOWN, USER_UNKNOWN,
    }
)  # fmt: skip


def overrules(found: str, stated: str) -> bool:
    """Whether `found` (the generic table's reason) replaces a format's `stated` reason.

    Only a reason of the first, specific pass does, and only one ranked before the stated one.
    """
    if stated not in RECHECKED or found == stated or found not in _FIRST_ORDER:
        return False
    return stated not in _FIRST_ORDER or _FIRST_ORDER.index(found) < _FIRST_ORDER.index(stated)


def matches(reason: str, text: str) -> bool:
    """Whether `text` contains a phrase of the family `reason` (any case)."""
    return bool(reason in PHRASES and text and _search(reason, normalise(text)))


def match_text(text: str) -> str | None:
    """The reason a diagnostic text alone suggests (no status code), or None."""
    if not text:
        return None
    low = normalise(text)
    for reason in _FIRST_ORDER + _SECOND_ORDER:
        if _search(reason, low):
            return reason
    return None


def _continued(low: str) -> bool:
    """Whether `low` holds more than one reply-code line opening (CONTINUATION): a second is
    looked for after the first, no list of them made (0.23 M instructions a dev copy less)."""
    # (a reply code opens with 2, 4 or 5: where none is, the pattern, which opens on no literal and
    # tests its class at every character, is not run; the memchr scans cost a tenth of that)
    if "5" not in low and "4" not in low and "2" not in low:
        return False
    first = CONTINUATION.search(low)
    if first is None:
        return False
    rest = low[first.end() :]
    return ("5" in rest or "4" in rest or "2" in rest) and CONTINUATION.search(low, first.end()) is not None


def derive(
    status: str | None = None,
    smtp_code: str | None = None,
    diagnostic: str | None = None,
    action: str | None = None,
    command: str | None = None,
    diagnostic_type: str | None = None,
) -> str:
    """The reason for one recipient from what its report said. Never raises."""
    # The cause is stated near the start; a bounded text keeps the phrase search cheap.
    text = (diagnostic or "").strip()[:MAX_DIAGNOSTIC_CHARS]
    status = valid_status(status) or status_in_text(text)
    if (status and status.startswith("2.")) or (action or "").startswith("deliver"):
        return DELIVERED
    low = normalise(text)
    if "recipient address rejected: un" in low:
        probe = _VERIFY_PROBE.search(low)
        if probe is not None:
            # (the probe asks RCPT TO and no further; its reply read as written, before a
            # multi-line reply's codes are joined away)
            met = derive(diagnostic=low[probe.end() :], action=action, command="RCPT")
            if met not in _PROBE_UNREAD:
                return met if met in _PROBE_ADDRESS_VERDICTS else NETWORK_ERROR
    if _continued(low):
        # "550-5.7.1 ... 550-5.7.1 ..." multi-line replies: join the lines so that phrases split
        # across them can match
        low = CONTINUATION.sub(" ", " " + low).strip()
    greylisted = "reylist" in low or "raylist" in low
    if greylisted and (status or smtp_code or reply_code_in_text(text) or "").startswith("4"):
        # Greylisting ("451 4.7.1 Greylisted, try again later"): the server asks every new sender to
        # come back later and refuses none; what became of the message is the wait, or its end
        # when the retries ran out (Exim's "...: retry timeout exceeded"): it expired, whatever a
        # 4.7.1's "delivery not authorized" would name.
        return EXPIRED
    seen: dict[str, bool] = {}
    # The families whose keywords the text holds, and their reasons: no other family can match, and
    # `has` answers for the others without searching (a text holds the keywords of two or three);
    # and the keywords it holds (what the index found).
    possible, words = families_in(low) if low else (frozenset(), frozenset())
    maybe = {_REASON_OF[f] for f in possible if f in _REASON_OF}
    # (the possible reasons in pass order: no other reason of a pass can be found)
    ordered = sorted(maybe, key=_PASS_PLACE.__getitem__)

    def unless(reason: str) -> bool:
        # (_excluded, where the index has answered)
        exception = UNLESS.get(reason)
        return exception is not None and exception in possible and exception.holds(low, words)

    def has(reason: str) -> bool:
        # each family is searched at most once per call, on the lower-cased text
        if reason not in maybe:
            return False
        found = seen.get(reason)
        if found is None:
            found = seen[reason] = PHRASES[reason].holds(low, words) and not unless(reason)
        return found

    by_status = status_reason(status)
    if (diagnostic_type or "").upper().startswith("X-UNIX") or text[:7].lower() == "x-unix;":
        # a local delivery program (procmail, a pipe) failed: the mailer's error, not the address;
        # unless the local mailer itself says the user does not exist (Sendmail's mail.local:
        # "550 5.1.1 name... User unknown"), when the status and the words agree
        if has(MAILBOX_FULL):
            return MAILBOX_FULL
        return USER_UNKNOWN if by_status == USER_UNKNOWN and has(USER_UNKNOWN) else MAILER_ERROR
    cmd = (command or "").upper()

    # A status code that names a specific address-level or message-level reason is trusted,
    # unless the text shows the rejection was really about the sender or the content.
    if by_status == USER_UNKNOWN:
        for other in _USER_UNKNOWN_VETO:
            strict = VETO.get(other)
            if strict is None:
                if other in maybe and has(other):
                    return other
            elif strict in possible and strict.holds(low, words) and not unless(other):
                return other
        return USER_UNKNOWN
    if by_status in (MAILBOX_FULL, MESSAGE_TOO_BIG, EXCEED_LIMIT, HAS_MOVED, SUSPEND):
        return by_status
    if by_status == HOST_UNKNOWN:
        # ("5.4.4 Host not found, try again": the lookup failed for now, the domain may exist)
        return NETWORK_ERROR if _excluded(HOST_UNKNOWN, low) else HOST_UNKNOWN
    unknown_user_text = USER_UNKNOWN in maybe and has(USER_UNKNOWN)
    if by_status == FILTERED:
        # "mailbox disabled" with a user-unknown text: the address is gone when the server said
        # so to RCPT TO; after DATA it is the recipient's filter.
        if unknown_user_text and cmd == "RCPT":
            return USER_UNKNOWN
        if unknown_user_text or has(FILTERED):
            return FILTERED
        for other in (MAILBOX_FULL, SUSPEND, ACCOUNT_DISABLED, SPAM_DETECTED, BLOCKED, REJECTED):
            if other in maybe and has(other):
                return other
        return FILTERED

    second = len(ordered)  # (where the second pass's reasons start in `ordered`)
    for at, reason in enumerate(ordered):
        if _PASS_PLACE[reason] >= _FIRST_PLACES:
            second = at
            break
        if reason == USER_UNKNOWN:
            if not unknown_user_text:
                continue
            # Text alone proves an unknown user only in answer to RCPT TO; a rejection after
            # DATA that says "unknown user" is the recipient's filter (Japanese mobile carriers).
            # Another addressing status does not prove it (a 5.1.10 or an Exchange 5.1.351 whose
            # text says "unknown recipient" is filtered unless it answered RCPT TO; the providers'
            # own tables in rhost and the MTA detectors say more where they know); a generic
            # status over an RCPT reply code does (RCPT_USER_CODES).
            if (
                cmd == "RCPT"
                or (not cmd and RCPT_REPLY in low)
                or any(outcome in low for outcome in RCPT_STAGE_OUTCOMES)
            ):
                return USER_UNKNOWN
            if cmd in ("MAIL", "EHLO", "HELO", "CONN"):
                continue
            if any(has(other) for other in _USER_UNKNOWN_VETO if other in maybe):
                continue
            reply = smtp_code or reply_code_in_text(text)
            if (
                not cmd
                and (status in _GENERIC_STATUS or _mirrors_reply(status, reply))
                and reply in RCPT_USER_CODES
                and not _AFTER_DATA.search(low)
            ):
                return USER_UNKNOWN
            if diagnostic_type in _OWN_WORD and cmd != "DATA":
                # a report in no known format (or Domino's X-Notes) that says the user is unknown,
                # and not in answer to DATA: its own explanation ("<a@b>: user unknown") or the reply it quotes to the
                # recipient ("550 <a@b>... User unknown"), not a filter's answer after DATA
                return USER_UNKNOWN
            return FILTERED
        if not has(reason):
            continue
        if reason == FILTERED and cmd in ("MAIL", "EHLO", "HELO", "CONN", "RCPT"):
            continue
        return reason

    if by_status is not None and by_status not in _VAGUE:
        return by_status
    for reason in ordered[second:]:
        if has(reason):
            return reason
    if by_status is not None:
        return by_status
    delayed = (action or "").startswith(("delayed", "expired"))
    # (a delay's code of no listed meaning, "421 4.7.0 Try again later", says the message waits,
    # not that it was refused for its content or for security: a listed code said more above)
    generic = None if delayed else class_reading(status)
    if generic is not None:
        return generic
    if (diagnostic_type or "").upper().startswith("X-POSTFIX"):
        return MAILER_ERROR
    if delayed:
        return EXPIRED
    code = smtp_code or reply_code_in_text(text)
    if code in SMTP_CODE_REASON and SMTP_CODE_REASON[code] != ON_HOLD:
        return SMTP_CODE_REASON[code]
    if cmd in ("EHLO", "HELO"):
        return BLOCKED
    if text:
        return ON_HOLD
    return UNDEFINED
