"""Is a text plainly in another language than its set main language?

ML004-ML006 compare every word with the main language: on a text in
another language (``--language de`` on an English article) every sentence
would look foreign. :func:`text_language_differs` tells them not to look,
and the rules say so once (:mod:`detector.rules.mixed_language`).
"""

from __future__ import annotations

from collections import Counter

import regex

from detector.document import Document

#: How much of the text's start the language check of `text_language_differs` reads.
LANGUAGE_SAMPLE_CHARS = 6_000
#: How sure the language identifier must be of the text's start.
PLAIN_LANGUAGE_PROBABILITY = 0.9
#: In the text's start, the function words of the language it reads as must
#: be at least this many (a short text is never plainly anything)…
PLAIN_FUNCTION_WORDS = 10
#: …and this many times those of the main language (half English, half
#: German is a mixed text, which the rules are for).
PLAIN_FUNCTION_WORD_RATIO = 4
_LETTERS = regex.compile(r"\p{L}+")


def text_language_differs(doc: Document, backend: str = "fasttext") -> str | None:
    """The language the text plainly reads as, when that is not the
    document's main language (configured, e.g. ``--language de`` on an
    English text, or, in a chunk of a big file, the whole file's); else None.

    Plainly: in the text's start, the function words of :mod:`detector.langid`
    name another language, by ``PLAIN_FUNCTION_WORDS`` at least and
    ``PLAIN_FUNCTION_WORD_RATIO`` times the main language's, and language
    identification of the start names it too, surely. The
    word evidence of ML004–ML006 compares every word with the main
    language: on a text in another one, every sentence would look foreign,
    named by whichever candidate language lists its words (English `told`
    as Indonesian). Computed once per document.
    """
    return doc.memo(_text_language_differs, backend)


def _text_language_differs(doc: Document, backend: str) -> str | None:
    from detector.langid import _STOPWORDS, guess_main_language  # the guess counts these
    from detector.langid_backends import identify

    guess = guess_main_language(doc)
    if guess in (doc.language, "und"):
        return None
    sample = doc.text[:LANGUAGE_SAMPLE_CHARS]
    words = Counter(_LETTERS.findall(sample.lower()))
    theirs = sum(map(words.__getitem__, _STOPWORDS.get(guess, ())))
    ours = sum(map(words.__getitem__, _STOPWORDS.get(doc.language, ())))
    if theirs < PLAIN_FUNCTION_WORDS or theirs < PLAIN_FUNCTION_WORD_RATIO * ours:
        return None
    ranked = identify(sample, 1, backend)
    if ranked and ranked[0][0] == guess and ranked[0][1] >= PLAIN_LANGUAGE_PROBABILITY:
        return guess
    return None
