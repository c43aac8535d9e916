"""delivery_receipt looks for the plain failure words in the text as written before lower-casing it
(a lower-case word the text holds, its lower-cased form holds too): it answers as when it lower-cased
first."""

from __future__ import annotations

import importlib

from hypothesis import given, settings
from hypothesis import strategies as st

classify = importlib.import_module("parsers.reasons.classify")


def _reference_receipt(subject: str, text: str) -> str | None:
    """delivery_receipt as it lower-cased the text before any search."""
    head = text[:8000]
    low = head.lower()
    if any(word in low for word in classify._PLAIN_FAILURE_WORDS.words):
        return None
    holds_receipt_word = any(word in low for word in classify._RECEIPT_WORDS.words)
    if not holds_receipt_word or not classify._RECEIPT.occurs_in(head):
        return None
    whole = subject + "\n" + head
    if classify._NO_RECEIPT.occurs_in(whole) or classify._FINAL.occurs_in(whole):
        return None
    return "relayed" if "relayed" in low and "delivered" not in low else "delivered"


_PIECES = st.sampled_from(
    ["Your message ", "was delivered to ", "were Relayed to the following recipients", "successfully delivered",
     "Fail", "FAIL", "fail", "Error", "error", "UNKNOWN", "unknown", "Delayed", "bounced", "\u03a3", "\u0130",
     "K\u212aelvin", "ed", "fa", "il", " ", "\n", "a@b.example", "relayed", "zugestellt", "erfolgreich zugestellt",
     " " * 3000]
)  # fmt: skip


@settings(max_examples=600, deadline=None)
@given(st.lists(_PIECES, max_size=10).map("".join), st.sampled_from(["", "Delivered", "Returned mail"]))
def test_receipt_as_when_the_text_was_lower_cased_first(text: str, subject: str) -> None:
    assert classify.delivery_receipt(subject, text) == _reference_receipt(subject, text)


def test_receipts() -> None:
    assert classify.delivery_receipt("", "Your message was delivered to a@b.example") == "delivered"
    assert classify.delivery_receipt("", "Your message was delivered to a@b.example. FAILED") is None
    assert classify.delivery_receipt("", "Your message was delivered to a@b.example. failed") is None
    # (only the first 8000 characters are read)
    assert (
        classify.delivery_receipt("", "Your message was delivered to a@b.example" + " " * 8000 + "failed")
        == "delivered"
    )
