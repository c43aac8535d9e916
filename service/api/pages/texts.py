"""The words of the public unsubscribe and report-spam pages, one dict per language.

Keys are `PAGE.PART`; a text may hold `{address}` (the recipient, escaped and inserted by the
renderer), nothing else. Every language has every key (a test checks it). Wording: short, plain,
formal where the language has a formal address (German "Sie"), and the sender is "this sender"
because the recipient knows it from the message, while the account id is ours, not theirs.
"""

from __future__ import annotations

from collections.abc import Mapping

DEFAULT_LANGUAGE = "en"

ENGLISH: Mapping[str, str] = {
    "unsubscribe_confirm.heading": "Unsubscribe",
    "unsubscribe_confirm.text": "Select the button to stop receiving emails from this sender at {address}.",
    "unsubscribe_confirm.button": "Unsubscribe",
    "unsubscribe_done.heading": "You are unsubscribed",
    "unsubscribe_done.text": "You will no longer receive emails from this sender at {address}.",
    "report_confirm.heading": "Report spam",
    "report_confirm.text": (
        "Select the button to report this email as spam. "
        "You will then no longer receive emails from this sender at {address}."
    ),
    "report_confirm.button": "Report spam",
    "report_done.heading": "Thank you for your report",
    "report_done.text": "You will no longer receive emails from this sender at {address}.",
    "not_found.heading": "This link is not valid",
    "not_found.text": "Please check that you opened the complete link from the email.",
    "too_many_requests.heading": "Too many requests",
    "too_many_requests.text": "Please wait a moment and try again.",
}

GERMAN: Mapping[str, str] = {
    "unsubscribe_confirm.heading": "Abmelden",
    "unsubscribe_confirm.text": (
        "Klicken Sie auf die Schaltfläche, um keine E-Mails mehr von diesem Absender an {address} zu erhalten."
    ),
    "unsubscribe_confirm.button": "Abmelden",
    "unsubscribe_done.heading": "Sie sind abgemeldet",
    "unsubscribe_done.text": "Sie erhalten keine E-Mails mehr von diesem Absender an {address}.",
    "report_confirm.heading": "Als Spam melden",
    "report_confirm.text": (
        "Klicken Sie auf die Schaltfläche, um diese E-Mail als Spam zu melden. "
        "Danach erhalten Sie keine E-Mails mehr von diesem Absender an {address}."
    ),
    "report_confirm.button": "Als Spam melden",
    "report_done.heading": "Vielen Dank für Ihre Meldung",
    "report_done.text": "Sie erhalten keine E-Mails mehr von diesem Absender an {address}.",
    "not_found.heading": "Dieser Link ist ungültig",
    "not_found.text": "Bitte prüfen Sie, ob Sie den vollständigen Link aus der E-Mail geöffnet haben.",
    "too_many_requests.heading": "Zu viele Anfragen",
    "too_many_requests.text": "Bitte warten Sie einen Moment und versuchen Sie es dann erneut.",
}

DANISH: Mapping[str, str] = {
    "unsubscribe_confirm.heading": "Afmeld",
    "unsubscribe_confirm.text": (
        "Klik på knappen for ikke længere at modtage e-mails fra denne afsender på {address}."
    ),
    "unsubscribe_confirm.button": "Afmeld",
    "unsubscribe_done.heading": "Du er afmeldt",
    "unsubscribe_done.text": "Du modtager ikke længere e-mails fra denne afsender på {address}.",
    "report_confirm.heading": "Rapportér spam",
    "report_confirm.text": (
        "Klik på knappen for at rapportere denne e-mail som spam. "
        "Derefter modtager du ikke længere e-mails fra denne afsender på {address}."
    ),
    "report_confirm.button": "Rapportér spam",
    "report_done.heading": "Tak for din indberetning",
    "report_done.text": "Du modtager ikke længere e-mails fra denne afsender på {address}.",
    "not_found.heading": "Dette link er ugyldigt",
    "not_found.text": "Kontrollér, at du har åbnet hele linket fra e-mailen.",
    "too_many_requests.heading": "For mange forespørgsler",
    "too_many_requests.text": "Vent et øjeblik, og prøv så igen.",
}

VIETNAMESE: Mapping[str, str] = {
    "unsubscribe_confirm.heading": "Hủy đăng ký",
    "unsubscribe_confirm.text": (
        "Nhấn vào nút bên dưới để ngừng nhận email từ người gửi này tại địa chỉ {address}."
    ),
    "unsubscribe_confirm.button": "Hủy đăng ký",
    "unsubscribe_done.heading": "Bạn đã hủy đăng ký",
    "unsubscribe_done.text": "Bạn sẽ không nhận được email từ người gửi này tại địa chỉ {address} nữa.",
    "report_confirm.heading": "Báo cáo thư rác",
    "report_confirm.text": (
        "Nhấn vào nút bên dưới để báo cáo email này là thư rác. "
        "Sau đó, bạn sẽ không nhận được email từ người gửi này tại địa chỉ {address} nữa."
    ),
    "report_confirm.button": "Báo cáo thư rác",
    "report_done.heading": "Cảm ơn bạn đã báo cáo",
    "report_done.text": "Bạn sẽ không nhận được email từ người gửi này tại địa chỉ {address} nữa.",
    "not_found.heading": "Liên kết này không hợp lệ",
    "not_found.text": "Vui lòng kiểm tra xem bạn đã mở toàn bộ liên kết trong email chưa.",
    "too_many_requests.heading": "Quá nhiều yêu cầu",
    "too_many_requests.text": "Vui lòng đợi một lát rồi thử lại.",
}

# Language tag (RFC 5646, lower case) -> texts. The first entry is the fallback.
TEXTS: Mapping[str, Mapping[str, str]] = {
    DEFAULT_LANGUAGE: ENGLISH,
    "de": GERMAN,
    "da": DANISH,
    "vi": VIETNAMESE,
}
