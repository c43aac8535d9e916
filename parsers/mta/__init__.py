"""Text-format bounce detectors of MTAs and mailbox providers (non-RFC-3464 reports).

Each module exposes `NAME: str` and `inquire(mail: Mail) -> list[Delivery] | None`: None (or an
empty list) when the message is not in its format, otherwise one Delivery per failed recipient.
`inquire` must be cheap to reject (check a header or subject first) and must not raise: an
exception is a bug, which `parsers.parse` reports as a `parser_error` defect (the tests look for
one) before it goes on with the next detector.
DETECTORS is the explicit order in which they are tried; the first non-empty answer wins.

A module may also declare prefilter markers, for a format whose own rejection is costly (a
pattern search over the body): `MARKERS: tuple[str, ...]`, lower-case strings of which at least one
appears, case-insensitively, in the subject, the From or the report text before the attached
original (`_common.before_original(mail)`) of every message the detector accepts; for a format
told by its sender or its subject, `HEADING_MARKERS: tuple[str, ...]` instead, the same but looked
for in the subject and the From only (`heading(mail)`: a short text, where the report text before
the original runs to a page or more); and optionally `MARKER_HEADERS: tuple[str, ...]`, header
names whose presence alone lets the detector run (a detector gated on a header alone declares only
these).
Two more kinds, for a format told by what no such text holds, both compared as written (the
detectors' own tests are case-sensitive there): `MARKER_VALUES: dict[str, tuple[str, ...]]`, header
name -> strings without white space, of which a value of that header holds one (a value with
encoded words or 8-bit bytes always may: `Mail.plain_values`); and `BODY_MARKERS: tuple[str, ...]`,
strings looked for in the whole body text (`_common.body_text(mail)`, what follows the attached
original included), for a phrase that may come after the original.
`candidates()` skips a detector whose markers are all absent without running its code: the markers
must cover every accept path of `inquire` (a phrase the format always prints where the detector
looks for it, the header it is gated on), or the detector must not declare any.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from types import ModuleType

from parsers.delivery import Delivery
from parsers.mail import Mail

Inquire = Callable[[Mail], "list[Delivery] | None"]

# Module names under parsers.mta, most specific first.
DETECTOR_MODULES: tuple[str, ...] = (
    # Mailbox providers (more specific than the MTA software they run)
    "googlegroups",
    "listmanager",
    "gsuite",
    "gmail",
    "office365",
    "outlook",
    "yahoo",
    "aol",
    "amazonworkmail",
    "receivingses",
    "amazonses",
    "sendgrid",
    "facebook",
    "einsundeins",
    "gmx",
    "mailru",
    "yandex",
    "zoho",
    "ezweb",
    "kddi",
    "biglobe",
    "verizon",
    "bigfoot",
    # MTA software and filtering appliances: header-gated formats first, then the formats of
    # widespread MTAs whose markers other software imitates (Sendmail, Exim, qmail, Postfix).
    "activehunter",
    "barracuda",
    "powermta",
    "mailfoundry",
    "fml",
    "mfilter",
    "surfcontrol",
    "mcafee",
    "mxlogic",
    "messagelabs",
    "amavis",
    "interscanmss",
    "imailserver",
    "mdaemon",
    "apachejames",
    "mailmarshalsmtp",
    "notes",
    "domino",
    "mimecast",
    "courier",
    "messagingserver",
    "exchange2003",
    "exchange2007",
    "x1",
    "x2",
    "x3",
    "x5",
    "x6",
    "dragonfly",
    "opensmtpd",
    "v5sendmail",
    "sendmail",
    "exim",
    "qmail",
    "postfix",
)


def _load() -> tuple[ModuleType, ...]:
    import importlib

    return tuple(importlib.import_module(f"parsers.mta.{name}") for name in DETECTOR_MODULES)


DETECTORS: tuple[ModuleType, ...] = _load()


# The markers looked for past the report text: header values and the whole body.
_Further = tuple[tuple[tuple[str, tuple[str, ...]], ...], tuple[str, ...]]
_KINDS = ("MARKERS", "HEADING_MARKERS", "MARKER_HEADERS", "MARKER_VALUES", "BODY_MARKERS")


def _further(module: ModuleType) -> _Further | None:
    values: dict[str, tuple[str, ...]] = getattr(module, "MARKER_VALUES", None) or {}
    body: tuple[str, ...] = getattr(module, "BODY_MARKERS", None) or ()
    return (tuple(values.items()), body) if values or body else None


# Each detector with its prefilter, the cheapest tests first (a detector runs when one holds):
# whether it is gated at all (False: it always runs), its marker headers (lower-cased), its
# heading markers, its report-text markers and its further markers.
_GATED: tuple[
    tuple[ModuleType, bool, tuple[str, ...], tuple[str, ...], tuple[str, ...], _Further | None], ...
] = tuple(
    (
        module,
        any(getattr(module, kind, None) for kind in _KINDS),
        tuple(h.lower() for h in getattr(module, "MARKER_HEADERS", ())),
        tuple(getattr(module, "HEADING_MARKERS", ())),
        tuple(getattr(module, "MARKERS", ())),
        _further(module),
    )
    for module in DETECTORS
)
# Non-ASCII letters that a case-insensitive pattern matches to an ASCII letter (Python's `re`
# with IGNORECASE): folded so that a lower-case ASCII marker still finds them.
_ASCII_FOLD_PAIRS = (("\u0130", "i"), ("\u0131", "i"), ("\u017f", "s"), ("\u212a", "k"))


def _folded(text: str) -> str:
    """`text` lower-cased, with the letters above folded to ASCII first."""
    if not text.isascii():
        # (str.translate maps character by character in Python objects: slow on a long text)
        for char, ascii_char in _ASCII_FOLD_PAIRS:
            if char in text:
                text = text.replace(char, ascii_char)
    return text.lower()


def heading(mail: Mail) -> str:
    """What the heading markers are looked for in: the subject and the From, lower-cased (computed
    once per message; a short text, where the report text may run to pages)."""
    cached = mail.memo.get("heading")
    if cached is None:
        cached = mail.memo["heading"] = _folded(mail.subject + "\n" + mail.from_)
    return cached


def haystack(mail: Mail) -> str:
    """What the markers are looked for in: the subject, the From and the report text before the
    attached original, lower-cased (computed once per message)."""
    cached = mail.memo.get("haystack")
    if cached is not None:
        return cached
    from parsers.mta._common import before_original

    text = mail.memo["haystack"] = _folded("\n".join((mail.subject, mail.from_, before_original(mail))))
    return text


def candidates(mail: Mail, prefilter: bool = True) -> Iterator[ModuleType]:
    """The detectors, in order, that may recognise the message (those whose markers it has)."""
    if not prefilter:
        yield from DETECTORS
        return
    head: str | None = None
    hay: str | None = None
    present = mail.header_names()
    # (plain loops throughout: no generator per detector and message)
    for module, gated, headers, heading_markers, markers, further in _GATED:
        if gated:
            found = False
            for name in headers:
                if name in present:
                    found = True
                    break
            if not found and heading_markers:
                if head is None:
                    head = heading(mail)
                for marker in heading_markers:
                    if marker in head:
                        found = True
                        break
            if not found:
                for marker in markers:
                    if hay is None:
                        hay = haystack(mail)
                    if marker in hay:
                        found = True
                        break
            if not found and (further is None or not _further_holds(mail, *further)):
                continue
        yield module


def _further_holds(
    mail: Mail, values: tuple[tuple[str, tuple[str, ...]], ...], body: tuple[str, ...]
) -> bool:
    """Whether a header value may hold one of its needles, or the whole body one of the markers."""
    for name, needles in values:  # (plain loops: no generator per detector and message)
        text = mail.plain_values(name)
        if text is None:
            return True
        for needle in needles:
            if needle in text:
                return True
    if body:
        from parsers.mta._common import body_text

        text = body_text(mail)
        for marker in body:
            if marker in text:
                return True
    return False
