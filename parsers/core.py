"""Entry point of the parser: bounds the input and runs the detectors in order.

Order: 1. complaint report (ARF; JMRP, SpamCop, X-ARF)  2. standard DSN part  3. MTA text formats (parsers.mta.DETECTORS)
4. DSN-like fields pasted into a text body  5. a last-resort reading of anything that calls itself
a bounce (parsers.fallback), then flufl.bounce's detectors for a failure report still without a
recipient (parsers.lastresort)  6. a forwarded spam message (parsers.forwarded), then a DSN or ARF
report forwarded whole as a message/rfc822 attachment (read as the message)  7. auto-reply  8. unknown. When a DSN part and an MTA
text detector both answer, the DSN part is authoritative for recipients, action and status; the
MTA detector (and the human-readable text part) may add a reason the format states, a better
diagnostic, or the SMTP command. When the DSN part names no recipient, the text detectors decide.
"""

from __future__ import annotations

import datetime as _dt
import email.utils
import functools
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, KeysView
from email.message import Message
from types import ModuleType

from parsers import arf, attribution, dsn, fbl, patterncode, reasons, unsubscribe
from parsers.attribution import DEFAULT_ACCOUNT_HEADER
from parsers.delivery import Delivery
from parsers.mail import Mail, decode_header_value, load, parser_error, readable
from parsers.model import Attribution, Event, ParseResult, make_event, make_result, replace

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import TypeVar

    from parsers.model import MessageType

    _T = TypeVar("_T")

DEFAULT_MAX_BYTES = 10 * 1024 * 1024


def parse(
    raw: bytes, *, max_bytes: int = DEFAULT_MAX_BYTES, account_header: str = DEFAULT_ACCOUNT_HEADER
) -> ParseResult:
    """Parse one raw RFC 5322 message. Never raises: problems become `defects`.

    `account_header` names the header the sending service puts in every message to say which
    account sent it (read from the returned original into `ParseResult.attribution`). An exception
    of ours is among the defects, as a `parser_error`.
    """
    try:
        return _parse(raw, max_bytes, account_header, unwrap=True)
    except Exception as exc:  # a defect of ours must not stop ingestion of the message
        return ParseResult(message_type="unknown", defects=(parser_error("parsers.core", exc),))


def _parse(raw: bytes, max_bytes: int, account_header: str, *, unwrap: bool) -> ParseResult:
    defects: list[str] = []
    if not isinstance(raw, bytes):
        raw = str(raw).encode("utf-8", "surrogateescape") if isinstance(raw, str) else bytes(raw)
    if max_bytes > 0 and len(raw) > max_bytes:
        raw = raw[:max_bytes]
        defects.append(f"oversized: parsed the first {max_bytes} bytes")
    if 0 in raw or 10 not in raw:  # (a NUL byte, or no LF: see readable; asked here, a call saved)
        raw = readable(raw)
    mail = load(raw)
    if mail.content_type.startswith("multipart/") and not mail.message.is_multipart():
        # (a multipart message without its boundary: maybe its Content-Type lost its folding)
        from parsers.refold import refold

        repaired = refold(raw)
        if repaired is not None:
            raw, mail = repaired, load(repaired)
            defects.append("content-type folding repaired")
    defects.extend(mail.defects)
    # The message's own headers that every ParseResult carries, in the order of its fields
    # (subject, message_id, date), passed on where they stand: see make_result.
    head: tuple[str | None, str | None, str | None] = (
        mail.subject or None,
        _message_id(mail),
        _iso_date(mail.raw_header("Date")),
    )

    complaint = _guard(arf.inquire, mail, defects) or _guard(fbl.inquire, mail, defects)
    if complaint is not None:
        defects.extend(complaint.defects)
        ids = (complaint.original_message_id, complaint.original_mail_from)
        own = complaint.own_ids  # (a further report's recipients: their own original's)
        events = _complaint_events(
            complaint.feedback_type, ((r, *own.get(r, ids)) for r in complaint.recipients)
        )
        for recipient, feedback_type in complaint.others:  # (a batch's recipients of another type)
            events += _complaint_events(feedback_type, ((recipient, *own.get(recipient, ids)),))
        # (a webhook document of bounce events only is a delivery report)
        reported: MessageType = "dsn" if complaint.bounces and not events else "arf"
        if complaint.bounces:  # (a webhook document's bounce events: its ESP's own fields)
            failed = _bounce_events(mail, complaint.bounces, True)
            if ids != (None, None) or own:  # (one message's events: what attributes its complaints)
                failed = tuple(_with_ids(e, own.get(e.recipient, ids)) for e in failed)
            events += failed
        found = _evidence(mail, complaint.original, account_header, complaint.original_mail_from, defects)
        return make_result(reported, events, complaint.format, *head, tuple(defects), found)

    request = _guard(unsubscribe.inquire, mail, defects)
    if request is not None:
        subscriber, how = request
        etype, classification, reason = reasons.feedback_verdict("unsubscribe")
        event = make_event(
            recipient=subscriber,
            type=etype,
            classification=classification,
            reason=reason,
            original_message_id=_in_reply_to(mail),
        )
        found = _evidence(mail, None, account_header, None, defects)
        return make_result("unsubscribe", (event,), how, *head, tuple(defects), found)

    names = mail.header_names()  # (set look-ups in place: asked of every message)
    if ("list-id" in names or "list-post" in names or "mailing-list" in names) and _guard(
        _digest_test(), mail, defects
    ):
        # A list's digest (a message with a header a list puts on the mail it sends its members:
        # RFC 2919's List-Id, RFC 2369's List-Post, ezmlm's Mailing-List): the list's mail to its
        # members, whatever bounce a member's post or a mail system's report to the list's address
        # put among its messages (parsers.forwarded).
        return make_result("unknown", (), None, *head, tuple(defects), None)

    report = _guard(dsn.inquire, mail, defects)
    mta_name: str | None = None
    mta_deliveries: list[Delivery] = []
    if report is not None and report.deliveries:
        if not _self_explanatory(report.deliveries):
            mta_name, mta_deliveries = _run_mta(mail, defects)
    elif not (
        ((":" in mail.subject[:12] or mail.subject[:1] == "[") and _guard(_answer_test(), mail, defects))
        or (_auto_marked(mail, names) and _guard(_auto_answer_test(), mail, defects))
    ):
        # (a person's reply that quotes a bounce holds the text formats' markers in its quote: the
        # quoted addresses failed for the person's mail, parsers.fallback.answers_a_report; asked
        # only of a subject whose start holds a colon, as a reply prefix's does, or a list's tag
        # (a member's post that pastes a report under the list's tag). So does an
        # out-of-office reply that quotes a report it answered, parsers.autoreply.quotes_its_cause:
        # asked only of mail marked as machine-sent)
        mta_name, mta_deliveries = _run_mta(mail, defects)
    deliveries: list[Delivery] = []
    detector: str | None = None
    from_dsn_part = False
    stated_delays = (
        False  # (flufl.bounce's warnings are stated delays: its detectors read the words for them)
    )
    if report is not None and report.deliveries:
        deliveries = report.deliveries
        detector = "rfc3464"
        from_dsn_part = True
        if mta_deliveries and _enrich(deliveries, mta_deliveries):
            detector = mta_name
    elif mta_deliveries and not ("mailing-list" in names and _member_warning(mail)):
        # (ezmlm's notices carry "Mailing-List: contact x-help@host; run by ezmlm"; an MTA's report
        # does not: the header alone keeps the test off every other message)
        deliveries = mta_deliveries
        detector = mta_name
        stated_delays = True  # (a detector marks a delivery delayed from its format's own words)
    else:
        pasted = _guard(dsn.inquire_text, mail, defects)
        if pasted is not None and pasted.deliveries:
            deliveries = pasted.deliveries
            detector = "rfc3464-text"
            from_dsn_part = True
        else:
            # (imported where they are first needed, as are the forwarded-abuse and auto-reply
            # readers below: a `bounceback parse` of one bounce with a DSN part never loads them)
            from parsers import fallback, lastresort

            guessed = _guard(fallback.inquire, mail, defects)
            if guessed:
                deliveries = guessed
                detector = fallback.NAME
            elif unwrap and _forwarded_reports(mail):
                pass  # a whole report attached (a gateway re-wrapped a DSN): read it below, no guess
            else:
                extracted = _last_resort(mail, raw, defects)
                if extracted:
                    deliveries = extracted
                    detector = lastresort.NAME
                    stated_delays = True
                elif report is not None:
                    defects.append("delivery report names no recipient")

    if not deliveries:
        from parsers import forwarded as forwarded_abuse

        forwarded = _guard(forwarded_abuse.inquire, mail, defects)
        if forwarded is not None:
            # (one complaint for each original the report carries, for the recipient it names)
            originals = ((forwarded.recipient, forwarded.original), *forwarded.others)
            events = _complaint_events(
                forwarded.feedback_type, ((r, *_original_ids(o)) for r, o in originals)
            )
            found = _evidence(mail, forwarded.original, account_header, None, defects)
            return make_result("arf", events, forwarded_abuse.NAME, *head, tuple(defects), found)

    if deliveries:
        events = _bounce_events(mail, deliveries, from_dsn_part, stated_delays=stated_delays)
        # (the first event's type first: a bounce's report is told without a generator, which all()
        # left suspended at its first bounce, to be closed with a GeneratorExit)
        kind: MessageType = (
            "arf"
            if events and events[0].type == "complaint" and all(e.type == "complaint" for e in events)
            else "dsn"
        )
        found = _evidence(
            mail, _guard(attribution.returned_original, mail, defects), account_header, None, defects
        )
        return make_result(kind, events, detector, *head, tuple(defects), found)

    if unwrap:
        # A report forwarded whole: a person or an abuse desk forwards a bounce or a complaint to
        # the bounce/FBL mailbox and the mail client attaches it as message/rfc822. The outer
        # message is no report and explained no recipient above (its only address is the
        # forwarder's), so the report inside is read as the message (also through a forward of a
        # forward: parsers.forwarded.attached_reports). The report found is not unwrapped again,
        # and it is already within the outer's bounds.
        results = [
            r
            for r in (
                _parse(inner, max_bytes, account_header, unwrap=False) for inner in _forwarded_reports(mail)
            )
            if r.events
        ]
        if results and _list_admin_test()(dsn.address(mail.from_)):
            # A list manager's message to a member that attaches a bounce of the member's own
            # address (Mailman's probe, "The L mailing list has received a number of bounces from
            # you", a sample bounce attached, in every catalogue's language) is its warning to him
            # about the list's own delivery: the addressee is no failed recipient of ours.
            addressee = dsn.address(mail.header("To"))
            results = [
                replace(r, events=kept)
                for r in results
                if (kept := tuple(e for e in r.events if e.recipient != addressee))
            ]
        if results:  # (the outer's defects, such as a cut, still hold)
            result = results[0]
            events = tuple(e for r in results for e in r.events)
            inner_defects = tuple(d for r in results for d in r.defects)
            outer = tuple(d for d in defects if d not in inner_defects)
            whole: MessageType = "arf" if all(r.message_type == "arf" for r in results) else "dsn"
            return replace(result, message_type=whole, events=events, defects=outer + inner_defects)

    from parsers import autoreply

    reply = _guard(autoreply.inquire, mail, defects)
    if reply is not None:
        events = ()
        if reply.recipient:
            events = (
                make_event(
                    recipient=reply.recipient,
                    type="auto_reply",
                    classification="ignored",
                    reason=reply.reason,
                    original_message_id=_in_reply_to(mail),
                ),
            )
        found = _evidence(mail, None, account_header, None, defects)
        name = f"rfc3834:{reply.rule}"
        return make_result("auto_reply", events, name, *head, tuple(defects), found)

    return make_result("unknown", (), None, *head, tuple(defects), None)


def _complaint_events(
    feedback_type: str, complaints: Iterable[tuple[str, str | None, str | None]]
) -> tuple[Event, ...]:
    """One event of the feedback type's verdict for each (recipient, original's Message-ID,
    original's sender)."""
    etype, classification, reason = reasons.feedback_verdict(feedback_type)
    return tuple(
        make_event(
            recipient=recipient,
            type=etype,
            classification=classification,
            reason=reason,
            feedback_type=feedback_type,
            original_message_id=message_id,
            original_mail_from=sender,
        )
        for recipient, message_id, sender in complaints
    )


def _original_ids(original: Message) -> tuple[str | None, str | None]:
    """A forwarded original's Message-ID and sender (its Return-Path, else its From)."""
    mid = original.get("Message-ID")
    sender = original.get("Return-Path") or original.get("From")
    return (
        decode_header_value(mid).strip() or None if mid else None,
        dsn.address(decode_header_value(sender)) if sender else None,
    )


def _forwarded_reports(mail: Mail) -> list[bytes]:
    """The bytes of the delivery-status or feedback reports attached whole (message/rfc822, and
    .eml files: a desk may attach some of each) to a message that is itself no report
    (parsers.forwarded.attached_reports), at most forwarded.MAX_REPORTS."""
    from parsers import forwarded

    out = []
    for inner in forwarded.attached_reports(mail):
        try:
            out.append(_as_bytes(inner))
        except Exception:  # (a tree the generator cannot write: that one is left out)
            continue
    return (out + forwarded.reports_attached_as_files(mail))[: forwarded.MAX_REPORTS]


def _as_bytes(message: Message) -> bytes:
    """A parsed message as the bytes it was read from: its own text where the parser kept where
    it stands (parsers.mime.Part.source), else written back (compat32 keeps the headers as they
    came; no '>From ' quoting, which would change the text the detectors read)."""
    source: tuple[str, int, int] | None = getattr(message, "source", None)
    if source is not None:
        text, start, end = source
        return text[start:end].encode("ascii", "surrogateescape")  # (as parsers.mime decoded it)
    import io
    from email.generator import BytesGenerator

    out = io.BytesIO()
    BytesGenerator(out, mangle_from_=False, maxheaderlen=0).flatten(message)
    return out.getvalue()


def _evidence(
    mail: Mail, original: Message | None, account_header: str, mail_from: str | None, defects: list[str]
) -> Attribution | None:
    """The attribution evidence of a recognised message (a failure to read it is a defect)."""
    try:
        return attribution.evidence(mail, original, account_header=account_header, mail_from=mail_from)
    except Exception as exc:
        defects.append(parser_error("parsers.attribution", exc))
        return None


def _guard(func: Callable[[Mail], _T], mail: Mail, defects: list[str]) -> _T | None:
    """Run one detector; a failure is reported (a parser_error) and counts as 'not this format'."""
    try:
        return func(mail)
    except Exception as exc:
        defects.append(parser_error(getattr(func, "__module__", "?"), exc))
        return None


def _last_resort(mail: Mail, raw: bytes, defects: list[str]) -> list[Delivery] | None:
    """flufl.bounce's recipients for a failure report nobody else explained (parsers.lastresort)."""
    try:
        from parsers import lastresort

        return lastresort.inquire(mail, raw)
    except Exception as exc:
        defects.append(parser_error("parsers.lastresort", exc))
        return None


# The readers used per message but imported at their first use (see _parse), kept once imported:
# an import statement run per message costs thousands of instructions, a cached call hundreds.
@functools.cache
def _mta_candidates() -> Callable[[Mail], Iterator[ModuleType]]:
    from parsers.mta import candidates

    return candidates


@functools.cache
def _member_warning_test() -> Callable[[str | None, str, str, str], bool]:
    from parsers.listadmin import warns_member_of_bounces

    return warns_member_of_bounces


@functools.cache
def _list_admin_test() -> Callable[[str | None], bool]:
    from parsers.listadmin import is_list_admin

    return is_list_admin


@functools.cache
def _digest_test() -> Callable[[Mail], bool]:
    from parsers.forwarded import is_list_digest

    return is_list_digest


@functools.cache
def _answer_test() -> Callable[[Mail], bool]:
    from parsers.fallback import answers_a_report

    return answers_a_report


def _auto_marked(mail: Mail, names: KeysView[str]) -> bool:
    """Whether a header marks the message as an automatic answer (RFC 3834's Auto-Submitted other
    than "no", Exchange's X-Auto-Response-Suppress), `names` its header names (mail.header_names(),
    asked once by the parse: set look-ups first, asked of every message without a DSN part)."""
    if "auto-submitted" in names:
        return mail.header("Auto-Submitted").strip().lower() not in ("no", "")
    return "x-auto-response-suppress" in names


@functools.cache
def _auto_answer_test() -> Callable[[Mail], bool]:
    from parsers.autoreply import quotes_its_cause

    return quotes_its_cause


@functools.cache
def _challenge_test() -> Callable[[str, bool], bool]:
    from parsers.autoreply import is_challenge

    return is_challenge


def _run_mta(mail: Mail, defects: list[str]) -> tuple[str | None, list[Delivery]]:
    """The first MTA text detector that recognises the message, with its deliveries."""
    try:
        for module in _mta_candidates()(mail):
            try:
                found = module.inquire(mail)
            except Exception as exc:
                defects.append(parser_error(module.__name__, exc))
                continue
            if found:
                usable = [d for d in found if isinstance(d, Delivery) and d.recipient]
                if usable:
                    return str(getattr(module, "NAME", module.__name__)), usable
    except Exception as exc:  # (the registry or its prefilter)
        defects.append(parser_error("parsers.mta", exc))
    return None, []


def _member_warning(mail: Mail) -> bool:
    """Whether the message is a list manager's warning to a member that the list's mail to them
    bounces (ezmlm's warning and probe): it encloses a bounce the list got, which the MTA text
    detectors read, but the member it names is the warning's addressee, no failed recipient of
    ours (parsers.listadmin; the fallback readers ask the same, parsers.fallback.notice_not_report)."""
    return _member_warning_test()(
        dsn.address(mail.from_), dsn.human_text(mail), mail.subject, mail.header("Return-Path")
    )


# Status codes that settle the reason when the diagnostic agrees (see _self_explanatory).
_DECISIVE = frozenset({"5.1.1", "5.1.2", "5.2.2", "4.2.2", "5.1.6", "5.3.4", "5.2.3"})


def _self_explanatory(deliveries: list[Delivery]) -> bool:
    """Whether the DSN part alone settles every recipient, so the text formats need not run.

    That is: a final failure with a decisive status code and a diagnostic that names the same
    reason; the MTA text detectors could only repeat it.
    """
    for d in deliveries:
        if d.status not in _DECISIVE or d.action != "failed" or not d.diagnostic:
            return False
        wanted = reasons.status_reason(d.status)
        if wanted is None or not reasons.matches(wanted, d.diagnostic):
            return False
    return True


def _key(address: str | None) -> str:
    """A recipient as events name it: lower case, and an internationalised one (RFC 6532) in
    Unicode's composed form (NFC), as the service stores it: a report may write "renée" as an "e"
    and a combining accent."""
    key = (address or "").strip().strip("<>").lower()
    return key if key.isascii() else unicodedata.normalize("NFC", key)


def _masked_domain(address: str) -> bool:
    """Whether an address's domain was masked with x's past rebuilding, as list archives that
    publish a bounce write every address ("ann@xxxxxxxxxxx"): it names no one's mailbox."""
    domain = address.rpartition("@")[2]
    return not domain.strip("x.")


def _enrich(deliveries: list[Delivery], mta: list[Delivery]) -> bool:
    """Add what an MTA text detector knows to the DSN part's deliveries (same recipient)."""
    index: dict[str, Delivery] = {}
    for item in mta:
        index.setdefault(_key(item.recipient), item)
        if item.alias:
            index.setdefault(_key(item.alias), item)
    used = False
    for d in deliveries:
        m: Delivery | None = index.get(_key(d.recipient)) or index.get(_key(d.alias))
        if m is None and len(mta) == 1 and len(deliveries) == 1:
            m = mta[0]  # one recipient both ways: the text may spell the address differently
        if m is None:
            # The text part may name another domain (aliases, rewriting): same local part, once.
            local = _key(d.recipient).split("@")[0]
            same = [x for x in mta if _key(x.recipient).split("@")[0] == local]
            m = same[0] if len(same) == 1 else None
        if m is None:
            continue
        used = True
        if m.reason and not (d.diagnostic_type or "").upper().startswith("X-UNIX"):
            d.reason = m.reason  # (a local mailer's failure, per the DSN part, stays one)
        if m.diagnostic and (not d.diagnostic or len(d.diagnostic) < 12):
            if not d.diagnostic and m.diagnostic_type:
                # (the text's diagnostic comes with its type: where it is the report's own word on
                # its user, "Reason: no such user", the DSN part gave no Diagnostic-Code to type)
                d.diagnostic_type = m.diagnostic_type
            d.diagnostic = m.diagnostic
        if m.status and _unspecific(d.status) and not _unspecific(m.status):
            d.status = m.status
        d.smtp_code = d.smtp_code or m.smtp_code
        d.remote_mta = d.remote_mta or m.remote_mta
        d.smtp_command = d.smtp_command or m.smtp_command
    return used


def _unspecific(status: str | None) -> bool:
    """No status, or one that names no particular cause: x.0.0 and x.1.0 ("other address status")."""
    return not status or status.endswith((".0.0", ".1.0"))


def _with_ids(event: Event, ids: tuple[str | None, str | None]) -> Event:
    """`event` about the original whose (Message-ID, sender) `ids` are."""
    return replace(event, original_message_id=ids[0], original_mail_from=ids[1])


def _bounce_events(
    mail: Mail, deliveries: Iterable[Delivery], from_dsn_part: bool, *, stated_delays: bool = False
) -> tuple[Event, ...]:
    """One event per recipient. `from_dsn_part`: the deliveries' Action is an RFC 3464 field;
    `stated_delays`: a delivery whose action is `delayed` was marked so by its detector (a delay)."""
    human = dsn.human_text(mail)
    warning: list[bool] = []  # computed once, and only for text-format reports

    def still_trying() -> bool:
        if not warning:
            warning.append(reasons.is_delay_notice(mail.subject, human))
        return warning[0]

    receipt: list[str | None] = []  # computed once, and only for text-format reports

    def receipt_action() -> str | None:
        # (a text-only report that says the message was delivered or relayed: a receipt, whatever
        # action its detector assumed for the addresses it found)
        if not receipt:
            receipt.append(reasons.delivery_receipt(mail.subject, human))
        return receipt[0]

    challenged: dict[bool, bool] = {}  # computed once, on the first failure (and the first hold)

    def challenge(hold: bool) -> bool:
        # (a failure read as on_hold may be a hold's request to the sender: "pending verification")
        if hold not in challenged:
            challenged[hold] = _challenge_test()(f"{mail.subject}\n{human}", hold)
        return challenged[hold]

    events: list[Event] = []
    seen: set[str] = set()
    # Attribution: which of our messages bounced, and who sent it (headers of the returned original).
    original_id = mail.original_header("Message-ID") or None
    original_from = dsn.address(mail.original_header("Return-Path") or mail.original_header("From"))
    return_paths: list[tuple[str, ...]] = []  # computed on first need

    def senders() -> tuple[str, ...]:
        if not return_paths:
            return_paths.append(_return_paths(mail, original_from))
        return return_paths[0]

    for d in deliveries:
        recipient = _key(d.recipient)
        if recipient[:5] == "imcea":
            recipient = dsn.decapsulated(recipient)  # (the SMTP address Exchange encapsulated)
        if not recipient or recipient in seen or ("xxx" in recipient and _masked_domain(recipient)):
            continue
        seen.add(recipient)
        status = reasons.valid_status(d.status)
        quoted = reasons.status_in_text(d.diagnostic) if d.diagnostic else None
        if status is None or (quoted and _SPECIFIC_STATUS.match(quoted)):
            # The remote server's own words are more precise than the reporting MTA's Status
            # field (a relay writes 5.0.0 or 5.1.0 for a quoted "550 5.1.1 ..."); only a code with
            # a specific subject and detail (no zeroes) replaces it.
            status = quoted or status
        smtp_code = d.smtp_code or (reasons.reply_code_in_text(d.diagnostic) if d.diagnostic else None)
        command = d.smtp_command or dsn.command_in_text(d.diagnostic)
        if command is None and _quotes_recipient(d.diagnostic, recipient):
            # An SMTP reply that quotes the recipient address answers RCPT TO
            # ("550 <a@b>: User unknown", "550 Unknown user a@b").
            command = "RCPT"
        action, reason = d.action, d.reason
        if not from_dsn_part and action in (None, "failed") and receipt_action():
            action, reason = receipt_action(), reasons.DELIVERED
        # (replace looks the fields up on every call: every field of Delivery, spelled out)
        fixed = Delivery(
            recipient=d.recipient,
            status=status,
            smtp_code=smtp_code,
            diagnostic=d.diagnostic,
            remote_mta=d.remote_mta,
            action=action,
            reason=reason,
            alias=d.alias,
            smtp_command=command,
            diagnostic_type=d.diagnostic_type,
        )

        def text_near(d: Delivery = fixed) -> str | None:
            return dsn.text_diagnostic(human, d.recipient) or (
                dsn.text_diagnostic(human, d.alias) if d.alias else None
            )

        reason, diagnostic = reasons.reason_for(fixed, text_near)
        reason = reasons.sender_side(reason, command, _names_only_the_sender(diagnostic, recipient, senders))
        stated = from_dsn_part or (stated_delays and d.action == "delayed")
        found = reasons.verdict(
            reason, status, smtp_code, action, from_dsn_part=stated, still_trying=still_trying
        )
        if found.type == "bounce" and challenge(reason == reasons.ON_HOLD):
            found = reasons.CHALLENGE
        events.append(
            make_event(
                recipient=recipient,
                type=found.type,
                classification=found.classification,
                reason=found.reason,
                status=status,
                smtp_code=smtp_code,
                diagnostic=(diagnostic or None) and diagnostic[:2000],
                remote_mta=d.remote_mta,
                action=found.action,
                original_message_id=original_id,
                original_mail_from=original_from,
            )
        )
    return tuple(events)


_REPLY_THEN = patterncode.compile(r"\b[45]\d\d[ -]")
_SPECIFIC_STATUS = patterncode.compile(r"^[45]\.[1-9]\.[1-9]+$")


def _return_paths(mail: Mail, original_from: str | None) -> tuple[str, ...]:
    """The sender's own return path: the returned original's Return-Path (or From) and the
    addresses the bounce itself was delivered to (its envelope recipient is that return path)."""
    found: list[str] = [original_from] if original_from else []
    for name in ("Delivered-To", "X-Original-To", "Envelope-To", "To"):
        for value in mail.headers(name)[:4]:
            for chunk in value.split(",")[:8]:
                a = dsn.address(chunk)
                if a and a not in found:
                    found.append(a)
        if len(found) > 1:
            break
    return tuple(found)


def _names_only_the_sender(
    diagnostic: str | None, recipient: str, senders: Callable[[], tuple[str, ...]]
) -> bool:
    """Whether the refusal quotes the sender's own return path and not the recipient."""
    if not diagnostic or "@" not in diagnostic:
        return False
    low = diagnostic.lower()
    if recipient in low:
        return False
    return any(s and s != recipient and s in low for s in senders())


def _quotes_recipient(diagnostic: str | None, recipient: str) -> bool:
    """Whether a 4xx/5xx reply code is followed closely by the recipient's address."""
    if not diagnostic:
        return False
    low = diagnostic.lower()
    if not low.isascii():
        # ("５５０　<a@b>": full-width codes read as ASCII, one character for one)
        low = reasons.ascii_codes(low)
    pos = low.find(recipient)
    while pos >= 0:
        if _REPLY_THEN.search(low, max(0, pos - 40), pos):
            return True
        pos = low.find(recipient, pos + 1)
    return False


def _message_id(mail: Mail) -> str | None:
    value = mail.raw_header("Message-ID")
    if value is None:
        return None
    text = decode_header_value(value).strip()
    return text or None


def _in_reply_to(mail: Mail) -> str | None:
    value = mail.raw_header("In-Reply-To")
    return decode_header_value(value).strip() or None if value is not None else None


# The RFC 5322 date almost every message has ("Mon, 23 Nov 2026 02:17:37 +0000", maybe followed by
# a comment): read directly, exactly as email.utils reads it (which ignores what follows the zone).
_PLAIN_DATE = patterncode.compile(
    r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), )?(\d{1,2}) "
    r"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) ([1-9]\d{3}) (\d\d):(\d\d):(\d\d) "
    r"([+-])(\d\d)(\d\d)(?: .*)?",
    re.ASCII,
)
_MONTHS = {
    m: i
    for i, m in enumerate(
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"], 1
    )
}


def _parse_date(text: str) -> _dt.datetime:
    """`email.utils.parsedate_to_datetime`, without its general tokenizer for the common shape."""
    m = _PLAIN_DATE.fullmatch(text)
    if m is None:
        return email.utils.parsedate_to_datetime(text)
    day, month, year, hour, minute, second, sign, tzh, tzm = m.groups()
    fields = (int(year), _MONTHS[month], int(day), int(hour), int(minute), int(second))
    offset = int(tzh) * 3600 + int(tzm) * 60
    if offset == 0 and sign == "-":  # -0000: the zone is unknown (a naive datetime)
        return _dt.datetime(*fields)
    seconds = -offset if sign == "-" else offset
    return _dt.datetime(*fields, tzinfo=_dt.timezone(_dt.timedelta(seconds=seconds)))


# Two digits for each number from 0 to 61, and the last day of each month in a year that is not
# a leap year (the 29th of February is left to datetime): _plain_iso_date reads most dates by them.
_TWO_DIGITS = (
    "00010203040506070809101112131415161718192021222324252627282930"
    "31323334353637383940414243444546474849505152535455565758596061"
)
_LAST_DAYS = "312831303130313130313031"


def _plain_iso_date(m: re.Match[str]) -> str | None:
    """_iso_date of a date in the common shape (_PLAIN_DATE): the UTC time from the fields by
    arithmetic, without a time zone object, a conversion between zones and a replace on the text.
    None where _iso_date's way fails: no such day, a zone offset of a day or more (timezone()
    refuses it), a time that falls outside the datetime range in UTC."""
    day, month, year, hour, minute, second, sign, tzh, tzm = m.groups()
    offset = int(tzh) * 60 + int(tzm)  # (in minutes)
    if offset >= 1440:
        return None
    at = 2 * _MONTHS[month]
    if len(day) == 1:
        day = "0" + day
    # Most dates are written from their own digits (a datetime and its isoformat cost twice as
    # much): a day that the month has in every year, a valid time of day (two digits each:
    # compared as text), and in UTC a time on a day of the same month.
    last = _LAST_DAYS[at - 2 : at]
    if "01" <= day <= last and hour < "24" and minute < "60" and second < "60":
        if not offset:
            return f"{year}-{_TWO_DIGITS[at : at + 2]}-{day}T{hour}:{minute}:{second}Z"
        shift, minutes = divmod(int(hour) * 60 + int(minute) + (offset if sign == "-" else -offset), 1440)
        if not shift or (day < last if shift > 0 else day > "01"):
            if shift:
                at_day = 2 * (int(day) + shift)
                day = _TWO_DIGITS[at_day : at_day + 2]
            hours, minutes = divmod(minutes, 60)
            return (
                f"{year}-{_TWO_DIGITS[at : at + 2]}-{day}"
                f"T{_TWO_DIGITS[2 * hours : 2 * hours + 2]}:{_TWO_DIGITS[2 * minutes : 2 * minutes + 2]}:{second}Z"
            )
    try:
        when = _dt.datetime(int(year), at // 2, int(day), int(hour), int(minute), int(second))
        if offset:
            when -= _dt.timedelta(minutes=-offset if sign == "-" else offset)
    except (ValueError, OverflowError):
        return None
    return when.isoformat() + "Z"


def _iso_date(value: object) -> str | None:
    """The Date header as ISO 8601 UTC, or None when it cannot be read."""
    if value is None:
        return None
    text = decode_header_value(value)
    m = _PLAIN_DATE.fullmatch(text)
    if m is not None:
        return _plain_iso_date(m)
    try:
        when = _parse_date(text)
    except (ValueError, TypeError, IndexError, OverflowError):  # (what email.utils raises on junk)
        return None
    if when is None:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=_dt.UTC)
    try:
        return when.astimezone(_dt.UTC).isoformat().replace("+00:00", "Z")
    except (OverflowError, ValueError):
        return None
