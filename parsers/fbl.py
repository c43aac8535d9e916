"""Feedback-loop reports in shapes other than ARF: Microsoft JMRP, SpamCop, X-ARF.

- JMRP (Outlook.com / Hotmail, classic): the complained-about message attached as message/rfc822
  (or pasted into the text), the recipient in its `X-HmXmrOriginalRecipient` header; no report
  part. Amazon SES forwards complaints the same way.
- AOL SComp before ARF ("Client TOS Notification"): multipart/mixed, an empty text part and the
  complained-about message attached; marked by `X-Loop: scomp` or an scomp@ sender. The
  recipient is the original's (its To is usually "Undisclosed Recipients": the Received "for").
- SpamCop: a plain-text report ("[SpamCop (ip) id:...]" subject) with the offending message pasted
  after "Offending message:"; the reporter's address is munged ("x"), so the recipient is usually
  unknown and the complaint lands on the reserved placeholder.
- X-ARF (`X-ARF: yes`; Abusix's JSON reports say `X-XARF: PLAIN`): a human part, a YAML (0.1, 0.2)
  or JSON report part, and the evidence; a complaint about a recipient only when the report is about
  mail (Report-Type spam, a phishing or fraud report whose evidence is an email: attached, carried
  in the JSON, or its source pasted into a text part as v0.1's `Attachment: text/plain` has it), not
  about a port scan, a login attack or a web site. The JSON is v4's flat object (`category`/`class`, `type`,
  `smtp_to`, `evidence`) or v3's (`Report`: `ReportClass`, `ReportType`, `SmtpRcptToAddress`,
  `Samples`); its envelope recipient is the complained-about one, and an email sample in the JSON
  (base64) is the returned original.
- Amazon SES notifications: SNS's mail of one (its complaints here, its bounces and deliveries
  parsers.mta.amazonses's), and those that reach us without SNS's mail, in a Lambda function's
  event (each record of its batch) or an EventBridge event or bare, one document or several
  written one after another (a Firehose export), mailed on as the text (its complaints, and its
  bounces and deliveries as a webhook document's). parsers.ses reads the JSON for both modules.
- What a relay mails on as the text may come as HTML (the JSON in a <pre> block), as text and
  HTML (multipart/alternative: the loader's text), or attached as an application/json file under
  a line of the relay's own (the loader keeps the first: ATTACHED_JSON): each is read as the text.
- ESP complaint webhooks relayed as mail (a platform's own tooling mails what its ESP posted, or
  someone pastes it): a JSON document of events, one of which is a complaint in the ESP's published
  schema: SendGrid's Event Webhook (`"event": "spamreport"`, the address in `email`), Mailgun's
  (`event-data` with `"event": "complained"` and `recipient`), Postmark's spam complaint webhook
  (`"RecordType": "SpamComplaint"`, `Email`) and its subscription change for a complaint,
  SparkPost's (`{"msys": {"message_event": {"type": "spam_complaint", "rcpt_to": ..., "fbtype":
  ...}}}`, the provider's Feedback-Type in `fbtype`), Mandrill's, Mailjet's and Brevo's (`"event":
  "spam"`), Elastic Email's (`"status": "AbuseReport"`). The recipients' own unsubscribes (SendGrid
  `unsubscribe`, `group_unsubscribe`; Mailgun and Brevo `unsubscribed`; Mandrill and Mailjet `unsub`;
  SparkPost `list_unsubscribe`, `link_unsubscribe`; Postmark's suppression by the recipient; Elastic
  Email `Unsubscribed`) are their opt-outs. Each recipient is one event of his own type: a batch
  mixing complaints and other recipients' unsubscribes is both (`Complaint.others`); a recipient who
  did both is the complaint's. The same documents' bounce events (Mailjet's, SendGrid's, Brevo's,
  Mandrill's, Mailgun's, Postmark's, SparkPost's: _WEBHOOK_BOUNCES) are their recipients' failed or
  delayed deliveries (`Complaint.bounces`), classified as any report's are: by the reply the event
  quotes, the status class its ESP's verdict gives (hard_bounce, severity permanent ...), and the
  cause its ESP names where it names one; a document of bounce events alone is a delivery report.
  An ESP's suppression of a recipient (a send it dropped for an earlier complaint or unsubscribe) and
  a failure on the sender's side (a template that did not render, an API error) are no event.
  Mandrill posts its events as a form (`mandrill_events=` and the URL-encoded JSON): read the same.

Who complained is found as for ARF (`arf.find_recipients`).
"""

from __future__ import annotations

import base64
import json
import re
from collections.abc import Iterable, Iterator
from email.message import Message

from parsers import patterncode
from parsers.arf import (
    Complaint,
    describe,
    feedback_type_of,
    fields_of,
    find_recipients,
    inline_original,
    is_reply,
    original_of,
)
from parsers.delivery import Delivery
from parsers.dsn import address, strip_type
from parsers.mail import ATTACHED_JSON, Mail, parse_header_block, payload_text
from parsers.reasons.codes import (
    AUTH_FAILURE,
    BLOCKED,
    EXPIRED,
    HOST_UNKNOWN,
    MAILBOX_FULL,
    MESSAGE_TOO_BIG,
    NO_RELAYING,
    SPAM_DETECTED,
    USER_UNKNOWN,
    VIRUS_DETECTED,
)
from parsers.reasons.derive import REPORT_TEXT

_JMRP_SUBJECT = patterncode.compile(r"^complaint about message from ", re.IGNORECASE)
_JMRP_SENDERS = ("staff@hotmail.com", "complaints@email-abuse.amazonses.com")
_JMRP_HEADER = patterncode.compile(r"(?im)^x-hmxmroriginalrecipient[ \t]*:")
_JMRP_SPELLINGS = ("HmXmrOriginalRecipient", "hmxmroriginalrecipient", "HMXMRORIGINALRECIPIENT")
_SPAMCOP_SUBJECT = patterncode.compile(r"^\s*\[spamcop \(", re.IGNORECASE)
_SPAMCOP_FROM = patterncode.compile(r"@(?:reports\.)?spamcop\.net\b", re.IGNORECASE)
_OFFENDING = patterncode.compile(r"(?im)^\s*(?:\[\s*)?offending message\s*(?:\]\s*)?:?\s*$")
# Report types about mail whatever the evidence; those about mail only when the evidence is an email
# or the category is messaging (v3 and v4 report phishing and malware web sites under the same names).
_XARF_MAIL_TYPES = frozenset({"spam", "bulk_messaging", "bulk-messaging"})
_XARF_MAIL_IF_EVIDENCE = frozenset({"phishing", "fraud", "virus", "malware", "malware-mail"})
# The envelope recipient's field: v4 `smtp_to`, v3 `SmtpRcptToAddress` (names lower-cased, `_` as `-`).
_XARF_RECIPIENT_FIELDS = ("smtp-to", "smtprcpttoaddress")
_XARF_PARTS = (
    "text/plain",
    "application/json",
    "text/yaml",
    "text/x-yaml",
    "application/x-yaml",
    "text/json",
)
TYPE_CHECKING = False
if TYPE_CHECKING:  # (typing is not imported at run time: importing it costs every process)
    from typing import Any

    # (a bounce event's entry: see _WEBHOOK_BOUNCES)
    _WebhookBounce = tuple[
        tuple[str, ...],
        tuple[str, ...],
        tuple[str, ...],
        tuple[str, ...],
        str,
        str,
        str | tuple[str, dict[str, str]] | None,
    ]

MAX_REPORT_CHARS = 65536
MAX_SAMPLES = 8
# How many JSON documents written one after another are read (a Firehose export's records).
MAX_RECORDS = 100
# A webhook's complaint event by what says so (its (field, value) pairs, all of them), and the fields
# that may hold the address (the first present wins; a dotted name is a nested field): SendGrid's
# (`spamreport`), Mailgun's (`complained`), Postmark's spam complaint webhook and its subscription
# change that suppresses for a complaint, SparkPost's (`spam_complaint`), Mandrill's, Mailjet's and
# Brevo's (`spam`: Mandrill's address in its `msg`), Elastic Email's notification (`AbuseReport`).
_WEBHOOK_COMPLAINTS: dict[tuple[tuple[str, object], ...], tuple[str, ...]] = {
    (("event", "spamreport"),): ("email",),
    (("event", "complained"),): ("recipient",),
    (("RecordType", "SpamComplaint"),): ("Email",),
    (
        ("RecordType", "SubscriptionChange"),
        ("SuppressSending", True),
        ("SuppressionReason", "SpamComplaint"),
    ): ("Recipient",),
    (("type", "spam_complaint"),): ("rcpt_to",),
    (("event", "spam"),): ("email", "msg.email"),
    (("status", "AbuseReport"),): ("to",),
}
# The recipient's own unsubscribe events, the same way: SendGrid's (`unsubscribe`, `group_unsubscribe`),
# Mailgun's and Brevo's (`unsubscribed`), Mandrill's and Mailjet's (`unsub`), SparkPost's
# (`list_unsubscribe`: the List-Unsubscribe header's; `link_unsubscribe`: a link in the body),
# Postmark's subscription change that suppresses by the recipient's own hand (a manual suppression
# whose origin is the recipient; one by the customer or an admin is no act of his), Elastic Email's
# `Unsubscribed`.
_WEBHOOK_UNSUBSCRIBES: dict[tuple[tuple[str, object], ...], tuple[str, ...]] = {
    (("event", "unsubscribe"),): ("email",),
    (("event", "group_unsubscribe"),): ("email",),
    (("event", "unsubscribed"),): ("recipient", "email"),
    (("event", "unsub"),): ("email", "msg.email"),
    (("type", "list_unsubscribe"),): ("rcpt_to",),
    (("type", "link_unsubscribe"),): ("rcpt_to",),
    (
        ("RecordType", "SubscriptionChange"),
        ("SuppressSending", True),
        ("SuppressionReason", "ManualSuppression"),
        ("Origin", "Recipient"),
    ): ("Recipient",),
    (("status", "Unsubscribed"),): ("to",),
}
# The bounce events, the same way (the first entry an event matches reads it): the fields that may
# hold the address; the remote server's reply (or the ESP's own words for it), the status code and
# the SMTP reply code (each the first present and not empty); whether the ESP gave up ("failed") or
# still retries ("delayed"); the status class its own verdict gives when the event states no code
# (5: permanent, 4: temporary); the reason its kind states, if any (one reason, or a field's values'
# reasons), where it says more than the reply would. Mailjet's `bounce` (its `hard_bounce` flag, its
# short `error`), SendGrid's (`bounce`, a block among them: the reply tells; `deferred`; `dropped`
# for an address it had seen bounce or found invalid, not for one that unsubscribed or complained),
# Brevo's and Mandrill's (`hard_bounce`, `soft_bounce`: Mandrill's in its `msg`; Brevo's `deferred`
# as SendGrid's), Mailgun's `failed` (its `severity`; its `suppress-bounce`: an address that
# bounced before), Postmark's `Bounce` record (HardBounce, SoftBounce; Transient: still retried),
# SparkPost's (`bounce`, `out_of_band`: its bounce class where it names the cause; `delay`).
# Also: an address the ESP found invalid before sending (Brevo's `invalid_email`, Postmark's
# BadEmailAddress: the address itself is bad); Postmark's own causes (Blocked, SpamNotification,
# VirusNotification, DMARCPolicy: the sender's, soft; DnsError: a temporary DNS failure, soft); Mailjet's `blocked` for the recipient's
# unknown address or the domain's (its `error_related_to`/`error` enumeration; the rest of its blocks
# are its own or the sender's: preblocked, duplicate, template, spam); Mailgun's `failed` given up
# as too `old` (expired). An entry with no address fields reports nothing: a message the ESP
# suppressed for a complaint or an unsubscribe (Mailgun's `suppress-complaint`/`-unsubscribe`) is
# no failure of the recipient, whose own complaint or unsubscribe is its own event. Events no entry
# matches report nothing either: the ESP's suppressions (Brevo's `blocked`, SendGrid's `dropped`
# for an unsubscribed or spam-reporting address, SparkPost's `policy_rejection`, Postmark's
# ManuallyDeactivated) and the sender's own failures (Brevo's `error`, SendGrid's invalid SMTPAPI
# header, SparkPost's `generation_failure`, Postmark's SMTPApiError, TemplateRenderingFailed).
_SPARKPOST_CLASSES = {
    "10": USER_UNKNOWN,
    "22": MAILBOX_FULL,
    "23": MESSAGE_TOO_BIG,
    "50": BLOCKED,
    "51": BLOCKED,
    "52": SPAM_DETECTED,
    "54": NO_RELAYING,
}
# (the fields of Postmark's Bounce record, whatever its type: the address, its reply, no codes;
# and where Mailgun's failure quotes the reply)
_POSTMARK = (("Email",), ("Details", "Description"), (), ())
_MAILGUN_REPLY = ("delivery-status.message", "delivery-status.description")
_WEBHOOK_BOUNCES: dict[tuple[tuple[str, object], ...], _WebhookBounce] = {
    (("event", "bounce"), ("hard_bounce", True)): (("email",), ("error",), (), (), "failed", "5", None),
    (("event", "bounce"), ("hard_bounce", False)): (("email",), ("error",), (), (), "failed", "4", None),
    (("event", "bounce"),): (("email",), ("reason",), ("status",), (), "failed", "5", None),
    (("event", "deferred"),): (("email",), ("response", "reason"), (), (), "delayed", "4", None),
    (("event", "dropped"), ("reason", "Bounced Address")): (
        ("email",), ("reason",), ("status",), (), "failed", "5", USER_UNKNOWN,
    ),
    (("event", "dropped"), ("reason", "Invalid")): (
        ("email",), ("reason",), ("status",), (), "failed", "5", USER_UNKNOWN,
    ),
    (("event", "hard_bounce"),): (("email", "msg.email"), ("reason", "msg.diag"), (), (), "failed", "5", None),
    (("event", "soft_bounce"),): (("email", "msg.email"), ("reason", "msg.diag"), (), (), "failed", "4", None),
    (("event", "invalid_email"),): (("email",), (), (), (), "failed", "5", USER_UNKNOWN),
    (("event", "blocked"), ("error_related_to", "recipient"), ("error", "user unknown")): (
        ("email",), ("error",), (), (), "failed", "5", USER_UNKNOWN,
    ),
    (("event", "blocked"), ("error_related_to", "domain"), ("error", "invalid domain")): (
        ("email",), ("error",), (), (), "failed", "5", HOST_UNKNOWN,
    ),
    (("event", "blocked"), ("error_related_to", "domain"), ("error", "no mail host")): (
        ("email",), ("error",), (), (), "failed", "5", HOST_UNKNOWN,
    ),
    (("event", "failed"), ("reason", "suppress-complaint")): ((), (), (), (), "failed", "5", None),
    (("event", "failed"), ("reason", "suppress-unsubscribe")): ((), (), (), (), "failed", "5", None),
    (("event", "failed"), ("severity", "permanent"), ("reason", "old")): (
        ("recipient",), _MAILGUN_REPLY, (), (), "failed", "5", EXPIRED,
    ),
    (("event", "failed"), ("severity", "permanent"), ("reason", "suppress-bounce")): (
        ("recipient",), _MAILGUN_REPLY, (), (), "failed", "5", USER_UNKNOWN,
    ),
    (("event", "failed"), ("severity", "permanent")): (
        ("recipient",), _MAILGUN_REPLY,
        ("delivery-status.enhanced-code",), ("delivery-status.code",), "failed", "5", None,
    ),
    (("event", "failed"), ("severity", "temporary")): (
        ("recipient",), _MAILGUN_REPLY,
        ("delivery-status.enhanced-code",), ("delivery-status.code",), "delayed", "4", None,
    ),
    (("RecordType", "Bounce"), ("Type", "HardBounce")): (*_POSTMARK, "failed", "5", None),
    (("RecordType", "Bounce"), ("Type", "SoftBounce")): (*_POSTMARK, "failed", "4", None),
    (("RecordType", "Bounce"), ("Type", "Transient")): (*_POSTMARK, "delayed", "4", None),
    (("RecordType", "Bounce"), ("Type", "BadEmailAddress")): (*_POSTMARK, "failed", "5", USER_UNKNOWN),
    (("RecordType", "Bounce"), ("Type", "Blocked")): (*_POSTMARK, "failed", "5", BLOCKED),
    (("RecordType", "Bounce"), ("Type", "SpamNotification")): (*_POSTMARK, "failed", "5", SPAM_DETECTED),
    (("RecordType", "Bounce"), ("Type", "VirusNotification")): (*_POSTMARK, "failed", "5", VIRUS_DETECTED),
    (("RecordType", "Bounce"), ("Type", "DMARCPolicy")): (*_POSTMARK, "failed", "5", AUTH_FAILURE),
    (("RecordType", "Bounce"), ("Type", "DnsError")): (*_POSTMARK, "failed", "4", None),
    (("type", "bounce"),): (
        ("rcpt_to",), ("raw_reason", "reason"), (), ("error_code",), "failed", "5",
        ("bounce_class", _SPARKPOST_CLASSES),
    ),
    (("type", "out_of_band"),): (
        ("rcpt_to",), ("raw_reason", "reason"), (), ("error_code",), "failed", "5",
        ("bounce_class", _SPARKPOST_CLASSES),
    ),
    (("type", "delay"),): (("rcpt_to",), ("raw_reason", "reason"), (), ("error_code",), "delayed", "4", None),
}  # fmt: skip
# The reason a bounce event's kind states for the address when the event quotes no reply (its text
# opens with no reply code): an ESP's verdict of "permanent" alone says the delivery failed, not that
# the address is bad (SendGrid's bounces, Mailgun's permanent failures, Brevo's and Mandrill's hard
# bounces take in a block or a spam rejection too: by DESIGN those are soft), so with no reply to
# speak such an event stays soft (5.0.0, undefined). Postmark's HardBounce is the one kind whose
# definition names the address ("unknown user, mailbox not found": blocks, spam, DNS failures and
# invalid addresses are types of their own), so its silent event is the address's failure, hard.
# A reply it quotes still decides ("550 5.7.1 ... blocked" is the sender's).
_WEBHOOK_SILENT_REASONS: dict[tuple[tuple[str, object], ...], str] = {
    (("RecordType", "Bounce"), ("Type", "HardBounce")): USER_UNKNOWN,
}
# Told literally first: the event's name as the JSON writes it.
_WEBHOOK_NAMES = tuple(
    {f'"{kind[0][1]}"': None for kind in (*_WEBHOOK_COMPLAINTS, *_WEBHOOK_UNSUBSCRIBES, *_WEBHOOK_BOUNCES)}
)
# A relayed webhook's JSON starts the text or follows a line or two of the relay's own: a document
# quoted further down (a developer's question, a changelog) is no event posted about our mail.
MAX_WEBHOOK_LEAD = 200
# (every complaint event is an object: SendGrid's batch opens "[" then "{")
MAX_WEBHOOK_HEAD = MAX_WEBHOOK_LEAD + 8
MAX_WEBHOOK_EVENTS = 100
_MANDRILL_FORM = "mandrill_events="
# A line that opens a JSON document (its first non-blank character), within MAX_WEBHOOK_LEAD.
_DOCUMENT_OPENING = patterncode.compile(r"(?m)^[ \t]{0,8}[\[{]")
# The X-Mailer of the mail clients that write no User-Agent (Outlook, Apple Mail on a Mac and on iOS)
_MAIL_CLIENTS = ("microsoft outlook", "microsoft office outlook", "apple mail", "iphone mail", "ipad mail")


def inquire(mail: Mail) -> Complaint | None:
    """The complaint in a JMRP, SpamCop, X-ARF report, an Amazon SES complaint notification (or a
    relayed SES notification's bounces) or an ESP's webhook document relayed as mail (its
    complaints, unsubscribes and bounces), or None."""
    for reader in (_jmrp, _scomp, _spamcop, _xarf):
        found = reader(mail)
        if found is not None:
            return found
    # (SNS's sender and header, told literally before the reader is called: asked of every message)
    if "amazonaws.com" in mail.from_ or "x-amz-sns-message-id" in mail.header_names():
        return _ses(mail)
    # (a relayed webhook is one text or JSON part: told by the type the loader read, asked of every message)
    kind = mail.content_type
    if kind == "text/plain":
        if "{" in mail.text[:MAX_WEBHOOK_HEAD]:
            return _webhook(mail, mail.text)
        return _form_webhook(mail, mail.text)
    if kind in ("text/html", "multipart/alternative"):
        # (a relay that mails the JSON as HTML, in a <pre>, or as text and HTML: the loader's text)
        return _webhook(mail, mail.text) if "{" in mail.text[:MAX_WEBHOOK_HEAD] else None
    if kind == "application/json":  # (not text: the loader leaves its body out of the message's text)
        text = payload_text(mail.message)
        return _webhook(mail, text) if "{" in text[:MAX_WEBHOOK_HEAD] else None
    if kind == "multipart/mixed":  # (a relay that attaches the JSON as a file, under a line of its own)
        attached = mail.memo.get(ATTACHED_JSON)
        return (
            _webhook(mail, attached[:MAX_REPORT_CHARS])
            if attached and "{" in attached[:MAX_WEBHOOK_HEAD]
            else None
        )
    if kind == "application/x-www-form-urlencoded":  # (a form post relayed with its own type)
        return _form_webhook(mail, payload_text(mail.message))
    return None


def _complaint(mail: Mail, original: Message | None, shape: str, feedback_type: str = "abuse") -> Complaint:
    complaint = Complaint(feedback_type=feedback_type, format=shape)
    describe(complaint, original)
    complaint.recipients, complaint.defects = find_recipients({}, original, mail)
    return complaint


def _jmrp(mail: Mail) -> Complaint | None:
    original = mail.original
    if original is None and _jmrp_header_in(mail.text):
        original = inline_original(mail.text)  # (the original pasted as the report's body)
    marked = mail.has_header("X-HmXmrOriginalRecipient") or (
        original is not None and "X-HmXmrOriginalRecipient" in original
    )
    if not (marked or (original is not None and signed_as_jmrp(mail.from_, mail.subject))):
        return None
    return _complaint(mail, original, "jmrp")


def signed_as_jmrp(sender: str, subject: str) -> bool:
    """Whether a message's From and Subject are a JMRP report's (Microsoft's staff@hotmail.com, or
    SES's complaints mailbox, under "complaint about message from <IP>"): also asked of a message
    attached whole to a desk's or a ticket system's forward (parsers.forwarded)."""
    sender = sender.lower()
    for one in _JMRP_SENDERS:  # (a plain loop: no generator per message)
        if one in sender:
            return _JMRP_SUBJECT.match(subject) is not None
    return False


def _jmrp_header_in(text: str) -> bool:
    """Whether a header line X-HmXmrOriginalRecipient is in the first 64 KiB of the text."""
    # (Microsoft writes the name one way, relays may change its case: literal tests of the three
    # spellings before the case-blind search, which costs a few microseconds on every report)
    end = min(len(text), 65536)
    for name in _JMRP_SPELLINGS:  # (a plain loop: no generator per message)
        if text.find(name, 0, end) >= 0:
            return _JMRP_HEADER.search(text, 0, end) is not None
    return False


def _scomp(mail: Mail) -> Complaint | None:
    if mail.original is None:
        return None
    if "x-loop" not in mail.header_names() and "scomp" not in mail.from_.lower() and "\\x{" not in mail.from_:
        return None  # (neither sign can be there: no X-Loop, and no From whose address reads scomp@)
    sender = address(mail.from_) or ""
    if mail.header("X-Loop").strip().lower() != "scomp" and sender.partition("@")[0].lower() != "scomp":
        return None
    return _complaint(mail, mail.original, "scomp")


def _spamcop(mail: Mail) -> Complaint | None:
    if not _SPAMCOP_SUBJECT.match(mail.subject) or not (
        _SPAMCOP_FROM.search(mail.from_) or "spamcop" in mail.text[:2000].lower()
    ):
        return None
    original = mail.original
    if original is None:
        text = mail.text
        marker = _OFFENDING.search(text[:65536])
        original = inline_original(text[marker.end() :] if marker else text)
    if original is None:
        return None  # (a SpamCop notice about a web site or a summary: no message to complain about)
    return _complaint(mail, original, "spamcop")


def _xarf(mail: Mail) -> Complaint | None:
    names = mail.header_names()
    if "x-xarf" not in names and (
        "x-arf" not in names or mail.header("X-ARF").strip().lower() not in ("yes", "true", "1")
    ):
        return None
    report, sample = _xarf_report(mail)
    kind = (report.get("report-type") or report.get("reporttype") or report.get("type") or "").lower()
    kind = kind.replace(" ", "_")
    category = (report.get("category") or report.get("class") or report.get("reportclass") or "").lower()
    # (the evidence attached as message/rfc822, carried in the JSON, else pasted into a text part
    # or attached as an .eml file: v0.1's `Attachment: text/plain` evidence is the message's source)
    original = mail.original or sample or original_of(mail)
    evidence_is_mail = original is not None or "rfc822" in report.get("attachment", "").lower()
    about_mail = evidence_is_mail or category == "messaging"
    if kind not in _XARF_MAIL_TYPES and not (
        about_mail and (kind in _XARF_MAIL_IF_EVIDENCE or category in ("abuse", "fraud", "messaging"))
    ):
        return None  # (a report about a host or a web site, not about mail someone received)
    feedback_type = "fraud" if "fraud" in (kind, category) or kind == "phishing" else "abuse"
    if kind in ("virus", "malware", "malware-mail"):
        feedback_type = "virus"
    complaint = Complaint(feedback_type=feedback_type, format="x-arf")
    describe(complaint, original)
    rcpt = [report[name] for name in _XARF_RECIPIENT_FIELDS if name in report]
    complaint.recipients, complaint.defects = find_recipients({"original-rcpt-to": rcpt}, original, mail)
    return complaint


def _ses(mail: Mail) -> Complaint | None:
    """An Amazon SES complaint notification SNS mails (its JSON, or an EventBridge event of it,
    parsers.ses): `_ses_complaint`. (Its bounce and delivery notifications are
    parsers.mta.amazonses's.)"""
    from parsers import ses  # (only for SNS's mail: not loaded at start-up)

    doc = ses.sns_notification(mail)
    return _ses_complaint(doc) if doc is not None else None


def _relayed_ses(mail: Mail, text: str, start: int) -> Complaint | None:
    """Amazon SES notifications that reach us without SNS's mail: the JSON opening `text` at
    `start`, in any envelope parsers.ses reads (a Lambda function's event, each record of its
    batch, an EventBridge event, the bare notification a function or a rule mails on), and the
    documents written right after it (Kinesis Data Firehose writes its records one after another).
    A complaint as `_ses_complaint`; a bounce or delivery notification's recipients as its
    deliveries (`Complaint.bounces`, what a webhook document's bounce events are); each with the
    original's ids its `mail` object carries (`Complaint.own_ids` when the documents are about
    different messages)."""
    from parsers import ses  # (only for a JSON text that names an SES notification's type)

    # (an SES notification always names the mail it is about)
    docs = [doc for data in _json_documents(text, start) for doc in ses.notifications(data)]
    docs = [doc for doc in docs if isinstance(doc.get("mail"), dict)]
    if not docs or _quoted_by_a_person(mail):
        return None
    report: Complaint | None = None
    bounces: list[Delivery] = []
    ids: dict[str, tuple[str | None, str | None]] = {}  # (each recipient's original's)
    originals: list[Message | None] = []
    for doc in docs:
        found = _ses_complaint(doc)
        if found is None and doc.get("notificationType") in ses.REPORTS_DELIVERIES:
            found = Complaint(bounces=ses.deliveries(doc))
            describe(found, _header_block(_ses_headers(doc["mail"])))
        if found is None:
            continue
        named = [*found.recipients, *(d.recipient for d in found.bounces)]
        ids.update((a, (found.original_message_id, found.original_mail_from)) for a in named if a not in ids)
        originals.append(found.original)
        bounces.extend(found.bounces)
        if report is None or not report.recipients:
            if found.recipients:  # (the first complaint's type and original lead)
                found.bounces, found.others = [], report.others if report is not None else []
                report = found
            elif report is None:
                report = Complaint(format="AmazonSES")
                describe(report, found.original)
            continue
        if found.recipients:
            known = {*report.recipients, *(a for a, _kind in report.others)}
            new = [a for a in found.recipients if a not in known]
            if found.feedback_type == report.feedback_type:
                report.recipients.extend(new)
            else:
                report.others.extend((a, found.feedback_type) for a in new)
    if report is None:
        return None
    complained = {*report.recipients, *(a for a, _kind in report.others)}
    # (a recipient who complained and bounced is the complaint's, as in a webhook batch)
    report.bounces = [d for d in bounces if d.recipient not in complained]
    if not (report.recipients or report.bounces):
        return None
    if len(set(ids.values())) > 1:  # (different messages: each recipient's own ids, no one original)
        report.own_ids = ids
        describe(report, None)
        report.original_message_id = report.original_mail_from = None
    elif report.original is None:
        describe(report, next((o for o in originals if o is not None), None))
    return report


def _json_documents(text: str, start: int) -> Iterator[object]:
    """The JSON document opening `text` at `start` and those written right after it (blank space
    between them), at most MAX_RECORDS: nothing when the first is not JSON."""
    decoder = json.JSONDecoder()
    at = start
    for _ in range(MAX_RECORDS):
        try:
            data, at = decoder.raw_decode(text, at)
        except ValueError:
            return
        yield data
        while at < len(text) and text[at] in " \t\r\n":
            at += 1
        if not text.startswith("{", at):
            return


def _ses_complaint(doc: dict[str, Any]) -> Complaint | None:
    """An Amazon SES complaint notification's recipients, with the feedback type of the provider's
    report it relays (SES copies the ARF report's Feedback-Type into `complaintFeedbackType`:
    abuse, auth-failure, fraud, not-spam, other, virus; none when the report had none, an abuse
    complaint), so that a not-spam or auth-failure report is no hard complaint; None for another
    kind of notification, and for SES's word that it did not send to an address on the sending
    account's suppression list (parsers.ses.ON_ACCOUNT_LIST)."""
    if doc.get("notificationType") != "Complaint":
        return None
    from parsers.ses import ON_ACCOUNT_LIST  # (loaded already: the document was read by it)

    found = doc.get("complaint")
    if not isinstance(found, dict) or found.get("complaintSubType") == ON_ACCOUNT_LIST:
        return None  # (a send SES did not attempt)
    recipients = []
    for r in found.get("complainedRecipients") or []:
        addr = address(str(r.get("emailAddress", ""))) if isinstance(r, dict) else None
        if addr:
            recipients.append(addr.lower())
    if not recipients:
        return None
    feedback_type = str(found.get("complaintFeedbackType") or "abuse")
    complaint = Complaint(recipients=recipients, feedback_type=feedback_type, format="AmazonSES")
    sent = doc.get("mail")
    if isinstance(sent, dict):
        describe(complaint, _header_block(_ses_headers(sent)))
    return complaint


def _ses_headers(sent: dict[str, Any]) -> list[tuple[str, str]]:
    """The original's headers an SES notification's `mail` object carries: all of them when the
    notification includes headers (`headers`, name and value each: the sender's attribution header
    among them), else its `commonHeaders` (From, Message-ID); its `source` (MAIL FROM) as the
    Return-Path."""
    out: list[tuple[str, str]] = []
    source = sent.get("source")
    if isinstance(source, str):
        out.append(("Return-Path", f"<{source}>"))
    headers = sent.get("headers")
    if isinstance(headers, list) and headers:
        for field in headers[:64]:
            if (
                isinstance(field, dict)
                and isinstance(field.get("name"), str)
                and isinstance(field.get("value"), str)
            ):
                out.append((field["name"], field["value"]))
        return out
    common = sent.get("commonHeaders")
    if isinstance(common, dict):
        senders = common.get("from")
        if isinstance(senders, list) and senders and isinstance(senders[0], str):
            out.append(("From", senders[0]))
        if isinstance(common.get("messageId"), str):
            out.append(("Message-ID", common["messageId"]))
    return out


def _webhook(mail: Mail, text: str) -> Complaint | None:
    """The complaint, unsubscribe and bounce events of an ESP's webhook document relayed as mail
    (`text`, its body): its recipients, or None."""
    # (the document opens a line: a bracket inside a line is a bounce's "[192.0.2.1]" or prose)
    # (maybe indented: a <pre> block's text, a JSON file's own layout)
    opening = _DOCUMENT_OPENING.search(text, 0, MAX_WEBHOOK_HEAD)
    if opening is None:
        return None
    start = opening.end() - 1
    text = text[:MAX_REPORT_CHARS]
    # (an Amazon SES notification names its type, maybe in an envelope's string of JSON, its quotes
    # escaped; an ESP's event names its kind, _WEBHOOK_NAMES)
    ses = "notificationType" in text or "eventType" in text
    esp = any(name in text for name in _WEBHOOK_NAMES)
    if not (ses or esp):
        return None
    names = mail.header_names()
    if "list-id" in names or "list-unsubscribe" in names:
        return None  # (a list post quoting a webhook's example)
    if ses:
        relayed = _relayed_ses(mail, text, start)
        if relayed is not None or not esp:
            return relayed
    try:
        data, _end = json.JSONDecoder().raw_decode(text, start)
    except ValueError:
        return None
    # (recipient, feedback type) of each complaint, then of each unsubscribe, in order; each bounce
    found: list[tuple[str, str]] = []
    unsubscribed: list[tuple[str, str]] = []
    bounced: list[Delivery] = []
    originals: set[tuple[tuple[str, str], ...]] = set()  # (the original's headers each event carries)
    for event in (data if isinstance(data, list) else [data])[:MAX_WEBHOOK_EVENTS]:
        event = _webhook_event(event)
        if event is None:
            continue
        # (SparkPost copies the provider's report's Feedback-Type into `fbtype`)
        complained = _event_addresses(event, _WEBHOOK_COMPLAINTS)
        found.extend((a, feedback_type_of(str(event.get("fbtype") or ""))) for a in complained)
        left = _event_addresses(event, _WEBHOOK_UNSUBSCRIBES)
        unsubscribed.extend((a, "opt-out") for a in left)
        failed = None if complained or left else _event_bounce(event)
        if failed is not None:
            bounced.append(failed)
        if complained or left or failed is not None:
            originals.add(_event_headers(event))
    if not (found or unsubscribed or bounced) or _quoted_by_a_person(mail):
        return None
    # One event per recipient, of its own type: a batch mixing a complaint and another recipient's
    # unsubscribe is both (the unsubscribe must work at once as well); a recipient who did both is
    # the complaint's, which suppresses him for the sender as the unsubscribe would and counts
    # against the sender besides. So is one who complained after his message bounced (a later
    # event of the same batch, or an earlier).
    feedback_type = (found or unsubscribed)[0][1] if found or unsubscribed else "abuse"
    complaint = Complaint(feedback_type=feedback_type, format="webhook")
    if len(originals) == 1:  # (one message's events: its Message-ID and sender attribute them)
        describe(complaint, _header_block(next(iter(originals))))
    seen: set[str] = set()
    for recipient, kind in (*found, *unsubscribed):
        if recipient not in seen:
            seen.add(recipient)
            if kind == complaint.feedback_type:
                complaint.recipients.append(recipient)
            else:
                complaint.others.append((recipient, kind))
    for delivery in bounced:
        if delivery.recipient not in seen:
            seen.add(delivery.recipient)
            complaint.bounces.append(delivery)
    return complaint


def _form_webhook(mail: Mail, text: str) -> Complaint | None:
    """The events of a webhook posted as a form (Mandrill's `mandrill_events=` field, its value the
    URL-encoded JSON document) relayed as mail (`text`, its body), or None."""
    at = text.find(_MANDRILL_FORM, 0, MAX_WEBHOOK_HEAD)
    if at < 0:
        return None
    from urllib.parse import unquote_plus  # (loaded at start-up by the email package: no new import)

    start = at + len(_MANDRILL_FORM)
    end = len(text)
    for stop in ("&", "\n", " "):
        at = text.find(stop, start, end)
        if at >= 0:
            end = at
    # (the decoded document opens the text _webhook reads)
    return _webhook(mail, unquote_plus(text[start:end]).strip())


def _event_addresses(
    event: dict[str, Any], table: dict[tuple[tuple[str, object], ...], tuple[str, ...]]
) -> list[str]:
    """The addresses (lower case) an event names in the field its kind's entry of `table` says."""
    out = []
    for kind, holders in table.items():
        if all(event.get(field) == value for field, value in kind):
            found = _event_address(event, holders)
            if found:
                out.append(found)
    return out


def _event_address(event: dict[str, Any], holders: tuple[str, ...]) -> str | None:
    """The address (lower case) in the first of the fields `holders` that holds one."""
    for holder in holders:
        value = _event_field(event, holder)
        found = address(value) if isinstance(value, str) else None
        if found:
            return found.lower()
    return None


def _event_field(event: dict[str, Any], name: str) -> object:
    """An event's field by its name (a dotted name is a nested field), or None."""
    value: object = event
    for part in name.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return value


def _event_text(event: dict[str, Any], names: tuple[str, ...]) -> str | None:
    """The first of an event's fields `names` that holds a text or a number that is not empty."""
    for name in names:
        value = _event_field(event, name)
        if isinstance(value, (str, int)) and not isinstance(value, bool):
            text = " ".join(str(value).split())[:2000]
            if text:
                return text
    return None


def _event_bounce(event: dict[str, Any]) -> Delivery | None:
    """The failed or delayed delivery a webhook's bounce event reports (its entry of
    _WEBHOOK_BOUNCES reads it), or None."""
    for kind, entry in _WEBHOOK_BOUNCES.items():
        if all(event.get(field) == value for field, value in kind):
            holders, diagnostics, statuses, codes, action, status_class, stated = entry
            recipient = _event_address(event, holders)
            if recipient is None:
                return None
            diagnostic = _event_text(event, diagnostics)
            if diagnostic:  # (Mandrill and Postmark write the reply as its DSN field's "smtp; 550 ...")
                diagnostic = strip_type(diagnostic) or None
            code = _event_text(event, codes)
            if isinstance(stated, tuple):  # (a field's value names the cause)
                field, reasons = stated
                stated = reasons.get(str(event.get(field)))
            elif stated is None and not (diagnostic and diagnostic[:1].isdigit()):
                stated = _WEBHOOK_SILENT_REASONS.get(kind)
            return Delivery(
                recipient,
                status=_event_text(event, statuses) or f"{status_class}.0.0",
                smtp_code=code if code and len(code) == 3 and code[0] in "45" and code.isdigit() else None,
                diagnostic=diagnostic,
                action=action,
                reason=stated,
                # (a text that quotes no reply is the ESP's own word on the failure: Mailjet's
                # "user unknown", Brevo's "unknown user", as a report's own prose)
                diagnostic_type=None if diagnostic is None or diagnostic[:1].isdigit() else REPORT_TEXT,
            )
    return None


def _event_headers(event: dict[str, Any]) -> tuple[tuple[str, str], ...]:
    """The original's headers a webhook event carries (what attributes the complaint: its
    Message-ID, its From): Mailgun's `message.headers`, SendGrid's `smtp-id`, Brevo's `message-id`."""
    out: list[tuple[str, str]] = []
    message = event.get("message")
    headers = message.get("headers") if isinstance(message, dict) else None
    if isinstance(headers, dict):
        out.extend((str(name), value) for name, value in list(headers.items())[:16] if isinstance(value, str))
    for name in ("smtp-id", "message-id"):
        value = event.get(name)
        if isinstance(value, str):
            out.append(("Message-ID", value))
    return tuple(out)


def _header_block(headers: Iterable[tuple[str, str]]) -> Message | None:
    """A header block of the original made of (name, value) pairs an ESP's JSON carries (a
    Message-ID in angle brackets, as the original's header writes it), or None when it holds none."""
    lines = []
    for name, value in headers:
        value = " ".join(value.split())[:998]
        if name.lower() == "message-id" and value and not value.startswith("<"):
            value = f"<{value}>"
        if value and name.replace("-", "").isalnum():
            lines.append(f"{name}: {value}")
    return parse_header_block("\n".join(lines) + "\n\n") if lines else None


def _quoted_by_a_person(mail: Mail) -> bool:
    """Whether a webhook's document is quoted in a person's mail ("we got this event: {...} what
    does it mean?"), not relayed by a platform's tooling: machine mail (an RFC 3834 keyword) never
    is; a reply in a thread (In-Reply-To, References, a reply prefix on the subject) or a mail
    written in a mail client (its User-Agent, Outlook's or Apple Mail's X-Mailer) is. A relay's
    own lead line or footer says neither."""
    submitted = mail.header("Auto-Submitted").strip().lower()
    if submitted and submitted != "no":
        return False
    # (only for a document that holds an ESP's events: fallback is not loaded for every message)
    from parsers.fallback import reply_subject

    if is_reply(mail) or reply_subject(mail.subject) or mail.has_header("User-Agent"):
        return True
    return mail.header("X-Mailer").strip().lower().startswith(_MAIL_CLIENTS)


def _webhook_event(event: object) -> dict[str, Any] | None:
    """One event of a webhook document, out of its ESP's envelope: Mailgun's signed one
    (`event-data`), SparkPost's (`{"msys": {"message_event": {...}}}`, the inner object named by its
    event class: message_event, unsubscribe_event, track_event ...)."""
    if not isinstance(event, dict):
        return None
    inner = event.get("event-data")
    if isinstance(inner, dict):
        return inner
    wrapper = event.get("msys")
    if isinstance(wrapper, dict):
        inner = next(iter(wrapper.values()), None)  # (one event class per envelope)
        return inner if isinstance(inner, dict) else None
    return event


def _xarf_report(mail: Mail) -> tuple[dict[str, str], Message | None]:
    """The X-ARF report's fields by lower-cased name (`_` read as `-`; YAML `Name: value` lines, or
    JSON: v4's top level, v3's `Report` object), and the header block of the first email sample the
    JSON carries, if any."""
    for part in list(mail.message.walk())[:16]:
        if part.get_content_type() not in _XARF_PARTS:
            continue
        text = payload_text(part)[:MAX_REPORT_CHARS]
        low = text.lower()
        if (
            "report-type" not in low
            and "report_type" not in low
            and '"type"' not in low
            and "reporttype" not in low
        ):
            continue
        start = text.find("{")
        if start >= 0 and not text[:start].strip().strip("-").strip():
            try:
                data, _end = json.JSONDecoder().raw_decode(text, start)
            except ValueError:
                data = None
            if isinstance(data, dict):
                inner = data.get("Report")
                if isinstance(inner, dict):  # (v3: the report's fields one level down)
                    data = {**data, **inner}
                fields = {
                    str(k).lower().replace("_", "-"): str(v) for k, v in data.items() if isinstance(v, str)
                }
                return fields, _json_sample(data.get("evidence") or data.get("Samples"))
        return {name: values[0].strip("'\"") for name, values in fields_of(text).items()}, None
    return {}, None


def _json_sample(samples: object) -> Message | None:
    """The header block of the first email among an X-ARF JSON report's evidence items (v4
    `content_type`/`payload`, base64; v3 `ContentType`/`Payload`, base64 unless `Base64Encoded` is
    false)."""
    if not isinstance(samples, list):
        return None
    for item in samples[:MAX_SAMPLES]:
        if not isinstance(item, dict):
            continue
        kind = item.get("content_type") or item.get("ContentType")
        payload = item.get("payload") or item.get("Payload")
        if not isinstance(kind, str) or kind.lower() != "message/rfc822" or not isinstance(payload, str):
            continue
        text = payload[:MAX_REPORT_CHARS]
        if item.get("Base64Encoded") is not False:
            try:
                text = base64.b64decode(text, validate=False).decode("utf-8", "replace")
            except ValueError:
                continue
        block = parse_header_block(text.replace("\r\n", "\n").split("\n\n", 1)[0] + "\n\n")
        if len(block):
            return block
    return None
