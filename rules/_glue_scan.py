"""Where glued words may be, found without the shared token list.

The glued-word rule (SP002) only ever looks at the few words of a document
that are not in the lexicon. Tokenising the whole text in Python to find them
costs far more than the rule itself, so the scan stays in C:

1. the UTF-8 bytes are folded in one ``bytes.translate`` (upper to lower
   case, every ASCII character that is no letter, digit or ``_`` to a space)
   and ``split()``;
2. each token is looked up once in the lexicon (without its web glues,
   `ofthe`) by a C-level ``filterfalse``, which leaves the unknown tokens
   and the glues (a dozen per article); no set of all the tokens is built;
3. only those are looked at in Python, through caches that answer in C for
   a token or word seen before: a token with other characters in it
   (digits, curly quotes, accents) is cut into its letter runs, and each
   unknown run of four letters or more that SP002 may split is found in
   the text with ``str.find`` and checked for what surrounds it
   (hyphenated words, ``'s``, hashtags, handles, paths, domains, code);
4. a capital inside a word (`saidWe`, `HBOprograms`) is found with one
   stdlib pattern over the case shape of the bytes, led by the capital.

The cost that stays is the lookup of every distinct word of the document in
the 43,000-word lexicon: in a full run of the default rules the lexicon is
out of the CPU caches when SP002 starts a document, and those lookups take
about twice as long as in a loop of SP002 alone.

>>> from detector.document import Document
>>> doc = Document("Xi spoke onsovereignty in a #hashtagword and theindustry's peak.")
>>> glue_candidates(doc)
([(9, 22, 'onsovereignty'), (45, 56, 'theindustry')], [], [])
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from itertools import chain, filterfalse
from operator import methodcaller
from typing import Callable

from detector.document import Document
from detector.rules._glue import SUFFIXES, _load, lexicon, split_glued
from detector.rules._glue_chain import (
    MIN_NAME_LENGTH, after_name, chain_split, ends_with_part, partner_split, segmentable_from,
    splits_in_two_or_three, zipf_of,
)
from detector.scripts import script_of

MIN_LENGTH = 4  # shorter unknown words are abbreviations, not glues


def _fold_table() -> bytes:
    """ASCII upper case to lower case, ASCII letters, digits and ``_`` kept,
    every other ASCII byte to a space; bytes of multi-byte UTF-8 characters
    are kept, so a token holding one is looked at again (see above)."""
    table = bytearray(range(256))
    for i in range(128):
        c = chr(i)
        if "A" <= c <= "Z":
            table[i] = ord(c.lower())
        elif not (c.isalnum() or c == "_"):
            table[i] = ord(" ")
    return bytes(table)


_FOLD = _fold_table()
# Lower-case ASCII letters to `a`, upper-case ones to `A`, anything else to a
# space: a lower-case letter before a capital (`saidWe`) is then `aA`, found
# with `bytes.find` (a regular expression scans far slower).
_CASE_SHAPE = bytes(
    ord("a") if 97 <= i <= 122 else ord("A") if 65 <= i <= 90 else ord(" ") for i in range(256)
)
# A run of ASCII letters that is a whole word: no letter (of any script),
# digit or `_` touches it (`café`, `mp3`, `my_function` are not runs).
_LETTER_RUN = re.compile(r"(?<!\w)[a-z]{%d,}(?!\w)" % MIN_LENGTH)

# Characters that make a glued-looking word part of something else: hashtags,
# handles, paths, identifiers.
CODE_NEIGHBOURS = frozenset("#@_/\\=<>{}[]|`~$%^*+.")
_APOSTROPHES = "'’"
_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'’-")


@lru_cache(maxsize=1)
def _lexicon_bytes() -> tuple[frozenset[bytes], frozenset[bytes]]:
    """(the lexicon's words but its web glues, the web glues), as UTF-8
    bytes: a token not in the first set is unknown or a web glue."""
    frequent, known, glue_like, _vocabulary = _load()
    glues = frozenset(w.encode() for w in glue_like)
    words = frozenset(w.encode() for w in frequent) | frozenset(w.encode() for w in known)
    return words - glues, glues


def unknown_words(text: str, data: bytes | None = None) -> set[str]:
    """The distinct lower-case runs of ASCII letters (four or more) of
    ``text`` (whose UTF-8 bytes are ``data``, if known) that the lexicon
    does not know, or knows as web glues."""
    words, _glue_like = _lexicon_bytes()
    if data is None:
        data = text.encode("utf-8", "surrogatepass")
    # Each token is looked up once (hashed once), in C: no set of all the
    # tokens is built; only the unknown ones (a few per cent) are kept, and
    # each of them is read by a cached function (a C-level call when cached).
    unknown = set(filterfalse(words.__contains__, data.translate(_FOLD).split()))
    return set(chain.from_iterable(map(_words_of_token, unknown)))


@lru_cache(maxsize=65536)
def _words_of_token(token: bytes) -> tuple[str, ...]:
    """The runs of an unknown folded token that :func:`unknown_words` keeps."""
    if len(token) < MIN_LENGTH or token.isdigit():
        return ()
    if token.isalpha():  # ASCII letters only (bytes.isalpha)
        return (token.decode(),)
    # Digits, `_` or other characters: the letter runs inside that are
    # whole words (`“onsovereignty`, not `caf` of `café` nor `mp` of `mp3`).
    words, glue_like = _lexicon_bytes()
    return tuple(
        run for run in _LETTER_RUN.findall(token.decode("utf-8", "replace").lower())
        if run.encode() not in words or run.encode() in glue_like
    )


def _is_word_char(c: str) -> bool:
    return c.isalnum() or c == "_"


def glue_candidates(
    doc: Document, worth_a_look: Callable[[str], bool] = lambda word: True
) -> tuple[list[tuple[int, int, str]], list[tuple[int, int, str]], list[int]]:
    """The places where a word may be glued, in text order: (start, end,
    lower-case word) of the plain ones, lower case or capitalised; the same
    for the words that start with the end of a contraction (`'s`, `n't`,
    `'re`…: `industry'sfirst`, `don'tdrink`);
    and the start of each run of letters with a capital inside (`saidWe`,
    `theUN`, `FrankSkinner`, `HBOprograms`), for the camel-case checks.

    A plain word is not in the lexicon, is plain ASCII letters and is not
    part of code, a path, a handle or a domain. Of a hyphenated word only
    the first and last parts count (`offull-time`); a final `'s` is left out
    (`theindustry's`); other words with an apostrophe (`don't`, `o'clock`)
    are not looked at.

    ``worth_a_look(word)`` tells whether a lower-case unknown word may be
    glued at all when written in lower case or capitalised; the others are
    only looked for where written with a capital inside.
    """
    text = doc.text
    data = text.encode("utf-8", "surrogatepass")
    unknown = unknown_words(text, data)
    plain: list[tuple[int, int, str]] = []
    after_s: list[tuple[int, int, str]] = []
    mixed: list[int] = []
    n = len(text)
    looked_for = list(filter(worth_a_look, unknown))  # C-level calls when cached
    if looked_for:
        lowered = text.lower()
        if len(lowered) != len(text):  # a few characters lower-case to two (`İ`)
            lowered = "".join(c.lower()[:1] for c in text)
        for word in looked_for:
            size = len(word)
            at = lowered.find(word)
            while at >= 0:
                end = at + size
                if (at == 0 or not _is_word_char(lowered[at - 1])) and (end == n or not _is_word_char(lowered[end])):
                    run = text[at:end]
                    if run.islower() or (run[0].isupper() and run[1:].islower()):
                        if _plain_word(text, at, end, n):
                            plain.append((at, end, word))
                        elif contraction_end(word) and _after_apostrophe(text, at, word):
                            after_s.append((at, end, word))
                at = lowered.find(word, end)
        plain.sort()
        after_s.sort()
    # Humps: `aA` or `AAa` in the case shape of the UTF-8 bytes (where a
    # byte offset is a character offset only up to the first non-ASCII
    # character), each found at its capital `A`, back to the word's first
    # letter (the shape has a space before it).
    shape = data.translate(_CASE_SHAPE)
    ascii_text = len(data) == n
    starts = {shape.rfind(b" ", 0, hump) + 1 for hump in map(_start_of, _HUMP.finditer(shape))}
    for start in sorted(starts):
        mixed.append(start if ascii_text else len(data[:start].decode("utf-8", "surrogatepass")))
    return plain, after_s, mixed


# A capital after a lower-case letter (`saidWe`, `FrankSkinner`) or before a
# capital and a lower-case letter (`HBOprograms`), in the case shape: the
# capital first, a literal (a fast scan; `bytes.find` of `aA` is slower, its
# `a` is everywhere).
_HUMP = re.compile(rb"A(?:(?<=aA)|(?=Aa))")
_start_of = methodcaller("start")


# The ends of `'s`, `n't`, `'re`, `'ll`, `'ve`, `'d`, `'m`, longest first.
CONTRACTION_ENDS = ("re", "ll", "ve", "s", "t", "d", "m")


def contraction_end(run: str) -> str:
    """The end of a contraction that ``run`` (a run of letters just after an
    apostrophe) starts with, or ''."""
    if not run.startswith(CONTRACTION_ENDS):
        return ""  # most words, answered in C
    for end in CONTRACTION_ENDS:
        if run.startswith(end) and len(run) - len(end) >= 3:
            return end
    return ""


def _after_apostrophe(text: str, at: int, run: str) -> bool:
    """A run that starts with the end of a contraction glued to the next word
    (`industry'sfirst`, `don'tdrink`): after an apostrophe after a word of
    two letters or more (not `d'Ivoire`, `O'sullivan`)."""
    if not (at >= 2 and text[at - 1] in _APOSTROPHES and text[at - 2].isalpha()):
        return False
    if not (at >= 3 and text[at - 3].isalpha() or text[at - 2] == "I"):
        return False  # one letter before: only `I'dlike`, `I'mproud`
    return contraction_end(run) != "t" or text[at - 2] == "n"





def _plain_word(text: str, start: int, end: int, n: int) -> bool:
    """Whether the letter run ``text[start:end]`` is a word of prose as the
    rule reads it: neither inside code nor after an apostrophe, nor the
    middle of a hyphenated word."""
    before = text[start - 1] if start else ""
    after = text[end] if end < n else ""
    if before in _APOSTROPHES and start >= 2 and text[start - 2].isalpha():
        return False  # `o'clock`, `don't`: a glued `'s` is looked for elsewhere
    if after in _APOSTROPHES and end + 1 < n and text[end + 1].isalpha():
        if text[end + 1] != "s" or end + 2 < n and text[end + 2].isdigit():
            return False  # `weren't`; `theindustry's` is kept, `industry'sfirst` too
        token_end = end + 2
    else:
        token_end = end
    token_start = start
    if before == "-" and start >= 2 and text[start - 2].isalnum():
        if after == "-" and end + 1 < n and text[end + 1].isalnum():
            return False  # the middle of `state-of-the-art`
        while token_start > 0 and text[token_start - 1] in _WORD_CHARS:
            token_start -= 1  # the last part of a hyphenated word
    elif after == "-" and end + 1 < n and text[end + 1].isalnum():
        while token_end < n and text[token_end] in _WORD_CHARS:
            token_end += 1  # the first part of a hyphenated word
    if token_start > 0 and text[token_start - 1] in CODE_NEIGHBOURS:
        return False
    if token_end < n and text[token_end] in CODE_NEIGHBOURS and not (
        text[token_end] == "." and (token_end + 1 >= n or not text[token_end + 1].isalnum())
    ):
        return False
    if token_start > 0 and unicodedata.category(text[token_start - 1]) == "Cf" or (
        token_end < n and unicodedata.category(text[token_end]) == "Cf"
    ):
        return False  # a word cut by an invisible character (`regiona\u200bl`): EN's
    return True


# A word of a sentence for the language check: letters with inner
# apostrophes or hyphens (which make it no plain word, as in the tokenizer).
_SENTENCE_WORD = re.compile(r"(?<!\w)[^\W\d_]+(?:['’\-][^\W\d_]+)*(?!\w)")


def english_sentence(doc: Document, at: int, cache: dict) -> bool:
    """Whether the sentence around ``at`` is mostly English words: a glued
    word is only looked for in English, not in a quoted foreign sentence
    (`Isso é apenas evasivas`, `vanno fatti a 360 gradi`)."""
    i = doc.sentence_index(at)
    if i is None:
        return True
    if i not in cache:
        frequent, known, _glue_like, vocabulary = _load()
        span = doc.sentences[i]
        # Latin-script plain words only: Korean in an English sentence is
        # another rule's business and must not hide a glued word next to it.
        words = [
            w.lower() for w in _SENTENCE_WORD.findall(doc.text, span.start, span.end)
            if w.isalpha() and (w.isascii() or script_of(w) == "Latin")
        ]
        hits = sum(1 for w in words if w in frequent or w in known or w in vocabulary)
        cache[i] = len(words) < 4 or hits >= 0.6 * len(words)
    return cache[i]


# Code and menus: braces, assignments, statement ends, pipes, tags, calls
# (`goPrint()`; a trademark sign `Maestro(TM)`, `Hertz(R)` is prose).
_CODE_CHARS = re.compile(r"[{}|]|\w\((?!(?:R|TM|SM|C)\))|\w\s*!?=\s*\S")


def in_prose(text: str, at: int, min_words: int = 4) -> bool:
    """The line around ``at`` reads as prose: four words or more and no code
    or menu characters (`obj.style.lineHeight = …`, `Bingochecker |`, a
    menu item `myAdvertiser`)."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    line = text[start : end if end >= 0 else len(text)]
    return len(line.split()) >= min_words and not _CODE_CHARS.search(line)


# -- what SP002 asks of a candidate ----------------------------------------------

@lru_cache(maxsize=65536)
def worth_a_look(word: str) -> bool:
    """Whether unknown ``word`` may be a glue in some case or context: only
    those are looked for in the text."""
    # Every split a check accepts is a run of parts (see segmentable_from)
    # from where it starts: the whole word for the splits into words
    # (split_glued's, a chain, partner_split's), the word after a
    # contraction's end, the words after a name (four letters or more).
    # Most unknown words are names, and most names are no such run from any
    # of these places: half of them do not even end with a part (answered
    # in C), the others by the one look at the word's substrings that the
    # checks share.
    n = len(word)
    if n < MIN_LENGTH:
        return False  # every check asks for four letters or more
    if not ends_with_part(word):
        return False  # (every split ends with a part)
    if after_contraction(word) is not None:
        return True  # `'sfirst`, `n'tdrink`: one lookup, no need of the runs of parts
    from_here = segmentable_from(word)
    if from_here[0]:
        if splits_in_two_or_three(word) and (
            split_glued(word, True) is not None or split_glued(word, False) is not None
            or partner_split(word) is not None  # next to another glue
        ):
            return True
        if chain_split(word) is not None:
            return True
    return True in from_here[MIN_NAME_LENGTH : n - 2] and bool(after_name(word))


def after_contraction(word: str) -> tuple[str, str] | None:
    """(end of a contraction, word) for a run that glues them (`sfirst` of
    `industry'sfirst`), or None: the word must be a lexicon word of three
    letters or more, and no word ending (`'s|ness`)."""
    end = contraction_end(word)
    rest = word[len(end):]
    if not end or zipf_of(rest) is None:
        return None
    if rest in SUFFIXES and lexicon()[rest] >= 1000:
        return None  # an ending (`ness`, `ship`); common words (`like`, `out`) are words
    return end, rest


# The words right before and after a token, on its line.
_WORD_BEFORE_TOKEN = re.compile(r"([^\W\d_]+)[^\w\n]{1,3}$")
_WORD_AFTER_TOKEN = re.compile(r"[^\w\n]{1,3}([^\W\d_]+)")


def foreign_neighbour(text: str, start: int, end: int) -> bool:
    """Whether a lower-case word next to ``text[start:end]`` has letters
    English has not (`möglichkeit besuch`, `comptables débouché`): the token
    is then likely a foreign word among foreign words, another rule's
    business. (Unknown ASCII words next to it prove nothing: `strongmen`.)"""
    before = _WORD_BEFORE_TOKEN.search(text, max(0, start - 40), start)
    after = _WORD_AFTER_TOKEN.match(text, end, end + 40)
    for m in (before, after):
        if m is None:
            continue
        word = m.group(1)
        if len(word) >= 4 and word.islower() and not word.isascii():
            return True
    return False
