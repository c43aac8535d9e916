"""Addresses as East Asian input methods type them (full-width forms, the ideographic full stop for
a dot), with the invisible marks right-to-left text puts around them, and as prose quotes them
(typographic quotes): the address each is, in the text reader of reports in no known format
(parsers.fallback)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parsers import fallback


@pytest.mark.parametrize(
    ("text", "narrowed"),
    [
        ("宛先: tanaka＠example.co.jp", "宛先: tanaka@example.co.jp"),
        ("　ｙａｍａｄａ＠ｅｘａｍｐｌｅ．ｎｅ．ｊｐ\n", "　yamada@example.ne.jp\n"),
        ("ｓａｉｔｏ＿ｍ＠ｅｘａｍｐｌｅ．ｊｐ：", "saito_m@example.jp："),
        ("wang.li@example。cn", "wang.li@example.cn"),
        ("liu。yang@mail。example。cn", "liu.yang@mail.example.cn"),
        ("a@example｡com", "a@example.com"),
        # the stop that ends a sentence after an address written with its dots stays
        ("mori.t@example.co.jp。Please check", "mori.t@example.co.jp。Please check"),
        ("宛先 mori.t@example.co.jp。", "宛先 mori.t@example.co.jp。"),
        # full-width text that holds no address stays as it was
        ("エラー：５５０　ユーザーが存在しません。", "エラー：５５０　ユーザーが存在しません。"),
        ("メール。送信", "メール。送信"),
        # invisible marks in or beside an address dropped; a zero-width space between Thai words kept
        ("\u200fdavid@example.co.il\u200f", "david@example.co.il"),
        ("\u202breza@example.ir\u202c", "reza@example.ir"),
        ("tom.hill@\u200bexample.co.uk", "tom.hill@example.co.uk"),
        ("jo\u00adhn@exam\u2060ple.com", "john@example.com"),
        ("ไม่พบ\u200bผู้รับ", "ไม่พบ\u200bผู้รับ"),
    ],
)
def test_typed_forms_narrowed(text: str, narrowed: str) -> None:
    assert fallback.addresses_as_typed(text) == narrowed


@settings(max_examples=300)
@given(st.text(alphabet=st.characters(max_codepoint=0x1FFF, exclude_characters="\u00ad")))
def test_text_without_wide_forms_or_invisible_marks_is_unchanged(text: str) -> None:
    assert fallback.addresses_as_typed(text) is text


@pytest.mark.parametrize(
    "sentence",
    [
        "전송되지 않았습니다",  # Korean: was not sent
        "전송 실패",
        "邮件无法送达",  # Chinese (simplified): could not be delivered
    ],
)
def test_not_delivered_sentences(sentence: str) -> None:
    assert fallback._NOT_DELIVERED.occurs_in(sentence)
