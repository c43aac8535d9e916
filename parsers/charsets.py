"""8-bit text that is not UTF-8, read in the charset it was written in, whatever its label says.

Mail from outside the English-speaking world often carries text in a legacy charset under a
wrong label or none: a Russian server's windows-1251 report with no charset parameter, a
Japanese carrier's Shift_JIS body labelled ISO-2022-JP, Czech windows-1250 under iso-8859-2.
Read as labelled, such text is mojibake that no phrase family matches. Here the declared
charset is tried first (strictly); when it is missing or cannot decode the bytes, the bytes
themselves say which charsets are likely. Only text that is neither ASCII nor valid UTF-8 comes
here (mail.decode_bytes reads those), so the common path pays nothing.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from parsers import patterncode
from parsers.values import FrozenValue, set_field

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final

# What to try next when a charset cannot decode the bytes (a relative that can).
CHARSET_NEXT: Final[dict[str, tuple[str, ...]]] = {
    "cp932": ("shift_jis_2004",),
    "iso-2022-jp-2": ("iso-2022-jp-2004", "iso-2022-jp-ext"),
    "euc-jp": ("euc_jis_2004",),
    "cp950": ("big5hkscs",),
    "cp1252": ("cp1252-c1",),
}
# The escape sequences of ISO-2022-JP (JIS X 0208, JIS X 0212, JIS X 0201 Roman): 7-bit Japanese
# text sent without a charset label.
JIS_ESCAPES: Final = (b"\x1b$B", b"\x1b$@", b"\x1b$(D", b"\x1b$(Q", b"\x1b(J")

# ISO-8859 charsets and the Windows code page that extends each with printable characters at
# 0x80-0x9F, where the ISO charset has C1 control codes, which text never holds: bytes there
# under the ISO label were written in the Windows code page (windows-1250 Czech "š", "ž",
# "ť" and „quotes“ under iso-8859-2). (iso-8859-1 already means windows-1252: mail.py's aliases.)
_WINDOWS_SIBLING: Final[dict[str, str]] = {
    "iso-8859-2": "cp1250",
    "iso-8859-4": "cp1257",
    "iso-8859-7": "cp1253",
    "iso-8859-9": "cp1254",
    "iso-8859-13": "cp1257",
}
_C1_BYTE: Final = rb"[\x80-\x9f]"


def _c1_errors(exc: UnicodeError) -> tuple[str, int]:
    """The WHATWG encoding standard's windows-1252: the five bytes the code page leaves
    undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) are the C1 code points, as in latin-1, and do not
    make the rest of the text fall back to latin-1."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    return "".join(chr(b) for b in exc.object[exc.start : exc.end]), exc.end


codecs.register_error("bounceback-c1", _c1_errors)

# (The patterns on bytes are compiled at their first use, by re's cache: the pattern store holds
# only patterns on text, and most processes never read a legacy charset.)
# A non-Latin script's words are runs of 8-bit bytes (a letter or two bytes each); the accented
# letters of Latin text mostly stand alone between ASCII letters.
_HIGH_RUN: Final = rb"[\x80-\xff]{3,}"
_HIGH: Final = bytes(range(0x80, 0x100))
_KANA: Final = patterncode.compile("[\u3041-\u30ff]")
_HANGUL: Final = patterncode.compile("[\uac00-\ud7a3]")
# Japanese written in kanji alone ("宛先不明", "受信拒否"): ideographs (and 々), in runs of two or
# more, the way Japanese compounds are written; JIS punctuation and full-width forms may stand
# between them. Half-width katakana (where Shift_JIS reads the lead bytes of GB2312, Big5 and
# EUC-KR text) and the private use area (its user-defined rows) are no Japanese text's.
_KANJI_RUN: Final = patterncode.compile("[\u4e00-\u9fff\u3005]{2,}")
_KANJI_OR_MARK: Final = patterncode.compile("[\u4e00-\u9fff\u3000-\u303f\uff01-\uff60]")
_NOT_JAPANESE: Final = patterncode.compile("[\uff61-\uff9f\ue000-\uf8ff]")
_PRIVATE_USE: Final = patterncode.compile("[\ue000-\uf8ff]")
# A lead byte followed by a trail byte below 0xA1: Big5 (and GBK's additions) have them, the
# GB2312 text that most Chinese mail is written in does not.
_LOW_TRAIL: Final = rb"[\x81-\xfe][\x40-\x7e\x80-\xa0]"
_SJIS_LOW_LEAD: Final = rb"[\x81-\x8d\x90-\x9f][\x40-\x7e\x80-\xfc]"
_JAPANESE_LABELS: Final = frozenset(
    {"iso-2022-jp-2", "iso-2022-jp-2004", "iso-2022-jp-ext", "iso-2022-jp", "iso-2022-jp-1", "iso-2022-jp-3"}
)
_DOUBLE: Final = rb"[\x81-\xfe][\x40-\xfe]"
# Of text labelled Latin-1, the 8-bit bytes needed before its reading in another alphabet is
# weighed, and half as many different ones (a sentence's worth: a few accented names, a rule of
# one symbol, stay Latin).
_MIN_MISLABELLED_LETTERS: Final = 12
_LATIN_LABELS: Final = frozenset({"cp1252", "windows-1252", "iso-8859-15"})
_HIGH_RUN_ANY: Final = rb"[\x80-\xff]+"
_EUC_BYTES: Final = bytes(range(0xA1, 0xFF))
# Han ideographs, kana, Hangul and CJK punctuation and full-width forms.
_CJK: Final = patterncode.compile("[\u3000-\u30ff\u4e00-\u9fff\uac00-\ud7a3\uff01-\uff60]")
# An ASCII letter next to an 8-bit byte: a word of Latin text (a word of another alphabet has
# none of Latin's letters).
_MIXED_WORD: Final = rb"[A-Za-z][\x80-\xff]|[\x80-\xff][A-Za-z]"
_ASCII: Final = bytes(range(0x80))
# A word of 8-bit letters, between spaces or punctuation (or at the start or end of a line).
_WORD_8BIT: Final = rb"(?<![^\s.,:;!?()\"'])[\x80-\xff]{2,}(?=[\s.,:;!?()\"']|$)"
_ASCII_SET: Final = frozenset(_ASCII)
# windows-1254's letters beyond ASCII (Ç Ö Ü ç ö ü â î û and the six of its own), and the
# punctuation and symbols at 0x80-0xBF and × ÷ that any text may hold.
_TURKISH_LETTERS: Final = b"\xc7\xd6\xdc\xe7\xf6\xfc\xc2\xe2\xce\xee\xdb\xfb\xd0\xdd\xde\xf0\xfd\xfe"
_LATIN_SHARED_WITH_TURKISH: Final = b"\xc7\xd6\xdc\xe7\xf6\xfc\xc2\xe2\xce\xee\xdb\xfb"
_TURKISH_PUNCTUATION: Final = bytes(range(0x80, 0xC0)) + b"\xd7\xf7"
# Central European Latin (Polish, Czech, Slovak, Slovenian, Croatian) in ISO-8859-2 or
# windows-1250: their common letters ą ł ś š ź ž ż (and capitals) stand at 0xA1-0xBF, where
# Latin-1 has symbols (± ³ ¶ ¹ ¼ ¾ ¿ ...) that no word holds between two letters. ("ª", "º",
# Romanian's and Turkish's ş, stay out: Spanish and Portuguese write them after a letter.)
_LATIN2_LETTERS: Final = b"\xa1\xa3\xa5\xa6\xa9\xab\xac\xae\xaf\xb1\xb3\xb5\xb6\xb9\xbb\xbc\xbe\xbf"
_LATIN2_IN_WORD: Final = (
    rb"[A-Za-z][\xa1\xa3\xa5\xa6\xa9\xab\xac\xae\xaf\xb1\xb3\xb5\xb6\xb9\xbb\xbc\xbe\xbf][A-Za-z\xc0-\xff]"
)
# windows-1250's š ž ť ź (and capitals) at 0x8A-0x9F inside a word: windows-1252 reads š and ž
# alike but č ř ě ň as è ø ì ò, so a text that writes them is read in windows-1250 ("Ra\xe8un
# je uga\x9aen").
_CP1250_IN_WORD: Final = rb"[A-Za-z\xc0-\xff][\x8a\x8d\x8e\x8f\x9a\x9d\x9e\x9f][A-Za-z\xc0-\xff]"
# Czech with none of those, only č ř ě (at 0xE8 0xF8 0xEC in both of its charsets): windows-1252
# reads them è ø ì, in places no language written in it puts those letters: è before a vowel
# ("doru\xe8ena", French and Italian write it before a consonant or at a word's end), ø before i
# or í ("p\xf8\xedjemce", "p\xf8i": Danish and Norwegian never write "øi"), ì inside a word after
# b d m n p t v ("v\xecc", "d\xeckujeme": Italian writes it at a word's end).
_CZECH_IN_WORD: Final = (
    rb"[A-Za-z][\xe8\xc8][aeiouy\xe1\xe9\xed\xfd]|[A-Za-z][\xf8\xd8][i\xed]|[bdmnptv]\xec[a-z]"
)
# Baltic Latin in ISO-8859-13 (windows-1257 at 0x80-0x9F): windows-1252 reads Lithuanian's š ž as
# Icelandic's ð þ and its ė č ą ū as ë è à û, which Icelandic never writes ("pa\xf0to d\xeb\xfeut\xeb");
# Latvian's ē as ç, which Latvian writes before a consonant ("sa\xf2\xe7m\xe7js") and French,
# Portuguese and Catalan only before a, o, u (Albanian, the other, writes ë in nearly every line).
_LITHUANIAN_SZ: Final = rb"[A-Za-z][\xf0\xfe]|[\xf0\xfe][a-z]"
_LITHUANIAN_VOWEL: Final = rb"[A-Za-z\xf0\xfe][\xeb\xe8\xe0\xfb]"
_LATVIAN_E: Final = rb"[A-Za-z\xc0-\xff]\xe7[b-df-hj-np-tv-z\xe8\xf0\xf2\xfe]"
# The byte patterns above compiled at import, into re's cache (where the calls below find them):
# the pattern store primes that cache with them (parsers.patterncode), so that neither start-up
# nor a message's first use of them compiles.
for _pattern in (
    _C1_BYTE,
    _HIGH_RUN,
    _LOW_TRAIL,
    _SJIS_LOW_LEAD,
    _DOUBLE,
    _HIGH_RUN_ANY,
    _MIXED_WORD,
    _WORD_8BIT,
    _LATIN2_IN_WORD,
    _CP1250_IN_WORD,
    _CZECH_IN_WORD,
    _LITHUANIAN_SZ,
    _LITHUANIAN_VOWEL,
    _LATVIAN_E,
):
    re.compile(_pattern)


def decode_legacy(data: bytes, declared: str | None) -> str:
    """8-bit `data` that is not UTF-8 (or is declared UTF-16/32) as text: the declared charset
    when it decodes the bytes, else the charsets the bytes look like, else windows-1252 as
    browsers read it (the WHATWG encoding standard's: its five undefined bytes as C1 codes). Text with combining marks is composed (NFC), the form the
    phrase families are written in (windows-1258 Vietnamese writes tone marks as combining
    characters)."""
    tried: list[str] = []
    if declared in _LATIN_LABELS:
        # (iso-8859-1 and windows-1252 decode any bytes: the label is the default of mail software
        # that does not know what it sends, so the bytes decide when they are another script's)
        declared = _script_under_latin_label(data) or declared
    elif declared in _CYRILLIC_PAIR:
        declared = _cyrillic_under_cyrillic_label(data, declared)
    elif declared == "gb18030":
        declared = _big5_under_gb_label(data) or declared
    if declared:
        sibling = _WINDOWS_SIBLING.get(declared)
        if sibling is not None and re.search(_C1_BYTE, data):
            declared = sibling
        tried.append(declared)
        tried.extend(CHARSET_NEXT.get(declared, ()))
    for cs in tried:
        text = _strict(data, cs)
        if text is not None:
            return composed(text)
    if declared in _JAPANESE_LABELS:
        # 8-bit bytes under a 7-bit Japanese label: Japanese carriers label Shift_JIS (or EUC-JP) so
        tried = list(_japanese(data))
    else:
        tried = list(likely_charsets(data))
    for cs in (*tried, "utf-8"):
        text = _strict(data, cs)
        if text is not None:
            return composed(text)
    return data.decode("cp1252", "bounceback-c1")


# Russian and Ukrainian mail is written in KOI8 or windows-1251, and software labels one as the
# other (a template written in one, the server's default label the other): each reads the other's
# letters with their case swapped, so the bytes choose between the two (the label's other).
_CYRILLIC_WORD: Final = patterncode.compile("[\u0400-\u045f]{3,}")
# (a word in lower case, or capitalised: Ё and Ukrainian's Є І Ї among the capitals)
_PLAIN_CYRILLIC_WORD: Final = patterncode.compile("[\u0400-\u042f]?[\u0430-\u045f]+")
_FREQUENT_CYRILLIC: Final = patterncode.compile("[оеаинтсрвл]", re.IGNORECASE)
_CYRILLIC_PAIR: Final[dict[str, str]] = {
    "koi8-r": "cp1251",
    "koi8-u": "cp1251",
    # (KOI8-U: KOI8-R's letters where they are, and Ukrainian's і ї є ґ in place of box drawing)
    "cp1251": "koi8-u",
    "windows-1251": "koi8-u",
}


def _cyrillic_under_cyrillic_label(data: bytes, declared: str) -> str:
    """`declared` (KOI8 or windows-1251), or the other of the pair when `data` read in it is
    clearly Russian or Ukrainian text: words in lower case or capitalised (the labelled reading of
    such text is in capitals, or lower-case then capitals), and more of its letters the frequent
    ones, case-blind (text written in capitals keeps its label: read in the other charset its
    words are lower-case, but its letters are a permutation, rarely the frequent ones)."""
    if len(data) - len(data.translate(None, _HIGH)) < _MIN_MISLABELLED_LETTERS:
        return declared
    other = _CYRILLIC_PAIR[declared]
    text = _strict(data, other)
    if text is None:
        return declared
    words = _CYRILLIC_WORD.findall(text)
    plain = sum(1 for word in words if _PLAIN_CYRILLIC_WORD.fullmatch(word))
    if len(words) < 4 or plain * 5 < len(words) * 4:
        return declared
    frequent = _share_of_frequent(text)
    return (
        other
        if frequent >= 0.4 and frequent > _share_of_frequent(_strict(data, declared) or "") + 0.1
        else declared
    )


def _share_of_frequent(text: str) -> float:
    """The share of `text`'s Cyrillic letters that are Russian's ten most frequent, in either case."""
    letters = len(_CYRILLIC.letters.findall(text))
    return len(_FREQUENT_CYRILLIC.findall(text)) / letters if letters else 0.0


def _big5_under_gb_label(data: bytes) -> str | None:
    """Big5 when `data`, labelled GB2312/GBK, is Big5 text (Taiwan's and Hong Kong's, sent under
    the mainland label): GB18030 decodes any pairs, but reads Big5's frequent characters in GBK's
    user-defined rows, private-use characters no Chinese text holds, where Big5 reads it clean."""
    text = _strict(data, "gb18030")
    if text is None or not _PRIVATE_USE.search(text):
        return None
    big5 = _strict(data, "cp950")
    return "cp950" if big5 is not None and not _PRIVATE_USE.search(big5) else None


def _strict(data: bytes, charset: str) -> str | None:
    if charset == "cp1252-c1":
        return data.decode("cp1252", "bounceback-c1")
    try:
        return data.decode(charset)
    except (LookupError, ValueError):  # (an unknown name, undecodable bytes, a NUL in the name)
        return None


def composed(text: str) -> str:
    """`text` in NFC when it is not already (a quick check: most text is)."""
    if text.isascii() or unicodedata.is_normalized("NFC", text):
        return text
    return unicodedata.normalize("NFC", text)


def _kana_reading(data: bytes) -> tuple[str, ...]:
    """Shift_JIS or EUC-JP (and its relatives) when it reads `data` as text with kana, which
    Japanese has in almost every sentence (Chinese and Korean have none, nor Latin text read as
    Japanese); else Shift_JIS when it reads the bytes as Japanese written in kanji alone; else
    empty."""
    for cs in ("cp932", "euc-jp"):
        text = _strict(data, cs)
        if text is not None and _share(_KANA, text) >= 0.2:
            return (cs, *CHARSET_NEXT.get(cs, ()))
    if _kanji_only(data):
        return ("cp932", *CHARSET_NEXT["cp932"])
    return ()


def _kanji_only(data: bytes) -> bool:
    """Whether `data` is Shift_JIS text in kanji without kana ("550 宛先不明", "受信拒否"): a lead
    byte below 0xA0 (JIS level 1, the common kanji; EUC-JP, GB2312, Big5 and EUC-KR have none
    there), a reading with nothing but kanji and JIS punctuation beyond ASCII, and the kanji in
    compounds of two or more. Latin text read as Shift_JIS gives a lone kanji inside a word
    ("Empf?ger"), Chinese and Korean text half-width katakana. (EUC-JP in kanji alone cannot be
    told from GB2312 by its bytes: it stays Chinese.)"""
    if not re.search(_SJIS_LOW_LEAD, data):
        return False
    text = _strict(data, "cp932")
    if text is None or _NOT_JAPANESE.search(text) or _share(_KANJI_OR_MARK, text) < 0.9:
        return False
    in_compounds = sum(len(run) for run in _KANJI_RUN.findall(text))
    return in_compounds * 2 >= len(_KANJI_OR_MARK.findall(text))


def _japanese(data: bytes) -> tuple[str, ...]:
    """The Japanese charsets for 8-bit `data` labelled ISO-2022-JP, likelier first: the one that
    reads kana, else Shift_JIS when a byte is one of its lead bytes below 0xA0 (EUC-JP has only
    0x8E and 0x8F there), else EUC-JP (which Shift_JIS would read as half-width katakana)."""
    kana = _kana_reading(data)
    if kana:
        return kana
    if re.search(_SJIS_LOW_LEAD, data):
        return ("cp932", "shift_jis_2004", "euc-jp", "euc_jis_2004")
    return ("euc-jp", "euc_jis_2004", "cp932", "shift_jis_2004")


class _Alphabet(FrozenValue):
    """A non-Latin alphabet written one byte a letter, and what its text looks like: nearly
    every 8-bit character one of its `letters`, many of them its most `frequent` ones, and no
    letter form where the script never writes it (`misplaced`)."""

    # (in the order of the fields: see parsers.values)
    __slots__ = (  # noqa: RUF023
        "charsets",
        "letters",
        "frequent",
        "misplaced",
    )

    charsets: tuple[str, ...]
    letters: re.Pattern[str]
    frequent: re.Pattern[str]
    misplaced: re.Pattern[str] | None

    def __init__(
        self,
        charsets: tuple[str, ...],
        letters: re.Pattern[str],
        frequent: re.Pattern[str],
        misplaced: re.Pattern[str] | None = None,
    ) -> None:
        s = set_field
        s(self, "charsets", charsets)
        s(self, "letters", letters)
        s(self, "frequent", frequent)
        s(self, "misplaced", misplaced)


# The same bytes are letters of all of them (Greek, Hebrew or Arabic read as windows-1251 is
# Cyrillic from end to end), so each reading is weighed by the share of its letters that are the
# language's ten or so most frequent (о е а и н т с р в л make up over half of Russian text; a
# misreading gives rare letters) and by the letter forms that only stand at a word's end: Greek's
# final sigma ς (windows-1251's т, inside most Russian words), Hebrew's five final letters ך ם ן ף
# ץ (н, п, к, у, х), Arabic's ة and ى.
_CYRILLIC: Final = _Alphabet(
    ("cp1251", "koi8-r"),
    patterncode.compile("[\u0400-\u045f]"),
    # (in lower case: KOI8-R read as windows-1251 and the reverse swap the case, and most text
    # is in lower case)
    patterncode.compile("[оеаинтсрвл]"),
    # (a capital inside a lower-case word: Chinese or Arabic read as Cyrillic mixes the case)
    patterncode.compile("[а-яё][А-ЯЁ]"),
)
_ALPHABETS: Final = (
    _CYRILLIC,
    _Alphabet(
        ("cp1253", "iso-8859-7"),
        patterncode.compile("[\u0386-\u03ce]"),
        patterncode.compile("[αάοόεέιίτσςνηήυύρ]", re.IGNORECASE),
        patterncode.compile(
            "ς(?=[\u0386-\u03ce])|σ(?![\u0386-\u03ce])|[\u03ac-\u03ce][\u0386\u0388-\u038f\u0391-\u03ab]"
        ),
    ),
    _Alphabet(
        ("cp1255", "iso-8859-8"),
        patterncode.compile("[\u05d0-\u05ea]"),
        patterncode.compile("[יוהלארמתבנםן]"),
        patterncode.compile("[ךםןףץ](?=[\u05d0-\u05ea])|[כמנפצ](?![\u05d0-\u05ea\"'])"),
    ),
    _Alphabet(
        ("cp1256", "iso-8859-6"),
        patterncode.compile("[\u0621-\u064a\u0671-\u06d3]"),
        patterncode.compile("[اليمونهرتب]"),
        patterncode.compile("[ةى](?=[\u0621-\u064a])"),
    ),
    # Thai (TIS-620 / windows-874, sent unlabelled by Thai hosts): its vowel marks sit on a
    # consonant, and its tone marks on a consonant or on a vowel mark, never after a space, an
    # ASCII character, a leading or following vowel or the repetition mark ๆ as in a misreading
    # (short GBK Chinese, "550 用户不存在", reads as Thai letters with a mark after ๆ)
    _Alphabet(
        ("cp874",),
        patterncode.compile("[\u0e01-\u0e5b]"),
        patterncode.compile("[านรอกเงมย\u0e48วดท\u0e49]"),
        patterncode.compile(
            "(?<![\u0e01-\u0e2e])[\u0e31\u0e34-\u0e3a]|(?<![\u0e01-\u0e2e\u0e31\u0e34-\u0e39])[\u0e47-\u0e4e]"
        ),
    ),
)


def _alphabet_reading(data: bytes, min_score: float = 0.3) -> str | None:
    """The single-byte charset whose reading of `data` looks most like its alphabet's text (at
    least `min_score` of its letters the alphabet's most frequent), or None when no reading does."""
    best: tuple[float, str] | None = None
    for alphabet in _ALPHABETS:
        for cs in alphabet.charsets:
            text = _strict(data, cs)
            if text is None or _share(alphabet.letters, text) < 0.9:
                continue
            letters = len(alphabet.letters.findall(text))
            if alphabet.misplaced is not None and len(alphabet.misplaced.findall(text)) * 20 > letters:
                continue
            score = len(alphabet.frequent.findall(text)) / letters
            if score >= min_score and (best is None or score > best[0]):
                best = (score, cs)
    return best[1] if best else None


def _script_under_latin_label(data: bytes) -> str | None:
    """The charset of a non-Latin script that `data`, labelled iso-8859-1 or windows-1252, was
    written in, sent by software that labels whatever it sends as Latin-1: Chinese, Japanese or
    Korean in their EUC forms (GB2312, EUC-JP, EUC-KR), Russian windows-1251 or KOI8-R, Greek
    ISO-8859-7; Japanese in Shift_JIS, read by its kana."""
    # (0x82 and 0x83 lead Shift_JIS's kana; they are C1 controls in Latin-1 and rare punctuation
    # in windows-1252, so only text holding them is read as Japanese, and then only with kana)
    if (b"\x82" in data or b"\x83" in data) and (kana := _kana_reading(data)):
        return kana[0]
    if _double_bytes_only(data):
        for cs in likely_charsets(data)[:1]:
            # (GB2312 proper, not the wider GB18030: Latin letters read in pairs land in its gaps)
            text = _strict(data, "gb2312" if cs == "gb18030" else cs)
            if text is not None and _share(_CJK, text) >= 0.8 and not _NOT_JAPANESE.search(text):
                return cs
    return _alphabet_under_latin_label(data)


def _double_bytes_only(data: bytes) -> bool:
    """Whether every 8-bit byte of `data` is half of a pair in the EUC range (0xA1-0xFE both: the
    two-byte characters of GB2312, EUC-JP and EUC-KR, which never take an ASCII byte), and there
    are enough of them to weigh the reading."""
    runs = re.findall(_HIGH_RUN_ANY, data)
    high = sum(len(run) for run in runs)
    return high >= _MIN_MISLABELLED_LETTERS and all(
        len(run) % 2 == 0 and not run.translate(None, _EUC_BYTES) for run in runs
    )


def _alphabet_under_latin_label(data: bytes) -> str | None:
    """The single-byte charset of a non-Latin alphabet that `data`, labelled Latin-1, was written
    in. Only words of 8-bit letters between spaces
    (Latin text's accented letters stand alone, inside words with ASCII letters), enough of
    them to weigh the reading, and a reading with mostly its alphabet's frequent letters: a
    Latin-1 text keeps its label."""
    high = len(data) - len(data.translate(None, _HIGH))
    if high < _MIN_MISLABELLED_LETTERS or len(set(data) - _ASCII_SET) < _MIN_MISLABELLED_LETTERS // 2:
        return None
    words = re.findall(_WORD_8BIT, data)
    in_words = sum(len(word) for word in words)
    if len(words) < 3 or in_words * 4 < high * 3 or len(re.findall(_MIXED_WORD, data)) * 20 > high:
        return None
    return _alphabet_reading(data, min_score=0.5)


def _turkish(data: bytes) -> bool:
    """Whether unlabelled 8-bit `data` is Turkish in windows-1254 / ISO-8859-9 (which differ from
    windows-1252 in six letters): it holds one of the letters only Turkish writes there (ğ ı ş Ğ
    İ Ş, windows-1252's Icelandic ð ý þ Ð Ý Þ) and no letter outside Turkish's alphabet (Icelandic,
    the other language of those bytes, writes á é í ó ú æ in nearly every sentence)."""
    letters = data.translate(None, _TURKISH_PUNCTUATION)
    high = letters.translate(None, _ASCII)
    return (
        bool(high)
        and not high.translate(None, _TURKISH_LETTERS)
        and bool(high.translate(None, _LATIN_SHARED_WITH_TURKISH))
    )


def _central_european(data: bytes) -> str | None:
    """ISO-8859-2, or windows-1250 when a byte is at 0x80-0x9F (C1 controls in ISO-8859-2), when
    8-bit `data` writes one of Central European Latin's letters at 0xA1-0xBF inside a word
    ("u\xbfytkownika", "zru\xb9en"); windows-1250 when it writes one of that code page's at
    0x8A-0x9F inside a word, or Czech's č ř ě where windows-1252's è ø ì never stand; else None
    (Latin-1 text keeps its reading)."""
    if data.translate(None, _LATIN2_LETTERS) != data and re.search(_LATIN2_IN_WORD, data):
        return "cp1250" if re.search(_C1_BYTE, data) else "iso-8859-2"
    return "cp1250" if re.search(_CP1250_IN_WORD, data) or re.search(_CZECH_IN_WORD, data) else None


def _baltic(data: bytes) -> str | None:
    """ISO-8859-13 (windows-1257 when a byte is at 0x80-0x9F) when 8-bit `data` is Lithuanian or
    Latvian as windows-1252 cannot be (š ž next to ė č ą ū; ē before a consonant), else None."""
    lithuanian = re.search(_LITHUANIAN_SZ, data) and re.search(_LITHUANIAN_VOWEL, data)
    if not lithuanian and (b"\xeb" in data or not re.search(_LATVIAN_E, data)):
        return None
    return "cp1257" if re.search(_C1_BYTE, data) else "iso-8859-13"


def likely_charsets(data: bytes) -> tuple[str, ...]:
    """The charsets that 8-bit, non-UTF-8 `data` was likely written in, best first; empty when
    the bytes look like accented Latin text (windows-1252 then reads them)."""
    if b"\x1b" in data and any(e in data for e in JIS_ESCAPES):
        return ("iso-2022-jp-2", "iso-2022-jp-2004", "iso-2022-jp-ext")
    # (Japanese before the test of runs: a Shift_JIS trail byte is often ASCII)
    kana = _kana_reading(data)
    if kana:
        return kana
    if _turkish(data):
        return ("cp1254",)
    high = len(data) - len(data.translate(None, _HIGH))
    in_runs = sum(len(run) for run in re.findall(_HIGH_RUN, data))
    if in_runs * 2 < high:
        # Latin text: windows-1252 unless it writes Central European letters (a label, even
        # Latin-1's, is trusted for Latin text)
        central = _baltic(data) or _central_european(data)
        return (central,) if central else ()
    # Korean: nearly all Hangul, and nearly all of that the 2,350 syllables of KS X 1001 that
    # Korean text is written in (Chinese read as Korean is half Hanja; Big5 and Shift_JIS read
    # as windows-949 are the rare syllables its extension adds)
    text = _strict(data, "cp949")
    if text is not None and _share(_HANGUL, text) >= 0.8 and _common_hangul(text):
        return ("cp949",)
    alphabet = _alphabet_reading(data)
    if alphabet is not None:
        return (alphabet,)
    pairs = len(re.findall(_DOUBLE, data))
    if pairs and len(re.findall(_LOW_TRAIL, data)) * 5 >= pairs:
        return ("cp950", "big5hkscs", "gb18030")
    return ("gb18030", "cp950", "big5hkscs")


def _common_hangul(text: str) -> bool:
    """Whether nine in ten of `text`'s Hangul syllables are KS X 1001's (EUC-KR's)."""
    syllables = _HANGUL.findall(text)
    # (Python's EUC-KR writes the others as eight bytes, KS X 1001's jamo composition)
    rare = sum(1 for syllable in syllables if len(syllable.encode("euc_kr")) != 2)
    return rare * 10 <= len(syllables)


def _share(letters: re.Pattern[str], text: str) -> float:
    """The share of `text`'s non-ASCII characters that `letters` matches."""
    non_ascii = len(text) - len(text.encode("ascii", "ignore"))
    return len(letters.findall(text)) / non_ascii if non_ascii else 0.0
