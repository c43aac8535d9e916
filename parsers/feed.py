"""The loader's MIME parse: the email package's FeedParser (compat32), with the work it does that
the loader never uses left out and its hottest steps done in fewer calls. Same tree, same defects.

What differs from `email.message_from_bytes(raw, policy=compat32)`:
- the body of an attached original (message/rfc822, message/global) is skipped, its header block
  parsed: the loader reads nothing else of it (`Mail.full_message()` parses again for the rare
  detector that looks inside);
- a part's content type is remembered and its headers indexed by name (get, get_all, `in`
  without a scan that lower-cases every name; the FeedParser asks for the type several times);
- header lines and body lines are taken from the line buffer directly, and compat32's header
  parsing is inlined (one call per header line less).

`_parsegen` follows FeedParser._parsegen of CPython 3.11 step by step (PSF licence); the property
tests in tests/parsers/test_loader_parse.py compare the trees with the email package's.
"""

from __future__ import annotations

import email.errors
import email.feedparser
import email.policy
import email.utils
import re
from collections.abc import Iterator
from email.feedparser import FeedParser
from email.message import Message
from typing import Any

# The FeedParser's own signal and patterns (not in its typing stubs): parsing like it needs them.
NeedMoreData: object = email.feedparser.NeedMoreData  # type: ignore[attr-defined]
headerRE: re.Pattern[str] = email.feedparser.headerRE  # type: ignore[attr-defined]
NLCRE: re.Pattern[str] = email.feedparser.NLCRE  # type: ignore[attr-defined]
NLCRE_bol: re.Pattern[str] = email.feedparser.NLCRE_bol  # type: ignore[attr-defined]
NLCRE_eol: re.Pattern[str] = email.feedparser.NLCRE_eol  # type: ignore[attr-defined]
_COMPAT32 = email.policy.compat32
_parseparam: Any = email.message._parseparam  # type: ignore[attr-defined]
# Content types whose payload the email package parses as a whole attached message.
ORIGINAL_TYPES = ("message/rfc822", "message/global")
# How the FeedParser's (and `_multipart`'s) boundary patterns start: "--" + the boundary.
_BOUNDARY_START = "(?P<sep>" + re.escape("--")


class LoadedMessage(Message):
    """A Message that remembers its content type and indexes its headers by name: the
    FeedParser asks each part for its content type three or four times while parsing and the
    loader asks for a few headers of each part, each time a scan of the header list that
    lower-cases every name. Whatever changes the headers or the default type forgets both (and a
    change in the number of headers is noticed even by a method not overridden here)."""

    _content_type: str | None = None
    _by_name: dict[str, list[tuple[str, Any]]] | None = None  # (name, value) by lower-case name
    _counted = -1  # len(_headers) when they were indexed

    def forget(self) -> None:
        self._content_type = None
        self._by_name = None

    def header_index(self) -> dict[str, list[tuple[str, Any]]]:
        """The raw (name, value) pairs by lower-cased name, in order (not to be changed)."""
        index = self._by_name
        headers = self._headers  # type: ignore[attr-defined]
        if index is None or self._counted != len(headers):
            self._content_type = None
            index = {}
            for pair in headers:
                key = pair[0].lower()
                found = index.get(key)
                if found is None:
                    index[key] = [pair]
                else:
                    found.append(pair)
            self._by_name = index
            self._counted = len(headers)
        return index

    def get_content_type(self) -> str:
        found = self._content_type
        if found is None or self._counted != len(self._headers):  # type: ignore[attr-defined]
            # Message.get_content_type, with the Content-Type value from the index (brought up
            # to date, which forgets the type: remembered only after)
            pairs = self.header_index().get("content-type")
            if pairs is None:
                found = self.get_default_type()
            else:
                value = pairs[0][1]
                if not (isinstance(value, str) and value.isascii() and self.policy is _COMPAT32):
                    value = self.policy.header_fetch_parse(*pairs[0])
                ctype = str(value).partition(";")[0].strip().lower()
                found = ctype if ctype.count("/") == 1 else "text/plain"
            self._content_type = found
        return found

    def get(self, name: str, failobj: Any = None) -> Any:
        found = self.header_index().get(name.lower())
        if found is None:
            return failobj
        value = found[0][1]
        if isinstance(value, str) and value.isascii() and self.policy is _COMPAT32:
            return value  # (what compat32's header_fetch_parse hands back for it: no call)
        return self.policy.header_fetch_parse(*found[0])

    def get_all(self, name: str, failobj: Any = None) -> Any:
        found = self.header_index().get(name.lower())
        if not found:
            return failobj
        fetch = self.policy.header_fetch_parse
        return [fetch(k, v) for k, v in found]

    def __contains__(self, name: str) -> bool:
        return name.lower() in self.header_index()

    def get_param(
        self, param: str, failobj: Any = None, header: str = "content-type", unquote: bool = True
    ) -> Any:
        # The FeedParser asks each multipart for its boundary, the loader a text part for its
        # charset: Message.get_param runs every parameter through RFC 2231 decoding and quoting
        # and unquoting again. Without a backslash or an asterisk in the value none of that
        # changes anything, and the answer is the first parameter of that name, unquoted.
        found = self.header_index().get(header.lower())
        if found is None:
            return failobj
        value = self.get(header)
        if not unquote or not isinstance(value, str) or "\\" in value or "*" in value:
            return super().get_param(param, failobj, header, unquote)
        wanted = param.lower()
        for item in _parseparam(value):
            name, equals, val = item.partition("=")
            if name.strip().lower() == wanted:
                return email.utils.unquote(val.strip()) if equals else ""
        return failobj

    def set_raw(self, name: str, value: Any) -> None:
        self.forget()
        super().set_raw(name, value)

    def __setitem__(self, name: str, val: Any) -> None:
        self.forget()
        super().__setitem__(name, val)

    def __delitem__(self, name: str) -> None:
        self.forget()
        super().__delitem__(name)

    def replace_header(self, _name: str, _value: Any) -> None:
        self.forget()
        super().replace_header(_name, _value)

    def add_header(self, _name: str, _value: str, **_params: Any) -> None:
        self.forget()
        super().add_header(_name, _value, **_params)

    def set_boundary(self, boundary: str) -> None:
        self.forget()
        super().set_boundary(boundary)

    def set_default_type(self, ctype: str) -> None:
        self.forget()
        super().set_default_type(ctype)


def _eol_length(text: str) -> int:
    """The length of the line break that ends `text` (0: none): what NLCRE_eol.search finds,
    without a regex search that tries every position of a long payload."""
    if text.endswith("\r\n"):
        return 2
    return 1 if text.endswith(("\r", "\n")) else 0


def _leads(tests: list[Any]) -> str | None:
    """The characters a line must start with for one of the end-of-part tests to match it: a
    boundary line starts with "--", a blank line (the end of a delivery-status block) with a line
    break. None when a test is not one of those (every line is then tested)."""
    leads = ""
    for ateof in tests:
        pattern = getattr(ateof, "__self__", None)
        if not isinstance(pattern, re.Pattern) or getattr(ateof, "__name__", None) != "match":
            return None
        if pattern is NLCRE:
            leads += "\r\n"
        elif isinstance(pattern.pattern, str) and pattern.pattern.startswith(_BOUNDARY_START):
            leads += "-"
        else:
            return None
    return leads


class LoaderParser(FeedParser):
    """FeedParser for `parse_bytes`: see the module docstring."""

    # Whether the body of an attached original was skipped (then `message` is not the full tree).
    skipped = False
    policy: Any  # (set by FeedParser.__init__; not in its typing stubs)

    def __init__(self) -> None:
        super().__init__(LoadedMessage, policy=_COMPAT32)

    def _parse_headers(self, lines: list[str]) -> None:
        # FeedParser._parse_headers with compat32's header_source_parse and set_raw inlined.
        msg = self._cur  # type: ignore[attr-defined]
        store = msg._headers
        name = ""
        first = ""  # the rest of the header's first line, after the colon
        more: list[str] = []  # its continuation lines
        last = len(lines) - 1
        for number, line in enumerate(lines):
            if line[0] in " \t":
                if not name:
                    defect = email.errors.FirstHeaderLineIsContinuationDefect(line)
                    self.policy.handle_defect(msg, defect)
                    continue
                more.append(line)
                continue
            if name:
                value = first.lstrip(" \t") + "".join(more) if more else first.lstrip(" \t")
                store.append((name, value.rstrip("\r\n")))
                name, more = "", []
            if line.startswith("From "):
                if number == 0:
                    eol = NLCRE_eol.search(line)
                    msg.set_unixfrom(line[: -len(eol.group(0))] if eol else line)
                    continue
                if number == last:
                    self._input.unreadline(line)  # type: ignore[attr-defined]
                    msg.forget()
                    return
                msg.defects.append(email.errors.MisplacedEnvelopeHeaderDefect(line))
                continue
            colon = line.find(":")
            if colon == 0:
                msg.defects.append(email.errors.InvalidHeaderDefect("Missing header name."))
                continue
            assert colon > 0, "_parse_headers fed line with no : and no leading WS"
            name, first = line[:colon], line[colon + 1 :]
        if name:
            value = first.lstrip(" \t") + "".join(more) if more else first.lstrip(" \t")
            store.append((name, value.rstrip("\r\n")))
        msg.forget()

    def _parsegen(self) -> Iterator[object]:
        if getattr(self, "_headersonly", False):
            return super()._parsegen()  # type: ignore[misc,no-any-return]
        parent = getattr(self, "_cur", None)  # (not yet set when __init__ starts the parse)
        skip_body = parent is not None and parent.get_content_type() in ORIGINAL_TYPES
        return self._part(skip_body)

    def _part(self, skip_body: bool) -> Iterator[object]:
        self._new_message()  # type: ignore[attr-defined]
        source = self._input  # type: ignore[attr-defined]
        buffered = source._lines
        # The end-of-part tests, innermost first (BufferedSubFile.readline's order); none is
        # pushed or popped while a header block or a leaf body is read.
        tests = source._eofstack[::-1]
        leads = _leads(tests)
        headers: list[str] = []
        # Collect the headers: BufferedSubFile.readline inlined (a line an end test matches is
        # left in the buffer and ends the part; an empty string, pushed back at an end, is EOF).
        while True:
            if not buffered:
                if source._closed:
                    break
                yield NeedMoreData
                continue
            line = buffered.popleft()
            ended = False
            if leads is None or not line or line[0] in leads:
                for ateof in tests:
                    if ateof(line):
                        buffered.appendleft(line)
                        ended = True
                        break
            if ended or line == "":
                break
            if not headerRE.match(line):
                if not NLCRE.match(line):
                    defect = email.errors.MissingHeaderBodySeparatorDefect()
                    self.policy.handle_defect(self._cur, defect)  # type: ignore[attr-defined]
                    source.unreadline(line)
                break
            headers.append(line)
        self._parse_headers(headers)
        cur = self._cur  # type: ignore[attr-defined]
        ctype = cur.get_content_type()
        if skip_body or (
            ctype != "message/delivery-status" and not ctype.startswith(("message/", "multipart/"))
        ):
            # A leaf: the rest of the part is its payload (dropped for an original's body).
            lines: list[str] = []
            while True:
                if not buffered:
                    if source._closed:
                        break
                    yield NeedMoreData
                    continue
                if not tests and "" not in buffered:
                    lines += buffered  # nothing can end the part before the buffer does
                    buffered.clear()
                    continue
                line = buffered.popleft()
                if leads is not None and line and line[0] not in leads:
                    lines.append(line)  # no end test can match it
                    continue
                ended = False
                for ateof in tests:
                    if ateof(line):
                        buffered.appendleft(line)
                        ended = True
                        break
                if ended or line == "":
                    break
                lines.append(line)
            if skip_body:
                if lines:
                    self.skipped = True
                cur.set_payload("")
            else:
                cur.set_payload("".join(lines))
            return
        if ctype == "message/delivery-status":
            # Blocks of headers separated by a blank line, each one a nested message.
            while True:
                source.push_eof_matcher(NLCRE.match)
                for retval in self._parsegen():
                    if retval is NeedMoreData:
                        yield NeedMoreData
                        continue
                    break
                self._pop_message()  # type: ignore[attr-defined]
                source.pop_eof_matcher()
                while True:
                    line = source.readline()
                    if line is NeedMoreData:
                        yield NeedMoreData
                        continue
                    break
                while True:
                    line = source.readline()
                    if line is NeedMoreData:
                        yield NeedMoreData
                        continue
                    break
                if line == "":
                    break
                source.unreadline(line)
            return
        if ctype.startswith("message/"):
            # Another RFC 2822 message follows.
            for retval in self._parsegen():
                if retval is NeedMoreData:
                    yield NeedMoreData
                    continue
                break
            self._pop_message()  # type: ignore[attr-defined]
            return
        # multipart/*
        yield from self._multipart(cur)

    def _multipart(self, cur: Message) -> Iterator[object]:
        source = self._input  # type: ignore[attr-defined]
        boundary = cur.get_boundary()
        if boundary is None:
            defect: email.errors.MessageDefect = email.errors.NoBoundaryInMultipartDefect()
            self.policy.handle_defect(cur, defect)
            lines = []
            for line in source:
                if line is NeedMoreData:
                    yield NeedMoreData
                    continue
                lines.append(line)
            cur.set_payload("".join(lines))
            return
        if str(cur.get("content-transfer-encoding", "8bit")).lower() not in ("7bit", "8bit", "binary"):
            defect = email.errors.InvalidMultipartContentTransferEncodingDefect()
            self.policy.handle_defect(cur, defect)
        separator = "--" + boundary
        boundaryre = re.compile(
            "(?P<sep>" + re.escape(separator) + r")(?P<end>--)?(?P<ws>[ \t]*)(?P<linesep>\r\n|\r|\n)?$"
        )
        capturing_preamble = True
        preamble: list[str] = []
        linesep: str | bool | None = False
        close_boundary_seen = False
        while True:
            line = source.readline()
            if line is NeedMoreData:
                yield NeedMoreData
                continue
            if line == "":
                break
            mo = boundaryre.match(line)
            if mo:
                if mo.group("end"):
                    close_boundary_seen = True
                    linesep = mo.group("linesep")
                    break
                if capturing_preamble:
                    if preamble:
                        lastline = preamble[-1]
                        eolmo = NLCRE_eol.search(lastline)
                        if eolmo:
                            preamble[-1] = lastline[: -len(eolmo.group(0))]
                        cur.preamble = "".join(preamble)
                    capturing_preamble = False
                    source.unreadline(line)
                    continue
                while True:
                    line = source.readline()
                    if line is NeedMoreData:
                        yield NeedMoreData
                        continue
                    mo = boundaryre.match(line)
                    if not mo:
                        source.unreadline(line)
                        break
                source.push_eof_matcher(boundaryre.match)
                for retval in self._parsegen():
                    if retval is NeedMoreData:
                        yield NeedMoreData
                        continue
                    break
                last = self._last  # type: ignore[has-type]
                if last.get_content_maintype() == "multipart":
                    epilogue = last.epilogue
                    if epilogue == "":
                        last.epilogue = None
                    elif epilogue is not None:
                        eol = _eol_length(epilogue)
                        if eol:
                            last.epilogue = epilogue[:-eol]
                else:
                    payload = last._payload
                    if isinstance(payload, str):
                        eol = _eol_length(payload)
                        if eol:
                            last._payload = payload[:-eol]
                source.pop_eof_matcher()
                self._pop_message()  # type: ignore[attr-defined]
                self._last = self._cur  # type: ignore[attr-defined]
            else:
                assert capturing_preamble
                preamble.append(line)
        if capturing_preamble:
            defect = email.errors.StartBoundaryNotFoundDefect()
            self.policy.handle_defect(cur, defect)
            cur.set_payload("".join(preamble))
            for line in source:
                if line is NeedMoreData:
                    yield NeedMoreData
                    continue
            cur.epilogue = ""
            return
        if not close_boundary_seen:
            defect = email.errors.CloseBoundaryNotFoundDefect()
            self.policy.handle_defect(cur, defect)
            return
        epilogue_lines = [""] if linesep else []
        for line in source:
            if line is NeedMoreData:
                yield NeedMoreData
                continue
            epilogue_lines.append(line)
        if epilogue_lines:
            firstline = epilogue_lines[0]
            bolmo = NLCRE_bol.match(firstline)
            if bolmo:
                epilogue_lines[0] = firstline[len(bolmo.group(0)) :]
        cur.epilogue = "".join(epilogue_lines)


def parse_bytes(raw: bytes) -> tuple[Message, bool]:
    """The message tree `email.message_from_bytes(raw, policy=compat32)` builds (but the bodies
    of attached originals), and whether such a body was skipped."""
    parser = LoaderParser()
    parser.feed(raw.decode("ascii", "surrogateescape"))  # (Parser.parse feeds 8 KiB chunks: the same)
    return parser.close(), parser.skipped
