"""A final report in the languages added later (sv nb fi tr el ro hu id uk th) that says the
message is "not yet delivered" after days of trying and that the server gave up is final, not a
delay warning; the whole message is a soft bounce for the recipient it names."""

from __future__ import annotations

import pytest

from parsers import parse
from parsers.reasons import is_delay_notice

# "The message has not yet been delivered after 5 days. The server gave up; no more attempts."
GAVE_UP = {
    "sv": "Meddelandet har ännu inte levererats efter 5 dagar. Servern har gett upp; inga fler försök görs.",
    "nb": "Meldingen er ennå ikke levert etter 5 dager. Tjeneren har gitt opp; ingen flere forsøk.",
    "fi": "Viestiä ei ole vielä toimitettu 5 päivän jälkeen. Palvelin luovutti, eikä uusia yrityksiä tehdä.",
    "tr": "İletiniz 5 gündür henüz teslim edilmedi. Sunucu vazgeçti; yeniden denenmeyecek.",
    "el": "Το μήνυμα δεν έχει παραδοθεί ακόμα μετά από 5 ημέρες. Ο διακομιστής εγκατέλειψε.",
    "ro": "Mesajul nu a fost încă livrat după 5 zile. Serverul a renunțat; nu se vor mai face încercări.",
    "hu": "Az üzenetet 5 nap után még nem sikerült kézbesíteni. A kiszolgáló feladta.",
    "id": "Pesan Anda belum terkirim setelah 5 hari. Server telah menyerah; tidak akan dicoba lagi.",
    "uk": "Повідомлення ще не доставлено після 5 днів. Сервер припинив спроби доставки.",
    "th": "ข้อความยังไม่ได้ส่งถึงผู้รับหลังจาก 5 วัน เซิร์ฟเวอร์ยกเลิกการส่งแล้ว และจะไม่ลองส่งอีก",
}
# The same reports without the sentence that the server gave up: still warnings.
STILL_TRYING = {lang: text.split(". ")[0] for lang, text in GAVE_UP.items() if lang != "th"}
STILL_TRYING["th"] = "ข้อความยังไม่ได้ส่งถึงผู้รับหลังจาก 5 วัน"


@pytest.mark.parametrize("lang", sorted(GAVE_UP))
def test_gave_up_is_final(lang: str) -> None:
    assert not is_delay_notice("", GAVE_UP[lang])


@pytest.mark.parametrize("lang", sorted(STILL_TRYING))
def test_not_yet_delivered_alone_is_a_warning(lang: str) -> None:
    assert is_delay_notice("", STILL_TRYING[lang])


def test_hungarian_posted_is_not_gave_up() -> None:
    # ("feladta" is also "posted": only the server giving up is final)
    assert is_delay_notice("", "Az üzenetet még nem sikerült kézbesíteni. Ön feladta 10:00-kor.")


def _report(lang: str, text: str) -> bytes:
    return (
        "Return-Path: <>\n"
        f"From: MAILER-DAEMON@mx.example.{lang}\n"
        "To: bounces@sender.example\n"
        "Subject: =?utf-8?q?Mail?=\n"
        "MIME-Version: 1.0\n"
        "Content-Type: text/plain; charset=utf-8\n"
        "Content-Transfer-Encoding: 8bit\n"
        "\n"
        f"{text}\n\n<anna@mx.example.{lang}>: 421 connection timed out\n"
    ).encode()


@pytest.mark.parametrize("lang", sorted(GAVE_UP))
def test_a_report_that_gave_up_is_a_soft_bounce(lang: str) -> None:
    result = parse(_report(lang, GAVE_UP[lang]))
    assert [(e.recipient, e.type, e.classification) for e in result.events] == [
        (f"anna@mx.example.{lang}", "bounce", "soft")
    ]
