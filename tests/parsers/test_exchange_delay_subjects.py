"""Exchange's "Delivery delayed:" subject in the languages it is set to marks a report (a delay, which
the reason table tells from a failure); the same words in a person's reply or a parcel notice do not."""

from __future__ import annotations

import pytest

from parsers import parse

SUBJECTS = {
    "de": "Zustellung verzögert: Angebot",
    "fr": "Remise retardée : Angebot",
    "fr-differee": "Remise différée : Angebot",
    "es": "Entrega retrasada: Angebot",
    "pt": "Entrega atrasada: Angebot",
    "da": "Levering forsinket: Angebot",
    "it": "Consegna ritardata: Angebot",
    "nl": "Bezorging vertraagd: Angebot",
    "sv": "Leveransen fördröjd: Angebot",
}

_REPORT = (
    "From: Microsoft Outlook <MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@firma.example>\n"
    "To: news@sender.example\n"
    "Subject: {subject}\n"
    "Message-ID: <delay@firma.example>\n"
    "X-MS-Exchange-Message-Is-Ndr:\n"
    "Auto-Submitted: auto-replied\n"
    "MIME-Version: 1.0\n"
    "Content-Type: text/plain; charset=utf-8\n"
    "Content-Transfer-Encoding: 8bit\n\n"
    "Delivery is delayed to these recipients or groups:\n\n"
    "kunde@ziel.example\n\n"
    "This message hasn't been delivered yet. Delivery will continue to be attempted.\n"
)


@pytest.mark.parametrize("lang", sorted(SUBJECTS))
def test_exchange_delay_subject_makes_a_delay_for_the_recipient(lang: str) -> None:
    raw = _REPORT.format(subject=SUBJECTS[lang]).encode()
    events = parse(raw).events
    assert [(e.recipient, e.type, e.classification) for e in events] == [
        ("kunde@ziel.example", "delay", "ignored")
    ]


def test_a_persons_reply_under_the_subject_is_no_report() -> None:
    raw = (
        "From: Jonas Weber <jonas@partner.example>\n"
        "To: news@sender.example\n"
        "Subject: AW: Zustellung verzögert: Angebot\n"
        "In-Reply-To: <delay@firma.example>\n"
        "Message-ID: <reply@partner.example>\n"
        "MIME-Version: 1.0\n"
        "Content-Type: text/plain; charset=utf-8\n"
        "Content-Transfer-Encoding: 8bit\n\n"
        "Hallo, bei mir ist nichts angekommen. Schreiben Sie bitte an kunde@ziel.example.\n"
    ).encode()
    assert parse(raw).events == ()
