"""The languages of South and Central Asia that had no phrase module (Telugu, Marathi, Gujarati,
Kannada, Malayalam, Punjabi in Gurmukhi and Shahmukhi, Odia, Assamese, Kyrgyz, Tajik, Turkmen,
Pashto, Kurdish in Kurmanji and Sorani, Uyghur): each language's user unknown and account disabled
(the families that make a bounce hard and that a server in that language says of its own users),
with the mailbox-full and domain-not-found rows every language has; the delay notices ("not
delivered yet") of these and of Khmer, Sinhala, Burmese, Lao, Mongolian and Zulu. A temporary
closing, a mailbox with no room, the sender's own address and a final report stay as they
were."""

from __future__ import annotations

import pytest

from parsers import parse
from parsers import reasons as r
from tests.parsers.languages import Case, check_not_gone, check_phrases, plain_report

WORDINGS: dict[str, list[Case]] = {
    "te": [
        ("552 గ్రహీత మెయిల్‌బాక్స్ నిండింది", r.MAILBOX_FULL),
        ("550 డొమైన్ కనుగొనబడలేదు", r.HOST_UNKNOWN),
        ("550 గ్రహీత చిరునామా కనుగొనబడలేదు", r.USER_UNKNOWN),
        ("550 ఈ ఇమెయిల్ ఖాతా ఉనికిలో లేదు", r.USER_UNKNOWN),
        ("550 ఈ ఖాతా నిలిపివేయబడింది", r.ACCOUNT_DISABLED),
    ],
    "mr": [
        ("552 मेलबॉक्स भरला आहे", r.MAILBOX_FULL),
        ("550 डोमेन अस्तित्वात नाही", r.HOST_UNKNOWN),
        ("550 हा ईमेल पत्ता अस्तित्वात नाही", r.USER_UNKNOWN),
        ("550 प्राप्तकर्ता सापडला नाही", r.USER_UNKNOWN),
        ("550 वापरकर्त्याचे खाते अक्षम केले आहे", r.ACCOUNT_DISABLED),
    ],
    "gu": [
        ("552 મેઇલબોક્સ ભરાઈ ગયું છે", r.MAILBOX_FULL),
        ("550 ડોમેન મળ્યું નથી", r.HOST_UNKNOWN),
        ("550 પ્રાપ્તકર્તા મળ્યો નથી", r.USER_UNKNOWN),
        ("550 ઇમેઇલ સરનામું અસ્તિત્વમાં નથી", r.USER_UNKNOWN),
        ("550 ખાતું અક્ષમ કરવામાં આવ્યું છે", r.ACCOUNT_DISABLED),
    ],
    "kn": [
        ("552 ಮೇಲ್‌ಬಾಕ್ಸ್ ತುಂಬಿದೆ", r.MAILBOX_FULL),
        ("550 ಡೊಮೇನ್ ಕಂಡುಬಂದಿಲ್ಲ", r.HOST_UNKNOWN),
        ("550 ಈ ಇಮೇಲ್ ವಿಳಾಸ ಅಸ್ತಿತ್ವದಲ್ಲಿಲ್ಲ", r.USER_UNKNOWN),
        ("550 ಸ್ವೀಕರಿಸುವವರು ಕಂಡುಬಂದಿಲ್ಲ", r.USER_UNKNOWN),
        ("550 ಖಾತೆಯನ್ನು ನಿಷ್ಕ್ರಿಯಗೊಳಿಸಲಾಗಿದೆ", r.ACCOUNT_DISABLED),
    ],
    "ml": [
        ("552 മെയിൽബോക്സ് നിറഞ്ഞു", r.MAILBOX_FULL),
        ("550 ഡൊമെയ്ൻ നിലവിലില്ല", r.HOST_UNKNOWN),
        ("550 സ്വീകർത്താവിനെ കണ്ടെത്തിയില്ല", r.USER_UNKNOWN),
        # (the chillu written as ര, virama and joiner, as older converters write it)
        ("550 സ്വീകര\u0d4d\u200dത്താവിനെ കണ്ടെത്തിയില്ല", r.USER_UNKNOWN),
        ("550 ഈ അക്കൗണ്ട് പ്രവർത്തനരഹിതമാക്കിയിരിക്കുന്നു", r.ACCOUNT_DISABLED),
    ],
    "pa": [
        ("552 ਮੇਲਬਾਕਸ ਭਰ ਗਿਆ ਹੈ", r.MAILBOX_FULL),
        ("550 ਡੋਮੇਨ ਨਹੀਂ ਮਿਲਿਆ", r.HOST_UNKNOWN),
        ("550 ਇਹ ਈਮੇਲ ਪਤਾ ਮੌਜੂਦ ਨਹੀਂ ਹੈ", r.USER_UNKNOWN),
        ("550 ایہہ ای میل پتہ نہیں لبھیا", r.USER_UNKNOWN),  # (Shahmukhi)
        ("550 ਖਾਤਾ ਅਯੋਗ ਕਰ ਦਿੱਤਾ ਗਿਆ ਹੈ", r.ACCOUNT_DISABLED),
    ],
    "or": [
        ("552 ମେଲବକ୍ସ ପୂର୍ଣ୍ଣ ହୋଇଯାଇଛି", r.MAILBOX_FULL),
        ("550 ଡୋମେନ୍ ମିଳିଲା ନାହିଁ", r.HOST_UNKNOWN),
        ("550 ପ୍ରାପକ ମିଳିଲା ନାହିଁ", r.USER_UNKNOWN),
        ("550 ଆକାଉଣ୍ଟ ଅକ୍ଷମ କରାଯାଇଛି", r.ACCOUNT_DISABLED),
    ],
    "as": [
        ("552 মেইলবক্স পূৰ্ণ হৈছে", r.MAILBOX_FULL),
        ("550 ডোমেইন বিচাৰি পোৱা নগ’ল", r.HOST_UNKNOWN),
        ("550 প্ৰাপক বিচাৰি পোৱা নগ'ল", r.USER_UNKNOWN),
        ("550 একাউণ্ট নিষ্ক্ৰিয় কৰা হৈছে", r.ACCOUNT_DISABLED),
    ],
    "ky": [
        ("552 Почта кутусу толуп калды", r.MAILBOX_FULL),
        ("550 Домен табылган жок", r.HOST_UNKNOWN),
        ("550 Мындай колдонуучу жок", r.USER_UNKNOWN),
        ("550 Алуучу табылган жок", r.USER_UNKNOWN),
        ("550 Аккаунт өчүрүлгөн", r.ACCOUNT_DISABLED),
    ],
    "tg": [
        ("552 Қуттии почта пур аст", r.MAILBOX_FULL),
        ("550 Домен ёфт нашуд", r.HOST_UNKNOWN),
        ("550 Гиранда ёфт нашуд", r.USER_UNKNOWN),
        ("550 Чунин корбар вуҷуд надорад", r.USER_UNKNOWN),
        ("550 Ҳисоби корбар ғайрифаъол карда шудааст", r.ACCOUNT_DISABLED),
    ],
    "tk": [
        ("552 Poçta gutusy doly", r.MAILBOX_FULL),
        ("550 Domen tapylmady", r.HOST_UNKNOWN),
        ("550 Beýle ulanyjy ýok", r.USER_UNKNOWN),
        ("550 Alyjy tapylmady", r.USER_UNKNOWN),
        ("550 Hasap ýapyldy", r.ACCOUNT_DISABLED),
    ],
    "ps": [
        ("552 د برېښنالیک بکس ډک دی", r.MAILBOX_FULL),
        ("550 ډومېن ونه موندل شو", r.HOST_UNKNOWN),
        ("550 دا برېښنالیک پته شتون نه لري", r.USER_UNKNOWN),
        ("550 ترلاسه کوونکی ونه موندل شو", r.USER_UNKNOWN),
        ("550 دا حساب غیر فعال شوی دی", r.ACCOUNT_DISABLED),
    ],
    "ku": [
        ("552 Qutiya e-nameyê tijî ye", r.MAILBOX_FULL),
        ("550 Domain nehat dîtin", r.HOST_UNKNOWN),
        ("550 Bikarhêner tune ye", r.USER_UNKNOWN),
        ("550 Wergir nehat dîtin", r.USER_UNKNOWN),
        ("550 ناونیشانی ئیمەیڵ بوونی نییە", r.USER_UNKNOWN),  # (Sorani)
        ("550 Hesab hatiye girtin", r.ACCOUNT_DISABLED),
        ("550 هەژمارەکە ناچالاک کراوە", r.ACCOUNT_DISABLED),
    ],
    "ug": [
        ("552 ئېلخەت ساندۇقى تولدى", r.MAILBOX_FULL),
        ("550 دومېن تېپىلمىدى", r.HOST_UNKNOWN),
        ("550 بۇنداق ئىشلەتكۈچى يوق", r.USER_UNKNOWN),
        ("550 تاپشۇرۇۋالغۇچى تېپىلمىدى", r.USER_UNKNOWN),
        ("550 ھېسابات تاقالغان", r.ACCOUNT_DISABLED),
    ],
}


@pytest.mark.parametrize("lang", sorted(WORDINGS))
def test_the_families_in_each_language(lang: str) -> None:
    check_phrases(WORDINGS[lang])


@pytest.mark.parametrize(
    "text",
    [
        # an account closed for a while is no disabled account
        "550 ఈ ఖాతా తాత్కాలికంగా నిలిపివేయబడింది",
        "550 खाते तात्पुरते अक्षम केले आहे",
        "550 ಖಾತೆಯನ್ನು ತಾತ್ಕಾಲಿಕವಾಗಿ ನಿಷ್ಕ್ರಿಯಗೊಳಿಸಲಾಗಿದೆ",
        "550 അക്കൗണ്ട് താൽക്കാലികമായി പ്രവർത്തനരഹിതമാക്കി",
        "550 Аккаунт убактылуу бөгөттөлгөн",
        "550 Ҳисоб муваққатан ғайрифаъол карда шудааст",
        "550 Hasap wagtlaýyn ýapyldy",
        "550 Hesab bi awayekî demkî hatiye girtin",
        # "no room" in the mailbox names no missing user
        "552 Почта кутусунда орун жок",
        "552 Poçta gutusynda ýer ýok",
        # the sender's address or domain not found: a refusal of the sender
        "550 పంపినవారి చిరునామా కనుగొనబడలేదు",
        "550 प्रेषकाचा पत्ता सापडला नाही",
        "550 Жөнөтүүчүнүн дареги табылган жок",
        "550 Iberijiniň salgysy tapylmady",
    ],
)
def test_temporary_closing_no_room_and_the_sender_are_not_hard(text: str) -> None:
    check_not_gone(text)


def test_a_report_in_telugu_names_its_recipient_gone() -> None:
    result = parse(plain_report("మీ సందేశం <ravi@mail.te.example> కు బట్వాడా కాలేదు: గ్రహీత చిరునామా కనుగొనబడలేదు."))
    [event] = result.events
    assert (event.recipient, event.classification, event.reason) == (
        "ravi@mail.te.example",
        "hard",
        r.USER_UNKNOWN,
    )


def test_a_khmer_delay_notice_is_ignored() -> None:
    # (under its own subject, "delivery delayed": an English "Undeliverable" would make it final)
    raw = plain_report("សាររបស់អ្នកទៅកាន់ <sokha@mail.km.example> មិនទាន់បានបញ្ជូននៅឡើយទេ។")
    result = parse(raw.replace(b"Subject: Undeliverable", "Subject: ការបញ្ជូនត្រូវបានពន្យារពេល".encode()))
    assert result.events
    assert all(event.classification == "ignored" for event in result.events)
