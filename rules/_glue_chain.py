"""Chains of glued words (`interceptionreturnof`, `Magowanmisspokeabout`):
the best segmentation of a token into any number of words, by dynamic
programming over word costs from the shipped lexicon.

A stripped quotation glues a whole phrase to the words on both sides; when
the phrase is one word, three or four words end up in one token. The two-
and three-part splitter of :mod:`._glue` is tuned for precision on short
tokens; this module handles the longer chains, the other end of a stripped
quotation next to a glue (looser rules), and the glues whose evidence is the
document itself: a name glued to the words after it, two capitalised words,
an acronym and a word, where the document uses the name, the words or the
acronym alone elsewhere.

The cost of a word is ``8 - Zipf`` (its rarity, about -log10 of its share
of English text, plus a constant), from its rank in the lexicon; a split
pays ``PART_COST`` more per word. The best split is accepted only when it
is cheap on average (``MAX_MEAN_COST``), has a long content word in it and
no part that forms new words (`geo|`, `|less`) at the edges.

>>> segment('interceptionreturnof')
('interception', 'return', 'of')
>>> chain_split('reactingtothe'), chain_split('counterbalance')
(('reacting', 'to', 'the'), None)
"""

from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache
from itertools import compress

from detector.rules._glue import (
    FUNCTION_WORDS, PREFIXES, SHORT_PARTS, SUFFIXES, _load, is_known, lexicon,
)

# Zipf frequency of the lexicon's word of a given frequency rank, measured on
# wordfreq's English list (interpolated linearly between these ranks).
_RANKS = (0, 1, 3, 10, 30, 100, 300, 1000, 2000, 3000, 5000, 8000, 12000, 16000, 20000, 25000, 28337)
_ZIPFS = (7.73, 7.43, 7.4, 6.98, 6.53, 6.0, 5.47, 5.01, 4.7, 4.49, 4.21, 3.91, 3.64, 3.44, 3.27, 3.1, 3.0)
VOCABULARY_ZIPF = 2.55  # the mean Zipf of the rarer vocabulary words (2.2 to 3.0)
MAX_ZIPF = 8.0  # cost of a word = MAX_ZIPF - Zipf
PART_COST = 1.0  # paid once per word of a split
MAX_MEAN_COST = 4.2  # a chain whose words cost more on average is left alone
MIN_CHAIN_LENGTH = 9  # letters of a chain of three words or more
MIN_CONTENT_LENGTH = 5  # a chain holds a content word at least this long
MAX_PART_LENGTH = 20
MIN_NAME_LENGTH = 4  # a name glued to words after it (`Mac|intoshes` is not one)
MIN_PARTNER_LENGTH = 6  # letters of a token split only for a glue next to it
PARTNER_DISTANCE = 100  # characters between the two ends of a stripped quotation
# Longer lists of prepositions and conjunctions than FUNCTION_WORDS: words
# that end or start a glued chain (`misspoke|about`, `comeback|after`).
LINK_WORDS = FUNCTION_WORDS | frozenset(
    """about after before over under into onto upon against between during
    without within through across despite since until while because though
    although toward towards among around also just only even still""".split()
)
# The link words by first letter, for str.startswith at a place in a word
# (a few to compare there, not all of them), and their lengths, shortest
# first, for the link word that ends a word.
_LINK_WORDS_BY_FIRST = {c: tuple(sorted(w for w in LINK_WORDS if w[0] == c)) for c in {w[0] for w in LINK_WORDS}}
_LINK_LENGTHS = tuple(sorted({len(w) for w in LINK_WORDS}))
# Short frequent "words" are often abbreviations or name parts (`tam`,
# `jos`): a part of three letters must be among the most frequent words, one
# of four letters fairly frequent (as in ._glue).
_MAX_RANK_BY_LENGTH = {1: 100, 2: 1500, 3: 2500, 4: 15000}


@lru_cache(maxsize=1)
def part_words() -> frozenset[str]:
    """The words :func:`zipf_of` knows (every possible part of a split), so
    that the many substrings of a word that are none are answered by one
    set lookup in C. Loaded once (a few ms): the lexicon's frequent words
    but the short ones too rare for their length, and the vocabulary.

    >>> 'sovereignty' in part_words(), 'tam' in part_words(), 'xq' in part_words()
    (True, False, False)
    """
    frequent, _known, _glue_like, vocabulary = _load()
    words = list(frequent)
    # Only words of four letters or fewer can be too rare for their length
    # (see zipf_of): picked out in C, then judged one by one.
    short = compress(words, map((5).__gt__, map(len, words)))
    too_rare = [w for w in short if zipf_of(w) is None]
    return (frozenset(words) | vocabulary).difference(too_rare)


@lru_cache(maxsize=1 << 17)  # asked for the same substrings by every check of a word
def zipf_of(word: str) -> float | None:
    """The Zipf frequency of a lexicon word that may be a part, else None."""
    rank = lexicon().get(word)
    if rank is not None:
        if rank >= _MAX_RANK_BY_LENGTH.get(len(word), 1 << 30):
            return None
        if len(word) <= 2 and word not in SHORT_PARTS:
            return None
        i = bisect_right(_RANKS, rank) - 1
        if i >= len(_RANKS) - 1:
            return _ZIPFS[-1]
        r0, r1, z0, z1 = _RANKS[i], _RANKS[i + 1], _ZIPFS[i], _ZIPFS[i + 1]
        return z0 + (z1 - z0) * (rank - r0) / (r1 - r0)
    if word in _load()[3]:
        return VOCABULARY_ZIPF
    return None


@lru_cache(maxsize=65536)
def segment(word: str) -> tuple[str, ...] | None:
    """The cheapest split of lower-case ``word`` into two or more words
    (by the costs above), or None if it has none."""
    n = len(word)
    # best[i] = (cost, parts) of the cheapest split of word[:i]
    best: list[tuple[float, tuple[str, ...]] | None] = [None] * (n + 1)
    best[0] = (0.0, ())
    reached = [0]  # the i with best[i], ascending: the only starts a part may have
    parts = part_words()
    for i in range(1, n + 1):
        lowest = i - MAX_PART_LENGTH
        best_i = None
        for j in reached:
            if j < lowest or (j == 0 and i == n):
                continue  # the whole word is not a split
            part = word[j:i]
            if part not in parts:
                continue  # most substrings: answered by a lookup in C
            best_j = best[j]
            cost = best_j[0] + MAX_ZIPF - zipf_of(part) + PART_COST
            if best_i is None or cost < best_i[0]:
                best_i = (cost, best_j[1] + (part,))
        if best_i is not None:
            best[i] = best_i
            reached.append(i)
    return best[n][1] if best[n] else None


def ends_with_part(word: str) -> bool:
    """Whether a part (a word :func:`zipf_of` knows) ends ``word`` and is
    not the whole of it: every split of every check of a word ends so, and
    about half the unknown words of news (names mostly: `luczak`) do
    not, so this answers them before any other look, with the suffixes cut
    and looked up in C.

    >>> ends_with_part('xqtothe'), ends_with_part('luczak')
    (True, False)
    """
    return any(map(part_words().__contains__, map(word.__getitem__, _proper_suffixes(len(word)))))


@lru_cache(maxsize=None)
def _proper_suffixes(n: int) -> tuple[slice, ...]:
    """The slices of the proper suffixes of a word of ``n`` letters,
    shortest first (the short parts are the likely ones)."""
    return tuple(slice(k, None) for k in range(n - 1, 0, -1))


@lru_cache(maxsize=65536)
def segmentable_from(word: str) -> tuple[bool, ...]:
    """For each ``i`` (0 to ``len(word)``), whether ``word[i:]`` is a run of
    one or more parts (words :func:`zipf_of` knows), found from the end; at
    0, of two or more (the whole word is no split). Every split the checks
    of a word make (two or three parts, a chain, a name and the words after
    it, a contraction's end and a word) is such a run from where it starts,
    so a check need not look where there is none.

    >>> segmentable_from('xqtothe')  # `to the`, `the`, `he`; no `o` nor `e`
    (False, False, True, False, True, True, False, True)
    """
    n = len(word)
    from_here = [False] * (n + 1)
    from_here[n] = True
    reached = [n]  # the starts of runs found so far, nearest first
    parts = part_words()
    for j in range(n - 1, 0, -1):
        for i in reached:  # the shortest part first
            if word[j:i] in parts:
                from_here[j] = True
                reached.insert(0, j)
                break
    # From the start, the whole word is no split: a first part ends before.
    from_here[0] = any(word[:i] in parts for i in reached[:-1])
    return tuple(from_here)


def splits_in_two_or_three(word: str) -> bool:
    """Whether ``word`` is two or three parts (words :func:`zipf_of`
    knows): every split of ._glue.split_glued is (best_split's, and a
    function word with a word of the vocabulary), and so is every split
    partner_split accepts. Few unknown words are; most that are runs of
    parts at all (see segmentable_from) need four parts or more.

    >>> splits_in_two_or_three('onsovereignty'), splits_in_two_or_three('xqtothe')
    (True, False)
    """
    parts = part_words()
    # A part starts only where a run of parts to the end starts.
    starts = [i for i, run in enumerate(segmentable_from(word)[1:-1], 1) if run]
    ends = [j for j in starts if word[j:] in parts]  # where a last part starts
    if not ends:
        return False
    for i in starts:
        if i > ends[-1]:
            break  # no last part after it
        if word[:i] not in parts:
            continue
        for j in ends:
            if j == i or j > i and word[i:j] in parts:
                return True
    return False


def mean_cost(parts: tuple[str, ...]) -> float:
    return sum(MAX_ZIPF - (zipf_of(p) or 0.0) for p in parts) / len(parts)


# Two short words in a row are a phrase only as a preposition or verb and a
# determiner (`to the`, `as a`, `is an`).
_BEFORE_DETERMINER = frozenset("to of in on at by for as is was and with from that into".split())
_DETERMINERS = frozenset("the a an his her its our my".split())
# Word endings that are words of the lexicon too (`human|it|arians`).
_ENDINGS = frozenset("arian arians ian ians ist ists ism isms ity ities ation ations ise ised ize ized".split())


def _no_morphology(parts: tuple[str, ...]) -> bool:
    """Whether ``parts`` do not look like a long word cut at its endings
    (`capital|i|sing`, `global|is|at|i|on`, `gastro|enter|it|is`,
    `quirk|i|ness`): no one-letter part but a leading `a`, no two short
    parts in a row, no prefix first and no suffix last."""
    if any(len(p) == 1 for p in parts[1:]) or parts[0] == "i":
        return False
    for a, b in zip(parts, parts[1:]):
        if (len(a) <= 2 and len(b) <= 3 or len(a) <= 3 and len(b) <= 2) and not (
            a in _BEFORE_DETERMINER and b in _DETERMINERS
        ):
            return False  # `it|is`, `he|a`; but `to|the`, `as|a` are phrases
    return parts[0] not in PREFIXES and parts[-1] not in SUFFIXES and parts[-1] not in _ENDINGS


def _edges_ok(parts: tuple[str, ...]) -> bool:
    """No prefix first and no suffix last (`geo|economics`, `leader|less`),
    unless a function word is next to it; no doubled word (DU003's)."""
    first, second, last, before_last = parts[0], parts[1], parts[-1], parts[-2]
    if first in PREFIXES and second not in FUNCTION_WORDS:
        return False
    if last in SUFFIXES and before_last not in FUNCTION_WORDS:
        return False
    return all(a != b for a, b in zip(parts, parts[1:]))


@lru_cache(maxsize=65536)
def chain_split(word: str) -> tuple[str, ...] | None:
    """``word`` (lower case) as a chain of three words or more, or None.

    The chain must be long (``MIN_CHAIN_LENGTH``), hold a content word of
    ``MIN_CONTENT_LENGTH`` letters (`campanhas` is no `camp an has`), cost
    little on average and have no short part that is not a function word.
    """
    if len(word) < MIN_CHAIN_LENGTH or is_known(word) and word not in _load()[2]:
        return None
    parts = segment(word)
    if parts is None or len(parts) < 3 or not _edges_ok(parts):
        return None
    if not any(len(p) >= MIN_CONTENT_LENGTH and p not in LINK_WORDS for p in parts):
        return None
    if any(len(p) <= 3 and p not in LINK_WORDS for p in parts):
        return None  # `nod`, `fee`: short content words make chains of anything
    if not _no_morphology(parts):
        return None
    if mean_cost(parts) > MAX_MEAN_COST:
        return None
    return parts


@lru_cache(maxsize=65536)
def partner_split(word: str) -> tuple[str, ...] | None:
    """``word`` (lower case) as two or three words, with looser rules than
    :func:`._glue.split_glued`, for a token near another glue: a stripped
    quotation glues both its ends (`withinsolent impunitydespite`), so a
    second unknown token next to a glue is likely the other end, even when
    alone it could be a compound (`impunity|despite`, `lot|like`)."""
    if len(word) < MIN_PARTNER_LENGTH or is_known(word) and word not in _load()[2]:
        return None
    parts = segment(word)
    if parts is None or len(parts) > 3 or len(set(parts)) < len(parts):
        return None  # a doubled word (`werewere`) is DU003's
    if any(len(p) <= 2 and p not in FUNCTION_WORDS for p in parts):
        return None
    if not _no_morphology(parts) or mean_cost(parts) > MAX_MEAN_COST:
        return None
    return parts


@lru_cache(maxsize=65536)
def after_name(word: str) -> tuple[tuple[int, tuple[str, ...]], ...]:
    """Where lower-case ``word`` may be a name glued to the words after it
    (`magowanmisspokeabout`, `neuheiselwas`): (length of the name, the words
    after it) for each split whose words start or end with a link word and
    are at least three letters in all. Whether the name is one is for the
    document to tell (see the rule)."""
    out = []
    n = len(word)
    from_here = segmentable_from(word)
    # The first or last word must be a link word (below): tested first. A
    # link word that ends the word ends every `rest` as long as it.
    shortest_end = next((k for k in _LINK_LENGTHS if k <= n and word[-k:] in LINK_WORDS), n + 1)
    for i in range(MIN_NAME_LENGTH, n - 2):
        if not from_here[i]:
            continue  # `rest` is no part and has no split (both are runs of parts)
        if n - i < shortest_end and not word.startswith(_LINK_WORDS_BY_FIRST.get(word[i], ()), i):
            continue
        rest = word[i:]
        z = zipf_of(rest)
        parts = (rest,) if z is not None else segment(rest)
        if not parts or parts[-1] in SUFFIXES and (len(parts) == 1 or parts[-2] not in FUNCTION_WORDS):
            continue  # `Hender|son`, `Marks|man`
        if not (parts[0] in LINK_WORDS or parts[-1] in LINK_WORDS):
            continue
        if any(len(p) <= 2 and p not in FUNCTION_WORDS for p in parts) or mean_cost(parts) > MAX_MEAN_COST:
            continue
        if len(parts) > 1 and not _no_morphology(parts):
            continue
        out.append((i, parts))
    return tuple(out)


def standalone_elsewhere(text: str, word: str, start: int) -> bool:
    """Whether ``word`` stands alone in ``text`` (no letter, digit or
    apostrophe touching it) somewhere else than at ``start``: a name the
    document uses on its own (`Smit`, `Magowan`) is evidence that a token
    starting or ending with it is a glue."""
    n, size = len(text), len(word)
    at = text.find(word)
    while at >= 0:
        end = at + size
        if at != start and (at == 0 or not _joins(text[at - 1])) and (end == n or not _joins(text[end])):
            return True
        at = text.find(word, at + 1)
    return False


def _joins(c: str) -> bool:
    return c.isalnum() or c in "'’_-"


def split_after_name(text: str, start: int, end: int, word: str) -> tuple[str, ...] | None:
    """``text[start:end]`` (capitalised; ``word`` in lower case) as a name
    the document uses alone elsewhere, glued to the words after it:
    `Magowanmisspokeabout` when `Magowan` stands alone in the text. The
    longest such name wins."""
    for size, parts in sorted(after_name(word), reverse=True):
        name = text[start : start + size]
        if standalone_elsewhere(text, name, start):
            return (name, *parts)
    return None


def split_capitals(text: str, start: int, first: str, second: str) -> tuple[str, ...] | None:
    """Two capitalised words glued (`FrankSkinner`, `NewZealand`): only
    where the document writes them apart elsewhere (`Frank Skinner`), or
    uses each alone (`Max`, `Biaggi`), or `The` before a word it uses alone
    (`TheIranians`), and the glued form once. Brands and names written in one (`PlayStation`,
    `McDonald`, `JavaScript`, `ZuneOriginals`) are not written apart."""
    if len(first) < 3 or len(second) < 3 or first.lower() in _CAPITAL_PREFIXES:
        return None
    if first == second:
        return None  # a glued double (`LadenLaden`) is DU003's
    if text.count(first + second) > 1:
        return None  # a name or brand the text spells so (`BlackRock`)
    if f"{first} {second}" in text:
        return first, second
    if first == "The" and len(second) >= 4 and standalone_elsewhere(text, second, start + 3):
        return first, second  # `TheIranians` where `Iranians` stands alone
    if (
        len(second) >= MIN_NAME_LENGTH and lexicon().get(second.lower(), 1 << 30) >= _COMMON_NAME_PART_RANK
        and standalone_elsewhere(text, second, start + len(first)) and standalone_elsewhere(text, first, start)
    ):
        # `MaxBiaggi` where `Max` and `Biaggi` stand alone; a common word
        # second is a brand's (`NewsRadio`, `LinuxWorld`, `WirelessWeek`)
        return first, second
    return None


# A second part more frequent than this (by rank) makes a brand of two
# capitalised words both used alone (`NewsRadio`), not a glued name.
_COMMON_NAME_PART_RANK = 10000
# Name particles and prefixes written with a capital before another
# capital: `McDonald`, `MacBook`, `DeAndre`, `LeBron`, `VanDyke`.
_CAPITAL_PREFIXES = frozenset("mc mac de di da du van von der le la al el o fitz st".split())


def split_acronym_word(text: str, start: int, acronym: str, lower: str) -> tuple[str, ...] | None:
    """An acronym glued to the next word (`HBOprograms`, `USstadiums`): the
    lower-case part must be a word of four letters or more that is no
    ending (`PCs`, `IDs`, `KOed`, `DIYers` are words), and the document
    must use the acronym alone too (a site name `ETonline` is written so)."""
    if not 2 <= len(acronym) <= 5 or len(lower) < 4 or lower in SUFFIXES:
        return None
    if not standalone_elsewhere(text, acronym, start) or text.count(acronym + lower) > 1:
        return None  # a brand the text spells so (`TEAMtalk`)
    z = zipf_of(lower)
    if z is None or z < 3.0:
        return None
    return acronym, lower
