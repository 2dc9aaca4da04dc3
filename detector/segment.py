"""Splitting text into lines, paragraphs, sentences and tokens.

Every function returns spans (``start``, ``end``) into the text it was given,
end exclusive, trimmed of surrounding white space.

The sentence splitter is built for damaged text: it splits sentences that a
paste glued together with no space (``state media.China is``,
``changes."Beijing``), which pysbd and blingfire do not, and leaves whole the
things that contain dots but are not sentence ends: URLs, e-mail addresses,
domains, file names, decimals, version numbers, initials and abbreviations
(``U.S.``, ``Dr.``, ``Node.js``, ``.NET``).

>>> text = 'It was said, according to state media.China is "willing".'
>>> [text[s:e] for s, e in split_sentences(text)]
['It was said, according to state media.', 'China is "willing".']
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import repeat
from typing import Iterator, NamedTuple

import regex


class _Lazy:
    """A `regex` pattern compiled on its first use, so that importing this
    module stays cheap (``detector check`` of one file starts fast): the big
    patterns serve only text that is not plain ASCII, or rare candidates."""

    __slots__ = ("_args", "_compiled")

    def __init__(self, *args) -> None:
        self._args = args
        self._compiled = None

    def __getattr__(self, name: str):
        if self._compiled is None:
            self._compiled = regex.compile(*self._args)
        return getattr(self._compiled, name)


# -- tokens -----------------------------------------------------------------

# URLs: a scheme or "www." up to white space or a quote; trailing sentence
# punctuation is not part of the URL.
URL = r"(?:[a-zA-Z][a-zA-Z0-9+.-]*://|www\.)[^\s<>\"'“”‘’]+(?<![.,;:!?)\]}'\"’”])"
EMAIL = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
# Bare domains and file names: dotted names ending in a known suffix. The list
# is short on purpose; it protects the common cases from the sentence splitter.
_SUFFIXES = (
    "com|org|net|edu|gov|mil|int|io|co|uk|us|de|fr|kr|jp|cn|ru|in|au|ca|info|biz|"
    "news|tv|me|ai|app|dev|eu|es|it|nl|ch|se|no|pl|br|mx|"
    "txt|md|html?|pdf|docx?|xlsx?|csv|json|xml|ya?ml|toml|py|js|ts|jsx|tsx|rb|go|rs|"
    "java|cpp|hpp|sh|exe|zip|gz|png|jpe?g|gif|svg|mp3|mp4"
)
# Capitalised suffixes (`FabriPaint.Com`, `report.PDF`) only where no
# sentence starts so: `said.It`, `Kyiv.In` and `profit.Net` are glued
# sentences, not domains.
_UPPER_SUFFIXES = (
    "Com|COM|Org|ORG|Gov|GOV|Edu|EDU|TXT|HTML?|PDF|DOCX?|XLSX?|CSV|JSON|XML|YA?ML|"
    "EXE|ZIP|PNG|JPE?G|GIF|SVG|MP3|MP4"
)
DOMAIN = rf"(?<![\w.])[\w-]+(?:\.[\w-]+)*\.(?:{_SUFFIXES}|{_UPPER_SUFFIXES})(?![\w])"
NUMBER = r"[-+]?\p{Nd}+(?:[.,:]\p{Nd}+)*%?"
# A word: letters (any script) and digits with at least one letter, optionally
# joined by apostrophes or hyphens inside (`don't`, `face-to-face`), and by a
# hyphen to a number (`COVID-19`, `Boeing-737`).
WORD = (
    r"[\p{L}\p{M}\p{Nd}]*\p{L}[\p{L}\p{M}\p{Nd}]*"
    r"(?:['’\-][\p{L}\p{M}\p{Nd}]*\p{L}[\p{L}\p{M}\p{Nd}]*|-\p{Nd}+)*"
)

# Words come first: the URL, e-mail and domain alternatives are only tried
# where a word is followed by ".x", "@", ":/" (a word that may continue into
# one), which keeps tokenizing fast on prose.
_TOKEN = _Lazy(
    rf"(?P<word>(?>{WORD}))(?![.@:/][\w/])"
    rf"|(?P<url>{URL})|(?P<email>{EMAIL})|(?P<domain>{DOMAIN})"
    rf"|(?P<word_>{WORD})|(?P<number>{NUMBER})|(?P<punct>[^\s])",
    regex.VERSION1,
)

# The same tokenizer for ASCII text (most English news) in the standard
# library's `re`, which scans about twice as fast as `regex`: on ASCII text
# \p{L} is [A-Za-z], \p{Nd} is [0-9], \p{M} is empty and \s is the six
# ASCII white-space characters (`re`'s \s would also take \x1c-\x1f, which
# `regex` does not, so it is spelled out). It needs atomic groups (Python
# 3.11); on 3.10 `ascii_token_pattern()` is None and `_TOKEN` is used.
_ASCII_SPACE = r"\t\n\x0b\x0c\r "
# The non-ASCII characters that the patterns name (’ joins words; quotes end
# URLs) are kept, so that the pattern also serves text whose only non-ASCII
# characters are in TYPOGRAPHIC (see `fast_tokenizable`).
_ASCII_WORD = r"[A-Za-z0-9]*[A-Za-z][A-Za-z0-9]*(?:['’\-][A-Za-z0-9]*[A-Za-z][A-Za-z0-9]*|-[0-9]+)*"
_ASCII_URL = rf"(?:[a-zA-Z][a-zA-Z0-9+.-]*://|www\.)[^{_ASCII_SPACE}<>\"'“”‘’]+(?<![.,;:!?)\]}}'\"’”])"
_ASCII_EMAIL = r"[A-Za-z0-9_.+-]+@[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)+"
_ASCII_DOMAIN = (
    rf"(?<![A-Za-z0-9_.])[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*\.(?:{_SUFFIXES}|{_UPPER_SUFFIXES})"
    r"(?![A-Za-z0-9_])"
)
_ASCII_NUMBER = r"[-+]?[0-9]+(?:[.,:][0-9]+)*%?"
#: Kind of each group of the ASCII pattern, in group order.
ASCII_TOKEN_KINDS = ("word", "url", "email", "domain", "word", "number", "punct")


#: Typographic characters of English text that are no letter, mark, digit,
#: word character or space for `regex`: text made of ASCII and these
#: tokenizes the same with the ASCII pattern (checked in the tests).
TYPOGRAPHIC = "‘’‚“”„–—…•·«»‹›©®™°€£¢§¶†‡′″×÷±"
_NOT_TYPOGRAPHIC = re.compile(f"[^\\x00-\\x7f{TYPOGRAPHIC}]")


def fast_tokenizable(text: str) -> bool:
    """ASCII text, or ASCII with typographic quotes, dashes, currency signs."""
    return text.isascii() or _NOT_TYPOGRAPHIC.search(text) is None


def ascii_token_pattern():
    """The compiled ASCII tokenizer (one capturing group per kind, in the
    order of ``ASCII_TOKEN_KINDS``), or None where `re` lacks atomic groups."""
    global _ascii_token
    if _ascii_token is False:
        import sys

        _ascii_token = None
        if sys.version_info >= (3, 11):
            _ascii_token = re.compile(
                rf"((?>{_ASCII_WORD}))(?![.@:/][A-Za-z0-9_/])"
                rf"|({_ASCII_URL})|({_ASCII_EMAIL})|({_ASCII_DOMAIN})"
                rf"|({_ASCII_WORD})|({_ASCII_NUMBER})|([^{_ASCII_SPACE}])"
            )
    return _ascii_token


_ascii_token = False


class Span(NamedTuple):
    start: int
    end: int


# Span(start, end) without the NamedTuple's Python-level __new__ (hot: one
# per line and per sentence).
_new = tuple.__new__


class RawToken(NamedTuple):
    start: int
    end: int
    kind: str  # url | email | domain | word | number | punct


def iter_tokens(text: str, start: int = 0, end: int | None = None) -> Iterator[RawToken]:
    """Tokens of ``text[start:end]`` with absolute offsets.

    >>> [(t.kind, 'Go to example.com now'[t.start:t.end]) for t in iter_tokens('Go to example.com now')]
    [('word', 'Go'), ('word', 'to'), ('domain', 'example.com'), ('word', 'now')]
    """
    end = len(text) if end is None else end
    for m in _TOKEN.finditer(text, start, end):
        kind = m.lastgroup
        yield RawToken(m.start(), m.end(), "word" if kind == "word_" else kind)


# -- lines and paragraphs ------------------------------------------------------

def line_starts(text: str) -> list[int]:
    """The offset where each line starts: 0 and after each ``\\n``."""
    starts = [0]
    find = text.find
    pos = find("\n")
    while pos >= 0:  # one `find` a line (in C) beats copying the text by a split
        starts.append(pos + 1)
        pos = find("\n", pos + 1)
    return starts


_minus_one = (-1).__add__


def line_spans(text: str, starts: list[int] | None = None) -> list[Span]:
    """Every line, without its line terminator (``\\n`` or ``\\r\\n``).

    ``starts``: the text's `line_starts`, if known. A last line is only
    there if it holds a character (a text ending in ``\\n`` has none).
    """
    if "\r" in text:
        return _line_spans_with_returns(text)
    starts = line_starts(text) if starts is None else starts
    ends = list(map(_minus_one, starts))  # each line ends before the next one's \n
    del ends[0]
    line_start = starts[-1]
    if line_start < len(text):
        ends.append(len(text))
    return list(map(_new, repeat(Span), zip(starts, ends)))


def _line_spans_with_returns(text: str) -> list[Span]:
    spans = []
    pos = 0
    n = len(text)
    while pos <= n:
        nl = text.find("\n", pos)
        if nl < 0:
            if pos < n:
                spans.append(_new(Span, (pos, n)))
            break
        stop = nl - 1 if nl > pos and text[nl - 1] == "\r" else nl
        spans.append(_new(Span, (pos, stop)))
        pos = nl + 1
    return spans


def _trim(text: str, start: int, end: int) -> Span | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return _new(Span, (start, end)) if start < end else None


def paragraph_spans(text: str, lines: list[Span] | None = None) -> list[Span]:
    """Blocks of non-blank lines separated by blank lines, trimmed."""
    lines = line_spans(text) if lines is None else lines
    spans: list[Span] = []
    block_start = None
    block_end = None
    for ln in lines:
        blank = text[ln.start : ln.end].strip() == ""
        if blank:
            if block_start is not None:
                span = _trim(text, block_start, block_end)
                if span:
                    spans.append(span)
                block_start = None
        else:
            if block_start is None:
                block_start = ln.start
            block_end = ln.end
    if block_start is not None:
        span = _trim(text, block_start, block_end)
        if span:
            spans.append(span)
    return spans


# -- sentences -----------------------------------------------------------------

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
# The same on ASCII text with typographic characters (`fast_tokenizable`):
# their letters are ASCII, and of the characters `_BOUNDARY` names only the
# ellipsis, the curly quotes and guillemets can occur (no CJK mark, no
# no-break or ideographic space).
# Its third group is there (empty) when what follows the white space can
# start a sentence (`_TYPOGRAPHIC_TEXT.next_starts_sentence`), which saves
# asking apart.
_TYPOGRAPHIC_BOUNDARY = re.compile(
    r"(?P<end>[.!?…][.!?…]*[\"'”’»)\]]*)(?:(?P<gap>[ \t]+)(?P<next>(?=[\"'“‘(\[«]*[A-Z0-9]))?"
    r"|(?=[\"“‘(]?(?:[A-Z][a-z]|[AI] |[A-Z]{3,}[ ,])))"
)
_NEXT_STARTS_SENTENCE = regex.compile(r"[\"'“‘(\[«¿¡]*[\p{Lu}\p{Nd}\p{Lo}]")
_DOTTED_ACRONYM = regex.compile(r"^(?:\p{L}\.)+\p{L}?$")
# Things with a dot inside that are not sentence ends; only looked for around
# a glued candidate (a dot with no space after it), which is rare and cheap.
_PROTECTED = _Lazy(rf"{URL}|{EMAIL}|{DOMAIN}")
_CJK_END = frozenset("。！？")
_CONTINUES = regex.compile(r"\p{Ll}")
_URL_START = _Lazy(URL)


class _Kit(NamedTuple):
    """The patterns of the splitter: for any text, or for ASCII (and
    typographic) text in the faster stdlib `re` (same matches: the non-ASCII
    characters they leave out cannot occur)."""

    boundary: object
    next_starts_sentence: object
    dotted_acronym: object
    continues: object
    #: letters, digits, "." and "-" read backwards from a dot (fast kits
    #: only: on their texts only ASCII characters are alphanumeric)
    word_before: object


_ANY_TEXT = _Kit(_BOUNDARY, _NEXT_STARTS_SENTENCE, _DOTTED_ACRONYM, _CONTINUES, None)
_ASCII_TEXT = _Kit(
    _ASCII_BOUNDARY,
    re.compile(r"[\"'(\[]*[A-Z0-9]"),
    re.compile(r"^(?:[A-Za-z]\.)+[A-Za-z]?$"),
    re.compile(r"[a-z]"),
    re.compile(r"[A-Za-z0-9.\-]*"),
)
_TYPOGRAPHIC_TEXT = _ASCII_TEXT._replace(
    boundary=_TYPOGRAPHIC_BOUNDARY, next_starts_sentence=re.compile(r"[\"'“‘(\[«]*[A-Z0-9]")
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
# Its third group, as in `_TYPOGRAPHIC_BOUNDARY`, is
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
    fast-kit text: the text's `_WORD_MASK` (ASCII in bytes) or the reversed
    text (typographic); None for any other text (the word is walked back)."""
    if text.isascii():
        if _ASCII_BOUNDARY is _ASCII_TEXT.boundary:  # not swapped by a test
            data = text.encode("ascii")
            scanned = data.translate(_QUESTION_AND_EXCLAMATION_AS_DOT)
            return _ASCII_TEXT, scanned, _ASCII_BOUNDARY_IN_BYTES, data.translate(_WORD_MASK)
        return _ASCII_TEXT, text, _ASCII_BOUNDARY, text[::-1]
    if fast_tokenizable(text):
        return _TYPOGRAPHIC_TEXT, text, _TYPOGRAPHIC_BOUNDARY, text[::-1]
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
        dot_at = m.start()
        if dot_at >= end:  # the candidate lies in a later block
            i = bisect_right(block_ends, dot_at)
            if i == len(block_ends):
                break  # past the last block (only with `lines` not of this text)
            start, end = block_starts[i], block_ends[i]
        if dot_at < start:
            continue  # between blocks (only with `lines` not of this text)
        after = m.end()
        if after >= end:
            continue
        glued = m.start(2) < 0
        if glued:
            m = boundary.match(scanned, dot_at, end)  # as a scan of the block sees it
            if m is None:
                continue
            after = m.end()
            if after >= end or _inside_protected(text, dot_at, start, end):
                continue
            glued = m.start(2) < 0
        first = text[dot_at]
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
        if not glued and first not in _CJK_END:  # a CJK mark ends one whatever follows
            if m.start(3) < 0 if next_in_match else next_starts_sentence(text, after) is None:
                continue
        while text[after].isspace():  # only odd white space (the gap is spaces and tabs)
            after += 1
        stops.append(m.end(1))
        starts.append(after)
    starts += block_starts
    stops += block_ends
    starts.sort()
    stops.sort()
    return list(map(_new, repeat(Span), zip(starts, stops)))
