"""Guessing a document's main language, cheaply and deterministically.

The main language is the one most of the text is written in; rules compare
spans against it. The guess uses the dominant script and, for scripts that
many languages share, the most frequent function words. It needs no model,
so ``detector check`` starts fast; span-level language identification (which
does need a model) is :mod:`detector.langid_backends`, used by the
mixed-language rules on candidate spans only.

>>> from detector.document import Document
>>> guess_main_language(Document("The cat sat on the mat and it was happy."))
'en'
>>> guess_main_language(Document("Der Hund und die Katze sind nicht im Haus."))
'de'
"""

from __future__ import annotations

from collections import Counter
from itertools import repeat
from typing import TYPE_CHECKING

import regex

from detector.scripts import script_of
from detector.segment import fast_tokenizable

if TYPE_CHECKING:
    from detector.document import Document

# Very frequent function words that are rare in the other listed languages.
_STOPWORDS: dict[str, frozenset[str]] = {
    lang: frozenset(words.split())
    for lang, words in {
        "en": "the and of to is was that for with are were this have has from by "
        "which would their they been said will not but its also who",
        "de": "der die das und ist nicht mit sich des auf dem den ein eine für "
        "auch von zu wird wurde sind bei nach aus wie noch",
        "fr": "le la les et des est une dans pour qui que pas sur du au avec "
        "sont ce il elle ont été par plus nous mais",
        "es": "el la los las y es del que en una por con para se su al lo "
        "como más pero sus fue han está muy",
        "it": "il la di che è per una sono non del della con gli nel alla "
        "anche come più dei delle stato ha",
        "pt": "o a os as e de do da que não uma para com por se na no "
        "mais foi são ao dos das também está",
        "nl": "de het een en van is dat op te zijn niet met voor aan er "
        "ook als bij door maar naar wordt",
        "pl": "i w na nie się z że do to jest jak po od za przez był tak "
        "jego ale już tylko może",
        "tr": "ve bir bu da de için ile olarak çok daha ne ama gibi olan "
        "kadar sonra ise değil var",
        "sv": "och att det som en på är av för med till den har inte de om "
        "var ett så men",
        "id": "dan yang di ini itu dengan untuk dari tidak ke dalam akan "
        "pada juga ada adalah oleh",
        "vi": "và của là có được trong cho không những một các với này đã "
        "người khi",
    }.items()
}

_LANGUAGES_OF_STOPWORD: dict[str, tuple[str, ...]] = {}
for _lang, _words in _STOPWORDS.items():
    for _w in _words:
        _LANGUAGES_OF_STOPWORD[_w] = _LANGUAGES_OF_STOPWORD.get(_w, ()) + (_lang,)

# Script → language, where one language dominates the script.
_SCRIPT_LANGUAGE = {
    "Hangul": "ko",
    "Hiragana": "ja",
    "Katakana": "ja",
    "Greek": "el",
    "Hebrew": "he",
    "Devanagari": "hi",
    "Thai": "th",
    "Arabic": "ar",
}


_WORDS = regex.compile(r"[\p{L}\p{M}]+")
# The same words on lower-cased ASCII text: every other character made a
# space, then split (faster than any regex).
_ASCII_NON_LETTERS = str.maketrans({c: " " for c in map(chr, range(128)) if not "a" <= c <= "z"})
#: The same as a bytes table that also lower-cases: ASCII text encoded, then
#: translated, gives the lower-cased words as bytes.
_ASCII_LETTERS_LOWERED = bytes(
    ord(c.lower()) if "a" <= c.lower() <= "z" else ord(" ") for c in map(chr, range(128))
) + b" " * 128
#: ``_LANGUAGES_OF_STOPWORD`` keyed by the ASCII function words as bytes.
_STOPWORD_BYTES = {
    w.encode("ascii"): langs for w, langs in _LANGUAGES_OF_STOPWORD.items() if w.isascii()
}
#: The English function words, and those of any other language, as bytes.
_ENGLISH_BYTES = frozenset(w for w, langs in _STOPWORD_BYTES.items() if "en" in langs)
_NOT_ONLY_ENGLISH_BYTES = frozenset(w for w, langs in _STOPWORD_BYTES.items() if set(langs) - {"en"})
#: What each ASCII function word adds to (English function words) minus
#: (other languages' function words): 1, -1, or 0 for ``is``, ``to``.
_ENGLISH_LEAD = {w: (w in _ENGLISH_BYTES) - (w in _NOT_ONLY_ENGLISH_BYTES) for w in _STOPWORD_BYTES}


#: Characters at the start of a document that can settle the guess as
#: English on their own (see `_plainly_english`) ...
ENGLISH_START_CHARS = 400
#: ... when their English function words outnumber all the other languages'
#: function words together by at least this many.
ENGLISH_START_MARGIN = 5


def _function_word_counts(sample: str) -> tuple[int, int, list[bytes] | None]:
    """English function words, other languages' function words, and all
    function words (as bytes; None when the sample has no word at all) of a
    sample whose letters are all ASCII.

    bytes.translate lower-cases and blanks the non-letters (and every byte
    of a multi-byte UTF-8 character) in one table lookup per byte; only the
    function words are counted. A word that is a function word of English
    and of another language (``is``, ``to``) counts for both.
    """
    words = sample.encode("utf-8").translate(_ASCII_LETTERS_LOWERED).split()
    function_words = list(filter(_STOPWORD_BYTES.__contains__, words))
    english = len(list(filter(_ENGLISH_BYTES.__contains__, function_words)))
    others = len(list(filter(_NOT_ONLY_ENGLISH_BYTES.__contains__, function_words)))
    return english, others, function_words if words else None


def _plainly_english(start: str) -> bool:
    """Does the start of a document read as English so plainly that the rest
    of the sample need not be read?

    Its letters must all be ASCII, and its English function words outnumber
    those of all other languages together by ``ENGLISH_START_MARGIN``. Not a
    proof that the whole sample is guessed English (a page that turns to
    another language after its first lines would have been guessed so), but
    no start of a text in another language came near: over the 458 news
    texts (pages and articles), the evaluation records, the five seeds and
    the 33,556 lingua texts of 22 languages, every start with more English
    function words than others was guessed English, and the guesses stay the
    same. Most English articles are settled by it (212 of the 229 articles
    of the speed benchmark): the guess costs a quarter of what it did.
    """
    if not (start.isascii() or fast_tokenizable(start)):
        return False
    words = start.encode("utf-8").translate(_ASCII_LETTERS_LOWERED).split()
    # English function words minus other languages' ones, in one pass in C
    return sum(map(_ENGLISH_LEAD.get, words, repeat(0))) >= ENGLISH_START_MARGIN


def guess_main_language(doc: "Document", sample_chars: int = 6_000) -> str:
    """ISO 639-1 code of the document's main language ('und' if no letters).

    Looks at the first ``sample_chars`` characters only: enough to tell the
    language of an article, and cheap on a corpus dump; a start that is
    plainly English settles it at once (`_plainly_english`).
    """
    text = doc.text
    if len(text) > ENGLISH_START_CHARS < sample_chars:
        # the start, cut at a space (a cut word could read as another)
        if _plainly_english(text[: max(text.rfind(" ", 0, ENGLISH_START_CHARS), 0)]):
            return "en"
    sample = text[:sample_chars]
    if sample.isascii() or fast_tokenizable(sample):
        # The common case: all letters are ASCII (the other characters are
        # typographic), so no script is asked for.
        english, others, function_words = _function_word_counts(sample)
        if function_words is None:
            return "und"
        if english >= others:
            # No other language can get more votes than all the function
            # words of other languages together: English wins (and ties).
            return "en"
        return _vote_latin(Counter(function_words), _STOPWORD_BYTES)
    return _guess_any_script(sample.lower())


def _guess_any_script(sample: str) -> str:
    """The guess from a lower-cased sample of any script (the general path)."""
    counts: dict[str, int] = {}
    words = Counter(_WORDS.findall(sample))
    for w, n in words.items():
        script = "Latin" if w.isascii() else script_of(w)
        counts[script] = counts.get(script, 0) + n * len(w)
    if not counts:
        return "und"
    script = max(counts, key=counts.__getitem__)
    if script in _SCRIPT_LANGUAGE:
        return _SCRIPT_LANGUAGE[script]
    if script == "Han":
        # Japanese text mixes Han with kana; Chinese has none.
        kana = counts.get("Hiragana", 0) + counts.get("Katakana", 0)
        return "ja" if kana > 0.1 * counts["Han"] else "zh"
    lowered = [w for w in words if (w.isascii() and script == "Latin") or script_of(w) == script]
    if script == "Cyrillic":
        return _guess_cyrillic(lowered)
    if script != "Latin":
        return "und"
    return _vote_latin(Counter({w: words[w] for w in lowered}))


def _vote_latin(words: Counter, languages_of=_LANGUAGES_OF_STOPWORD) -> str:
    """The language whose function words are most frequent ('en' by default).

    ``words`` counts the document's words (at least its function words);
    ``languages_of`` maps each function word to its languages.
    """
    votes = {lang: 0 for lang in _STOPWORDS}
    for w in languages_of.keys() & words.keys():
        for lang in languages_of[w]:
            votes[lang] += words[w]
    best = max(votes, key=lambda lang: (votes[lang], lang == "en"))
    return best if votes[best] > 0 else "en"


def _guess_cyrillic(words: list[str]) -> str:
    joined = "".join(words)
    if any(c in joined for c in "іїєґ"):
        return "uk"
    if "ъ" in joined and "ы" not in joined:
        return "bg"
    return "ru"
