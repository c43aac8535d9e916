"""Auto-replies known by their subject alone, in the languages their writers use: the prefix a
localized mail client or server puts before the original subject ("Automatic reply:" in each
translation of Outlook, webmail vacation notices), and the words for "out of office". A subject
that only holds such a word somewhere else is no auto-reply."""

from __future__ import annotations

from email.header import Header

import pytest

from parsers import parse


def reply_with_subject(subject: str) -> bytes:
    """A reply to our message from a person's address, with nothing but its subject to say what it is."""
    return (
        "From: Recipient <person@isp.example>\n"
        "To: news@sender.example\n"
        f"Subject: {Header(subject, 'utf-8').encode()}\n"
        "Date: Fri, 06 Mar 2026 07:00:00 +0100\n"
        "Message-ID: <reply-1@isp.example>\n"
        "In-Reply-To: <news-1@sender.example>\n"
        "MIME-Version: 1.0\n"
        "Content-Type: text/plain; charset=utf-8\n\n"
        "...\n"
    ).encode()


@pytest.mark.parametrize(
    "subject",
    [
        "Trả lời tự động: Bản tin tháng 3",  # vi (Outlook)
        "Thư trả lời tự động",  # vi
        "Vắng mặt: Bản tin",  # vi
        "Tra loi tu dong: Ban tin thang 3",  # vi, written without diacritics
        "Tu dong tra loi: Ban tin",  # vi, without diacritics, the verb last
        "Autosvar: Nyhedsbrev",  # da, sv
        "Fraværende: Nyhedsbrev",  # da
        "Fråværsmelding: Nyhendebrev",  # nn
        "Poissaolo: Uutiskirje",  # fi
        "Autoodpowiedź: Biuletyn",  # pl
        "Automatická odpověď: Zpravodaj",  # cs
        "Automatická odpoveď: Spravodaj",  # sk
        "Otomatik cevap: Bülten",  # tr
        "Автоматический ответ: Рассылка",  # ru
        "Автоматична відповідь: Розсилка",  # uk
        "Автоматичен отговор: Бюлетин",  # bg
        "Αυτόματη απάντηση: Ενημερωτικό",  # el
        "ΑΥΤΟΜΑΤΗ ΑΠΑΝΤΗΣΗ: Ενημερωτικό",  # el, in capitals
        "תשובה אוטומטית: עדכון",  # he
        "رد تلقائي: نشرة",  # ar
        "الرد التلقائي: نشرة",  # ar
        "Balasan Otomatis: Buletin",  # id
        "ตอบกลับอัตโนมัติ: จดหมายข่าว",  # th
        "ไม่อยู่ที่สำนักงาน: จดหมายข่าว",  # th ("out of office")
        "Di Luar Kantor: Buletin",  # id ("out of office")
        "Wala sa opisina: Balita",  # tl ("out of office")
        "Di luar pejabat: Buletin",  # ms ("out of office")
        "स्वचालित उत्तर: समाचार पत्र",  # hi (Outlook)
        "स्वचालित जवाब: समाचार पत्र",  # hi
        "স্বয়ংক্রিয় উত্তর: নিউজলেটার",  # bn
        "தானியங்கு பதில்: செய்திமடல்",  # ta
        "Awtomatikong tugon: Newsletter",  # tl
        "Jibu la Kiotomatiki: Jarida",  # sw
        "Automatikus válasz: Hírlevél",  # hu
        "Automatski odgovor: Bilten",  # hr
        "Resposta automàtica: Butlletí",  # ca
        "Fora de l'oficina: Butlletí",  # ca (Outlook's out-of-office notice)
        "Fóra da oficina: Boletín",  # gl
        "Ausente: Boletim de dezembro",  # pt (a webmail vacation notice's own subject)
        "Ausente: Boletín de diciembre",  # es
        "Mensagem de ausência: Boletim",  # pt
        "Mensaje de ausencia: Boletín",  # es
        "Ausente do escritório: Boletim",  # pt
        "Nicht im Büro: Newsletter",  # de
        "Poza biurem: Biuletyn",  # pl
        "Mimo kancelář: Zpravodaj",  # cs
        "Ikke på kontoret: Nyhetsbrev",  # nb, da
        "Inte på kontoret: Nyhetsbrev",  # sv
        "自动答复: 新闻",  # zh (Outlook, simplified)
        "自動回覆: 新聞",  # zh (traditional)
        "【自動返信】ニュース",  # ja, bracketed
        "不在通知: ニュース",  # ja
        "부재중 자동응답",  # ko
        "Absence : Lettre d'information",  # fr
        "[users] Out of Office: release schedule",  # a list's tag first (the list re-sent the reply)
        "[users] Automatische Antwort: [users] Frage",  # de, tagged
        "[rt.example #48213] AutoReply: question about SSL",  # Request Tracker's ticket tag
        "[Ticket#2014030710000012] [users] Réponse automatique : question",  # two tags
        "away from my mail",  # vacation(1)'s own subject
        "Away from email: Newsletter",
    ],
)
def test_an_auto_reply_subject_in_each_language(subject: str) -> None:
    result = parse(reply_with_subject(subject))
    assert result.message_type == "auto_reply", subject
    assert [(e.recipient, e.classification) for e in result.events] == [("person@isp.example", "ignored")]


@pytest.mark.parametrize(
    "subject",
    [
        "Re: Bản tin tháng 3",
        "Frage zur Abwesenheit von Herrn Braun",  # ("absence" not at the start)
        "Absence of evidence",
        "Ausentes na reunião de ontem",  # ("absent" without the notice's colon)
        "Reunió fora de l'horari de l'oficina",  # ca ("out of office hours" not at the start)
        "Poista minut listalta",
        "Re: 自動車のご案内",  # (自動 "automatic" alone: 自動車 is a car)
        "Re: Автомобили",
        "Re: स्वचालित उत्तर की सेटिंग",  # (a person asking about the setting)
        "Swali kuhusu jibu la kiotomatiki",  # sw ("a question about the automatic reply")
        "Re: Di luar kantor minggu depan?",  # id (a person asking whether the office is out)
        "Jadwal rapat di luar kantor",  # id ("a meeting outside the office": not at the start)
        "[users] Re: Absence of evidence",
        "Re: Working away from the mail room",  # ("away from" a room, not from one's mail)
        "Re: Stay away from email scams",  # (not at the start)
    ],
)
def test_a_subject_that_only_holds_such_a_word_is_no_auto_reply(subject: str) -> None:
    assert parse(reply_with_subject(subject)).message_type != "auto_reply", subject
