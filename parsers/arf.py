"""ARF complaint reports (RFC 5965, 6591 auth-failure), and who complained in any complaint report.

Finding the complained-about recipients, in order (`find_recipients`): Original-Rcpt-To (each one
is an event; repeatable), Removal-Recipient (an early ARF draft's field), Redacted-Address when it
is a whole address, X-HmXmrOriginalRecipient (Microsoft), the returned original's To (then
Delivered-To, X-Original-To, the Envelope-To or X-Envelope-To its receiving MTA wrote (Exim, cPanel,
qmail/Plesk), Yahoo's X-Apparently-To), then its Received "for <addr>" clauses, then a line of the report's own text that names the
recipient ("Recipient: a@b" in the abuse desks' languages), the recipient the sending MTA's own
tracking header names (KumoMTA's X-KumoRef), the sender's own recipient header (X-Mailer-Recipient
and the like) or an address its List-Unsubscribe link carries as a parameter, and the member a VERP
return path encodes. A redacted address
(`[redacted]`, `xxxxxxx@domain`, a hash for a local part, `redacted@`, a display name that says
so: `"REDACTED" <postmaster@provider>`) is no answer while another
source names the recipient unredacted; when every source is redacted, the redacted address is
reported as written (a defect says so), and when none is written at all the complaint is still
recorded, on a reserved `.invalid` placeholder that can never be mailed (a defect says so). A
masked address that the original's own headers repeat is what was sent to: it is reported before
a relay's or the loop's mailbox written further on, and once a masked address has shown the
recipient's domain, an address in another domain (the provider's forward to its complaint desk,
"for <spamdesk@abuse.isp>") is no answer. A To that is the original's sender himself (the
recipients were in Bcc) names nobody.
"""

from __future__ import annotations

import base64
import json
import re
from collections.abc import Callable, Iterable, Iterator
from email.message import Message

from parsers import patterncode
from parsers.attribution import RECEIVED_FOR, list_verp_member
from parsers.delivery import Delivery
from parsers.dsn import address
from parsers.mail import Mail, decode_header_value, parse_header_block, payload_text, report_text
from parsers.values import Value

UNDISCLOSED_RECIPIENT = "undisclosed-recipient@unknown.invalid"
NO_RECIPIENT = "complaint report names no recipient"
REDACTED = "complaint report redacts the recipient"

_FIELD = patterncode.compile(r"(?m)^([A-Za-z][A-Za-z0-9-]{0,60})[ \t]*:[ \t]*(.*)$")
_FEEDBACK_TYPE_IN_TEXT = patterncode.compile(r"(?im)^feedback-type[ \t]*:[ \t]*([a-z0-9_-]+)")
# What any spelling of "feedback-type" holds, its case kept (lower-cased, the Kelvin sign is a k): a
# search with a literal first character, which re skips to, where lower-casing costs every character.
# The letter after the hyphen is tested before the one behind it: a report's text has dozens of
# hyphens (rules, header names), and a failed character test costs less than a look-behind.
_FEEDBACK_HYPHEN = patterncode.compile("-[tT](?<=[kK\u212a]-[tT])")
_UNDISCLOSED = patterncode.compile(r"undisclosed|recipients? not specified|unlisted", re.IGNORECASE)
# A local part that hides the address: x's, stars or hashes, a word that says so, or a digest in
# hex (MD5, SHA-1, SHA-2) as the hashing feedback loops write it.
_REDACTED_LOCAL = patterncode.compile(
    r"[x*#.]{3,}|redacted|removed|hidden|anonymi[sz]ed|[0-9a-f]{32}|[0-9a-f]{40}"
    r"|[0-9a-f]{56}|[0-9a-f]{64}|[0-9a-f]{96}|[0-9a-f]{128}",
    re.IGNORECASE,
)
# The first header lines of a returned original pasted into a report's text.
_HEADER_START = patterncode.compile(
    r"(?im)^(?:received|return-path|from|to|subject|message-id|date|delivered-to|x-hmxmroriginalrecipient)"
    r"[ \t]*:"
)
# A line of a report's own text that names the complained-about recipient, in the languages abuse
# desks write ("Recipient: a@b", "Original recipient: <a@b>", "Empfänger: a@b", "Destinataire : a@b"):
# read only when the report's fields and the original's headers name nobody unredacted.
_NAMED_RECIPIENT = patterncode.compile(
    r"(?i)[ \t>*-]*(?:original[ -]|complaining[ -])?(?:recipient|rcpt[ -]to|complainant|empf(?:ä|ae)nger"
    r"|destinataire|destinat[aá]rio|ontvanger|modtager|mottaker|mottagare|vastaanottaja|odbiorca|p[řr][ií]jemce"
    r"|получатель)(?:[ -]address|[ -]adresse)?[ \t]*:[ \t]*<?([^\s<>@;:\"]{1,64}@[^\s<>@;]{1,253}?)>?[ \t]*$"
)
_ORIGINAL_FIELDS = ("from", "to", "subject", "received", "message-id", "date", "return-path")
# The headers a sending platform writes the recipient's address into, so that a complaint whose
# report hides him can still be matched (its own per-message header, as KumoMTA's X-KumoRef).
_SENDER_RECIPIENT_HEADERS = ("X-Mailer-Recipient", "X-Mailer-Recipient-Email", "X-Recipient", "X-Rcpt-To")


class Complaint(Value):
    """One complaint report: who complained and about which message. `format` names the report's
    shape (arf, jmrp, scomp, spamcop, x-arf). `others`: further recipients of the same message with
    a feedback type of their own, (recipient, feedback type) each: a batch that holds more than one
    kind (a webhook batch's unsubscribes beside its complaints, a multipart/report whose second
    report is not-spam) is one event per recipient, each of its own type, not all of the first's.
    `bounces`: further recipients whose delivery failed, as the same document reports them (an
    ESP's webhook batch whose bounce events sit beside its complaints, or alone).
    `own_ids`: the recipients a further report of a multipart/report names that carries its own
    original, with that original's (Message-ID, sender): each complaint is about its own message."""

    # (in the order of the fields: see parsers.values)
    __slots__ = (  # noqa: RUF023
        "recipients",
        "feedback_type",
        "original_mail_from",
        "original_message_id",
        "source_ip",
        "user_agent",
        "defects",
        "format",
        "original",
        "others",
        "bounces",
        "own_ids",
    )

    recipients: list[str]
    feedback_type: str
    original_mail_from: str | None
    original_message_id: str | None
    source_ip: str | None
    user_agent: str | None
    defects: list[str]
    format: str
    # The returned original's headers (attached or pasted), for attribution.
    original: Message | None
    others: list[tuple[str, str]]
    bounces: list[Delivery]
    own_ids: dict[str, tuple[str | None, str | None]]

    def __init__(
        self,
        recipients: list[str] | None = None,
        feedback_type: str = "abuse",
        original_mail_from: str | None = None,
        original_message_id: str | None = None,
        source_ip: str | None = None,
        user_agent: str | None = None,
        defects: list[str] | None = None,
        format: str = "arf",
        original: Message | None = None,
        others: list[tuple[str, str]] | None = None,
        bounces: list[Delivery] | None = None,
        own_ids: dict[str, tuple[str | None, str | None]] | None = None,
    ) -> None:
        self.recipients = [] if recipients is None else recipients
        self.feedback_type = feedback_type
        self.original_mail_from = original_mail_from
        self.original_message_id = original_message_id
        self.source_ip = source_ip
        self.user_agent = user_agent
        self.defects = [] if defects is None else defects
        self.format = format
        self.original = original
        self.others = [] if others is None else others
        self.bounces = [] if bounces is None else bounces
        self.own_ids = {} if own_ids is None else own_ids


_FOLD = patterncode.compile(r"\r?\n[ \t]+")


def fields_of(text: str) -> dict[str, list[str]]:
    """The fields of a report part (`Name: value` lines, folded lines joined; repeatable ones keep
    every value), by lower-cased name."""
    out: dict[str, list[str]] = {}
    unfolded = _FOLD.sub(" ", text.replace("\r", ""))
    for m in _FIELD.finditer(unfolded):
        out.setdefault(m.group(1).lower(), []).append(m.group(2).strip())
    return out


def _first(fields: dict[str, list[str]], name: str) -> str | None:
    values = fields.get(name)
    return values[0] if values else None


def is_redacted(addr: str) -> bool:
    """Whether an address hides the recipient (its local part redacted, masked or hashed)."""
    local = addr.rpartition("@")[0].strip('"[]')
    return not local or _REDACTED_LOCAL.fullmatch(local) is not None


def _addresses(values: Iterable[str]) -> list[str]:
    """The addresses in `values`, each once, in order."""
    out: list[str] = []
    for value in values:
        for chunk in value.split(",")[:32]:
            a = address(chunk)
            if a and a not in out:
                out.append(a)
    return out


def _unnamed_placeholders(value: str) -> str:
    """`value` (an address list) without the addresses whose display name says they are not the
    recipient's: a feedback loop that redacts may put a mailbox of its own in the original's To and
    say so in the name (`"REDACTED" <postmaster@provider>`)."""
    if "<" not in value:
        return value
    kept = []
    for chunk in value.split(",")[:32]:
        name, bracket, _rest = chunk.partition("<")
        if bracket and _REDACTED_LOCAL.fullmatch(name.strip().strip('"[]() ')) is not None:
            continue
        kept.append(chunk)
    return ",".join(kept)


# The report's own fields that name the complained-about recipients (each address is one).
_REPORT_FIELDS = ("original-rcpt-to", "removal-recipient", "redacted-address")


def _sources(fields: dict[str, list[str]], original: Message | None, mail: Mail) -> Iterator[list[str]]:
    """Where the complained-about recipients may be written, in the order of authority. (The
    report's own fields come first: `_REPORT_FIELDS`.)"""
    for name in _REPORT_FIELDS:
        yield _addresses(fields.get(name, []))
    if original is not None:
        senders = set(_addresses(decode_header_value(v) for v in original.get_all("From") or []))
        senders.update(_addresses(decode_header_value(v) for v in original.get_all("Return-Path") or []))
        for name in (
            "X-HmXmrOriginalRecipient",
            "To",
            "Delivered-To",
            "X-Original-To",
            "Envelope-To",
            "X-Envelope-To",
        ):
            values = [_unnamed_placeholders(decode_header_value(v)) for v in original.get_all(name) or []]
            found = _addresses(values)
            if name == "To":
                # A To that is the sender's own address is a blind-copy send (a message to
                # oneself with the list in Bcc): the recipient is written further on.
                values = [v for v in values if not _UNDISCLOSED.search(v)]
                found = [a for a in _addresses(values) if a.lower() not in {x.lower() for x in senders}]
            yield found
        # Yahoo's envelope recipient: "X-Apparently-To: a@b via 192.0.2.1; <date>"
        apparently = [decode_header_value(v).strip() for v in original.get_all("X-Apparently-To") or []]
        yield _addresses([v.split(None, 1)[0] for v in apparently if v])
        for value in (original.get_all("Received") or [])[:32]:
            m = RECEIVED_FOR.search(decode_header_value(value))
            if m:
                yield _addresses([m.group(1)])
    yield _addresses(mail.headers("X-HmXmrOriginalRecipient"))


def find_recipients(
    fields: dict[str, list[str]], original: Message | None, mail: Mail
) -> tuple[list[str], list[str]]:
    """The complained-about recipients (module docstring's order) and the defects of the search.

    An unredacted address wins wherever it is written, then one written elsewhere
    (`named_elsewhere`: the report's own text, a list's VERP return path). When every address
    written is redacted, the first redacted one is reported as written (what the report says; a
    defect marks it); when none is written at all, the reserved placeholder."""
    masked: list[str] = []
    seen: set[str] = set()
    domains: set[str] = set()
    sources = _sources(fields, original, mail)
    for i, found in enumerate(sources):
        whole = [a for a in found if not is_redacted(a)]
        if whole and domains:
            # Once the report has shown the recipient's domain (masked), an address elsewhere is
            # the provider's own forwarding ("for <tosspam@abuse.isp>"), not the complainer.
            whole = [a for a in whole if a.rpartition("@")[2].lower() in domains]
        if len(whole) > 1 and i >= len(_REPORT_FIELDS):
            # The original's headers name several (one message sent to all of them): the copy that
            # came back is the one its envelope headers further on name (Delivered-To, "for <b>");
            # the others did not complain. (Several in the report's fields are several complaints.)
            sent_to = {a.lower() for a in whole}
            for later in sources:
                ours = [a for a in later if a.lower() in sent_to]
                if ours:
                    return ours, []
        if whole:
            return whole, []
        if masked and any(a.lower() in seen for a in found):
            # The masked address the report names is the one the returned original was sent to
            # (a feedback loop that hashes the address hashes it everywhere): it is the answer,
            # not a relay's or the loop's own mailbox named further on (Delivered-To, Received).
            break
        masked = masked or found
        seen.update(a.lower() for a in masked)
        domains.update(a.rpartition("@")[2].lower() for a in masked if a.rpartition("@")[2])
    named = named_elsewhere(fields, original, mail, domains)
    if named is not None:
        return [named], []
    if masked:
        return masked, [REDACTED]
    # Still one complaint: the report must be recorded (and alerted on) even when the provider
    # redacted everyone; the reserved .invalid domain can never be mailed.
    return [UNDISCLOSED_RECIPIENT], [NO_RECIPIENT]


def named_elsewhere(
    fields: dict[str, list[str]], original: Message | None, mail: Mail, domains: set[str]
) -> str | None:
    """The recipient of a complaint whose report and original name nobody unredacted, where it is
    still written: a line of the report's own text that says so (an abuse desk that redacts the
    copy but writes "Recipient: a@b" above it), else the member address a list manager's VERP
    return path encodes (the original's Return-Path or the report's Original-Mail-From). Once the
    report has shown the recipient's domain (`domains`, from masked addresses), only an address
    there is the answer."""
    own = {a.lower() for a in _addresses(mail.headers("From") + mail.headers("To"))}

    def fits(candidate: str | None) -> bool:
        if not candidate or is_redacted(candidate) or candidate.lower() in own:
            return False
        return not domains or candidate.rpartition("@")[2].lower() in domains

    # (line by line, only lines with an address: a multi-line search is tried at every position)
    for line in mail.text[:20000].split("\n"):
        if "@" in line and ":" in line:
            m = _NAMED_RECIPIENT.match(line.rstrip("\r"))
            candidate = address(m.group(1)) if m is not None else None
            if fits(candidate):
                return candidate
    if original is not None and "X-KumoRef" in original:
        candidate = kumo_ref_recipient(original.get("X-KumoRef"))
        if fits(candidate):
            return candidate
    if original is not None:
        for candidate in _sender_named_recipients(original):
            if fits(candidate):
                return candidate
    paths = list(fields.get("original-mail-from", []))
    if original is not None:
        paths.extend(decode_header_value(v) for v in original.get_all("Return-Path") or [])
    for path in paths[:4]:
        candidate = list_verp_member(address(path) or "")
        if fits(candidate):
            return candidate
    return None


def _sender_named_recipients(original: Message) -> Iterator[str]:
    """The recipient the sender wrote into the original: its own recipient header
    (`_SENDER_RECIPIENT_HEADERS`), then an address its List-Unsubscribe link or mailto carries as a
    parameter (not the mailto's own target, nor the sender's addresses)."""
    for name in _SENDER_RECIPIENT_HEADERS:
        found = address(decode_header_value(original.get(name) or ""))
        if found:
            yield found
    value = original.get("List-Unsubscribe")
    if value is None:
        return
    senders = set(_addresses(decode_header_value(v) for v in original.get_all("From") or []))
    senders.update(_addresses(decode_header_value(v) for v in original.get_all("Return-Path") or []))
    # (an address given as a parameter in the query of its link or mailto: `?email=a%40b`, `&e=a@b`,
    # `?subject=unsubscribe:a%40b`; the mailto's own target is before the query)
    for uri in decode_header_value(value).split(",")[:4]:
        query = uri.partition("?")[2][:2048].replace("%40", "@").replace("%3A", ":").replace("%3a", ":")
        for parameter in query.replace(";", "&").split("&")[:16]:
            found = address(parameter.partition("=")[2].rpartition(":")[2].strip(" >"))
            if found and found not in senders:
                yield found


def kumo_ref_recipient(value: object) -> str | None:
    """The recipient KumoMTA's tracking header names: `X-KumoRef` holds base64 JSON, its marker
    `"_@_": "\\_o/"` and the message's `"recipient"` (what the MTA puts there so that a complaint
    whose report hides the recipient can still be matched)."""
    try:
        data = json.loads(base64.b64decode(decode_header_value(value).strip()[:4096], validate=False))
    except (ValueError, TypeError):
        return None
    if not isinstance(data, dict) or "_@_" not in data:
        return None
    found = data.get("recipient")
    return address(found) if isinstance(found, str) else None


def inline_original(text: str, usable: Callable[[Message], bool] | None = None) -> Message | None:
    """The header block of an original pasted into a report's text (an inline forward, a SpamCop
    report, an ARF report whose third part is text/plain): the first block of header lines that
    holds at least two of an original's usual fields (and that `usable` accepts, when given: an
    abuse desk may quote the complainer's own short header block before the original's)."""
    for m in _HEADER_START.finditer(text[:65536]):
        start = m.start()
        block = parse_header_block(text[start : start + 65536].split("\n\n", 1)[0] + "\n\n")
        names = {k.lower() for k in block}
        fits = len(names.intersection(_ORIGINAL_FIELDS)) >= 2 and "feedback-type" not in names
        if fits and (usable is None or usable(block)):
            return block
    return None


def is_report(mail: Mail) -> bool:
    """Cheap check: is this message an ARF report at all?"""
    if mail.feedback_report or mail.report_type == "feedback-report":
        return True
    # Some providers send the report fields as text/plain without the multipart/report wrapper.
    head = mail.text[:20000]
    if _FEEDBACK_HYPHEN.search(head) is None:
        return False  # (no "feedback-type" in any case: the cheap test below lower-cases the text)
    low = head.lower()
    # the case-insensitive multi-line search is slow on a long text: literal tests first (a text
    # it matches holds "feedback-type" once lower-cased, the Kelvin sign included)
    if not ("user-agent:" in low and "feedback-type" in low):
        return False
    if mail.has_header("List-Id") or mail.has_header("List-Post") or mail.has_header("List-Unsubscribe"):
        # a list post or a newsletter quoting a report's fields (no feedback loop mails through a
        # list, nor offers to unsubscribe from its reports)
        return False
    m = _FEEDBACK_TYPE_IN_TEXT.search(head)
    if m is None:
        return False
    if mail.original is not None:
        return True
    # With no original attached, only a whole report block counts: its required fields
    # (Feedback-Type, User-Agent, Version) together with a field naming who or what it is about,
    # or the original's headers pasted after it (a provider that sends its report as plain text,
    # fields and then the complained-about message), so a person quoting one line of a report is
    # not read as a complaint.
    fields = fields_of(_block_around(head, m.start()))
    if "user-agent" not in fields or "version" not in fields:
        return False
    named = any(name in fields for name in ("original-rcpt-to", "removal-recipient", "original-mail-from"))
    # (a reply that quotes a report's fields, no original after them, is a person asking about a
    # report: no feedback loop replies. A mail client's forward of a report may carry the thread's
    # In-Reply-To too, with the report's original pasted after its fields.)
    # (nor is a block a person shows in his own words, an example: "here is what one looks like:"
    # over it and his text going on below it)
    return (named and not is_reply(mail) and not _shown_as_example(head, m.start())) or inline_original(
        mail.text[m.start() :]
    ) is not None


def _shown_as_example(text: str, pos: int) -> bool:
    """Whether the block of lines holding `pos` is shown inside the writer's own words: the line
    before it ends with a colon, and text follows it."""
    start = text.rfind("\n\n", 0, pos)
    if start < 0 or not text[:start].rstrip().endswith(":"):
        return False
    end = text.find("\n\n", pos)
    return end >= 0 and bool(text[end:].strip())


def is_reply(mail: Mail) -> bool:
    """Whether `mail` answers another message of its thread (In-Reply-To, References): what it
    quotes was that message's, already read when it came."""
    return mail.has_header("In-Reply-To") or mail.has_header("References")


def _block_around(text: str, pos: int) -> str:
    """The block of lines (between blank lines) that holds position `pos`."""
    start = text.rfind("\n\n", 0, pos)
    start = 0 if start < 0 else start + 2
    end = text.find("\n\n", pos)
    return text[start : end if end >= 0 else len(text)]


# How many attached parts are looked at (an abuse desk or an FBL aggregator sends several
# complaints in one message; more than this is not a forward), and how much of an attached .eml
# file is read: its header block is near the start.
MAX_ATTACHED = 16
MAX_EML_BYTES = 64 * 1024


def attached_parts(top: Message) -> Iterator[Message]:
    """The parts of `top`'s multipart, each followed by the parts directly in it when it has any
    (at most MAX_ATTACHED of each), in order: where a mail client or an aggregator puts what it
    attaches (a client may wrap its text and attachments in an inner multipart/mixed, an
    aggregator its reports in a multipart/digest)."""
    parts = top.get_payload() if top.is_multipart() else None
    if not isinstance(parts, list):
        return
    for part in parts[:MAX_ATTACHED]:
        if not isinstance(part, Message):
            continue
        yield part
        if part.is_multipart():
            inner = part.get_payload()
            if isinstance(inner, list):
                yield from (p for p in inner[:MAX_ATTACHED] if isinstance(p, Message))


def _leaf_parts(top: Message) -> Iterator[Message]:
    """The single parts of `top`'s multipart and of the multiparts directly in it, in order."""
    return (part for part in attached_parts(top) if not part.is_multipart())


def attached_eml(mail: Mail, usable: Callable[[Message], bool]) -> Message | None:
    """The header block of an original attached as a file (`spam.eml`, `original.eml`, typed
    application/octet-stream or application/eml: a mail client or webmail that forwards a message
    "as attachment", a feedback loop that does not type its original message/rfc822; message/x-eml
    is read as the original itself, parsers.mail), the first
    that `usable` accepts. Looked for at the top and one multipart down: a mail client may wrap
    its text and attachments in an inner multipart/mixed."""
    for _, block in eml_files(mail):
        if usable(block):
            return block
    return None


def eml_files(mail: Mail) -> Iterator[tuple[bytes, Message]]:
    """Each message attached as a file (named `*.eml`, or typed application/eml), at the top and
    one multipart down: its bytes and its header block."""
    for part in _leaf_parts(mail.message):
        name = part.get_filename() or ""
        if not (name.lower().endswith(".eml") or part.get_content_type() == "application/eml"):
            continue
        payload = part.get_payload(decode=True)
        if not isinstance(payload, bytes):
            continue
        text = payload[:MAX_EML_BYTES].decode("utf-8", "replace").replace("\r\n", "\n")
        yield payload, parse_header_block(text.split("\n\n", 1)[0] + "\n\n")


def _holds_original_fields(block: Message) -> bool:
    """Whether a header block holds at least two of an original's usual fields."""
    return len({k.lower() for k in block}.intersection(_ORIGINAL_FIELDS)) >= 2


def original_of(mail: Mail, after: str = "") -> Message | None:
    """The returned original: the attached one, else one pasted into the text (after `after`; when
    the report's fields are a part of their own, also before them: a feedback loop that pastes the
    original into its human-readable part and attaches nothing), else one attached as an .eml file."""
    if mail.original is not None:
        return mail.original
    text = mail.text
    before = ""
    if after:
        pos = text.find(after)
        if pos >= 0:
            before, text = text[:pos], text[pos + len(after) :]
    found = inline_original(text)
    if found is None and before and mail.feedback_report:
        found = inline_original(before)
    return found or attached_eml(mail, _holds_original_fields)


_FEEDBACK_TYPE = patterncode.compile(r"[a-z0-9_-]*")
# The types that must not suppress the recipient as a complaint, as some providers spell them:
# words joined by blanks or underscores ("not spam", "Not_Spam", "auth_failure", "opt_out") or run
# together ("notspam"), read as RFC 6430's, RFC 6591's and the opt-out seen in the wild. A DMARC
# failure report that names its type "dmarc" is RFC 6591's auth-failure (about the sender's
# authentication). Any other value is read as its first token, as written.
_FEEDBACK_SPELLINGS = {
    "not-spam": "not-spam",
    "notspam": "not-spam",
    "nonspam": "not-spam",
    "non-spam": "not-spam",
    "auth-failure": "auth-failure",
    "authfailure": "auth-failure",
    "dmarc": "auth-failure",
    "dmarc-failure": "auth-failure",
    "opt-out": "opt-out",
}


def feedback_type_of(value: str) -> str:
    """The feedback type a Feedback-Type value names (lower case; "abuse" when it names none)."""
    value = value.strip().lower()
    token = _FEEDBACK_TYPE.match(value)
    written = token.group(0) if token else ""
    end = len(written)
    # (the words that go on after the token: "not spam"; a value is a few characters)
    while end < len(value) and (value[end].isalnum() or value[end] in " _-"):
        end += 1
    words = "-".join(value[:end].replace("_", " ").replace("-", " ").split())
    return _FEEDBACK_SPELLINGS.get(words) or written or "abuse"


def inquire(mail: Mail) -> Complaint | None:
    """The ARF complaint in `mail`, or None when it is not an ARF report."""
    if not is_report(mail):
        return None
    text = "\n\n".join(mail.feedback_report) or _untyped_report_part(mail)
    if not text:
        m = _FEEDBACK_TYPE_IN_TEXT.search(mail.text)
        # (the whole block: a provider may write User-Agent or Original-Rcpt-To before Feedback-Type)
        text = _block_around(mail.text[: m.start() + 8000], m.start()) if m else ""
    fields = fields_of(text)
    complaint = Complaint()
    complaint.feedback_type = feedback_type_of(_first(fields, "feedback-type") or "")
    complaint.user_agent = _first(fields, "user-agent")
    complaint.source_ip = _first(fields, "source-ip")
    # (the report's own fields are in the text first: a pasted original comes after them)
    original = original_of(mail, after=text[-200:] if text else "")
    mail_from = _first(fields, "original-mail-from")
    complaint.original_mail_from = address(mail_from) if mail_from else None
    describe(complaint, original)
    several = len(mail.feedback_report) > 1
    # (several reports in one: each names its own recipient, or its original does)
    own = fields_of(mail.feedback_report[0]) if several else fields
    complaint.recipients, complaint.defects = find_recipients(own, original, mail)
    if several:
        for more_fields, more_original in _further_reports(mail):
            found, defects = find_recipients(more_fields, more_original, mail)
            if defects:  # (one the others' recipients are redacted for)
                continue
            # (each report is of its own type: a not-spam report beside an abuse one suppresses no one)
            written = _first(more_fields, "feedback-type")
            kind = feedback_type_of(written) if written else complaint.feedback_type
            named = set(complaint.recipients).union(a for a, _kind in complaint.others)
            new = [a for a in found if a not in named]
            if kind == complaint.feedback_type:
                complaint.recipients.extend(new)
            else:
                complaint.others.extend((a, kind) for a in new)
            if more_original is not None:
                # (its own original's Message-ID and sender, not the first report's)
                theirs = Complaint()
                more_from = _first(more_fields, "original-mail-from")
                theirs.original_mail_from = address(more_from) if more_from else None
                describe(theirs, more_original)
                complaint.own_ids.update(
                    (a, (theirs.original_message_id, theirs.original_mail_from)) for a in new
                )
    return complaint


def _untyped_report_part(mail: Mail) -> str:
    """The fields of a feedback report (report-type feedback-report) whose machine-readable part
    is typed as a file (application/octet-stream: a relay or a home-made feedback loop that does not
    know message/feedback-report), maybe transfer-encoded: the text of the first such part of the
    report that holds a Feedback-Type line, else "". (A part typed text/* is in the message's text
    already; a part typed message/* is read as an original.)"""
    if mail.report_type != "feedback-report":
        return ""
    parts = mail.message.get_payload()
    if not isinstance(parts, list):
        return ""
    for part in parts[:MAX_ATTACHED]:
        if not isinstance(part, Message) or part.get_content_maintype() in ("text", "message", "multipart"):
            continue
        text = payload_text(part)[:8000]
        if _FEEDBACK_TYPE_IN_TEXT.search(text) is not None:
            return text
    return ""


_ORIGINAL_TYPES = frozenset({"message/rfc822", "text/rfc822-headers", "message/rfc822-headers"})


def _further_reports(mail: Mail) -> Iterator[tuple[dict[str, list[str]], Message | None]]:
    """The second and later reports of a multipart/report that holds several, each a
    feedback-report part and the original after it (an aggregator's batch: its reports need not
    name their recipients, each original does): their fields and their original's headers."""
    parts = mail.message.get_payload()
    if not isinstance(parts, list):
        return
    reports = 0
    pending: dict[str, list[str]] | None = None  # (a further report still waiting for its original)
    for part in parts[: 2 * MAX_ATTACHED]:
        if not isinstance(part, Message):
            continue
        kind = part.get_content_type()
        if kind == "message/feedback-report":
            if pending is not None:
                yield pending, None
            reports += 1
            # (its text as the loader reads every report part: parsed blocks, encoded or spilled)
            pending = fields_of(report_text(part, mail.decode)) if reports > 1 else None
        elif kind in _ORIGINAL_TYPES and pending is not None:
            yield pending, _first_block(part)
            pending = None
    if pending is not None:
        yield pending, None


def _first_block(part: Message) -> Message:
    """The header block a message/* or text/rfc822-headers part holds."""
    inner = part.get_payload()
    if isinstance(inner, list) and inner and isinstance(inner[0], Message) and inner[0].keys():
        return inner[0]
    return parse_header_block(payload_text(part).split("\n\n", 1)[0] + "\n\n")


def describe(complaint: Complaint, original: Message | None) -> None:
    """The original (its sender when the report did not say, its Message-ID) on the complaint."""
    complaint.original = original
    if original is None:
        return
    if complaint.original_mail_from is None:
        sender = original.get("Return-Path") or original.get("From") or ""
        complaint.original_mail_from = address(decode_header_value(sender))
    mid = original.get("Message-ID")
    complaint.original_message_id = decode_header_value(mid) if mid else None
