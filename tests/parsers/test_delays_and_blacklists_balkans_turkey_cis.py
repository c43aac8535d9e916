"""Delay notices as Turkish, Greek, Romanian, Ukrainian, Bulgarian, Serbian, Croatian, Slovene and
Kazakh servers (and Exchange set to those languages) word them are warnings, not failures; a final report
in the same language, past tense, stays a failure. A sender black-listed in the South Slavic
languages is blocked (the sender's standing, soft), too many connections in Turkish is the sender's
pace, and Mail.ru's one-word "Ratelimit" is a rate limit."""

from __future__ import annotations

import pytest

from parsers import reasons as r
from parsers.reasons import is_delay_notice
from tests.parsers.languages import reason_under_5_7_1

STILL_TRYING = {
    "tr-exchange": "Bu alıcılara veya gruplara teslim gecikti:",
    "tr-message": "UYARI: Bu iletinin teslimi gecikti.",
    "tr-title": "Teslim Durumu Bildirimi (Gecikme)",
    "tr-keeps-trying": "Sunucu iletiyi teslim etmeyi denemeye devam edecek.",
    "el-exchange": "Η παράδοση σε αυτούς τους παραλήπτες ή τις ομάδες καθυστερεί:",
    "ro-exchange": "Livrarea către acești destinatari sau grupuri este întârziată:",
    "ro-keeps-trying": "Serverul va încerca în continuare să livreze mesajul.",
    "uk-exchange": "Доставку цим одержувачам або групам відкладено:",
    "uk-held": "Доставку повідомлення затримано.",
    "uk-keeps-trying": "Сервер продовжуватиме спроби доставити повідомлення.",
    "bg-delayed": "Доставката на писмото Ви до следния получател се забавя:",
    "bg-keeps-trying": "Сървърът ще продължи да опитва да го достави.",
    "bg-no-resend": "Не е необходимо да изпращате писмото отново.",
    "sr-cyrillic": "Испорука ваше поруке је одложена.",
    "sr-cyrillic-warning": "Ово је само упозорење. Сервер ће наставити да покушава.",
    "kk-delayed": "Хатыңызды келесі алушыға жеткізу кешіктірілді:",
    "kk-keeps-trying": "Сервер хатты жеткізуге әрекет етуді жалғастырады.",
    "sr-latin": "Isporuka Vaše poruke sledećem primaocu je odložena:",
    "hr-exchange": "Isporuka ovim primateljima ili grupama odgođena je:",
    "sr-keeps-trying": "Server će nastaviti sa pokušajima isporuke.",
    "sr-no-resend": "Ne morate ponovo da šaljete poruku.",
    "sl-delayed": "Dostava vašega sporočila naslednjemu prejemniku je zakasnjena:",
    "sl-keeps-trying": "Strežnik bo še naprej poskušal dostaviti sporočilo.",
}
FINAL = {
    # (the past tense: the delivery *was* delayed, and the message is returned)
    "el-past": "Η παράδοση καθυστέρησε πάνω από 5 ημέρες και το μήνυμα επιστράφηκε.",
    "ro-past": "Livrarea a fost întârziată peste limita de 5 zile; mesajul a fost returnat.",
    "bg-past": "Доставката беше забавена твърде дълго и писмото е върнато.",
    "tr-final": "İletiniz teslim edilemedi. Bu kalıcı bir hatadır.",
    "sr-final": "Vaša poruka nije isporučena primaocu.",
}


@pytest.mark.parametrize("lang", sorted(STILL_TRYING))
def test_a_warning_that_delivery_goes_on_is_a_delay(lang: str) -> None:
    assert is_delay_notice("", STILL_TRYING[lang])


@pytest.mark.parametrize("lang", sorted(FINAL))
def test_a_final_report_is_not_a_delay(lang: str) -> None:
    assert not is_delay_notice("", FINAL[lang])


@pytest.mark.parametrize(
    "text",
    [
        "550 Vaša IP adresa je na crnoj listi",
        "550 IP adresa pošiljatelja nalazi se na crnoj listi (DNSBL)",
        "550 Ваша ИП адреса је на црној листи",
        "550 IP naslov pošiljatelja je na črnem seznamu",
    ],
)
def test_a_black_listed_sender_is_blocked_not_a_security_error(text: str) -> None:
    assert reason_under_5_7_1(text) == r.BLOCKED
    assert r.classify(r.BLOCKED, "5.7.1", "550") == "soft"


def test_too_many_connections_in_turkish_is_the_senders_pace() -> None:
    got = r.derive(
        "4.7.1", "451", "451 4.7.1 Çok fazla bağlantı; lütfen daha sonra tekrar deneyin", "failed", "RCPT"
    )
    assert got == r.TOO_MANY_CONNECTIONS


def test_a_one_word_ratelimit_is_a_rate_limit() -> None:
    text = "421 4.7.1 [mxs.mail.ru] Ratelimit exceeded for mailbox a@mail.example. Try again later."
    assert r.derive("4.7.1", "421", text, "failed", "RCPT") == r.RATE_LIMITED


@pytest.mark.parametrize(
    "text",
    [
        # the words with no refusal or warning in them
        "Crna lista je ažurirana",
        "Teslim tarihi: 8 Aralık",
        "Доставката е безплатна",
    ],
)
def test_ordinary_sentences_are_no_delay_and_no_block(text: str) -> None:
    assert not is_delay_notice("", text)
    assert r.derive(None, None, text, "failed", None) != r.BLOCKED
