"""Wordings of ISPs in Central and Eastern Europe, the Baltics and Russia (issue 12's held-out
"ISPs outside the English-speaking world"): delay notices in the languages that lacked them. The
fixtures in fixtures/intlisp/ show whole reports (and Yandex's and a Japanese ISP's unknown users)."""

from __future__ import annotations

import pytest

from parsers import reasons as r
from parsers.reasons import is_delay_notice
from tests.parsers.languages import check_phrases


@pytest.mark.parametrize(
    "text",
    [
        # Slovene, Lithuanian, Latvian, Estonian: "only a warning", "not delivered yet"
        "To je samo opozorilo, sporočila vam ni treba ponovno poslati.\n"
        "Vaše sporočilo še ni bilo dostavljeno prejemniku <a@isp.si.example>.",
        "Tai tik įspėjimas.\nJūsų laiškas dar nepristatytas gavėjui <a@isp.lt.example>.",
        "Tas ir tikai brīdinājums.\nJūsu ziņojums vēl nav piegādāts adresātam <a@isp.lv.example>.",
        "See on ainult hoiatus.\nTeie sõnumit pole veel kohale toimetatud: <a@isp.ee.example>.",
        # Croatian written without its diacritics
        "Vasa poruka jos nije isporucena primatelju <a@isp.hr.example>.",
    ],
)
def test_a_delay_notice_in_the_languages_that_lacked_one(text: str) -> None:
    assert is_delay_notice("", text)


@pytest.mark.parametrize(
    "text",
    [
        # the final report's own sentences: "not delivered", with no "yet"
        "Vaša poruka nije isporučena primatelju <a@isp.hr.example>: korisnik ne postoji",
        "Писмото не може да бъде доставено до <a@isp.bg.example>: Няма такъв потребител",
        "Vašu správu nebolo možné doručiť adresátovi <a@isp.sk.example>: Adresát neexistuje",
    ],
)
def test_a_final_report_in_those_languages_is_no_delay(text: str) -> None:
    assert not is_delay_notice("", text)


def test_the_recipients_closed_account_and_an_addressee_not_found() -> None:
    check_phrases(
        [
            # Swedish, the account named in the genitive ("the recipient's e-mail account is closed")
            ("550 Mottagarens e-postkonto är stängt", r.ACCOUNT_DISABLED),
            ("550 Användarens konto har avslutats", r.ACCOUNT_DISABLED),
            # Bulgarian "the addressee was not found"
            ("550 Адресатът не е намерен", r.USER_UNKNOWN),
        ]
    )


def test_an_invalid_recipient_in_finnish_and_dutch() -> None:
    check_phrases(
        [
            ("550 Vastaanottajan osoite on virheellinen", r.USER_UNKNOWN),
            ("550 Virheellinen vastaanottaja", r.USER_UNKNOWN),
            ("550 Ongeldige ontvanger", r.USER_UNKNOWN),
            ("550 Ontvangersadres is ongeldig", r.USER_UNKNOWN),
        ]
    )
    # the sender's own address said to be invalid is no unknown recipient
    for text in ("550 Lähettäjän osoite on virheellinen", "550 Afzender ongeldig"):
        assert r.derive("5.0.0", "550", text, "failed", "RCPT") != r.USER_UNKNOWN, text
