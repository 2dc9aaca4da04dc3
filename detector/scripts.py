"""Unicode scripts of words: which writing system a token is in.

>>> script_of("Putin")
'Latin'
>>> script_of("말했다")
'Hangul'
>>> sorted(scripts_in("Mоscow"))   # the 'о' is Cyrillic
['Cyrillic', 'Latin']
"""

from __future__ import annotations

from functools import lru_cache

import regex

# One named group per script we name in messages. Order matters only for
# speed: the common ones first. ``Other`` catches letters of any other script.
_SCRIPT_OF_LETTER = regex.compile(
    r"(?P<Latin>\p{Script=Latin})"
    r"|(?P<Hangul>\p{Script=Hangul})"
    r"|(?P<Han>\p{Script=Han})"
    r"|(?P<Hiragana>\p{Script=Hiragana})"
    r"|(?P<Katakana>\p{Script=Katakana})"
    r"|(?P<Cyrillic>\p{Script=Cyrillic})"
    r"|(?P<Greek>\p{Script=Greek})"
    r"|(?P<Arabic>\p{Script=Arabic})"
    r"|(?P<Hebrew>\p{Script=Hebrew})"
    r"|(?P<Devanagari>\p{Script=Devanagari})"
    r"|(?P<Thai>\p{Script=Thai})"
    r"|(?P<Other>\p{L})"
)

#: Scripts whose text is written with no spaces between words (or, for
#: Hangul, with spaces but no case): used by the sentence splitter.
CASELESS_SCRIPTS = frozenset(
    {"Hangul", "Han", "Hiragana", "Katakana", "Arabic", "Hebrew", "Devanagari", "Thai"}
)

#: Human names of scripts, for messages.
SCRIPT_LANGUAGE_HINT = {
    "Hangul": "Korean",
    "Hiragana": "Japanese",
    "Katakana": "Japanese",
    "Han": "Chinese",
    "Cyrillic": "Cyrillic-script",
    "Greek": "Greek",
    "Arabic": "Arabic-script",
    "Hebrew": "Hebrew",
    "Devanagari": "Devanagari-script",
    "Thai": "Thai",
}


@lru_cache(maxsize=65536)
def scripts_in(word: str) -> frozenset[str]:
    """The set of scripts of the letters in ``word`` (empty if it has none)."""
    if word.isascii():
        return _LATIN if any(c.isalpha() for c in word) else frozenset()
    return frozenset(m.lastgroup for m in _SCRIPT_OF_LETTER.finditer(word))


@lru_cache(maxsize=65536)
def script_of(word: str) -> str:
    """The script of most letters of ``word``; ``Common`` when it has no letter.

    Ties go to the first letter's script so the result is deterministic.
    """
    if word.isascii():
        return "Latin" if any(c.isalpha() for c in word) else "Common"
    counts: dict[str, int] = {}
    for m in _SCRIPT_OF_LETTER.finditer(word):
        counts[m.lastgroup] = counts.get(m.lastgroup, 0) + 1
    if not counts:
        return "Common"
    return max(counts, key=counts.__getitem__)


_LATIN = frozenset({"Latin"})
