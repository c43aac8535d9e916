"""What Western European, Nordic and Latin American providers and their translated MTA templates
write that the phrase families missed (probe accintl10): a user named rather than "this address",
an account closed "by the administrator", a mailbox over its size or limit with whose mailbox
between noun and verb, spam refusals outside English (a 5.7.1 alone reads as security_error), and
Catalan, Galician, Basque and Icelandic, which had no module."""

from __future__ import annotations

from parsers import reasons as r
from parsers.reasons.phrases import LANGUAGES
from tests.parsers.languages import check_phrases


def test_unknown_users_in_more_word_orders() -> None:
    check_phrases(
        [
            ("Es gibt keinen Benutzer mit dem Namen k.meyer auf diesem Server", r.USER_UNKNOWN),  # de
            ("Kein Postfach namens info", r.USER_UNKNOWN),
            ("El destinatario no es válido", r.USER_UNKNOWN),  # es: with its copula
            ("No existe el destinatario", r.USER_UNKNOWN),
            ("Usuário não localizado neste servidor", r.USER_UNKNOWN),  # pt
            ("Destinatário não localizado", r.USER_UNKNOWN),
            ("Utente non presente su questo server", r.USER_UNKNOWN),  # it
            ("Dit adres is bij ons onbekend", r.USER_UNKNOWN),  # nl: where, before the verb
            ("Der Empfänger ist dem System nicht bekannt", r.USER_UNKNOWN),  # de
            # Exchange's French text NDR: "électronique" after "de messagerie"
            (
                "Le compte de messagerie électronique n'existe pas dans l'organisation à laquelle ce message a été envoyé.",
                r.USER_UNKNOWN,
            ),
        ]
    )


def test_closed_accounts_whoever_closed_them() -> None:
    check_phrases(
        [
            ("Das Konto wurde vom Administrator deaktiviert", r.ACCOUNT_DISABLED),  # de
            ("Benutzerkonto wurde vom Kunden gekündigt", r.ACCOUNT_DISABLED),
            ("Dit e-mailadres bestaat niet meer", r.ACCOUNT_DISABLED),  # nl: closed, not unknown
            ("De gebruiker bestaat niet langer", r.ACCOUNT_DISABLED),
            ("Cette boîte aux lettres n'existe plus", r.ACCOUNT_DISABLED),  # fr: "no longer", not "not"
            ("Ce compte n'est plus actif", r.ACCOUNT_DISABLED),  # (the masculine "actif")
            ("Compte inactif", r.ACCOUNT_DISABLED),
            ("Utilisateur désactivé", r.ACCOUNT_DISABLED),
        ]
    )


def test_full_mailboxes_over_their_size_or_limit() -> None:
    check_phrases(
        [
            ("Der Empfänger hat sein Postfachlimit erreicht", r.MAILBOX_FULL),  # de
            ("Das Postfach ist über dem Limit", r.MAILBOX_FULL),
            ("La boîte aux lettres de ce destinataire est saturée", r.MAILBOX_FULL),  # fr
            ("La boîte de votre correspondant est pleine", r.MAILBOX_FULL),
            ("L'utilisateur a atteint son quota de stockage", r.MAILBOX_FULL),
            ("De postbus van deze gebruiker zit vol", r.MAILBOX_FULL),  # nl
            ("Geen ruimte meer in de mailbox", r.MAILBOX_FULL),
            ("Der er ikke mere plads i postkassen", r.MAILBOX_FULL),  # da
            ("La casella ha raggiunto la quota massima", r.MAILBOX_FULL),  # it
            ("El buzón ha alcanzado su límite", r.MAILBOX_FULL),  # es
            ("A caixa postal atingiu o limite", r.MAILBOX_FULL),  # pt
            (
                "La casella di posta del destinatario ha superato la dimensione massima consentita",
                r.MAILBOX_FULL,
            ),
            ("Superata la quota della casella", r.MAILBOX_FULL),  # it: the verb first
            ("El buzón del destinatario excede el tamaño permitido", r.MAILBOX_FULL),  # es
            ("Buzón sin espacio", r.MAILBOX_FULL),
            ("A caixa de e-mail do destinatário está cheia", r.MAILBOX_FULL),  # pt
        ]
    )


def test_a_named_domain_that_does_not_exist() -> None:
    check_phrases([("O domínio fechada.com.br não existe", r.HOST_UNKNOWN)])  # pt


def test_spam_refusals_outside_english() -> None:
    # under a 5.7.1 (security_error on its own) the text that calls the message spam decides, as
    # English's "classified as spam" does
    for text in (
        "550 5.7.1 Mensaje rechazado por ser considerado spam",  # es
        "550 5.7.1 Mensagem classificada como spam",  # pt
        "550 5.7.1 Message considéré comme spam",  # fr
        "550 5.7.1 Messaggio rilevato come spam",  # it
        "550 5.7.1 Die Nachricht wurde als Spam eingestuft",  # de
        "550 5.7.1 Abgelehnt wegen Spamverdacht",
        "550 5.7.1 Bericht werd als spam herkend",  # nl
        "550 5.7.1 Beskeden blev markeret som spam",  # da
        "550 5.7.1 Meldingen ble markert som spam",  # nb
        "550 5.7.1 Meddelandet klassades som skräppost",  # sv
        "550 5.7.1 Viesti tunnistettu roskapostiksi",  # fi
    ):
        assert r.derive("5.7.1", "550", text, "failed", "DATA") == r.SPAM_DETECTED, text
    assert r.derive("5.7.1", "550", "550 5.7.1 Zugriff verweigert", "failed", "DATA") != r.SPAM_DETECTED


def test_catalan_galician_basque_and_icelandic() -> None:
    assert {"ca", "gl", "eu", "is"} <= set(LANGUAGES)
    check_phrases(
        [
            ("L'usuari no existeix", r.USER_UNKNOWN),  # ca
            ("L’adreça no existeix", r.USER_UNKNOWN),  # (a typographic apostrophe)
            ("La bústia del destinatari és plena", r.MAILBOX_FULL),
            ("El compte ha estat desactivat", r.ACCOUNT_DISABLED),
            ("Domini inexistent", r.HOST_UNKNOWN),
            ("O usuario non existe", r.USER_UNKNOWN),  # gl
            ("A caixa de correo do destinatario está chea", r.MAILBOX_FULL),
            ("A conta foi desactivada", r.ACCOUNT_DISABLED),
            ("O dominio non existe", r.HOST_UNKNOWN),
            ("Erabiltzailea ez da existitzen", r.USER_UNKNOWN),  # eu
            ("Postontzia beteta dago", r.MAILBOX_FULL),
            ("Kontua desgaituta dago", r.ACCOUNT_DISABLED),
            ("Domeinua ez da existitzen", r.HOST_UNKNOWN),
            ("Notandi er ekki til", r.USER_UNKNOWN),  # is
            ("Óþekktur viðtakandi", r.USER_UNKNOWN),
            ("Pósthólfið er fullt", r.MAILBOX_FULL),
            ("Netfangið er ekki lengur í notkun", r.ACCOUNT_DISABLED),
            ("Aðgangurinn hefur verið lokaður tímabundið", r.SUSPEND),
            ("Lénið fannst ekki", r.HOST_UNKNOWN),
        ]
    )


def test_what_must_not_read_as_a_gone_or_full_mailbox() -> None:
    cases = (
        # a message over the size limit is no full mailbox (the mailbox noun is required)
        ("Il messaggio ha superato la dimensione massima consentita", r.MAILBOX_FULL),
        ("El mensaje excede el tamaño máximo permitido", r.MAILBOX_FULL),
        # the sender's sending quota is a rate, not the recipient's storage
        ("L'expéditeur a atteint son quota d'envoi journalier", r.MAILBOX_FULL),
        ("El remitente ha alcanzado su límite de envío", r.MAILBOX_FULL),
        # a mailbox "not available at the moment" is no unknown user
        ("Postontzia ez dago erabilgarri une honetan", r.USER_UNKNOWN),
        # the sender's own account, closed by whoever: a refusal of the sender
        ("Ihr Konto wurde vom Administrator deaktiviert", r.ACCOUNT_DISABLED),
        ("El vostre compte ha estat desactivat", r.ACCOUNT_DISABLED),
        # the sender's domain, or a DNS error to try again later: not the recipient's domain gone
        ("O dominio do remitente non existe", r.HOST_UNKNOWN),
        ("Domini inexistent: error temporal, torneu-ho a provar més tard", r.HOST_UNKNOWN),
        # a temporary closure is a pause
        ("Aðgangurinn hefur verið lokaður tímabundið", r.ACCOUNT_DISABLED),
    )
    for text, never in cases:
        assert r.derive("5.0.0", "550", text, "failed", "RCPT") != never, text
