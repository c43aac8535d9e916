"""Phrase families: many short regular expressions searched fast in one diagnostic text.

A family is the set of phrases, in every language, that name one reason. Texts and phrases are
compared lower-cased and with Latin accents folded away ("buzón" and "buzon", "Empfänger" and
"Empfanger", "hộp thư đầy" and "hop thu day" are the same), since servers and relays often drop
accents or mangle them.
"""

from __future__ import annotations

import functools
import json
import os
import re
import re._constants as _sre
import re._parser as _parser
import unicodedata
from collections.abc import Callable
from itertools import chain

from parsers import patterncode

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Final, cast
else:
    from parsers.typenames import cast


def _fold_table() -> dict[int, str | None]:
    """Latin letters with diacritics (Latin-1, Latin Extended-A/B, Vietnamese) -> ASCII; Persian's
    yeh and keheh -> Arabic's; directional marks and tatweel dropped."""
    table: dict[int, str | None] = {code: None for code in range(0x300, 0x370)}  # combining marks
    for code in (*range(0xC0, 0x250), *range(0x1E00, 0x1F00)):
        char = chr(code)
        base = unicodedata.normalize("NFD", char)[0]
        if base.isascii() and base.isalpha() and base != char:
            table[code] = base
    for char, plain in (
        ("ß", "ss"),
        ("đ", "d"),
        ("Đ", "D"),
        ("ø", "o"),
        ("Ø", "O"),
        ("æ", "ae"),
        ("Æ", "AE"),
        ("ł", "l"),  # (Polish: no decomposition to a base letter)
        ("Ł", "L"),
        ("ħ", "h"),  # (Maltese: none either; "għ" is read as the "gh" relays write for it)
        ("Ħ", "H"),
    ):
        table[ord(char)] = plain
    # Persian's own yeh and keheh (ی ک) as Arabic's (ي ك): Persian text typed on an Arabic keyboard,
    # or by software that knows only Arabic's letters, writes those ("کاربر" as "كاربر"), and
    # the Persian families then meet it in either spelling (Arabic has no words with Persian's)
    table[0x06CC] = "\u064a"
    table[0x06A9] = "\u0643"
    # Directional marks (LRM, RLM, ALM, the embeddings, overrides and isolates) that right-to-left
    # text carries between its words, and Arabic's tatweel (a letter drawn out): no letter, dropped
    for code in (0x200E, 0x200F, 0x061C, 0x0640, *range(0x202A, 0x202F), *range(0x2066, 0x206A)):
        table[code] = None
    table[0x2013] = "-"  # en dash: "envelope blocked – ..."
    table[0x00A0] = " "  # no-break space
    return table


def _class_of(codes: list[int]) -> str:
    """A character class of the characters `codes` (sorted), as ranges of consecutive ones."""
    ranges: list[list[int]] = []
    for code in codes:
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    return "[" + "".join(f"\\U{a:08x}" if a == b else f"\\U{a:08x}-\\U{b:08x}" for a, b in ranges) + "]"


def fold_tables() -> tuple[dict[int, str | None], str]:
    """The fold table, and a character class of the characters it changes (what `fold` looks for)."""
    table = _fold_table()
    return table, _class_of(sorted(table))


# The name the fold tables are stored under (parsers.patterncode: they depend on this module and
# the Unicode database only, which the store's guard covers); read, they cost a tenth of making
# them (the character class alone was 0.8 M instructions of every process's start-up).
FOLD_TABLE: Final = "fold table"


def _stored_fold_tables() -> tuple[dict[int, str | None], str] | None:
    stored = patterncode.stored_data(FOLD_TABLE)
    if isinstance(stored, tuple) and len(stored) == 2:
        return cast("tuple[dict[int, str | None], str]", stored)
    return None


_FOLD, _FOLD_CLASS = _stored_fold_tables() or fold_tables()
# A character the fold table changes. str.translate looks every character of a text up in the
# table, and one it does not hold costs a KeyError raised and cleared (~800 instructions a
# character of a Japanese, Hebrew or Czech diagnostic): only the characters it holds are looked up.
_FOLDED: Final = patterncode.compile(_FOLD_CLASS)


def _folded(found: re.Match[str]) -> str:
    return _FOLD[ord(found.group())] or ""


def fold(text: str) -> str:
    """`text` with Latin accents removed (ASCII text is returned as it is, at no cost)."""
    if text.isascii():
        return text
    # (text.translate(_FOLD), a character at a time where the table holds it)
    return _FOLDED.sub(_folded, text)


def normalise(text: str) -> str:
    """What families are searched in: lower-cased, accents folded."""
    return fold(text.lower())


# Every family is one case-insensitive alternation compiled once. Patterns avoid nested unbounded
# repetition so that a hostile diagnostic cannot make them backtrack for long; `.{0,N}` bounds gaps.


def _lower_pattern(pattern: str) -> str:
    """Lower-case the literal letters of a pattern, leaving escapes such as \\S or \\D alone.

    The runs between escapes are lower-cased whole (a character at a time took a tenth of the
    phrase table's import). str.lower maps each character alone, but for a capital sigma, whose
    lower case depends on the next letter: a pattern holding one goes a character at a time."""
    if "\u03a3" in pattern:
        out = []
        escaped = False
        for ch in pattern:
            out.append(ch if escaped else ch.lower())
            escaped = ch == "\\" and not escaped
        return "".join(out)
    runs = []
    pos = 0
    while (found := pattern.find("\\", pos)) >= 0:
        runs.append(pattern[pos:found].lower())
        runs.append(pattern[found : found + 2])  # (the escape and the character it escapes)
        pos = found + 2
    runs.append(pattern[pos:].lower())
    return "".join(runs)


if TYPE_CHECKING:
    _Parsed = list[tuple[Any, Any]]
_REPEATS: Final = (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT)


def _required(items: _Parsed, char: Callable[[int], str | None] = chr) -> frozenset[str] | None:
    """Strings at least one of which occurs in every text the parsed pattern `items` matches.

    Only what a match cannot avoid counts: a run of literal characters, a group, a repetition of at
    least one, or an alternation all of whose branches have such strings (their union). Of the
    candidates in a sequence the one with the longest shortest string wins (fewest false hits),
    then the one with fewest strings. None when nothing is certain.
    `char` gives what a literal character is looked for as, or None where it cannot be (it ends a
    run): a case-blind pattern's strings are looked for in lower case (parsers.reasons.caseblind).
    """
    options: list[frozenset[str]] = []
    run: list[str] = []
    for op, av in items:
        if op is _sre.LITERAL:
            found = char(av)
            if found is not None:
                run.append(found)
                continue
        before = "".join(run)
        if run:
            options.append(frozenset({before}))
            run = []
        sub: frozenset[str] | None = None
        if op is _sre.SUBPATTERN and not av[1] and not av[2]:  # a group without inline flags
            sub = _required(list(av[3]), char)
        elif op is _sre.BRANCH:
            branches = [_required(list(branch), char) for branch in av[1]]
            if all(branches):
                sub = frozenset().union(*(b for b in branches if b))
            if before:
                # (the regex parser takes the prefix alternatives share out of them: "mailbox full|
                # mailbox is full" is "mailbox " then "full|is full"; the run joined to each
                # alternative's opening run is rarer than either)
                opened = _openings(av[1], before, char)
                if opened:
                    options.append(opened)
        elif op in _REPEATS and av[0] >= 1:
            sub = _required(list(av[2]), char)
        if sub:
            options.append(sub)
    if run:
        options.append(frozenset({"".join(run)}))
    if not options:
        return None
    return max(options, key=_selectivity)


# Words most diagnostics contain whatever their reason: a keyword that is one of them lets nearly
# every text through to the full search, so another required string of the phrase is preferred.
_COMMON_WORDS: Final = frozenset(
    {
        "account", "address", "connection", "delivery", "denied", "domain", "e-mail", "email",
        "error", "exceed", "exceeded", "failed", "from", "has been", "host", "mail", "mail from",
        "mailbox", "message", "not", "recipient", "rejected", "sender", "server", "smtp", "the",
        "this", "user",
    }
)  # fmt: skip


def _openings(
    branches: list[_Parsed], before: str, char: Callable[[int], str | None]
) -> frozenset[str] | None:
    """`before` joined to the literal run each of `branches` opens with, or None when one opens
    with no literal (no string is then certain)."""
    found: set[str] = set()
    for branch in branches:
        lead: list[str] = []
        for op, av in branch:
            letter = char(av) if op is _sre.LITERAL else None
            if letter is None:
                break
            lead.append(letter)
        if not lead:
            return None
        found.add(before + "".join(lead))
    return frozenset(found)


def _selectivity(option: frozenset[str]) -> tuple[bool, int, int]:
    """How rarely texts hold one of `option`'s strings (greater is rarer)."""
    rare = all(len(s.strip()) > 2 and s.strip() not in _COMMON_WORDS for s in option)
    return (rare, min(len(s) for s in option), -len(option))


def required_strings(pattern: str) -> frozenset[str] | None:
    """`_required` of a phrase's pattern (parsed with the regex parser)."""
    return _required(list(_parser.parse(pattern)))


def _keywords(pattern: str) -> tuple[str, ...] | None:
    """The strings one of which a text must hold for `pattern` to match in it, shortest first."""
    found = _required(list(_parser.parse(pattern)))
    return _without_superstrings(found) if found else None


def _without_superstrings(found: frozenset[str]) -> tuple[str, ...]:
    """`found` shortest first, less each string that contains another (the shorter one is found
    wherever it is)."""
    kept: list[str] = []
    for word in sorted(found, key=lambda w: (len(w), w)):  # (in a stable order: the table is built from it)
        if not any(short in word for short in kept):
            kept.append(word)
    return tuple(kept)


# (the keywords, keyword -> the phrases listed under it, the phrases without a keyword)
Index = tuple[tuple[str, ...], dict[str, tuple[int, ...]], tuple[int, ...]]


def phrases_index(phrases: tuple[str, ...]) -> Index:
    """The index of a family of `phrases` (as searched): see Family."""
    required = [required_strings(p) for p in phrases]
    kept = _without_superstrings(frozenset().union(*(r for r in required if r)))
    # A phrase that matches holds one of its own strings, and every kept keyword is in one of
    # them or is one: a phrase is listed under each kept keyword found inside its strings.
    by_keyword = {
        word: tuple(i for i, r in enumerate(required) if r and any(word in s for s in r)) for word in kept
    }
    return kept, by_keyword, tuple(i for i, r in enumerate(required) if not r)


class Family:
    """One family's phrases, each searched only in a text that holds one of its literal keywords.

    Every phrase has keywords (`_required`): strings one of which any text it matches contains.
    A text that holds none of the family's keywords is rejected by a few `in` tests; otherwise
    only the phrases whose keywords it holds are searched, one short expression each (CPython's
    re skips ahead on a literal prefix; a long alternation tries every phrase at every position).
    Expressions and keywords are built on first use, so a process that parses one message
    compiles only what it needs; the keyword indexes of the families as shipped are read from a
    table built ahead of time (BUILT_INDEXES: parsing every phrase with the regex parser took
    a twentieth of a second of every process's start-up).
    """

    __slots__ = ("_always", "_by_keyword", "_keyword_set", "_keywords", "_pattern", "_phrases", "_regexes")

    def __init__(self, phrases: tuple[str, ...]) -> None:
        _FAMILIES.append(self)  # (the text index holds the keywords of every family)
        self._phrases = phrases
        self._pattern: str | None = None
        self._keywords: tuple[str, ...] | None = None
        self._keyword_set: frozenset[str] = frozenset()
        # keyword -> indexes of the phrases that may match where it occurs
        self._by_keyword: dict[str, tuple[int, ...]] | None = None
        self._always: tuple[int, ...] = ()  # phrases without a keyword: always searched
        # each phrase's searcher, made on first use: its text when it is a plain string, else
        # its compiled expression
        self._regexes: list[re.Pattern[str] | str | None] = [None] * len(phrases)

    @classmethod
    def indexed(cls, phrases: tuple[str, ...], index: Index) -> Family:
        """A family of `phrases` (as searched) whose index is `index` (as stored ahead of time)."""
        made = cls(phrases)
        made._set_index(*index)
        return made

    @property
    def pattern(self) -> str:
        """The family as one alternation (made when asked for: only tests and tools ask)."""
        if self._pattern is None:
            self._pattern = "|".join(self._phrases)
        return self._pattern

    def index(self) -> Index:
        """(the keywords, keyword -> the phrases listed under it, the phrases without a keyword)."""
        return phrases_index(self._phrases)

    def _index(self) -> dict[str, tuple[int, ...]]:
        # (the index built ahead of time when the family's phrases are the ones it was built for)
        built = _built_indexes().get(self.pattern)
        kept, by_keyword, always = (tuple(built[0]), built[1], tuple(built[2])) if built else self.index()
        return self._set_index(kept, by_keyword, always)

    def _set_index(
        self, kept: tuple[str, ...], by_keyword: dict[str, tuple[int, ...]], always: tuple[int, ...]
    ) -> dict[str, tuple[int, ...]]:
        self._always = always
        self._keywords = kept
        self._keyword_set = frozenset(kept)
        self._by_keyword = by_keyword
        return by_keyword

    def has_unkeyed_phrase(self) -> bool:
        """Whether a phrase of the family has no keyword (it is searched in every text)."""
        if self._keywords is None:
            self._index()
        return bool(self._always)

    def keywords(self) -> tuple[str, ...]:
        """The family's keywords (its index built on first use)."""
        if self._keywords is None:
            self._index()
        return self._keywords or ()

    def search(self, low: str) -> bool:
        """Whether lower-cased `low` holds one of the family's phrases."""
        if self._by_keyword is None:
            self._index()
        possible, found = _TEXT_INDEX.families_in(low)
        return self in possible and self.holds(low, found)

    def holds(self, low: str, found: frozenset[str]) -> bool:
        """`search`, for a text `low` in which the text index found the keywords `found` (asked by
        the caller that searches a text for one family after another: no index asked anew)."""
        by_keyword = self._by_keyword
        if by_keyword is None:
            by_keyword = self._index()
        candidates: set[int] = set()
        if found:
            for word in self._keyword_set.intersection(found):
                candidates.update(by_keyword[word])
        if not candidates and not self._always:
            return False
        # (each phrase compiled on first use, a literal one kept as a string for `in`; searched in
        # this loop: a call per phrase searched cost 1.3 M instructions over the dev corpus x5)
        regexes = self._regexes
        for i in sorted(candidates.union(self._always)):
            regex = regexes[i]
            if regex is None:
                regex = regexes[i] = _searcher(self._phrases[i])
            if regex in low if isinstance(regex, str) else regex.search(low) is not None:
                return True
        return False


# Every family made: the text index (see _KeywordIndex) holds the keywords of all of them.
_FAMILIES: list[Family] = []
# The length of the runs of characters a keyword is found by when no whole word of it is: 3
# characters are rarer than 2 (fewer keywords looked for), at about the same cost.
GRAM: Final = 3
# The most words whose keywords the text index remembers (words repeat across diagnostics).
_WORDS_KEPT: Final = 20_000
# (a word's keywords anchored on it, a run of GRAM characters' keywords, the short keywords, the
# ASCII ones)
_Table = tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]], tuple[str, ...], tuple[str, ...]]


class _KeywordIndex:
    """Which keywords of every family occur in a text, found once per text for all families.

    A diagnostic is searched for a dozen families, and the families have a thousand keywords: an
    `in` test for each of them was most of the reason search. Here each keyword is listed under
    a word of it (a run without white space, as str.split makes them) that has white space on both
    sides within the keyword, so wherever the keyword occurs that word is one of the text's words; a
    keyword with no such word
    is listed under a run of GRAM characters within one of its words (the one fewest other keywords
    hold), which wherever the keyword occurs lies within one of the text's words. So a text's
    distinct words, each looked up once, give every keyword it may hold, and only those are looked
    for: none is missed. Which keywords each word gives is remembered per word (words repeat across
    diagnostics, so a word met before costs one look-up; cutting words into runs of characters cost
    about 650 instructions per character of every text). The shorter keywords, and those with no
    word of GRAM characters, are looked for one by one (in an ASCII text, only the ASCII ones). The
    answer for the last text is remembered: the families ask about it in turn.

    Built on first use from every family made so far, again when one more is made. A table is
    replaced whole, never changed in place, so that a thread reading it meets a whole one.
    """

    def __init__(self) -> None:
        # (families indexed, *keyword_table's)
        self.table: tuple[
            int, dict[str, tuple[str, ...]], dict[str, tuple[str, ...]], tuple[str, ...], tuple[str, ...]
        ]
        self.table = (-1, {}, {}, (), ())
        # (families indexed, each word met -> the keywords anchored on it)
        self.by_text_word: tuple[int, _WordAnchors] = (-1, _WordAnchors({}, {}))
        # (the last text: the text, the families indexed, the keywords found in it)
        self.last: tuple[str, int, frozenset[str]] = ("", -1, frozenset())
        # (families indexed, keyword -> the families that hold it, the families that have a phrase
        # without a keyword; each family by its place in _FAMILIES)
        self.holders: tuple[int, dict[str, tuple[int, ...]], tuple[int, ...]] = (-1, {}, ())
        # (families indexed, `holders` with each family itself in place of its place)
        self.holding: tuple[int, _KeywordFamilies, tuple[Family, ...]] = (-1, _KeywordFamilies({}), ())
        # (the keywords found in the last text asked about, the families that may match there)
        self.last_families: tuple[frozenset[str] | None, frozenset[Family]] = (None, frozenset())

    def build(self, keywords: set[str], size: int) -> None:
        """Index `keywords` (of the first `size` families made): as stored ahead of time
        (parsers.patterncode) when it was stored for these keywords, else built here (at first
        use this took a fifth of a process's start-up)."""
        stored = patterncode.stored_data(KEYWORD_INDEX)
        if stored is not None and stored[0] == GRAM and stored[1] == keywords:
            self.table = (size, *stored[2])
            return
        self.table = (size, *keyword_table(keywords))

    def restore(self, table: Any, holding: dict[str, tuple[int, ...]], always: tuple[int, ...]) -> None:
        """Take the index of every family made as stored ahead of time (`keyword_table`'s, and
        which families hold each keyword, and which have a phrase without one, by their place
        among those made)."""
        size = len(_FAMILIES)
        self.table = (size, *table)
        self.holders = (size, holding, always)

    def keywords_in(self, low: str) -> frozenset[str]:
        """The keywords of every family that occur in `low`."""
        size = len(_FAMILIES)
        if self.table[0] != size:
            words: set[str] = set()
            for family in _FAMILIES[:size]:
                words.update(family.keywords())
            self.build(words, size)
        indexed, by_word, by_gram, short, ascii_short = self.table
        last = self.last
        # (the same text by value: a report's diagnostic is normalised anew by each reader that asks,
        # a string comparison that ends at the first differing length or character)
        if last[0] == low and last[1] == indexed:
            return last[2]
        remembered = self.by_text_word
        if remembered[0] != indexed or len(remembered[1]) > _WORDS_KEPT:
            remembered = self.by_text_word = (indexed, _WordAnchors(by_word, by_gram))
        # (C loops: the keywords the text's words anchor, a word not met before cut on its first
        # look-up, then those of them the text holds; a word twice in the text is looked up twice,
        # cheaper than making a set of the words first: 36 M instructions over the dev corpus x5
        # where that took 41 M)
        candidates = set(ascii_short if low.isascii() else short)
        candidates.update(*map(remembered[1].__getitem__, low.split()))
        # (an `in` test in a list display, not filter(low.__contains__, ...): a call of the slot
        # wrapper per candidate cost about what the search did, 0.19 M instructions a dev copy)
        answer = frozenset([word for word in candidates if word in low])
        self.last = (low, indexed, answer)
        return answer

    def families_in(self, low: str) -> tuple[frozenset[Family], frozenset[str]]:
        """The families that may hold a phrase in `low`: those with a keyword found in it (and any
        with a phrase that has none), and the keywords found (what a family's `holds` takes: one
        call where asking for them again cost 0.7 M instructions over the dev corpus x5). A family
        not among them need not be searched at all: a diagnostic is asked about a dozen families,
        of which it holds the keywords of two or three."""
        found = self.keywords_in(low)
        last = self.last_families
        if last[0] is found:  # (the same answer object: the same text, the same families)
            return last[1], found
        size = len(_FAMILIES)
        holding = self.holding
        if holding[0] != size:
            holding = self._families_by_keyword(size)
        # (in one C loop: a Python loop over the keywords found and a list of the families by
        # their places cost 1.3 M instructions a dev copy)
        answer = frozenset(chain(holding[2], *map(holding[1].__getitem__, found)))
        self.last_families = (found, answer)
        return answer, found

    def _families_by_keyword(self, size: int) -> tuple[int, _KeywordFamilies, tuple[Family, ...]]:
        """`holders` of the first `size` families made (built when they are not the ones stored),
        each family itself in place of its place."""
        holders = self.holders
        if holders[0] != size:
            made = _FAMILIES[:size]
            holders = self.holders = (size, *_holding([(f.keywords(), f.has_unkeyed_phrase()) for f in made]))
        self.holding = (size, _KeywordFamilies(holders[1]), tuple(map(_FAMILIES.__getitem__, holders[2])))
        return self.holding


class _KeywordFamilies(dict[str, tuple[Family, ...]]):
    """Each keyword found -> the families that hold it: a keyword's places among the families made
    are turned into the families when it is first looked up (all of them at once cost more than
    the dev corpus x5 ever looks up)."""

    __slots__ = ("places",)

    def __init__(self, places: dict[str, tuple[int, ...]]) -> None:
        super().__init__()
        self.places = places

    def __missing__(self, word: str) -> tuple[Family, ...]:
        found = self[word] = tuple(map(_FAMILIES.__getitem__, self.places[word]))
        return found


class _WordAnchors(dict[str, tuple[str, ...]]):
    """Each text word met -> the keywords anchored on it (`_anchored`): a word not met before is
    cut into runs when first looked up, so that a text's words are all looked up in one C loop."""

    __slots__ = ("by_gram", "by_word")

    def __init__(self, by_word: dict[str, tuple[str, ...]], by_gram: dict[str, tuple[str, ...]]) -> None:
        super().__init__()
        self.by_word = by_word
        self.by_gram = by_gram

    def __missing__(self, text_word: str) -> tuple[str, ...]:
        found = self[text_word] = _anchored(text_word, self.by_word, self.by_gram)
        return found


def _anchored(
    text_word: str, by_word: dict[str, tuple[str, ...]], by_gram: dict[str, tuple[str, ...]]
) -> tuple[str, ...]:
    """The keywords a text's word `text_word` may be part of: those anchored on it as a whole word,
    and those anchored on a run of GRAM characters within it."""
    words = list(by_word.get(text_word, ()))
    for start in range(len(text_word) - GRAM + 1):
        words.extend(by_gram.get(text_word[start : start + GRAM], ()))
    return tuple(dict.fromkeys(words))


def keyword_table(keywords: set[str] | frozenset[str]) -> _Table:
    """The text index of `keywords` (_KeywordIndex): words -> the keywords anchored on them, runs of
    GRAM characters -> the keywords anchored on them, the keywords looked for one by one, the ASCII
    ones."""
    # (each keyword's anchors: its words with white space on both sides, the same test as
    # str.split's, and its runs of GRAM characters within a word; a run is marked by its length)
    anchors: dict[str, list[tuple[bool, str]]] = {}
    for word in keywords:
        parts = word.split()
        options = [
            (True, part)
            for place, part in enumerate(parts)
            if (place > 0 or word[0].isspace()) and (place < len(parts) - 1 or word[-1].isspace())
        ]
        options += [(False, part[i : i + GRAM]) for part in parts for i in range(len(part) - GRAM + 1)]
        if options and len(word) >= GRAM:
            anchors[word] = options
    holding: dict[tuple[bool, str], int] = {}
    for options in anchors.values():
        for option in set(options):
            holding[option] = holding.get(option, 0) + 1
    by_word: dict[str, list[str]] = {}
    by_gram: dict[str, list[str]] = {}
    # (the anchor fewest other keywords hold, a whole word before a run; ties go to the first in
    # the keyword)
    for word in sorted(anchors):
        whole, anchor = min(anchors[word], key=lambda option: (holding[option], not option[0]))
        (by_word if whole else by_gram).setdefault(anchor, []).append(word)
    short = tuple(sorted(word for word in keywords if word not in anchors))
    return (
        {anchor: tuple(words) for anchor, words in by_word.items()},
        {anchor: tuple(words) for anchor, words in by_gram.items()},
        short,
        tuple(w for w in short if w.isascii()),
    )


# The name the text index of every family's keywords is stored under (parsers.patterncode).
KEYWORD_INDEX: Final = "keyword index"


def keyword_index_to_store() -> tuple[int, frozenset[str], Any]:
    """The run length, the keywords of every family made, and their text index (what
    parsers.patterncode stores)."""
    words: set[str] = set()
    for family in _FAMILIES:
        words.update(family.keywords())
    return GRAM, frozenset(words), keyword_table(words)


_TEXT_INDEX: Final = _KeywordIndex()


def families_in(low: str) -> tuple[frozenset[Family], frozenset[str]]:
    """The families that may hold a phrase in lower-cased `low`, and the keywords of every family
    it holds (_KeywordIndex.families_in)."""
    return _TEXT_INDEX.families_in(low)


# What makes a pattern more than a plain string (VERBOSE, the one flag under which more would, is
# never used: phrases are compiled without flags).
_METACHARACTERS: Final = frozenset(".^$*+?{}[]\\|()")


def _searcher(phrase: str) -> re.Pattern[str] | str:
    """What finds `phrase`, a `(?:...)` group, in a text: for the half of the phrases that are
    plain strings, the string itself (an `in` test finds what the expression would, without
    compiling it: a third of a millisecond each in every process); else the compiled expression."""
    inner = phrase[3:-1] if phrase.startswith("(?:") and phrase.endswith(")") else None
    if inner and not any(ch in _METACHARACTERS for ch in inner):
        return inner
    return patterncode.compile(literal_first(phrase))


# What follows an atom to repeat it: the atom is then not a plain literal of the phrase.
_QUANTIFIERS: Final = frozenset("?*+{")


def _top_branches(inner: str) -> list[str] | None:
    """`inner`'s alternatives outside any group or character class, or None when it does not
    parse as plainly (an unclosed group or class)."""
    branches: list[str] = []
    depth = 0
    start = 0
    i = 0
    while i < len(inner):
        ch = inner[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            i += 1
            if inner[i : i + 1] == "^":
                i += 1
            if inner[i : i + 1] == "]":  # (a "]" first in a class is itself)
                i += 1
            while i < len(inner) and inner[i] != "]":
                i += 2 if inner[i] == "\\" else 1
            if i >= len(inner):
                return None
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth < 0:
                return None
        elif ch == "|" and depth == 0:
            branches.append(inner[start:i])
            start = i + 1
        i += 1
    if depth:
        return None
    branches.append(inner[start:])
    return branches


def literal_first(phrase: str) -> str:
    """`phrase`, a `(?:...)` group whose every alternative opens with a word boundary and the same
    literal word (`\\buce\\b|\\bube\\b`, `\\bspf\\b.{0,40}fail`), as the same expression opening with the
    literal instead: `u(?<!\\wu)(?:ce\\b|be\\b)`. CPython's re skips ahead to a literal prefix; before
    a leading `\\b` it runs the whole expression at every position of the text. The two match the
    same: where the literal starts with a word character, `\\b` before it is a position not after
    one, and the look-behind, of the literal and one character more, asks just that. Any other
    phrase is returned as it is."""
    if not phrase.startswith("(?:\\b") or not phrase.endswith(")"):
        return phrase
    branches = _top_branches(phrase[3:-1])
    if not branches or not all(b.startswith("\\b") for b in branches):
        return phrase
    rests = [b[2:] for b in branches]
    literal = ""
    for chars in zip(*rests, strict=False):  # (up to the shortest alternative)
        if len(set(chars)) > 1 or chars[0] in _METACHARACTERS:
            break
        literal += chars[0]
    # (a quantifier after the literal repeats its last character, which is then not plain)
    while literal and any(r[len(literal) : len(literal) + 1] in _QUANTIFIERS for r in rests):
        literal = literal[:-1]
    if not literal or not (literal[0].isalnum() or literal[0] == "_"):  # (re's \\w)
        return phrase
    rest = "|".join(r[len(literal) :] for r in rests)
    return f"(?:{literal}(?<!\\w{literal})(?:{rest}))"


def text_index_to_store(indexes: list[Index]) -> tuple[Any, dict[str, tuple[int, ...]], tuple[int, ...]]:
    """What `_KeywordIndex.restore` takes, for families made in the order of their `indexes`."""
    holding, always = _holding([(kept, bool(unkeyed)) for kept, _, unkeyed in indexes])
    return keyword_table(set(holding)), holding, always


def _holding(
    families: list[tuple[tuple[str, ...], bool]],
) -> tuple[dict[str, tuple[int, ...]], tuple[int, ...]]:
    """Of families given as (their keywords, whether a phrase has none), in the order made: each
    keyword -> the places of the families that hold it, and the places of those with such a phrase."""
    holding: dict[str, list[int]] = {}
    for place, (kept, _) in enumerate(families):
        for word in kept:
            holding.setdefault(word, []).append(place)
    always = tuple(place for place, (_, unkeyed) in enumerate(families) if unkeyed)
    return {w: tuple(places) for w, places in holding.items()}, always


def restore_text_index(table: Any, holding: dict[str, tuple[int, ...]], always: tuple[int, ...]) -> None:
    """The text index of every family made, as stored ahead of time (`text_index_to_store`)."""
    _TEXT_INDEX.restore(table, holding, always)


# Where the families' indexes built ahead of time are (scripts/build_phrase_keywords.py writes
# it; a test checks it is current). JSON: a Python module of that size took 10 ms to import.
# (a path string, not pathlib's: importing pathlib cost an installed package's start-up 5 M
# instructions, which the benchmark's editable install hid, its finder importing pathlib first)
BUILT_INDEXES: Final = os.path.join(os.path.dirname(os.path.abspath(__file__)), "phrases", "keywords.json")
_BuiltIndex = tuple[list[str], dict[str, tuple[int, ...]], list[int]]


# The names of the tables built at first use that parsers.patterncode stores.
FAMILY_INDEXES: Final = "family indexes"
PHRASE_FORMS: Final = "phrase forms"
PHRASE_FAMILIES: Final = "phrase families"


@functools.cache
def _built_indexes() -> dict[str, _BuiltIndex]:
    """The families' indexes built ahead of time, by family pattern (none when unreadable): the
    copy parsers.patterncode stored, when there is one (read in a fifth of the JSON's time)."""
    stored = patterncode.stored_data(FAMILY_INDEXES)
    return cast("dict[str, _BuiltIndex]", stored) if isinstance(stored, dict) else json_indexes()


def json_indexes() -> dict[str, _BuiltIndex]:
    """The families' indexes in BUILT_INDEXES (none when unreadable)."""
    try:
        with open(BUILT_INDEXES, encoding="utf-8") as file:
            data = json.loads(file.read())
    except (OSError, ValueError):
        return {}
    return cast("dict[str, _BuiltIndex]", data) if isinstance(data, dict) else {}


# Every phrase `family` was given, as written (parsers.patterncode stores their forms).
WRITTEN: list[str] = []


def phrase_form(phrase: str) -> str:
    """What a phrase is searched as: a group, its letters lower-cased and accents folded."""
    return f"(?:{fold(_lower_pattern(phrase))})"


@functools.cache
def _stored_forms() -> dict[str, str]:
    stored = patterncode.stored_data(PHRASE_FORMS)
    return cast("dict[str, str]", stored) if isinstance(stored, dict) else {}


def family(*phrases: str) -> Family:
    """A family of `phrases` (regular expressions), matched in text prepared by `normalise`."""
    # Matched against lower-cased text without re.IGNORECASE: much faster in CPython's re, which
    # can then skip ahead on the phrases' literal prefixes. (The forms as stored ahead of time
    # when they are: making them was a twentieth of the start-up.)
    WRITTEN.extend(phrases)
    forms = _stored_forms()
    return Family(tuple(forms.get(p) or phrase_form(p) for p in phrases))
