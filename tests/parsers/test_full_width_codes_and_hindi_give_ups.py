"""Codes in full-width forms, and Hindi final-report sentences.

Chinese and Japanese servers write reply and status codes in full-width digits ("５５０ 用户不存在",
"５．１．１"), often with an ideographic space after them: the code readers read those as ASCII.
A Hindi report that says "not delivered yet" and also that the server gave up is final, not a delay
warning; the Hindi sentence that names how long, or "yet" / "still", stays the warning's.
"""

from __future__ import annotations

import pytest

from parsers.reasons import derive, is_delay_notice, reply_code_in_text, status_in_text
from parsers.reasons.codes import USER_UNKNOWN


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("５５０ 用户不存在", "550"),
        ("５５０　５．１．１　ユーザが存在しません", "550"),
        ("550　ユーザが存在しません", None),  # (an ideographic space alone is not translated)
        ("４５２－メールボックスが一杯です", None),  # (a full-width hyphen is no continuation mark)
        ("電話 ０３－５５５０－１２３４", None),  # (digits of a longer number)
        ("five fifty", None),
    ],
)
def test_full_width_reply_codes(text: str, code: str | None) -> None:
    assert reply_code_in_text(text) == code


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("５５０　５．１．１　ユーザが存在しません", "5.1.1"),
        ("５．２．２ メールボックスの容量を超えています", "5.2.2"),
        ("550 5．1．1 收件人不存在", "5.1.1"),
        ("v５．１．１ 版本", None),  # (a version string)
        ("１９２．１６８．５．１．１", None),  # (a dotted address)
    ],
)
def test_full_width_status_codes(text: str, status: str | None) -> None:
    assert status_in_text(text) == status


def test_a_full_width_unknown_user_under_a_generic_status_is_hard() -> None:
    assert derive(status="5.0.0", diagnostic="５５０ 用户不存在") == USER_UNKNOWN
    assert derive(diagnostic="５．１．１ 宛先のユーザが存在しません") == USER_UNKNOWN


def test_ascii_text_is_read_as_before() -> None:
    assert reply_code_in_text("550 5.1.1 user unknown") == "550"
    assert status_in_text("550 5.1.1 user unknown") == "5.1.1"


_WARNING = "यह केवल एक चेतावनी है। आपका संदेश 5 दिनों के बाद भी अभी तक डिलीवर नहीं हुआ है। "


@pytest.mark.parametrize(
    "final",
    [
        "सर्वर ने प्रयास छो\u095c दिया है।",  # gave up trying (precomposed nukta)
        "सर्वर ने प्रयास छोड\u093c दिया है।",  # (decomposed nukta)
        "सर्वर ने प्रयास बंद कर दिए।",  # stopped the attempts
        "डिलीवरी का प्रयास छो\u095c दिया गया।",  # delivery was given up
        "आगे कोई प्रयास नहीं किया जाएगा।",  # no further attempt will be made
        "स्थायी त्रुटि।",  # permanent error
        "आपका संदेश डिलीवर नहीं हो सका।",  # could not be delivered
        "संदेश वितरित नहीं किया जा सका।",
    ],
)
def test_a_hindi_report_that_gave_up_is_final(final: str) -> None:
    assert is_delay_notice("", _WARNING) and not is_delay_notice("", _WARNING + final)


@pytest.mark.parametrize(
    "still",
    [
        "आपका संदेश 4 घंटों से डिलीवर नहीं हो सका।",  # (for 4 hours: the warning's sentence)
        "संदेश अभी भी डिलीवर नहीं हुआ।",  # (still not delivered)
        "संदेश अब तक डिलीवर नहीं हुआ।",  # (not delivered so far)
        "अस्थायी त्रुटि।",  # (a temporary error)
        "कृपया बाद में फिर से प्रयास करें।",  # (please try again later)
        "सर्वर फिर से प्रयास करेगा।",  # (the server will try again)
    ],
)
def test_a_hindi_warning_stays_a_warning(still: str) -> None:
    assert is_delay_notice("", _WARNING + still)
