"""Western and Central Europe's ISPs and hosters, third pass (issue 12): refusals of the sender that
bear an addressing status, accounts locked or closed in the wording of the country, and delay
notices in Hungarian and Czech.

- The sending IP held back for the addresses it tried that do not exist (SFR's "Too many unknown
  users", "Too many invalid recipients from your IP"): blocked, never the recipient unknown.
- The sender or its IP blocked, in German, Polish, Czech, Slovak and Hungarian, under a 5.1.1: the
  sender's (the user-unknown status does not make the recipient unknown).
- United Internet's (GMX, web.de, IONOS) refusal by policy under RFC 5321's canned "mailbox
  unavailable" line: the last line decides.
- A mailbox or account locked for now, under 5.1.1: a suspension; locked for non-use: closed.
- European Portuguese's "conta/caixa de correio ... desactivada", Italian's "casella postale non
  attiva": closed (hard); "utente sospeso", Spanish "la cuenta del destinatario está suspendida": a
  pause (soft).
Look-alikes keep what they had: an unknown recipient stays unknown, the sender's own account
disabled is no closure of the recipient's, a final Hungarian report is no delay."""

from __future__ import annotations

import pytest

from parsers import reasons as r
from parsers.reasons import is_delay_notice
from parsers.reasons.codes import (
    ACCOUNT_DISABLED,
    AUTH_FAILURE,
    BLOCKED,
    POLICY_VIOLATION,
    SPAM_DETECTED,
    SUSPEND,
    USER_UNKNOWN,
)
from tests.parsers.languages import check_phrases

CASES = [
    ("550 Service refused due to bad behavior - Too many unknown users SFR_IN_104", BLOCKED),
    ("554 Too many invalid recipients from your IP, try later", BLOCKED),
    ("550 too many non-existent recipients", BLOCKED),
    ("550 A conta de correio do destinatário foi desactivada", ACCOUNT_DISABLED),
    ("550 Caixa de correio desactivada", ACCOUNT_DISABLED),
    ("550 Endereço de correio electrónico desactivado", ACCOUNT_DISABLED),
    ("550 Conta de correio inexistente", USER_UNKNOWN),
    ("550 Conta de correio suspensa temporariamente", SUSPEND),
    ("550 casella postale non attiva", ACCOUNT_DISABLED),
    ("550 Utente sospeso", SUSPEND),
    ("550 La cuenta del destinatario está suspendida temporalmente", SUSPEND),
    ("550 Meldingen ble avvist som spam", SPAM_DETECTED),
    ("550 Meddelandet avvisades som spam", SPAM_DETECTED),
    ("550 Messaggio rifiutato: l'indirizzo IP mittente e' in blacklist", BLOCKED),
    ("554 Your IP: 192.0.2.80 is blacklisted, please see http://blacklist.kpnmail.nl/Help/1", BLOCKED),
    (
        "550 <a@b.example>: Reject due to SPF policy. The originating IP of the message is not permitted",
        AUTH_FAILURE,
    ),
    (
        "550-Requested action not taken: mailbox unavailable 550-Reject due to policy restrictions. 550 For "
        "explanation visit https://postmaster.web.de/en/error-messages?ip=192.0.2.5&c=hi",
        POLICY_VIOLATION,
    ),
]

# Refusals of the sender (or a pause of the mailbox) written under a 5.1.1 or a 5.1.0: the words decide.
UNDER_ADDRESSING_STATUS = [
    ("550 5.1.1 Ihre IP-Adresse 192.0.2.200 wurde gesperrt", BLOCKED),
    ("550 5.1.1 Nadawca zablokowany", BLOCKED),
    ("550 5.1.1 Adres IP nadawcy został zablokowany", BLOCKED),
    ("550 5.1.1 Odesílatel je zablokován", BLOCKED),
    ("550 5.1.1 IP adresa odosielateľa bola zablokovaná", BLOCKED),
    ("550 5.1.1 A feladó le van tiltva", BLOCKED),
    ("550 5.1.1 A küldő IP-címe tiltólistán van", BLOCKED),
    ("550 5.1.1 <a@b.example>: Recipient address rejected: Mailbox locked (temporarily)", SUSPEND),
    ("550 5.1.1 <a@b.example>: Recipient address rejected: Account is temporarily locked", SUSPEND),
    (
        "550 5.1.1 <a@b.example>: Recipient address rejected: Account locked due to inactivity",
        ACCOUNT_DISABLED,
    ),
    ("550 5.1.0 cNkj1y0022zrrQM01NkjaD policy violation, see https://support.forpsi.com/kb/a4081", BLOCKED),
]

# What stays as it was.
LOOK_ALIKES = [
    ("550 5.1.1 Empfänger unbekannt", USER_UNKNOWN),
    (
        "550 5.1.1 <a@b.example>: Recipient address rejected: User unknown in virtual mailbox table",
        USER_UNKNOWN,
    ),
    ("550 Requested action not taken: mailbox unavailable", USER_UNKNOWN),
    ("550 5.2.1 A postafiók le van tiltva", ACCOUNT_DISABLED),
    ("550 5.1.1 A címzett nem létezik", USER_UNKNOWN),
]


def test_wordings() -> None:
    check_phrases(CASES)


def _status(text: str) -> str:
    """The enhanced status the reply writes after its code ("550 5.1.1 ..."), else 5.0.0."""
    word = text.split()[1]
    return word if word.count(".") == 2 and word[0] in "245" else "5.0.0"


@pytest.mark.parametrize(("text", "want"), UNDER_ADDRESSING_STATUS + LOOK_ALIKES)
def test_the_words_decide_under_an_addressing_status(text: str, want: str) -> None:
    status = _status(text)
    got = r.derive(status, "550", text, "failed", "RCPT")
    assert got == want, (text, got)
    assert r.classify(got, status, "550") == ("hard" if want in r.HARD else "soft"), text


def test_the_senders_own_account_is_no_closure() -> None:
    got = r.derive(
        "5.0.0", "550", "550 A sua conta de correio foi desactivada por envio de spam", "failed", "MAIL"
    )
    assert got != ACCOUNT_DISABLED, got


STILL_TRYING = [
    # Exchange's Hungarian delay notice
    "A kézbesítés a következő címzettekhez vagy csoportokhoz késik:",
    "Ez az üzenet még nem lett kézbesítve. A rendszer továbbra is megpróbálja kézbesíteni.",
    "A rendszer további 4 napig próbálkozik a kézbesítéssel.",
    # a Czech provider's own ("could not be delivered yet", "delivery attempts will continue")
    "Vaše zpráva pro <jan@seznam.example> ze dne 07.12.2026 zatím nemohla být doručena.",
    "Pokusy o doručení budou pokračovat.",
    # and Slovak's
    "Vaša správa zatiaľ nemohla byť doručená. Pokusy o doručenie budú pokračovať.",
]

FINAL = [
    "A levelet nem sikerült kézbesíteni a következő címzettnek: <a@b.example>",
    "Vaše zpráva pro <jan@seznam.example> ze dne 07.12.2026 nemohla být doručena.",
    "Vaša správa nemohla byť doručená.",
]


@pytest.mark.parametrize("text", STILL_TRYING)
def test_a_delay_notice(text: str) -> None:
    assert is_delay_notice("", text)


@pytest.mark.parametrize("text", FINAL)
def test_a_final_report_is_no_delay(text: str) -> None:
    assert not is_delay_notice("", text)
