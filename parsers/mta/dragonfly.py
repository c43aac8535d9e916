"""DragonFly Mail Agent (dma) returns: "There was an error delivering your mail to <...>"."""

from __future__ import annotations

import re

from parsers.casefold import fold_case
from parsers.delivery import Delivery
from parsers.lazyre import compile_lazily
from parsers.mail import Mail
from parsers.mta import _common as c

NAME = "DragonFly"
# Prefilter markers (parsers.mta.candidates): every recipient comes from a _RECIPIENT line.
MARKERS = ("there was an error delivering your mail to <",)

_START = compile_lazily(r"^This is the DragonFly Mail Agent", re.M)
_RECIPIENT = compile_lazily(r"There was an error delivering your mail to <([^>]+)>")
# Where the report ends (the earlier of the two lines), each "^" a look-behind after the line's
# words: re skips ahead to them instead of trying a multiline pattern at every position.
_ENDS = (
    compile_lazily(r"Message headers follow\.(?<![^\n]Message headers follow\.)"),
    compile_lazily(r"Original message follows\.(?<![^\n]Original message follows\.)"),
)
# dma's own texts, in any case: searched in the diagnostic folded by fold_case (a case-blind
# pattern is slow in re, and one with alternations has no opening literal to skip ahead to).
_FORMAT_REASONS = (
    # dma gave up after its queue lifetime: "Could not deliver for the last N seconds. Giving up."
    (c.EXPIRED, compile_lazily(r"could not deliver for the last \d+ seconds")),
    (c.HOST_UNKNOWN, compile_lazily(r"dns lookup failure: host \S+ not found")),
    (
        c.NETWORK_ERROR,
        compile_lazily(r"can not connect to|unable to establish connection|connect to .* failed"),
    ),
)


def _inquire(mail: Mail) -> list[Delivery] | None:
    # (_ENDS cannot run into the original's "Content-Type: message/rfc822" line: the report before
    # it is cut, as before_original(mail, _END) cut the whole body at the earliest of them)
    text = c.cut_at(c.before_original(mail), *_ENDS)
    start = _START.search(text)
    if start is None and "DragonFly Mail Agent" not in " ".join(mail.headers("Received")):
        return None
    found: list[Delivery] = []
    matches = list(_RECIPIENT.finditer(text))
    for i, match in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        diagnostic = c.sweep(text[match.end() : end]).lstrip(". ")
        reason = None
        folded = fold_case(diagnostic)
        for name, pattern in _FORMAT_REASONS:
            if pattern.search(folded) and not c.find_smtp_code(diagnostic):
                reason = name
                break
        found.append(c.make(match.group(1), diagnostic, reason=reason))
    return found


inquire = c.detector(_inquire)
