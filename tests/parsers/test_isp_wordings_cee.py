"""Central/Eastern Europe, the Balkans and the Caucasus: the languages with no phrases of their own
before (Slovak apart from Czech, Serbian in Cyrillic apart from the Latin-script Serbo-Croatian,
Macedonian, Albanian, Belarusian, Azerbaijani, Uzbek, Georgian, Armenian), and spam refusals in the
region's languages.

Each family that decides hard vs soft, with what servers and localized reports in that language
say; then a message refused as spam (soft, the message's fault) under a bare 550; then sentences
that hold the families' words but name no failure.
"""

from __future__ import annotations

import pytest

from parsers import reasons as r
from tests.parsers.languages import Case, check_phrases, reason_under_5_7_1

CASES: dict[str, list[Case]] = {
    "sk": [
        ("550 Používateľ nebol nájdený", r.USER_UNKNOWN),
        ("550 Príjemca neexistuje", r.USER_UNKNOWN),
        ("550 Neznámy používateľ", r.USER_UNKNOWN),
        ("550 Zadanú e-mailovú adresu sa nepodarilo nájsť.", r.USER_UNKNOWN),
        ("552 Schránka príjemcu je plná", r.MAILBOX_FULL),
        ("552 Kvóta schránky bola prekročená", r.MAILBOX_FULL),
        ("550 Účet používateľa bol zrušený", r.ACCOUNT_DISABLED),
        ("550 Platnosť účtu vypršala", r.ACCOUNT_DISABLED),
        ("550 Účet bol zablokovaný natrvalo", r.ACCOUNT_DISABLED),
        ("450 Účet bol pozastavený", r.SUSPEND),
        ("550 Doména príjemcu neexistuje", r.HOST_UNKNOWN),
    ],
    "sr": [
        ("550 Адреса примаоца не постоји", r.USER_UNKNOWN),
        ("550 Корисник није пронађен", r.USER_UNKNOWN),
        ("550 Непознат прималац", r.USER_UNKNOWN),
        ("552 Поштанско сандуче корисника је препуно", r.MAILBOX_FULL),
        ("550 Налог корисника је угашен", r.ACCOUNT_DISABLED),
        ("550 Налог је блокиран због дуже неактивности", r.ACCOUNT_DISABLED),
        ("450 Налог је привремено блокиран", r.SUSPEND),
        ("550 Домен примаоца не постоји", r.HOST_UNKNOWN),
        # (Latin script: the Serbo-Croatian module's, with Serbian's own participle)
        ("450 Korisnički nalog je privremeno suspendovan", r.SUSPEND),
    ],
    "mk": [
        ("550 Корисникот не постои", r.USER_UNKNOWN),
        ("550 Нема таков корисник", r.USER_UNKNOWN),
        ("552 Поштенското сандаче е полно", r.MAILBOX_FULL),
        ("550 Сметката е деактивирана", r.ACCOUNT_DISABLED),
        ("450 Сметката е привремено блокирана", r.SUSPEND),
        ("550 Доменот не постои", r.HOST_UNKNOWN),
    ],
    "sq": [
        ("550 Adresa e marrësit nuk ekziston", r.USER_UNKNOWN),
        ("550 Përdoruesi nuk u gjet", r.USER_UNKNOWN),
        ("552 Kutia postare e marrësit është plot", r.MAILBOX_FULL),
        ("550 Llogaria e marrësit është mbyllur", r.ACCOUNT_DISABLED),
        ("450 Llogaria është pezulluar përkohësisht", r.SUSPEND),
        ("550 Domeni nuk ekziston", r.HOST_UNKNOWN),
    ],
    "be": [
        ("550 Карыстальнік не знойдзены", r.USER_UNKNOWN),
        ("550 Няма такога адраса", r.USER_UNKNOWN),
        ("552 Паштовая скрыня перапоўнена", r.MAILBOX_FULL),
        ("550 Уліковы запіс выдалены", r.ACCOUNT_DISABLED),
        ("450 Уліковы запіс часова заблакаваны", r.SUSPEND),
        ("550 Дамен не існуе", r.HOST_UNKNOWN),
    ],
    "az": [
        ("550 İstifadəçi tapılmadı", r.USER_UNKNOWN),
        ("550 Belə istifadəçi mövcud deyil", r.USER_UNKNOWN),
        # (a relay that drops Azerbaijani's own letters)
        ("550 Istifadeci tapilmadi", r.USER_UNKNOWN),
        ("552 Poçt qutusu doludur", r.MAILBOX_FULL),
        ("550 Hesab silinib", r.ACCOUNT_DISABLED),
        ("450 Hesab müvəqqəti bloklanıb", r.SUSPEND),
        ("550 Domen tapılmadı", r.HOST_UNKNOWN),
    ],
    "uz": [
        ("550 Foydalanuvchi topilmadi", r.USER_UNKNOWN),
        ("550 Фойдаланувчи топилмади", r.USER_UNKNOWN),
        ("552 Pochta qutisi toʻlgan", r.MAILBOX_FULL),
        ("552 Pochta qutisi to'lgan", r.MAILBOX_FULL),
        ("550 Hisob oʻchirilgan", r.ACCOUNT_DISABLED),
        ("450 Hisob vaqtincha bloklangan", r.SUSPEND),
        ("550 Domen mavjud emas", r.HOST_UNKNOWN),
    ],
    "ka": [
        ("550 მომხმარებელი ვერ მოიძებნა", r.USER_UNKNOWN),
        ("550 მისამართი არ არსებობს", r.USER_UNKNOWN),
        ("552 საფოსტო ყუთი სავსეა", r.MAILBOX_FULL),
        ("550 ანგარიში წაშლილია", r.ACCOUNT_DISABLED),
        ("450 ანგარიში დროებით დაბლოკილია", r.SUSPEND),
        ("550 დომენი არ არსებობს", r.HOST_UNKNOWN),
    ],
    "hy": [
        ("550 Օգտատերը չի գտնվել", r.USER_UNKNOWN),
        ("550 Նման օգտատեր գոյություն չունի", r.USER_UNKNOWN),
        ("552 Փոստարկղը լեցուն է", r.MAILBOX_FULL),
        ("550 Հաշիվը ջնջված է", r.ACCOUNT_DISABLED),
        ("450 Հաշիվը ժամանակավորապես արգելափակված է", r.SUSPEND),
        ("550 Դոմենը գոյություն չունի", r.HOST_UNKNOWN),
    ],
    # a message refused as spam, or classified so: the message's fault (soft)
    "spam": [
        ("550 Сообщение отклонено как спам", r.SPAM_DETECTED),
        ("550 Письмо распознано как спам", r.SPAM_DETECTED),
        ("550 Лист визначено як спам і відхилено", r.SPAM_DETECTED),
        ("550 Wiadomość została uznana za spam", r.SPAM_DETECTED),
        ("550 Zpráva byla vyhodnocena jako spam", r.SPAM_DETECTED),
        ("550 Správa bola označená ako spam", r.SPAM_DETECTED),
        ("550 İletiniz spam olarak algılandı", r.SPAM_DETECTED),
        ("550 Az üzenetet levélszemétnek minősítettük", r.SPAM_DETECTED),
        ("550 Mesajul a fost respins ca spam", r.SPAM_DETECTED),
        ("550 Съобщението е отхвърлено като спам", r.SPAM_DETECTED),
        ("550 Το μήνυμα χαρακτηρίστηκε ως spam", r.SPAM_DETECTED),
        ("550 Poruka je označena kao spam", r.SPAM_DETECTED),
        ("550 Пораката е одбиена како спам", r.SPAM_DETECTED),
        ("550 Порука је одбијена као спам", r.SPAM_DETECTED),
        ("550 Mesazhi u refuzua si spam", r.SPAM_DETECTED),
    ],
}


@pytest.mark.parametrize("code", sorted(CASES))
def test_language(code: str) -> None:
    check_phrases(CASES[code])


@pytest.mark.parametrize(
    "text",
    [
        # ordinary sentences holding the families' words that name no failure
        "Účet bol vytvorený",
        "Používateľ sa prihlásil",
        "Налог је креиран",
        "Корисникот се најави",
        "Llogaria u krijua",
        "Уліковы запіс створаны",
        "Hesab yaradıldı",
        "Hisob yaratildi",
        "ანგარიში შეიქმნა",
        "Հաշիվը ստեղծված է",
        # (an answer about spam that refuses nothing)
        "Сообщение не является спамом",
        "Wiadomość nie jest spamem",
    ],
)
def test_ordinary_sentences_name_no_reason(text: str) -> None:
    assert r.derive(None, None, text, "failed", None) not in (
        r.USER_UNKNOWN,
        r.MAILBOX_FULL,
        r.ACCOUNT_DISABLED,
        r.SUSPEND,
        r.HOST_UNKNOWN,
        r.SPAM_DETECTED,
    )


def test_a_turkish_sender_label_is_no_azerbaijani_exception() -> None:
    # "Gönderen" (Turkish: the sender) is Azerbaijani's "göndərən" without its schwa: labelling the
    # sender's line, it must not undo the recipient's reason on the next
    check_phrases([("Gönderen: news@sender.example Sebep: Kullanıcı bulunamadı", r.USER_UNKNOWN)])


@pytest.mark.parametrize("text", [text for text, _ in CASES["spam"]])
def test_a_spam_refusal_under_5_7_1_is_spam_not_a_security_error(text: str) -> None:
    assert reason_under_5_7_1(text) == r.SPAM_DETECTED
