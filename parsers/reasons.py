"""The reason table: one place that turns status codes and diagnostic text into a reason and a class.

A reason is derived from (a) the RFC 3463 enhanced status code, (b) the SMTP reply code and (c)
phrase families found in the diagnostic text, in an order chosen so that the specific wins over the
generic: a 5.1.1 whose text says the sender was blocked is not `user_unknown`, and a 5.0.0 whose
text says "user unknown" is. `classify` is the only rule that maps a reason to hard/soft/ignored.
"""

from __future__ import annotations

import re
import re._constants as _sre
import re._parser as _parser
from typing import Any, Final

# --- the taxonomy ------------------------------------------------------------------------------

USER_UNKNOWN: Final = "user_unknown"
HOST_UNKNOWN: Final = "host_unknown"
HAS_MOVED: Final = "has_moved"
NOT_ACCEPT: Final = "not_accept"
MAILBOX_FULL: Final = "mailbox_full"
SUSPENDED: Final = "suspended"
FILTERED: Final = "filtered"
REJECTED: Final = "rejected"
BLOCKED: Final = "blocked"
SPAM_DETECTED: Final = "spam_detected"
VIRUS_DETECTED: Final = "virus_detected"
POLICY: Final = "policy"
AUTH_FAILURE: Final = "auth_failure"
REQUIRE_PTR: Final = "require_ptr"
RATE_LIMITED: Final = "rate_limited"
TOO_MANY_CONNECTIONS: Final = "too_many_connections"
MESSAGE_TOO_BIG: Final = "message_too_big"
EXCEED_LIMIT: Final = "exceed_limit"
EXPIRED: Final = "expired"
NETWORK_ERROR: Final = "network_error"
SYSTEM_ERROR: Final = "system_error"
SYSTEM_FULL: Final = "system_full"
MAILER_ERROR: Final = "mailer_error"
SYNTAX_ERROR: Final = "syntax_error"
NO_RELAYING: Final = "no_relaying"
SECURITY_ERROR: Final = "security_error"
CONTENT_ERROR: Final = "content_error"
NOT_COMPLIANT_RFC: Final = "not_compliant_rfc"
BAD_REPUTATION: Final = "bad_reputation"
ON_HOLD: Final = "on_hold"
UNDEFINED: Final = "undefined"
DELIVERED: Final = "delivered"
VACATION: Final = "vacation"
FEEDBACK: Final = "feedback"

REASONS: Final[frozenset[str]] = frozenset(
    {
        USER_UNKNOWN, HOST_UNKNOWN, HAS_MOVED, NOT_ACCEPT, MAILBOX_FULL, SUSPENDED, FILTERED,
        REJECTED, BLOCKED, SPAM_DETECTED, VIRUS_DETECTED, POLICY, AUTH_FAILURE, REQUIRE_PTR,
        RATE_LIMITED, TOO_MANY_CONNECTIONS, MESSAGE_TOO_BIG, EXCEED_LIMIT, EXPIRED, NETWORK_ERROR,
        SYSTEM_ERROR, SYSTEM_FULL, MAILER_ERROR, SYNTAX_ERROR, NO_RELAYING, SECURITY_ERROR,
        CONTENT_ERROR, NOT_COMPLIANT_RFC, BAD_REPUTATION, ON_HOLD, UNDEFINED, DELIVERED, VACATION,
        FEEDBACK,
    }
)  # fmt: skip

# Reasons that mean the address itself is bad (suppress at once). not_accept only with a 5xx.
_HARD: Final = frozenset({USER_UNKNOWN, HOST_UNKNOWN, HAS_MOVED})
_IGNORED: Final = frozenset({DELIVERED, VACATION})

# Reasons too vague to stand when the text says something more specific.
_VAGUE: Final = frozenset({UNDEFINED, ON_HOLD, SYSTEM_ERROR, SECURITY_ERROR, NETWORK_ERROR})

MAX_DIAGNOSTIC_CHARS: Final = 1200

# --- (a) enhanced status codes -------------------------------------------------------------------

STATUS_REASON: Final[dict[str, str]] = {
    "4.1.6": HAS_MOVED, "4.1.7": REJECTED, "4.1.8": REJECTED, "4.1.9": SYSTEM_ERROR,
    "4.2.1": SUSPENDED, "4.2.2": MAILBOX_FULL, "4.2.3": EXCEED_LIMIT, "4.2.4": FILTERED,
    "4.3.1": SYSTEM_FULL, "4.3.2": NOT_ACCEPT, "4.3.3": SYSTEM_ERROR, "4.3.5": SYSTEM_ERROR,
    "4.4.1": EXPIRED, "4.4.2": NETWORK_ERROR, "4.4.3": SYSTEM_ERROR, "4.4.4": NETWORK_ERROR,
    "4.4.5": SYSTEM_FULL, "4.4.6": NETWORK_ERROR, "4.4.7": EXPIRED, "4.4.8": NETWORK_ERROR,
    "4.5.3": SYSTEM_ERROR, "4.5.5": SYSTEM_ERROR, "4.6.0": CONTENT_ERROR, "4.6.2": CONTENT_ERROR,
    "4.6.5": CONTENT_ERROR, "4.7.1": BLOCKED, "4.7.2": BLOCKED, "4.7.5": SECURITY_ERROR,
    "4.7.6": SECURITY_ERROR, "4.7.7": SECURITY_ERROR, "4.7.12": SECURITY_ERROR,
    "4.7.15": SECURITY_ERROR, "4.7.16": MESSAGE_TOO_BIG, "4.7.24": AUTH_FAILURE,
    "4.7.25": REQUIRE_PTR, "4.7.26": AUTH_FAILURE,
    "5.1.0": USER_UNKNOWN, "5.1.1": USER_UNKNOWN, "5.1.2": HOST_UNKNOWN, "5.1.3": USER_UNKNOWN,
    "5.1.4": FILTERED, "5.1.6": HAS_MOVED, "5.1.7": REJECTED, "5.1.8": REJECTED,
    "5.1.9": SYSTEM_ERROR, "5.1.10": NOT_ACCEPT, "5.2.0": FILTERED, "5.2.1": FILTERED,
    "5.2.2": MAILBOX_FULL, "5.2.3": EXCEED_LIMIT, "5.2.4": FILTERED, "5.3.0": SYSTEM_ERROR,
    "5.3.1": SYSTEM_FULL, "5.3.2": NOT_ACCEPT, "5.3.3": SYSTEM_ERROR, "5.3.4": MESSAGE_TOO_BIG,
    "5.3.5": SYSTEM_ERROR, "5.4.0": NETWORK_ERROR, "5.4.3": SYSTEM_ERROR, "5.4.4": HOST_UNKNOWN,
    "5.5.2": SYNTAX_ERROR, "5.5.3": TOO_MANY_CONNECTIONS, "5.5.4": SYSTEM_ERROR,
    "5.5.5": SYSTEM_ERROR, "5.5.6": SYNTAX_ERROR, "5.6.0": CONTENT_ERROR,
    "5.6.1": CONTENT_ERROR, "5.6.2": CONTENT_ERROR, "5.6.3": CONTENT_ERROR,
    "5.6.5": CONTENT_ERROR, "5.6.6": CONTENT_ERROR, "5.6.7": CONTENT_ERROR,
    "5.6.8": CONTENT_ERROR, "5.6.9": CONTENT_ERROR, "5.7.0": SECURITY_ERROR,
    "5.7.1": SECURITY_ERROR, "5.7.2": SECURITY_ERROR, "5.7.3": SECURITY_ERROR,
    "5.7.4": SECURITY_ERROR, "5.7.5": SECURITY_ERROR, "5.7.6": SECURITY_ERROR,
    "5.7.7": SECURITY_ERROR, "5.7.8": SECURITY_ERROR, "5.7.9": SECURITY_ERROR,
    "5.7.10": SECURITY_ERROR, "5.7.11": SECURITY_ERROR, "5.7.13": SUSPENDED,
    "5.7.14": SECURITY_ERROR, "5.7.15": SECURITY_ERROR, "5.7.16": MESSAGE_TOO_BIG,
    "5.7.17": HAS_MOVED, "5.7.18": HAS_MOVED, "5.7.19": SECURITY_ERROR, "5.7.20": AUTH_FAILURE,
    "5.7.21": AUTH_FAILURE, "5.7.22": AUTH_FAILURE, "5.7.23": AUTH_FAILURE,
    "5.7.24": AUTH_FAILURE, "5.7.25": REQUIRE_PTR, "5.7.26": AUTH_FAILURE,
    "5.7.27": NOT_ACCEPT, "5.7.28": SPAM_DETECTED,
}  # fmt: skip

# Pseudo status codes (x.0.9NN) some reports and our own text detectors use for a known reason.
_PSEUDO_REASON: Final[dict[str, str]] = {
    "900": UNDEFINED, "901": ON_HOLD, "902": SYNTAX_ERROR, "909": NO_RELAYING, "910": FILTERED,
    "911": USER_UNKNOWN, "912": HOST_UNKNOWN, "916": HAS_MOVED, "918": REJECTED,
    "921": SUSPENDED, "922": MAILBOX_FULL, "923": EXCEED_LIMIT, "924": FILTERED,
    "930": SYSTEM_ERROR, "931": SYSTEM_FULL, "932": NOT_ACCEPT, "934": MESSAGE_TOO_BIG,
    "939": MAILER_ERROR, "944": NETWORK_ERROR, "945": TOO_MANY_CONNECTIONS,
    "946": RATE_LIMITED, "947": EXPIRED, "960": CONTENT_ERROR, "970": SECURITY_ERROR,
    "971": BLOCKED, "972": POLICY, "975": BAD_REPUTATION, "980": SPAM_DETECTED,
}  # fmt: skip

_REASON_PSEUDO: Final[dict[str, str]] = {v: k for k, v in _PSEUDO_REASON.items()}
_REASON_PSEUDO[VIRUS_DETECTED] = "971"
_REASON_PSEUDO[AUTH_FAILURE] = "972"
_REASON_PSEUDO[REQUIRE_PTR] = "971"

# An enhanced status code in free text: class 2/4/5, subject 0-7, detail 0-999; not part of a
# longer number, a dotted IP address or a version string.
_STATUS_IN_TEXT: Final = re.compile(r"(?<![\d.vV])([245])\.([0-7])\.(\d{1,3})(?![\d]|\.\d)")
_REPLY_IN_TEXT: Final = re.compile(r"(?<![\d.])([245]\d\d)(?:[ -]|$)")
_CONTINUATION: Final = re.compile(r"(?<![\w.])[245]\d\d[- ](?:[245]\.\d{1,3}\.\d{1,3}[ ]?)?")
_STATUS_SHAPE: Final = re.compile(r"^[245]\.\d{1,3}\.\d{1,3}$")


def status_in_text(text: str, prefer: str | None = None) -> str | None:
    """The first specific enhanced status code in `text` (x.0.0 and 4.4.7 only when alone).

    `prefer` ("4" or "5") limits the search to that class when the reply code is known.
    """
    if not text or "." not in text:
        return None
    fallback = None
    success = None
    for m in _STATUS_IN_TEXT.finditer(text):
        cls = m.group(1)
        if prefer and cls != prefer:
            continue
        code = f"{cls}.{m.group(2)}.{int(m.group(3))}"
        if cls == "2" and not prefer:
            success = success or code  # a transcript's "250 2.1.5 Ok" before the error
            continue
        if code.endswith(".0.0") or code == "4.4.7":
            fallback = fallback or code
            continue
        return code
    return fallback or success


def reply_code_in_text(text: str) -> str | None:
    """The first 4xx/5xx SMTP reply code that starts a token in `text` (else the first 2xx)."""
    if not text:
        return None
    success = None
    for m in _REPLY_IN_TEXT.finditer(text):
        if m.group(1)[0] != "2":
            return m.group(1)
        success = success or m.group(1)
    return success


def valid_status(status: str | None) -> str | None:
    """`status` when it has the shape of an enhanced status code, else None."""
    if not status:
        return None
    status = status.strip()
    return status if _STATUS_SHAPE.match(status) else None


def pseudo_status(reason: str, temporary: bool) -> str:
    """A stand-in status code (x.0.9NN) for a reason when the report gave none."""
    return f"{'4' if temporary else '5'}.0.{_REASON_PSEUDO.get(reason, '900')}"


def status_reason(status: str | None) -> str | None:
    """The reason an enhanced status code names on its own, or None."""
    if not status:
        return None
    reason = STATUS_REASON.get(status)
    if reason is not None:
        return reason
    parts = status.split(".")
    if len(parts) == 3 and parts[1] == "0" and parts[2] in _PSEUDO_REASON:
        return _PSEUDO_REASON[parts[2]]
    return None


# --- (c) diagnostic-text phrase families ---------------------------------------------------------
# Every family is one case-insensitive alternation compiled once. Patterns avoid nested unbounded
# repetition so that a hostile diagnostic cannot make them backtrack for long; `.{0,N}` bounds gaps.


def _lower_pattern(pattern: str) -> str:
    """Lower-case the literal letters of a pattern, leaving escapes such as \\S or \\D alone."""
    out = []
    escaped = False
    for ch in pattern:
        out.append(ch if escaped else ch.lower())
        escaped = ch == "\\" and not escaped
    return "".join(out)


_Parsed = list[tuple[Any, Any]]
_REPEATS: Final = (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT)


def _required(items: _Parsed) -> frozenset[str] | None:
    """Strings at least one of which occurs in every text the parsed pattern `items` matches.

    Only what a match cannot avoid counts: a run of literal characters, a group, a repetition of at
    least one, or an alternation all of whose branches have such strings (their union). Of the
    candidates in a sequence the one with the longest shortest string wins (fewest false hits),
    then the one with fewest strings. None when nothing is certain.
    """
    options: list[frozenset[str]] = []
    run: list[str] = []
    for op, av in items:
        if op is _sre.LITERAL:
            run.append(chr(av))
            continue
        if run:
            options.append(frozenset({"".join(run)}))
            run = []
        sub: frozenset[str] | None = None
        if op is _sre.SUBPATTERN and not av[1] and not av[2]:  # a group without inline flags
            sub = _required(list(av[3]))
        elif op is _sre.BRANCH:
            branches = [_required(list(branch)) for branch in av[1]]
            if all(branches):
                sub = frozenset().union(*(b for b in branches if b))
        elif op in _REPEATS and av[0] >= 1:
            sub = _required(list(av[2]))
        if sub:
            options.append(sub)
    if run:
        options.append(frozenset({"".join(run)}))
    if not options:
        return None
    return max(options, key=_selectivity)


# Words most diagnostics contain whatever their reason: a keyword that is one of them lets nearly
# every text through to the full search, so another required string of the phrase is preferred.
_COMMON_WORDS: Final = frozenset(
    {
        "account", "address", "connection", "delivery", "denied", "domain", "e-mail", "email",
        "error", "exceed", "exceeded", "failed", "from", "has been", "host", "mail", "mail from",
        "mailbox", "message", "not", "recipient", "rejected", "sender", "server", "smtp", "the",
        "this", "user",
    }
)  # fmt: skip


def _selectivity(option: frozenset[str]) -> tuple[bool, int, int]:
    """How rarely texts hold one of `option`'s strings (greater is rarer)."""
    rare = all(len(s.strip()) > 2 and s.strip() not in _COMMON_WORDS for s in option)
    return (rare, min(len(s) for s in option), -len(option))


def _keywords(pattern: str) -> tuple[str, ...] | None:
    """The strings one of which a text must hold for `pattern` to match in it, shortest first."""
    found = _required(list(_parser.parse(pattern)))
    return _without_superstrings(found) if found else None


def _without_superstrings(found: frozenset[str]) -> tuple[str, ...]:
    """`found` shortest first, less each string that contains another (the shorter one is found
    wherever it is)."""
    kept: list[str] = []
    for word in sorted(found, key=len):
        if not any(short in word for short in kept):
            kept.append(word)
    return tuple(kept)


class _Family:
    """One family's phrases, each searched only in a text that holds one of its literal keywords.

    Every phrase has keywords (`_required`): strings one of which any text it matches contains.
    A text that holds none of the family's keywords is rejected by a few `in` tests; otherwise
    only the phrases whose keywords it holds are searched, one short expression each (CPython's
    re skips ahead on a literal prefix; a long alternation tries every phrase at every position).
    Expressions and keywords are built on first use, so a process that parses one message
    compiles only what it needs.
    """

    __slots__ = ("_always", "_by_keyword", "_keywords", "_phrases", "_regexes", "pattern")

    def __init__(self, phrases: tuple[str, ...]) -> None:
        self._phrases = phrases
        self.pattern = "|".join(phrases)
        self._keywords: tuple[str, ...] | None = None
        # keyword -> indexes of the phrases that may match where it occurs
        self._by_keyword: dict[str, tuple[int, ...]] | None = None
        self._always: tuple[int, ...] = ()  # phrases without a keyword: always searched
        self._regexes: list[re.Pattern[str] | None] = [None] * len(phrases)

    def _index(self) -> dict[str, tuple[int, ...]]:
        required = [_required(list(_parser.parse(p))) for p in self._phrases]
        kept = _without_superstrings(frozenset().union(*(r for r in required if r)))
        # A phrase that matches holds one of its own strings, and every kept keyword is in one of
        # them or is one: a phrase is listed under each kept keyword found inside its strings.
        by_keyword = {
            word: tuple(i for i, r in enumerate(required) if r and any(word in s for s in r)) for word in kept
        }
        self._always = tuple(i for i, r in enumerate(required) if not r)
        self._keywords = kept
        self._by_keyword = by_keyword
        return by_keyword

    def _phrase_search(self, index: int, low: str) -> bool:
        regex = self._regexes[index]
        if regex is None:
            regex = self._regexes[index] = re.compile(self._phrases[index])
        return regex.search(low) is not None

    def search(self, low: str) -> bool:
        """Whether lower-cased `low` holds one of the family's phrases."""
        by_keyword = self._by_keyword
        if by_keyword is None:
            by_keyword = self._index()
        candidates: set[int] = set()
        for word in self._keywords or ():
            if word in low:
                candidates.update(by_keyword[word])
        if not candidates and not self._always:
            return False
        return any(self._phrase_search(i, low) for i in sorted(candidates.union(self._always)))


def _family(*phrases: str) -> _Family:
    # Matched against lower-cased text without re.IGNORECASE: much faster in CPython's re, which
    # can then skip ahead on the phrases' literal prefixes.
    return _Family(tuple(f"(?:{_lower_pattern(p)})" for p in phrases))


PHRASES: Final[dict[str, _Family]] = {
    MAILBOX_FULL: _family(
        r"account is (?:exceeding their quota|(?:temporarily )?over quota)",
        r"delivery failed: over quota",
        r"dis[ck] quota exceeded",
        r"does not have enough space",
        r"exceeded storage allocation",
        r"exceeding its mailbox quota",
        r"full mailbox",
        r"is over (?:disk )?quota",
        r"mail quota exceeded",
        r"mailbox (?:exceeded the local limit|full|has exceeded its disk space limit|is full"
        r"|over quota|quota usage exceeded|size limit exceeded|would exceed)",
        r"maildir over quota",
        r"mailfolder is full",
        r"not enough storage space",
        r"over the allowed quota",
        r"quota (?:exceeded|violation)",
        r"recipient reached disk quota",
        r"user'?s? (?:space has been used up|is over (?:the )?quota|over quota|has exceeded)",
        r"the user you are trying to reach is over quota",
        r"too much mail data",
        r"user has too many messages",
        r"boite du destinataire pleine",
        r"postfach (?:ist )?voll",
        r"casella (?:di posta )?piena",
        r"buz[oó]n (?:lleno|completo)",
        r"容量(?:超過|オーバー)|メールボックスが(?:一杯|いっぱい)",
        r"account disabled temporarly for exceeding receiving limits",
        r"diskspace quota",
        r"mail file size exceeds the maximum size allowed for mail delivery",
        r"maildir delivery failed: (?:user|domain)disk quota",
    ),
    MESSAGE_TOO_BIG: _family(
        r"exceeded maximum inbound message size",
        r"line limit exceeded",
        r"max(?:imum)? message size exceeded",
        r"message (?:file )?too big",
        r"message too large for this ",
        r"message size exceeds (?:fixed )?(?:maximum|limit)",
        r"message size \S+ exceeds",
        r"size (?:of message |limit )?exceeds?",
        r"message length exceeds",
        r"taille limite du message atteinte",
        r"email (?:size|message) (?:is )?too large",
        r"size limit",
    ),
    EXCEED_LIMIT: _family(
        r"message too large for this recipient",
        r"exceeds? (?:the )?(?:per-)?(?:mailbox|recipient) (?:message )?(?:size )?limit",
        r"message too large",
        r"message header size exceeds limit",
    ),
    SUSPENDED: _family(
        r"account (?:has been |is )?(?:disabled|suspended|frozen|deactivated|inactive|locked)",
        r"(?:disabled|suspended|inactive|deactivated|locked) (?:mail)?(?:box|account)",
        r"mailbox (?:is )?(?:disabled|suspended|deactivated|locked|frozen)",
        r"mailbox currently suspended",
        r" temporary locked",
        r"invalid/inactive user",
        r"is unavailable: user is terminated",
        r"recipient rejected: temporarily inactive",
        r"recipient suspend the service",
        r"archived recipient",
        r"mailbox unavailable or access denied",
        r"this address no longer accepts mail",
        r"user or domain is disabled",
        r"is a deactivated mailbox",
        r"has been (?:suspended|disabled|deactivated)",
        r"is (?:currently )?(?:suspended|disabled|deactivated)",
        r"(?<!delivery )temporarily (?:disabled|suspended)",
        r"recipient (?:address )?(?:is )?(?:suspended|inactive|disabled)",
        r"boite du destinataire (?:archivee|fermee)",
        r"email account that you tried to reach is disabled",
        r"this account has been disabled or discontinued",
        r"user suspended",
        r"vdelivermail: account is locked",
    ),
    HAS_MOVED: _family(
        r" has been replaced by ", r"address (?:has )?moved", r"no longer (?:on server|at this)"
    ),
    NO_RELAYING: _family(
        r"relay(?:ing)? (?:access )?(?:denied|not (?:allowed|permitted))",
        r"(?:not|isn'?t) allowed to relay",
        r"we do not relay",
        r"unable to relay",
        r"relay not permitted",
        r"not permitted to relay",
        r"no relaying allowed",
        r"that domain isn'?t in my list of allowed rcpthosts",
        r"relaying (?:mail )?(?:to \S+ )?(?:is )?(?:not allowed|prohibited|denied)",
        r"sorry, that domain isn't in my list",
    ),
    USER_UNKNOWN: _family(
        r"user unknown",
        r"unknown (?:e-?mail address|local[- ]part|mailbox|recipient|user|address)",
        r"#5\.1\.1 bad address",
        r"<[^>\s]{1,300}> not found",
        r"address (?:does not exist|unknown)",
        r"bad[-_ \t]recipient",
        r"can'?t accept user",
        r"destination addresses were unknown",
        r"destination server rejected recipients",
        r"e-?mail (?:address|account) (?:does not exist|could not be found|that you tried to reach does not exist)",
        r"invalid (?:address|mailbox|recipient|user)",
        r"is not (?:a known user|a valid mailbox|an active address)",
        r"mailbox (?:does not exist|invalid|is (?:inactive|unavailable)|not (?:present|found)|unavailable)",
        r"mailbox \S{1,300} does not exist",
        r"no (?:account by that name|mail ?box (?:available|by that name|found)|such (?:address|mailbox|person|recipient|user))",
        r"no existe (?:dicha persona|ese usuario)",
        r"no valid recipients, bye",
        r"non-?existent (?:user|recipient|address)",
        r"not a (?:valid user|local address)",
        r"rcpt <[^>]{1,300}> does not exist",
        r"recipient (?:\S{1,300} was not found|address rejected: (?:access denied|invalid user|unknown user|user unknown)"
        r"|does not exist|is not local|not (?:exist|found|ok)|unknown)",
        r"requested action not taken: mailbox unavailable",
        r"resolver\.adr\.recip(?:ient)?notfound",
        r"sorry, (?:user unknown|badrcptto|no mailbox here)",
        r"the email account that you tried to reach does not exist",
        r"the user'?s email name is not found",
        r"there is no one at this address",
        r"this (?:address no longer accepts mail|email address is wrong or no longer valid)",
        r"this user doesn'?t have an? \S{1,200} account",
        r"user (?:\S{1,300} (?:was not found|does not exist)|does ?n[o']t exist|missing home directory"
        r"|not (?:active|found|known)|unknown)",
        r"vdeliver: invalid or unknown virtual user",
        r"your envelope recipient is in my badrcptto list",
        r"utilisateur inconnu|adresse (?:email )?inconnue|destinataire inconnu",
        r"nessun utente simile|utente inesistente",
        r"unbekannte(?:r)? (?:empf[aä]nger|benutzer)|benutzer (?:unbekannt|existiert nicht)",
        r"usuario (?:desconocido|inexistente|no existe)|no existe el usuario",
        r"存在しない(?:ユーザ|アドレス)|宛先不明",
        r"550 address invalid",
        r"5\.1\.0 address rejected",
        r"address not present in directory",
        r"mailbox unavaiable",
        r"no thank you rejected: account unavailable",
        r"not a valid (?:recipient|user)",
        r"not email addresses",
        r"recipient address rejected(?:\. \(in reply to rcpt to command\)|: (?:invalid-recipient|userunknown"
        r"|user \S{1,300}\s{1,3}does not exist|user unknown in \S{0,100} ?table))",
        r"recipient (?:is not accepted|refuses to accept your mail)",
        r"resolver\.adr\.recipient notfound",
        r"sorry, your envelope recipient has been denied",
        r"that domain or user isn'?t in my list of allowed rcpthosts",
        r"the following recipients was undeliverable",
        r"this recipient is (?:in my badrecipientto|not in my validrcptto) list",
        r"this spectator does not exist",
        r"user not exist",
        r"<[^>\s]{1,300}>\.\.\. blocked by ",
        r"account \S{1,300} does not exist at the organization",
        r"mailbox \S{1,300} unavailable or access denied",
        r"\bno \S{1,300} in name directory",
        r"rcpt \([^)]{1,300}\) \S{0,10}t exist",
        r"user \(\S{1,300}\) unknown",
    ),
    FILTERED: _family(
        r"account is protected by",
        r"has restricted sms e-?mail",
        r"is not accepting any mail",
        r"message filtered",
        r"message rejected due to user rules",
        r"not found recipient account",
        r"recipient id refuse to receive mail",
        r"recipient is only accepting mail from specific email addresses",
        r"refused due to recipient preferences",
        r"user refuses to receive this mail",
        r"user reject",
        r"you have been blocked by the recipient",
        r"rejected by (?:the )?recipient'?s? (?:filter|rules|settings)",
        r"bounced address",
        r"due to extended inactivity new mail is not currently being accepted",
        r"resolver\.rst\.notauthorized",
    ),
    REJECTED: _family(
        r"access denied \(in reply to mail from command\)",
        r"administrative prohibition",
        r"all recipient addresses rejected : access denied",
        r"badsendermx",
        r"backscatter protection detected an invalid or expired email address",
        r"by non-member to a members-only list",
        r"connections not accepted from servers without a valid sender domain",
        r"domain of sender address ",
        r"email address is on senderfilterconfig list",
        r"emetteur invalide",
        r"empty (?:email address|envelope senders? not allowed)",
        r"fully qualified email address required",
        r"has an outgoing mail suspension",
        r"invalid sender",
        r"is not a registered gateway user",
        r"mail from not owned by user",
        r"mailfrom domain is listed in spamhaus",
        r"not member article from ",
        r"null sender is not allowed",
        r"returned mail not accepted here",
        r"sender (?:is spammer|not pre-approved|domain is empty|domain listed at |verify failed"
        r"|address rejected|rejected|\S{1,200} rejected|is \S{1,100} ?list)",
        r"sendernoa",
        r"server does not accept mail from",
        r"too many spam complaints",
        r"unroutable sender address",
        r"you are not allowed to post to this mailing list",
        r"your email address has been blacklisted",
        r"domain \S{1,200} is a dead domain",
        r"reject mail from \S{0,200}@",
        r"sender address (?:unknown|invalid|not accepted|has been blacklisted)",
        r"access denied \(sender blacklisted\)",
        r"(?<!recipient )(?<!sender ip )(?<!5\.1\.0 )address rejected",
        r"batv (?:failed to verify|validation failure|defense)|\(batv: no tag",
        r"because the sender isn'?t on the recipient'?s list of senders",
        r"bogus mail from",
        r"can'?t determine purported responsible address",
        r"denied \[bouncedeny\]",
        r"denied by secumail valid-address-filter",
        r"delivery not authorized, message refused",
        r"does not exist e2110",
        r"envelope blocked [-–] ",
        r"error: no third-party dsns",
        r"from: domain is invalid",
        r"invalid domain, see <url:",
        r"message rejected: email address is not verified",
        r"mx records for ",
        r"recipient addresses rejected : access denied",
        r"rfc 1035 violation: recursive cname records",
        r"rule imposed mailbox access for",
        r"sending this from a different address or alias using the ",
        r"sender email address rejected",
        r"sender is in my black list",
        r"transaction failed unsigned dsn for",
        r"you are sending to/from an address that has been blacklisted",
        r"your access to submit messages to this e-mail system has been rejected",
    ),
    HOST_UNKNOWN: _family(
        r"domain (?:does not exist|is not reachable|must exist|not found)",
        r"host (?:or domain name not found|unknown|unreachable|not found)",
        r"mail domain mentioned in email address is unknown",
        r"name or service not known",
        r"no such domain",
        r"recipient (?:address rejected: unknown domain name|domain must exist)",
        r"the account or domain may not exist",
        r"couldn'?t find any host (?:named|by that name)",
        r"unknown host",
        r"unrouteable address|unroutable address",
        r"no (?:mx|mail exchanger|mx or a) (?:records? )?(?:found|for)",
        r"dns (?:error|lookup failed).{0,60}(?:nxdomain|does not exist|not found)",
        r"dominio (?:inesistente|inexistente)",
    ),
    SPAM_DETECTED: _family(
        r"the mail server detected your message as spam",
        r"appears to be unsolicited",
        r"blacklisted url in message",
        r"block(?:ed)? for spam",
        r"blocked by (?:policy: no spam please|spamassassin)",
        r"bulk e-?mail",
        r"content filter rejection",
        r"denied due to spam list",
        r"greylisted.{0,2} please try again in",
        r"mail (?:appears to be unsolicited|content denied)",
        r"may consider spam",
        r"message (?:content rejected|looks like spam|refused by mailmarshal spamprofiler"
        r"|rejected (?:as spam|because of unacceptable content|due to suspected spam content))",
        r"our (?:email server thinks this email is spam|system has detected that this message is)",
        r"probable spam",
        r"reject bulk\.advertising",
        r"rejected(?:: spamassassin score | due to spam content| by \S{1,100} \(spam\))",
        r"rejecting banned content",
        r"related to content with spam-like characteristics",
        r"sending address not accepted due to spam filter",
        r"spam (?:blocked|check|content matched|detected|e-?mail|message rejected|not accepted"
        r"|refused|rejection|reporting address|score)",
        r"spambouncer identified spam",
        r"spamming not allowed",
        r"too much spam",
        r"the message (?:has been rejected by spam filtering engine|was rejected due to classification as bulk mail)",
        r"the content of this message looked like spam",
        r"this (?:e-?)?mail (?:cannot be forwarded because it was detected as spam|is classified as spam)",
        r"this message (?:appears to be spam|has been (?:identified|scored) as spam|was classified as spam"
        r"|scored \S{1,30} spam points|was rejected by recurrent pattern detection system)",
        r"transaction failed spam message not queued",
        r"we dont accept spam",
        r"you're using a mass mailer",
        r"your (?:e-?mail|message) (?:appears similar to spam|breaches local uribl policy|had spam-like"
        r"|is (?:considered|probably) spam|was detected as spam|as spam and has prevented delivery"
        r"|has been (?:temporarily blocked by our filter|rejected because it appears to be spam)"
        r"|has triggered a spam block|may contain the spam contents|failed several antispam checks)",
        r"high probability of (?:being )?spam",
        r"classified as spam",
        r"\buce\b|\bube\b",
        r"reject,.{0,200} - spam\.",
        r"(?:\d\.\d\.\d|\d{3}) spam$",
        r"554 5\.7\.0 reject, id=\d",
        r"blocked for abuse\. see http://att\.net/blocks",
        r"mail rejete\. mail rejected\. ",
        r"message considered as spam or virus",
        r"message refused by trustwave seg spamprofiler",
        r"our filters rate at and above \d+ percent probability of being spam",
        r"rejected due to spam (?:url in )?(?:classification|content)",
        r"rejecting mail content",
        r"rule imposed as \S{1,200} is blacklisted on",
        r"spam \S{1,100} exceeded",
    ),
    TOO_MANY_CONNECTIONS: _family(
        r"too many (?:connections|concurrent|simultaneous|smtp sessions|recipients)",
        r"connection (?:rate|limit) (?:exceeded|reached)",
        r"exceeds? (?:the )?(?:connection|recipient) limit",
        r"no more connections",
        r"server busy",
        r"all available ips are at maximum connection limit",
        r"exceeds per-domain connection limit",
        r"has exceeded the max emails per hour",
        r"throttling failure: (?:daily message quota|maximum sending rate) exceeded",
        r"too many errors from your ip",
        r"trop de connexions, ",
        r"we have already made numerous attempts to deliver this message",
    ),
    RATE_LIMITED: _family(
        r"rate limit(?:ed|ing)?",
        r"receiving mail at a rate that prevents additional messages",
        r"(?:sending|receiving) (?:too many|rate)",
        r"too many (?:messages|emails|mails)",
        r"throttl",
        r"unusual rate of unsolicited mail",
        r"exceeded (?:the )?(?:sending|message|hourly|daily) (?:rate|limit|quota)",
        r"please try again slower",
    ),
    BLOCKED: _family(
        r"access from ip address \S{1,60} blocked",
        r"bad sender ip address",
        r"black ?listed by",
        r"(?:blocked|refused) - see https?://",
        r"can'?t determine purported responsible address",
        r"cannot resolve your address",
        r"client host (?:\S{1,200} blocked using|rejected)",
        r"confirm this mail server",
        r"connection (?:dropped|refused by|reset by peer|was dropped by remote host)",
        r"connections (?:not accepted from ip addresses on spamhaus|will not be accepted from)",
        r"currently sending spam",
        r"dnsbl|\brbl\b|spamhaus|spamcop|barracudacentral|sorbs\.net|abuseat\.org",
        r"dynamic/zombied/spam ips blocked",
        r"e-?mail blocked by",
        r"go away",
        r"refused to talk to me",
        r"hosts with dynamic ip",
        r"invalid ip for sending mail of domain",
        r"ip \d{1,3}(?:\.\d{1,3}){3} is blocked",
        r"is in a black ?list",
        r"is not allowed to send (?:mail )?from",
        r"listed (?:in|on|at) (?:the )?\S{0,60}(?:black ?list|block ?list|rbl|dnsbl)",
        r"mail server at \S{1,200} is blocked",
        r"message from \S{1,200} rejected based on blacklist",
        r"messages from \S{1,200} temporarily deferred due to user complaints",
        r"no access from mail server",
        r"not currently accepting mail from your ip",
        r"part of their network is on our block list",
        r"please use the smtp server of your isp",
        r"rejecting open proxy",
        r"sender ip (?:address rejected|reverse lookup rejected)",
        r"server access \S{0,200}forbidden",
        r"server ip \S{1,60} listed as abusive",
        r"smtp error from remote mail server after initial connection",
        r"sorry, your remotehost looks suspiciously like spammer",
        r"the (?:email|domain|ip)\S{0,200} is blacklisted",
        r"too many spams from your ip",
        r"unresolvable relay host name",
        r"your (?:network is temporary blacklisted|sender's ip address is listed|server requires confirmation)",
        r"was blocked by ",
        r"we do not accept mail from (?:dynamic ips|hosts with dynamic ip)",
        r"you are not allowed to connect",
        r"your ip (?:address )?(?:has been |is )?(?:blocked|blacklisted|listed|banned)",
        r"\bip (?:address )?(?:\S{1,60} )?(?:is |has been )?(?:blocked|blacklisted|banned)",
        r"connection refused",
        r"access denied for ip",
        r" said: 550 blocked",
        r"service not available, closing transmission channel",
        r"to submit messages to this e-mail system has been rejected",
        r"banned sending ip",
        r"blocked using ",
        r"(?:blocked|refused) - see http",
        r"esmtp not accepting connections",
        r"extreme bad ip profile",
        r"helo command rejected:",
        r"host network not allowed",
        r"no matches to nameserver query",
        r"rejected - multi-blacklist",
        r"rejected because the sending mta or the sender has not passed validation",
        r"temporarily deferred due to unexpected volume or user complaints",
        r"too many unwanted messages have been sent from the following ip address",
        r"you are sending spam",
        r"\(\S{0,300}@\S{0,300}:blocked\)",
        r"mail from \d{1,3}(?:\.\d{1,3}){3} refused:",
        r"the (?:domain|email|ip) \S{1,200} is blacklisted",
        r"service refused, please try later\. ",
        r"poor reputation|bad reputation|reputation (?:of|is)",
    ),
    REQUIRE_PTR: _family(
        r"all mail servers must have a ptr record",
        r"ip name lookup failed",
        r"cannot find your hostname",
        r"client host rejected: cannot find your (?:reverse )?hostname",
        r"fix reverse dns for",
        r"ips with missing ptr records",
        r"no ptr record",
        r"ptr record setup",
        r"reverse (?:dns|lookup) (?:failed|required|lookup for host|entry|failure)",
        r"(?:no|missing|invalid) (?:reverse dns|rdns)",
        r"please get a custom reverse dns",
        r"this system will not accept messages from servers/devices with no reverse dns",
        r"unresolvable (?:client )?hostname",
        r"host name (?:does not match|not found)",
        r"bad dns ptr resource record",
        r"sender ip reverse lookup rejected",
        r"the corresponding forward dns entry does not point to the sending ip",
        r"generic dns ptr-records",
        r"domain \S{1,200} mismatches client ip",
        r"service permits \S{1,200} unverifyable sending ips",
    ),
    AUTH_FAILURE: _family(
        r"\bspf\b.{0,40}(?:fail|check|validation|record|not (?:permitted|authorized|allowed))",
        r"\bdkim\b.{0,40}(?:fail|invalid|signature|required)",
        r"\bdmarc\b.{0,40}(?:fail|policy|reject)",
        r"is not allowed to send mail.{0,80}spf",
        r"please inspect your spf settings",
        r"sender policy framework",
        r"authentication (?:failed|failure|required)",
        r"does not have authentication information|fails? to pass (?:authentication|spf|dkim|dmarc)",
        r"not authenticated",
        r"(?:spf|dkim|dmarc) authentication",
        r"//spf\.pobox\.com",
        r"is not allowed to send mail\..{0,200}_401",
    ),
    VIRUS_DETECTED: _family(
        r"virus (?:detected|found|infected)",
        r"contains? (?:a )?(?:virus|malware|malicious)",
        r"message was infected",
        r"infected with",
        r"(?:virus|malware) (?:scan|check)",
        r"mail content denied",
        r"attachment (?:blocked|rejected|not allowed)|banned attachment|illegal attachment",
        r"it has a potentially executable attachment",
        r"contains prohibited virus or spam content",
        r"this form of attachment has been used by recent viruses or other malware",
        r"virus phishing/malicious_url detected",
    ),
    POLICY: _family(
        r"email not accepted for policy reasons",
        r"policy (?:violation|rejection|reasons)",
        r"violates? (?:our|the)? ?(?:local )?(?:policy|policies|terms)",
        r"by our policy",
        r"content policy",
        r"not accepted for policy",
        r"rejected by policy|policy rejected",
        r"due to local policy",
        r"the message was rejected by organization policy",
        r"because the message was rejected by policy",
        r"dmarc policy",
        r"an illegal attachment on your message",
        r"because the recipient is not accepting mail with ",
        r"closed mailing list",
        r"denied by policy",
        r"email rejected due to security policies",
        r"header are not accepted",
        r"message bounced due to organizational settings",
        r"message given low priority",
        r"messages with multiple addresses",
        r"protocol violation",
        r"the email address used to send your message is not subscribed to this group",
        r"this message was blocked because its content presents a potential",
        r"we do not accept messages containing images or other attachments",
        r"exceeded the (?:the )?allowable number of posts without solving a captcha",
    ),
    SECURITY_ERROR: _family(
        r"authentication (?:credentials invalid|mechanism is too weak)",
        r"(?:starttls|tls) (?:is )?required",
        r"encryption (?:needed|required)",
        r"must issue a starttls command first",
        r"user not authenticated",
        r"unauthenticated (?:senders?|e-?mail|mail) (?:not allowed|rejected)",
        r"account security",
        r"sending from a different address",
        r"account not subscribed to ses",
        r"authentication turned on in your email client",
        r"executable files are not allowed in compressed files",
        r"insecure mail relay",
        r"sorry, you don't authenticate or the domain isn't in my list of allowed rcpthosts",
        r"verification failure",
        r"you are not authorized to send mail, authentication is required",
        r"authentification (?:invalide|requise)",
        r"is not authorized to perform ses:sendrawemail",
    ),
    SYSTEM_ERROR: _family(
        r"aliasing/forwarding loop broken",
        r"can'?t create user output file",
        r"could not load drd for domain",
        r"internal (?:error|server error)",
        r"interrupted system call",
        r"it encountered an error while being processed",
        r"local (?:configuration|error)",
        r"loop(?:ing)? detected|it would create a mail loop",
        r"mail system (?:error|configuration)",
        r"timeout waiting for input",
        r"unable to (?:connect|process)",
        r"server configuration error|misconfigur",
        r"system (?:error|config error|failure)",
        r"temporary (?:local )?(?:problem|failure|error)",
        r"service (?:temporarily |currently )?(?:unavailable|not available)",
        r"mail server (?:temporarily )?rejected",
        r"local delivery failed|mailbox delivery failed",
        r"loop was found in the mail exchanger",
        r"loops back to myself",
        r"queue file write error",
        r"recipient deferred because there is no mdb",
        r"transaction failed ",
    ),
    SYSTEM_FULL: _family(
        r"mail system full",
        r"(?:disk|file system|filesystem) (?:full|is full)",
        r"insufficient system (?:resources|storage)",
        r"too many messages in queue",
        r"out of (?:disk|storage) space",
        r"insufficient (?:disk|system) (?:space|storage)",
    ),
    NETWORK_ERROR: _family(
        r"could not connect and send the mail to",
        r"dns records? for the destination computer could not be found",
        r"hop count exceeded",
        r"host is unreachable|network is unreachable|no route to host",
        r"name service error",
        r"the destination host is not reachable",
        r"unable to resolve route",
        r"no (?:mx|route) (?:for|to)",
        r"connection (?:lost|closed)",  # (a timed-out connection is an expiry: EXPIRED)
        r"lost connection",
        r"temporary (?:dns|lookup) failure|dns (?:lookup )?(?:failure|timeout|error)",
        r"malformed or unexpected name server reply",
        r"network error",
        r"dns type '?\w+'? lookup|responded with code nxdomain|domain name not found",
        r"host name lookup failure",
        r"too many hops|routing loop",
        r"host not found, try again",
        r"mail forwarding loop for ",
        r"malformed name server reply",
        r"maximum forwarding loop count exceeded",
        r"message looping",
        r"unrouteable mail domain",
    ),
    EXPIRED: _family(
        r"connection timed out",
        r"could not find a gateway for",
        r"delivery (?:time expired|attempts? (?:has|have) (?:failed|expired))",
        r"failed to deliver to domain \S{1,200} after \d+ tries",
        r"giving up",
        r"given up",
        r"it has not been collected after",
        r"message (?:expired|timed out|has been (?:in the queue|delayed) (?:too long|for))",
        r"retry (?:time not reached for any host after a long failure period|timeout exceeded)",
        r"server did not respond",
        r"this message has been in the queue too long",
        r"was not reachable within the allowed queue period",
        r"your message could not be delivered for more than",
        r"could not be delivered for \S{1,20} days",
        r"queue (?:life ?time|time ?out) exceeded|too long in (?:the )?queue",
        r"expired after",
        r"maximum (?:delivery )?time exceeded",
        r"delivery attempts will continue to be",
        r"failed to deliver to domain ",
        r"have been failing for a long time",
        r"has been delayed",
        r"unable to deliver message after multiple retries",
    ),
    CONTENT_ERROR: _family(
        r"improper use of 8-bit data in message header",
        r"message header size exceeds limit",
        r"message mime complexity exceeds the policy maximum",
        r"routing loop detected -- too many received: headers",
        r"this message contain invalid mime headers",
        r"this message contains improperly-formatted binary content",
        r"this message contains text that uses unnecessary base64 encoding",
        r"header (?:error|syntax)|malformed (?:header|mime|message)",
        r"invalid (?:header|mime)",
        r"(?:message|content) (?:is )?(?:not )?(?:rfc|rfc-?\d+) ?compliant",
        r"bare (?:lf|cr|newline)",
        r"duplicate header",
        r"header size exceeds maximum permitted",
        r"message header size, or recipient list, exceeds policy limit",
        r"this message contains? (?:invalid mime headers|improperly-formatted binary content"
        r"|text that uses unnecessary base64 encoding)",
    ),
    # Only a destination that takes no mail at all (a hard bounce with a 5xx): not a refusal of
    # one message ("mail not accepted from ...").
    NOT_ACCEPT: _family(
        r"(?:host|domain|host/domain) (?:does not|doesn'?t) accept (?:any )?mail",
        r"accepts no mail",
        r"null mx",
        r"no mx record found for domain",
        r"name server: \.: host not found",
        r"no route for current request",
        r"smtp protocol returned a permanent error",
        r"(?:mx|srv) record indicated no smtp service",
    ),
    MAILER_ERROR: _family(
        r"x-unix;",
        r"command (?:died with status|failed|output)",
        r"exit ?(?:code|status) \d+",
        r"procmail: ",
        r"bin/(?:procmail|maildrop|sh)|\.forward",
        r"mailer (?:error|failed)",
        r"pipe to \|",
        r"service unavailable.{0,40}pipe",
        r"unknown mailer error",
        r"mail for \S{1,200} loops back to myself",
    ),
    SYNTAX_ERROR: _family(
        r"syntax error",
        r"command (?:not (?:recognized|implemented)|unrecognized)",
        r"bad (?:command|sequence of commands)",
        r"unrecognized command",
        r"invalid command",
        r"line too long",
    ),
    NOT_COMPLIANT_RFC: _family(
        r"multiple addresses in from:",
        r"not (?:rfc|rfc-?)\s?(?:5322|2822|822|5321|2821) (?:compliant|conformant)",
        r"(?:message|header)s? (?:is |are )?not (?:rfc|standards?)[- ]compliant",
        r"duplicate (?:message-id|from|date|subject)",
        r"support\.google\.com/mail/\?p=rfcmessagenoncompliant",
        r"missing (?:required )?(?:header|date|from|message-id)",
        r"rfc ?(?:5322|2822) (?:violation|section)",
    ),
    BAD_REPUTATION: _family(
        r"a poor email reputation score",
        r"has been temporarily rate limited due to ip reputation",
        r"ip/domain reputation problems",
        r"likely suspicious due to the very low reputation",
        r"the sending mta'?s poor reputation",
    ),
    ON_HOLD: _family(r"on hold"),
}

# A family does not apply to a text that contains one of these (the phrase means another reason
# there: "recipient address rejected" is about the recipient, not the sender).
_UNLESS: Final[dict[str, _Family]] = {
    REJECTED: _family(
        r"5\.1\.0 address rejected", r"recipient address rejected", r"sender ip address rejected"
    ),
}


def _excluded(reason: str, low: str) -> bool:
    unless = _UNLESS.get(reason)
    return bool(unless and unless.search(low))


def _search(reason: str, low: str) -> bool:
    """Whether lower-cased `low` holds a phrase of the family `reason` (and none of its exceptions)."""
    return PHRASES[reason].search(low) and not _excluded(reason, low)


# Which families may overrule a reason named by the status code alone: used to break ties the way
# reports mean them (a 5.1.1 that says "blocked" is a block, a 5.7.1 that says "spam" is spam).
_USER_UNKNOWN_VETO: Final = (
    MAILBOX_FULL,
    MESSAGE_TOO_BIG,
    EXCEED_LIMIT,
    SUSPENDED,
    HAS_MOVED,
    NO_RELAYING,
    AUTH_FAILURE,
    BLOCKED,
    REJECTED,
    NOT_ACCEPT,
)

# A user-unknown status code (5.1.1, 5.1.0 ...) is overruled only by an explicit statement that the
# sender or its IP address was refused; the broad block-list vocabulary of BLOCKED and REJECTED
# (a provider's URL naming Spamhaus, "listed in ...") does not undo what the code says.
_VETO_PHRASES: Final[dict[str, _Family]] = {
    AUTH_FAILURE: _family(
        r"//spf\.pobox\.com",
        r"bad spf records for",
        r"dmarc policy",
        r"please inspect your spf settings",
        r"sender policy framework (?:\(spf\) fail|violation)",
        r"spf \(sender policy framework\) domain authentication fail",
        r"spf check: fail",
        r"is not allowed to send from <[^>]{1,300}> per it'?s spf record",
    ),
    SUSPENDED: _family(
        r" is currently suspended",
        r" temporary locked",
        r"archived recipient",
        r"boite du destinataire archivee",
        r"email account that you tried to reach is disabled",
        r"has been suspended",
        r"inactive account",
        r"invalid/inactive user",
        r"is a deactivated mailbox",
        r"is unavailable: user is terminated",
        r"mailbox (?:currently suspended|disabled|is frozen|unavailable or access denied)",
        r"recipient rejected: temporarily inactive",
        r"recipient suspend the service",
        r"this account has been (?:disabled or discontinued|temporarily suspended)",
        r"this address no longer accepts mail",
        r"this mailbox is disabled",
        r"user or domain is disabled",
        r"user suspended",
        r"vdelivermail: account is locked",
    ),
    BLOCKED: _family(
        r" said: 550 blocked",
        r"//www\.spamcop\.net/bl\.",
        r"bad sender ip address",
        r"banned sending ip",
        r"black ?listed by",
        r"blocked using ",
        r"(?:blocked|refused) - see http",
        r"client host (?:rejected: (?:abus detecte|may not be mail exchanger|was not authenticated)|\S{1,200} blocked using)",
        r"confirm this mail server",
        r"connection (?:dropped|refused by|reset by peer|was dropped by remote host)",
        r"connections not accepted from ip addresses on spamhaus xbl",
        r"connections will not be accepted from \S{1,200} because the ip is in spamhaus",
        r"currently sending spam see: ",
        r"dnsbl:(?:attrbl|rbl )",
        r"dynamic/zombied/spam ips blocked",
        r"e-?mail blocked by \S{0,200}(?:barracudacentral|spamhaus)",
        r"esmtp not accepting connections",
        r"extreme bad ip profile",
        r"go away",
        r"helo command rejected:",
        r"host network not allowed",
        r"hosts with dynamic ip",
        r"invalid ip for sending mail of domain",
        r"is in a black list",
        r"is in an \S{0,60} ?rbl on ",
        r"is not allowed to send mail from",
        r"access from ip address \S{1,60} blocked",
        r"ip \S{1,60} is blocked by earthlink",
        r"mail server at \S{1,200} is blocked",
        r"message from \S{1,200} rejected based on blacklist",
        r"messages from \S{1,200} temporarily deferred due to user complaints",
        r"no access from mail server",
        r"no matches to nameserver query",
        r"not currently accepting mail from your ip",
        r"part of their network is on our block list",
        r"please use the smtp server of your isp",
        r"refused to talk to me: .{0,200}blocked",
        r"rejected - multi-blacklist",
        r"rejected because the sending mta or the sender has not passed validation",
        r"rejecting open proxy",
        r"sender ip address rejected",
        r"server access forbidden by your ip ",
        r"server ip \S{1,60} listed as abusive",
        r"service not available, closing transmission channel",
        r"smtp error from remote mail server after initial connection",
        r"sorry, your remotehost looks suspiciously like spammer",
        r"temporarily deferred due to unexpected volume or user complaints",
        r"the (?:domain|email|ip) \S{1,200} is blacklisted",
        r"to submit messages to this e-mail system has been rejected",
        r"too many spams from your ip",
        r"too many unwanted messages have been sent from the following ip address",
        r"was blocked by ",
        r"we do not accept mail from dynamic ips",
        r"you are not allowed to connect",
        r"you are sending spam",
        r"your ip address is listed in the rbl|your ip address \S{0,60} ?is blocked by rbl",
        r"your network is temporary blacklisted",
        r"your sender'?s ip address is listed at \S{1,200}\.abuseat\.org",
        r"your server requires confirmation",
    ),
    REJECTED: _family(
        r"access denied \(in reply to mail from command\)",
        r"access denied \(sender blacklisted\)",
        r"address rejected",
        r"administrative prohibition",
        r"batv failed to verify",
        r"batv validation failure",
        r"backscatter protection detected an invalid or expired email address",
        r"because the sender isn't on the recipient's list of senders to accept mail from",
        r"bogus mail from",
        r"can't determine purported responsible address",
        r"connections not accepted from servers without a valid sender domain",
        r"denied \[bouncedeny\]",
        r"denied by secumail valid-address-filter",
        r"delivery not authorized, message refused",
        r"does not exist e2110",
        r"domain of sender address",
        r"email address is on senderfilterconfig list",
        r"emetteur invalide",
        r"empty envelope senders not allowed",
        r"envelope blocked –",
        r"error: no third-party dsns",
        r"from: domain is invalid\. please provide a valid from:",
        r"fully qualified email address required",
        r"invalid domain, see <url:",
        r"invalid sender",
        r"is not a registered gateway user",
        r"mail from not owned by user",
        r"message rejected: email address is not verified",
        r"mx records for",
        r"null sender is not allowed",
        r"recipient addresses rejected : access denied",
        r"recipient not accepted\. \(batv: no tag",
        r"returned mail not accepted here",
        r"rfc 1035 violation: recursive cname records for",
        r"rule imposed mailbox access for",
        r"sending this from a different address or alias using the",
        r"sender address has been blacklisted",
        r"sender email address rejected",
        r"sender is in my black list",
        r"sender is spammer",
        r"sender not pre-approved",
        r"sender rejected",
        r"sender domain is empty",
        r"sender verify failed",
        r"spam reporting address",
        r"syntax error: empty email address",
        r"the message has been rejected by batv defense",
        r"this server does not accept mail from",
        r"transaction failed unsigned dsn for",
        r"unroutable sender address",
        r"you are not allowed to post to this mailing list",
        r"you are sending to/from an address that has been blacklisted",
        r"your access to submit messages to this e-mail system has been rejected",
        r"your email address has been blacklisted",
    ),
}

# First pass over text (Sisimai-like order): specific families before generic ones.
_FIRST_ORDER: Final = (
    MAILBOX_FULL, MESSAGE_TOO_BIG, EXCEED_LIMIT, SUSPENDED, HAS_MOVED, NO_RELAYING, USER_UNKNOWN,
    FILTERED, REQUIRE_PTR, NOT_COMPLIANT_RFC, REJECTED, HOST_UNKNOWN, SPAM_DETECTED, RATE_LIMITED,
    TOO_MANY_CONNECTIONS, BLOCKED,
)  # fmt: skip
# Second pass: what is left when none of the above fits.
_SECOND_ORDER: Final = (
    VIRUS_DETECTED, AUTH_FAILURE, BAD_REPUTATION, POLICY, SECURITY_ERROR, SYSTEM_FULL,
    SYSTEM_ERROR, NETWORK_ERROR, EXPIRED, CONTENT_ERROR, NOT_ACCEPT, MAILER_ERROR, SYNTAX_ERROR,
    ON_HOLD,
)  # fmt: skip

_SMTP_CODE_REASON: Final[dict[str, str]] = {
    "450": FILTERED, "452": MAILBOX_FULL,
    "501": SYNTAX_ERROR, "502": SYNTAX_ERROR, "503": SYNTAX_ERROR, "504": SYNTAX_ERROR,
    "505": SYNTAX_ERROR, "506": SYNTAX_ERROR, "507": SYNTAX_ERROR, "521": NOT_ACCEPT, "523": MESSAGE_TOO_BIG, "552": MAILBOX_FULL,
    "554": ON_HOLD, "556": NOT_ACCEPT, "530": SECURITY_ERROR,
    "535": SECURITY_ERROR, "550": ON_HOLD,
}  # fmt: skip


# Reasons a format (an MTA text detector) states that the generic table still checks, as sisimai
# does: a report can say "expired" or "user unknown" for a recipient whose server said more
# precisely "mailbox full" (or gave a 5.1.1 after the retries ran out).
RECHECKED: Final = frozenset(
    {
        UNDEFINED, ON_HOLD, SYSTEM_ERROR, SECURITY_ERROR, EXPIRED, SUSPENDED, NETWORK_ERROR,
        HOST_UNKNOWN, USER_UNKNOWN,
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
    return bool(reason in PHRASES and text and _search(reason, text.lower()))


def match_text(text: str) -> str | None:
    """The reason a diagnostic text alone suggests (no status code), or None."""
    if not text:
        return None
    low = text.lower()
    for reason in _FIRST_ORDER + _SECOND_ORDER:
        if _search(reason, low):
            return reason
    return None


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
    low = text.lower()
    if len(_CONTINUATION.findall(low)) > 1:
        # "550-5.7.1 ... 550-5.7.1 ..." multi-line replies: join the lines so that phrases split
        # across them can match
        low = _CONTINUATION.sub(" ", " " + low).strip()
    seen: dict[str, bool] = {}

    def has(reason: str) -> bool:
        # each family is searched at most once per call, on the lower-cased text
        found = seen.get(reason)
        if found is None:
            found = seen[reason] = bool(low and _search(reason, low))
        return found

    if (diagnostic_type or "").upper().startswith("X-UNIX") or text.lower().startswith("x-unix;"):
        # a local delivery program (procmail, a pipe) failed: the mailer's error, not the address
        return MAILBOX_FULL if has(MAILBOX_FULL) else MAILER_ERROR
    by_status = status_reason(status)
    cmd = (command or "").upper()

    # A status code that names a specific address-level or message-level reason is trusted,
    # unless the text shows the rejection was really about the sender or the content.
    if by_status == USER_UNKNOWN:
        for other in _USER_UNKNOWN_VETO:
            strict = _VETO_PHRASES.get(other)
            if strict is None:
                if has(other):
                    return other
            elif low and strict.search(low) and not _excluded(other, low):
                return other
        return USER_UNKNOWN
    if by_status in (MAILBOX_FULL, MESSAGE_TOO_BIG, EXCEED_LIMIT, HAS_MOVED, SUSPENDED):
        return by_status
    if by_status == HOST_UNKNOWN:
        return HOST_UNKNOWN
    unknown_user_text = has(USER_UNKNOWN)
    if by_status == FILTERED:
        # "mailbox disabled" with a user-unknown text: the address is gone when the server said
        # so to RCPT TO; after DATA it is the recipient's filter.
        if unknown_user_text and cmd == "RCPT":
            return USER_UNKNOWN
        if unknown_user_text or has(FILTERED):
            return FILTERED
        for other in (MAILBOX_FULL, SUSPENDED, SPAM_DETECTED, BLOCKED, REJECTED):
            if has(other):
                return other
        return FILTERED

    for reason in _FIRST_ORDER:
        if reason == USER_UNKNOWN:
            if not unknown_user_text:
                continue
            # Text alone proves an unknown user only in answer to RCPT TO; a rejection after
            # DATA that says "unknown user" is the recipient's filter (Japanese mobile carriers).
            # Nothing else proves it: not another addressing status (a 5.1.10 or an Exchange
            # 5.1.351 whose text says "unknown recipient" is filtered unless it answered RCPT TO;
            # the providers' own tables in rhost and the MTA detectors say more where they know).
            if cmd == "RCPT":
                return USER_UNKNOWN
            if cmd in ("MAIL", "EHLO", "HELO", "CONN"):
                continue
            if any(has(other) for other in _USER_UNKNOWN_VETO):
                continue
            return FILTERED
        if not has(reason):
            continue
        if reason == FILTERED and cmd in ("MAIL", "EHLO", "HELO", "CONN", "RCPT"):
            continue
        return reason

    if by_status is not None and by_status not in _VAGUE:
        return by_status
    for reason in _SECOND_ORDER:
        if has(reason):
            return reason
    if by_status is not None:
        return by_status
    if status:
        subject = status.split(".")[1]
        if subject == "6":
            return CONTENT_ERROR
        if subject == "7":
            return SECURITY_ERROR
    if (diagnostic_type or "").upper().startswith("X-POSTFIX"):
        return MAILER_ERROR
    if (action or "").startswith(("delayed", "expired")):
        return EXPIRED
    code = smtp_code or reply_code_in_text(text)
    if code in _SMTP_CODE_REASON and _SMTP_CODE_REASON[code] != ON_HOLD:
        return _SMTP_CODE_REASON[code]
    if cmd in ("EHLO", "HELO"):
        return BLOCKED
    if text:
        return ON_HOLD
    return UNDEFINED


def is_temporary(status: str | None, smtp_code: str | None) -> bool:
    """Whether the report marks the failure as temporary (4.x.x / 4xx)."""
    if status:
        return status.startswith("4")
    return bool(smtp_code and smtp_code.startswith("4"))


def classify(
    reason: str,
    status: str | None = None,
    smtp_code: str | None = None,
    *,
    delay_warning: bool = False,
) -> str:
    """hard / soft / ignored for a reason (the one place this rule lives).

    `delay_warning`: the report says the message is still queued (Action: delayed, a warning);
    such a notice is ignored whatever the reason. A message that expired after the MTA gave up
    is not a warning: it stays soft.
    """
    if delay_warning and reason not in (FEEDBACK, VACATION):
        return "ignored"
    if reason == FEEDBACK or reason in _HARD:
        return "hard"
    if reason == NOT_ACCEPT:
        return "soft" if is_temporary(status, smtp_code) else "hard"
    if reason in _IGNORED:
        return "ignored"
    return "soft"
