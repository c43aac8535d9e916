"""Maltese, Irish, Welsh and Scottish Gaelic families (the address gone, the mailbox full, the
account closed or paused, the domain gone); "too many recipients" as Danish, Swedish, Norwegian,
Finnish, German, Vietnamese and Croatian/Serbian servers say it (the limit English's words name);
an account barred for non-use in Danish, and a Croatian account blocked or locked (paused) vs.
deactivated (closed).
"""

from __future__ import annotations

import pytest

from parsers import reasons as r
from parsers.reasons.families import normalise
from tests.parsers.languages import Case, check_phrases

CASES: dict[str, list[Case]] = {
    "mt": [
        ("550 L-indirizz ma jeżistix", r.USER_UNKNOWN),
        ("550 L-utent ma nstabx", r.USER_UNKNOWN),
        ("550 Utent mhux magħruf", r.USER_UNKNOWN),
        ("550 UTENT MHUX MAGĦRUF", r.USER_UNKNOWN),
        ("550 Utent mhux maghruf", r.USER_UNKNOWN),  # (a relay that drops the bar)
        ("552 Il-kaxxa postali tar-riċevitur hija mimlija", r.MAILBOX_FULL),
        ("550 Il-kont ġie diżattivat", r.ACCOUNT_DISABLED),
        ("550 Il-kont ġie mħassar", r.ACCOUNT_DISABLED),
        ("550 Id-dominju ma jeżistix", r.HOST_UNKNOWN),
    ],
    "ga": [
        ("550 Níl an seoladh ríomhphoist seo ann", r.USER_UNKNOWN),
        ("550 Níor aimsíodh an seoladh", r.USER_UNKNOWN),
        ("550 Úsáideoir anaithnid", r.USER_UNKNOWN),
        ("552 Tá an bosca poist lán", r.MAILBOX_FULL),
        ("550 Tá an cuntas díchumasaithe", r.ACCOUNT_DISABLED),
        ("550 Díghníomhaíodh an cuntas", r.ACCOUNT_DISABLED),
        ("550 Níl an fearann ann", r.HOST_UNKNOWN),
    ],
    "cy": [
        ("550 Nid yw'r cyfeiriad e-bost yn bodoli", r.USER_UNKNOWN),
        ("550 Nid yw’r defnyddiwr hwn yn bodoli", r.USER_UNKNOWN),
        ("550 Cyfeiriad heb ei ganfod", r.USER_UNKNOWN),
        ("550 Defnyddiwr anhysbys", r.USER_UNKNOWN),
        ("552 Mae'r blwch post yn llawn", r.MAILBOX_FULL),
        ("550 Mae'r cyfrif wedi'i analluogi", r.ACCOUNT_DISABLED),
        ("550 Mae'r cyfrif wedi’i gau", r.ACCOUNT_DISABLED),
        ("450 Mae'r cyfrif wedi'i atal dros dro", r.SUSPEND),
        ("550 Nid yw'r parth yn bodoli", r.HOST_UNKNOWN),
    ],
    "gd": [
        ("550 Chan eil an seòladh seo ann", r.USER_UNKNOWN),
        ("550 Cha deach an seòladh a lorg", r.USER_UNKNOWN),
        ("550 Cleachdaiche neo-aithnichte", r.USER_UNKNOWN),
        ("552 Tha am bogsa-puist làn", r.MAILBOX_FULL),
        ("550 Chaidh an cunntas a chur à comas", r.ACCOUNT_DISABLED),
        ("550 Chan eil an àrainn ann", r.HOST_UNKNOWN),
    ],
    "too many recipients": [
        ("550 For mange modtagere", r.TOO_MANY_CONNECTIONS),
        ("550 För många mottagare i meddelandet", r.TOO_MANY_CONNECTIONS),
        ("550 For mange mottakere", r.TOO_MANY_CONNECTIONS),
        ("550 Liian monta vastaanottajaa", r.TOO_MANY_CONNECTIONS),
        ("550 Liikaa vastaanottajia", r.TOO_MANY_CONNECTIONS),
        ("550 Zu viele Empfänger", r.TOO_MANY_CONNECTIONS),
        ("550 Quá nhiều người nhận", r.TOO_MANY_CONNECTIONS),
        ("550 Previše primatelja", r.TOO_MANY_CONNECTIONS),
        ("550 Previse primalaca", r.TOO_MANY_CONNECTIONS),
        ("550 Превише прималаца", r.TOO_MANY_CONNECTIONS),
        # (messages sent, not recipients: the sender's rate, as before)
        ("550 For mange beskeder", r.RATE_LIMITED),
    ],
    "barred or closed": [
        ("550 Kontoen er spærret på grund af inaktivitet", r.ACCOUNT_DISABLED),
        ("550 Kontoen er spærret pga. manglende brug", r.ACCOUNT_DISABLED),
        ("550 Postkassen er lukket grundet længere tids inaktivitet", r.ACCOUNT_DISABLED),
        ("550 Kontoen er spærret", r.SUSPEND),
        ("550 Postkassen er midlertidigt spærret", r.SUSPEND),
        ("550 Račun korisnika je blokiran", r.SUSPEND),
        ("550 Nalog je zaključan", r.SUSPEND),
        ("550 Račun je blokiran zbog neaktivnosti", r.ACCOUNT_DISABLED),
        ("550 Račun korisnika je deaktiviran", r.ACCOUNT_DISABLED),
        ("552 Poštanski sandučić korisnika je pun", r.MAILBOX_FULL),
    ],
}


@pytest.mark.parametrize("code", sorted(CASES))
def test_wordings(code: str) -> None:
    check_phrases(CASES[code])


@pytest.mark.parametrize(
    "text",
    [
        "Tá an t-eolas seo ann inniu",  # (ga: this information is there today)
        "Mae'r neges yn llawn gwybodaeth",  # (cy: the message is full of information)
        "Tha am bogsa seo air a' bhòrd",  # (gd: this box is on the table)
        "Il-kaxxa fiha l-ittri kollha",  # (mt: the box holds all the letters)
        "Vaša IP adresa je blokirana",  # (hr: the sender's IP, not a barred account)
        "Vaš račun je blokiran",  # (hr: the sender's own account)
    ],
)
def test_ordinary_or_sender_sentences_are_no_paused_or_gone_address(text: str) -> None:
    got = r.derive("5.0.0", "550", "550 " + text, "failed", "RCPT")
    assert got not in (r.USER_UNKNOWN, r.ACCOUNT_DISABLED, r.HOST_UNKNOWN, r.MAILBOX_FULL, r.SUSPEND), got


def test_maltese_barred_h_folds_to_h() -> None:
    assert normalise("MAGĦRUF, imħassar") == "maghruf, imhassar"
