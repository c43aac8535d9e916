"""A report part's header blocks are read as before whatever order report_text tests a block's body
in: the body is read only for a block that is no multipart and has a body."""

from __future__ import annotations

from email.message import Message

from hypothesis import given, settings
from hypothesis import strategies as st

from parsers.mail import decode_header_value, payload_text, report_text

# (a block's body: none, white space, text, or parts of its own)
_BODIES = st.sampled_from(["", " \n", "Diagnostic-Code: smtp; 550 no such user\n", "x", None])


def _block(body: str | None) -> Message:
    block = Message()
    block["Final-Recipient"] = "rfc822; a@example.org"
    if body is None:
        inner = Message()
        inner.set_payload("inner text")
        block.attach(inner)
    else:
        block.set_payload(body)
    return block


def _read(blocks: list[Message]) -> str:
    """The reading it keeps: each block's header lines, then its body where it is a single part
    with non-blank text."""
    texts = []
    for block in blocks:
        texts.append("\n".join(f"{k}: {decode_header_value(v)}" for k, v in block.items()))
        if not block.is_multipart() and block.get_payload() != "":
            rest = payload_text(block)
            if rest.strip():
                texts.append(rest)
    return "\n\n".join(texts)


@settings(max_examples=300, deadline=None)
@given(st.lists(_BODIES, min_size=1, max_size=4))
def test_blocks_are_read_with_their_bodies(bodies: list[str | None]) -> None:
    blocks = [_block(body) for body in bodies]
    part = Message()
    part["Content-Type"] = "message/delivery-status"
    part.set_payload(blocks)
    assert report_text(part, decode_header_value) == _read(blocks)
