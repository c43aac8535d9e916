"""The MIME parse of a returned message: the email package's own parser (compat32), bounded in work.

The email package reads a message line by line. Its cost grows with the lines, with the parts (a
Message each) and, for every line, with the multiparts the line is nested in (each enclosing
boundary is tried on it); nesting also costs stack (about one frame a level: a thousand levels
raise RecursionError). Two of its steps are worse than linear on hostile input: the boundary
pattern is compiled from the boundary itself (a 5 MB boundary took 11 s and 870 MB), and a
header's parameters are split by a scan that counts quotes again for every semicolon. So, each
cut reported as a defect:

- at most MAX_LINES lines are parsed;
- the message is cut before the line that declares its (MAX_CONTAINERS + 1)th multipart/* or
  message/* part, which bounds the nesting and the boundaries tried on a line;
- feeding stops once MAX_PARTS parts were made (checked every CHUNK bytes), and a part keeps its
  first MAX_HEADERS headers (each header lookup scans them all);
- a boundary longer than MAX_BOUNDARY is not split on (RFC 2046 allows 70 characters), and a
  header's parameters are read from its first MAX_PARAMS_CHARS characters.

Nothing here changes what the email package makes of a message within those bounds.
"""

from __future__ import annotations

import email.errors
import email.feedparser
import re
from email.message import Message
from typing import Any

MAX_LINES = 100_000  # a 7 MB base64 attachment; the reports come before any attachment
MAX_CONTAINERS = 32  # a report, its original and the original's own parts need under ten
MAX_PARTS = 1000  # parts and delivery-status blocks (one per recipient)
MAX_HEADERS = 1000  # of one part (a long Received chain is a hundred)
CHUNK = 8192
MAX_BOUNDARY = 200  # RFC 2046: at most 70; some slack for the software that ignores that
MAX_PARAMS_CHARS = 4096

# compat32, the email package's default policy, which every Message has unless told otherwise
# (from there: importing email.policy loads the header registry, 5% of a `bounceback parse`'s start-up)
_COMPAT32 = Message().policy
_LINE_BREAK = re.compile(rb"\r\n|\r|\n")  # (the parser's own line breaks)
_CONTAINER = re.compile(rb"content-type:\s*(?:multipart|message)/")  # (in lower case)


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
    times); the content type is remembered with the index it was read from. Each method that
    changes the headers (the others go through these) drops the index.
    """

    _dropped = False  # (a header past MAX_HEADERS was dropped)
    _index: dict[str, tuple[str, Any]] | None = None  # lower-cased name -> its first (name, value)
    _ctype: tuple[dict[str, tuple[str, Any]], str] | None = None  # (the index, the content type)

    def _headers_index(self) -> dict[str, tuple[str, Any]]:
        index: dict[str, tuple[str, Any]] = {}
        for name, value in self.raw_items():
            index.setdefault(name.lower(), (name, value))
        self._index = index
        return index

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
        # (remembered with the index it was read from: a change to the headers drops both)
        index = self._index
        cached = self._ctype
        if cached is not None and cached[0] is index:
            return cached[1]
        ctype = super().get_content_type()
        index = self._index
        if index is not None and "content-type" in index:  # (else the default type: may change)
            self._ctype = (index, ctype)
        return ctype

    def __contains__(self, name: str) -> bool:
        index = self._index
        if index is None:
            index = self._headers_index()
        return name.lower() in index

    def set_raw(self, name: str, value: Any) -> None:
        self._index = None
        if len(self) < MAX_HEADERS:
            super().set_raw(name, value)
        elif not self._dropped:
            self._dropped = True
            self.defects.append(TooManyHeadersDefect(f"kept the first {MAX_HEADERS}"))

    def __setitem__(self, name: str, val: Any) -> None:
        super().__setitem__(name, val)
        self._index = None  # (after: the change itself may look headers up)

    def __delitem__(self, name: str) -> None:
        super().__delitem__(name)
        self._index = None  # (after: the change itself may look headers up)

    def add_header(self, _name: str, _value: str, **_params: Any) -> None:
        super().add_header(_name, _value, **_params)
        self._index = None  # (after: the change itself may look headers up)

    def replace_header(self, _name: str, _value: Any) -> None:
        super().replace_header(_name, _value)
        self._index = None  # (after: the change itself may look headers up)

    def set_boundary(self, boundary: str) -> None:
        super().set_boundary(boundary)
        self._index = None  # (after: the change itself may look headers up)

    def get_param(
        self, param: str, failobj: Any = None, header: str = "content-type", unquote: bool = True
    ) -> Any:
        value = self.get(header)
        if value is None or (isinstance(value, str) and len(value) <= MAX_PARAMS_CHARS):
            return super().get_param(param, failobj, header, unquote)
        head = Message(policy=self.policy)
        head.set_raw(header, str(value)[:MAX_PARAMS_CHARS])
        return head.get_param(param, failobj, header, unquote)

    def get_boundary(self, failobj: Any = None) -> Any:
        boundary = super().get_boundary()
        if boundary is None:
            return failobj
        if len(boundary) > MAX_BOUNDARY:
            if not any(isinstance(d, OverlongBoundaryDefect) for d in self.defects):
                self.defects.append(OverlongBoundaryDefect(f"longer than {MAX_BOUNDARY} characters"))
            return failobj
        return boundary


def _cut_lines(raw: bytes, defects: list[str]) -> bytes:
    """The message up to its MAX_LINES-th line break."""
    if len(raw) <= MAX_LINES:
        return raw  # (fewer bytes than the cap: fewer line breaks too)
    breaks = raw.count(b"\n") + raw.count(b"\r") - raw.count(b"\r\n")
    if breaks <= MAX_LINES:
        return raw
    for count, found in enumerate(_LINE_BREAK.finditer(raw), 1):
        if count == MAX_LINES:
            defects.append(f"too many lines: parsed the first {MAX_LINES}")
            return raw[: found.end()]
    return raw  # (not reached: the count said there are more)


def _cut_containers(raw: bytes, defects: list[str]) -> bytes:
    """The message up to the line that declares its (MAX_CONTAINERS + 1)th container part."""
    low = raw.lower()  # (a case-blind pattern searches several times slower)
    if low.count(b"content-type:") <= MAX_CONTAINERS:
        return raw
    for count, found in enumerate(_CONTAINER.finditer(low), 1):
        if count > MAX_CONTAINERS:
            start = max(raw.rfind(b"\n", 0, found.start()), raw.rfind(b"\r", 0, found.start())) + 1
            defects.append(f"too many multipart or message parts: parsed the first {MAX_CONTAINERS}")
            return raw[:start]
    return raw


def parse_bytes(raw: bytes) -> tuple[Message, list[str]]:
    """The tree `email.message_from_bytes(raw, policy=compat32)` builds, within the bounds above,
    and the cuts made (defects)."""
    defects: list[str] = []
    raw = _cut_containers(_cut_lines(raw, defects), defects)
    made: list[Part] = []

    def part(policy: Any = _COMPAT32) -> Part:
        made.append(Part(policy))
        return made[-1]

    parser = email.feedparser.BytesFeedParser(_factory=part, policy=_COMPAT32)
    for start in range(0, len(raw), CHUNK):
        parser.feed(raw[start : start + CHUNK])
        if len(made) > MAX_PARTS:
            defects.append(f"too many parts: parsed the first {start + CHUNK} bytes")
            break
    message = parser.close()
    for item in made:
        for defect in item.defects:
            if isinstance(defect, OverlongBoundaryDefect):
                defects.append(f"over-long MIME boundary ({defect}): part not split")
            elif isinstance(defect, TooManyHeadersDefect):
                defects.append(f"too many headers in a part: {defect}")
    return message, defects
