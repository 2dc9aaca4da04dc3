"""Splitting text into sentences.

The sentence splitter is built for damaged text: it splits sentences that a
paste glued together with no space (``state media.China is``,
``changes."Beijing``), which pysbd and blingfire do not, and leaves whole the
things that contain dots but are not sentence ends: URLs, e-mail addresses,
domains, file names, decimals, version numbers, initials and abbreviations
(``U.S.``, ``Dr.``, ``Node.js``, ``.NET``). Spans are (``start``, ``end``),
end exclusive, trimmed of surrounding white space.

>>> text = 'It was said, according to state media.China is "willing".'
>>> [text[s:e] for s, e in split_sentences(text)]
['It was said, according to state media.', 'China is "willing".']
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from itertools import repeat
from typing import NamedTuple

import regex

from detector.segment import DOMAIN, EMAIL, TYPOGRAPHIC, URL, Span, _Lazy, _new, _trim, line_spans

# Abbreviations after which a full stop does not end a sentence. Lower-cased
# and without the final dot; dotted acronyms (U.S., e.g.) are matched apart.
ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof sr jr st mt ft gen col lt sgt capt cmdr adm gov sen rep
    rev hon pres supt insp det vs v al approx ca cf no nos vol vols fig figs p pp
    jan feb mar apr jun jul aug sep sept oct nov dec inc ltd co corp bros dept
    univ assn est mssrs messrs mme mlle sra sr srta op ed eds min max avg""".split()
)

# Sentence-final punctuation, then closing quotes or brackets.
_END = r"(?:[.!?…]+|[。！？]+)[\"'”’»)\]]*"
# A candidate end: final punctuation, then either white space or (glued) the
# start of a new sentence: an optional opening quote and an upper-case letter
# followed by a lower-case one (`media.China`), the words `A` and `I`
# (`weekend.A double`), or an all-capital word of three letters or more
# (`Caribbean.BET is`; `Node.JS` has two).
_BOUNDARY = _Lazy(
    rf"(?P<end>{_END})(?:(?P<gap>[ \t\u00a0\u3000]+)"
    rf"|(?=[\"“‘(]?(?:\p{{Lu}}\p{{Ll}}|[AI] |\p{{Lu}}{{3,}}[ ,])))",
    regex.VERSION1,
)
# The same on ASCII text, in the faster stdlib `re` (\p{Lu} is [A-Z], \p{Ll}
# is [a-z] there; the non-ASCII characters cannot occur). `[.!?][.!?]*`, not
# `[.!?]+`: a pattern that opens with a character class is searched for by
# its first character in C, twice as fast as trying every position.
_ASCII_BOUNDARY = re.compile(
    r"(?P<end>[.!?][.!?]*[\"')\]]*)(?:(?P<gap>[ \t]+)"
    r"|(?=[\"(]?(?:[A-Z][a-z]|[AI] |[A-Z]{3,}[ ,])))"
)
# The same on text of Latin-1 and typographic characters (`TYPOGRAPHIC`:
# none is a letter, digit or space), in `re`: the Unicode classes are
# spelled out over Latin-1 (`_latin1_where`), and of the other characters
# `_BOUNDARY` names only the ellipsis, curly quotes and guillemets can occur
# (no CJK mark, no ideographic space). Its group `next` is there (empty)
# when what follows the white space can start a sentence
# (`_LATIN_TEXT.next_starts_sentence`), which saves asking apart.
def _latin1_where(test) -> str:
    """The Latin-1 characters for which ``test(character)`` holds, for a
    character class (none of the letters and digits needs escaping)."""
    return "".join(c for c in map(chr, range(256)) if test(c))


_UPPER = _latin1_where(lambda c: unicodedata.category(c) == "Lu")  # \p{Lu}
_LOWER = _latin1_where(lambda c: unicodedata.category(c) == "Ll")  # \p{Ll}
_LETTER = _latin1_where(lambda c: unicodedata.category(c).startswith("L"))  # \p{L}
_OTHER_LETTER = _latin1_where(lambda c: unicodedata.category(c) == "Lo")  # \p{Lo}
_DIGIT = _latin1_where(lambda c: unicodedata.category(c) == "Nd")  # \p{Nd}
_ALPHANUMERIC = _latin1_where(str.isalnum)
_LATIN_BOUNDARY = re.compile(
    rf"(?P<end>[.!?…][.!?…]*[\"'”’»)\]]*)"
    rf"(?:(?P<gap>[ \t\xa0]+)(?P<next>(?=[\"'“‘(\[«¿¡]*[{_UPPER}{_DIGIT}{_OTHER_LETTER}]))?"
    rf"|(?=[\"“‘(]?(?:[{_UPPER}][{_LOWER}]|[AI] |[{_UPPER}]{{3,}}[ ,])))"
)
_NOT_LATIN1_OR_TYPOGRAPHIC = re.compile(f"[^\\x00-\\xff{TYPOGRAPHIC}]")
_NEXT_STARTS_SENTENCE = regex.compile(r"[\"'“‘(\[«¿¡]*[\p{Lu}\p{Nd}\p{Lo}]")
_DOTTED_ACRONYM = regex.compile(r"^(?:\p{L}\.)+\p{L}?$")
# Things with a dot inside that are not sentence ends; only looked for around
# a glued candidate (a dot with no space after it), which is rare and cheap.
_PROTECTED = _Lazy(rf"{URL}|{EMAIL}|{DOMAIN}")
_CJK_END = frozenset("。！？")
_CONTINUES = regex.compile(r"\p{Ll}")
_URL_START = _Lazy(URL)


class _Kit(NamedTuple):
    """The patterns of the splitter: for any text, or for ASCII text and for
    Latin-1 (and typographic) text in the faster stdlib `re` (same matches:
    the characters they leave out cannot occur)."""

    boundary: object
    next_starts_sentence: object
    dotted_acronym: object
    continues: object
    #: alphanumeric characters, "." and "-" read backwards from a dot
    #: (the `re` kits only; for any text the word is walked back)
    word_before: object


_ANY_TEXT = _Kit(_BOUNDARY, _NEXT_STARTS_SENTENCE, _DOTTED_ACRONYM, _CONTINUES, None)
_ASCII_TEXT = _Kit(
    _ASCII_BOUNDARY,
    re.compile(r"[\"'(\[]*[A-Z0-9]"),
    re.compile(r"^(?:[A-Za-z]\.)+[A-Za-z]?$"),
    re.compile(r"[a-z]"),
    re.compile(r"[A-Za-z0-9.\-]*"),
)
_LATIN_TEXT = _Kit(
    _LATIN_BOUNDARY,
    re.compile(rf"[\"'“‘(\[«¿¡]*[{_UPPER}{_DIGIT}{_OTHER_LETTER}]"),
    re.compile(rf"^(?:[{_LETTER}]\.)+[{_LETTER}]?$"),
    re.compile(rf"[{_LOWER}]"),
    re.compile(rf"[{_ALPHANUMERIC}.\-]*"),
)


def _word_allows_end(before: str, end_punct: str, glued: bool, dotted_acronym) -> bool:
    """May ``end_punct`` after ``before`` (the letters, digits, dots and
    hyphens just before it) end a sentence, if a sentence can start after it?"""
    if end_punct[0] == "." and not end_punct.startswith(".."):
        bare = before.strip(".-")
        last_part = bare.rsplit(".", 1)[-1]
        if bare and dotted_acronym.match(bare + "."):
            return False  # U.S. / e.g. / a.m.: we prefer not to split
        if bare.lower() in ABBREVIATIONS or last_part.lower() in ABBREVIATIONS:
            return False
        if len(bare) == 1 and bare.isalpha() and bare.isupper():
            return False  # an initial: "J. Smith", "N.Taylor"
        if glued and not (
            len(bare) >= 2 and any(c.islower() for c in bare) or bare.isdigit()
        ):
            # Glued, the word before must look like a sentence's last word:
            # two or more letters with a lower-case one, or a number.
            return False
    return True


#: `_word_allows_end` of a single full stop by the word before it, not
#: glued [0] and glued [1] (the same words end most sentences), for the
#: fast kits [0] (same dotted acronyms) and any text [1].
_PERIOD_VERDICTS: tuple = (({}, {}), ({}, {}))


def _inside_protected(text: str, dot_at: int, lo: int, hi: int) -> bool:
    """Is the dot at ``dot_at`` part of a URL, e-mail address, domain or file name?"""
    start = dot_at
    while start > lo and not text[start - 1].isspace():
        start -= 1
    end = dot_at
    while end < hi and not text[end].isspace():
        end += 1
    for m in _PROTECTED.finditer(text, start, end):
        if m.start() <= dot_at < m.end():
            return True
    return False


def _blocks(text: str, lines: list[Span], continues) -> tuple[list[int], list[int]]:
    """Starts and ends of the blocks of lines read as one, trimmed.

    A line break ends a sentence, except in hard-wrapped prose: when a line
    does not end in final punctuation and the next one starts in lower case
    (and is no URL), the two are one block.
    """
    starts: list[int] = []
    ends: list[int] = []
    block_end = -1  # of the block of lines being joined, if any
    for start, end in lines:
        # `_trim`, skipped when there is nothing to trim (the common case)
        if start >= end or text[start].isspace() or text[end - 1].isspace():
            stripped = _trim(text, start, end)
            if stripped is None:
                if block_end >= 0:
                    ends.append(block_end)
                    block_end = -1
                continue
            start, end = stripped
        if block_end >= 0:
            prev_last = text[block_end - 1]
            wrapped = (prev_last.isalpha() or prev_last in ",-") and continues(text, start)
            if not wrapped or _URL_START.match(text, start):
                ends.append(block_end)
                starts.append(start)
        else:
            starts.append(start)
        block_end = end
    if block_end >= 0:
        ends.append(block_end)
    return starts, ends


# On ASCII text the candidate ends are looked for in its bytes with "!" and
# "?" made ".": a pattern that opens with one literal character is searched
# for in C far faster than one that opens with a class (`_ASCII_BOUNDARY`
# on the text itself gives the same matches).
_QUESTION_AND_EXCLAMATION_AS_DOT = bytes.maketrans(b"!?", b"..")
# Its third group, as `next` in `_LATIN_BOUNDARY`, is
# `_ASCII_TEXT.next_starts_sentence` after the white space.
_ASCII_BOUNDARY_IN_BYTES = re.compile(
    rb"(\.\.*[\"')\]]*)(?:([ \t]+)((?=[\"'(\[]*[A-Z0-9]))?|(?=[\"(]?(?:[A-Z][a-z]|[AI] |[A-Z]{3,}[ ,])))"
)


#: ASCII bytes: "w" for the characters of `_Kit.word_before` (letters,
#: digits, "." and "-"), a space for the others: the word before a dot
#: starts after the last space before it (`bytes.rfind`, in C).
_WORD_MASK = bytes(
    ord("w") if chr(c).isascii() and (chr(c).isalnum() or chr(c) in ".-") else ord(" ") for c in range(256)
)


def _scanner(text: str) -> tuple[_Kit, object, object, object]:
    """The kit for ``text``, the text its boundary pattern scans (with the
    same offsets), that pattern, and how to find the word before a dot on
    `re`-kit text: the text's `_WORD_MASK` (ASCII, in bytes) or the reversed
    text (Latin-1); None for any other text (the word is walked back)."""
    if text.isascii():
        if _ASCII_BOUNDARY is _ASCII_TEXT.boundary:  # not swapped by a test
            data = text.encode("ascii")
            scanned = data.translate(_QUESTION_AND_EXCLAMATION_AS_DOT)
            return _ASCII_TEXT, scanned, _ASCII_BOUNDARY_IN_BYTES, data.translate(_WORD_MASK)
        return _ASCII_TEXT, text, _ASCII_BOUNDARY, text[::-1]
    if _NOT_LATIN1_OR_TYPOGRAPHIC.search(text) is None:
        return _LATIN_TEXT, text, _LATIN_BOUNDARY, text[::-1]
    return _ANY_TEXT, text, _BOUNDARY, None


def split_sentences(text: str, lines: list[Span] | None = None) -> list[Span]:
    """Sentence spans of ``text`` (``lines``: its `line_spans`, if known).

    A line break ends a sentence, except in hard-wrapped prose: when a line
    does not end in final punctuation and the next one starts in lower case,
    the two are one sentence.

    The candidate ends are found by one scan of the whole text in C. That
    gives the matches a scan of each block alone would give: a match lies
    inside one line (it holds no line break) and starts at punctuation, so in
    a block; only a glued match (no space after the punctuation) may have
    looked past the block's end, and it is matched again within the block.
    Every block starts and ends a sentence; each accepted candidate ends one
    (after its punctuation) and starts the next (after its white space), so
    the spans pair the sorted starts with the sorted ends.
    """
    lines = line_spans(text) if lines is None else lines
    kit, scanned, boundary, words = _scanner(text)
    block_starts, block_ends = _blocks(text, lines, kit.continues.match)
    if not block_starts:
        return []
    starts: list[int] = []  # of the sentences after accepted candidates
    stops: list[int] = []  # of the sentences before them
    fast = words is not None
    mask = words if isinstance(words, bytes) else None
    n = len(text)
    word_before = kit.word_before.match if fast else None  # fast kits only
    next_starts_sentence = kit.next_starts_sentence.match
    next_in_match = boundary.groups >= 3  # `next_starts_sentence` there
    verdicts = _PERIOD_VERDICTS[kit is _ANY_TEXT]
    if len(verdicts[0]) + len(verdicts[1]) > 65536:
        verdicts[0].clear()
        verdicts[1].clear()
    start, end = block_starts[0], block_ends[0]
    for m in boundary.finditer(scanned):
        dot_at, after = m.span()
        if dot_at >= end:  # the candidate lies in a later block
            i = bisect_right(block_ends, dot_at)
            if i == len(block_ends):
                break  # past the last block (only with `lines` not of this text)
            start, end = block_starts[i], block_ends[i]
        if dot_at < start:
            continue  # between blocks (only with `lines` not of this text)
        if after >= end:
            continue
        stop = m.start(2)  # the gap, where the end punctuation stops
        glued = stop < 0
        if glued:
            m = boundary.match(scanned, dot_at, end)  # as a scan of the block sees it
            if m is None:
                continue
            after = m.end()
            if after >= end or _inside_protected(text, dot_at, start, end):
                continue
            glued = m.start(2) < 0
            stop = m.end(1)
        first = text[dot_at]
        if first in _CJK_END:  # ends a sentence whatever follows
            while text[after].isspace():  # odd white space after the gap (spaces, tabs)
                after += 1
        else:
            # Otherwise the next sentence starts where the glued lookahead or
            # `next_starts_sentence` matched: a quote, bracket, letter or
            # digit, never white space, so there is nothing to trim.
            if not glued and (m.start(3) < 0 if next_in_match else next_starts_sentence(text, after) is None):
                continue
            if first == "." and text[dot_at + 1] != ".":  # one full stop: the word before
                if mask is not None:
                    i = mask.rfind(b" ", start, dot_at) + 1 or start
                elif fast:  # the word read backwards, in the reversed text
                    i = dot_at - word_before(words, n - dot_at, n - start).end() + (n - dot_at)
                else:
                    i = dot_at
                    while i > start and (text[i - 1].isalnum() or text[i - 1] in ".-"):
                        i -= 1
                before = text[i:dot_at]
                allows = verdicts[glued].get(before)
                if allows is None:
                    allows = verdicts[glued][before] = _word_allows_end(before, ".", glued, kit.dotted_acronym)
                if not allows:
                    continue
        stops.append(stop)
        starts.append(after)
    starts += block_starts
    stops += block_ends
    starts.sort()
    stops.sort()
    return list(map(_new, repeat(Span), zip(starts, stops)))
