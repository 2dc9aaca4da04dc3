"""Splitting text into lines, paragraphs and tokens (sentences:
:mod:`detector.sentences`, whose ``split_sentences`` is also found here).

Every function returns spans (``start``, ``end``) into the text it was given,
end exclusive, trimmed of surrounding white space.

>>> [(s, e) for s, e in line_spans("One.\\r\\nTwo.\\n")]
[(0, 4), (6, 10)]
>>> [(s, e) for s, e in line_spans("One.\\rTwo.\\r")]
[(0, 4), (5, 9)]
"""

from __future__ import annotations

import re
from itertools import repeat
from operator import methodcaller
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

# A line ending: CRLF, LF or a lone CR (the three that `str.splitlines`
# knows and editors follow; not form feed, U+2028 and the other separators
# `splitlines` also breaks at, which `--diff` and patch do not either).
_LINE_END = re.compile(r"\r\n?|\n")


def line_starts(text: str) -> list[int]:
    """The offset where each line starts: 0 and after each line ending
    (``\\n``, ``\\r\\n`` or a lone ``\\r``)."""
    if "\r" in text and _has_lone_cr(text):  # rare: one regex scan
        return [0, *map(_match_end, _LINE_END.finditer(text))]
    starts = [0]  # (after a CRLF too: its \n ends the line)
    find = text.find
    pos = find("\n")
    while pos >= 0:  # one `find` a line (in C) beats copying the text by a split
        starts.append(pos + 1)
        pos = find("\n", pos + 1)
    return starts


def _has_lone_cr(text: str) -> bool:
    """Does a CR end a line on its own (not in a CRLF) somewhere in ``text``?"""
    return text.count("\r") != text.count("\r\n")


_match_end = methodcaller("end")
_minus_one = (-1).__add__


def line_spans(text: str, starts: list[int] | None = None) -> list[Span]:
    """Every line, without its line ending (``\\n``, ``\\r\\n`` or a lone
    ``\\r``).

    ``starts``: the text's `line_starts`, if known. A last line is only
    there if it holds a character (a text ending in a line ending has none).
    """
    if "\r" in text:
        if _has_lone_cr(text):
            return _line_spans_with_lone_returns(text)
        return _line_spans_with_returns(text)
    starts = line_starts(text) if starts is None else starts
    ends = list(map(_minus_one, starts))  # each line ends before the next one's \n
    del ends[0]
    line_start = starts[-1]
    if line_start < len(text):
        ends.append(len(text))
    return list(map(_new, repeat(Span), zip(starts, ends)))


def _line_spans_with_returns(text: str) -> list[Span]:
    """``line_spans`` of a text whose every CR is in a CRLF."""
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


def _line_spans_with_lone_returns(text: str) -> list[Span]:
    """``line_spans`` of a text with a lone CR somewhere."""
    spans = []
    pos = 0
    for m in _LINE_END.finditer(text):
        spans.append(_new(Span, (pos, m.start())))
        pos = m.end()
    if pos < len(text):
        spans.append(_new(Span, (pos, len(text))))
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
    for start, end in lines:
        # a line that starts with no white space is not blank (the common case)
        if start >= end or text[start].isspace() and not text[start:end].strip():
            if block_start is not None:
                span = _trim(text, block_start, block_end)
                if span:
                    spans.append(span)
                block_start = None
        else:
            if block_start is None:
                block_start = start
            block_end = end
    if block_start is not None:
        span = _trim(text, block_start, block_end)
        if span:
            spans.append(span)
    return spans


def __getattr__(name: str):
    # The sentence splitter lives in detector.sentences (which imports this
    # module); `from detector.segment import split_sentences` still works.
    if name in ("split_sentences", "ABBREVIATIONS"):
        from detector import sentences

        return getattr(sentences, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
