"""Shared scans of the duplication rules: sentence keys and the C-level
searches for candidate repeats, so that DU002 and DU003 tokenize only the
few lines or sentences that may hold a finding (see ``rules/duplication.py``).
"""

from __future__ import annotations

import operator
import re
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
# and, tried from inside a word, `oil-rich rich`; or (group 2) a word of
# letters made of two equal halves: `werewere`. A word never follows a
# letter directly, hence the look-behind. Possessive: no backtracking.
_DOUBLE_CANDIDATE = re.compile(
    r"(?<![a-z])(?:([a-z0-9]++)[a-z0-9'’-]*+[ \t\xa0]++\1|([a-z]{2,})\2)(?![a-z0-9])"
)


def _double_candidates(doc: Document) -> tuple:
    """(lines that may hold a doubled word, (start, end) of the words that
    may be glued doubles); every line and word when the scan does not apply."""
    low = doc.memo(_lowered)
    if low is None:
        return _all_lines(doc), None
    lines, glued = set(), []
    for m in _DOUBLE_CANDIDATE.finditer(low):
        if m.group(2) is None:
            lines.add(doc.line_index(m.start()))
        else:
            glued.append(m.span())
    return sorted(lines), glued


def _glued_double_words(doc: Document) -> list[tuple]:
    """(word, lower-cased) of the words made of two equal halves, four
    letters or more (`werewere`), in text order."""
    lines, spans = doc.memo(_double_candidates)
    # A line that may hold a doubled word is checked whole: the scan does
    # not look for a glued double inside a match (`werewere werewere`).
    words = {w.start: w for line in lines for w in doc.line_words(line)}
    for start, end in spans or ():
        for word in doc.line_words(doc.line_index(start)):
            if word.start == start:
                if word.end == end:
                    words[start] = word
                break
    words = [words[start] for start in sorted(words)]
    out = []
    for word in words:
        low = word.text.lower()
        half = len(low) // 2
        if len(low) >= 4 and not len(low) % 2 and low[:half] == low[half:]:
            out.append((word, low))
    return out


_match_start = operator.methodcaller("start")


# A repeated phrase `P1 P2 … Ps [and|or] P1 P2 … Ps` has only spaces (and
# perhaps a comma) between its words, so it lies inside one sentence, and
# the sentence's key words (`sentence_words`: its letters and digits, split
# at everything else) hold a pair of neighbours twice. One sentence in ten
# does; only those are checked word by word.


def _phrase_sentences(doc: Document) -> list[tuple[int, int]]:
    """(start, end) of the sentences that may hold a repeated phrase."""
    sentences = doc.sentences
    word_lists = doc.memo(sentence_words)
    if word_lists is None:
        return [(s.start, s.end) for s in sentences]
    return [
        (sentences[i].start, sentences[i].end) for i, words in enumerate(word_lists)
        if len(words) >= 4 and len(set(zip(words, words[1:]))) < len(words) - 1
    ]


def sentence_words(doc: Document) -> list[list[str]] | None:
    """Each sentence's words as in its DU001 key (lower case, split at
    anything but letters and digits), on ASCII text; None otherwise."""
    if not doc.text.isascii():
        return None
    folded = doc.memo(_ascii_folded)
    sentences = doc.sentences
    return list(map(str.split, map(folded.__getitem__, map(slice, map(itemgetter(0), sentences),
                                                            map(itemgetter(1), sentences)))))
