"""The reason families' keyword prefilter never hides a phrase the family's expression matches."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parsers.reasons import families, phrases

FIXTURES = Path(__file__).parent / "fixtures"

FAMILIES = {
    **{f"phrases:{k}": v for k, v in phrases.PHRASES.items()},
    **{f"veto:{k}": v for k, v in phrases.VETO.items()},
    **{f"unless:{k}": v for k, v in phrases.UNLESS.items()},
}


def _alternatives(pattern: str) -> list[str]:
    """The phrases `_family` joined as `(?:one)|(?:two)|...` (a split that breaks one is skipped)."""
    found = []
    for alt in pattern[3:-1].split(")|(?:"):
        try:
            re.compile(alt)
        except re.error:
            continue
        found.append(alt)
    return found


@pytest.mark.parametrize(
    ("pattern", "keywords"),
    [
        # (the regex parser takes a prefix the alternatives share out of them: the run before the
        # alternation joined to each one's opening run is rarer than either, "mailbox" alone is in
        # most diagnostics)
        (r"mailbox (?:full|is full)", ("mailbox full", "mailbox is full")),
        (r"mailbox full|mailbox is full", ("mailbox full", "mailbox is full")),
        (r"\buce\b|\bube\b", ("ube", "uce")),  # (not "ce" and "be", in nearly every text)
        (r"mailbox (?:full|\S+ full)", ("full",)),  # an alternative that opens on no literal
        (
            r"(?<!delivery )temporarily (?:disabled|suspended)",
            ("temporarily disabled", "temporarily suspended"),
        ),
        (r"(?:disabled|locked) (?:mail)?(?:box|account)", ("locked", "disabled")),
        (r"user'?s? over quota", (" over quota",)),
        (r"no (?:a|b)", ("no ",)),
        (r"(?:abc|x?)", None),  # a branch that can match nothing: no keyword is certain
        (r"\S+ \d+", (" ",)),  # weak but certain
        (r"a{2,} quota|(?:z)+ quota", (" quota",)),
    ],
)
def test_keywords_are_what_every_match_must_contain(pattern: str, keywords: tuple[str, ...] | None) -> None:
    got = families._keywords(pattern)
    assert (None if got is None else sorted(got)) == (None if keywords is None else sorted(keywords))


@pytest.mark.parametrize("name", sorted(FAMILIES))
def test_prefilter_agrees_with_the_expression_on_fixture_texts(name: str) -> None:
    family = FAMILIES[name]
    regex = re.compile(family.pattern)
    texts = [families.normalise(p.read_bytes().decode("utf-8", "replace")) for p in FIXTURES.rglob("*.eml")]
    for text in texts:
        for line in text.splitlines():
            assert family.search(line) == bool(regex.search(line)), line


@pytest.mark.parametrize("name", sorted(FAMILIES))
def test_prefilter_agrees_on_generated_matches(name: str) -> None:
    family = FAMILIES[name]
    regex = re.compile(family.pattern)
    strategies = []
    for alt in _alternatives(family.pattern):
        if any(mark in alt for mark in ("(?<", "(?=", "(?!", "\\b", "^", "$")):
            continue  # generated text plus context may not match: look-arounds and anchors
        strategies.append(st.from_regex(re.compile(alt), fullmatch=True))
    assert strategies

    @settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.one_of(strategies), st.text(max_size=5), st.text(max_size=5))
    def check(phrase: str, before: str, after: str) -> None:
        text = before + phrase + after
        assert family.search(text) == bool(regex.search(text))
        assert family.search(text)

    check()


def test_the_keyword_table_built_ahead_of_time_is_current() -> None:
    # (the families read their indexes from it; one that drifts is only slower, but say so)
    from scripts.build_phrase_keywords import render

    assert Path(families.BUILT_INDEXES).read_text(encoding="utf-8") == render(), (
        "parsers/reasons/phrases/keywords.json drifted: run scripts/build_phrase_keywords.py"
    )


@pytest.mark.parametrize("name", sorted(FAMILIES))
def test_a_family_reads_the_same_index_from_the_table_as_it_builds(name: str) -> None:
    family = FAMILIES[name]
    kept, by_keyword, always = family.index()
    family._index()
    assert family._keywords == kept and family._by_keyword == {k: list(v) for k, v in by_keyword.items()}
    assert family._always == always


def _lower_each(pattern: str) -> str:
    """What `_lower_pattern` must give: each character lower-cased unless a backslash escapes it."""
    out = []
    escaped = False
    for ch in pattern:
        out.append(ch if escaped else ch.lower())
        escaped = ch == "\\" and not escaped
    return "".join(out)


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.sampled_from([*"aBz\\ .(?:)|", "\\\\", "\\S", "\\D", "Ä", "Ж", "\u0130", "\u03a3", "\u03a3A"])
    ).map("".join)
)
def test_lower_pattern_lowers_only_what_no_backslash_escapes(pattern: str) -> None:
    assert families._lower_pattern(pattern) == _lower_each(pattern)


@pytest.mark.parametrize(
    ("phrase", "plain"),
    [
        ("(?:user unknown)", "user unknown"),
        ("(?:casella piena - 552)", "casella piena - 552"),
        ("(?:benutzer unbekannt)", "benutzer unbekannt"),
        ("(?:no such user.)", None),
        ("(?:mailbox (?:full|is full))", None),
        ("(?:quota exceeded|over quota)", None),
        ("(?:\\bunknown)", None),
    ],
)
def test_a_plain_phrase_is_searched_as_a_string_and_any_other_as_an_expression(
    phrase: str, plain: str | None
) -> None:
    searcher = families._searcher(phrase)
    if plain is None:
        assert isinstance(searcher, re.Pattern) and searcher.pattern == families.literal_first(phrase)
    else:
        assert searcher == plain


# The text index (families._KeywordIndex): which keywords of every family a text holds, found
# through a run of characters of each keyword, must be exactly those an `in` test finds.
def _every_keyword() -> list[str]:
    words: set[str] = set()
    for family in FAMILIES.values():
        words.update(family.index()[0])
    return sorted(words)


KEYWORDS = _every_keyword()
_PIECES = st.one_of(
    st.sampled_from(KEYWORDS),
    st.builds(lambda w, n: w[: max(1, n)], st.sampled_from(KEYWORDS), st.integers(1, 4)),  # a keyword's start
    st.builds(lambda w, n: w[n:], st.sampled_from(KEYWORDS), st.integers(1, 4)),  # its end
    st.builds(lambda w, n: w[n : n + 4], st.sampled_from(KEYWORDS), st.integers(1, 6)),  # its middle
    st.text(alphabet=" -.:abeilnorstu5\u00e4\u00df\u00f1\u4e0d\u0436", max_size=6),
)


def _index_of(keywords: list[str]) -> families._KeywordIndex:
    index = families._KeywordIndex()
    index.build(set(keywords), len(families._FAMILIES))
    return index


INDEX = _index_of(KEYWORDS)


@settings(max_examples=500, deadline=None)
@given(st.lists(_PIECES, max_size=12).map("".join))
def test_the_text_index_finds_exactly_the_keywords_a_text_holds(text: str) -> None:
    assert INDEX.keywords_in(text) == {w for w in KEYWORDS if w in text}
    assert INDEX.keywords_in(text) == {w for w in KEYWORDS if w in text}  # (remembered)


def test_the_text_index_finds_short_keywords_and_keywords_at_either_end() -> None:
    index = _index_of(["ab", "abc", "xyz", "u", "quota exceeded", "\u6e80", "use", "user unknown"])
    assert index.keywords_in("abc") == {"ab", "abc"}
    assert index.keywords_in("xyzzy u") == {"xyz", "u"}
    assert index.keywords_in("over quota exceeded") == {"quota exceeded", "u"}
    assert index.keywords_in("user unknown") == {"use", "user unknown", "u"}
    assert index.keywords_in("\u6e80\u676f") == {"\u6e80"}
    assert index.keywords_in("ab") == {"ab"}
    assert index.keywords_in("") == set()


def test_every_family_made_is_in_the_text_index() -> None:
    text = "your mailbox is over quota: zqxj wholly unheard-of words"
    before = families._TEXT_INDEX.keywords_in(text)
    made = families.family("zqxj wholly unheard-of")
    assert families._TEXT_INDEX.keywords_in(text) == before | {"zqxj wholly unheard-of"}
    assert made.search(text) and not made.search("mailbox is over quota")


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=12).map("".join))
def test_the_families_a_text_may_hold_are_those_with_a_keyword_in_it(text: str) -> None:
    # (derive searches no other family: each one left out must hold no keyword of the text)
    found = families._TEXT_INDEX.keywords_in(text)
    expected = {f for f in families._FAMILIES if f.has_unkeyed_phrase() or set(f.keywords()) & found}
    assert families.families_in(text) == (expected, found)
    assert families.families_in(text) == (expected, found)  # (remembered)
    for family in FAMILIES.values():
        if family not in expected:
            assert not re.search(family.pattern, text)
