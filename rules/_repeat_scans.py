"""Shared scans of the duplication rules: sentence keys and the C-level
searches for candidate repeats, so that DU002 and DU003 tokenize only the
few lines or sentences that may hold a finding (see ``rules/duplication.py``).
"""

from __future__ import annotations

import operator
import re
from itertools import compress, repeat
from operator import itemgetter

import regex

from detector.document import Document
from detector.segment import fast_tokenizable

_NOT_WORD = regex.compile(r"[^\p{L}\p{N}]+")


def sentence_key(sentence: str) -> str:
    """A sentence normalised for case, white space, quote style and punctuation.

    >>> sentence_key('China is “willing”,  he said.') == sentence_key('china is "willing" he said')
    True
    """
    return _NOT_WORD.sub(" ", sentence.casefold()).strip()


# On ASCII text, `sentence_key` is a character map (letters lower-cased,
# every other character a space) and a join of the words: done once over the
# whole text, then sliced per sentence, at a fraction of the cost of `sub`.


_ASCII_KEY_BYTES = bytes(
    ord(c.lower()) if c.isalnum() else ord(" ") for c in map(chr, range(128))
) + b" " * 128


def _ascii_folded(doc: Document) -> str:
    # bytes.translate: a table lookup per byte, far faster than str.translate
    return doc.text.encode("ascii").translate(_ASCII_KEY_BYTES).decode("ascii")


def _folded(doc: Document) -> str | None:
    """The text with every sentence's key made by slicing it (see
    ``sentence_key``), or None when the text is not plain enough."""
    if doc.text.isascii():
        return doc.memo(_ascii_folded)
    if fast_tokenizable(doc.text):
        # The same map: the other characters are typographic, no letter or
        # digit; each becomes one `?` (one character), then a space.
        return doc.text.encode("ascii", "replace").translate(_ASCII_KEY_BYTES).decode("ascii")
    return None


# On other text, a character map too when case folding keeps every
# character one character (`ß` becomes `ss`): every character that is no
# letter or digit becomes a space.
_NOT_WORD_CHARACTER = regex.compile(r"[^\p{L}\p{N}]")


def _folded_any(doc: Document) -> str | None:
    folded = doc.text.casefold()
    return _NOT_WORD_CHARACTER.sub(" ", folded) if len(folded) == len(doc.text) else None


# DU002 and DU003 look for rare things: a scan in C finds the sentences or
# lines that may hold one (a superset), and only those are tokenized and
# checked word by word (``doc.line_words``), with the very logic that would
# run over the whole document. Findings never cross a line (the words of one
# are separated by spaces only), and tokens never hold white space, so a
# line's words are exactly the document's words there. The scans are written
# for text that `fast_tokenizable` accepts (ASCII letters and digits; its
# other characters are no word characters); other text has every line (or
# sentence) checked.


def _lowered(doc: Document) -> str | None:
    """The text in lower case, when the scans apply to it (else None)."""
    return doc.text.lower() if fast_tokenizable(doc.text) else None


def _lines_of(doc: Document, offsets) -> list[int]:
    """Sorted indices of the lines that hold these offsets."""
    return sorted(set(map(doc.line_index, offsets)))


def _all_lines(doc: Document) -> range:
    return range(len(doc.line_starts))


# Two words with the same head (the part before any apostrophe or hyphen)
# separated by spaces: `the the`, `nation nation's`, `third third-party`,
# and, tried from inside a word, `oil-rich rich`; a word's head holds a
# letter (`0-1 0-0` in a table of scores is no candidate); or (group 2) a word of
# letters made of two equal halves: `werewere`. A word never follows a
# letter directly, hence the character before it, which is matched too (a
# space is put before the text): a pattern that starts with a set of
# characters is tried only where one of them is, not at every character,
# the way `(?<![a-z])` would be. The head is the whole run of letters and
# digits, never a part of it: captured in a lookahead and matched again, the
# way of writing an atomic group that Python 3.10's `re` understands. The
# other repeats need no such guard: giving back a character could never let
# what follows match.
_DOUBLE_CANDIDATE = re.compile(
    r"[^a-z](?:(?=[0-9]*[a-z])(?=([a-z0-9]+))\1[a-z0-9'’-]*[ \t\xa0]+\1|([a-z]{2,})\2)(?![a-z0-9])"
)


def _double_candidates(doc: Document) -> list[tuple[int, int, int, int]]:
    """Where doubled words may be: (core start, core end, start, end) of
    stretches to tokenize (``start``-``end``), findings coming only from
    pairs whose first word starts in the core (a match of the scan from the
    start of its chunk, the text between white space; cores do not overlap,
    so each pair is looked at once); the stretch adds two chunks on each
    side, for the neighbours of the core's pairs. A plain text is scanned
    with the cheaper patterns of ``_double_scan`` (the same matches or
    more); in a text that is not plain as a whole, ``_DOUBLE_CANDIDATE``
    runs line by line (its matches never cross a line) over the plain
    lines, and every other line is one stretch."""
    low = doc.memo(_lowered)
    text = doc.text
    if low is not None:
        from detector.rules._double_scan import plain_double_candidates

        return plain_double_candidates(doc)
    out: list[tuple[int, int, int, int]] = []
    core_end = 0
    starts = doc.line_starts
    for start, next_start in zip(starts, starts[1:] + [len(text) + 1]):
        line = text[start : next_start - 1]
        if fast_tokenizable(line):
            _scanned(text, line.lower(), start, core_end, out)
        elif line.strip():
            out.append((start, next_start - 1, start, next_start - 1))
        if out:
            core_end = out[-1][1]
    return out


def _scanned(text: str, low: str, offset: int, core_end: int, out: list) -> list:
    """Append to ``out`` the stretches of the scan's matches in ``low``, the
    lower-cased text from ``offset`` on, after a core ending at ``core_end``."""
    for m in _DOUBLE_CANDIDATE.finditer(" " + low):
        # The core starts with the match's chunk (`oil-rich rich` is found
        # at `rich`), or where the previous core ended: cores never overlap.
        # (The match starts with the character before the word, and the
        # space put first shifts it back by one.)
        match_start = offset + m.start()
        core_start = max(_chunks_back(text, match_start, 0), core_end)
        core_end = offset + m.end() - 1
        out.append((core_start, core_end, _chunks_back(text, match_start, 2), _chunks_ahead(text, core_end, 2)))
    return out


def _double_candidate_words(doc: Document) -> list[tuple[int, int, list]]:
    """(core start, core end, words of the stretch) of each place of
    ``_double_candidates``, tokenized once for DU003's two checks."""
    return [(core_start, core_end, doc.words_in(start, end))
            for core_start, core_end, start, end in doc.memo(_double_candidates)]


# White space that no tokenizer puts inside a token (`Document.words_in`).
_BREAKS = (" ", "\t", "\n", "\r")


def _chunks_back(text: str, at: int, extra: int) -> int:
    """Start of the chunk holding ``at``, and of ``extra`` chunks before it."""
    start = max(map(text.rfind, _BREAKS, repeat(0), repeat(at))) + 1
    for _ in range(extra):
        i = start - 1
        while i >= 0 and text[i] in _BREAKS:
            i -= 1
        if i < 0:
            break
        start = max(map(text.rfind, _BREAKS, repeat(0), repeat(i))) + 1
    return start


def _chunks_ahead(text: str, at: int, extra: int) -> int:
    """End of the chunk holding ``at - 1``, and of ``extra`` chunks after it."""
    n = len(text)
    end = min((i for i in map(text.find, _BREAKS, repeat(at)) if i >= 0), default=n)
    for _ in range(extra):
        i = end
        while i < n and text[i] in _BREAKS:
            i += 1
        if i >= n:
            break
        end = min((j for j in map(text.find, _BREAKS, repeat(i)) if j >= 0), default=n)
    return end


def _glued_double_words(doc: Document) -> list[tuple]:
    """(word, lower-cased) of the words made of two equal halves, four
    letters or more (`werewere`), in text order."""
    # The words that start in a match (a glued double inside a match of a
    # doubled word, `werewere werewere`, is not matched apart), or anywhere
    # when the scan does not apply.
    words = {}
    for _, _, stretch in doc.memo(_double_candidate_words):
        for word in stretch:
            words[word.start] = word
    out = []
    for start in sorted(words):
        word = words[start]
        low = word.text.lower()
        half = len(low) // 2
        if len(low) >= 4 and not len(low) % 2 and low[:half] == low[half:]:
            out.append((word, low))
    return out


_match_start = operator.methodcaller("start")


# A repeated phrase `P1 P2 … Ps [and|or|&] P1 P2 … Ps` has only spaces (and
# perhaps a comma) between its words, so it lies inside one sentence, and
# the sentence's key words (`sentence_words`: its letters and digits, split
# at everything else; a word gives one or more) hold a run of two or more
# repeated at once (`&` has no key word and is no DU002 word), or
# after the key word `and` or `or` (DU002's only connectors between the
# copies; `of the start of the` is prose). A pair of neighbours seen twice
# (one sentence in ten, checked in C) comes first; the run is then looked
# for around each repeated pair.
#
# The argument needs every word to start at a key word's start. On plain
# text a word follows a letter or digit only after a number with a
# separator (`1.5am`: the number `1.5`, the word `am`, the key word `5am`):
# such a sentence is checked when its key words, with the digits before
# each cut off, hold a repeat. In a document that is not plain
# as a whole, each plain sentence is tokenized as in a plain document
# (``Document.words_in``) and has its key words checked so; the others are
# always checked.

# The key words of DU002's connectors (`_CONNECTORS` there) that have one.
_CONNECTOR_KEYS = frozenset({"and", "or"})
# A number with a separator glued to the letters after it: `1.5am`, `2,000km`.
_NUMBER_BEFORE_LETTER = re.compile(r"[0-9][.,:][0-9]+[A-Za-z]")
# The same on ASCII text mapped to the shapes of its characters (digits `0`,
# letters `a`, separators `.`, the rest spaces): a literal start that the
# scan finds fast, where the pattern above is tried at every character.
_CHARACTER_SHAPES = bytes(
    ord("0") if c.isdigit() else ord("a") if c.isalpha() else ord(".") if c in ".,:" else ord(" ")
    for c in map(chr, range(128))
) + b" " * 128
_NUMBER_BEFORE_LETTER_SHAPE = re.compile(rb"0\.0+a")
_DIGITS = "0123456789"


def _letters_after_numbers(text: str) -> list[int]:
    """Offsets of the letters glued to a number with a separator."""
    if text.isascii():
        shapes = text.encode("ascii").translate(_CHARACTER_SHAPES)
        return [m.end() - 1 for m in _NUMBER_BEFORE_LETTER_SHAPE.finditer(shapes)]
    return [m.end() - 1 for m in _NUMBER_BEFORE_LETTER.finditer(text)]


def _phrase_sentences(doc: Document) -> list[tuple[int, int]]:
    """(start, end) of the sentences that may hold a repeated phrase."""
    sentences = doc.sentences
    text = doc.text
    word_lists = doc.memo(sentence_words)
    if word_lists is None:
        return [(s.start, s.end) for s in sentences]
    if doc.memo(_folded) is None:  # not plain as a whole: the plain sentences' key words only
        word_lists = [
            words if fast_tokenizable(text[s.start : s.end]) else None for words, s in zip(word_lists, sentences)
        ]
    out = [
        i for i, words in enumerate(word_lists)
        if words is None
        or len(words) >= 4 and len(set(zip(words, words[1:]))) < len(words) - 1 and _holds_repeat(words)
    ]
    glued = set(map(doc.sentence_index, _letters_after_numbers(text))).difference(out, {None})
    if glued:
        # their key words again with the digits glued before a word cut off
        # (a word's own leading digits go in both copies alike)
        for i in glued:
            words = [word.lstrip(_DIGITS) or word for word in word_lists[i]]
            if len(words) >= 4 and _holds_repeat(words):
                out.append(i)
        out.sort()
    return [(sentences[i].start, sentences[i].end) for i in out]


def _holds_repeat(words: list[str]) -> bool:
    """Do ``words`` hold a run of two or more words repeated at once
    (``a b a b``) or after `and` or `or` (``a b and a b``)?"""
    pairs = list(zip(words, words[1:]))
    n = len(pairs)
    # the first place of each pair, and the places of a pair seen before (in C)
    first = dict(zip(reversed(pairs), range(n - 1, -1, -1)))
    for j in compress(range(n), map(operator.ne, map(first.__getitem__, pairs), range(n))):
        pair = pairs[j]
        for i in compress(range(first[pair], j), map(pair.__eq__, pairs[first[pair] : j])):
            run = j - i  # back to back: words[i:j] again from j
            if run >= 2 and words[i:j] == words[j : j + run]:
                return True
            if run >= 3 and words[j - 1] in _CONNECTOR_KEYS and words[i : j - 1] == words[j : j + run - 1]:
                return True  # `and` or `or` between the copies
    return False


def sentence_words(doc: Document) -> list[list[str]] | None:
    """Each sentence's words as in its DU001 key (lower case, split at
    anything but letters and digits), sliced from one map of the whole
    text; sentence by sentence where case folding changes the length."""
    folded = doc.memo(_folded)
    sentences = doc.sentences
    if folded is None:
        folded = doc.memo(_folded_any)
    if folded is None:
        text = doc.text
        return [sentence_key(text[s.start : s.end]).split() for s in sentences]
    return list(map(str.split, map(folded.__getitem__, map(slice, map(itemgetter(0), sentences),
                                                            map(itemgetter(1), sentences)))))
