"""The platforms' home countries, second pass (issue 12): Danish, German and Vietnamese hosts'
wordings main read as nothing (on_hold) — a recipient not set up, no room in the mailbox whose
owner stands between noun and verb, a domain that "cannot be found", an address not in use or
deleted, one that no longer takes mail, a message refused as spam, the sender's IP refused or on a
black list, a mailbox closed for the time being, a message too big. Each sentence is read as the
answer to RCPT TO under a 5.0.0 (the text decides); the look-alikes keep the reason they had."""

from __future__ import annotations

import pytest

from parsers import reasons as r
from parsers.reasons.codes import (
    ACCOUNT_DISABLED,
    BLOCKED,
    HOST_UNKNOWN,
    MAILBOX_FULL,
    MESSAGE_TOO_BIG,
    SPAM_DETECTED,
    SUSPEND,
    USER_UNKNOWN,
)
from tests.parsers.languages import check_phrases

CASES = [
    # Danish (TDC/YouSee/Nuuday, one.com, Simply.com, Dandomain, Gigahost)
    ("550 Modtageren er ikke oprettet i systemet", USER_UNKNOWN),
    ("550 Brugeren er ikke oprettet på denne server", USER_UNKNOWN),
    ("550 Mailadressen blev ikke oprettet", USER_UNKNOWN),
    ("550 Modtageren kan ikke findes", USER_UNKNOWN),
    ("550 Postkassen for modtageren er fuld", MAILBOX_FULL),
    ("552 Modtagerens postkasse har ikke mere plads", MAILBOX_FULL),
    ("550 Der er ikke plads i modtagerens postkasse", MAILBOX_FULL),
    ("550 Domænet kan ikke findes", HOST_UNKNOWN),
    ("550 Adressen er ikke i brug", ACCOUNT_DISABLED),
    ("554 Meddelelsen blev afvist som spam", SPAM_DETECTED),
    ("554 Din IP-adresse er afvist på grund af dårligt omdømme", BLOCKED),
    ("550 Postkassen er midlertidigt lukket", SUSPEND),
    ("550 Modtageren er midlertidigt utilgængelig", SUSPEND),
    ("550 Meddelelsen er for stor", MESSAGE_TOO_BIG),
    ("550 Beskeden overskrider den maksimale størrelse", MESSAGE_TOO_BIG),
    # German (Hetzner/KonsoleH, netcup, Telekom)
    ("550 Speicherplatzkontingent des Postfachs ausgeschöpft", MAILBOX_FULL),
    ("554 Diese Nachricht wurde als Spam abgelehnt", SPAM_DETECTED),
    ("554 Nachricht als Spam zurückgewiesen", SPAM_DETECTED),
    ("550 Der Empfänger nimmt keine E-Mails mehr an", ACCOUNT_DISABLED),
    ("550 Diese Adresse akzeptiert keine Nachrichten mehr", ACCOUNT_DISABLED),
    ("550 Nachricht zu groß", MESSAGE_TOO_BIG),
    ("550 Die Nachricht überschreitet die maximal zulässige Größe", MESSAGE_TOO_BIG),
    ("550 Nachrichtengröße überschritten", MESSAGE_TOO_BIG),
    # Vietnamese (iNET, PA Vietnam, Nhân Hòa, company servers)
    ("550 Người nhận đã bị xóa khỏi hệ thống", ACCOUNT_DISABLED),
    ("550 Người dùng này đã bị xóa", ACCOUNT_DISABLED),
    ("554 Email bị từ chối do bị đánh dấu là spam", SPAM_DETECTED),
    ("554 Thư bị đánh giá là spam", SPAM_DETECTED),
    ("554 Địa chỉ IP của bạn nằm trong danh sách đen", BLOCKED),
    ("554 IP của máy chủ gửi đã bị chặn", BLOCKED),
    ("550 Thư quá lớn", MESSAGE_TOO_BIG),
    ("550 Dung lượng thư vượt giới hạn cho phép", MESSAGE_TOO_BIG),
]

# what these words must not reach: the sender's address, a sender's own account, a domain "not
# found" to be tried again, a mailbox still being set up, one that takes no mail *now*, a reader
# who deleted the message
LOOKALIKES = [
    "550 Afsenderadressen er ikke oprettet",
    "550 Afsenderadressen findes ikke",
    "550 Afsenderadressen kan ikke findes",
    "550 Postkassen er ikke oprettet endnu, prøv igen senere",
    "550 Din konto er ikke i brug",
    "550 Domænet kan ikke findes, prøv igen senere",
    "550 Der Empfänger nimmt derzeit keine E-Mails an",
    "550 Ihr Konto nimmt keine E-Mails mehr an",
    "550 Người nhận đã xóa thư của bạn",
]

# the mailbox, not the message, over its size: never a message too big
MAILBOX_NOT_MESSAGE = [
    "550 Postkassen overskrider den maksimale størrelse",
    "550 Das Postfach hat die maximale Größe erreicht",
    "550 Hộp thư quá lớn",
]


def test_home_country_wordings() -> None:
    check_phrases(CASES)


@pytest.mark.parametrize("text", LOOKALIKES)
def test_lookalikes_stay_as_they_were(text: str) -> None:
    got = r.derive("5.0.0", "550", text, "failed", "RCPT")
    assert got not in r.HARD, (text, got)
    assert got not in (SPAM_DETECTED, BLOCKED, MAILBOX_FULL), (text, got)


@pytest.mark.parametrize("text", MAILBOX_NOT_MESSAGE)
def test_a_mailbox_over_its_size_is_not_a_message_too_big(text: str) -> None:
    assert r.derive("5.0.0", "552", text, "failed", "RCPT") == MAILBOX_FULL, text
