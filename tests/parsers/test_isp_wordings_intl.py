"""Wordings of ISPs outside the English-speaking world, per family: what their servers and relays
say, read by the reason table and the last-resort reader (the rule of DESIGN's "parse output")."""

from __future__ import annotations

import pytest

from parsers import fallback, parse
from parsers import reasons as r
from parsers.mail import load
from tests.parsers.languages import check_phrases


def test_coremail_and_chinese_isps_english_is_an_unknown_user() -> None:
    # (Coremail runs NetEase 163/126, Sina and many Chinese ISPs; its replies are its own English)
    check_phrases(
        [
            ("550 #2175041 unavailable mail user", r.USER_UNKNOWN),
            ("550 Local User [zhao@isp.cn.example] not found.", r.USER_UNKNOWN),
            ("550 User liu@corp.cn.example is not found in Server.", r.USER_UNKNOWN),
            ("550 local server don't exists that user", r.USER_UNKNOWN),
            ("550 RC:LD The email account that you tried to reach does no exists.", r.USER_UNKNOWN),
            # Tencent QQ, for an address it has no mailbox for (was soft suspend)
            ("550 Mailbox unavailable or access denied [MJSdLkVZ0TmvPsUQ IP: 192.0.2.1]", r.USER_UNKNOWN),
            ("550 not user of this server", r.USER_UNKNOWN),
            # a recipient's account disabled is gone (hard); a suspended one stays soft
            ("550 user disabled", r.ACCOUNT_DISABLED),
            ("550 User suspended", r.SUSPEND),
        ]
    )


def test_the_senders_own_invalid_address_is_not_an_unknown_recipient() -> None:
    # Danish: "din adresse" and "afsenderadressen" name the sender's address
    for text in ("550 Din adresse er ugyldig", "550 Afsenderadressen er ugyldig"):
        assert r.derive("5.0.0", "550", text, "failed", "RCPT") != r.USER_UNKNOWN, text


def test_a_recipients_blacklist_of_the_sender_overrules_the_511() -> None:
    # qmail's chkuser (Czech and Slovak hosting) answers "550 5.1.1 <sender> sender is blacklisted"
    # when the recipient's own blacklist holds the sender: the recipient's preference, soft
    for status in ("5.1.1", "5.0.0"):
        reason = r.derive(
            status, "550", "550 5.1.1 <news@sender.example> sender is blacklisted", "failed", "RCPT"
        )
        assert reason == r.REJECTED, status
        assert r.classify(reason, status, "550") == "soft"


def test_a_senders_login_disabled_is_not_the_recipients() -> None:
    for text in ("535 5.7.8 SMTP user disabled", "554 sender user is disabled"):
        assert r.derive("5.0.0", "550", text, "failed", "RCPT") != r.ACCOUNT_DISABLED, text


def test_qq_mailbox_unavailable_is_decided_by_the_stage_and_status() -> None:
    text = "550 Mailbox unavailable or access denied [MJSdLkVZ0TmvPsUQ]"
    # a 5.1.1 is trusted (it was vetoed to suspend), a generic code answering RCPT TO too
    assert r.derive("5.1.1", "550", text, "failed", "RCPT") == r.USER_UNKNOWN
    assert r.derive("5.0.0", "550", text, "failed", None) == r.USER_UNKNOWN
    # at MAIL FROM it refuses the sender, not the recipient: never hard
    reason = r.derive("5.0.0", "550", text, "failed", "MAIL")
    assert r.classify(r.sender_side(reason, "MAIL", False), "5.0.0", "550") == "soft"


def test_closed_or_expired_addresses_are_hard() -> None:
    check_phrases(
        [
            ("550 Dieser Account wurde gekündigt", r.ACCOUNT_DISABLED),
            ("550 Der Vertrag wurde gekuendigt", r.ACCOUNT_DISABLED),
            ("550 Die E-Mailadresse ist abgelaufen oder ungültig", r.ACCOUNT_DISABLED),
            ("550 Adressen er ikke længere i brug", r.ACCOUNT_DISABLED),
            ("550 Mailboksen er deaktiveret", r.ACCOUNT_DISABLED),
            ("550 Tài khoản không hoạt động", r.ACCOUNT_DISABLED),
            ("550 Hộp thư không còn được sử dụng", r.ACCOUNT_DISABLED),
            ("550 Tai khoan da het han", r.ACCOUNT_DISABLED),
            ("550 このアカウントは長期間利用されていないため停止されています", r.ACCOUNT_DISABLED),
            ("550 장기 미사용으로 휴면 처리된 계정입니다", r.ACCOUNT_DISABLED),
            ("550 사용이 중지된 계정입니다", r.ACCOUNT_DISABLED),
        ]
    )


def test_an_invalid_recipient_address_is_unknown() -> None:
    check_phrases(
        [
            ("550 Alıcı adresi geçersiz", r.USER_UNKNOWN),
            ("550 Geçersiz alıcı", r.USER_UNKNOWN),
            ("550 Ungültige Empfängeradresse", r.USER_UNKNOWN),
            ("550 Ungültiger Empfänger", r.USER_UNKNOWN),
            ("550 Ugyldig modtager", r.USER_UNKNOWN),
        ]
    )


def test_a_german_null_mx_is_a_dead_domain() -> None:
    check_phrases([("550 Die Domain hat einen Null-MX und nimmt keine E-Mails an", r.HOST_UNKNOWN)])


# "domain not found" with "try again later" or "temporary DNS error", and the same without it
DNS_TRY_LATER = {
    "de": ("550 Domain nicht gefunden (temporärer DNS-Fehler), bitte später erneut versuchen", "550 Die Domain existiert nicht"),
    "fr": ("550 Domaine introuvable (erreur DNS temporaire), veuillez réessayer plus tard", "550 Domaine inexistant"),
    "es": ("550 Dominio no encontrado (error temporal de DNS), inténtelo de nuevo más tarde", "550 El dominio no existe"),
    "pt": ("550 Domínio não encontrado, tente novamente mais tarde", "550 Domínio inexistente"),
    "it": ("550 Dominio non trovato, riprovare più tardi", "550 Dominio inesistente"),
    "nl": ("550 Domein niet gevonden, probeer het later opnieuw", "550 Domein bestaat niet"),
    "da": ("550 Domænet blev ikke fundet (midlertidig DNS-fejl), prøv igen senere", "550 Domænet findes ikke"),
    "sv": ("550 Domänen hittades inte, försök igen senare", "550 Domänen finns inte"),
    "ru": ("550 Домен не найден (временная ошибка DNS), повторите попытку позже", "550 Домен не существует"),
    "uk": ("550 Домен не знайдено, спробуйте пізніше", "550 Домен не знайдено"),
    "zh": ("550 域名不存在（DNS临时错误），请稍后重试", "550 域名不存在"),
    "ja": ("550 ドメインが見つかりません。しばらくしてから再度お試しください", "550 ドメインが存在しません"),
    "vi": ("550 Không tìm thấy tên miền, vui lòng thử lại sau", "550 Tên miền không tồn tại"),
    "ko": ("550 도메인을 찾을 수 없습니다. 잠시 후 다시 시도하십시오", "550 도메인이 존재하지 않습니다"),
    "pl": ("550 Nie znaleziono domeny, spróbuj ponownie później", "550 Domena nie istnieje"),
    "cs": ("550 Doména nebyla nalezena (dočasná chyba DNS), zkuste to později", "550 Doména neexistuje"),
    "tr": ("550 Alan adı bulunamadı, lütfen daha sonra tekrar deneyin", "550 Alan adı bulunamadı"),
}  # fmt: skip


@pytest.mark.parametrize("lang", sorted(DNS_TRY_LATER))
def test_a_dns_failure_that_says_try_again_is_soft(lang: str) -> None:
    retry, dead = DNS_TRY_LATER[lang]
    got = r.derive("5.0.0", "550", retry, "failed", "RCPT")
    assert got != r.HOST_UNKNOWN and r.classify(got, "5.0.0", "550") == "soft", retry
    assert r.derive("5.0.0", "550", dead, "failed", "RCPT") == r.HOST_UNKNOWN, dead


def _plain_report(body: str) -> bytes:
    return (
        "From: MAILER-DAEMON@mx.isp.example\nTo: info@sender.example\nSubject: Returned Mail\n"
        "MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n"
        f"{body}\n"
    ).encode()


def test_a_sentence_wrapped_onto_the_next_line_names_its_recipient() -> None:
    raw = _plain_report(
        "Die E-Mail an eva@kunde.example konnte nicht\nzugestellt werden, da das Postfach voll ist."
    )
    assert [(e.recipient, e.classification) for e in parse(raw).events] == [("eva@kunde.example", "soft")]


def test_a_greeting_line_does_not_run_on_into_the_next_sentence() -> None:
    # (the last-resort reader's own finding; a later reader may still take a sole address)
    raw = _plain_report("Hallo anna@andere.example,\nIhre Nachricht konnte nicht zugestellt werden.")
    assert fallback.inquire(load(raw)) is None


# Exchange Online's "<user> wasn't found at <domain>." in the languages it is set to
NOT_FOUND_AT = {
    "en": "max wasn't found at firma.example.",
    "de": "max wurde bei firma.example nicht gefunden.",
    "da": "max blev ikke fundet på firma.example.",
    "sv": "max hittades inte på firma.example.",
    "nb": "max ble ikke funnet på firma.example.",
    "nl": "max is niet gevonden op firma.example.",
    "fr": "max est introuvable sur firma.example.",
    "es": "No se encontró max en firma.example.",
    "it": "Impossibile trovare max in firma.example.",
    "pt": "max não foi encontrado em firma.example.",
    "ru": "max не найден в firma.example.",
    "pl": "Nie znaleziono max w firma.example.",
    "vi": "Không tìm thấy max tại firma.example.",
    "ja": "firma.example で max が見つかりませんでした。",
    "zh": "在 firma.example 上找不到 max。",
    "ko": "firma.example에서 max을(를) 찾을 수 없습니다.",
}


@pytest.mark.parametrize("lang", sorted(NOT_FOUND_AT))
def test_a_user_not_found_at_the_domain_is_unknown(lang: str) -> None:
    check_phrases([(NOT_FOUND_AT[lang], r.USER_UNKNOWN)])


def test_not_found_at_needs_a_domain() -> None:
    # (a server or a record "not found" on a network or in the DNS says nothing about the user)
    for text in ("Der Server wurde bei der Suche nicht gefunden.", "Сервер не найден в сети."):
        assert r.derive("5.0.0", "550", text, "failed", "RCPT") != r.USER_UNKNOWN, text


def test_an_expired_account_is_gone() -> None:
    check_phrases(
        [
            ("550 Account verlopen", r.ACCOUNT_DISABLED),
            ("550 Kontoen er udløbet", r.ACCOUNT_DISABLED),
            ("550 帐号已过期", r.ACCOUNT_DISABLED),
            ("550 アカウントの有効期限が切れています", r.ACCOUNT_DISABLED),
            ("550 Срок действия учетной записи истек", r.ACCOUNT_DISABLED),
            ("550 Konto wygasło", r.ACCOUNT_DISABLED),
        ]
    )


def test_frozen_after_long_non_use_is_closed_but_frozen_for_now_is_a_pause() -> None:
    check_phrases(
        [("550 由于长期未登录，该帐号已被冻结", r.ACCOUNT_DISABLED), ("550 该账户已被临时冻结", r.SUSPEND)]
    )


# "Your account is disabled": the sender's own account, in the languages where the possessive says
# so unambiguously (Spanish "su cuenta" is also "his account": not read either way)
YOUR_ACCOUNT = {
    "de": "550 5.7.1 Ihr Konto wurde deaktiviert",
    "da": "550 Din konto er lukket",
    "fr": "550 Votre compte a été désactivé",
    "pt": "550 Sua conta foi desativada",
    "it": "550 Il tuo account è stato disattivato",
    "nl": "550 Uw account is opgeheven",
    "zh": "550 您的帐号已被停用",
    "ja": "550 お客様のアカウントは無効です",
    "ko": "550 귀하의 계정은 사용 중지되었습니다",
    "pl": "550 Twoje konto zostało usunięte",
    "vi": "550 Tài khoản của bạn đã bị vô hiệu hóa",
}


@pytest.mark.parametrize("lang", sorted(YOUR_ACCOUNT))
def test_the_senders_own_account_disabled_is_not_the_recipients(lang: str) -> None:
    text = YOUR_ACCOUNT[lang]
    got = r.derive("5.0.0", "550", text, "failed", "RCPT")
    assert got != r.ACCOUNT_DISABLED and r.classify(got, "5.0.0", "550") == "soft", text


def test_a_danish_user_deactivated_is_gone_but_the_senders_own_is_not() -> None:
    assert r.derive("5.0.0", "550", "550 Brugeren er deaktiveret", "failed", "RCPT") == r.ACCOUNT_DISABLED
    got = r.derive("5.0.0", "550", "550 Din bruger er deaktiveret", "failed", "RCPT")
    assert got != r.ACCOUNT_DISABLED and r.classify(got, "5.0.0", "550") == "soft"


def test_japanese_and_korean_carriers_english_for_an_unknown_user() -> None:
    check_phrases(
        [
            ("553 5.3.0 <kunde@i.softbank.jp>... Addressee unknown, relay=[192.0.2.1]", r.USER_UNKNOWN),
            ("550 5.1.1 <kunde@daum.net> account does not exist", r.USER_UNKNOWN),
        ]
    )


@pytest.mark.parametrize(
    "text",
    [
        "550 Sender domain does not exist",
        "550 Domain of sender does not exist",
        "550 Die Absenderdomain existiert nicht",
        "550 Die Domain des Absenders existiert nicht",
        "550 Afsenderens domæne findes ikke",
        "550 Le domaine de l'expéditeur n'existe pas",
        "550 El dominio del remitente no existe",
        "550 O domínio do remetente não existe",
        "550 Il dominio del mittente non esiste",
        "550 Het domein van de afzender bestaat niet",
        "550 Домен отправителя не существует",
        "550 Tên miền người gửi không tồn tại",
        "550 发件人域名不存在",
        "550 送信者のドメインが存在しません",
        "553 Absenderadresse unbekannt",
        "550 Sender address unknown",
    ],
)
def test_the_senders_domain_or_address_unknown_is_never_hard(text: str) -> None:
    # a refusal that names the sender's own domain or address (whatever command it answered)
    # says nothing of the recipient's: soft
    reason = r.derive("5.0.0", "550", text, "failed", None)
    assert reason not in (r.HOST_UNKNOWN, r.USER_UNKNOWN), text
    assert r.classify(reason, "5.0.0", "550") == "soft", text
