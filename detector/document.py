"""The Document: one file's text and its structure, built once and shared by
every rule.

Rules never re-read a file or re-split text: they ask the document for its
lines, paragraphs, sentences and tokens, which are computed on first use and
cached.

Tokenizing the whole text (``tokens``, ``words``) is the most expensive
shared part. A rule that looks for something rare can instead find its
candidates with a scan of the text in C and ask for the words there only:
``words_in(start, end)`` gives the entries of ``words`` that start in a span
and ``line_words(i)`` those of line ``i`` (0-based; ``line_index(offset)``
finds it), tokenizing only the stretch between the white space around it
(tokens never hold white space). Once the stretches asked for add up to more
than ``PART_TOKENIZED_AT_MOST`` (15%) of the text, the whole text is
tokenized instead, once. The duplication rules (DU002, DU003) work so.

>>> doc = Document("Xi 말했다.\\nSecond line.")
>>> doc.position(3)
Position(line=1, column=4)
>>> [(t.text, t.script) for t in doc.words]
[('Xi', 'Latin'), ('말했다', 'Hangul'), ('Second', 'Latin'), ('line', 'Latin')]
>>> [t.text for t in Document("Xi 말했다.\\nSecond line.").line_words(1)]
['Second', 'line']
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from itertools import accumulate, compress, cycle, repeat
from operator import itemgetter
from dataclasses import dataclass, field
from typing import NamedTuple

from detector.finding import Position
from detector.scripts import script_of
from detector.segment import _TOKEN as TOKEN_PATTERN
from detector.segment import ASCII_TOKEN_KINDS, ascii_token_pattern, fast_tokenizable
from detector.segment import Span, line_spans, line_starts, paragraph_spans
from detector.sentences import split_sentences


class cached_property:  # noqa: N801 (named as the one it replaces)
    """``functools.cached_property`` without its lock (Python 3.11 takes one
    on every first access, which costs as much as building a small part):
    the value is computed on first access and stored in the instance's
    ``__dict__`` under the same name, where later reads find it directly."""

    def __init__(self, function) -> None:
        self.function = function
        self.name = function.__name__
        self.__doc__ = function.__doc__

    def __set_name__(self, owner, name: str) -> None:
        self.name = name

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        value = instance.__dict__[self.name] = self.function(instance)
        return value


# White space that no tokenizer puts inside a token: the tokens of a stretch
# of text between two of these are the text's own tokens there.
_BREAKS = (" ", "\t", "\n", "\r")


class Token(NamedTuple):
    start: int
    end: int
    text: str
    kind: str  # word | number | url | email | domain | punct
    script: str  # Latin, Hangul, Han, Cyrillic, … or Common


_ASCII_TOKEN_SCRIPTS = tuple("Latin" if k == "word" else "Common" for k in ASCII_TOKEN_KINDS)


def _ascii_tokens(text: str, pattern, offset: int = 0) -> list[Token]:
    """The tokens of an ASCII text, built column by column with no Python
    loop per token (the loop cost more than the scan).

    ``pattern.split`` gives, per match, the white space before it and one
    item per group, exactly one of which (the token's kind) is not None.
    Every non-space character starts a match, so gaps and tokens tile the
    text, and the offsets are the running sums of their lengths.
    """
    parts = pattern.split(text)
    stride = len(ASCII_TOKEN_KINDS) + 1
    gaps = parts[0::stride]
    del parts[0::stride]
    texts = list(filter(None, parts))  # a token is never empty
    kinds = list(compress(cycle(ASCII_TOKEN_KINDS), parts))
    scripts = list(compress(cycle(_ASCII_TOKEN_SCRIPTS), parts))
    pieces = [""] * (2 * len(texts) + 1)
    pieces[0::2] = gaps
    pieces[1::2] = texts
    offsets = list(accumulate(map(len, pieces), initial=offset))
    return list(
        map(tuple.__new__, repeat(Token), zip(offsets[1::2], offsets[2::2], texts, kinds, scripts))
    )


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """The tokens of ``text``, their offsets shifted by ``offset``.

    Tokens never contain white space, so the tokens of a slice of a text that
    begins and ends at white space (a line) are exactly the text's own tokens
    in that range: ``tokenize(text[a:b], a)``.
    """
    if fast_tokenizable(text):
        pattern = ascii_token_pattern()
        if pattern is not None:
            return _ascii_tokens(text, pattern, offset)
    # The hot loop of every token-based rule: plain tuples built with
    # tuple.__new__ (a NamedTuple's own __new__ is several times slower),
    # and ASCII words are Latin without asking for their script.
    make = tuple.__new__
    out = []
    append = out.append
    for m in TOKEN_PATTERN.finditer(text):
        start, end = m.span()
        word = m.group()
        kind = m.lastgroup
        if kind == "word" or kind == "word_":
            script = "Latin" if word.isascii() else script_of(word)
            append(make(Token, (start + offset, end + offset, word, "word", script)))
        else:
            append(make(Token, (start + offset, end + offset, word, kind, "Common")))
    return out


def _only_words(tokens: list[Token]) -> list[Token]:
    # [t for t in tokens if t.kind == "word"], in C
    return list(compress(tokens, map("word".__eq__, map(itemgetter(3), tokens))))


@dataclass
class Decoding:
    """What happened between the file's bytes and the text.

    Filled by :mod:`detector.reading`; rules of the ``encoding`` category turn
    it into findings.
    """

    encoding: str = "utf-8"
    bom: bool = False
    #: (byte offset, text offset) of every undecodable byte sequence; each was
    #: replaced by one U+FFFD at that text offset.
    invalid_bytes: list[tuple[int, int]] = field(default_factory=list)
    #: Set when the encoding was guessed by a charset detector.
    detected: bool = False
    #: The raw bytes of each entry of ``invalid_bytes`` (same order).
    invalid_raw: list[bytes] = field(default_factory=list)
    #: Line terminators seen: counts of "\r\n", "\n" and lone "\r".
    line_endings: dict[str, int] = field(default_factory=dict)


class Document:
    """One file's decoded text and its structure."""

    def __init__(
        self,
        text: str,
        *,
        path: str = "<text>",
        decoding: Decoding | None = None,
        language: str | None = None,
        expected_languages: frozenset[str] = frozenset(),
    ) -> None:
        self.text = text
        self.path = path
        self.decoding = decoding or Decoding()
        self._language = language
        #: Languages the config says are expected here besides the main one.
        self.expected_languages = expected_languages
        self._memo: dict = {}
        self._line_words: dict[int, list[Token]] = {}
        self._tokenized_chars = 0  # by `words_in`, piecewise

    def memo(self, fn, *args):
        """``fn(self, *args)``, computed once per document and shared.

        Rules of one family use it for an analysis they all need (e.g. the
        foreign-script runs), so that it is done once, not once per rule.
        """
        key = (fn, args)
        if key not in self._memo:
            self._memo[key] = fn(self, *args)
        return self._memo[key]

    # -- positions --------------------------------------------------------------
    @cached_property
    def line_starts(self) -> list[int]:
        return line_starts(self.text)

    def position(self, offset: int) -> Position:
        """1-based line and column (in code points) of a text offset."""
        line = bisect_right(self.line_starts, offset) - 1
        return Position(line + 1, offset - self.line_starts[line] + 1)

    def line_text(self, line: int) -> str:
        """The text of 1-based line ``line`` without its terminator."""
        span = self.lines[line - 1]
        return self.text[span.start : span.end]

    # -- structure ----------------------------------------------------------------
    @cached_property
    def lines(self) -> list[Span]:
        return line_spans(self.text, self.line_starts)

    @cached_property
    def paragraphs(self) -> list[Span]:
        return paragraph_spans(self.text, self.lines)

    @cached_property
    def sentences(self) -> list[Span]:
        return split_sentences(self.text, self.lines)

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    def sentence_index(self, offset: int) -> int | None:
        """Index of the sentence containing ``offset``, if any."""
        i = bisect_right(self._sentence_starts, offset) - 1
        if i >= 0 and offset < self.sentences[i].end:
            return i
        return None

    @cached_property
    def tokens(self) -> list[Token]:
        return tokenize(self.text)

    @cached_property
    def words(self) -> list[Token]:
        return _only_words(self.tokens)

    def line_words(self, index: int) -> list[Token]:
        """The word tokens of line ``index`` (0-based), exactly the entries
        of ``words`` on that line, found without tokenizing the whole text
        (cached per line). For rules that look at a few candidate lines."""
        cache = self._line_words
        if index not in cache:
            starts = self.line_starts
            start = starts[index]
            # up to the last character of the line ending (\n or a lone \r:
            # white space, where the stretch to tokenize stops)
            end = starts[index + 1] - 1 if index + 1 < len(starts) else len(self.text)
            cache[index] = self.words_in(start, end)
        return cache[index]

    def words_in(self, start: int, end: int) -> list[Token]:
        """The entries of ``words`` that start in ``[start, end)``.

        Only the stretch between the white space around the span is
        tokenized (tokens never hold white space), unless the whole text is
        tokenized already, or the stretches asked for so far add up to more
        than ``PART_TOKENIZED_AT_MOST`` of it: then the whole text is, once
        (other rules most likely need it too), and sliced.
        """
        text = self.text
        if "words" not in self.__dict__:
            lo = max(text.rfind(c, 0, start) for c in _BREAKS) + 1
            hi = min((i for i in map(text.find, _BREAKS, repeat(end)) if i >= 0), default=len(text))
            self._tokenized_chars += hi - lo
            if self._tokenized_chars <= self.PART_TOKENIZED_AT_MOST * len(text):
                words = _only_words(tokenize(text[lo:hi], lo))
                starts = list(map(itemgetter(0), words))
                return words[bisect_left(starts, start) : bisect_left(starts, end)]
        starts = self._word_starts
        return self.words[bisect_left(starts, start) : bisect_left(starts, end)]

    #: Share of the text that ``words_in`` tokenizes piecewise before it
    #: tokenizes the whole text instead.
    PART_TOKENIZED_AT_MOST = 0.15

    def line_index(self, offset: int) -> int:
        """0-based index of the line holding ``offset`` (in ``lines``)."""
        return bisect_right(self.line_starts, offset) - 1

    @cached_property
    def _word_starts(self) -> list[int]:
        return list(map(itemgetter(0), self.words))

    def tokens_in(self, start: int, end: int) -> list[Token]:
        """Tokens that lie entirely inside ``[start, end)``."""
        tokens = self.tokens
        lo = bisect_right(self._token_starts, start - 1)
        out = []
        for i in range(lo, len(tokens)):
            t = tokens[i]
            if t.start >= end:
                break
            if t.end <= end:
                out.append(t)
        return out

    @cached_property
    def _token_starts(self) -> list[int]:
        return [t.start for t in self.tokens]

    # -- language -------------------------------------------------------------------
    @property
    def language(self) -> str:
        """The main language (ISO 639-1): configured, or guessed from the text."""
        if self._language is None:
            from detector.langid import guess_main_language

            self._language = guess_main_language(self)
        return self._language

    @cached_property
    def script_counts(self) -> dict[str, int]:
        """Letters per script over the whole text."""
        counts: dict[str, int] = {}
        for t in self.words:
            counts[t.script] = counts.get(t.script, 0) + (t.end - t.start)
        return counts

    @cached_property
    def main_script(self) -> str:
        counts = self.script_counts
        return max(counts, key=counts.__getitem__) if counts else "Common"
