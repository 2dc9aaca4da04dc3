"""DU003's candidate scan on plain text (``fast_tokenizable``), cheaper than
one pattern tried before every word (``_DOUBLE_CANDIDATE`` in
``_repeat_scans``, which still serves the plain lines of other text).

That pattern matches, from a character that is no letter, a run of letters
and digits holding a letter (the head ``H``), the rest of its word (letters,
digits, apostrophes, hyphens), spaces, and ``H`` again as a whole run:
`the the`, `nation nation's`, `third-party third-party-led`, `oil-rich
rich`, `1.5am am`; or a word of letters made of two equal halves,
`werewere`. Here the same matches, or more, are found so:

* in one map of the text (``_joined_fold``: letters lower-cased, every digit
  `0`, every apostrophe or hyphen `-`, the spaces between words (space, tab,
  no-break space) a space, everything else `.`), the pattern is split by
  the character before the head: a space, `-`, `0` or `.`, each a literal
  that the scan looks for fast, instead of a set of characters tried at
  every one. Equal runs stay equal under the map, so nothing the original
  matches is lost;
* a word made of two equal halves is a whole key word of DU001's keys
  (``sentence_words``), perhaps after the digits of a number glued before
  it (`1.5haha`): the document's distinct key words are judged once per
  process (a cache shared by all documents), and the few that are doubles
  are looked up in the map.

Each match gives a core (findings only from pairs whose first word starts
there; cores never overlap) and a stretch to tokenize around it, as before.
"""

from __future__ import annotations

import operator
import re
from itertools import chain

from detector.document import Document
from detector.rules._repeat_scans import _chunks_ahead, _chunks_back, sentence_words

# The map: letters lower-cased, digits `0`, the joiners of words `'` and `-`
# as `-` (`’` is made `'` first), the spaces that may separate a doubled word
# (` `, tab; the no-break space is made a space first) a space, every other
# character `.`.
_JOINED_FOLD_BYTES = bytes(
    ord(c.lower()) if c.isalpha() else ord("0") if c.isdigit() else ord("-") if c in "'-"
    else ord(" ") if c in " \t" else ord(".")
    for c in map(chr, range(128))
) + b"." * 128


def _joined_fold(doc: Document) -> str:
    """The map of the text, after one space (a word at the start of the
    text follows a character that is no letter, like any other)."""
    text = doc.text
    if not text.isascii():  # typographic text: `’` joins words, the rest are no letters
        text = text.replace("’", "'").replace("\xa0", " ").encode("ascii", "replace")
    else:
        text = text.encode("ascii")
    return " " + text.translate(_JOINED_FOLD_BYTES).decode("ascii")


# A head (a run holding a letter, taken whole), the rest of its word, spaces,
# and the head again as a whole run; after a space, a joiner, a digit or
# any other character that is no letter.
_REPEAT_AFTER = r"(?=0*+[a-z])([a-z0]++)[a-z0-]*+ ++\1(?![a-z0])"
_REPEATS = tuple(re.compile(re.escape(anchor) + _REPEAT_AFTER) for anchor in (" ", "-", "0", "."))

_DIGITS = "0123456789"
# Key words judged so far (by any document) and those of them that are a
# word of letters made of two equal halves, four letters or more, once the
# digits before it are cut off. Emptied when it grows past the bound.
_JUDGED: set[str] = set()
_GLUED: set[str] = set()
_JUDGED_AT_MOST = 200_000


# A key word (between spaces) of letters made of two equal halves, after
# any digits: judged for many words at once in one string.
_GLUED_KEY_WORD = re.compile(r" ([0-9]*+([a-z]{2,}?)\2)(?= )")
_first_group = operator.itemgetter(1)


def _glued_key_words(doc: Document) -> set[str]:
    """The document's key words that are glued doubles (`werewere`)."""
    words = set(chain.from_iterable(doc.memo(sentence_words)))
    new = words.difference(_JUDGED)
    if new:
        if len(_JUDGED) > _JUDGED_AT_MOST:
            _JUDGED.clear()
            _GLUED.clear()
            new = words
        _JUDGED.update(new)
        joined = " ".join((" ", *new, " "))
        _GLUED.update(map(_first_group, _GLUED_KEY_WORD.finditer(joined)))
    return words.intersection(_GLUED)


def _glued_places(folded: str, key_word: str) -> list[tuple[int, int]]:
    """(start, end) in the text of each whole run of letters ``key_word``
    (its digits cut off) that follows no letter: the glued double."""
    word = key_word.lstrip(_DIGITS)
    out = []
    at = folded.find(word, 1)
    while at >= 0:
        end = at + len(word)
        if not folded[at - 1].isalpha() and folded[end : end + 1] not in _LETTER_OR_DIGIT:
            out.append((at - 1, end - 1))
        at = folded.find(word, at + 1)
    return out


_LETTER_OR_DIGIT = frozenset("abcdefghijklmnopqrstuvwxyz0")


def plain_double_candidates(doc: Document) -> list[tuple[int, int, int, int]]:
    """(core start, core end, start, end) of the stretches to tokenize
    (see ``_double_candidates``) of a plain document."""
    folded = doc.memo(_joined_fold)
    # (start of the head, end of the match) in the text: the map has one
    # character before the text's first
    places = [(m.start(), m.end() - 1) for pattern in _REPEATS for m in pattern.finditer(folded)]
    for key_word in _glued_key_words(doc):
        places += _glued_places(folded, key_word)
    text = doc.text
    out = []
    core_end = 0
    for start, end in sorted(places):
        if end <= core_end:
            continue  # inside the last core, whose stretch reaches past it
        core_start = max(_chunks_back(text, start, 0), core_end)
        core_end = end
        out.append((core_start, core_end, _chunks_back(text, start, 2), _chunks_ahead(text, end, 2)))
    return out
