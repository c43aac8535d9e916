"""Forwarded abuse reports: a person or an ISP abuse desk forwards the offending message, with its
full headers, to the sender's abuse mailbox (as a message/rfc822 attachment or inline).

Each is a complaint for the original's recipient (its Delivered-To, X-Original-To, the "for" of its
newest Received field, or its To; of several To, the forwarder himself or the one his own text
names; when it names none, the reserved placeholder). Ordinary
mail, list mail and bounces must not become complaints, so a report needs all of:
- a returned original with transport headers (at least one Received: field), attached or pasted
  inline after a forwarding marker; without them, only a mail client's header block sent to the
  one who forwards or pastes it (the recipient complaining of his own mail), or a message a report
  addressed as one attaches (a ticket system rebuilds it from its ticket, or attaches its header
  block alone) that names its sender, its Message-ID and its recipient and is no report, no
  forward and no mail to an abuse desk;
- words of the abuse family in the subject, or a report addressed to or sent by an abuse/spam mailbox, or
  such words, not negated ("not spam"), at the start of the forwarder's own text;
- no mailing-list headers on the report itself.
It runs after every bounce reader, so a bounce that quotes a spam verdict stays a bounce.
A DMARC failure report in this shape (no feedback-report part) is read the same way, as an
auth-failure: about the sender's authentication, it never suppresses the recipient.
The same forwarding and quoting marks tell a person's reply that quotes a report
(`quotes_a_message`, asked by parsers.fallback): the quoted failure is the person's, not ours.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from email.message import Message
from itertools import islice

from parsers import patterncode
from parsers.arf import (
    UNDISCLOSED_RECIPIENT,
    attached_eml,
    attached_parts,
    eml_files,
    inline_original,
    is_redacted,
    is_reply,
    named_elsewhere,
)
from parsers.attribution import RECEIVED_FOR
from parsers.dsn import address
from parsers.fbl import signed_as_jmrp
from parsers.lazyre import compile_lazily
from parsers.listadmin import is_list_admin
from parsers.mail import ORIGINAL_MARKER, Mail, decode_header_value, parse_header_block
from parsers.values import FrozenValue, set_field

NAME = "forwarded-abuse"

# Lines that start a pasted forward in the mail clients people use, as each writes it in the
# languages the reason table reads ("-----Ursprüngliche Nachricht-----" from Outlook, "----------
# Message transféré ---------" from Gmail, "------------------ 原始邮件 ------------------" from Foxmail;
# Apple Mail's undashed line: `_APPLE_FORWARD_LINES`).
# The titles of a mail client's dashed marker line: a forward's ("---------- Forwarded message
# ---------", "-------- Weitergeleitete Nachricht --------") and a reply's or a pasted original's
# ("-----Original Message-----", which a report that pastes the message it returns writes too:
# "------ Mensaje original ------").
_FORWARD_TITLES = (
    r"forwarded message|weitergeleitete nachricht|message transf(?:é|e)r(?:é|e)|mensaje reenviado"
    r"|mensagem encaminhada|messaggio inoltrato|doorgestuurd bericht|videresendt (?:meddelelse|besked|melding)"
    r"|vidarebefordrat meddelande|v(?:ä|a)litetty viesti|przekazana wiadomo(?:ś|s)(?:ć|c)"
    r"|p(?:ř|r)eposlan(?:á|a) zpr(?:á|a)va|y(?:ö|o)nlendirilmi(?:ş|s) ileti|th(?:ư|u) (?:đ|d)(?:ã|a) chuy(?:ể|e)n ti(?:ế|e)p"
    r"|пересылаемое сообщение|пересланное сообщение|転送されたメッセージ|転送メッセージ|转发的邮件|轉寄的郵件|转发邮件信息"
    r"|전달된 (?:메시지|메일)"
)
_ORIGINAL_TITLES = (
    r"original message|urspr(?:ü|ue)ngliche nachricht|message d'origine|message original|mensaje original"
    r"|mensagem original|messaggio originale|oorspronkelijk bericht|oprindelig meddelelse|opprinnelig melding"
    r"|ursprungligt meddelande|alkuper(?:ä|a)inen viesti|wiadomo(?:ś|s)(?:ć|c) oryginalna|p(?:ů|u)vodn(?:í|i) zpr(?:á|a)va"
    r"|orijinal (?:ileti|mesaj)|th(?:ư|u) g(?:ố|o)c|исходное сообщение|元のメッセージ|原始邮件|原始郵件|邮件原件|郵件原件"
    r"|원본 메시지"
)
_INLINE_MARKER = patterncode.compile(
    rf"(?im)^[ \t>]*(?:-{{2,}}[ \t]*(?:{_FORWARD_TITLES}|{_ORIGINAL_TITLES})[ \t]*-{{2,}})[ \t]*$"
)
_FORWARD_MARKER = patterncode.compile(rf"(?im)^[ \t>]*-{{2,}}[ \t]*(?:{_FORWARD_TITLES})[ \t]*-{{2,}}[ \t]*$")
# Outlook's HTML forward, as text: a rule of underscores, then "From:", "Sent:", "To:", "Subject:".
_OUTLOOK_RULE = patterncode.compile(r"(?m)^[ \t>]*_{20,}[ \t]*$")
# Apple Mail's forward line, undashed and ending in a colon, in the languages it is set to (as
# lower-cased, without the colon). Looked up line by line among the lines that end in a colon,
# which a search for the colon finds fast: an alternation tried at every line start costs more.
_APPLE_FORWARD_LINES = frozenset(
    {
        "begin forwarded message",
        "anfang der weitergeleiteten nachricht",
        "anfang der weitergeleiteten e-mail",
        "début du message réexpédié",
        "début du message transféré",
        "inizio messaggio inoltrato",
        "comienzo del mensaje reenviado",
        "inicio del mensaje reenviado",
        "início da mensagem reencaminhada",
        "início da mensagem encaminhada",
        "doorgestuurd bericht",
        "begin doorgestuurd bericht",
        "videresendt besked",
        "start på videresendt besked",
        "videresendt melding",
        "vidarebefordrat mejl",
        "vidarebefordrat meddelande",
        "början av vidarebefordrat meddelande",
        "välitetty viesti alkaa",
        "początek przekazywanej wiadomości",
        "začátek přeposlané zprávy",
        "начало переадресованного сообщения",
        "転送されたメッセージ",
        "以下是转发的邮件",
        "转发的邮件",
        "전달된 메시지",
        "bắt đầu tin nhắn được chuyển tiếp",
        "i̇letilmiş ileti başlangıcı",
        "iletilmiş ileti başlangıcı",
    }
)
# (a literal first character, which re skips to; the full-width colon of Chinese only when there is one)
_LINE_ENDING_IN_COLON = patterncode.compile(r"(?m):[ \t]*$")
_LINE_ENDING_IN_FULL_WIDTH_COLON = patterncode.compile(r"(?m)：[ \t]*$")
MAX_COLON_LINES = 32


def _apple_forward_line(head: str) -> int:
    """Where the text after Apple Mail's forward line starts, or -1 when there is none."""
    return next(_apple_forward_lines(head), -1)


def _apple_forward_lines(head: str) -> Iterator[int]:
    """Where the text after each of Apple Mail's forward lines starts, in order (ASCII colons'
    lines first, then full-width ones)."""
    for pattern in (_LINE_ENDING_IN_COLON, _LINE_ENDING_IN_FULL_WIDTH_COLON):
        if pattern is _LINE_ENDING_IN_FULL_WIDTH_COLON and "：" not in head:
            break
        for i, m in enumerate(pattern.finditer(head)):
            if i >= MAX_COLON_LINES:
                break
            line = head[head.rfind("\n", 0, m.start()) + 1 : m.start()]
            if line.strip(" \t>").lower() in _APPLE_FORWARD_LINES:
                yield m.end()


# Any other dashed title line ("---------- Reported message ----------", an abuse desk's own
# template): a start only when what follows carries transport headers.
_DASHED_TITLE = patterncode.compile(r"(?m)^[ \t>]*-{2,}[ \t]*[^\s-][^\n]{0,60}?[ \t]*-{2,}[ \t]*$")
MAX_TITLES = 4
# A line's quoting mark ("> " or ">"), as mail clients and ticket systems quote.
_QUOTE = patterncode.compile(r"(?m)^> ?")
# A line a reply quotes ("> " first: a report's own Sendmail transcript lines open with ">>> "), and
# the header block Outlook pastes over the message it answers, with no rule or marker above it:
# "From:" and then "Sent:" or "Date:" (as the client's language writes them: "Von:" "Gesendet:",
# "Från:" "Skickat:"), each on its line.
_QUOTED_LINE = patterncode.compile(r"(?m)^> ")
_PASTED_REPLY_HEADER = patterncode.compile(
    r"(?im)^[ \t]*(?:from|von|de|da|van|fra|från|od|от)[ \t]*:[^\n]*\n[ \t]*(?:sent|date|gesendet|datum"
    r"|envoy[ée]|enviado|fecha|inviato|data|verzonden|sendt|skickat|dato|wysłano|odesláno|отправлено|дата)[ \t]*:"
)
# (in the desks' languages: a stem and \w* where the word is inflected, "niechciana", "nevyžádanou")
_ABUSE_WORDS = patterncode.compile(
    r"\b(?:spam|abuse|unsolicited|unwanted|junk|phishing|scam|complaint|uce|ube"
    r"|missbrauch|beschwerde|unerw(?:ü|ue)nscht|queja|den(?:ú|u)ncia|correo no deseado|plainte|signalement"
    r"|ind(?:é|e)sirable|klacht|ongewenst|u(?:ø|o)nsket|uonsket|reclamo|indesejad[oa]|reclama(?:ç|c)(?:ã|a)o"
    r"|n(?:ã|a)o solicitad[oa]|indesiderat[oaie]|abuso|nadu(?:ż|z)yci[ea]|niechcian\w*|skarga"
    r"|st(?:í|i)(?:ž|z)nost|nevy(?:ž|z)(?:á|a)dan\w*|zneu(?:ž|z)it(?:í|i)|istenmeyen|(?:ş|s)ikayet"
    r"|skr(?:ä|a)ppost|klagom(?:å|a)l|o(?:ö|o)nskad|roskaposti|k(?:é|e)retlen"
    r"|th(?:ư|u) r(?:á|a)c|спам|жалоба|нежелательн\w*)\b|垃圾邮件|垃圾郵件|投诉|投訴|迷惑メール|スパム|苦情|스팸",
    re.IGNORECASE,
)
# An abuse or spam desk's mailbox: the word starts the local part or is one of its parts
# ("abuse@", "spam+tag@", a reputation service's per-provider desk "isp-hybrid-spam@").
_ABUSE_MAILBOX = patterncode.compile(
    r"^(?:[^@\s]*[._-])?(?:abuse|spam|fbl|complaints?|report-?spam|junk)(?:[+._-][^@]*)?@", re.IGNORECASE
)
# The field names of a forward's header block as the mail clients write them in the forwarder's
# language (Outlook and Gmail localise them: "Von:", "De :", "Para:", "Til:", "差出人:"), by
# lower-cased name: the English name the block is read under. A forward by the recipient keeps only
# these fields, so its To is what says that the forwarder is the recipient (`_inline_original`).
_LOCALISED_NAMES = {
    "From": (
        "von", "absender", "de", "da", "van", "afzender", "fra", "från", "od", "от", "отправитель",
        "kimden", "gönderen", "feladó", "lähettäjä", "nadawca", "odesílatel", "expéditeur", "remitente",
        "mittente", "remetente", "từ", "差出人", "送信者", "发件人", "寄件者", "보낸 사람",
    ),
    "To": (
        "an", "empfänger", "à", "a", "para", "aan", "til", "till", "do", "komu", "кому", "получатель",
        "kime", "alıcı", "címzett", "vastaanottaja", "odbiorca", "příjemce", "destinataire",
        "destinatario", "destinatário", "ontvanger", "đến", "宛先", "收件人", "받는 사람",
        "pour",  # (Thunderbird's French forward header: "Sujet :", "Date :", "De :", "Pour :")
    ),
    "Subject": (
        "betreff", "objet", "asunto", "assunto", "oggetto", "onderwerp", "emne", "ämne", "temat",
        "předmět", "тема", "konu", "tárgy", "aihe", "chủ đề", "件名", "主题", "主旨", "제목",
        "sujet",
    ),
}  # fmt: skip
_LOCALISED_FIELDS = {name: english for english, names in _LOCALISED_NAMES.items() for name in names}
MAX_LOCALISED_LINES = 12
_FIELD_NAME = patterncode.compile(r"[!-9;-~]+")
UNREAD_FIELD = "X-Localised-Field"
_UNDISCLOSED = patterncode.compile(r"undisclosed|recipients? not specified|unlisted", re.IGNORECASE)
_RECIPIENT_HEADERS = ("Delivered-To", "X-Original-To", "Envelope-To", "To")


# A DMARC failure (forensic) report that is no ARF report (multipart/mixed, the failing message
# attached or its headers pasted, "This is an email abuse report ... did not meet the sending
# domain's DMARC policy"): about the sender's authentication, as RFC 6591's auth-failure is, never
# a recipient's complaint. Read in its subject or its own text before the copy.
_CHECK = (
    r"check|verification|validation|authentication|evaluation|pr(?:ü|ue)fung|(?:ü|ue)berpr(?:ü|ue)fung|validierung"
    r"|v[ée]rification|verificaci[óo]n|comprobaci[óo]n|validaci[óo]n|verifica[çc][ãa]o|valida[çc][ãa]o"
    r"|проверк\w*|验证|驗證|校验|认证|認證|認証|検証|인증|검증|do[ğg]rulama\w*|verifica|controllo|contr[ôo]le"
    r"|verificatie|weryfikacj\w*|sprawdzeni\w*|kontroll?\w*|ov[ěe][řr]en[íi]"
)
_DMARC_CHECK = rf"dmarc[- ]?(?:{_CHECK})|(?:{_CHECK})\s+dmarc"
_FAILED = (
    r"\bfail(?:ed|s|ure)?\b|did not pass|失败|失敗|未通过|未通過|실패|не прош\w*|не пройден\w*|fehlgeschlagen"
    r"|nicht bestanden|[ée]chec|[ée]chou[ée]|fall[óo]|no super[óo]|no pas[óo]|falh(?:a|ou)|n[ãa]o passou"
    r"|ba[şs]ar[ıi]s[ıi]z|ge[çc]emedi|non (?:ha )?superat\w*|fallit\w*|mislukt|niet geslaagd|nie powiod\w*"
    r"|niepowodzeni\w*|nie przesz\w*|selhal\w*|neprošl\w*"
)
_AUTH_FAILURE_REPORT = patterncode.compile(
    r"\bdmarc\b[^\n]{0,20}\b(?:failure|forensic)\b[^\n]{0,10}\breport|\breport:?\s+dmarc\b[^\n]{0,20}\bfail"
    r"|\b(?:authentication|auth|spf|dkim)[ -]failure report|did not (?:meet|pass) the (?:sending domain's )?dmarc"
    # (what DMARC's failure reports were first called, and most reporters still call them)
    r"|\bforensic report\b"
    # (a report on DMARC in the reporters' other languages: "DMARC 失败报告", "Отчёт о сбое DMARC",
    # "DMARC-Fehlerbericht", "Rapport d'échec DMARC", "Informe de fallo DMARC"; an aggregate report
    # says so too, but attaches no message)
    r"|\bdmarc\b[^\n]{0,30}(?:报告|報告|レポート|리포트|보고서|отч[её]т|bericht|rapport|informe|relat[óo]rio|rapor"
    r"|zpr[áa]v)|(?:报告|報告|レポート|리포트|보고서|отч[её]т|bericht|rapport|informe|relat[óo]rio|rapor|zpr[áa]v)"
    r"[^\n]{0,30}\bdmarc\b"
    r"|rfc ?6591",
    re.IGNORECASE,
)
# A report that names no report, only the failed check, in the reporters' languages ("failed DMARC
# verification", "DMARC check failed", "未通过 DMARC 验证", "DMARC 認証に失敗", "DMARC 인증 실패",
# "не прошло проверку DMARC", "DMARC-Prüfung nicht bestanden", "échec de la vérification DMARC",
# "no superó la verificación DMARC", "falhou na verificação DMARC", "DMARC doğrulaması başarısız"):
# the check named beside "DMARC", not a header's "dmarc=fail". A person's spam forward says so too
# ("the DMARC check failed at my provider"): this wording counts only in a message that is no
# abuse report otherwise (`_reported`).
# (compiled on first use: only a text that names DMARC and no report gets here, and a start-up that
# compiled it would cost every run)
_DMARC_CHECK_FAILED = compile_lazily(
    rf"(?:{_FAILED})[^\n]{{0,25}}(?:{_DMARC_CHECK})|(?:{_DMARC_CHECK})[^\n]{{0,25}}(?:{_FAILED})",
    re.IGNORECASE,
)
REPORT_NAMED = 2
CHECK_NAMED = 1


class ForwardedReport(FrozenValue):
    """The complained-about recipient, the forwarded original's headers, the feedback type
    (abuse; auth-failure for a DMARC failure report), and the other originals the report carries,
    each with its own recipient (a desk passing on several complaints in one message)."""

    # (in the order of the fields: see parsers.values)
    __slots__ = (  # noqa: RUF023
        "recipient",
        "original",
        "feedback_type",
        "others",
    )

    recipient: str
    original: Message
    feedback_type: str
    others: tuple[tuple[str, Message], ...]

    def __init__(
        self,
        recipient: str,
        original: Message,
        feedback_type: str = "abuse",
        others: tuple[tuple[str, Message], ...] = (),
    ) -> None:
        s = set_field
        s(self, "recipient", recipient)
        s(self, "original", original)
        s(self, "feedback_type", feedback_type)
        s(self, "others", others)


def _inline_original(mail: Mail) -> Message | None:
    """The header block pasted after a forwarding marker, when it carries transport headers, or
    when it is the forwarder's own mail: a mail client's forward keeps only From, Date, Subject
    and To, and a To that is the forwarder's own address says the recipient forwards it."""
    text = mail.text
    cut = text.find(ORIGINAL_MARKER)
    if cut >= 0:
        text = text[:cut]
    head = text[:65536]
    m = _INLINE_MARKER.search(head) or _OUTLOOK_RULE.search(head)
    start = m.end() if m is not None else _apple_forward_line(head)
    if start < 0:
        for title in list(_DASHED_TITLE.finditer(head))[:MAX_TITLES]:
            block = _pasted_headers(text[title.end() :])
            if block.get("Received"):
                return block
        return None
    block = _pasted_headers(text[start:])
    if not block.get("From"):
        block = _pasted_headers(_rendered_fields(text[start : start + 4096]))
    if block.get("Received"):
        return block
    forwarder = address(mail.from_)
    # (an abuse desk passing on the forward its customer sent it: the desk is never the one the
    # mail was sent to, so the one To is the customer who complained)
    if forwarder and _ABUSE_MAILBOX.match(forwarder):
        return block if block.get("From") and len(_to_addresses(block)) == 1 else None
    return block if _sent_to(block, forwarder) else None


def _to_addresses(block: Message) -> list[str]:
    return [a for a in (address(x) for x in decode_header_value(block.get("To", "")).split(",")) if a]


def _sent_to(block: Message, person: str | None) -> bool:
    """Whether a pasted header block (a mail client's forward: From, Date, Subject, To) is a mail
    sent to `person` alone: the one who forwards or pastes it is its recipient."""
    return bool(person) and bool(block.get("From")) and _to_addresses(block) == [person]


def _unmarked_original(text: str, complainer: str | None) -> Message | None:
    """A mail client's header block pasted with no forwarding marker into a complaint ("I keep
    getting these, here is the last one:" and the From, Sent, To, Subject lines): the original
    only when its one To is the complainer, who complains of mail sent to him."""
    cut = text.find(ORIGINAL_MARKER)
    text = text[: cut if cut >= 0 else 65536]
    found = inline_original(text, lambda block: _sent_to(block, complainer)) if "To:" in text else None
    if found is None:
        # (the block in the complainer's language, which the field names' reader above does not
        # take: Outlook's "Fra:", "Sendt:", "Til:", "Emne:", "De :", "Envoyé :", "À :", "Objet :")
        for m in islice(_PASTED_REPLY_HEADER.finditer(text), MAX_TITLES):
            block = _pasted_headers(text[m.start() :])
            if _sent_to(block, complainer):
                return block
    return found


def _names_its_sender(mail: Mail) -> bool:
    """Whether the text names its sender's address: a header block in the sender's language
    ("Til:" for "To:") can be his own mail only then (asked where the text has no "To:")."""
    sender = address(mail.from_)
    return sender is not None and sender in mail.text


def passes_on_own_mail(mail: Mail) -> bool:
    """Whether the message pastes the header block of a mail sent to its own sender alone: a person
    forwarding what reached him (a report that his own mail failed), not a desk passing on a
    report of the mail it sends (sent to its sending address, not to the one who forwards it)."""
    return _unmarked_original(mail.text, address(mail.from_)) is not None


def forwards_a_message(text: str) -> bool:
    """Whether `text` pastes an earlier message under a forwarding line (a mail client's dashed
    marker, Outlook's rule, Apple Mail's forward line)."""
    head = text[:65536]
    return (
        _INLINE_MARKER.search(head) is not None
        or _OUTLOOK_RULE.search(head) is not None
        or _apple_forward_line(head) >= 0
    )


# How far into a message's text a forward's own line is looked for: the forwarder's note above it is
# a few lines (a report's text, which the line would otherwise be looked for in, runs to tens of
# thousands of characters).
FORWARD_LINE_HEAD = 4096


def forwards_under_a_forward_line(text: str) -> bool:
    """Whether `text` pastes an earlier message under a forward's own line (a mail client's dashed
    forward marker, Apple Mail's forward line) near its start, not under an original's title, which
    a report that pastes the message it returns writes too."""
    head = text[:FORWARD_LINE_HEAD]
    return ("--" in head and _FORWARD_MARKER.search(head) is not None) or _apple_forward_line(head) >= 0


def quotes_a_message(text: str) -> bool:
    """Whether `text` quotes or pastes an earlier message under its own words, as a person's reply
    or forward does: a forwarding marker or Outlook's rule, Apple Mail's forward line, lines quoted
    with "> ", or the From and Sent lines Outlook pastes over the message it answers."""
    head = text[:65536]
    return (
        _INLINE_MARKER.search(head) is not None
        or _OUTLOOK_RULE.search(head) is not None
        or _QUOTED_LINE.search(head) is not None
        or _PASTED_REPLY_HEADER.search(head) is not None
        or _apple_forward_line(head) >= 0
    )


def _pasted_original(mail: Mail) -> Message | None:
    """The original's full headers pasted anywhere into the text of a message addressed as an abuse
    report, under no forwarding marker: an abuse desk's ticket that quotes the complaint it was
    sent below a rule or title of its own ("#####", "=== Abuse report ==="), as written or quoted
    with "> " (a hosting provider's ticket quotes the complaint mail whole: the complainer's own
    short header block, his words, then the original's headers). Only a block with transport
    headers counts."""
    text = mail.text
    cut = text.find(ORIGINAL_MARKER)
    text = text if cut < 0 else text[:cut]
    block = inline_original(text, _has_transport)
    if block is None and "\n>" in text and not is_reply(mail):
        # (quoted in a reply, the headers are an earlier message's of the thread: a desk's
        # complaint already read when it came, quoted back by whoever answers it)
        block = inline_original(_QUOTE.sub("", text[:65536]), _has_transport)
    return block


def _pasted_headers(rest: str) -> Message:
    """The header block at the start of `rest` (the text after a forwarding marker)."""
    rest = rest.lstrip("\n")
    # quoted with "> " by some clients: unquote the header block
    lines = [line[2:] if line.startswith("> ") else line for line in rest.split("\n")[:400]]
    for i, line in enumerate(lines[:MAX_LOCALISED_LINES]):
        if not line.strip():
            break
        name, colon, value = line.partition(":")
        if not colon or line[0] in " \t":
            continue
        english = _LOCALISED_FIELDS.get(name.strip().lower())
        if english is not None:
            lines[i] = f"{english}: {value.strip()}"
        elif _FIELD_NAME.fullmatch(name) is None:
            # a localised name no RFC 5322 reader takes ("Envoyé :", "Enviado el:", "Gesendet am:"):
            # kept as a field of no meaning, so that the block goes on to the To after it
            lines[i] = f"{UNREAD_FIELD}: {value.strip()}"
    return parse_header_block("\n".join(lines)[: 64 * 1024].split("\n\n", 1)[0] + "\n\n")


def _rendered_fields(rest: str) -> str:
    """The forward's field lines at the start of `rest` as a header block, when they came from
    HTML (an HTML-only forward made text: each field indented, blank lines between them): the
    first non-blank lines, stripped, up to the first that is no field."""
    lines: list[str] = []
    for line in rest.split("\n")[: 4 * MAX_LOCALISED_LINES]:
        line = line.strip()
        if not line:
            continue
        name, colon, _value = line.partition(":")
        if not colon or len(name) > 30:
            break
        lines.append(line)
    return "\n".join(lines) + "\n\n"


def _is_sent_message(block: Message, mail: Mail | None = None) -> bool:
    """Whether `block` is the header block of a message someone was sent (its sender, its
    Message-ID and its recipient named, maybe among several by the `mail` that passes it on:
    `complainant_among`): not a report or a forward (it attaches a message: `attached_reports`
    and `inquire` read what it passes on), nor mail to an abuse desk (the desk's own: a note, a
    policy text, a forward by its postmaster)."""
    if not (block.get("From") and block.get("Message-ID")) or block.get_content_type() == "multipart/report":
        return False
    recipient = original_recipient(block) or (complainant_among(block, mail) if mail is not None else None)
    if recipient is None or _ABUSE_MAILBOX.match(recipient) or _is_report(block):
        return False
    return next(_attached_messages(block), None) is None


def complainant_among(original: Message, mail: Mail) -> str | None:
    """Of the several addresses an original's To names (one message sent to all of them), the one
    who complained: the one who forwards it, when he is among them, else the one the forwarder's
    own text names ("our customer a@b reported the attached message"). None when neither tells
    (the text names none of them, or more than one)."""
    sent_to = _to_addresses(original)
    if len(sent_to) < 2:
        return None
    forwarder = (address(mail.from_) or "").lower()
    for one in sent_to:
        if one.lower() == forwarder:
            return one
    text = _desk_text(mail)
    if "@" not in text:
        return None
    low = text.lower()
    named = [a for a in sent_to if _written_alone(a.lower(), low)]
    return named[0] if len(named) == 1 else None


def _written_alone(addr: str, text: str) -> bool:
    """Whether `addr` is written in `text` as an address of its own, not inside a longer one."""
    at = text.find(addr)
    while at >= 0:
        end = at + len(addr)
        before = text[at - 1] if at else " "
        after = text[end : end + 2]
        if not (before.isalnum() or before in "._%+-") and not (
            after[:1].isalnum() or after[:1] == "-" or (after[:1] == "." and after[1:].isalnum())
        ):
            return True
        at = text.find(addr, at + 1)
    return False


def _has_transport(block: Message) -> bool:
    """Whether a forwarded original's header block carries transport headers (a Received field)."""
    return bool(block.get("Received"))


def original_recipient(original: Message) -> str | None:
    """The one recipient the original names: its envelope recipient headers, the "for <addr>" of
    its newest Received field, then its To (several To addresses: the one who complained cannot
    be told)."""
    for name in _RECIPIENT_HEADERS:
        if name == "To":
            for value in (original.get_all("Received") or [])[:1]:
                m = RECEIVED_FOR.search(decode_header_value(value))
                found = address(m.group(1)) if m else None
                if found and not is_redacted(found):
                    return found
        for value in original.get_all(name) or []:
            text = decode_header_value(value)
            if name == "To" and _UNDISCLOSED.search(text):
                continue
            found_all = [a for a in (address(x) for x in text.split(",")) if a and not is_redacted(a)]
            if len(found_all) == 1:
                return found_all[0]
    return None


def _addressed_as_report(mail: Mail) -> bool:
    """Whether the message says it is an abuse report by its subject or its addresses (sent to or
    by an abuse or spam desk)."""
    if _ABUSE_WORDS.search(mail.subject):
        return True
    if any(_ABUSE_MAILBOX.match(address(v) or "") for v in mail.headers("To")[:4]):
        return True
    # (an abuse desk that passes on the message it was sent, under its ticket subject)
    return _ABUSE_MAILBOX.match(address(mail.from_) or "") is not None


def is_abuse_report(mail: Mail) -> bool:
    """Whether `mail` says it is an abuse report by its subject or addresses and carries an
    original `inquire` reads: its own evidence, which outweighs a daemon From (a desk's postmaster@
    passing on its users' complaints, `fallback.looks_like_bounce`). (A text that quotes no
    transport header, in a message that attaches nothing, carries no original: told first, as
    it costs nothing, so a daemon's plain failure text is not searched for abuse words.)"""
    if "eceived:" not in mail.text and not mail.message.is_multipart():
        return False
    return _addressed_as_report(mail) and inquire(mail) is not None


# What makes an abuse word in a forwarder's text say the opposite ("not spam, I promise", "das ist
# kein Spam", "ce n'est pas du spam", "no es spam"): the word right after a negation, an article
# between at most. (A bare "no" is left out: "no more spam" is a complaint.)
_NEGATED = patterncode.compile(
    r"\b(?:not|isn't|wasn't|kein\w*|nicht|pas|geen|niet|ikke|inte|nie|no es|non (?:è|e)|n(?:ã|a)o (?:é|e))"
    r"\s+(?:(?:a|an|ein|eine|un|une|du|de|een|et|en|uno|una|um|uma)\s+)?$",
    re.IGNORECASE,
)


def _reported(mail: Mail) -> bool:
    if _addressed_as_report(mail):
        return True
    head = mail.text[:2000]
    cut = head.find(ORIGINAL_MARKER)
    head = head if cut < 0 else head[:cut]
    return any(
        _NEGATED.search(head, max(0, m.start() - 16), m.start()) is None for m in _ABUSE_WORDS.finditer(head)
    )


@functools.cache
def _challenge_test() -> Callable[[str, bool], bool]:
    from parsers.autoreply import is_challenge  # (parsers.autoreply imports this module)

    return is_challenge


def inquire(mail: Mail) -> ForwardedReport | None:
    """The forwarded abuse report in `mail`, or None."""
    if mail.delivery_status or mail.feedback_report:
        return None
    if mail.has_header("List-Id") or mail.has_header("List-Unsubscribe"):
        return None  # list traffic (a digest quoting a spam sample is not a report to us)
    about_authentication: list[int] = []  # (told once, and only for a message that may be a report)
    if mail.header("Auto-Submitted").lower().startswith("auto-replied") and not _about_authentication(
        mail, about_authentication, by_subject=False
    ):
        # an auto-reply that attaches what it answers (a DMARC failure report is sent as one too,
        # and says so in its own text: an auto-reply's subject repeats the one it answers)
        return None
    original = mail.original
    if original is None or not original.get("Received"):
        original = _inline_original(mail) or attached_eml(mail, _has_transport)
    if (
        original is None
        and "eceived:" in mail.text
        and (_addressed_as_report(mail) or _about_authentication(mail, about_authentication))
    ):
        original = _pasted_original(mail)
    elif (
        original is None
        and ("To:" in mail.text or _names_its_sender(mail))
        and not is_reply(mail)
        and _addressed_as_report(mail)
    ):
        # (no transport header pasted: only a block sent to the one who sends it can be the
        # original, in English or in the complainer's language, "Til:" for "To:"; not in a
        # reply, whose quoted blocks are the thread's)
        original = _unmarked_original(mail.text, address(mail.from_))
    if original is None and mail.message.is_multipart() and _addressed_as_report(mail) and not is_reply(mail):
        # (a ticket system or a desk that passes on the reported message may rebuild it from what
        # it kept, or attach its header block alone, with no transport header: the message it
        # reports is the one whose sender, id and recipient it shows, attached or as a file. Not
        # from a mail system: a content filter's notice that it held our message as spam attaches
        # it so too, and nothing outweighs the daemon's From there)
        from parsers.fallback import sent_by_mail_system  # (parsers.fallback imports this module)

        if not sent_by_mail_system(mail.from_):
            if mail.original is not None and _is_sent_message(mail.original, mail):
                original = mail.original
            else:
                original = attached_eml(mail, lambda block: _is_sent_message(block, mail))
    # (a DMARC failure report need not be addressed as an abuse report: sent to the domain's ruf@
    # mailbox, under "DMARC Forensic Report for example.com", it names no abuse)
    if original is None or not (_reported(mail) or _about_authentication(mail, about_authentication)):
        return None
    if _challenge_test()(mail.text.partition(ORIGINAL_MARKER)[0], True):
        # (a challenge-response notice attaches the message it holds and speaks of junk mail:
        # "To cut down on junk e-mail, ann only accepts mail from senders who have confirmed their
        # address". It asks the sender to prove itself and reports nothing: parsers.autoreply's)
        return None
    original = _passed_on(original, mail)
    # (a report whose original names nobody is still a complaint: on the reserved placeholder)
    recipient = (
        original_recipient(original)
        or complainant_among(original, mail)
        or named_elsewhere({}, original, mail, set())
    )
    recipient = recipient or UNDISCLOSED_RECIPIENT
    return ForwardedReport(
        recipient,
        original,
        "auth-failure" if _about_authentication(mail, about_authentication) else "abuse",
        tuple(_other_complaints(mail, original, recipient)),
    )


def _about_authentication(mail: Mail, told: list[int], by_subject: bool = True) -> bool:
    """Whether the message is a DMARC failure report (`_AUTH_FAILURE_REPORT` in its subject, unless
    not `by_subject`, or in its own text before the copy; or only `_DMARC_CHECK_FAILED` there, in a
    message that is no abuse report otherwise); `told` keeps the text's answer once asked."""
    named = auth_failure_named(mail.subject) if by_subject else 0
    if named == REPORT_NAMED:
        return True
    if not told:
        head = mail.text[:2000]
        cut = head.find(ORIGINAL_MARKER)
        told.append(auth_failure_named(head if cut < 0 else head[:cut]))
    named = max(named, told[0])
    return named == REPORT_NAMED or (named == CHECK_NAMED and not _reported(mail))


def auth_failure_named(text: str) -> int:
    """REPORT_NAMED when `_AUTH_FAILURE_REPORT` occurs in `text`, CHECK_NAMED when only
    `_DMARC_CHECK_FAILED` does, else 0: a word one of their branches holds is looked for first (the
    patterns are tried at every position of the text, and most texts asked here are auto-replies'
    and forwards')."""
    low = text.lower()
    if "dmarc" in low or "failure report" in low or "forensic report" in low or "6591" in low:
        if _AUTH_FAILURE_REPORT.search(text) is not None:
            return REPORT_NAMED
        if "dmarc" in low and _DMARC_CHECK_FAILED.search(text) is not None:
            return CHECK_NAMED
    return 0


def _desk_text(mail: Mail) -> str:
    """The forwarder's own words: the text above what it passes on (its first 4,096 characters)."""
    return mail.text[:4096].partition(ORIGINAL_MARKER)[0]


def _passed_on(original: Message, mail: Mail) -> Message:
    """The message a complaint passed on whole is about: an original addressed to an abuse desk is
    the complainer's own mail to it (a desk forwards its customer's complaint, which attaches the
    spam, or pastes it below the customer's header block), so the complaint is the attached or
    pasted message's, for its recipient, not the desk's: one level down, a pasted one only when it
    was sent to the complainer. An original that carries none stays as it is."""
    to = original_recipient(original)
    if to is None or not _ABUSE_MAILBOX.match(to):
        return original
    if original.is_multipart():
        return next((inner for inner in _attached_messages(original) if _has_transport(inner)), original)
    return _unmarked_original(mail.text, address(original.get("From", ""))) or original


# How many originals one report is read for: a desk attaches one per complaint it passes on; the
# ones after this many are left unread (as MAX_REPORTS bounds the reports attached whole).
MAX_ORIGINALS = 8


def _other_complaints(mail: Mail, first: Message, recipient: str) -> Iterator[tuple[str, Message]]:
    """The originals a report carries besides `first` (message/rfc822 parts or .eml files, where
    `attached_parts` and `eml_files` look, or pasted after the forwarding markers of its text), each
    with the recipient it names: one complaint each.
    Only a report already read as one by `inquire` is asked, so a person's message attaching
    several mails is never read here. An original counts when it carries transport headers, is no
    report itself (a report attached whole is read as the message, `attached_reports`), and names
    its one recipient, who is not an abuse desk (the complainer's own mail to the desk, passed on
    with the spam, is not a complaint of its recipient). A recipient is one complaint however many
    of its originals come."""
    seen = {recipient}
    for original in islice(_attached_originals(mail), MAX_ORIGINALS):
        if original is first or not _has_transport(original) or _is_report(original):
            continue
        other = original_recipient(original)
        if other is not None and other not in seen and not _ABUSE_MAILBOX.match(other):
            seen.add(other)
            yield other, original


def _attached_originals(mail: Mail) -> Iterator[Message]:
    """The messages attached to `mail` (message/rfc822 parts, then .eml files' header blocks), then
    the header blocks pasted after each forwarding marker of its text, in order. (Not in a reply:
    what it pastes or quotes after the first may be the thread's earlier messages, `is_reply`.)"""
    yield from _attached_messages(mail.message)
    for _, block in eml_files(mail):
        yield block
    if is_reply(mail):
        return
    text = mail.text
    cut = text.find(ORIGINAL_MARKER)
    text = text[: cut if cut >= 0 else 65536]
    # (the forwarding markers of every client: the dashed lines, Outlook's underscore rule,
    # Apple Mail's undashed line; a client writes one kind, so each kind is read in turn)
    for pattern in (_INLINE_MARKER, _OUTLOOK_RULE):
        for m in pattern.finditer(text):
            yield _pasted_headers(text[m.end() :])
    for start in _apple_forward_lines(text):
        yield _pasted_headers(text[start:])


def _attached_messages(top: Message) -> Iterator[Message]:
    """The messages attached to `top` as message/rfc822 parts, where `attached_parts` looks, in order."""
    for part in attached_parts(top):
        if part.get_content_type() == "message/rfc822":
            inner = part.get_payload()
            if isinstance(inner, list) and inner and isinstance(inner[0], Message):
                yield inner[0]


# The report types whose report is read when it arrives forwarded whole (parsers.core).
FORWARDED_REPORT_TYPES = frozenset({"delivery-status", "global-delivery-status", "feedback-report"})
# How many reports attached whole are read: an abuse desk or an FBL aggregator sends several
# complaints in one message; more than this is not a forward.
MAX_REPORTS = 8


def attached_reports(mail: Mail) -> list[Message]:
    """The delivery-status or feedback reports (or bounces in a text format, `_is_report`)
    attached whole (message/rfc822) to a message that is itself no report, in order: any of its attached messages, not only the first (a forwarder
    may attach a note or a policy text first; an aggregator attaches one report per complaint,
    maybe gathered in a multipart/digest after its own text: looked for one multipart down too),
    and in a forward of a forward (`_collect_reports`).

    Told by structure alone. A DSN's own returned original is never unwrapped (the outer is a
    report), nor is a forwarded spam message (not a report: `inquire` reads it)."""
    if not _may_forward_reports(mail):
        return []
    # (a list manager hands its owner the bounces it could not read, with its own word for them, in
    # the list's language: Mailman's "The attached message was received as a bounce, but either the
    # bounce format was not recognized ...", "Uncaught bounce notification")
    handed_by_list = is_list_admin(address(mail.from_))
    found: list[Message] = []
    _collect_reports(mail.message, found, FORWARD_CHAIN, handed_by_list)
    if found and mail.header("Auto-Submitted").lower().startswith("auto-replied"):
        # (an RFC 3834 auto-reply attaches what it answers, as `inquire` reads it: an abuse desk's
        # "we received your report" attaching the complaint report it was sent is an auto-reply,
        # and the complaint was read when it came. A DSN is sent as auto-replied too, and a
        # gateway that re-wraps one may copy the field: the delivery reports stay read)
        found = [m for m in found if _report_type(m) != "feedback-report"]
    return found


def _report_type(message: Message) -> str | None:
    """The report type of a multipart/report (lower-cased: "delivery-status", "feedback-report";
    "" when it names none), or None for any other message."""
    if not (message.is_multipart() and message.get_content_type() == "multipart/report"):
        return None
    report_type = message.get_param("report-type")
    return report_type.lower() if isinstance(report_type, str) else ""


# How many forwards deep a report attached whole is looked for: an abuse desk forwards what its
# postmaster (or the complaining customer) forwarded to it, each wrapper attaching the one before.
FORWARD_CHAIN = 3


def _collect_reports(top: Message, found: list[Message], depth: int, handed_by_list: bool) -> None:
    """Add to `found` the reports attached to `top`, in order; an attached multipart that is no
    multipart/report (a forward that itself attaches what it forwards) is looked into the same way
    first, `depth` wrappers deep in all, and is itself taken only when it holds none but signs
    itself as a bounce (`_is_report`: a desk's "Fwd: Undelivered Mail..." is a forward, not the
    bounce; `handed_by_list`: `top` is a list manager's own message, at the first level only). A
    multipart/report's own parts are never looked into."""
    for message in _attached_messages(top):
        count = len(found)
        if depth > 1 and message.is_multipart() and message.get_content_type() != "multipart/report":
            _collect_reports(message, found, depth - 1, False)
        if len(found) == count and _is_report(message, handed_by_list=handed_by_list):
            found.append(message)
        if len(found) >= MAX_REPORTS:
            del found[MAX_REPORTS:]
            return


# A digest's subject as the list managers write it: the word before any colon ("Birders Digest, Vol
# 88, Issue 12", "makers Digest 5 May 2016 ... Issue 410", "[g] Digest for g@googlegroups.com - 2
# updates in 2 topics", "GEOSCI-L Digest - 2 Oct 2017 to 3 Oct 2017"). A colon before it opens a
# failure subject or a reply prefix ("Undeliverable: Birders Digest, Vol 88"): a bounce of the
# digest, or a member's answer to it.
_DIGEST_SUBJECT = compile_lazily(r"^[^:]{0,120}\bdigest\b", re.IGNORECASE)


def is_list_digest(mail: Mail) -> bool:
    """Whether a message a list sent (parsers.core asks it of one with a list's header) is its digest: the
    posts of a period gathered in one message, a bounce among them when a mail system sent one to
    the list's posting address and the list passed it on. The list's mail to its members, no report
    to us: what a bounce in it names failed for its poster's mail. Told by its structure (a
    multipart/digest part, Mailman's MIME digest and RFC 2046's form; a digest whose every message
    is a report is a bounce mailbox's, read as each report is: `attached_reports`) or, for a plain
    text digest, by its subject, when a mail system did not send it."""
    top = mail.message
    digest = top if mail.content_type == "multipart/digest" else None
    parts = top.get_payload() if digest is None and top.is_multipart() else None
    if isinstance(parts, list):
        for part in parts[:MAX_REPORTS]:
            if isinstance(part, Message) and part.get_content_type() == "multipart/digest":
                digest = part
                break
    if digest is not None:
        posts = list(_attached_messages(digest))
        return not posts or not all(_is_report(m) for m in posts)
    if "igest" not in mail.subject and "IGEST" not in mail.subject:
        return False
    from parsers.fallback import sent_by_mail_system

    return _DIGEST_SUBJECT.search(mail.subject) is not None and not sent_by_mail_system(mail.from_)


def reports_attached_as_files(mail: Mail) -> list[bytes]:
    """The delivery-status or feedback reports attached as .eml files (application/octet-stream
    or application/eml: a webmail that forwards "as attachment", or a person who saves the report
    and attaches the file), as their bytes, in order. Told by the file's own header block: a
    multipart/report of one of those types (a forwarded spam message attached so is `inquire`'s)."""
    if not _may_forward_reports(mail):
        return []
    found: list[bytes] = []
    for payload, block in eml_files(mail):
        report_type = block.get_param("report-type")
        if isinstance(report_type, str) and report_type.lower() in FORWARDED_REPORT_TYPES:
            found.append(payload)
            if len(found) >= MAX_REPORTS:
                break
    return found


def _may_forward_reports(mail: Mail) -> bool:
    """Whether `mail` may carry reports forwarded whole: a multipart that is no report itself."""
    # (a report-type on a multipart/mixed is no report: a gateway that re-wraps a DSN as an
    # attachment may copy the inner Content-Type's parameters to the outer one)
    top = mail.message
    is_report = mail.report_type in FORWARDED_REPORT_TYPES and top.get_content_type() == "multipart/report"
    return not (is_report or mail.delivery_status or mail.feedback_report) and top.is_multipart()


def _is_report(message: Message, *, handed_by_list: bool = False) -> bool:
    """A delivery-status or feedback report by its structure, or a bounce in a text format that
    signs itself as one (a daemon From and a failure subject: a list manager hands its owner the
    bounces it could not read that way, "Uncaught bounce notification"). One that a list manager's
    own message hands on (`handed_by_list`) needs only the daemon From: the list took it for a
    bounce, whatever language its subject is in ("Message non délivré", "Nedoručitelná zpráva")."""
    report_type = _report_type(message)
    if report_type is not None:
        return report_type in FORWARDED_REPORT_TYPES
    from parsers.fallback import sent_by_mail_system, signed_as_a_bounce

    sender, subject = message.get("From"), message.get("Subject")
    if sender is None:
        return False
    sender = decode_header_value(sender)
    if handed_by_list:
        return sent_by_mail_system(sender)
    if subject is None:
        return False
    subject = decode_header_value(subject)
    # (a JMRP report has no report part: the complained-about message attached is its sign, parsers.fbl)
    return signed_as_a_bounce(sender, subject) or (
        message.get_content_maintype() == "multipart" and signed_as_jmrp(sender, subject)
    )
