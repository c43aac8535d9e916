"""parsers.mime splits a message itself: the tree must be the one the email package builds.

Compared with the email package's own parser (compat32, the same part class so that the bounds
act alike): every header as stored, the Unix From line, each payload as stored, preamble,
epilogue, default type and the defects found, part by part.
"""

from __future__ import annotations

import email
import email.feedparser
import email.message
import email.parser
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parsers import mime

FIXTURES = sorted(Path(__file__).parent.rglob("*.eml"))


def stdlib_tree(raw: bytes) -> Any:
    parser = email.feedparser.BytesFeedParser(_factory=mime.Part, policy=mime.Message().policy)
    parser.feed(raw)
    return parser.close()


def shape(message: Any, path: str = "0") -> list[tuple[str, str, object]]:
    found: list[tuple[str, str, object]] = [
        (path, "headers", list(message.raw_items())),
        (path, "unixfrom", message.get_unixfrom()),
        (path, "preamble", message.preamble),
        (path, "epilogue", message.epilogue),
        (path, "default type", message.get_default_type()),
        (path, "defects", [type(d).__name__ for d in message.defects]),
    ]
    payload = message.__dict__.get("_payload")  # (as stored: get_payload may re-encode it)
    if isinstance(payload, list):
        for n, part in enumerate(payload):
            found += shape(part, f"{path}.{n}")
    else:
        found.append((path, "payload", payload))
    return found


def same_tree(raw: bytes) -> None:
    ours, cuts = mime.parse_bytes(raw)
    assert not cuts
    assert shape(ours) == shape(stdlib_tree(raw))


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: str(p.relative_to(Path(__file__).parent)))
def test_every_fixture_splits_as_the_email_package_parses_it(path: Path) -> None:
    same_tree(path.read_bytes())


def crlf(raw: bytes) -> bytes:
    """`raw` with every line break a CRLF (the fixtures are stored with LFs)."""
    return raw.replace(b"\r\n", b"\n").replace(b"\r", b"\n").replace(b"\n", b"\r\n")


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: str(p.relative_to(Path(__file__).parent)))
def test_every_fixture_with_crlf_line_breaks_splits_as_the_email_package_parses_it(path: Path) -> None:
    # (a text with CRLFs only is read with the patterns for lines that run to their LF)
    raw = crlf(path.read_bytes())
    assert mime._lines(raw.decode("ascii", "surrogateescape")) is not mime._ANY_BREAKS
    same_tree(raw)


MULTIPART = b"Content-Type: multipart/mixed; boundary=b\n"
EDGES = {
    "unix from line first": b"From daemon@mx Mon Nov 23 02:17:37 2026\nSubject: x\n\nbody\n",
    "unix from line further down": b"Subject: x\nFrom daemon@mx\n\nbody\n",
    "unix from line last": b"Subject: x\nFrom daemon@mx",
    "unix from line last, 8-bit text in a charset": b"Content-Type: text/plain; charset=iso-8859-2\n"
    + b"From x\xb6\xe6 y\n\nbody \xb3\n",
    "nameless line": b"Subject: x\n:no name\nTo: a@b\n\nbody\n",
    "leading continuation": b" folded\nSubject: x\n\nbody\n",
    "no blank line after the headers": b"Subject: x\nnot a header\nmore\n",
    "CR line breaks": b"Subject: x\r To: a@b\r\rbody\r",
    "closing boundary first": MULTIPART + b"\npre\n--b--\nafter\n",
    "no closing boundary": MULTIPART + b"\n--b\n\none\n--b\n\ntwo\n",
    "boundary lines in a row": MULTIPART + b"\n--b\n--b\n--b--\n\nx\n--b--\n",
    "blanks after a boundary": MULTIPART + b"\n--b \t\n\none\n--b-- \nepilogue\n",
    "outer boundary closes the inner part": MULTIPART
    + b"\n--b\nContent-Type: multipart/alternative; boundary=c\n\n--c\n\ninner\n--b\n\nnext\n--b--\n",
    "digest": b"Content-Type: multipart/digest; boundary=b\n\n--b\n\nSubject: inner\n\nhi\n--b--\n",
    "delivery status blocks": MULTIPART
    + b"\n--b\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx\n\n\n"
    + b"Final-Recipient: rfc822; a@b\nAction: failed\n\n--b--\n",
    "no boundary parameter": b"Content-Type: multipart/mixed\n\n--b\n\nx\n",
    "boundary folded over two lines": MULTIPART + b" folded\n--b\n folded\n",
    "encoded multipart": MULTIPART + b"Content-Transfer-Encoding: base64\n\n--b\n\nx\n--b--\n",
    "attached original": b"Content-Type: message/rfc822\n\nSubject: inner\n\nbody\n",
    "8-bit bytes": b"Subject: caf\xc3\xa9\n\n\xff\xfe body\n",
    "empty": b"",
}


@pytest.mark.parametrize("raw", EDGES.values(), ids=list(EDGES))
def test_edge_shapes_split_as_the_email_package_parses_them(raw: bytes) -> None:
    same_tree(raw)


LINES = st.sampled_from(
    [
        b"Subject: x\n",
        b"Content-Type: multipart/mixed; boundary=b\n",
        b"Content-Type: multipart/alternative; boundary=c\n",
        b"Content-Type: message/rfc822\n",
        b"Content-Type: message/delivery-status\n",
        b"--b\n",
        b"--b--\n",
        b"--c\r\n",
        b"--c--",
        b"\n",
        b"\r\n",
        b"\r",
        b" folded\n",
        b"From daemon\n",
        b":x\n",
        b"text\n",
        b"Action: failed\n",
        # (lines that end a header block in other ways: see mime._read_fields)
        b"Two words: x\n",
        b"From x: y\n",
        b"\tfolded: with a colon\n",
        b"X-Empty:\n",
    ]
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(LINES, max_size=30))
def test_any_arrangement_of_lines_splits_as_the_email_package_parses_it(lines: list[bytes]) -> None:
    raw = b"".join(lines)
    same_tree(raw)
    # the same lines with one kind of line break (read with other patterns: see mime._lines)
    same_tree(crlf(raw))
    same_tree(crlf(raw).replace(b"\r\n", b"\n"))


# What Message.__init__ gives every message (a part reads some of them from its class: see mime.Part)
MESSAGE_ATTRIBUTES = sorted(vars(email.message.Message()))


def attributes(message: Any, path: str = "0") -> list[tuple[str, str, object]]:
    """Every attribute Message.__init__ sets, as each part of the tree reads it (defects by type)."""
    found: list[tuple[str, str, object]] = []
    for name in MESSAGE_ATTRIBUTES:
        value = getattr(message, name)
        if name == "defects":
            value = [type(d).__name__ for d in value]
        elif name == "_payload" and isinstance(value, list):
            for n, part in enumerate(value):
                found += attributes(part, f"{path}.{n}")
            value = len(value)
        found.append((path, name, value))
    return found


def test_a_new_part_reads_as_a_new_message() -> None:
    plain = email.message.Message()
    for part in (mime.Part(), mime.Part(plain.policy, [("Subject", "x")])):
        expected = vars(plain) | ({"_headers": [("Subject", "x")]} if len(part) else {})
        assert {name: getattr(part, name) for name in vars(plain)} == expected
    headers = [("Subject", "x")]
    assert mime.Part(plain.policy, headers)._headers is headers  # (kept, not copied)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(LINES, max_size=30))
def test_each_part_holds_what_the_email_packages_own_message_class_holds(lines: list[bytes]) -> None:
    # (the email package's tree with its own Message class, not mime.Part: each attribute read on
    # each part as Message.__init__ and the parser left it)
    for raw in (b"".join(lines), crlf(b"".join(lines))):
        ours, cuts = mime.parse_bytes(raw)
        assert not cuts
        assert attributes(ours) == attributes(email.message_from_bytes(raw))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(LINES, max_size=20))
def test_a_header_block_reads_as_the_header_parser_reads_it(lines: list[bytes]) -> None:
    mixed = b"".join(lines)
    for raw in (mixed, crlf(mixed), crlf(mixed).replace(b"\r\n", b"\n")):
        text = raw.decode("ascii")
        ours = mime.parse_headers(text)
        theirs = email.parser.HeaderParser(policy=mime.Message().policy).parsestr(text)
        assert type(ours) is type(theirs)
        assert shape(ours) == shape(theirs)


# Pieces of Content-Type values, the awkward ones included: quotes, escapes, RFC 2231 names,
# angle brackets, folded lines, empty pieces, upper case and non-ASCII letters.
PARAM_PIECES = st.sampled_from(
    ["text/plain", "multipart/report", ";", "=", " ", "\t", '"', "\\", "*", "*0*", "<", ">",
     "boundary", "Boundary", "charset", 'boundary="b1"', 'boundary=" b1 "', '"x;y"', '""',  "report-type", "x=y", "utf-8", "\u0130", "\u00e9", "\r\n ", "'"]
)  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(PARAM_PIECES, max_size=16).map("".join))
def test_parameters_read_as_the_email_package_reads_them(value: str) -> None:
    import email.message

    ours, theirs = mime.Part(), email.message.Message()
    ours.set_raw("Content-Type", value)
    theirs.set_raw("Content-Type", value)
    for name in ("boundary", "charset", "report-type", "text/plain", "BOUNDARY", ""):
        for unquote in (True, False):
            assert ours.get_param(name, "absent", unquote=unquote) == theirs.get_param(
                name, "absent", unquote=unquote
            ), (name, unquote)
    if len(theirs.get_boundary() or "") <= mime.MAX_BOUNDARY:
        assert ours.get_boundary("absent") == theirs.get_boundary("absent")


# Content-Type values around a charset parameter: its name in any case, its value quoted or not,
# empty, non-ASCII, in RFC 2231 form, among other parameters.
CHARSET_PIECES = st.sampled_from(
    ["text/plain", ";", " ", "\t", "charset=", "CharSet=", "charset*=", "charset*0=", '"', "us-ascii",
     "UTF-8", "ISO-8859-1", "\u00e9", "\u0130", "utf-8''x", "format=flowed", "\r\n ", "=", "<x>", "\\"]
)  # fmt: skip


@settings(max_examples=1000, deadline=None)
@given(st.lists(CHARSET_PIECES, max_size=10).map("".join))
def test_the_charset_reads_as_the_email_package_reads_it(value: str) -> None:
    ours, theirs = mime.Part(), email.message.Message()
    ours.set_raw("Content-Type", value)
    theirs.set_raw("Content-Type", value)
    found = _outcome(ours.get_content_charset, "absent")
    # (the email package's own get_content_charset, on the same part: what Part's replaced)
    assert found == _outcome(email.message.Message.get_content_charset, ours, "absent")
    assert found == _outcome(theirs.get_content_charset, "absent")


def _outcome(call: Any, *args: Any) -> tuple[str, Any]:
    """What a call returns, or the type of what it raises (the email package raises on some
    malformed RFC 2231 parameters)."""
    try:
        return "returned", call(*args)
    except Exception as exc:
        return "raised", type(exc)


def test_a_part_without_a_content_type_has_no_charset() -> None:
    assert mime.Part().get_content_charset("absent") == "absent"
    part = mime.Part()
    part.set_raw("Content-Type", 'text/plain; charset="UTF-8"')
    assert part.get_content_charset() == "utf-8"


@settings(max_examples=500, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(["\r", "\n", "a", " "]), max_size=12),
    st.integers(min_value=0, max_value=12),
    st.integers(min_value=0, max_value=12),
)
def test_a_blank_line_is_found_where_the_pattern_finds_it(text: str, lo: int, hi: int) -> None:
    lo, hi = min(lo, len(text)), min(max(lo, hi), len(text))
    if lo and text[lo - 1] not in "\r\n":
        return  # (lo at a line start, as the splitter asks)
    found = re.compile(mime._BLANK_LINE).search(text, lo, hi)
    expected = lo if lo < hi and text[lo] in "\r\n" else found.end() if found else hi
    assert mime._blank_line(text, lo, hi) == expected
    if "\r" not in text:
        assert mime._blank_line(text, lo, hi, crs=False) == expected


# Header lines for the one-pass reader: fields, continuations, and each kind of line that ends a
# block or sends it to the exact reading (misnamed, nameless, a Unix From line, 8-bit names).
FIELD_LINES = st.sampled_from(
    [
        b"Subject: x\n",
        b"To:a@b\n",
        b"X-Empty:\n",
        b"X-Blanks: \t x \n",
        b" folded\n",
        b"\tfolded: with a colon\n",
        b"Two words: x\n",
        b"Name : x\n",
        b"From x: y\n",
        b"From daemon\n",
        b"From: a@b\n",
        b":x\n",
        b"text\n",
        b"Caf\xc3\xa9: x\n",
        b"X-Del\x7f: x\n",
        b"\n",
        b"\r\n",
        b"Subject: last",
    ]
)


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(FIELD_LINES, max_size=12), st.sampled_from(["", "tail\n"]))
def test_the_one_pass_field_reader_finds_what_the_block_and_pair_patterns_find(
    lines: list[bytes], tail: str
) -> None:
    mixed = b"".join(lines)
    for raw in (mixed, crlf(mixed), crlf(mixed).replace(b"\r\n", b"\n")):
        text = raw.decode("ascii", "surrogateescape") + tail
        kind = mime._lines(text)
        found = mime._read_fields(text, 0, len(text), kind)
        if found is None:
            continue  # (read the exact way)
        end = kind.block.match(text).end()  # type: ignore[union-attr]
        part = mime.Part()
        assert end == 0 or mime._set_headers(part, text[:end], kind)
        assert found == (end, list(part.raw_items()))


# _FIELD_LF before its name's set held a CR (a set of two runs, which re tests as two ranges)
_FIELD_LF_TWO_RUNS = r"([\041-\071\073-\176]++):[ \t]*+([^\n]*+(?:\n[ \t][^\n]*+)*+)\n?+|(?s:.++)"


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(FIELD_LINES, max_size=12), st.sampled_from(["", "tail\n"]), st.data())
def test_the_field_pattern_with_a_cr_in_its_name_set_reads_as_without(
    lines: list[bytes], tail: str, data: st.DataObject
) -> None:
    mixed = b"".join(lines)
    for raw in (mixed, crlf(mixed), crlf(mixed).replace(b"\r\n", b"\n")):
        text = raw.decode("ascii", "surrogateescape") + tail
        if mime._lines(text) is mime._ANY_BREAKS:
            continue  # (read with the patterns for any line break)
        lo = data.draw(st.integers(0, len(text)))
        hi = data.draw(st.integers(lo, len(text)))
        assert mime._FIELD_LF.findall(text, lo, hi) == re.findall(_FIELD_LF_TWO_RUNS, text[lo:hi])


def test_the_one_pass_field_reader_reads_the_common_shape() -> None:
    # (so that the test above does not pass by sending every block the exact way)
    text = "Subject: x\nTo:a@b\n  folded\n\nbody\n"
    found = mime._read_fields(text, 0, len(text), mime._lines(text))
    assert found == (text.index("\n\n") + 1, [("Subject", "x"), ("To", "a@b\n  folded")])
    text = crlf(text.encode()).decode()
    assert mime._lines(text) is mime._CRLFS_ONLY  # (its own pattern: values without their CR)
    found = mime._read_fields(text, 0, len(text), mime._lines(text))
    assert found == (text.index("\r\n\r\n") + 2, [("Subject", "x"), ("To", "a@b\r\n  folded")])
