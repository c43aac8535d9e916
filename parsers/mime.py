"""The MIME parse of a returned message: the tree the email package builds (compat32), made by
splitting the text ourselves and bounded in work.

The email package's FeedParser reads a message line by line and tries the pattern of every
enclosing boundary on every line; it compiles that pattern from the boundary (half a millisecond,
never reused: boundaries are unique), which was a third of a `bounceback parse`. Here each part's
header block is read by the email package's own HeaderParser, and bodies are split on boundary
lines found with str.find (see _Splitter). The cost grows with the text, the parts and the nesting
(each level searches its own boundary); some inputs cost more than their size, so, each cut
reported as a defect:

- at most MAX_LINES lines are parsed;
- the message is cut before the line that declares its (MAX_CONTAINERS + 1)th multipart/* or
  message/* part, which bounds the nesting (about one frame a level);
- parsing stops before part MAX_PARTS + 1 (the rest of the message is cut off), and a part keeps
  its first MAX_HEADERS headers (each header lookup scans them all);
- a boundary longer than MAX_BOUNDARY is not split on (RFC 2046 allows 70 characters; a 5 MB one
  took the email package 11 s and 870 MB), and a header's parameters are read from its first
  MAX_PARAMS_CHARS characters (the email package counts quotes again for every semicolon).

Within those bounds the tree is what `email.message_from_bytes` makes of the message.
"""

from __future__ import annotations

import email.errors
import email.parser
import itertools
import re
from email.message import Message

from parsers import patterncode

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, NamedTuple
else:
    from parsers.typenames import NamedTuple

MAX_LINES = 100_000  # a 7 MB base64 attachment; the reports come before any attachment
MAX_CONTAINERS = 32  # a report, its original and the original's own parts need under ten
MAX_PARTS = 1000  # parts and delivery-status blocks (one per recipient)
MAX_HEADERS = 1000  # of one part (a long Received chain is a hundred)
MAX_BOUNDARY = 200  # RFC 2046: at most 70; some slack for the software that ignores that
MAX_PARAMS_CHARS = 4096

# compat32, the email package's default policy, which every Message has unless told otherwise
# (from there: importing email.policy loads the header registry, 5% of a `bounceback parse`'s start-up)
_COMPAT32 = Message().policy
# (compiled on first need, by re's own cache: only a message past MAX_LINES or MAX_CONTAINERS is
# searched with them, and compiling both cost every process 1 M instructions of its start-up)
_LINE_BREAK = rb"\r\n|\r|\n"  # (the parser's own line breaks)
_CONTAINER = rb"content-type:\s*(?:multipart|message)/"  # (in lower case)
_LINE_BREAK_TEXT = patterncode.compile(r"\r\n|\r|\n")
# A header field of a block of header lines (a line with a colon, then its continuation lines) as
# compat32's header_source_parse reads it: the name is what comes before the first colon; the
# value, the rest of the field's lines with the blanks after the colon and the final line break
# taken off (possessive: see _HEADER_BLOCK).
_HEADER_PAIR = patterncode.compile(
    r"([^\r\n:]*):[ \t]*+([^\r\n]*+(?:(?:\r\n|\r|\n)[ \t][^\r\n]*+)*+)(?:\r\n|\r|\n|\Z)"
)
# The lines that email.feedparser takes for headers: each a Unix From, a name and a colon, or a
# continuation (its headerRE), up to the first line that is not one (possessive: a repeated group
# otherwise keeps a backtracking frame per line, 30 times the size of 1 MB of headers).
_HEADER_BLOCK = patterncode.compile(r"(?:(?:From |[\041-\071\073-\176]*:|[\t ])[^\r\n]*(?:\r\n|\r|\n|\Z))*+")
# The same two for a text in which every CR starts a CRLF (or there is none), where a line runs to
# its LF: `[^\n]` is a single-character test in the regex engine, `[^\r\n]` a set looked up per
# character (these two patterns were a fifth of loading a message). A value then keeps the CR of
# its line break, taken off after.
_HEADER_PAIR_LF = patterncode.compile(r"([^\r\n:]*):[ \t]*+([^\n]*+(?:\n[ \t][^\n]*+)*+)(?:\n|\Z)")
_HEADER_BLOCK_LF = patterncode.compile(r"(?:(?:From |[\041-\071\073-\176]*:|[\t ])[^\n]*(?:\n|\Z))*+")
# The header fields of a text in which a line runs to its LF, read in one pass (see _read_fields):
# a name of the characters _HEADER_BLOCK allows (at least one), its value as _HEADER_PAIR_LF reads
# it; at the first line that is not such a field (the blank line, a continuation at the top, a
# Unix From line, a nameless or a misnamed line), the rest of the text as one match, whose empty
# name says the fields stopped there (O(1): a dot-all repeat jumps to the end). The name's set also
# holds a CR, which no name can end up with (a CR here starts a CRLF, and a name stops at the LF,
# where the colon is missing: the rest as one match, as without it): re compiles a set of three
# runs of characters to a bitmap, one test a character, and one of two runs to two range tests,
# a third more instructions (about 3 M over the dev corpus 5 times).
_FIELD_LF = patterncode.compile(
    r"([\r\041-\071\073-\176]++):[ \t]*+([^\n]*+(?:\n[ \t][^\n]*+)*+)\n?+|(?s:.++)"
)
# The same for a text whose every line break is a CRLF: a line runs to its CR (a single-character
# test as well), so that a value comes without the CR of its line break, not to be taken off after
# (a new string and a new pair for every field; with the one search for the blank line, about
# 2 M over the dev corpus 5 times).
_FIELD_CRLF = patterncode.compile(
    r"([\r\041-\071\073-\176]++):[ \t]*+([^\r]*+(?:\r\n[ \t][^\r]*+)*+)\r?+\n?+|(?s:.++)"
)


# How the header patterns read a text, by the line breaks it holds; `crs`: values may end with
# the CR of a CRLF (see _HEADER_PAIR_LF). (Its fields' types are given as objects, not as the
# strings a class body's annotations are in this module: typing compiles each string with
# compile(), and a process's first compile() sets up the AST types, 10 M instructions of a
# `bounceback parse`'s start-up.)
_Lines = NamedTuple("_Lines", [("block", re.Pattern[str]), ("pair", re.Pattern[str]), ("crs", bool)])


_ANY_BREAKS = _Lines(_HEADER_BLOCK, _HEADER_PAIR, False)
_LF_BREAKS = _Lines(_HEADER_BLOCK_LF, _HEADER_PAIR_LF, False)
_CRLF_BREAKS = _Lines(_HEADER_BLOCK_LF, _HEADER_PAIR_LF, True)
_CRLFS_ONLY = _Lines(_HEADER_BLOCK_LF, _HEADER_PAIR_LF, True)  # (and no bare LF: see _read_fields)


def _lines(text: str) -> _Lines:
    """The patterns for `text`'s line breaks (a few scans of it: cheaper than one regex pass)."""
    if "\r" not in text:
        return _LF_BREAKS
    crlfs = text.count("\r\n")
    if text.count("\r") == crlfs:
        return _CRLFS_ONLY if text.count("\n") == crlfs else _CRLF_BREAKS
    return _ANY_BREAKS


# a line break followed by an empty line (the blank line starts at the match's end): what
# _blank_line finds
_BLANK_LINE = r"(?:\r\n|\r(?!\n)|\n)(?=[\r\n])"


class OverlongBoundaryDefect(email.errors.MessageDefect):
    """A multipart's boundary is longer than MAX_BOUNDARY: the part is kept whole."""


class TooManyHeadersDefect(email.errors.MessageDefect):
    """A part has more than MAX_HEADERS headers: the rest are dropped."""


class Part(Message):
    """A Message that keeps at most MAX_HEADERS headers, whose parameters are read from a bounded
    prefix of their header and whose over-long boundary is not split on (the parser then keeps the
    body as one payload).

    It also answers `get` and `in` from an index of its headers by lower-cased name, built on the
    first lookup: Message scans and lower-cases every header name on each (the email package asks
    a part for its content type five times while parsing it, and every get_param scans three
    times). The content type is read once and remembered (the parser's delivery-status blocks,
    asked for nothing else, find it by a scan: see scanned_content_type). Each method that changes
    the headers (the others go through these) drops both.
    """

    # Message.__init__'s constant attributes, read from the class until a part sets its own: a part
    # is made for every MIME part and delivery-status block, and each attribute it holds is a store
    # when it is made and a release when it is freed. (Its attributes are read and set by name, not
    # through __dict__, here and in parsers.mail: asking an object for its __dict__ makes one, a
    # dict it keeps, through which every attribute is then looked up and which is freed with it;
    # with the call to Message.__init__ it cost 1.65% of a `bounceback parse`.)
    _unixfrom: str | None = None
    _charset: Any = None
    preamble: str | None = None
    epilogue: str | None = None
    _default_type = "text/plain"
    _headers: list[tuple[str, Any]]
    _payload: Any

    _dropped = False  # (a header past MAX_HEADERS was dropped)
    _index: dict[str, tuple[str, Any]] | None = None  # lower-cased name -> its first (name, value)
    _ctype: str | None = None  # (the content type read from the headers)
    # The text a report attached whole (a message/rfc822 part holding a multipart/report) was
    # read from, and where in it (from its first header to its end): it is read again from its
    # own text, not from the email package's re-writing of its tree, which turns a
    # delivery-status part's quoted-printable soft line break or indented lines into blank lines
    # (parsers.core, a report forwarded whole).
    source: tuple[str, int, int] | None = None

    def __init__(self, policy: Any = _COMPAT32, headers: list[tuple[str, Any]] | None = None) -> None:
        """A part without a payload, with `headers` (a list it keeps) or none: Message.__init__
        for the attributes that are not the class's (no call, and no list made to be replaced)."""
        self.policy = policy
        self._headers = [] if headers is None else headers
        self._payload = None
        self.defects: list[email.errors.MessageDefect] = []

    def _headers_index(self) -> dict[str, tuple[str, Any]]:
        # (built from the last header to the first, so that the first of a name is what stays; the
        # list read in place, as raw_items would copy it)
        index = {field[0].lower(): field for field in reversed(self._headers)}
        self._index = index
        return index

    def first_fields(self) -> dict[str, tuple[str, Any]]:
        """The first (name, value) of each header, as stored, by lower-cased name: the index that
        `get` reads (built once; not to be changed by the caller)."""
        index = self._index
        return index if index is not None else self._headers_index()

    def get(self, name: str, failobj: Any = None) -> Any:
        index = self._index
        if index is None:
            index = self._headers_index()
        found = index.get(name.lower())
        if found is None:
            return failobj
        value = found[1]
        if self.policy is _COMPAT32 and type(value) is str and value.isascii():
            return value  # (what compat32's header_fetch_parse hands back for it: no call)
        return self.policy.header_fetch_parse(*found)  # (as Message.get hands it back)

    def get_content_type(self) -> str:
        ctype = self._ctype
        if ctype is not None:
            return ctype
        index = self._index
        if index is None:
            index = self._headers_index()
        return self._content_type(index.get("content-type"))

    def scanned_content_type(self) -> str:
        """get_content_type, found by a scan (see _content_type_field) when the header index is
        not built yet: for a part that is asked nothing else (a delivery-status block, the last
        part of a multipart), where building the index would lower-case every name for one
        lookup."""
        ctype = self._ctype
        if ctype is not None:
            return ctype
        index = self._index
        if index is not None:
            return self._content_type(index.get("content-type"))
        return self._content_type(_content_type_field(self._headers))

    def _content_type(self, found: tuple[str, Any] | None) -> str:
        """The content type given the part's first Content-Type header (None: there is none)."""
        if found is None:
            return self.get_default_type()  # (not remembered: the default type may change)
        value = found[1]
        if not (self.policy is _COMPAT32 and type(value) is str and value.isascii()):
            value = self.policy.header_fetch_parse(*found)  # (as get hands it back)
        # (Message.get_content_type, inlined: the value before any ";", stripped, lower-cased,
        # and text/plain unless it is one type and one subtype; and without the comment that
        # RFC 2045 allows after the type, "multipart/report (DSN);", which the email package keeps)
        ctype = str(value).partition(";")[0].strip().lower()
        if "(" in ctype:
            ctype = without_comment(ctype)
        if ctype.count("/") != 1:
            ctype = "text/plain"
        self._ctype = ctype
        return ctype

    def __contains__(self, name: str) -> bool:
        index = self._index
        if index is None:
            index = self._headers_index()
        return name.lower() in index

    def set_raw(self, name: str, value: Any) -> None:
        self._index = self._ctype = None
        if len(self) < MAX_HEADERS:
            super().set_raw(name, value)
        elif not self._dropped:
            self._dropped = True
            self.defects.append(TooManyHeadersDefect(f"kept the first {MAX_HEADERS}"))

    def __setitem__(self, name: str, val: Any) -> None:
        super().__setitem__(name, val)
        self._index = self._ctype = None  # (after: the change itself may look headers up)

    def __delitem__(self, name: str) -> None:
        super().__delitem__(name)
        self._index = self._ctype = None  # (after: the change itself may look headers up)

    def add_header(self, _name: str, _value: str, **_params: Any) -> None:
        super().add_header(_name, _value, **_params)
        self._index = self._ctype = None  # (after: the change itself may look headers up)

    def replace_header(self, _name: str, _value: Any) -> None:
        super().replace_header(_name, _value)
        self._index = self._ctype = None  # (after: the change itself may look headers up)

    def set_boundary(self, boundary: str) -> None:
        super().set_boundary(boundary)
        self._index = self._ctype = None  # (after: the change itself may look headers up)

    def get_param(
        self, param: str, failobj: Any = None, header: str = "content-type", unquote: bool = True
    ) -> Any:
        value = self.get(header)
        found = _plain_param(value, param, failobj, unquote)
        if found is not _UNREAD:
            return found
        if value is None or (isinstance(value, str) and len(value) <= MAX_PARAMS_CHARS):
            return super().get_param(param, failobj, header, unquote)
        head = Message(policy=self.policy)
        head.set_raw(header, str(value)[:MAX_PARAMS_CHARS])
        return head.get_param(param, failobj, header, unquote)

    def get_content_charset(self, failobj: Any = None) -> Any:
        # (what Message.get_content_charset makes of a plain value, without its calls through
        # get_param: the parameter as _plain_param reads it, none if it is not ASCII, lower-cased;
        # the loader asks it of every text part with a charset, and the two calls cost 15 k
        # instructions)
        value = self.get("content-type")
        if value is None:
            return failobj
        charset = _plain_param(value, "charset", None, True)
        if charset is _UNREAD:
            return super().get_content_charset(failobj)
        if charset is None or not charset.isascii():
            return failobj
        return charset.lower()

    def get_boundary(self, failobj: Any = None) -> Any:
        # (what Message.get_boundary makes of a plain value, without its three calls: the
        # parameter, unquoted by collapse_rfc2231_value, which finds no quotes left and no angle
        # brackets in it, right-stripped)
        boundary = _plain_param(self.get("content-type"), "boundary", None, True)
        if boundary is not None and boundary is not _UNREAD:
            boundary = boundary.rstrip()
        if boundary is _UNREAD:
            boundary = super().get_boundary()
        if boundary is None:
            return failobj
        if len(boundary) > MAX_BOUNDARY:
            if not any(isinstance(d, OverlongBoundaryDefect) for d in self.defects):
                self.defects.append(OverlongBoundaryDefect(f"longer than {MAX_BOUNDARY} characters"))
            return failobj
        return boundary


def without_comment(ctype: str) -> str:
    """A content type without the RFC 822 comment written after it ("multipart/report (DSN)")."""
    return ctype.partition("(")[0].rstrip()


def _content_type_field(headers: list[tuple[str, Any]]) -> tuple[str, Any] | None:
    """The first Content-Type field of a header list, found by a scan (None: there is none). (A
    name that is not 12 characters long is not lower-cased: only U+0130 changes length when
    lower-cased, and it makes an "i".)"""
    for found in headers:
        name = found[0]
        if len(name) == 12 and name.lower() == "content-type":
            return found
    return None


_UNREAD = object()  # (a value or a piece _plain_param leaves to the email package)


def _plain_param(value: Any, param: str, failobj: Any, unquote: bool) -> Any:
    """What Message.get_param gives for a header `value`, or _UNREAD for a value it reads in
    another way than a split on ";" and "=": one that is not a string of at most MAX_PARAMS_CHARS
    characters, or holds escapes, RFC 2231 names (name*0*=...) or a value in angle brackets
    (which it unquotes). There each ";"-separated piece is `name=value` (the name stripped and
    lower-cased, the value stripped) or a bare name; a value in quotes comes back without them when
    `unquote`, and every parameter after the first comes back quoted otherwise. A piece with quotes
    anywhere else (a ";" between quotes, a quote in a name) is left to the email package, unless a
    piece before it is the one asked for: the pieces before it split the same."""
    # (three searches for one character each: a pattern for the three, which has no literal to
    # skip ahead to, tried its set at every character, six times the cost)
    if (
        type(value) is not str
        or len(value) > MAX_PARAMS_CHARS
        or "\\" in value
        or "*" in value
        or "<" in value
    ):
        return _UNREAD
    wanted = param.lower()
    # (each piece's quote test made once, its name lower-cased once, and the first piece told by a
    # flag, not by enumerate's pair: ~1 k instructions of a call's ~12 k)
    first = True
    for piece in value.split(";"):
        quoted = '"' in piece
        # (a piece with nothing to check and not the one asked for, whose name is in it, is passed)
        if quoted or wanted in piece.lower():
            name, equals, found = piece.partition("=")
            if equals:
                name, found = name.strip().lower(), found.strip()
            else:
                name, found = piece.strip().lower(), ""
            if quoted and (
                '"' in name or len(found) < 2 or found[0] != '"' or found[-1] != '"' or found.count('"') != 2
            ):
                return _UNREAD
            if name == wanted:
                if quoted:
                    return found[1:-1] if unquote else found
                return found if unquote or first else f'"{found}"'
        first = False
    return failobj


# (the part class is the parser's factory: every part it makes keeps the bounds above)
_HEADERS = email.parser.HeaderParser(Part, policy=_COMPAT32)
_PLAIN_HEADERS = email.parser.HeaderParser(policy=_COMPAT32)


def _cut_lines(raw: bytes, defects: list[str]) -> bytes:
    """The message up to its MAX_LINES-th line break."""
    if len(raw) <= MAX_LINES:
        return raw  # (fewer bytes than the cap: fewer line breaks too)
    breaks = raw.count(b"\n") + raw.count(b"\r") - raw.count(b"\r\n")
    if breaks <= MAX_LINES:
        return raw
    for count, found in enumerate(re.finditer(_LINE_BREAK, raw), 1):
        if count == MAX_LINES:
            defects.append(f"too many lines: parsed the first {MAX_LINES}")
            return raw[: found.end()]
    return raw  # (not reached: the count said there are more)


def _cut_containers(raw: bytes, defects: list[str]) -> bytes:
    """The message up to the line that declares its (MAX_CONTAINERS + 1)th container part."""
    # Each declaration ends with a "/" of its own (_CONTAINER): a message with at most
    # MAX_CONTAINERS of them declares no more. Counted by deleting them (up to one more than
    # that), which finds each with memchr: bytes.count tests every byte in a loop of its own, and
    # lower-casing the message below cost some 8 instructions a byte, 2% of a parse.
    if len(raw) - len(raw.replace(b"/", b"", MAX_CONTAINERS + 1)) <= MAX_CONTAINERS:
        return raw
    low = raw.lower()  # (a case-blind pattern searches several times slower)
    if low.count(b"content-type:") <= MAX_CONTAINERS:
        return raw
    for count, found in enumerate(re.finditer(_CONTAINER, low), 1):
        if count > MAX_CONTAINERS:
            start = max(raw.rfind(b"\n", 0, found.start()), raw.rfind(b"\r", 0, found.start())) + 1
            defects.append(f"too many multipart or message parts: parsed the first {MAX_CONTAINERS}")
            return raw[:start]
    return raw


class _TooManyParts(Exception):
    """Raised by the splitter when it is about to make part MAX_PARTS + 1, at `start`."""

    def __init__(self, start: int) -> None:
        super().__init__(start)
        self.start = start


class _Splitter:
    """The email package's tree of one message, made by splitting the text ourselves.

    The email package reads a message line by line and tries every enclosing boundary's pattern
    (compiled from the boundary: about half a millisecond each, and never reused) on every line.
    Here each part is cut out of the whole text by position: its header block goes to the email
    package's own HeaderParser, and the rest is split on the multipart's boundary lines found with
    str.find. What comes out is what `email.message_from_bytes` builds: the same parts, headers,
    payloads (the line break before a boundary belongs to the boundary), preambles, epilogues and
    defects, and a part ends at the first line that closes any part it is nested in.
    """

    def __init__(self, text: str, max_parts: int | None) -> None:
        self.text = text
        self.max_parts = max_parts
        self.made: list[Part] = []
        self.lines = _lines(text)

    def entity(self, lo: int, hi: int, digest: bool = False, block: bool = False) -> tuple[Part, Part]:
        """The part in text[lo:hi], and the part whose payload's last line break the enclosing
        multipart takes off (what the email package last finished: see `_strip_last`)."""
        if self.max_parts is not None and len(self.made) >= self.max_parts:
            raise _TooManyParts(lo)
        text = self.text
        fields = _read_fields(text, lo, hi, self.lines)
        if fields is None:
            pos = self.lines.block.match(text, lo, hi).end()  # type: ignore[union-attr]  # (matches "")
        else:
            pos = fields[0]
        body = pos
        missing_separator = False
        if pos < hi:
            first = text[pos]
            if first == "\n":  # the blank line that ends the headers
                body = pos + 1
            elif first == "\r":  # (a CR, maybe of a CRLF)
                body = pos + (2 if text.startswith("\r\n", pos) else 1)
            else:
                missing_separator = True
        left = ""
        if fields is not None:
            part = Part(_COMPAT32, fields[1])  # (what _set_headers gives them)
        else:
            part = Part(_COMPAT32)
            if pos > lo and not _set_headers(part, text[lo:pos], self.lines):
                part = _HEADERS.parsestr(text[lo:pos])
                # (a Unix From line last: the header parser's body, as stored: get_payload would
                # decode 8-bit text by the part's charset)
                left = part._payload
                part.set_payload([])  # (parts are attached or the text set below)
        self.made.append(part)
        if missing_separator:
            part.defects.insert(0, email.errors.MissingHeaderBodySeparatorDefect())  # (found first)
        if digest:
            part.set_default_type("message/rfc822")
        if left:
            # (the body is that line, then the text after the blank line: split as a text of its own)
            rest = _Splitter(left + text[body:hi], self.max_parts)
            rest.made = self.made
            try:
                return rest.body(part, 0, len(rest.text), block)
            except _TooManyParts:
                raise _TooManyParts(lo) from None
        return self.body(part, body, hi, block)

    def body(self, part: Part, body: int, hi: int, block: bool = False) -> tuple[Part, Part]:
        """Fill `part` from its body, text[body:hi] (see entity)."""
        text = self.text
        ctype = part.scanned_content_type() if block else part.get_content_type()
        if ctype == "message/delivery-status":
            return part, self.status_blocks(part, body, hi)
        maintype = ctype.partition("/")[0]
        if maintype == "message":
            inner, last = self.entity(body, hi)
            if inner._ctype == "multipart/report":  # (the type its parse read, or None: see Part)
                inner.source = (text, body, hi)
            part.attach(inner)
            return part, last
        if maintype == "multipart":
            self.multipart(part, body, hi)
            return part, part
        part._payload = text[body:hi]  # (what set_payload does with text, no charset)
        return part, part

    def status_blocks(self, part: Part, lo: int, hi: int) -> Part:
        """The header blocks of a delivery-status part, one part each (a blank line ends one).

        A block in the common shape (see _read_fields, which also finds the blank line that ends
        it: the block is read once) is a part with those headers and an empty body unless it has a
        Content-Type: what `entity` makes of it, without its steps for a part in any shape (a part is
        made for every recipient, and those steps and the second search for the blank line were
        about 10 k instructions of a block's 36 k). Any other block goes through `entity`."""
        text = self.text
        lines = self.lines
        made = self.made
        blocks = part._payload
        if blocks is None:
            blocks = part._payload = []  # (what attach does for the first)
        pos = lo
        while True:
            found = _read_fields(text, pos, hi, lines)
            if found is None:
                end = min(_blank_line(text, pos, hi, lines is not _LF_BREAKS), hi)
                block, last = self.entity(pos, end, False, True)
            else:
                end = found[0]
                if self.max_parts is not None and len(made) >= self.max_parts:
                    # (entity's cap, inline: a method for both cost every part a call, +0.1%)
                    raise _TooManyParts(pos)
                block = last = Part(_COMPAT32, found[1])
                made.append(block)
                if _content_type_field(found[1]) is None:
                    block._payload = ""  # (text/plain, the body empty: what `body` gives it)
                else:
                    block, last = self.body(block, end, end, True)
            blocks.append(block)
            if end >= hi:
                return last
            # (at `end`, a CR or an LF: the blank line)
            pos = end + (2 if text[end] == "\r" and text.startswith("\r\n", end) else 1)
            if pos >= hi:
                return last

    def multipart(self, part: Part, lo: int, hi: int) -> None:
        text = self.text
        boundary = part.get_boundary()
        if boundary is None:
            part.defects.append(email.errors.NoBoundaryInMultipartDefect())
            part.set_payload(text[lo:hi])
            return
        encoding = part.get("content-transfer-encoding", "8bit")
        if str(encoding).lower() not in ("7bit", "8bit", "binary"):
            part.defects.append(email.errors.InvalidMultipartContentTransferEncodingDefect())
        separator = "--" + boundary
        # The email package tries its pattern on one line at a time: a boundary that holds a line
        # break (a folded parameter) matches no line at all.
        lines = self.lines
        found = (
            None if "\n" in boundary or "\r" in boundary else _boundary_line(text, separator, lo, hi, lines)
        )
        if found is None or found[2]:  # no boundary, or a closing one first
            part.defects.append(email.errors.StartBoundaryNotFoundDefect())
            part.set_payload(text[lo : hi if found is None else found[0]])
            part.epilogue = ""
            return
        if found[0] > lo:
            part.preamble = _strip_line_break(text[lo : found[0]])
        digest = part.get_content_type() == "multipart/digest"
        while True:
            # (this boundary line and any that follow it at once)
            pos = found[1]
            # (the separator starts with a "-": most lines after a boundary line are told from
            # one by their first character, without a call)
            while pos < hi and text[pos] == "-" and text.startswith(separator, pos, hi):
                again = _boundary_at(text, separator, pos, hi, lines)
                if again is None:
                    break
                pos = again[1]
            found = _boundary_line(text, separator, pos, hi, lines)
            end = hi if found is None else found[0]
            sub, last = self.entity(pos, end, digest)
            part.attach(sub)
            _strip_last(last)
            if found is None:
                part.defects.append(email.errors.CloseBoundaryNotFoundDefect())
                return
            if found[2]:
                part.epilogue = text[found[1] : hi]
                return


def _set_headers(part: Message, block: str, lines: _Lines) -> bool:
    """Give `part` the headers of `block` (lines that are each a header or a continuation, the
    first maybe a Unix From line), as the email package's parser does: each header's lines through
    compat32's `header_source_parse`, then `set_raw`. False, with nothing set, for a block in a
    shape that the email package reads with a defect (a nameless line, a leading continuation, a
    Unix From line further down), or for another policy: it is left to HeaderParser."""
    if part.policy is not _COMPAT32 or part:
        return False
    start = 0
    if block.startswith("From "):
        line_break = _LINE_BREAK_TEXT.search(block)
        start = line_break.end() if line_break else len(block)
        if block[start : start + 1] in (" ", "\t"):
            return False  # (continued)
        unixfrom = block[: line_break.start()] if line_break else block
    # Every line after a line break starts a header or continues one: none may start with a blank
    # at the top, with a colon or with "From " ("\r\n:" holds "\n:").
    # (a lone CR breaks a line only in a text read with the patterns for any line break)
    lone_crs = lines is _ANY_BREAKS
    if block[start : start + 1] in (" ", "\t", ":") or "\n:" in block or (lone_crs and "\r:" in block):
        return False
    if "From " in block and ("\nFrom " in block or (lone_crs and "\rFrom " in block)):
        return False
    if start:
        part.set_unixfrom(unixfrom)
    if _at_most_fields(block, MAX_HEADERS):
        headers = lines.pair.findall(block, start)
    else:  # (no more than are kept: a megabyte of short headers is a list as big as itself)
        found = itertools.islice(lines.pair.finditer(block, start), MAX_HEADERS + 1)
        headers = [m.group(1, 2) for m in found]
    if lines.crs:
        headers = [(name, value.removesuffix("\r")) for name, value in headers]
    if len(headers) <= MAX_HEADERS:
        # (what set_raw does for each: append to the header list of a part that has none yet,
        # so there is no index to drop)
        part._headers.extend(headers)  # type: ignore[attr-defined]
        return True
    for name, value in headers[: MAX_HEADERS + 1]:
        part.set_raw(name, value)  # (past MAX_HEADERS a header is dropped: it is only looked at)
    return True


def _read_fields(text: str, lo: int, hi: int, lines: _Lines) -> tuple[int, list[tuple[str, str]]] | None:
    """The end of the header block at text[lo:hi] and its fields, as the block pattern and
    _set_headers find them, for the common shape: lines that each are a field or continue one,
    up to a blank line or `hi`. None for any other (a Unix From line, a nameless or misnamed line,
    a leading continuation, a missing blank line, lone CRs, more than MAX_HEADERS lines): the
    caller reads those the exact way. (One pattern pass; the block pattern and the pair pattern
    were two, each about half of loading a message's cost in the regex engine.)"""
    if lines is _ANY_BREAKS:
        return None
    if lo >= hi or text[lo] in "\r\n":
        return lo, []  # (no header at all: the blank line comes first)
    # The block ends at its first blank line at the latest: find it, and read the fields before it.
    if lines is _CRLFS_ONLY:
        blank = text.find("\r\n\r\n", lo, hi)
        end = hi if blank < 0 else blank + 2
    else:
        if lines.crs:  # (a text with CRLFs may hold bare LFs as well)
            blank = text.find("\n\r\n", lo, hi)
            bare = text.find("\n\n", lo, hi if blank < 0 else blank + 1)
            if bare >= 0:
                blank = bare
        else:
            blank = text.find("\n\n", lo, hi)
        end = hi if blank < 0 else blank + 1
    if end - lo >= 3 * MAX_HEADERS and text.count("\n", lo, end) >= MAX_HEADERS:
        return None  # (see _at_most_fields)
    fields: list[tuple[str, str]] = (_FIELD_CRLF if lines is _CRLFS_ONLY else _FIELD_LF).findall(
        text, lo, end
    )
    if not fields[-1][0]:
        return None  # (a line that is not a field before the blank line: the rest as one match)
    if lines is _CRLF_BREAKS:
        fields = [(name, value.removesuffix("\r")) for name, value in fields]
    return end, fields


def _at_most_fields(block: str, limit: int) -> bool:
    """Whether a header block surely holds at most `limit` fields: a field takes three characters
    at least (a name, a colon, a line break), and there are no more fields than lines."""
    if len(block) < 3 * limit:
        return True
    breaks = block.count("\n")  # (then "\r": a line may end with either)
    return breaks < limit and breaks + block.count("\r") < limit


def parse_headers(text: str) -> Message:
    """What `email.parser.HeaderParser(policy=compat32).parsestr(text)` returns (a Message with the
    headers at the start of `text`, the rest as its payload), without the parser's machinery for
    the common shape."""
    lines = _lines(text)
    message = Message()
    fields = _read_fields(text, 0, len(text), lines)
    if fields is not None:
        end = fields[0]
        message._headers = fields[1]  # type: ignore[attr-defined]  # (what _set_headers gives them)
    else:
        end = lines.block.match(text).end()  # type: ignore[union-attr]  # (matches "")
        if end and not _set_headers(message, text[:end], lines):
            parsed: Message = _PLAIN_HEADERS.parsestr(text)
            return parsed
    body = end
    if end < len(text):
        if text[end] in "\r\n":  # the blank line that ends the headers
            body = end + (2 if text.startswith("\r\n", end) else 1)
        else:
            message.defects.append(email.errors.MissingHeaderBodySeparatorDefect())
    message.set_payload(text[body:])
    return message


def _boundary_line(
    text: str, separator: str, lo: int, hi: int, lines: _Lines
) -> tuple[int, int, bool] | None:
    """The first boundary line of `separator` in text[lo:hi] (lo at a line start; `lines`, the
    text's line breaks): see _boundary_at."""
    pos = lo
    while True:
        start = text.find(separator, pos, hi)
        if start < 0:
            return None
        if start == lo or text[start - 1] in "\r\n":  # (at the start of a line)
            found = _boundary_at(text, separator, start, hi, lines)
            if found is not None:
                return found
        pos = start + 1


def _boundary_at(
    text: str, separator: str, start: int, hi: int, lines: _Lines
) -> tuple[int, int, bool] | None:
    """Whether the line at `start`, which starts with `separator` within text[:hi] (the callers
    found it there), is a boundary line of it (the email package's pattern: the separator, an
    optional `--`, blanks, the line break): its start, its end and whether it closes the
    multipart. `lines`: the text's line breaks."""
    # The line's end: its first CR or LF. In a text whose every CR starts a CRLF that is its first
    # LF, or the CR just before (the separator holds neither); the pattern otherwise.
    newline = -1 if lines is _ANY_BREAKS else text.find("\n", start, hi)
    if newline >= 0:
        line_end, end = newline, newline + 1
        if lines.crs and text[newline - 1] == "\r":
            line_end = newline - 1
    else:
        found = _LINE_BREAK_TEXT.search(text, start, hi)
        line_end, end = (found.start(), found.end()) if found else (hi, hi)
    tail = text[start + len(separator) : line_end]
    if not tail:  # (the usual two: nothing after the separator, or the closing "--")
        return start, end, False
    if tail == "--":
        return start, end, True
    closing = tail.startswith("--")
    if closing:
        tail = tail[2:]
    if tail.strip(" \t"):
        return None
    return start, end, closing


def _blank_line(text: str, lo: int, hi: int, crs: bool = True) -> int:
    """The start of the first blank line in text[lo:hi] (lo at a line start), else hi. `crs`:
    whether the text may hold a CR.

    That is where _BLANK_LINE's first match ends: a line break (CRLF, a lone CR or LF) followed by
    a CR or LF. Its first match ends one character after the first "\n\n", "\n\r" or "\r\r"
    (a CRLF then a CR or LF holds "\n\r" or "\n\n" one on; a lone CR, then a CR, is "\r\r"):
    found with str.find, where the pattern, which has no fixed first character, is tried at every
    position."""
    if lo < hi and text[lo] in "\r\n":
        return lo
    first = text.find("\n\n", lo, hi)
    if crs:
        for pair in ("\n\r", "\r\r"):  # (only one that starts sooner: ends by first + 1)
            found = text.find(pair, lo, hi if first < 0 else first + 1)
            if found >= 0:
                first = found
    return hi if first < 0 else first + 1


def _strip_line_break(text: str) -> str:
    # (the last characters looked at one by one: endswith parses its arguments the old way, a
    # tenth of a microsecond a call)
    if not text:
        return text
    last = text[-1]
    if last == "\n":
        return text[:-2] if len(text) > 1 and text[-2] == "\r" else text[:-1]
    if last == "\r":
        return text[:-1]
    return text


def _strip_last(last: Part) -> None:
    """What the email package does to the part it finished last when a boundary line ends it:
    the line break before the boundary line is the boundary's, not the part's."""
    # (its main type, without two more calls; scanned: the last block of a delivery-status part
    # has no header index, and building one for this question cost more than the scan)
    if last.scanned_content_type().startswith("multipart/"):
        if last.epilogue == "":
            last.epilogue = None
        elif last.epilogue is not None:
            last.epilogue = _strip_line_break(last.epilogue)
        return
    payload = last._payload  # (as stored: get_payload may re-encode it)
    if isinstance(payload, str):
        last._payload = _strip_line_break(payload)  # (set_payload, for text)


def parse_bytes(raw: bytes) -> tuple[Message, list[str]]:
    """The tree `email.message_from_bytes(raw, policy=compat32)` builds, within the bounds above,
    and the cuts made (defects)."""
    defects: list[str] = []
    raw = _cut_containers(_cut_lines(raw, defects), defects)
    text = raw.decode("ascii", "surrogateescape")  # (as BytesFeedParser reads bytes)
    splitter = _Splitter(text, MAX_PARTS)
    try:
        message, _last = splitter.entity(0, len(text))
    except _TooManyParts as cut:
        defects.append(f"too many parts: parsed the first {cut.start} bytes")
        splitter = _Splitter(text[: cut.start], None)  # (at most MAX_PARTS + 1 parts)
        message, _last = splitter.entity(0, cut.start)
    if message.get_content_maintype() == "multipart" and not message.is_multipart():
        message.defects.append(email.errors.MultipartInvariantViolationDefect())
    for item in splitter.made:
        for defect in item.defects:
            if isinstance(defect, OverlongBoundaryDefect):
                defects.append(f"over-long MIME boundary ({defect}): part not split")
            elif isinstance(defect, TooManyHeadersDefect):
                defects.append(f"too many headers in a part: {defect}")
    return message, defects
