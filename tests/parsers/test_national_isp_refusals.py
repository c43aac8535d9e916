"""National providers' own words (issue 12): the recipient's refusal settings in Japanese, Chinese
and Korean are the recipient's filter (soft), and full-width reply codes count as codes where the
fallback asks whether a text gives a cause and where a reply is read as quoting the recipient."""

from __future__ import annotations

import pytest

from parsers import core, fallback, reasons
from parsers.reasons.codes import FILTERED


@pytest.mark.parametrize(
    "text",
    [
        "550 受信者の設定により受信を拒否しました",
        "理由：受信者の受信拒否設定により受信できませんでした。",
        "原因：收件人已设置拒收您的邮件",
        "对方已将您加入黑名单",
        "실패 사유: 수신자의 수신 거부 설정에 의해 메일이 차단되었습니다.",
        "받는 사람이 메일 수신을 거부했습니다",
        "550 rejected by the recipient's setting",
    ],
)
def test_recipient_refusal_settings_are_the_recipients_filter(text: str) -> None:
    assert reasons.match_text(text) == FILTERED


@pytest.mark.parametrize(
    "text",
    [
        # the receiving server's own spam refusal, and a refusal of the sender: not the recipient's
        "554 스팸으로 판단되어 메일 수신이 거부되었습니다",
        "554 邮件被拒收：内容疑似垃圾邮件",
        "送信者のアドレスが拒否されました",
    ],
)
def test_server_refusals_are_not_the_recipients_filter(text: str) -> None:
    assert reasons.match_text(text) != FILTERED


def test_full_width_reply_code_gives_a_cause() -> None:
    assert fallback.says_why("相手サーバーの応答: ５５０")
    assert not fallback.says_why("相手サーバーの応答: 不明")


def test_full_width_reply_code_quotes_the_recipient() -> None:
    assert core._quotes_recipient("５５０　<ren.k@example.jp>... 拒否", "ren.k@example.jp")
    assert not core._quotes_recipient("お問い合わせ ren.k@example.jp", "ren.k@example.jp")
