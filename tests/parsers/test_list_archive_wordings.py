"""Wordings found missing in the reports that mailing lists receive from legacy gateways and from
Exchange set to other languages (issue 12's list-archive set): Exchange's "the e-mail account does
not exist at the organization this message was sent to" and "the recipient's mailbox is full" as it
words them per language, the X.400, BITNET, MS Mail, Mail*Link, MCI Mail and Scalix words for an
unknown user, CommuniGate's and the 1990s' MTAs' verdicts on a domain without DNS records, and an
account that "has expired" (closed, hard)."""

from __future__ import annotations

import pytest

from parsers import reasons as r

CASES = [
    # Exchange 2000/2003: the account does not exist at the organization (no status code in the text)
    (
        "Das E-Mail-Konto ist in der Organisation, an die die Nachricht gesendet wurde, nicht vorhanden.",
        r.USER_UNKNOWN,
    ),
    (
        "L'account di posta elettronica non esiste nell'organizzazione a cui è stato inviato il messaggio.",
        r.USER_UNKNOWN,
    ),
    ("Het e-mailaccount bestaat niet in de organisatie waarnaar dit bericht is verzonden.", r.USER_UNKNOWN),
    ("E-mail-kontoen findes ikke i den organisation, som meddelelsen blev sendt til.", r.USER_UNKNOWN),
    ("Sähköpostitiliä ei ole organisaatiossa, johon viesti lähetettiin.", r.USER_UNKNOWN),
    ("Konto e-mail nie istnieje w organizacji, do której wysłano tę wiadomość.", r.USER_UNKNOWN),
    ("Учетная запись электронной почты не существует в организации.", r.USER_UNKNOWN),
    ("E-posta hesabı, bu iletinin gönderildiği kuruluşta yok.", r.USER_UNKNOWN),
    ("電子メール アカウントは、このメッセージの送信先の組織に存在しません。", r.USER_UNKNOWN),
    ("此邮件发送到的组织中不存在该电子邮件帐户。", r.USER_UNKNOWN),
    # Exchange: the recipient's mailbox is full
    (
        "Der Posteingang des Empfängers ist voll und kann momentan keine Nachrichten empfangen.",
        r.MAILBOX_FULL,
    ),
    ("Het postvak van de geadresseerde is vol en kan momenteel geen berichten ontvangen.", r.MAILBOX_FULL),
    # legacy gateways and online services
    ("Reason: Recipient not known at this site", r.USER_UNKNOWN),
    ("User ABC123 is not known on node VM.", r.USER_UNKNOWN),
    ("a@b - Recipient name not found in the Postoffice Address List", r.USER_UNKNOWN),
    ("The following message was not delivered because the recipient name could not be found", r.USER_UNKNOWN),
    ("*** No such MCI Mail user", r.USER_UNKNOWN),
    ("SMTP module(domain x.example) reports: the domain name is not found", r.HOST_UNKNOWN),
    ("550 a@b... Host name is unknown", r.HOST_UNKNOWN),
    ("550 a@b... No such host", r.HOST_UNKNOWN),
    ("Reason: host does not exist", r.HOST_UNKNOWN),
    ("The user's account has expired", r.ACCOUNT_DISABLED),
    ("550 a@b: unknown local user", r.USER_UNKNOWN),
    ("550 a@b: not a valid mailbox", r.USER_UNKNOWN),
]


@pytest.mark.parametrize(("text", "want"), CASES)
def test_reason(text: str, want: str) -> None:
    assert r.derive("5.0.0", "550", text, "failed", "RCPT") == want
