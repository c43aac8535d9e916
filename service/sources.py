"""Where raw messages come from on disk: single files, maildirs, folders of files, mbox files."""

from __future__ import annotations

import collections
import os
import re
from collections.abc import Iterable, Iterator

TYPE_CHECKING = False

# An mbox envelope line: "From sender date" (sender may be MAILER-DAEMON, an address, or "-").
# (compiled when first met, by re: most calls read no mbox and no message with such a line)
_MBOX_FROM = rb"^From \S+ "
_CHUNK = 1 << 16  # (what each read asks for: more than most messages hold)


_RAW_MESSAGE_DOC = """One message read from disk, or the reason it could not be read. (A named tuple: a
dataclass would import dataclasses, and with it inspect, into every `bounceback parse`.)"""

if TYPE_CHECKING:
    from typing import NamedTuple

    class RawMessage(NamedTuple):
        source: str
        raw: bytes | None = None
        error: str | None = None

else:
    # (the class typing.NamedTuple would build, without importing typing: ~10 M instructions of a
    # `bounceback parse`'s start-up; this module is below the parsers and uses only the standard
    # library, so not parsers.typenames)
    RawMessage = collections.namedtuple("RawMessage", ("source", "raw", "error"), defaults=(None, None))
    RawMessage.__doc__ = _RAW_MESSAGE_DOC


def strip_envelope_line(raw: bytes) -> bytes:
    """Drop a leading mbox `From ` envelope line, which is not part of the RFC 5322 message."""
    if raw.startswith(b"From ") and re.match(_MBOX_FROM, raw):
        end = raw.find(b"\n")
        return raw[end + 1 :] if end >= 0 else b""
    return raw


def iter_mbox(path: str, data: bytes) -> Iterator[RawMessage]:
    """Split an mbox (mboxrd/mboxo) into messages; `>From ` quoting is undone. Sources are PATH:N."""
    lines = data.splitlines(keepends=True)
    current: list[bytes] = []
    n = 0
    started = False
    previous_blank = True
    envelope_line = re.compile(_MBOX_FROM).match
    for line in lines:
        if envelope_line(line) and previous_blank:
            if started:
                n += 1
                yield RawMessage(f"{path}:{n}", _unquote_mbox(current))
            current = []
            started = True
        elif started:
            current.append(line)
        previous_blank = line in (b"\n", b"\r\n")
    if started:
        n += 1
        yield RawMessage(f"{path}:{n}", _unquote_mbox(current))
    elif data.strip():
        # Not an mbox after all: treat the whole file as one message.
        yield RawMessage(f"{path}:1", data)


def _unquote_mbox(lines: list[bytes]) -> bytes:
    out = []
    for line in lines:
        if line.startswith(b">") and line.lstrip(b">").startswith(b"From "):
            line = line[1:]
        out.append(line)
    body = b"".join(out)
    # The blank line separating messages belongs to the mbox, not to the message.
    if body.endswith(b"\r\n\r\n"):
        body = body[:-2]
    elif body.endswith(b"\n\n"):
        body = body[:-1]
    return body


# (a message read is made as the tuple it is: the named tuple's generated __new__ is a Python
# function with defaults, about 1,200 of the 3,500 instructions of making one that way)
_new_message = tuple.__new__


def _read(path: str) -> RawMessage:
    try:
        return _new_message(RawMessage, (path, strip_envelope_line(read_file(path)), None))
    except OSError as exc:
        return RawMessage(path, error=f"cannot read {path}: {exc.strerror or exc}")


_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_BINARY", 0)


def read_file(path: str) -> bytes:
    """The whole file at `path`, read until a read returns nothing: for a message under _CHUNK
    bytes, four system calls (open, a read of it whole, a read that finds the end, close) where a
    file object makes seven. (The size from os.fstat would spare the second read, but building
    its result cost the process more instructions than the read: 6,400 against 1,500.)"""
    fd = os.open(path, _OPEN_FLAGS)
    try:
        data = os.read(fd, _CHUNK)
        more = os.read(fd, _CHUNK) if data else b""
        if not more:  # (the common case: the whole file in one read)
            return data
        chunks = [data, more]
        want = _CHUNK
        while True:
            want *= 2  # (a large file in a few reads)
            data = os.read(fd, want)
            if not data:
                break
            chunks.append(data)
        return b"".join(chunks)
    finally:
        os.close(fd)


def _directory_files(path: str) -> Iterator[str]:
    """The message files of a maildir (cur/ and new/) or a folder of message files, in a stable order."""
    subdirs = [os.path.join(path, d) for d in ("new", "cur")]
    if all(os.path.isdir(os.path.join(path, d)) for d in ("cur", "new", "tmp")):
        roots = subdirs
    else:
        roots = [path]
    for root in roots:
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames.sort()
            dirnames[:] = [d for d in dirnames if not d.startswith(".") and d != "tmp"]
            # (what os.path.join(dirpath, name) gives, the folder's part joined once, not per file)
            prefix = os.path.join(dirpath, "")
            for name in sorted(filenames):
                if not name.startswith("."):
                    yield prefix + name


def _is_mbox(path: str, mbox: bool) -> bool:
    return mbox or path.endswith(".mbox")


def iter_messages(paths: Iterable[str], *, mbox: bool = False) -> Iterator[RawMessage]:
    """Every message under the given paths. Unreadable paths yield a RawMessage with `error` set."""
    for path in paths:
        if os.path.isdir(path):
            yield from map(_read, _directory_files(path))
        elif _is_mbox(path, mbox):
            try:
                with open(path, "rb") as fh:
                    data = fh.read()
            except OSError as exc:
                yield RawMessage(path, error=f"cannot read {path}: {exc.strerror or exc}")
                continue
            yield from iter_mbox(path, data)
        elif not os.path.exists(path):
            yield RawMessage(path, error=f"cannot read {path}: no such file or directory")
        else:
            yield _read(path)


def count_messages(paths: Iterable[str], *, mbox: bool = False) -> int | None:
    """How many items `iter_messages` will yield, from directory listings alone; None when an mbox
    is among the paths (only reading it tells how many messages it holds)."""
    total = 0
    for path in paths:
        if os.path.isdir(path):
            total += sum(1 for _ in _directory_files(path))
        elif _is_mbox(path, mbox):
            return None
        else:
            total += 1  # a message, or the error saying why it cannot be read
    return total
