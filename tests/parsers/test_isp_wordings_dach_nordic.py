"""What the ISPs of the platforms' home markets and their neighbours write (German, Swiss, Danish,
Norwegian, Swedish, Vietnamese), per family: their own replies as German ISPs' help pages list them
(web.de, GMX, T-Online, bytecamp), Gmail's localised "address not found" sentence, and Zing Mail's
Vietnamese report."""

from __future__ import annotations

from parsers import reasons as r
from tests.parsers.languages import check_phrases


def test_german_isps_full_mailbox_wordings() -> None:
    check_phrases(
        [
            # web.de, both halves of its bilingual reply
            ("550 Benutzer hat das Speichervolumen ueberschritten.", r.MAILBOX_FULL),
            ("550 User has exhausted allowed storage space.", r.MAILBOX_FULL),
            # bytecamp: whose storage, between noun and verb
            ("422 4.2.2 Quota limit (Speicherplatz des Kontos ueberschritten)", r.MAILBOX_FULL),
            ("Das Speicherkontingent des Postfachs ist erschöpft", r.MAILBOX_FULL),
            ("Der Empfänger hat sein Postfachlimit überschritten", r.MAILBOX_FULL),
            # a bare "Over quota" (T-Online, Zimbra's LMTP) quoted under a relay's generic 5.0.0
            ("500 5.0.0 Depot returns error: <552 5.2.2 Over quota>", r.MAILBOX_FULL),
            ("LMTP server error: 552 5.2.2 Over STORAGE quota", r.MAILBOX_FULL),
            # GNU Mailutils' mda, which small German and Nordic hosts run behind their MTA
            ("user: message would exceed maximum mailbox size for this recipient", r.MAILBOX_FULL),
        ]
    )


def test_german_unknown_subscriber_and_inactive_accounts() -> None:
    check_phrases(
        [
            # T-Online's "unknown user / Teilnehmer existiert nicht", the German half alone
            ("550 Teilnehmer existiert nicht", r.USER_UNKNOWN),
            ("550 Die E-Mail-Adresse des Empfängers existiert nicht", r.USER_UNKNOWN),
            # GMX: "550 5.2.1 <a@b> User is inactive", and the same in German: gone, hard
            ("550 User is inactive", r.ACCOUNT_DISABLED),
            ("550 Das Konto ist inaktiv", r.ACCOUNT_DISABLED),
            # a temporary one is a pause
            ("550 Das Konto ist vorübergehend inaktiv", r.SUSPEND),
            # 1&1's MX for an address it has no mailbox for
            ("550 Cannot route to <foo.bar@bilgin.example>", r.USER_UNKNOWN),
            # Exchange's "the email account does not exist at the organization", de and da
            (
                "Das E-Mail-Konto existiert nicht bei der Organisation, an die diese Nachricht gesendet wurde.",
                r.USER_UNKNOWN,
            ),
            ("Mailkontoen findes ikke i den organisation, som meddelelsen blev sendt til.", r.USER_UNKNOWN),
        ]
    )
    # the sender's own login inactive is a refusal of the sender
    assert r.derive("5.0.0", "550", "554 sender user is inactive", "failed", "RCPT") != r.ACCOUNT_DISABLED


def test_a_senders_disabled_mailbox_is_not_the_recipients() -> None:
    # a hosting relay's Postfix refusing the sender ("Sender address rejected: mailbox disabled"):
    # soft and sender-side, never the recipient's account gone
    for text in (
        "550 5.7.1 <news@sender.example>: Sender address rejected: mailbox disabled",
        "550 <news@sender.example>: Sender address rejected: Account disabled",
    ):
        reason = r.derive("5.7.1", "550", text, "failed", "RCPT")
        assert reason != r.ACCOUNT_DISABLED, text
        assert r.classify(r.sender_side(reason, "RCPT", False), "5.7.1", "550") == "soft", text


def test_a_domain_named_between_noun_and_verb_does_not_exist() -> None:
    check_phrases(
        [
            ("Die Domain tippfehler.example existiert nicht", r.HOST_UNKNOWN),
            ("Die Domäne beispiel.example ist unbekannt", r.HOST_UNKNOWN),
            ("Domænet eksempel.example findes ikke", r.HOST_UNKNOWN),
            ("Domenet eksempel.example finnes ikke", r.HOST_UNKNOWN),
            ("Domänen exempel.example finns inte", r.HOST_UNKNOWN),
            ("domain example.org does not exist", r.HOST_UNKNOWN),
        ]
    )
    # the sender's own domain stays a refusal of the sender, never the recipient's domain gone
    for text in (
        "550 Absender-Domain absender.example existiert nicht",
        "sender domain a.example does not exist",
    ):
        assert r.derive("5.0.0", "550", text, "failed", "RCPT") != r.HOST_UNKNOWN, text


def test_nordic_subordinate_clauses_put_the_negation_before_the_verb() -> None:
    # Gmail's localised "because the address was not found or cannot receive mail"
    check_phrases(
        [
            ("fordi adressen ikke blev fundet, eller fordi den ikke kan modtage mails", r.USER_UNKNOWN),
            ("fordi adressen ikke ble funnet, eller fordi den ikke kan motta e-post", r.USER_UNKNOWN),
            ("eftersom adressen inte hittades eller inte kan ta emot e-post", r.USER_UNKNOWN),
            ("Fant ikke adressen", r.USER_UNKNOWN),
            ("Modtagerens postkasse har overskredet sin kvote", r.MAILBOX_FULL),
        ]
    )


def test_vietnamese_dead_domain_and_storage_limit() -> None:
    check_phrases(
        [
            # Zing Mail: "host not found: the recipient's domain does not exist" is the domain, not the user
            ("Không tìm thấy Host: Tên miền của người nhận không tồn tại.", r.HOST_UNKNOWN),
            ("Không tìm thấy Host", r.HOST_UNKNOWN),
            ("Tài khoản người nhận đã đạt đến giới hạn dung lượng tài khoản", r.MAILBOX_FULL),
            # the English of the .NET servers Vietnamese hosts run, as their help pages quote it
            (
                "Error Description: Inbox is full. Additional information: The recipients inbox is full.",
                r.MAILBOX_FULL,
            ),
            # the recipient who does not exist stays an unknown user
            ("Người nhận không tồn tại", r.USER_UNKNOWN),
        ]
    )


def test_a_windows_socket_timeout_is_a_network_error() -> None:
    text = "A connection attempt failed because the connected party did not properly respond after a period of time"
    assert r.derive(None, None, text, "failed", None) == r.NETWORK_ERROR
    assert r.classify(r.NETWORK_ERROR, None, None) == "soft"
