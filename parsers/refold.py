"""Repair of a Content-Type header whose folding was lost on the way.

Some relays and mail stores rewrite a folded header without the leading blank of its continuation
lines, so that

    Content-Type: multipart/report;
    report-type=feedback-report;
    boundary="b1"

reaches us as a header cut after "multipart/report;" and a first body line "report-type=...": the
message loses its boundary and reads as one text part, its report unseen. A continuation line
holds a parameter (`name=value`), which no header field line does (that has a colon before any
`=`), so the lines that follow the Content-Type line and hold only parameters are folded back.
"""

from __future__ import annotations

import re

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final

# How far into the message the header block is looked for.
MAX_HEAD_BYTES: Final = 64 * 1024
_CONTENT_TYPE: Final = re.compile(rb"(?im)^content-type:[^\r\n]*;[ \t]*\r?\n")
# Parameters alone on a line (RFC 2045 `attribute=value`, maybe quoted, ";" between and after).
_PARAM: Final = rb'[A-Za-z][A-Za-z0-9*_.-]{0,40}[ \t]*=[ \t]*(?:"[^"\r\n]*"|[^\s;"]+)'
_PARAMETER: Final = re.compile(
    rb"[ \t]*" + _PARAM + rb"(?:[ \t]*;[ \t]*" + _PARAM + rb")*[ \t]*;?[ \t]*\r?\n"
)


def refold(raw: bytes) -> bytes | None:
    """`raw` with the unfolded parameter lines of its top-level Content-Type folded back, or None
    when there are none."""
    head = raw[:MAX_HEAD_BYTES]
    end = head.find(b"\n\n")
    crlf_end = head.find(b"\r\n\r\n")
    # (the header block ends at the first blank line; the lost folding sits before it)
    limit = min(e for e in (end, crlf_end, len(head)) if e >= 0)
    found = _CONTENT_TYPE.search(head, 0, limit + 1)
    if found is None:
        return None
    pos = found.end()
    # (continuation lines that kept their blank belong to the header as they are)
    while pos < len(head) and head[pos : pos + 1] in (b" ", b"\t"):
        nl = head.find(b"\n", pos)
        if nl < 0:
            return None
        pos = nl + 1
    folded: list[bytes] = []
    start = pos
    while len(folded) < 8:
        m = _PARAMETER.match(head, pos)
        if m is None or head[pos : pos + 1] in (b" ", b"\t"):
            break
        folded.append(b"\t" + head[pos : m.end()])
        pos = m.end()
    if not folded:
        return None
    return raw[:start] + b"".join(folded) + raw[pos:]
