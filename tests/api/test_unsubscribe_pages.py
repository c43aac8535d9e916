"""The public link pages: every language complete, escaping, strict headers, language negotiation."""

from __future__ import annotations

import base64
import hashlib
import re
import string
import unicodedata
from html.parser import HTMLParser
from urllib.parse import urlencode

import pytest
from hypothesis import given
from hypothesis import strategies as st

from service.api.pages import (
    CONTENT_SECURITY_POLICY,
    DEFAULT_LANGUAGE,
    ONE_CLICK_BODY,
    TEXTS,
    Action,
    Page,
    confirm_page,
    done_page,
    negotiate_language,
    not_found_page,
    page_language,
    parse_accept_language,
    too_many_requests_page,
)
from service.api.pages.language import MAX_HEADER_CHARS

RECIPIENT = "jane.doe+news@example.com"
LANGUAGES = sorted(TEXTS)


class Outline(HTMLParser):
    """What a page is made of: tags with their attributes, and the text inside a few of them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: dict[str, str] = {}
        self._open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in {"meta", "input", "br"}:
            self._open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self._open and self._open[-1] == tag, f"</{tag}> closes {self._open[-1:]}"
        self._open.pop()

    def handle_data(self, data: str) -> None:
        for tag in self._open:
            self.text[tag] = self.text.get(tag, "") + data

    def attributes(self, tag: str) -> list[dict[str, str | None]]:
        return [attrs for name, attrs in self.tags if name == tag]


def outline(page: Page) -> Outline:
    parser = Outline()
    parser.feed(page.body.decode("utf-8"))
    parser.close()
    assert not parser._open, f"unclosed {parser._open}"
    return parser


def every_page(language: str, recipient: str = RECIPIENT) -> list[tuple[str, Page]]:
    header = language
    return [
        ("unsubscribe_confirm", confirm_page(Action.UNSUBSCRIBE, recipient, header)),
        ("unsubscribe_done", done_page(Action.UNSUBSCRIBE, recipient, header)),
        ("report_confirm", confirm_page(Action.REPORT_SPAM, recipient, header)),
        ("report_done", done_page(Action.REPORT_SPAM, recipient, header)),
        ("not_found", not_found_page(header)),
        ("too_many_requests", too_many_requests_page(header, 7)),
    ]


# --- the texts ------------------------------------------------------------------------------------


def test_english_is_the_default_and_there_are_german_danish_and_vietnamese() -> None:
    assert DEFAULT_LANGUAGE == "en"
    assert set(TEXTS) == {"en", "de", "da", "vi"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_language_has_every_key_and_the_same_placeholders(language: str) -> None:
    english, texts = TEXTS["en"], TEXTS[language]
    assert set(texts) == set(english)
    for key, text in texts.items():
        assert text.strip() == text and text, f"{language} {key}"
        placeholders = re.findall(r"\{[^}]*\}", text)
        assert placeholders == re.findall(r"\{[^}]*\}", english[key]), f"{language} {key}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_texts_are_composed_unicode_without_markup(language: str) -> None:
    # Decomposed diacritics (e + combining hook) render badly in some fonts and defeat search.
    for key, text in TEXTS[language].items():
        assert unicodedata.normalize("NFC", text) == text, f"{language} {key}"
        assert not set(text) & set("<>&\"'"), f"{language} {key}"


def test_the_sentences_that_name_the_recipient() -> None:
    for key, text in TEXTS["en"].items():
        names_recipient = key.startswith(("unsubscribe_", "report_")) and key.endswith(".text")
        assert ("{address}" in text) == names_recipient, key


def test_spot_check_the_wording_of_each_language() -> None:
    # Guards against a copy-paste of one language into another and lost diacritics.
    assert TEXTS["de"]["unsubscribe_confirm.button"] == "Abmelden"
    assert TEXTS["de"]["report_done.heading"] == "Vielen Dank für Ihre Meldung"
    assert TEXTS["da"]["unsubscribe_done.heading"] == "Du er afmeldt"
    assert TEXTS["da"]["not_found.text"] == "Kontrollér, at du har åbnet hele linket fra e-mailen."
    assert TEXTS["vi"]["unsubscribe_confirm.button"] == "Hủy đăng ký"
    assert TEXTS["vi"]["report_confirm.button"] == "Báo cáo thư rác"
    for language in LANGUAGES:
        others = [TEXTS[other] for other in LANGUAGES if other != language]
        for key, text in TEXTS[language].items():
            assert all(other[key] != text for other in others), f"{language} {key} is not translated"


# --- the pages ------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_in_every_language_is_a_small_accessible_document(language: str) -> None:
    texts = TEXTS[language]
    for name, page in every_page(language):
        assert page.language == language
        body = page.body.decode("utf-8")
        assert body.startswith("<!doctype html>\n")
        parsed = outline(page)
        assert parsed.attributes("html") == [{"lang": language}]
        assert {"charset": "utf-8"} in parsed.attributes("meta")
        heading = texts[f"{name}.heading"]
        assert parsed.text["title"] == heading
        assert parsed.text["h1"] == heading
        assert len(parsed.attributes("h1")) == 1
        assert parsed.text["p"] == texts[f"{name}.text"].replace("{address}", RECIPIENT)
        if "{address}" in texts[f"{name}.text"]:
            assert parsed.text["strong"] == RECIPIENT
        else:
            assert "strong" not in parsed.text and RECIPIENT not in body


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_confirm_pages_have_one_button_that_posts_back_to_the_same_url(language: str) -> None:
    for action, fields in [(Action.UNSUBSCRIBE, ONE_CLICK_BODY), (Action.REPORT_SPAM, "")]:
        parsed = outline(confirm_page(action, RECIPIENT, language))
        # No action attribute: the form posts to the URL the page came from (HTML form submission).
        assert parsed.attributes("form") == [{"method": "post"}]
        assert parsed.attributes("button") == [{"type": "submit"}]
        assert parsed.text["button"] == TEXTS[language][f"{action.value}_confirm.button"]
        inputs = parsed.attributes("input")
        assert urlencode([(attrs["name"], attrs["value"]) for attrs in inputs]) == fields
        assert all(attrs["type"] == "hidden" for attrs in inputs)


def test_the_unsubscribe_form_sends_the_rfc_8058_body() -> None:
    assert ONE_CLICK_BODY == "List-Unsubscribe=One-Click"


def test_only_the_confirm_pages_have_a_form() -> None:
    for name, page in every_page("en"):
        assert bool(outline(page).attributes("form")) == name.endswith("_confirm")


def test_the_done_page_never_says_more_than_done() -> None:
    # One page for "done now" and "already done": a repeated click is not an error.
    first = done_page(Action.UNSUBSCRIBE, RECIPIENT, "en")
    assert first == done_page(Action.UNSUBSCRIBE, RECIPIENT, "en")
    assert first.status == 200


def test_statuses() -> None:
    statuses = {name: page.status for name, page in every_page("en")}
    assert statuses == {
        "unsubscribe_confirm": 200,
        "unsubscribe_done": 200,
        "report_confirm": 200,
        "report_done": 200,
        "not_found": 404,
        "too_many_requests": 429,
    }


# --- escaping -------------------------------------------------------------------------------------

NASTY = [
    '"><script>alert(1)</script>@example.com',
    "a&amp;b@example.com",
    "'onmouseover='x'@example.com",
    "{address}@example.com",
    "</strong></p><form action=https://evil.example>@x",
    "jäne@bücher.example",
]


@pytest.mark.parametrize("recipient", NASTY)
def test_a_hostile_recipient_is_text_not_markup(recipient: str) -> None:
    plain = dict(every_page("en"))
    for name, page in every_page("en", recipient):
        parsed = outline(page)
        # The same elements with the same attributes as with a plain address: nothing injected.
        assert parsed.tags == outline(plain[name]).tags, name
        if "strong" in parsed.text:
            assert parsed.text["strong"] == recipient
        assert "<script" not in page.body.decode()


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=80))
def test_any_recipient_round_trips_through_the_html(recipient: str) -> None:
    page = confirm_page(Action.UNSUBSCRIBE, recipient, None)
    parsed = outline(page)
    # The parser folds the character references back: the text must come back exactly.
    assert parsed.text.get("strong", "") == recipient
    assert [tag for tag, _ in parsed.tags] == [
        "html", "head", "meta", "meta", "meta", "title", "style", "body", "main", "h1", "p", "strong",
        "form", "input", "button",
    ]  # fmt: skip


# --- headers --------------------------------------------------------------------------------------


def style_of(page: Page) -> str:
    match = re.search(r"<style>(.*?)</style>", page.body.decode("utf-8"), re.S)
    assert match is not None
    return match.group(1)


def test_the_csp_is_strict_and_allows_exactly_the_inline_style() -> None:
    directives = dict(part.strip().split(" ", 1) for part in CONTENT_SECURITY_POLICY.split(";"))
    style = style_of(confirm_page(Action.UNSUBSCRIBE, RECIPIENT, None))
    digest = base64.b64encode(hashlib.sha256(style.encode("utf-8")).digest()).decode("ascii")
    assert directives == {
        "default-src": "'none'",
        "style-src": f"'sha256-{digest}'",
        "form-action": "'self'",
        "base-uri": "'none'",
        "frame-ancestors": "'none'",
    }


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_carries_the_security_headers(language: str) -> None:
    for _name, page in every_page(language):
        assert page.headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY
        assert page.headers["X-Content-Type-Options"] == "nosniff"
        assert page.headers["Referrer-Policy"] == "no-referrer"
        assert page.headers["Cache-Control"] == "no-store"
        assert page.headers["Content-Type"] == "text/html; charset=utf-8"
        assert page.headers["Content-Language"] == language
        assert page.headers["Vary"] == "Accept-Language"
        # The one style is the one the CSP hash allows: every page shares it.
        assert style_of(page) == style_of(every_page("en")[0][1])


def test_no_script_and_no_resource_from_anywhere() -> None:
    for language in LANGUAGES:
        for _name, page in every_page(language):
            body = page.body.decode("utf-8").lower()
            assert "<script" not in body and "<link" not in body and "<img" not in body
            assert not re.search(r"\b(src|href|action|style)=", body)
            assert "http" not in body and "//" not in body


def test_too_many_requests_says_when_to_retry() -> None:
    assert too_many_requests_page("en", 7).headers["Retry-After"] == "7"
    assert too_many_requests_page("en", 0).headers["Retry-After"] == "1"
    assert "Retry-After" not in not_found_page("en").headers


# --- Accept-Language ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (None, "en"),
        ("", "en"),
        ("de", "de"),
        ("de-DE", "de"),
        ("DE-at", "de"),
        ("de-CH, en;q=0.5", "de"),
        ("en;q=0.5, de;q=0.9", "de"),
        ("en-US,en;q=0.9,de;q=0.8", "en"),
        ("fr-FR, fr;q=0.9, de;q=0.5", "de"),
        ("fr", "en"),
        ("da-DK,da;q=0.9,en-US;q=0.8,en;q=0.7", "da"),
        ("vi-VN,vi;q=0.9,fr-FR;q=0.8", "vi"),
        ("nb-NO, da;q=0.8", "da"),
        ("da, de", "da"),  # a tie keeps the header's order
        ("de;q=0.8, da;q=0.8", "de"),
        ("*", "en"),
        ("*, en;q=0", "de"),  # '*' is any language not refused
        ("fr, *;q=0.5, de;q=0.1", "en"),  # '*' names a language not named otherwise
        ("de;q=0, en;q=0", "en"),  # nothing acceptable: the default anyway
        ("de;q=0, de-CH", "en"),
        ("de;q=0.000", "en"),
        ("de;q=0.001", "de"),
        ("de ; q=0.5, fr", "de"),  # optional whitespace around ';'
        ("de;Q=0.5", "de"),
        ("de;q=1.000, en", "de"),
        ("de;q=2, da", "da"),  # out-of-range weight: that element is skipped
        ("de;q=0.5000, vi", "vi"),  # more than three decimals
        ("de;q=abc, vi", "vi"),
        ("de;level=1, vi", "vi"),  # no other parameters exist for Accept-Language
        ("en-, vi", "vi"),
        ("x-klingon, de", "de"),
        ("zh-Hant-TW, vi;q=0.3", "vi"),
        ("de-x-private", "de"),
        ("de-1996-x-a, en;q=0.1", "de"),
        (",,, ,de", "de"),
        ("dea, de;q=0.1", "de"),  # 'dea' is not 'de'
        ("vi\t;\tq=0.9", "vi"),
    ],
)
def test_negotiation(header: str | None, expected: str) -> None:
    assert page_language(header) == expected


def test_parse_keeps_weights_and_order() -> None:
    assert parse_accept_language("da-DK, en;q=0.5 , *;q=0.1, bad!, de;q=0") == [
        ("da-dk", 1.0),
        ("en", 0.5),
        ("*", 0.1),
        ("de", 0.0),
    ]


def test_a_huge_header_is_bounded() -> None:
    header = ", ".join(["fr"] * 10_000) + ", de"
    assert page_language(header) == "en"  # 'de' lies beyond the bound: never read
    assert len(parse_accept_language(header)) <= 64
    assert len(parse_accept_language("de" * MAX_HEADER_CHARS)) == 0


@given(st.text(alphabet=string.printable + "äø-;=*,", max_size=300))
def test_negotiation_never_fails_and_always_answers_a_supported_language(header: str) -> None:
    assert negotiate_language(header, LANGUAGES, "en") in LANGUAGES


@given(
    st.sampled_from(LANGUAGES),
    st.lists(st.from_regex(r"\A[A-Za-z0-9]{2,8}\Z"), max_size=3),
    st.sampled_from(["", ";q=1", ";q=0.9", ";q=0.25"]),
)
def test_a_single_supported_range_with_any_subtags_picks_its_language(
    language: str, subtags: list[str], weight: str
) -> None:
    header = "-".join([language.upper(), *subtags]) + weight
    assert page_language(header) == language
