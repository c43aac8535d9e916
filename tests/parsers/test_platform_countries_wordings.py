"""The platforms' own countries, a third pass (issue 12): what German, Danish and Vietnamese hosts and
their users' mailboxes answer that main read as nothing, or as the wrong thing — an address "not known
to us", an account "ended" or "no longer available", an address "ceased", a name lookup that failed
(soft, not a domain gone), Vietnamese "no longer used" and "not accurate", and written without
diacritics; the recipient's own block of the sender after DATA (filtered); auto-replies that say the
person is away or has left in words main did not know. The look-alikes keep what they had."""

from __future__ import annotations

import pytest

from parsers import parse
from parsers import reasons as r
from parsers.reasons.codes import (
    ACCOUNT_DISABLED,
    BLOCKED,
    FILTERED,
    HOST_UNKNOWN,
    NETWORK_ERROR,
    NOT_ACCEPT,
    SPAM_DETECTED,
    SUSPEND,
    USER_UNKNOWN,
    VIRUS_DETECTED,
)
from tests.parsers.languages import check_not_gone, check_phrases

CASES = [
    # German (T-Online, IONOS, Strato, Hetzner/All-Inkl hosting, company Exim/Postfix templates)
    ("550 Diese E-Mail-Adresse ist uns nicht bekannt", USER_UNKNOWN),
    ("550 Der Empfänger ist hier nicht bekannt", USER_UNKNOWN),
    ("550 Es existiert kein Postfach für diese Adresse", USER_UNKNOWN),
    ("550 Kein Postfach für diese E-Mail-Adresse", USER_UNKNOWN),
    ("550 Das E-Mail-Konto dieses Empfängers wurde beendet", ACCOUNT_DISABLED),
    ("550 Dieser Account ist nicht mehr verfügbar", ACCOUNT_DISABLED),
    ("550 Konto wurde aufgrund von Inaktivität gelöscht", ACCOUNT_DISABLED),
    ("550 Das Benutzerkonto wurde gesperrt und wird nicht mehr verwendet", ACCOUNT_DISABLED),
    ("550 Der Benutzer wurde gelöscht", ACCOUNT_DISABLED),
    ("550 Empfänger gesperrt", SUSPEND),
    ("550 Das Konto ist deaktiviert (vorübergehend)", SUSPEND),
    ("550 Der Empfänger ist vorläufig deaktiviert", SUSPEND),
    ("451 Zielserver nicht erreichbar", NETWORK_ERROR),
    ("554 Nachricht enthält unerwünschte Inhalte", SPAM_DETECTED),
    ("550 Der E-Mail-Dienst für diese Adresse wurde eingestellt", ACCOUNT_DISABLED),
    ("550 Das Postfach ist zur Zeit gesperrt", SUSPEND),
    ("550 Das Konto ist derzeit gesperrt", SUSPEND),
    ("451 Fehler bei der Namensauflösung", NETWORK_ERROR),
    ("451 DNS-Abfrage fehlgeschlagen", NETWORK_ERROR),
    ("451 Host oder Domänenname nicht gefunden. Versuchen Sie es später erneut.", NETWORK_ERROR),
    # Danish (TDC/YouSee/Nuuday, Norlys, Stofa, one.com, Simply.com)
    ("550 Denne e-mailadresse er ophørt", ACCOUNT_DISABLED),
    ("550 Kontoen er ophørt", ACCOUNT_DISABLED),
    ("550 Brugeren har ingen postkasse på denne server", USER_UNKNOWN),
    ("550 Kontoen er lukket midlertidigt", SUSPEND),
    ("550 Modtageren er slettet fra systemet", ACCOUNT_DISABLED),
    ("550 Modtagerdomænet er ugyldigt", HOST_UNKNOWN),
    ("554 Din e-mail blev afvist, da den ligner spam", SPAM_DETECTED),
    ("451 Midlertidig fejl i navneopslag, prøv igen senere", NETWORK_ERROR),
    ("451 DNS-opslag mislykkedes", NETWORK_ERROR),
    # Vietnamese (VNPT, Viettel, FPT, PA Vietnam, Mắt Bão, Nhân Hòa), with and without diacritics
    ("550 Email khong hop le", USER_UNKNOWN),
    ("550 Tên đăng nhập không tồn tại", USER_UNKNOWN),
    ("550 Email người nhận không hợp lệ", USER_UNKNOWN),
    ("550 Địa chỉ email người nhận không chính xác", USER_UNKNOWN),
    ("550 Dia chi email khong chinh xac", USER_UNKNOWN),
    ("550 Tài khoản email này đã ngừng sử dụng", ACCOUNT_DISABLED),
    ("550 Hop thu nay da ngung su dung", ACCOUNT_DISABLED),
    ("450 Hộp thư tạm thời không khả dụng", SUSPEND),
    ("450 Tai khoan nguoi nhan tam thoi khong kha dung", SUSPEND),
    ("451 Lỗi phân giải tên miền", NETWORK_ERROR),
    ("451 Khong the phan giai ten mien", NETWORK_ERROR),
    ("550 Người dùng đã bị khóa tài khoản", SUSPEND),
    ("550 Miền không tồn tại", HOST_UNKNOWN),
    ("550 Hop thu nguoi nhan da bi vo hieu hoa", ACCOUNT_DISABLED),
    ("554 Địa chỉ IP gửi thư đã bị từ chối", BLOCKED),
    ("554 Thư bị từ chối vì chứa virus", VIRUS_DETECTED),
]

# the recipient's own block of the sender, after DATA: its filter (soft), as English's "refused due
# to recipient preferences"
FILTERED_AFTER_DATA = [
    "550 Der Empfänger hat Ihre Absenderadresse blockiert",
    "550 Modtageren har blokeret din adresse",
    "550 Người nhận đã chặn địa chỉ của bạn",
]

# what the new words must not reach: a pause, the message's content, the sender's own account or
# address, a mailbox unavailable for now
LOOKALIKES = [
    "550 Das Postfach ist vorübergehend nicht verfügbar",
    "550 Ihr Konto wurde beendet",
    "550 Die Absenderadresse ist uns nicht bekannt",
    "550 Din konto er ophørt",
    "550 Tài khoản người nhận đã bị tạm ngừng sử dụng",
    "550 Noi dung email khong hop le",
    "550 Tiêu đề email không hợp lệ",
    "550 Tên đăng nhập hoặc mật khẩu không tồn tại",
    "550 Die Weiterleitung für dieses Postfach ist eingestellt",
    "550 Ihr Benutzer wurde gelöscht",
    "550 Absender-Domain nimmt keine Mails an",
    "550 Die Absenderdomain nimmt keine Mails an",
    "550 Afsenderdomænet er ugyldigt",
]


def test_platform_country_wordings() -> None:
    check_phrases(CASES)


def test_a_domain_that_takes_no_mail_is_hard() -> None:
    # (English's "domain does not accept mail", a null MX's words: not_accept, which classifies hard)
    text = "550 Die Domain nimmt keine E-Mails an"
    assert r.derive("5.0.0", "550", text, "failed", "RCPT") == NOT_ACCEPT
    assert r.classify(NOT_ACCEPT, "5.0.0", "550") == "hard"


@pytest.mark.parametrize("text", FILTERED_AFTER_DATA)
def test_the_recipients_own_block_after_data_is_its_filter(text: str) -> None:
    assert r.derive("5.0.0", "550", text, "failed", "DATA") == FILTERED, text


@pytest.mark.parametrize("text", LOOKALIKES)
def test_lookalikes_are_not_the_address_gone(text: str) -> None:
    check_not_gone(text)


def _reply(body: str, subject: str = "Re: Angebot", headers: str = "") -> bytes:
    """An answer to our message from the null sender (RFC 3834's auto-reply sender)."""
    return (
        "Return-Path: <>\nFrom: Someone <someone@firma.example>\nTo: news@shop.example\n"
        f"Subject: {subject}\nIn-Reply-To: <offer@shop.example>\n{headers}"
        "MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n"
        f"{body}\n"
    ).encode()


AWAY = [
    "Ich befinde mich bis zum 4. Januar im Urlaub.",
    "Ich befinde mich auf Geschäftsreise.",
    "Ich bin ab dem 04.01.2027 wieder im Büro.",
    "Jeg har ferie i uge 52.",
    "Jeg er på barsel frem til august.",
    "Jeg er på kursus til og med fredag.",
    "Ich bin bis Freitag auf einer Schulung.",
    "Vom 21.12. bis 06.01. bin ich nicht erreichbar.",
    "Jeg er væk fra kontoret indtil mandag.",
    "Ich bin derzeit in Elternzeit.",
    "Jeg er ikke på arbejde før den 5. januar.",
    "Hiện tôi không có mặt tại văn phòng cho đến ngày 04/01.",
    "Tôi sẽ vắng mặt từ ngày 20/12 đến ngày 03/01.",
    "Toi dang nghi phep den het ngay 05/01.",
    "Hien toi khong co mat tai van phong.",
]

LEFT = [
    "Frau Schneider ist aus unserem Unternehmen ausgeschieden.",
    "Herr Wolf ist nicht mehr im Hause.",
    "Sofie Jensen har forladt virksomheden.",
    "Jeg er stoppet hos Kommunen pr. 1. december.",
    "Henrik Berg er fratrådt pr. 30. november.",
    "Denne mailadresse er ikke længere i brug.",
    "Denne postkasse er nedlagt.",
    "Dieses Postfach existiert nicht mehr.",
    "Herr Klein arbeitet nicht mehr bei der Muster GmbH.",
    "Jeg arbejder ikke længere hos Tømrer ApS.",
    "Em đã nghỉ làm ở công ty từ tháng 11.",
    "Jeg er gået på pension, og denne mail læses ikke længere.",
    "Herr Braun ist in den Ruhestand gegangen.",
    "Tôi đã thôi việc tại công ty.",
    "Toi da nghi huu.",
    "Tôi không còn làm việc tại Công ty ABC.",
    "Toi khong con lam viec tai cong ty.",
    "Toi da nghi viec tai cong ty.",
    "Dia chi email nay khong con duoc su dung.",
    "Tôi đã chuyển công tác sang đơn vị khác.",
]


@pytest.mark.parametrize("body", AWAY)
def test_away_from_the_null_sender_is_an_auto_reply(body: str) -> None:
    events = parse(_reply(body)).events
    assert [(e.type, e.reason) for e in events] == [("auto_reply", "vacation")], body


@pytest.mark.parametrize("body", LEFT)
def test_left_or_closed_is_has_moved(body: str) -> None:
    events = parse(_reply(body, "Automatische Antwort: Angebot", "Auto-Submitted: auto-replied\n")).events
    assert [(e.type, e.reason) for e in events] == [("auto_reply", "has_moved")], body


# a person who is away says so too: only machine mail is read by its words, and a vacation is no move
STAYS_VACATION = [
    "Ich bin im Urlaub und ab dem 4. Januar wieder im Büro.",
    "Tôi đang đi công tác, sẽ trả lời sau.",
    "Jeg er stoppet med at læse mails i ferien.",
]


@pytest.mark.parametrize("body", STAYS_VACATION)
def test_a_vacation_is_no_move(body: str) -> None:
    events = parse(_reply(body, "Automatische Antwort: Angebot", "Auto-Submitted: auto-replied\n")).events
    assert [(e.type, e.reason) for e in events] == [("auto_reply", "vacation")], body


# a vacation notice's own titles, with no auto-reply header and from a person's address
SUBJECTS = [
    "Urlaubsabwesenheit: Angebot",
    "Abwesenheit: Angebot",
    "Phan hoi tu dong: Khuyen mai",
    "Phản hồi tự động: Khuyến mãi",
]


@pytest.mark.parametrize("subject", SUBJECTS)
def test_vacation_titles_are_auto_replies(subject: str) -> None:
    raw = _reply("Vielen Dank für Ihre Nachricht.", subject).replace(
        b"Return-Path: <>", b"Return-Path: <someone@firma.example>"
    )
    assert [(e.type, e.reason) for e in parse(raw).events] == [("auto_reply", "vacation")], subject
