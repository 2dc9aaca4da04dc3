"""The glued-words rule (SP002): words run together where a paste, a
converter or a stripped quotation dropped the spaces between them
(`onsovereignty`, `saidWe`, `Magowanmisspokeabout`).

The rule reads the document's candidates from :mod:`._glue_scan` (the few
words the lexicon does not know, found in C) and splits them with
:mod:`._glue` (two or three frequent words) and :mod:`._glue_chain` (chains,
names, capitals, acronyms); the splits of a lower-case word glued to a
capitalised one or to an acronym (`saidWe`, `theUN`) are here. It is public
as ``detector.rules.spacing.GluedWords``.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Callable, Iterator

import regex

from detector.document import Document
from detector.finding import Finding, Fix, Severity
from detector.rule import Rule
from detector.rules._glue import (
    _GLUING, _MIN_LENGTH, FUNCTION_WORDS, SHORT_PARTS, _load, is_known, lexicon, split_glued,
)
from detector.rules._glue_chain import (
    PARTNER_DISTANCE, chain_split, partner_split, split_acronym_word, split_after_name, split_capitals,
    standalone_elsewhere,
)
from detector.rules._glue_scan import (
    after_contraction, english_sentence, foreign_neighbour, glue_candidates, in_prose, worth_a_look,
)

# A lower-case word this long before a capital is a word glued to a name
# however rare it is (`neighboringMalaysia`, `includingPeace`).
_LONG_CAMEL_FIRST = 7
# Name particles and brand prefixes written in lower case before a capital:
# `deGrasse`, `vanDyke`, `macOS`.
_CAMEL_PREFIXES = frozenset("mc mac de di da du van von der le la al el bin ibn abu".split())


def split_camel(token: str, known_name: Callable[[str], bool] | None = None) -> tuple[str, ...] | None:
    """``saidWe`` → ``('said', 'We')``: a lower-case word glued to a capitalised
    one, as when the quotes and spaces around a quotation are stripped.
    ``known_name(name)`` tells whether a short unknown capitalised part is a
    name the document uses alone (`withSmit`).

    >>> split_camel('theKremlin'), split_camel('iPhone'), split_camel('deGrasse')
    (('the', 'Kremlin'), None, None)
    """
    for i in range(2, len(token)):
        if token[i].isupper():
            first, second = token[:i], token[i:]
            break
    else:
        return None
    if not (first.isascii() and first.isalpha() and first.islower()):
        return None
    if not (second[1:].islower() and second.isalpha() and len(second) >= 2):
        return None
    lex = lexicon()
    frequent, known, glue_like, vocabulary = _load()
    firsts: tuple[str, ...] = (first,)
    if first in glue_like or first not in lex and not is_known(first):
        # `intheNational`, `attheIsraeli`: function words glued before the name
        parts = split_glued(first)
        if not parts or not all(p in FUNCTION_WORDS for p in parts):
            return None
        firsts = parts
    elif first in _CAMEL_PREFIXES or first not in lex:
        return None
    elif lex[first] >= 5000 and len(first) < _LONG_CAMEL_FIRST:
        return None  # short rarer words start brands and identifiers (`setTimeout` is common)
    if len(first) <= 2 and first not in SHORT_PARTS:
        return None
    low = second.lower()
    if not (low in frequent or low in known or low in vocabulary or len(second) >= 5):
        # A short unknown name: only if the document uses it alone (`withSmit`).
        if known_name is None or len(second) < 3 or not known_name(second):
            return None
    return (*firsts, second)


def split_acronym(lower: str, acronym: str) -> tuple[str, ...] | None:
    """``identifiedbyMLS`` → ``('identified', 'by', 'MLS')``: lower-case words
    glued to an acronym, as when a quotation's quotes and spaces are stripped.
    The lower-case part must be a gluing function word or end with one: a
    brand or a science term puts a name or a letter there (`iOS`, `watchOS`,
    `mRNA`, `siRNA`, `mtDNA`).

    >>> split_acronym('identifiedby', 'MLS'), split_acronym('watch', 'OS')
    (('identified', 'by', 'MLS'), None)
    """
    if lower in _GLUING:
        return lower, acronym  # `theUN`, `byNATO`
    parts = split_glued(lower) if len(lower) >= _MIN_LENGTH else None
    if parts and parts[-1] in _GLUING:
        return (*parts, acronym)
    return None


# A lower-case word glued to a capitalised one: `saidWe`, `theKremlin`. Not
# after characters of code, handles or paths.
_CAMEL = regex.compile(r"(?<![\w#@/.\-])[a-z]{2,}[A-Z][a-z]+(?![\w/\-])")
# Two capitalised words glued: `FrankSkinner`, `NewZealand` (not in a
# domain: `ZuneOriginals.net`).
_CAPITALS = regex.compile(r"(?<![\w#@/.\-])([A-Z][a-z]+)([A-Z][a-z]+)(?![\w/\-]|\.\w)")
# An acronym glued to a lower-case word: `HBOprograms`, `USstadiums`.
_ACRONYM_WORD = regex.compile(r"(?<![\w#@/.\-])([A-Z]{2,5})([a-z]+)(?![\w/\-]|\.\w)")


def standalone_elsewhere_from(text: str, name: str, m) -> bool:
    """Whether the capitalised end ``name`` of the camel token ``m`` stands
    alone elsewhere in ``text``."""
    return standalone_elsewhere(text, name, m.end() - len(name))


# A lower-case word glued to an acronym: `identifiedbyMLS`, `theUN`. Not
# `iOS`, `mRNA`, `watchOS` (see split_acronym).
_LOWER_ACRONYM = regex.compile(r"(?<![\w#@/.\-])([a-z]{2,})([A-Z]{2,5})(?![\w/\-])")


def _pieces(original: str, parts: tuple[str, ...]) -> list[str]:
    """``parts`` (lower case) cut out of ``original`` (its own case)."""
    pieces, pos = [], 0
    for p in parts:
        pieces.append(original[pos : pos + len(p)])
        pos += len(p)
    return pieces


def _near(text: str, spans: list[tuple[int, int]], start: int, end: int, distance: int) -> bool:
    """Whether one of ``spans`` (sorted) lies within ``distance`` characters
    of ``text[start:end]`` with no line break between."""
    i = bisect_left(spans, (start - distance, 0))
    for s, e in spans[i:]:
        if s > end + distance:
            break
        if (s, e) == (start, end):
            continue
        lo, hi = (e, start) if e <= start else (end, s)
        if lo <= hi and "\n" not in text[lo:hi]:
            return True
    return False


class GluedWords(Rule):
    """## What it does
    Finds a token that is no English word but splits into English words:
    `onsovereignty` (`on sovereignty`), `countriespartnership`,
    `toconsistently`, `aproper`, `Putintwo`; chains of three words or more
    (`interceptionreturnof`, `Reactingtothe`); a name glued to the words
    after it (`Magowanmisspokeabout`) or after a word (`withSmit`) when the
    document uses the name alone elsewhere; two capitalised words the
    document also writes apart or uses alone (`FrankSkinner`); an acronym
    the document uses alone glued to a word (`HBOprograms`); a contraction
    glued to the next word (`team'ssecond`, `don'tdrink`); web glues
    wordfreq counts as words (`eachother`); and, next to another glue on
    the same line, the other end of a stripped quotation with looser rules
    (`impunitydespite`). The (unsafe) fix inserts the spaces.

    ## Why it matters
    Glued words come from converters that dropped the space at a line break
    or an inline tag (`<a>`, `<em>`), and from quotation marks stripped with
    the spaces around them. They are invisible to a spell checker that knows
    the parts and break search and word counts.

    ## Example
    ```text
    reiterated his support for Moscow onsovereignty and securitymatters
                                      ^^^^^^^^^^^^^ SP002 fix: on sovereignty
    ```
    A token is glued only when it is rarer than a Zipf frequency of 1.5 in
    wordfreq's English list and every part is at least 3.0 (a word in a
    million; rarer words only next to a function word or in a chain). A
    chain is the cheapest segmentation by word frequency, and must be long,
    hold a content word of five letters and not look like a word cut at its
    endings (`capital|i|sing`). Real compounds (`counterbalance`,
    `nevertheless`), new words built with a prefix or suffix
    (`geoeconomics`, `leaderless`), names and brands with capitals inside
    (`YouTube`, `PlayStation`, `McDonald`), hashtags, URLs, domains and code
    are left alone. English text only.

    ## How to silence it
    `ignore = ["SP002"]`, or a per-file ignore for word lists and code.
    """

    code = "SP002"
    name = "glued-words"
    category = "spacing"
    severity = Severity.WARNING
    summary = "Two or more words glued together with no space"

    def check(self, doc: Document) -> Iterator[Finding]:
        if doc.language != "en":
            return
        text = doc.text
        candidates, after_s, mixed = glue_candidates(doc, worth_a_look)
        seen: dict[str, int] = {}
        for _s, _e, word in candidates:
            seen[word] = seen.get(word, 0) + 1
        english: dict[int, bool] = {}
        found: list[Finding] = []
        unsure: list[tuple[int, int, str]] = []  # lower-case tokens no rule above splits
        for start, end, word in candidates:
            lowercase = text[start].islower()
            if not lowercase and seen[word] > 1:
                continue  # a capitalised token used twice is a name (`Ontong`)
            parts = split_glued(word, lowercase=lowercase) if lowercase or len(word) >= 5 else None
            if parts is None:
                parts = chain_split(word)
                if parts and not lowercase and len(parts[0]) < 4:
                    parts = None  # `Theodor|...`: a capitalised chain starts with a word
            if parts is None and not lowercase:
                parts = split_after_name(text, start, end, word)
            if parts is None:
                if lowercase:
                    unsure.append((start, end, word))
                continue
            if len(set(parts)) < len(parts) and len(parts) == 2:
                continue  # a doubled word (`werewere`) is DU003's
            if not english_sentence(doc, start, english) or foreign_neighbour(text, start, end):
                continue
            if not in_prose(text, start, min_words=2 if lowercase else 4):
                continue  # menus, user names, code: `Bingochecker |`, `thewidth)`
            found.append(self._glued(doc, start, end, _pieces(text[start:end], parts)))
        # A contraction glued to the next word: `industry'sfirst`,
        # `don'tdrink` (the span starts at the apostrophe).
        for start, end, word in after_s:
            split = after_contraction(word)
            if split is None or not text[start:end].islower():
                continue
            cut = start + len(split[0])
            if english_sentence(doc, start, english) and in_prose(text, start):
                found.append(self._glued(doc, start - 1, end, [text[start - 1 : cut], text[cut:end]]))
        # Letters with a capital inside (`saidWe`, `theUN`, `FrankSkinner`,
        # `HBOprograms`): the scan found them by their case.
        for start in mixed:
            parts = None
            m = _CAMEL.match(text, start)
            if m:
                parts = split_camel(m.group(), lambda name: standalone_elsewhere_from(text, name, m))
            elif m := _LOWER_ACRONYM.match(text, start):
                parts = split_acronym(m.group(1), m.group(2))
            elif m := _CAPITALS.match(text, start):
                parts = split_capitals(text, start, m.group(1), m.group(2))
            elif m := _ACRONYM_WORD.match(text, start):
                parts = split_acronym_word(text, start, m.group(1), m.group(2))
            if parts and in_prose(text, m.start()) and english_sentence(doc, m.start(), english):
                found.append(self._glued(doc, m.start(), m.end(), list(parts)))
        # The other end of a stripped quotation: an unknown token near a glue
        # found above, on the same line, split with looser rules.
        glues = sorted((f.start, f.end) for f in found)
        for start, end, word in unsure:
            parts = partner_split(word)
            if parts is None or not _near(text, glues, start, end, PARTNER_DISTANCE):
                continue
            if english_sentence(doc, start, english) and not foreign_neighbour(text, start, end) and in_prose(
                text, start, min_words=2
            ):
                found.append(self._glued(doc, start, end, _pieces(text[start:end], parts)))
        yield from found

    def _glued(self, doc: Document, start: int, end: int, pieces: list[str]) -> Finding:
        original = doc.text[start:end]
        fixed = " ".join(pieces)
        return self.finding(
            doc, start, end,
            f"'{original}' is not an English word; it reads as '{fixed}' with the "
            "spaces lost",
            confidence=0.8,
            fix=Fix(fixed, safe=False, description="insert the missing spaces"),
            details={"parts": list(pieces)},
        )
