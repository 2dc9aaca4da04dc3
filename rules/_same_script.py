"""Same-script foreign spans: German, Spanish, French… words and clauses
inside English (or, generally, inside a Latin-script main language).

The analysis, shared by ML004–ML006 through ``doc.memo``, combines two
independent kinds of evidence and never flags on one alone:

1. **Word frequencies** (wordfreq). A *strong* word is frequent in a candidate
   language and rare or unknown in the main language (``regierung``: German
   5.2, English 1.1 on the Zipf scale). A *leaning* word is merely more
   frequent there (``nicht``, ``und``): it may extend a span but never start
   one. See :mod:`detector.rules._word_evidence`.
2. **Language identification** of the candidate span or sentence
   (:mod:`detector.langid_backends`, fastText lite by default) must name a
   language other than the main one.

Only lower-case strong words seed a fragment: capitalised words are names
(``Schröder``, ``Le Monde``), all-caps words acronyms; numbers, URLs,
hashtags, handles and established loanwords (``rules/data/loanwords.txt``:
``status quo``, ``per se``, ``déjà vu``) are never part of a span. A whole
sentence is checked by language identification only when its words already
lean foreign, so the model runs on a handful of candidates per document.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from detector.document import Document, Token
from detector.rules._foreign import _is_quoted
from detector.rules._text_language import text_language_differs
from detector.rules._word_evidence import (
    CANDIDATE_LANGUAGES,
    STRONG_MARGIN,
    _zipf,
    fits,
    leans_to,
    loanwords,
    word_evidence,
)

_LATIN_MAIN = frozenset(CANDIDATE_LANGUAGES) | {"en"}
SENTENCE_FOREIGN_SHARE = 0.7  # share of a sentence's words that must fit the foreign language
VETO_PROBABILITY = 0.9  # the model vetoes a span it gives to the main language this surely
VETO_ONLY_MARGIN = 3.5  # a strong word this much more frequent abroad needs no model agreement
UNKNOWN_MIN_PROBABILITY = 0.6  # a word in no list needs the model this sure


@dataclass(frozen=True)
class SameScriptSpan:
    start: int
    end: int
    language: str  # ISO 639-1
    kind: str  # fragment | clause | sentence | line
    words: int
    confidence: float


# -- the analysis ----------------------------------------------------------------------

#: Languages identified by the model that a wordfreq guess may be confused
#: with; the wordfreq language is kept when the model names a neighbour.
_NEIGHBOURS = {
    "de": {"nl", "lb", "als", "bar", "da", "no", "sv", "af"},
    "nl": {"de", "af", "li", "fy"},
    "fr": {"ca", "oc", "wa"},
    "es": {"ca", "gl", "pt", "it", "ast", "an"},
    "pt": {"gl", "es"},
    "it": {"es", "la", "pms", "lmo", "scn", "nap", "vec"},
    "sv": {"da", "no", "nn"},
    "id": {"ms", "jv", "su", "min"},
}


def same_script_spans(doc: Document, backend: str = "fasttext") -> list[SameScriptSpan]:
    """Foreign spans of ``doc`` written in its own script; computed once per document."""
    return doc.memo(_compute, backend)


def _is_neutral(tokens: list[Token], i: int, text: str) -> bool:
    """Names-like tokens that are never foreign evidence: acronyms, initials,
    words with digits, hashtags and handles."""
    t = tokens[i]
    w = t.text
    if len(w) < 2 or any(c.isdigit() for c in w):
        return True
    if w.isupper():  # NATO, SPD, single capitals
        return True
    if "-" in w and any(part[:1].isupper() for part in w.split("-")[1:]):
        return True  # al-Mutlak, bin-Laden, Saint-Étienne: names
    if i > 0:
        prev = tokens[i - 1]
        if prev.end == t.start and prev.text in ("#", "@"):
            return True
    # A word cut by an invisible character (``perso\u2068nality``) is
    # encoding damage, reported by the encoding rules.
    if _INVISIBLE.match(text, max(0, t.start - 1)) or _INVISIBLE.match(text, t.end):
        return True
    return False


_INVISIBLE = regex.compile(r"[\p{Cf}\p{Co}\p{Cn}\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _is_loanword(words: list[str], i: int) -> bool:
    """Token ``i`` of the lower-case word list is part of an established loanword."""
    for n, phrases in loanwords().items():
        for first in range(max(0, i - n + 1), min(i, len(words) - n) + 1):
            if tuple(words[first : first + n]) in phrases:
                return True
    return False


def _label_tokens(doc: Document, main: str) -> dict[int, tuple[str, str, float]]:
    """Evidence of every token that is not plainly a main-language word."""
    from ftfy.badness import is_bad

    text = doc.text
    tokens = doc.tokens
    labels: dict[int, tuple[str, str, float]] = {}
    lower: list[str] | None = None
    for i, t in enumerate(tokens):
        if t.kind != "word" or t.script != "Latin":
            continue
        ev = word_evidence(t.text.lower(), main)
        if ev[0] == "main" or _is_neutral(tokens, i, text):
            continue
        if lower is None:
            lower = [tok.text.lower() for tok in tokens]
        if _is_loanword(lower, i) or is_bad(text[max(0, t.start - 3) : t.end]):
            continue  # loanwords; mojibake remnants (``â€œFreddy``) are another rule's
        labels[i] = ev
    return labels


def _joined(tokens: list[Token], i: int, j: int, text: str) -> bool:
    """Tokens i and j (j = i + 1) are neighbouring words on one line."""
    gap = text[tokens[i].end : tokens[j].start]
    return tokens[j].kind == "word" and gap.isspace() and "\n" not in gap and "\r" not in gap


def _is_lower(word: str) -> bool:
    return word[:1].islower()


def _confirm(backend: str, span_text: str, main: str, guess: str, min_prob: float) -> tuple[str, float] | None:
    """Second opinion from language identification: the language and its
    probability if the model agrees the span is not in ``main``.

    With ``min_prob == 0`` the model only has a veto: the span passes unless
    the model thinks it is in ``main`` (used when the word evidence alone is
    already two signals: absent from the main language's list, frequent in
    another). Single words are too short for the model to be sure of more.
    """
    from detector.langid_backends import identify

    ranked = identify(span_text, 3, backend)
    if not ranked:
        return None
    top, prob = ranked[0]
    if top == main:
        return None if prob >= VETO_PROBABILITY or min_prob > 0 else (guess, 0.5)
    if min_prob == 0:
        if guess and top != guess and top not in _NEIGHBOURS.get(guess, ()) and prob >= VETO_PROBABILITY:
            # The model is sure of another language than the one whose word
            # lists hold the words (English `continue to offer` in German
            # text: French by the lists): the model names it.
            return top, prob
        return (guess or top), max(prob, 0.5)
    if guess and (top == guess or top in _NEIGHBOURS.get(guess, ())):
        return guess, prob
    if guess and any(lang == guess and p >= 0.1 for lang, p in ranked[1:]) and prob >= min_prob:
        return guess, prob
    if prob < min_prob:
        return None
    return (top, prob) if not guess or top in CANDIDATE_LANGUAGES else None


def analysed(doc: Document) -> bool:
    """Is the document's main language one whose same-script foreign words
    are looked for (a Latin-script language, in a Latin-script text)?"""
    return doc.language in _LATIN_MAIN and doc.main_script == "Latin"


def _compute(doc: Document, backend: str) -> list[SameScriptSpan]:
    if not analysed(doc):
        return []
    main = doc.language
    if text_language_differs(doc, backend) is not None:
        return []  # said once by the rules (`mixed_language._language_note`)
    labels = _label_tokens(doc, main)
    if not labels:
        return []
    text = doc.text
    tokens = doc.tokens
    spans: list[SameScriptSpan] = []
    covered_until = -1

    # 1. Whole sentences whose words lean foreign, confirmed by the model.
    sentence_spans: list[tuple[int, int]] = []
    labels_by_start = {tokens[k].start: v for k, v in labels.items()}
    seen_sentences: set[int] = set()
    for i, (kind, _lang, _m) in labels.items():
        if kind != "strong":
            continue
        index = doc.sentence_index(tokens[i].start)
        if index is None or index in seen_sentences:
            continue
        seen_sentences.add(index)
        sent = doc.sentences[index]
        found = _foreign_sentence(doc, sent.start, sent.end, labels_by_start, main, backend)
        if found:
            spans.append(found)
            sentence_spans.append((sent.start, sent.end))

    # 2. Fragments: runs of foreign words seeded by a lower-case strong word.
    for i in sorted(labels):
        kind, lang, _m = labels[i]
        if i <= covered_until or kind == "lean" or not _is_lower(tokens[i].text):
            continue
        if any(s <= tokens[i].start < e for s, e in sentence_spans):
            continue
        if kind == "unknown":
            lang = _identify_unknown(tokens[i].text, backend)
            if not lang:
                continue
        first, last = _grow(tokens, i, lang, labels, main, text)
        covered_until = last
        if _part_of_a_name(tokens, first, labels, text):
            continue
        lang = _span_language(tokens, first, last, labels, lang)
        start, end = tokens[first].start, tokens[last].end
        span_text = text[start:end]
        confirmed = _confirm(backend, span_text, main, lang, _min_probability(tokens, labels, first, last, main))
        if confirmed is None:
            continue
        language, prob = confirmed
        words = last - first + 1
        kind = "quoted" if _is_quoted(text, start, end) else _fragment_kind(doc, start, end, words)
        spans.append(SameScriptSpan(start, end, language, kind, words, round(min(0.95, 0.5 + prob / 2), 2)))
    spans.sort(key=lambda s: s.start)
    return spans


#: Letters of Latin-script languages that English words do not use. ``â`` is
#: left out: at a word's end it is usually mojibake (``thatâ``), not French.
_FOREIGN_LETTERS = regex.compile(r"[äöüßñçãõåøæœıışğłńśźżąęćőűăđơưéèêëíìîïóòôúùûýěřšžčďťňů]", regex.IGNORECASE)


def _part_of_a_name(tokens: list[Token], first: int, labels, text: str) -> bool:
    """A span that opens with a capitalised foreign word, or right after one,
    is a name in the foreign language's style (``École normale supérieure``,
    ``Parti socialiste``, ``Assemblée nationale``), not untranslated text."""
    gap = text[tokens[first - 1].end : tokens[first].start] if first else ""
    if first == 0 or "\n" in gap or "\r" in gap or tokens[first - 1].text in (".", "!", "?", ":"):
        return False  # a capital at the start of a sentence says nothing
    if not _is_lower(tokens[first].text):
        return True
    if _joined(tokens, first - 1, first, text):
        prev = tokens[first - 1]
        # ``Parti`` (2.7 more frequent abroad) opens a French name; ``Tel``
        # (Tel Aviv) or ``Canadiens`` (1.3) are English names.
        return not _is_lower(prev.text) and labels.get(first - 1, ("", "", 0.0))[2] >= STRONG_MARGIN
    return False


def _span_language(tokens: list[Token], first: int, last: int, labels, seed_language: str) -> str:
    """The language most strong words of the span belong to (the seed's on a tie)."""
    votes: dict[str, int] = {}
    for k in range(first, last + 1):
        ev = labels.get(k)
        if ev is not None and ev[0] == "strong":
            votes[ev[1]] = votes.get(ev[1], 0) + 1
    if not votes:
        return seed_language
    best = max(votes.values())
    return seed_language if votes.get(seed_language) == best else min(lang for lang, n in votes.items() if n == best)


def _identify_unknown(word: str, backend: str) -> str:
    """The language of a word that no frequency list knows, if the model is sure."""
    from detector.langid_backends import identify

    if len(word) < 5 or not word.isalpha():
        return ""
    ranked = identify(word, 1, backend)
    if not ranked or ranked[0][0] not in CANDIDATE_LANGUAGES:
        return ""
    # Letters English does not use (ä, ñ, ş, ł…) are a second, independent signal.
    needed = UNKNOWN_MIN_PROBABILITY / 2 if _FOREIGN_LETTERS.search(word) else UNKNOWN_MIN_PROBABILITY
    return ranked[0][0] if ranked[0][1] >= needed else ""


def _min_probability(tokens: list[Token], labels, first: int, last: int, main: str) -> float:
    """How sure the model must be, given the word evidence of the span: a veto
    only (0) when a word is frequent abroad and absent from the main language's
    list, or two strong words agree; 0.6 otherwise."""
    strong = [k for k in range(first, last + 1) if labels.get(k, ("",))[0] == "strong"]
    if len(strong) >= 2:
        return 0.0
    if any(_zipf(tokens[k].text.lower(), main) == 0.0 or labels[k][2] >= VETO_ONLY_MARGIN for k in strong):
        return 0.0
    return 0.6


def _grow(tokens: list[Token], seed: int, lang: str, labels, main: str, text: str) -> tuple[int, int]:
    """Extend a seed word over neighbouring words that are foreign too."""

    def foreign(k: int) -> bool:
        if k in labels:
            return labels[k][0] in ("strong", "unknown") or labels[k][1] == lang or leans_to(tokens[k].text.lower(), lang, main)
        t = tokens[k]
        return t.script == "Latin" and not _is_neutral(tokens, k, text) and leans_to(t.text.lower(), lang, main)

    def bridge(k: int) -> bool:
        t = tokens[k]
        return t.kind == "word" and t.script == "Latin" and fits(t.text.lower(), lang, main)

    # Extend over foreign words, and over words that fit both languages when
    # a foreign word follows them (``… ontwikkeld door de …``).
    first = last = seed
    k = seed
    while k > 0 and _joined(tokens, k - 1, k, text) and tokens[k - 1].kind == "word" and (foreign(k - 1) or bridge(k - 1)):
        k -= 1
        if foreign(k):
            first = k
    k = seed
    while k + 1 < len(tokens) and _joined(tokens, k, k + 1, text) and (foreign(k + 1) or bridge(k + 1)):
        k += 1
        if foreign(k):
            last = k
    # A capitalised word at either edge is more likely a name than foreign text.
    while first < seed and not _is_lower(tokens[first].text) and labels.get(first, ("",))[0] != "strong":
        first += 1
    while last > seed and not _is_lower(tokens[last].text) and labels.get(last, ("",))[0] != "strong":
        last -= 1
    return first, last


def _line_bounds(doc: Document, start: int, end: int) -> tuple[int, int]:
    """Start of the line holding ``start``, end (before its line ending) of
    the line holding ``end`` (lines end at LF, CRLF or a lone CR)."""
    lines = doc.lines
    last = min(doc.line_index(end), len(lines) - 1)
    return doc.line_starts[doc.line_index(start)], lines[last].end


_CLAUSE_EDGE = frozenset(",;:()\"“”«»—–-")


def _fragment_kind(doc: Document, start: int, end: int, words: int) -> str:
    """``line`` if the span is its line, ``clause`` if ≥ 4 words between clause
    punctuation, else ``fragment``."""
    text = doc.text
    line_start, line_end = _line_bounds(doc, start, end)
    before = text[line_start:start].strip()
    after = text[end:line_end].strip().rstrip(".!?…")
    if not before and not after:
        return "line"
    if words >= 4:
        left = before[-1:] if before else ""
        right = after[:1] if after else ""
        if (not left or left in _CLAUSE_EDGE or left in ".!?") and (not right or right in _CLAUSE_EDGE):
            return "clause"
    return "fragment"


def _foreign_sentence(doc: Document, start: int, end: int, labels, main: str, backend: str) -> SameScriptSpan | None:
    """The sentence ``[start, end)`` if most of its words are foreign and the model agrees."""
    tokens = doc.tokens_in(start, end)
    if not tokens:
        return None
    words = [t for t in tokens if t.kind == "word" and t.script == "Latin" and len(t.text) >= 2 and not t.text.isupper()]
    votes: dict[str, int] = {}
    for t in words:
        ev = labels.get(t.start)
        if ev is not None and ev[0] == "strong":
            votes[ev[1]] = votes.get(ev[1], 0) + 1
    if sum(votes.values()) < 2:
        return None
    guess = max(sorted(votes), key=votes.__getitem__)
    # Names (capitalised after the first word) say nothing about the language.
    counted = [t for n, t in enumerate(words) if n == 0 or t.start in labels or _is_lower(t.text)]
    foreign = sum(1 for t in counted if t.start in labels or fits(t.text.lower(), guess, main))
    if len(counted) < 3 or foreign < SENTENCE_FOREIGN_SHARE * len(counted):
        return None
    confirmed = _confirm(backend, doc.text[start:end], main, guess, 0.7)
    if confirmed is None:
        return None
    language, prob = confirmed
    line_start, line_end = _line_bounds(doc, start, end)
    kind = "line" if not doc.text[line_start:start].strip() and not doc.text[end:line_end].strip() else "sentence"
    return SameScriptSpan(start, end, language, kind, len(words), round(min(0.97, 0.5 + prob / 2), 2))
