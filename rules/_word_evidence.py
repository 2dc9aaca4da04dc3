"""Word-level evidence for same-script foreign spans, from word frequencies.

A word is compared between the document's main language and the Latin-script
candidate languages with wordfreq's lists (Zipf scale: log10 of occurrences per
billion words). ``regierung`` is German 5.2 and English 1.1: a *strong* German
word. ``nicht`` (German 7.0, English 2.9: English text quotes German often
enough) only *leans* German: enough to extend a German span, never enough to
start one. ``die`` (English 5.1) is an English word. Established loanwords
(``data/loanwords.txt``) are never evidence.

>>> word_evidence("regierung", "en")[:2], word_evidence("nicht", "en")[:2], word_evidence("the", "en")[:2]
(('strong', 'de'), ('lean', 'de'), ('main', ''))
>>> word_evidence("limitspartnership", "en")[0], word_evidence("ofscrimmage", "en")[0]   # glued English
('main', 'main')
"""

from __future__ import annotations

import math
from functools import lru_cache
from importlib import resources

import regex

#: Latin-script languages we look for (those of the lingua test data that
#: wordfreq covers). Each is compared with the document's main language.
CANDIDATE_LANGUAGES = ("de", "fr", "es", "it", "pt", "nl", "sv", "pl", "tr", "id", "vi")

# Zipf thresholds (log10 of frequency per billion words).
STRONG_MIN_FOREIGN = 3.0  # frequent in the foreign language…
STRONG_MAX_MAIN = 2.5  # …rare in the main one…
STRONG_MARGIN = 2.0  # …and by a wide margin
LEAN_MARGIN = 1.0  # leaning: more frequent abroad by this much
FIT_MARGIN = 1.0  # fits a language: at most this much rarer there than in the main one
COMMON_MAIN = 4.0  # at least this frequent in the main language: never foreign


# -- word frequencies ---------------------------------------------------------------


@lru_cache(maxsize=None)
def _centibels(language: str) -> dict[str, int]:
    """word → minus its frequency in centibels (Zipf = 9 - value / 100).

    wordfreq's large list for English (it knows rare English words), the small
    one (Zipf ≥ 3) for the other languages. The cBpack files are read
    directly: wordfreq's own ``get_frequency_dict`` computes a float per word
    and takes three times as long, and a cold ``detector check`` pays for it.
    """
    wordlist = "large" if language == "en" else "small"
    buckets = _read_cbpack(language, wordlist)
    if buckets is None:  # an unexpected wordfreq layout: use its API
        import wordfreq

        freqs = wordfreq.get_frequency_dict(language, wordlist)
        return {w: round(-100 * math.log10(f)) for w, f in freqs.items()}
    table: dict[str, int] = {}
    for index, bucket in enumerate(buckets):
        table.update(dict.fromkeys(bucket, index))
    return table


def _read_cbpack(language: str, wordlist: str) -> list[list[str]] | None:
    """The buckets of a wordfreq cBpack file (see ``wordfreq.read_cBpack``),
    found without importing wordfreq; None if the file is not where expected."""
    import gzip
    from importlib.util import find_spec
    from pathlib import Path

    spec = find_spec("wordfreq")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(list(spec.submodule_search_locations)[0]) / "data" / f"{wordlist}_{language}.msgpack.gz"
    if not path.exists():
        return None
    import msgpack

    with gzip.open(path, "rb") as fh:
        pack = msgpack.load(fh, raw=False, strict_map_key=False)
    header = pack[0] if pack else {}
    if not isinstance(header, dict) or header.get("format") != "cB" or header.get("version") != 1:
        return None
    return pack[1:]


_COMPOUND = regex.compile(r"[-'’]")


@lru_cache(maxsize=65536)
def _zipf(word: str, language: str) -> float:
    """Zipf frequency of a lower-case word. A compound missing from the list
    (``anti-war``, ``l'état``) is as frequent as its rarest part."""
    centibels = _centibels(language).get(word)
    if centibels is not None:
        return 9.0 - centibels / 100
    if _COMPOUND.search(word):
        parts = [p for p in _COMPOUND.split(word) if len(p) > 1]
        if parts:
            return min(_zipf(p, language) for p in parts)
    return 0.0


@lru_cache(maxsize=65536)
def word_evidence(word: str, main: str) -> tuple[str, str, float]:
    """``(kind, language, margin)`` for a lower-case word: kind is ``main``,
    ``strong``, ``lean`` or ``unknown`` (in no list at all).

    >>> word_evidence("unterstützung", "en")[:2], word_evidence("the", "en")[:2]
    (('strong', 'de'), ('main', ''))
    """
    if word.endswith(("'s", "’s")):
        word = word[:-2]  # English possessive: minister's is minister
    main_z = _zipf(word, main)
    if main_z >= COMMON_MAIN:
        return ("main", "", 0.0)
    best, best_z = "", 0.0
    for lang in CANDIDATE_LANGUAGES:
        if lang == main:
            continue
        z = _zipf(word, lang)
        if z > best_z:
            best, best_z = lang, z
    if best_z == 0.0:
        if main_z > 0.0 or _glued_main_words(word, main):
            return ("main", "", 0.0)
        return ("unknown", "", 0.0)
    margin = best_z - main_z
    if best_z >= STRONG_MIN_FOREIGN and main_z < STRONG_MAX_MAIN and margin >= STRONG_MARGIN:
        return ("strong", best, margin)
    if margin >= LEAN_MARGIN:
        return ("lean", best, margin)
    return ("main", "", 0.0)


def fits(word: str, language: str, main: str) -> bool:
    """As usual in ``language`` as in ``main``, or nearly (``in``, ``is``, ``de``
    are words of Dutch as much as of English)."""
    return _zipf(word, language) >= _zipf(word, main) - FIT_MARGIN


def _glued_main_words(word: str, main: str) -> bool:
    """``limitspartnership``: two main-language words glued together (damage
    of another kind, reported by other rules), not a foreign word."""
    for cut in range(2, len(word) - 1):
        left, right = word[:cut], word[cut:]
        # Two-letter pieces only when very common (``of``, ``in``): ``ofscrimmage``.
        if _zipf(left, main) >= (3.0 if len(left) > 2 else 6.0) and _zipf(right, main) >= (3.0 if len(right) > 2 else 6.0):
            return True
    return False


def leans_to(word: str, language: str, main: str) -> bool:
    """More frequent in ``language`` than in ``main`` by the leaning margin."""
    return _zipf(word, language) - _zipf(word, main) >= LEAN_MARGIN


# -- loanwords -----------------------------------------------------------------------


@lru_cache(maxsize=1)
def loanwords() -> dict[int, frozenset[tuple[str, ...]]]:
    """Established loanword phrases by length in words (from ``data/loanwords.txt``)."""
    text = resources.files("detector.rules").joinpath("data/loanwords.txt").read_text("utf-8")
    by_len: dict[int, set[tuple[str, ...]]] = {}
    for line in text.splitlines():
        line = line.strip().lower()
        if line and not line.startswith("#"):
            words = tuple(line.split())
            by_len.setdefault(len(words), set()).add(words)
    return {n: frozenset(s) for n, s in by_len.items()}
