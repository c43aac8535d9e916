"""A returned message, loaded once and decoded defensively, for the detectors to read.

Nothing here raises on bad input: undecodable bytes are replaced, and problems are recorded in
`Mail.defects`. Only the headers of an attached original message are read (its body is never
decoded), which bounds the work on large returns.
"""

from __future__ import annotations

import binascii
import re
from collections.abc import Callable, Iterable, KeysView
from email.errors import FirstHeaderLineIsContinuationDefect, MissingHeaderBodySeparatorDefect
from email.header import Header, decode_header, make_header
from email.message import Message

from parsers import charsets, patterncode
from parsers.mime import Part, parse_bytes, parse_headers, without_comment

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

# Marker placed in `Mail.text` where an attached original message begins, so that text-format
# detectors can cut the human-readable part off at one well-known line.
ORIGINAL_MARKER = "Content-Type: message/rfc822"
# A line opening an RFC 3464 recipient field: report text that names a recipient as a DSN does.
DSN_RECIPIENT_FIELD = patterncode.compile(r"(?im)^(?:final|original)-recipient[ \t]*:")

# Declared charsets read as what mail software means by them: the superset it writes under the
# name (a message labelled gb2312 holds GBK characters, shift_jis means Microsoft's cp932,
# ks_c_5601-1987 and euc-kr mean cp949, iso-8859-1 means windows-1252), or nothing at all.
_CHARSET_ALIASES: dict[str, str | None] = {
    "gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "cp936": "gb18030", "euc-cn": "gb18030",
    "csgb2312": "gb18030", "gb_2312-80": "gb18030", "chinese": "gb18030",
    "big5": "cp950", "x-x-big5": "cp950", "cn-big5": "cp950", "big5-hkscs": "big5hkscs",
    "ks_c_5601-1987": "cp949", "ks_c_5601": "cp949", "ksc5601": "cp949", "euc-kr": "cp949", "x-windows-949": "cp949",
    "korean": "cp949",
    "shift_jis": "cp932", "shift-jis": "cp932", "x-sjis": "cp932", "sjis": "cp932", "ms_kanji": "cp932",
    "windows-31j": "cp932", "x-ms-cp932": "cp932",
    "iso-2022-jp": "iso-2022-jp-2", "iso-2022-jp-ms": "iso-2022-jp-2", "csiso2022jp": "iso-2022-jp-2",
    "iso-8859-1": "cp1252", "iso_8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252", "l1": "cp1252",
    "windows-874": "cp874", "tis-620": "cp874", "iso-8859-11": "cp874",
    "iso-8859-8-i": "iso-8859-8", "utf8": "utf-8", "unicode-1-1-utf-7": "utf-7",
    # (no charset at all: the bytes are sniffed)
    "unknown-8bit": None, "x-unknown": None, "unknown": None, "default": None, "x-user-defined": None,
    "us-ascii": None, "ascii": None, "us": None, "ansi_x3.4-1968": None, "8bit": None, "none": None,
}  # fmt: skip
_TAG = patterncode.compile(r"<[^<>]{0,2000}>")
_SURROGATE = patterncode.compile("[\udc80-\udcff]")
_C1_CHAR = patterncode.compile("[\x80-\x9f]")
# The charsets of encoded words (as decode_header gives them) whose text is already Unicode's.
_UNICODE_WORDS = frozenset({None, "utf-8", "utf8", "us-ascii"})
# compat32, the email package's default policy, which every Message has unless told otherwise
# (from there: importing email.policy loads the header registry, 5% of a `bounceback parse`'s start-up)
_COMPAT32 = Message().policy
MAX_PARTS = 64
MAX_TEXT_CHARS = 256 * 1024
# Of one header value, the characters read (the rest is dropped).
MAX_HEADER_CHARS = 8192
# Of the header values with encoded words, the characters decoded per message: the email
# package's decoder costs about 0.2 us a character (more: it is quadratic in the words of a value),
# and a message can carry megabytes of them. Past this they are left as they are.
MAX_WORDS_CHARS = 256 * 1024
WORDS_LEFT_UNDECODED = "encoded words left undecoded: too many"
PARSER_ERROR = "parser_error"


def decode_bytes(data: bytes, charset: str | None = None) -> str:
    """Bytes to text (never fails): the declared charset as mail software means it, then utf-8,
    windows-1252, latin-1. Non-ASCII bytes that are valid UTF-8 are read as UTF-8 whatever the
    label says (text in another charset is almost never valid UTF-8, and mislabelled UTF-8 is
    common); unlabelled 7-bit text with ISO-2022-JP escapes is read as ISO-2022-JP. Other 8-bit
    text goes to _decode_legacy."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    declared: str | None = None
    if charset:
        cs = charset.strip().strip('"').lower()
        declared = _CHARSET_ALIASES.get(cs, cs)
    if not data.isascii():
        if declared is None or not declared.startswith(("utf-16", "utf-32", "utf_16", "utf_32")):
            try:
                return data.decode("utf-8")
            except ValueError:
                pass
        return charsets.decode_legacy(data, declared)
    if declared is None and b"\x1b" in data and any(e in data for e in charsets.JIS_ESCAPES):
        declared = "iso-2022-jp-2"
    tried: list[str] = []
    if declared:
        tried.append(declared)
        tried.extend(charsets.CHARSET_NEXT.get(declared, ()))
    tried += ["utf-8", "cp1252"]
    for cs in tried:
        try:
            return data.decode(cs)
        except (LookupError, ValueError):  # (an unknown name, undecodable bytes, a NUL in the name)
            continue
    return data.decode("latin-1")


def _words_text(raw: str) -> str:
    """A header value's encoded words decoded: as the email package joins them, or, where it
    cannot decode one (a charset it does not know, a gb2312 word holding GBK), chunk by chunk
    with decode_bytes."""
    chunks = decode_header(raw)
    try:
        text = str(make_header(chunks))
    except Exception:
        text = None
    if text is not None:
        if text.isascii():
            return text
        # (C1 control codes are never text: a word's bytes in another charset than its label,
        # windows-1250 under iso-8859-2, Shift_JIS under iso-2022-jp; decode_bytes reads them)
        if not _C1_CHAR.search(text):
            for _data, cs in chunks:  # (a plain loop: all() left its generator suspended, to be closed)
                if cs not in _UNICODE_WORDS:
                    break
            else:
                return text
            return charsets.composed(text)  # (windows-1258 writes tone marks as combining ones)
    out = []
    for data, charset in chunks:
        out.append(decode_bytes(data, charset) if isinstance(data, bytes) else data)
    return "".join(out)


def _header_object_text(value: Header) -> str:
    try:
        chunks = decode_header(value)
    except Exception:
        return str(value)
    out = []
    for data, charset in chunks:
        if isinstance(data, bytes):
            cs = None if charset in (None, "unknown-8bit") else charset
            out.append(decode_bytes(data, cs))
        else:
            out.append(data)
    return "".join(out)


def collapse_blanks(text: str) -> str:
    """Runs of spaces and tabs as one space, the ends trimmed (as a regex substitution of
    `[ \\t]+` then strip() gave, in a third of its time on a folded header)."""
    return " ".join(filter(None, text.replace("\t", " ").split(" "))).strip()


def decode_header_value(value: object, *, words: bool = True) -> str:
    """An RFC 2047 encoded header (or a raw one with 8-bit bytes) as text; folding removed. Only
    the first MAX_HEADER_CHARS characters are read. `words=False`: encoded words are kept as
    they are (8-bit bytes are still decoded)."""
    if value is None:
        return ""
    if isinstance(value, Header):
        # compat32 hands back raw 8-bit header bytes as a Header in the unknown-8bit charset
        raw = _header_object_text(value)
    else:
        raw = str(value)
    if len(raw) > MAX_HEADER_CHARS:
        raw = raw[:MAX_HEADER_CHARS]
    if raw.isascii() and "=?" not in raw:
        # the common case: plain ASCII, at most folded
        if "\n" in raw or "\r" in raw or "\t" in raw or "  " in raw:
            return collapse_blanks(raw.replace("\r", "").replace("\n", " "))
        return raw.strip()
    if words and "=?" in raw:
        try:
            raw = _words_text(raw)
        except Exception:
            pass
    if _SURROGATE.search(raw):
        raw = decode_bytes(raw.encode("utf-8", "surrogateescape"))
    return collapse_blanks(raw.replace("\r", "").replace("\n", " "))


# Transfer encodings that Message.get_payload(decode=True) undoes (any other leaves the text as is).
_TRANSFER_ENCODED = frozenset({"quoted-printable", "base64", "x-uuencode", "uuencode", "uue", "x-uue"})


def _payload_bytes(part: Message) -> Any:
    """part.get_payload(decode=True): for a text payload without a transfer encoding, its bytes
    as the email package gives them (the text as the parser read it, 8-bit bytes held as
    surrogate escapes), without its check for surrogates, a UTF-8 encoding of the whole text."""
    payload = part._payload  # type: ignore[attr-defined]  # (as stored; by name: see mime.Part)
    if type(payload) is str:  # (a list: a multipart)
        encoding = part.get("content-transfer-encoding", "")
        if type(encoding) is str and encoding.lower() not in _TRANSFER_ENCODED:
            try:
                return payload.encode("ascii", "surrogateescape")
            except UnicodeError:  # (characters that no byte stands for: the package's own way)
                pass
    return part.get_payload(decode=True)


# Charsets (as _CHARSET_ALIASES leaves a label) in which every ASCII byte is that ASCII character.
_ASCII_COMPATIBLE = frozenset(
    {"utf-8", "cp1252", "koi8-r", "koi8-u"}
    | {f"iso-8859-{n}" for n in range(1, 17)}
    | {f"{prefix}{n}" for prefix in ("windows-", "cp") for n in range(1250, 1259)}
)


def _plain_ascii_payload(part: Message) -> str | None:
    """The text of a part whose payload is ASCII text without a transfer encoding, labelled with
    no charset or an ASCII-compatible one: what payload_text gives for it (its bytes, read as
    decode_bytes reads ASCII, are the text itself), without encoding and decoding it. Else None.
    (An escape may start ISO-2022-JP text sent without a label: such a payload is read.)"""
    payload = part._payload  # type: ignore[attr-defined]  # (as stored; every Message has one)
    if type(payload) is not str or not payload.isascii() or "\x1b" in payload:
        return None
    encoding = part.get("content-transfer-encoding", "")
    if type(encoding) is not str or encoding.lower() in _TRANSFER_ENCODED:
        return None
    content_type = part.get("Content-Type")
    if content_type is None or "charset" not in str(content_type).lower():
        return payload
    charset = part.get_content_charset()
    if not charset:
        return payload
    label = charset.strip().strip('"').lower()
    declared = _CHARSET_ALIASES.get(label, label)
    return payload if declared is None or declared in _ASCII_COMPATIBLE else None


def payload_text(part: Message) -> str:
    """The decoded text of a non-multipart part (transfer encoding and charset undone)."""
    plain = _plain_ascii_payload(part)
    if plain is not None:
        return plain
    try:
        data = _payload_bytes(part)
    except Exception:
        data = None
    if data is None:
        payload = part.get_payload()
        if isinstance(payload, str):
            return payload
        return ""
    if not isinstance(data, bytes):
        return str(data)
    # get_content_charset scans and parses the header list: ask only when the parameter is there.
    content_type = part.get("Content-Type")
    if content_type is None or "charset" not in str(content_type).lower():
        return decode_bytes(data)
    return decode_bytes(data, part.get_content_charset())


def _drop_scripts(html: str) -> str:
    """Remove <script>/<style> elements in one linear pass (an unclosed one ends the text).

    A regex with a lazy `.*?` up to the closing tag rescans the rest of the document for every
    unclosed opening tag: quadratic on hostile HTML.
    """
    low = html.lower()
    out: list[str] = []
    pos = 0
    while True:
        starts = [i for i in (low.find("<script", pos), low.find("<style", pos)) if i >= 0]
        if not starts:
            out.append(html[pos:])
            break
        start = min(starts)
        out.append(html[pos:start])
        closing = "</script" if low.startswith("<script", start) else "</style"
        end = low.find(closing, start)
        if end < 0:
            break
        close = low.find(">", end)
        pos = len(html) if close < 0 else close + 1
    return " ".join(out)


_LINE_END_TAG = patterncode.compile(r"(?i)<br\s*/?>|</p>|</div>|</tr>|</li>|</h\d>")
# A horizontal rule, as the line of underscores a mail client writes for it in its text version
# (Outlook's forward and reply separator: readers of the text look for that line). Put before the
# <hr> tag, which then goes as every tag does (no tag but <hr> starts so).
TEXT_RULE = "\n" + "_" * 32 + "\n"


_NUMERIC_REFERENCE = patterncode.compile(r"&#(?:([0-9]{1,7})|[xX]([0-9a-fA-F]{1,6}));")


def _referenced(m: re.Match[str]) -> str:
    code = int(m.group(1)) if m.group(1) else int(m.group(2), 16)
    return chr(code) if 0 < code <= 0x10FFFF else m.group(0)


# A word-break opportunity, which renders as no character: Gmail writes one after the "@" of each
# address in the HTML it composes ("ann@<wbr>b.example"), where a space would split the address.
_WORD_BREAK = patterncode.compile(r"(?i)<wbr\s*/?>")


# A mailto link whose text is no address ("<a href="mailto:ann@b.example">Ann Lee</a>", Office 365's
# "Your message to <a href=mailto:...>ann</a> couldn't be delivered"): the target is the address the
# report names, which dropping the tag would lose. Its %XX escapes are RFC 6068's. (Possessive: a
# target or a tag that runs on without its ">" is given up at once, not tried again shorter.)
_MAILTO_LINK = patterncode.compile(
    r"(?is)<a\s[^<>]{0,400}?href\s*=\s*[\"']?mailto:([^\"'?<>\s]{1,320}+)[^<>]{0,400}+>([^<]{0,400}+)</a>"
)
_URL_ESCAPE = patterncode.compile(r"%([0-9A-Fa-f]{2})")


def _mailto_target_written(m: re.Match[str]) -> str:
    target = m.group(1)
    if "%" in target:
        target = _URL_ESCAPE.sub(lambda e: chr(int(e.group(1), 16)), target)
    if "@" not in target or target.lower() in m.group(2).lower():
        return m.group(0)
    # (escaped, so that the tag stripping below keeps it as "<address>")
    return f"{m.group(0)} &lt;{target}&gt;"


def html_to_text(html: str) -> str:
    html = _drop_scripts(html)
    if "<wbr" in html or "<WBR" in html:
        html = _WORD_BREAK.sub("", html)
    if "mailto:" in html or "MAILTO:" in html:
        html = _MAILTO_LINK.sub(_mailto_target_written, html)
    html = _LINE_END_TAG.sub("\n", html)
    for tag in ("<hr", "<HR", "<Hr"):
        if tag in html:
            html = html.replace(tag, TEXT_RULE + tag)
    text = _TAG.sub(" ", html)
    if "&#" in text:
        # (numeric character references: a list archive's HTML page writes each address's "@" as
        # "&#64;", which no address pattern reads)
        text = _NUMERIC_REFERENCE.sub(_referenced, text)
    for ent, ch in (
        ("&nbsp;", " "),
        ("&lt;", "<"),
        ("&gt;", ">"),
        ("&quot;", '"'),
        ("&#39;", "'"),
        ("&amp;", "&"),
    ):
        text = text.replace(ent, ch)
    return text


# The memo's key for the text of the first application/json part below the top (see Mail.memo).
ATTACHED_JSON = "attached_json"


class Mail:
    """A loaded message: decoded headers, flattened body text and the report parts."""

    __slots__ = (
        "_decoded",
        "_first",
        "_headers",
        "_joined",
        "_repeats",
        "_words_left",
        "content_type",
        "defects",
        "delivery_status",
        "feedback_report",
        "from_",
        "memo",
        "message",
        "original",
        "report_type",
        "subject",
        "text",
    )

    message: Message
    subject: str
    from_: str
    # The human-readable body, every text part decoded and joined, with the report parts' text and
    # ORIGINAL_MARKER followed by the original's headers where an original is attached.
    text: str
    # Raw text of each message/delivery-status (or global-delivery-status) part.
    delivery_status: list[str]
    # Raw text of each message/feedback-report part.
    feedback_report: list[str]
    # Headers of the returned original (message/rfc822, text/rfc822-headers, message/global, ...).
    original: Message | None
    content_type: str
    report_type: str
    defects: list[str]
    # Decoded header values by lower-cased name: detectors ask for the same few headers often.
    _decoded: dict[str, list[str]]
    # The first raw (name, value) pair of each header by lower-cased name (Message.get_all scans
    # and lower-cases every header name on each call), not to be changed: it may be the message's
    # own index (mime.Part.first_fields).
    _first: dict[str, tuple[str, Any]]
    # The message's raw (name, value) pairs, as they were when the Mail was made.
    _headers: list[tuple[str, Any]]
    # Every raw pair of each header that the message has more than once, by lower-cased name:
    # grouped on the first call that needs them (see _pairs), None until then.
    _repeats: dict[str, list[tuple[str, Any]]] | None
    # Values derived from the message once and read by many detectors (body text, prefilter text),
    # and the text of the first JSON document attached (ATTACHED_JSON), kept by the loader's walk.
    memo: dict[str, str]
    # The raw values of a header joined (see plain_values), by lower-cased name.
    _joined: dict[str, str | None]
    # Characters of header values with encoded words still to decode (see MAX_WORDS_CHARS).
    _words_left: int

    def __init__(
        self,
        message: Message,
        subject: str = "",
        from_: str = "",
        text: str = "",
        delivery_status: list[str] | None = None,
        feedback_report: list[str] | None = None,
        original: Message | None = None,
        content_type: str = "text/plain",
        report_type: str = "",
        defects: list[str] | None = None,
    ) -> None:
        self.message = message
        self.subject = subject
        self.from_ = from_
        self.text = text
        self.delivery_status = [] if delivery_status is None else delivery_status
        self.feedback_report = [] if feedback_report is None else feedback_report
        self.original = original
        self.content_type = content_type
        self.report_type = report_type
        self.defects = [] if defects is None else defects
        self._decoded = {}
        self.memo = {}
        self._joined = {}
        self._words_left = MAX_WORDS_CHARS
        # (the loader's parts index their headers while they are parsed: the message's index is
        # reused, not made again; the list is copied, as raw_items copies it)
        headers: list[tuple[str, Any]] = list(message._headers)  # type: ignore[attr-defined]
        self._headers = headers
        if isinstance(message, Part):
            first = message.first_fields()
        else:
            first = {pair[0].lower(): pair for pair in reversed(headers)}
        self._first = first
        # (no name repeated, as in nearly half the messages: nothing to group)
        self._repeats = {} if len(first) == len(headers) else None

    def __repr__(self) -> str:
        return f"Mail(subject={self.subject!r}, content_type={self.content_type!r}, defects={self.defects!r})"

    def decode(self, value: object) -> str:
        """A header value as decode_header_value reads it, within the message's allowance for
        encoded words (past it they are left as they are, and a defect says so)."""
        if isinstance(value, str) and "=?" not in value:
            # (a plain ASCII value on one line without runs of blanks, most of them, is its text
            # stripped: what decode_header_value gives, without the call. _header_lines holds the
            # same test inline, since a call per value costs more than the test: change both)
            if (
                value.isascii()
                and len(value) <= MAX_HEADER_CHARS
                and "\n" not in value
                and "\r" not in value
                and "\t" not in value
                and "  " not in value
            ):
                return value.strip()
            return decode_header_value(value)  # no encoded word: cheap
        self._words_left -= min(len(str(value)), MAX_HEADER_CHARS)
        if self._words_left >= 0:
            return decode_header_value(value)
        if WORDS_LEFT_UNDECODED not in self.defects:
            self.defects.append(WORDS_LEFT_UNDECODED)
        return decode_header_value(value, words=False)

    def headers(self, name: str) -> list[str]:
        """Every value of a header of the message, decoded (cached)."""
        return list(self._values(name))

    def header(self, name: str) -> str:
        """One header of the message, decoded; empty when absent."""
        values = self._values(name)
        return values[0] if values else ""

    def _values(self, name: str) -> list[str]:
        """The cached decoded values (not to be changed by the caller)."""
        key = name.lower()
        found = self._decoded.get(key)
        if found is None:
            pairs = self._pairs(key)
            if pairs:
                # what Message.get_all hands back: each value through the policy (compat32 hands
                # an ASCII value back as it is: no call)
                policy = self.message.policy
                fetch = policy.header_fetch_parse
                plain = policy is _COMPAT32
                found = [
                    self.decode(v if plain and type(v) is str and v.isascii() else fetch(k, v))
                    for k, v in pairs
                ]
            else:
                found = []
            self._decoded[key] = found
        return found

    def _pairs(self, key: str) -> list[tuple[str, Any]] | tuple[tuple[str, Any], ...]:
        """The raw (name, value) pairs of header `key` (lower-cased), in the message's order."""
        pair = self._first.get(key)
        if pair is None:
            return ()
        repeats = self._repeats
        if repeats is None:
            repeats = self._repeats = self._group_repeats()
        return repeats.get(key) or (pair,)

    def _group_repeats(self) -> dict[str, list[tuple[str, Any]]]:
        """The pairs of each header that the message has more than once, by lower-cased name."""
        first = self._first
        repeats: dict[str, list[tuple[str, Any]]] = {}
        for pair in self._headers:
            key = pair[0].lower()
            head = first[key]
            if head is not pair:
                found = repeats.get(key)
                if found is None:
                    repeats[key] = [head, pair]
                else:
                    found.append(pair)
        return repeats

    def may_hold(self, name: str, needles: tuple[str, ...], *, ignore_case: bool = False) -> bool:
        """Whether a decoded value of header `name` may contain one of `needles` (strings without
        white space; lower-case ones when `ignore_case`), told from the raw values without decoding
        them: decoding a plain ASCII value only collapses its white space. A value that is not
        plain ASCII (8-bit, encoded words) cannot be told apart: True."""
        for _k, v in self._pairs(name.lower()):
            if not (isinstance(v, str) and v.isascii()) or "=?" in v:
                return True
            text = v.replace("\r", "") if "\r" in v else v  # (the decoder drops CRs first)
            if ignore_case:
                text = text.lower()
            for needle in needles:  # (a plain loop: no generator per value)
                if needle in text:
                    return True
        return False

    def plain_values(self, name: str) -> str | None:
        """The values of header `name` as written, joined by line breaks and without CRs, in which
        a string without white space is found where may_hold would find it (cached); None when a
        value is not plain ASCII (8-bit, encoded words): it may hold anything."""
        key = name.lower()
        if key in self._joined:
            return self._joined[key]
        values = [v for _k, v in self._pairs(key)]
        joined: str | None = None
        # (a plain loop: all() made a generator per name, left suspended at a value not plain)
        for v in values:
            if not (isinstance(v, str) and v.isascii() and "=?" not in v):
                break
        else:
            joined = "\n".join(values).replace("\r", "")
        self._joined[key] = joined
        return joined

    def raw_header(self, name: str) -> Any:
        """The first value of a header as Message.get returns it (not decoded), or None."""
        pair = self._first.get(name.lower())
        if pair is None:
            return None
        k, v = pair
        policy = self.message.policy
        if isinstance(v, str) and v.isascii() and policy is _COMPAT32:
            return v  # (what compat32's header_fetch_parse hands back for it: no call)
        return policy.header_fetch_parse(k, v)

    def has_header(self, name: str) -> bool:
        return name.lower() in self._first

    def header_names(self) -> KeysView[str]:
        """The message's header names, lower-cased: `in` answers has_header without a call (a set
        view: the MTA prefilter intersects it with its marker headers in one call)."""
        return self._first.keys()

    def original_header(self, name: str) -> str:
        if self.original is None:
            return ""
        value = self.original.get(name)
        return self.decode(value) if value is not None else ""


def blank_line(text: str) -> int:
    r"""Where the first match of `\r?\n\r?\n` in `text` starts (a line break, then an empty
    line), or -1: the first LF followed by an LF or a CRLF, or the CR before it. Searches for fixed
    strings, where the pattern (no fixed first character) is tried at every position."""
    lf = text.find("\n\n")
    crlf = text.find("\n\r\n", 0, len(text) if lf < 0 else lf + 2)  # (only one that starts sooner)
    first = lf if crlf < 0 else crlf
    if first < 0:
        return -1
    return first - 1 if first and text[first - 1] == "\r" else first


def parse_header_block(data: str) -> Message:
    """The headers at the start of `data`, read as the email package reads them (compat32,
    headers only: the rest is the payload)."""
    return parse_headers(data)


def _headers_only(text: str) -> Message:
    """Parse only the header block of an attached original."""
    end = blank_line(text)
    head = text[:end] if end >= 0 else text
    return parse_header_block(head + "\n\n")


def parser_error(where: str, exc: BaseException) -> str:
    """The defect that reports an exception of ours, caught so that the message is still read:
    a bug, never a property of the input (the tests look for it)."""
    return f"{PARSER_ERROR}: {where}: {type(exc).__name__}"


def readable(raw: bytes) -> bytes:
    """`raw` as a message's text is read: without NUL bytes in its body, and with the line breaks of
    a message written with a CR alone (classic Mac OS mail software) as LFs.

    RFC 5321 and 5322 forbid NUL in a message, yet broken relays and Windows tools leave some in
    a report (a NUL before "Action: failed"): one before a field's name hid the field from every reader,
    so they are dropped (NUL is no character of any text; a binary attachment is never read). A
    message with no LF at all but CRs has lone CRs for its line breaks: the email package reads
    them as such, but the readers of a report's text (its fields, the MTA detectors) split lines
    at LFs."""
    # (bytes searched for as ints: `b"\x00" in raw` first tries its argument as an int, and the
    # TypeError it raises and clears cost more than the search)
    if 10 not in raw and 13 in raw:  # (the search for an LF ends at the first line's end)
        raw = raw.replace(b"\r", b"\n")
    if 0 in raw:
        # (in the body only: a NUL in a header's parameter, charset="\0", is the header parser's
        # to read, and without it the name would be an empty one that the email package reads
        # as no codec)
        head = raw.find(b"\n\n")
        crlf = raw.find(b"\n\r\n")
        if 0 <= crlf < head or head < 0:
            head = crlf
        if head >= 0:
            raw = raw[:head] + raw[head:].replace(b"\x00", b"")
    return raw


def load(raw: bytes) -> Mail:
    """Load raw bytes into a Mail. Never raises."""
    try:
        msg, cuts = parse_bytes(raw)
    except Exception as exc:
        return Mail(message=Message(), defects=[parser_error("loader", exc)])
    mail = Mail(message=msg, defects=cuts)
    try:
        _fill(mail, msg)
    except Exception as exc:
        mail.defects.append(parser_error("loader", exc))
    return mail


def _content_type(msg: Message, value: Any) -> str:
    """Message.get_content_type() given the message's Content-Type value (None when absent)."""
    if value is None:
        return msg.get_default_type()
    ctype = str(value).partition(";")[0].strip().lower()
    if "(" in ctype:
        ctype = without_comment(ctype)
    return ctype if ctype.count("/") == 1 else "text/plain"


def _fill(mail: Mail, msg: Message) -> None:
    # (the header index answers what msg.get would, without a scan of the header list each time)
    subject = mail.raw_header("Subject")
    mail.subject = mail.decode("" if subject is None else subject)
    sender = mail.raw_header("From")
    mail.from_ = mail.decode("" if sender is None else sender)
    content_type = mail.raw_header("Content-Type")
    mail.content_type = _content_type(msg, content_type)
    # get_param scans and parses the whole header list: ask only when the parameter is there.
    if not msg.is_multipart():
        content_type = None
    if content_type is not None and "report-type" in str(content_type).lower():
        mail.report_type = msg.get_param("report-type") or ""  # type: ignore[assignment]
    else:
        mail.report_type = ""
    if not isinstance(mail.report_type, str):
        mail.report_type = ""
    mail.report_type = mail.report_type.lower()

    walker = _Walk(mail)
    walker.walk(msg, 0)
    if mail.report_type == "feedback-report" and mail.delivery_status and not mail.feedback_report:
        # (the parts say what a report is when its label says otherwise: a relay or a home-made
        # bounce generator that copies a template's Content-Type labels its DSN a feedback
        # report, which made it a complaint)
        mail.report_type = "delivery-status"
    chunks, html_chunks = walker.chunks, walker.html_chunks
    if html_chunks and not any(c.strip() and not c.startswith(ORIGINAL_MARKER) for c in chunks):
        # (the message's own words are only in HTML: a provider's HTML-only notice over the
        # original it returns; the original's copy is no text of the message's own)
        chunks = [html_to_text(html) for html in html_chunks] + chunks
        if "&#64;" in mail.from_:
            # (an archive's HTML rendering of the message: every "@" as a character reference,
            # the From's too; the body's are read back by html_to_text)
            mail.from_ = mail.from_.replace("&#64;", "@")
    text = "\n".join(chunks)
    if "\r" in text:  # (a search for one character: each replace scans the text for its own)
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if len(text) > MAX_TEXT_CHARS:
        mail.defects.append("body text truncated")
        text = text[:MAX_TEXT_CHARS]
    if " at " in mail.from_ and "@" not in mail.from_:
        # (a list archive's copy with its addresses masked: read them as addresses)
        mail.from_ = unmasked(mail.from_)
        text = unmasked(text)
    mail.text = text


# An address as Mailman's pipermail archive masks it ("MAILER-DAEMON at mx.example.org", "<a.b at
# example.org>"), where it stands as an address: first on its line (an indented list of failed
# recipients, a From value), inside angle brackets, after a report field's "rfc822;", or as the
# object of "to"/"for" in a report's sentence (Gmail's "wasn't delivered to a at b because",
# Exchange's "Your message to a at b couldn't be delivered"). (Not anywhere: prose says "received
# at mx.example.org".) Read only in a message whose own From is
# masked so: the archive masks every address of a message it renders.
_MASKED_ADDRESS = patterncode.compile(
    r"(^[ \t]*|<|rfc822;[ \t]*|\b(?:to|for) )([\w.%+=-]{1,64}) at ((?:[a-z0-9-]{1,63}\.){1,8}[a-z]{2,63})(?=[>\s:;,)]|$)",
    re.IGNORECASE | re.MULTILINE,
)


def unmasked(text: str) -> str:
    """`text` with the addresses a list archive masked as "local at domain" written back with "@"."""
    return _MASKED_ADDRESS.sub(r"\1\2@\3", text) if " at " in text else text


# The parts the loader's walk reads for what they are: the report parts and an attached original.
_DELIVERY_STATUS = "delivery-status"
_FEEDBACK_REPORT = "feedback-report"
_ORIGINAL = "original"
_PART_KINDS = {
    "message/delivery-status": _DELIVERY_STATUS,
    "message/global-delivery-status": _DELIVERY_STATUS,
    "message/feedback-report": _FEEDBACK_REPORT,
    "message/rfc822": _ORIGINAL,
    "message/global": _ORIGINAL,
    "text/rfc822-headers": _ORIGINAL,
    # (the header block under the message/ type: Microsoft's JMRP and some FBL relays label it so;
    # the email package reads it as a message, like message/rfc822)
    "message/rfc822-headers": _ORIGINAL,
    "message/global-headers": _ORIGINAL,  # RFC 6533: an internationalised original's header block
    "text/rfc822": _ORIGINAL,
    "message/partial": _ORIGINAL,
    # (a mail client's or webmail's forward "as attachment" types the .eml file so; the email
    # package reads any message/ type as a message)
    "message/x-eml": _ORIGINAL,
}


class _Walk:
    """The loader's walk over the parts of a message: the report parts, the attached original and
    the text to read. (A method, not a function nested in _fill that calls itself through its
    closure: that is a reference cycle, which kept each message, its parts and the Mail alive
    until the collector's next pass, which then traced them all.)"""

    __slots__ = ("chunks", "html_chunks", "mail", "parts_seen")

    def __init__(self, mail: Mail) -> None:
        self.mail = mail
        self.chunks: list[str] = []
        self.html_chunks: list[str] = []  # (the markup of each text/html part, as it came)
        self.parts_seen = 0

    def walk(self, part: Message, depth: int) -> None:
        mail = self.mail
        self.parts_seen += 1
        if self.parts_seen > MAX_PARTS or depth > 8:
            if "too many parts" not in mail.defects:
                mail.defects.append("too many parts")
            return
        ctype = part.get_content_type()
        kind = _PART_KINDS.get(ctype)  # (one lookup: most parts are none of these)
        if kind is not None:
            if kind is _ORIGINAL:
                encoded = _encoded_original(part)
                head = _original_head(part, mail.decode) if encoded is None else encoded
                if not head:  # (an original with no header block: maybe it spilled into the part's)
                    encoded = _spilled_block(part, mail.decode)
                    head = encoded or head
                if mail.original is None:
                    inner = part.get_payload() if part.is_multipart() else None  # (as _original_head)
                    if encoded is not None:
                        mail.original = _headers_only(encoded)
                    elif isinstance(inner, list) and inner and isinstance(inner[0], Message):
                        mail.original = inner[0]  # already parsed by the email package: reuse it
                    else:
                        mail.original = _headers_only(head)
                self.chunks.append(ORIGINAL_MARKER + "\n\n" + head)
                return
            text = report_text(part, mail.decode)
            (mail.delivery_status if kind is _DELIVERY_STATUS else mail.feedback_report).append(text)
            self.chunks.append(text)
            return
        # (a multipart's payload is its list of parts: what is_multipart asks and get_payload gives)
        payload = part._payload  # type: ignore[attr-defined]  # (as stored; every Message has one)
        if isinstance(payload, list):
            for sub in payload:
                if isinstance(sub, Message):
                    self.walk(sub, depth + 1)
            return
        if ctype == "text/html":
            # (made text only when the message has no other text to read: that is rare, and the
            # markup's patterns cost more than the rest of loading the message)
            self.html_chunks.append(payload_text(part))
            return
        # (a content type has one "/": get_content_type makes any other text/plain)
        if ctype.startswith(("text/", "message/")) or (ctype == "application/octet-stream" and depth == 0):
            text = payload_text(part)
            self.chunks.append(text)
            if depth and text[:1] in _OPENING_FIRST and opens_as_delivery_status(text):
                mail.delivery_status.append(text)
        elif ctype == "application/octet-stream":
            report = _generic_delivery_status(part)
            if report is not None:
                mail.delivery_status.append(report)
                self.chunks.append(report)
        elif ctype == "application/json" and depth and ATTACHED_JSON not in mail.memo:
            # (a document a relay attaches: parsers.fbl reads it as the text of one it mails)
            mail.memo[ATTACHED_JSON] = payload_text(part)


# The fields a delivery-status part opens with: its per-message fields (RFC 3464 2.2), or a
# recipient's when the MTA wrote none. (Lower-cased: a field's name is case-blind.)
_REPORT_OPENINGS = frozenset(
    {"original-envelope-id", "reporting-mta", "dsn-gateway", "received-from-mta", "arrival-date"}
    | {"final-recipient", "original-recipient"}
)

# What such a part's text may start with (a cheap test before the call: a notice starts with its
# prose, "This is the mail system", "Your message")
_OPENING_FIRST = frozenset("RrOoFfAaDd \t\r\n")


def opens_as_delivery_status(text: str) -> bool:
    """Whether a text part of a multipart is a delivery-status part under a text type: its first
    line is one of a report's opening fields and a recipient field follows (Exchange 2000/2003,
    old Domino and some relays type the machine-readable part text/plain; a list archive or a
    gateway re-types it so). A person's notice never opens with a report field: it is left to the
    text readers."""
    # (the first line's name from a short slice: most parts are prose, and a copy of the head
    # of each cost more than the test)
    name = text[:80].lstrip()[:21].partition(":")[0].rstrip(" \t").lower()
    return name in _REPORT_OPENINGS and DSN_RECIPIENT_FIELD.search(text, 0, GENERIC_REPORT_HEAD) is not None


# A delivery-status part is a few KB: a larger attachment is not decoded to look for one, and a
# smaller one is decoded whole only when its opening names a recipient as a DSN does (the
# per-message fields and the first recipient's come first).
MAX_GENERIC_REPORT = 64 * 1024
GENERIC_REPORT_HEAD = 4096


def _generic_delivery_status(part: Message) -> str | None:
    """The text of an attachment typed as a generic file (application/octet-stream, often named
    "details.txt" or "ATT00002.dat") that holds RFC 3464 recipient fields: relays, virus scanners
    and list archives that re-type a report's parts leave its delivery-status part so. None for
    any other attachment."""
    payload = part._payload  # type: ignore[attr-defined]
    if not isinstance(payload, str) or len(payload) > MAX_GENERIC_REPORT:
        return None
    kind = _transfer_encoding(part)
    head = payload[:GENERIC_REPORT_HEAD]
    if kind in _TRANSFER_ENCODINGS:
        head = _transfer_decoded(head, kind) or ""
    return payload_text(part) if DSN_RECIPIENT_FIELD.search(head) else None


def _header_lines(block: Message, decode: Callable[[object], str]) -> str:
    """The header block of a parsed message as `Name: decoded value` lines."""
    raw = getattr(block, "_headers", None)
    if block.policy is not _COMPAT32 or not isinstance(raw, list):
        return "\n".join(f"{k}: {decode(v)}" for k, v in block.items())
    # compat32 hands a value back as stored unless it holds surrogate escapes (8-bit bytes): an
    # ASCII value skips that check.
    fetch = block.policy.header_fetch_parse
    lines = []
    for k, v in raw:
        if isinstance(v, str) and v.isascii():
            # (Mail.decode's plain-value test, inline: a call per value costs more than the test.
            # A value past MAX_HEADER_CHARS goes the full way: it is cut there, as every header
            # value the parser reads is)
            if "=?" in v or "\n" in v or "\r" in v or "\t" in v or "  " in v or len(v) > MAX_HEADER_CHARS:
                lines.append(f"{k}: {decode(v)}")
            else:
                lines.append(f"{k}: {v.strip()}")  # what decode_header_value gives, without the call
        else:
            lines.append(f"{k}: {decode(fetch(k, v))}")
    return "\n".join(lines)


def _indented_lines(block: Message) -> str:
    """The lines of a header-less block of a report part that the email package read as
    continuations of no field (FirstHeaderLineIsContinuationDefect: some old gateways and list
    managers wrote, or quoted, every line of a delivery-status part indented, "    Final-Recipient:
    RFC822; a@b"), with the indentation common to them taken off: as if written flush left, where
    a field name opens its line."""
    lines = [
        getattr(d, "line", "").rstrip("\r\n")
        for d in block.defects
        if isinstance(d, FirstHeaderLineIsContinuationDefect)
    ]
    cut = min((len(line) - len(line.lstrip(" \t")) for line in lines if line.strip()), default=0)
    text = "".join(f"{line[cut:]}\n" for line in lines)
    if not text.isascii():
        # (the lines as the parser read the bytes, 8-bit ones held as surrogate escapes: a UTF-8
        # or legacy-charset diagnostic read as text, as the other blocks' values are)
        text = decode_bytes(text.encode("utf-8", "surrogateescape"))
    return text


def report_text(part: Message, decode: Callable[[object], str]) -> str:
    """Text of a report part (delivery-status, feedback-report), wherever it sits: the email
    package may have parsed it into header blocks, or left it transfer-encoded."""
    payload = part.get_payload()
    if isinstance(payload, list):
        encoded = _encoded_report(part, payload)
        if encoded is not None:
            return encoded
        blocks = []
        for block in payload:
            if isinstance(block, Message):
                if block.defects and not block._headers and not block._payload:  # type: ignore[union-attr]
                    # (a block whose every line is indented: the email package keeps its lines
                    # only as defects, each a continuation of no field)
                    blocks.append(_indented_lines(block))
                    continue
                blocks.append(_header_lines(block, decode))
                # message/global-delivery-status is parsed as one message: the recipient
                # blocks are left in its body (UTF-8 per RFC 6533, held as surrogate escapes)
                # (a block with no body at all, each block of a delivery-status part, has no text:
                # nothing to decode, whatever its transfer encoding or charset says; the empty body,
                # most blocks', is tested first: a comparison costs less than is_multipart's call)
                if block._payload != "" and not block.is_multipart():  # type: ignore[union-attr]
                    rest = payload_text(block)
                    if rest.strip():
                        blocks.append(rest)
        text = "\n\n".join(blocks)
        if not text or text.isspace():
            # (a report part whose fields spilled into its own headers reads as nothing)
            return _spilled_block(part, decode) or text
        return text
    return payload_text(part)


# How much of a transfer-encoded original is decoded: its header block is near the start.
MAX_ENCODED_ORIGINAL = 128 * 1024

_TRANSFER_ENCODINGS = ("base64", "quoted-printable")


def _transfer_encoding(part: Message) -> str:
    """The part's Content-Transfer-Encoding, lower case ("" when it has none)."""
    cte = part.get("Content-Transfer-Encoding")
    return str(cte).strip().lower() if cte is not None else ""


def _as_written(block: Message, body: str) -> str:
    """A block the email package parsed as a message, put back as it was written: its header
    lines, then its body. Quoted-printable soft line breaks cut lines anywhere: the email package
    stops reading headers at the first header-less line and makes it the body's first line, with
    no blank line before it (MissingHeaderBodySeparatorDefect)."""
    if not block.keys():
        return body
    head = "\n".join(f"{k}: {v}" for k, v in block.raw_items())
    if not body:
        return head
    cut = any(isinstance(defect, MissingHeaderBodySeparatorDefect) for defect in block.defects)
    return head + ("\n" if cut else "\n\n") + body


def _transfer_decoded(text: str, kind: str) -> str | None:
    """Text sent base64 or quoted-printable, decoded; None when it does not decode."""
    try:
        if kind == "base64":
            packed = "".join(text.split())
            data = binascii.a2b_base64(packed[: len(packed) - len(packed) % 4])
        else:
            data = binascii.a2b_qp(text.encode("utf-8", "surrogateescape"))
    except (binascii.Error, ValueError):
        return None
    return decode_bytes(data).replace("\r\n", "\n")


def _encoded_report(part: Message, blocks: Iterable[object]) -> str | None:
    """The text of a report part (delivery-status, feedback-report) sent base64 or
    quoted-printable, decoded; None for any other part. The email package parses a message/*
    part into header blocks whatever its transfer encoding: base64 text becomes one block's
    body (NetEase's DMARC failure reports, some relays' delivery reports); quoted-printable
    keeps its soft line breaks ("=" ending a line) and =3D/=20 escapes in the field values."""
    kind = _transfer_encoding(part)
    if kind not in _TRANSFER_ENCODINGS:
        return None
    written = []
    for block in blocks:
        if isinstance(block, Message):
            body = block.get_payload()
            if kind == "base64" and block.keys():
                return None  # read as fields: it was not base64 after all
            written.append(_as_written(block, body if isinstance(body, str) else ""))
    return _transfer_decoded("\n\n".join(written), kind)


def _encoded_original(part: Message) -> str | None:
    """The header block of an original attached as message/* but transfer-encoded in base64 or
    quoted-printable (RFC 2046 forbids it; webmail forwards "as attachment" and some feedback
    loops send it): the email package reads the encoded text as the message itself, a message
    with no headers. None for any other part."""
    kind = _transfer_encoding(part)
    if kind not in _TRANSFER_ENCODINGS:
        return None
    payload = part.get_payload()
    inner = payload[0] if isinstance(payload, list) and payload else None
    if not isinstance(inner, Message):
        return None
    body = inner.get_payload()
    if not isinstance(body, str):
        return None
    # Read as a message with headers: it was not encoded after all, unless quoted-printable soft
    # line breaks cut a header line (the original's To and Message-ID left in the body).
    if inner.keys() and (kind != "quoted-printable" or not inner.defects):
        return None
    decoded = _transfer_decoded(_as_written(inner, body)[:MAX_ENCODED_ORIGINAL], kind)
    if decoded is None:
        return None
    end = blank_line(decoded)
    return decoded[:end] if end >= 0 else decoded


def _spilled_block(part: Message, decode: Callable[[object], str]) -> str | None:
    """The first block of a message/* part that the email package read as the part's own headers,
    as `Name: value` lines; None when there is none. A line of blanks is no blank line to it, but
    it is a continuation line: a relay or mail store that writes the part's separator as " " (a
    DMARC failure report passed through Domino) joins the report's fields, or the original's
    headers, to the part's MIME headers and leaves an empty or header-less message after them.
    What follows the part's leading MIME fields (Content-*, MIME-Version) is that block."""
    payload = part.get_payload() if part.is_multipart() else None  # (as _original_head)
    inner = payload[0] if isinstance(payload, list) and len(payload) == 1 else None
    if not isinstance(inner, Message) or inner.keys():
        return None
    items = part.items()
    first = 0
    while first < len(items) and items[first][0].lower().startswith(("content-", "mime-version")):
        first += 1
    return "\n".join(f"{k}: {decode(v)}" for k, v in items[first:]) or None


def _original_head(part: Message, decode: Callable[[object], str]) -> str:
    """The header block of an attached original, as text."""
    # (a text payload is read by payload_text alone: get_payload would decode 8-bit text again with
    # the part's charset name, and raise on a name holding a NUL)
    if part.is_multipart():
        payload = part.get_payload()
        if isinstance(payload, list) and payload and isinstance(payload[0], Message):
            return _header_lines(payload[0], decode)
    text = payload_text(part)
    end = blank_line(text)
    return text[:end] if end >= 0 else text[: 64 * 1024]
