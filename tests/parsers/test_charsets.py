"""Text in a legacy charset under a wrong label or none (parsers.charsets, via mail.decode_bytes):
read in the charset its bytes were written in; text read correctly before reads as before."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parsers import charsets
from parsers.charsets import composed, likely_charsets
from parsers.mail import decode_bytes, decode_header_value

RUSSIAN = "Адрес получателя не существует. Пользователь не найден."
JAPANESE = "宛先不明のため、メールを配信できませんでした。ユーザー不明"
KOREAN = "수신자 계정이 존재하지 않습니다"
CHINESE = "收件人地址不存在，邮件无法投递"
TAIWANESE = "收件者信箱不存在，郵件無法傳送"


@pytest.mark.parametrize(
    ("data", "charset", "text"),
    [
        (RUSSIAN.encode("cp1251"), None, RUSSIAN),  # unlabelled windows-1251
        (RUSSIAN.encode("koi8-r"), None, RUSSIAN),  # unlabelled KOI8-R (upper and lower case swapped)
        (RUSSIAN.encode("cp1251"), "unknown-8bit", RUSSIAN),
        (RUSSIAN.encode("cp1251"), "x-no-such-charset", RUSSIAN),
        (RUSSIAN.encode("cp1251"), "us-ascii", RUSSIAN),
        (JAPANESE.encode("cp932"), "iso-2022-jp", JAPANESE),  # Japanese carriers' mislabel
        (JAPANESE.encode("cp932"), None, JAPANESE),
        (JAPANESE.encode("euc-jp"), None, JAPANESE),
        (JAPANESE.encode("euc-jp"), "iso-2022-jp", JAPANESE),
        (KOREAN.encode("cp949"), None, KOREAN),
        (CHINESE.encode("gb18030"), None, CHINESE),
        (TAIWANESE.encode("cp950"), None, TAIWANESE),
        # windows-1250 under iso-8859-2: bytes at 0x80-0x9F ("Ž", "š", quotes) are not C1 controls
        ("„Žluťoučký kůň“ účet byl zrušen".encode("cp1250"), "iso-8859-2", "„Žluťoučký kůň“ účet byl zrušen"),
        # a byte windows-1252 leaves undefined keeps the rest windows-1252 (WHATWG), not latin-1
        (b"\x93U\x9eivatel\x94 \x9d caf\xe9", "iso-8859-1", "“Uživatel” \x9d café"),
        (b"\x93x\x94 \x81", None, "“x” \x81"),
        # Central European Latin with no label: ISO-8859-2's ż ł š ž at 0xA1-0xBF inside a word,
        # windows-1250's š ž at 0x8A-0x9F (whose č ř windows-1252 would read as è ø)
        (
            "Nie ma takiego użytkownika, skrzynka zapełniona".encode("iso-8859-2"),
            None,
            "Nie ma takiego użytkownika, skrzynka zapełniona",
        ),
        (
            "Účet byl zrušen, schránka příjemce je plná".encode("iso-8859-2"),
            None,
            "Účet byl zrušen, schránka příjemce je plná",
        ),
        (
            "Račun je ugašen, korisnik ne postoji".encode("cp1250"),
            None,
            "Račun je ugašen, korisnik ne postoji",
        ),
        # Latin-1's own symbols stand between words and digits, not inside a word: windows-1252
        ("Größe ±5 mm, 3³ Stück ¿Qué? © Café".encode("cp1252"), None, "Größe ±5 mm, 3³ Stück ¿Qué? © Café"),
    ],
)
def test_mislabelled_or_unlabelled_text_is_read_in_its_charset(
    data: bytes, charset: str | None, text: str
) -> None:
    assert decode_bytes(data, charset) == text


# Scripts whose letters share the bytes of windows-1251's Cyrillic, and CJK text whose bytes other
# readings also decode: each unlabelled text reads in its own script.
GREEK = "Ο χρήστης δεν υπάρχει. Το γραμματοκιβώτιο είναι γεμάτο."
HEBREW = "המשתמש אינו קיים. תיבת הדואר מלאה."
ARABIC = "المستخدم غير موجود. صندوق البريد ممتلئ."


@pytest.mark.parametrize(
    ("text", "charset"),
    [
        (GREEK, "cp1253"),
        (GREEK, "iso-8859-7"),
        ("Ο τομέας δεν υπάρχει", "cp1253"),
        ("ΑΓΝΩΣΤΟΣ ΠΑΡΑΛΗΠΤΗΣ", "cp1253"),  # (capitals: no tonos, no final sigma)
        (HEBREW, "cp1255"),
        (HEBREW, "iso-8859-8"),
        ("החשבון הושבת", "cp1255"),
        (ARABIC, "cp1256"),
        (ARABIC, "iso-8859-6"),
        ("تم تعطيل الحساب", "cp1256"),
        ("تم تعطيل الحساب", "iso-8859-6"),
        # Japanese in kanji alone (no kana to find it by): Shift_JIS, not Korean or Chinese
        ("宛先不明", "cp932"),
        ("550 宛先不明 (user unknown)", "cp932"),
        ("受信拒否", "cp932"),
        ("利用停止中", "cp932"),
        # Big5 is not windows-949's rare syllables, GB2312 not KOI8-R
        ("帳號不存在", "big5"),
        ("邮箱已满", "gb2312"),
        ("ящик переполнен", "koi8-r"),
        ("ящик переполнен", "cp1251"),
    ],
)
def test_unlabelled_text_reads_in_its_own_script(text: str, charset: str) -> None:
    assert decode_bytes(text.encode(charset)) == text


def test_windows_1258_tone_marks_are_composed() -> None:
    # "tồn tại" as Vietnamese Windows writes it: ô, then the combining grave (0xCC); "ạ" as a + dot below (0xF2)
    data = b"kh\xf4ng t\xf4\xccn ta\xf2i"
    assert decode_bytes(data, "windows-1258") == "không tồn tại"
    assert unicodedata.is_normalized("NFC", decode_bytes(data, "windows-1258"))


@pytest.mark.parametrize(
    ("word", "text"),
    [
        ("=?windows-1258?Q?kh=F4ng_t=F4=CCn_ta=F2i?=", "không tồn tại"),  # composed
        ("=?iso-8859-2?Q?=DA=E8et_byl_zru=9Aen?=", "Účet byl zrušen"),  # windows-1250 under iso-8859-2
        (
            "=?ISO-2022-JP?B?iLaQ5pVzlr4=?=",
            "宛先不明",
        ),  # Shift_JIS under ISO-2022-JP (no kana: by lead bytes)
        ("=?iso-2022-jp?B?sLjA6MnUzMA=?=", "宛先不明"),  # EUC-JP under ISO-2022-JP
        ("Re: =?utf-8?q?caf=C3=A9?= x", "Re: café x"),
    ],
)
def test_encoded_words_in_a_mislabelled_charset(word: str, text: str) -> None:
    assert decode_header_value(word) == text


@pytest.mark.parametrize(
    ("text", "charset"),
    [
        ("Ваше письмо не доставлено. Причина: пользователь не найден", "cp1251"),
        ("<olga@example.ru>: почтовый ящик не существует (пользователь не найден)", "koi8-r"),
        ("Το γραμματοκιβώτιο του παραλήπτη είναι γεμάτο.", "iso-8859-7"),
        ("Ο λογαριασμός του παραλήπτη έχει απενεργοποιηθεί", "cp1253"),
        ("המשתמש אינו קיים. תיבת הדואר מלאה.", "cp1255"),
        # Chinese, Korean and Japanese in their EUC forms: every 8-bit byte half of a pair
        ("您的邮件无法投递到以下收件人。原因：该用户不存在", "gb2312"),
        ("메일 발송 실패: 존재하지 않는 사용자입니다.", "euc-kr"),
        ("以下のアドレスへの配送に失敗しました。メールボックスがいっぱいです", "euc-jp"),
        # Japanese in Shift_JIS (its trail bytes are often ASCII: not EUC pairs): read by its kana
        ("原因: アカウントの有効期限が切れています。配信できませんでした。", "shift_jis"),
    ],
)
def test_other_scripts_under_a_latin_label(text: str, charset: str) -> None:
    # Software that labels whatever it sends iso-8859-1 (or windows-1252): words of 8-bit letters
    # that spell another alphabet's text are read in it
    for label in ("iso-8859-1", "windows-1252", "latin1"):
        assert decode_bytes(text.encode(charset), label) == text


@pytest.mark.parametrize(
    "text",
    [
        "Répondre à «Élève» — déjà vu, Größe über Maß",
        "ÆØÅ æøå: Søren Kierkegaard, Ærø",
        "Þú ert ekki til. Netfangið er ógilt og pósthólfið fullt",  # (Icelandic: not Turkish)
        "±±± ××× ÷÷÷ ¬¬¬ ººº ªªª ÷÷ ±± ××",  # a rule of symbols
        "Ærø Ålborg Øster Æbelø Åbenrå Ødis Ærøskøbing",  # (letters alone or in odd runs: not EUC pairs)
    ],
)
def test_latin_text_under_a_latin_label_keeps_it(text: str) -> None:
    assert decode_bytes(text.encode("cp1252"), "iso-8859-1") == text


@pytest.mark.parametrize(
    "text",
    [
        "Mesajınız aşağıdaki alıcıya teslim edilemedi. Alıcı kullanıcı bulunamadı.",
        "Posta kutusu dolu. Böyle bir kullanıcı yok: İşlem başarısız",
        "Hesap devre dışı bırakıldı",
    ],
)
def test_unlabelled_turkish_is_windows_1254(text: str) -> None:
    assert decode_bytes(text.encode("cp1254")) == text
    assert decode_bytes(text.encode("iso-8859-9")) == text


@pytest.mark.parametrize(
    "text",
    [
        "Empfänger unbekannt: Postfach voll, bitte später erneut versuchen",
        "Le destinataire n'existe pas (adresse électronique inconnue), réessayez",
        "Destinatário não encontrado; caixa de correio cheia",
        "Brak miejsca w skrzynce odbiorcy, spróbuj później",
        "Ãœber 3 Tage — “quoted” text",  # (mojibake stays as it was: isolated 8-bit letters)
        # (the letters windows-1252 shares with Czech's č ř ě and the Baltic ones, where these
        # languages write them)
        "Brugerens postkasse er fuld, prøv igen senere. Søen, frøer, øjeblik",
        "Mottakerens postkasse er full, prøv igjen. Søknad, øyeblikk",
        "Þú ert ekki til. Netfangið er ógilt og pósthólfið fullt, það",
        "Il messaggio è stato rifiutato, così, lunedì, però, perché",
        "Le système a refusé: très problème, Noël, naïve, maître, boîte, sûr",
        "Ça va, français, garçon, leçon, reçu, ação, coração",
        "Përdoruesi nuk ekziston. Çfarë, çdo, kërçnoi",
    ],
)
def test_latin_text_without_a_label_is_still_windows_1252(text: str) -> None:
    data = text.encode("cp1252", "replace")
    assert likely_charsets(data) == ()
    assert decode_bytes(data) == data.decode("cp1252")


@pytest.mark.parametrize(
    ("text", "charset"),
    [
        # Czech windows-1250 with none of š ž ť: only č ř ě, which windows-1252 reads è ø ì
        ("Adresa příjemce neexistuje", "cp1250"),
        ("Schránka příjemce je plná", "cp1250"),
        ("Děkujeme, zpráva nebyla doručena", "cp1250"),
        # Lithuanian and Latvian in ISO-8859-13: windows-1252 reads š ž ė as ð þ ë, ē as ç
        ("Gavėjo pašto dėžutė pilna", "iso-8859-13"),
        ("Jūsų laiško nepavyko pristatyti", "iso-8859-13"),
        ("Saņēmējs neeksistē", "iso-8859-13"),
        ("Saņēmēja pastkastīte ir pilna", "iso-8859-13"),
    ],
)
def test_unlabelled_czech_and_baltic_latin_read_in_their_charset(text: str, charset: str) -> None:
    assert decode_bytes(text.encode(charset)) == text


LABELS = [None, "utf-8", "us-ascii", "iso-8859-1", "iso-8859-2", "windows-1251", "koi8-r", "shift_jis",
          "iso-2022-jp", "gb2312", "euc-kr", "big5", "windows-1258", "unknown-8bit", "x-bogus"]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.text(), st.sampled_from(LABELS))
def test_utf8_text_reads_as_utf8_whatever_its_label(text: str, label: str | None) -> None:
    text = text.lstrip("\ufeff")  # (a leading byte order mark is dropped)
    assert decode_bytes(text.encode("utf-8"), label) == text


@settings(max_examples=300, deadline=None)
@given(st.binary(), st.sampled_from(LABELS))
def test_any_bytes_decode_without_an_error(data: bytes, label: str | None) -> None:
    text = decode_bytes(data, label)
    assert isinstance(text, str)
    text.encode("utf-8")  # (no lone surrogates)


def _alphabet(charset: str) -> list[str]:
    """The characters of a single-byte charset at 0xA0-0xFF (no C1 controls), NFC ones."""
    out = []
    for b in range(0xA0, 0x100):
        try:
            ch = bytes([b]).decode(charset)
        except UnicodeDecodeError:
            continue
        if unicodedata.combining(ch) == 0:
            out.append(ch)
    return out


@pytest.mark.parametrize(
    ("charset", "label"),
    [("cp1251", "windows-1251"), ("koi8-r", "koi8-r"), ("iso-8859-2", "iso-8859-2"), ("cp1252", "iso-8859-1"),
     ("iso-8859-5", "iso-8859-5"), ("iso-8859-7", "iso-8859-7"), ("cp1250", "windows-1250")],
)  # fmt: skip
@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_correctly_labelled_text_reads_exactly(charset: str, label: str, data: st.DataObject) -> None:
    letters = st.sampled_from(_alphabet(charset))
    if label == "iso-8859-1":
        # Latin-1 text as Latin text is written, each accented letter inside a word of ASCII letters
        # (words of 8-bit letters alone under this label are read as the alphabet they spell:
        # test_other_scripts_under_a_latin_label)
        letters = st.tuples(letters, st.sampled_from("abcxyz")).map("".join)
    text = data.draw(st.lists(letters | st.sampled_from("abc xyz.,:<>@5"), max_size=40).map("".join))
    encoded = text.encode(charset)
    try:  # (bytes that are also valid UTF-8 are read as UTF-8, as always)
        text = encoded.decode("utf-8")
    except UnicodeDecodeError:
        pass
    assert decode_bytes(encoded, label) == text


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_composed_is_nfc_and_leaves_nfc_text_alone(text: str) -> None:
    assert composed(text) == unicodedata.normalize("NFC", text)
    nfc = unicodedata.normalize("NFC", text)
    assert composed(nfc) is nfc


@settings(max_examples=100, deadline=None)
@given(st.text(), st.sampled_from(LABELS))
def test_ascii_and_utf8_text_never_reach_the_legacy_reader(text: str, label: str | None) -> None:
    # the common path's cost: text that is ASCII or valid UTF-8 is never sniffed or normalised
    def refuse(data: bytes, declared: str | None) -> str:
        raise AssertionError("legacy reader asked")

    original = charsets.decode_legacy
    charsets.decode_legacy = refuse
    try:
        decode_bytes(text.encode("utf-8"), label)
        decode_bytes(text.encode("ascii", "ignore"), label)
    finally:
        charsets.decode_legacy = original
