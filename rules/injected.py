"""Injected-content rules (IN): text that does not belong to the story."""

from __future__ import annotations

from typing import Iterator

import regex

from detector.document import Document
from detector.finding import Finding, Severity
from detector.rule import Rule
from detector.rules._cohesion import (
    explained,
    probability,
    profiles_and_key_counts,
    sentence_features,
    wordfreq_covers,
)
from detector.rules._deletion import deletion_fix
from detector.rules._foreign import (
    LANGUAGE_NAMES,
    foreign_runs,
    has_no_foreign_letter,
    injected_sentence_end,
    is_injected,
)
from detector.rules._layout import boilerplate_lines, layout, stems
from detector.rules._word_vectors import STATIC_VECTORS_LANGUAGE, likeliest_intruder



class InjectedForeignSentence(Rule):
    """## What it does
    Finds a complete sentence in a foreign script that carries numbers or
    Latin-script names, none of which appears anywhere else in the document.
    The sentence is also reported as untranslated (ML002); this rule adds
    that it probably comes from another text.

    ## Why it matters
    Such a sentence is not an untranslated piece of this story but a piece of
    another one, spliced in by a content spinner or a broken pipeline: in seed
    `003`, a Korean sentence about an Alaska doctor sits inside an article
    about Xi and Putin.

    ## Example
    ```text
    China is willing to play its role” 알래스카 의사는 5명의 환자가 … 선고받았습니다., 그는 말했다.
    ```

    ## How to silence it
    Add the language to `languages` if the document is meant to hold it, or
    ignore `IN001` for the file in `per-file-ignores`.
    """

    code = "IN001"
    name = "injected-foreign-sentence"
    category = "injected"
    severity = Severity.ERROR
    summary = "A foreign-language sentence unrelated to the rest of the document"

    def check(self, doc: Document) -> Iterator[Finding]:
        for run in foreign_runs(doc):
            if run.language in doc.expected_languages or not is_injected(doc, run):
                continue
            lang = LANGUAGE_NAMES.get(run.language, run.language)
            yield self.finding(
                doc, run.start, injected_sentence_end(doc, run),
                f"{lang} sentence that shares no name or number with the rest of "
                "the document; likely injected from another text",
                confidence=0.8,
                details={"language": run.language},
            )


# -- off-topic sentences ---------------------------------------------------------
#
# Lexical cohesion and the sentences other damage explains: rules/_cohesion.py.

def off_topic_sentences(doc: Document, min_words: int, min_weight: float,
                        max_cohesion: float, min_new_names: int, min_sentences: int):
    """(profile, cohesion, new names) of the sentences that share (almost)
    nothing with the rest of the text and bring names of their own."""
    profiles, counts = profiles_and_key_counts(doc, min_sentences)
    out = []
    for p in profiles:
        if p.words < min_words or len(p.names) < min_new_names:
            continue
        if any(counts[k] > 1 for k in p.names):
            continue  # a name of the story: this sentence is about it
        total = sum(p.weights.values())
        if total <= 0 or total < min_weight:
            continue
        if explained(doc, p):
            continue  # a credit line, or other damage: foreign, mojibake, a repeat, boilerplate
        shared = sum(w for k, w in p.weights.items() if counts[k] > 1)
        cohesion = shared / total
        if cohesion <= max_cohesion:
            out.append((p, cohesion, len(p.names)))
    return out


class OffTopicSentence(Rule):
    """## What it does
    Finds a sentence in the document's own language that does not belong to
    the story: a sentence of another article spliced into this one.

    In English, every sentence of six words or more is scored by a logistic
    model (rules/_word_vectors.py) that weighs what it shares with the rest
    of the text and with its neighbours: its rarer words, names and numbers
    (weighted by rarity with wordfreq, so sharing `Blagoveshchensk` counts
    and sharing `said` does not), and its meaning, as the cosine of its
    vector with the rest of the text and with its nearest neighbour. The
    vectors are static word vectors distilled from the all-MiniLM-L6-v2
    sentence transformer and shipped with the package (no torch, nothing
    downloaded). The sentence of highest probability is reported when it
    reaches `min_probability`; the finding's confidence is that probability.
    At most one finding per text.

    In the other languages wordfreq covers (no word vectors), a sentence is
    reported when it brings names of its own (at least `min_new_names`) and
    shares none of its rarer words, names and numbers with the rest of the
    text.

    Sentences that other damage explains (another language or script,
    mojibake, a repeat, a boilerplate or credit line) are left to the rules
    of that damage.

    ## Why it matters
    Content spinners, broken scrapers and bad merges splice sentences of one
    article into another; the result reads fluently and is wrong. People
    find such intruders in well under half of the damaged documents.

    ## Example
    In a story of Xi, Putin and trade (eight sentences or more):
    ```text
    China as well as India are two major economies that have not taken part…
    Deputies in Okeechobee County, Florida, arrested a man feeding alligators at the Palm Creek golf course.
    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ IN002
    In the eyes of Chinese officials, the Europeans have allowed themselves…
    ```

    ## How to silence it
    IN002 is opt-in (`extend-select = ["IN002"]`). Raise `min_probability`
    in `[rules.IN002]` for fewer, surer findings; texts that are lists of
    unrelated items (news digests) should not enable it.
    """

    code = "IN002"
    name = "off-topic-sentence"
    category = "injected"
    severity = Severity.WARNING
    summary = "A sentence that shares neither words, names nor meaning with the rest of the text"
    # English (the static scorer): min_words, min_sentences, min_probability;
    # see bench/fit_offtopic_static.py for what each threshold gives on the
    # fitting draws. Evaluation suite, injected-sentence recall / IN002
    # precision: dev 0.286 / 0.629; held-out draws 11, 21, 31 pooled 0.209 /
    # 0.575 (the lexical rule before it: 0.299 / 0.404 and 0.259 / 0.352);
    # 3 findings in 228 clean articles. Other languages (the lexical rule,
    # tuned on bench/injected_eval.py for precision): the rest.
    options = {
        "min_words": 6, "min_sentences": 8, "min_probability": 0.3,
        "lexical_min_words": 8, "min_weight": 16.0, "max_cohesion": 0.0, "min_new_names": 2,
        "max_per_text": 2,
    }
    #: Opt-in: see the README for its precision and recall.
    default_enabled = False

    def check(self, doc: Document) -> Iterator[Finding]:
        if not wordfreq_covers(doc.language):
            return
        if doc.language == STATIC_VECTORS_LANGUAGE:
            yield from self._check_static(doc)
        else:
            yield from self._check_lexical(doc)

    def _check_static(self, doc: Document) -> Iterator[Finding]:
        best = likeliest_intruder(doc, self.min_words, self.min_sentences, self.min_probability)
        if best is None:
            return
        profile, chance = best
        yield self.finding(
            doc, profile.start, profile.end,
            "sentence that shares few words, names or meaning with its neighbours and the "
            "rest of the text; likely spliced in from another story",
            # The model's probability (logistic, fitted on evaluation-suite draws).
            confidence=round(chance, 2),
            details={"probability": round(chance, 3)},
        )

    def _check_lexical(self, doc: Document) -> Iterator[Finding]:
        found = off_topic_sentences(
            doc, self.lexical_min_words, self.min_weight, self.max_cohesion,
            self.min_new_names, self.min_sentences,
        )
        # Several sentences that share nothing make a digest or a list of
        # items, not a story with an intruder: report none of them.
        if len(found) > self.max_per_text:
            return
        for profile, cohesion, names in found:
            yield self.finding(
                doc, profile.start, profile.end,
                f"sentence with {names} names and no rarer word, name or number that "
                "occurs elsewhere in the text; likely spliced in from another story",
                confidence=0.85,
                details={"cohesion": round(cohesion, 3)},
            )


# -- off-topic sentences, semantic scorer (optional extra) -----------------------------

_missing_extra_warned = False


def semantic_outliers(doc: Document, min_words: int, min_sentences: int, min_probability: float,
                      max_per_text: int) -> list:
    """(profile, probability) of the (up to ``max_per_text``) scored sentences
    most likely spliced in, at or above ``min_probability``, in text order:
    the logistic model of rules/_cohesion.py over the lexical features and
    the embedding cosines with the rest, the neighbours and the closest
    sentences."""
    scored = [(probability(features, semantic=True), profile.index, profile)
              for profile, features in sentence_features(doc, min_words, min_sentences, semantic=True)]
    # Most likely first; equal probabilities in text order (deterministic).
    scored.sort(key=lambda item: (-item[0], item[1]))
    chosen = [(profile, p) for p, _, profile in scored[:max_per_text] if p >= min_probability]
    return sorted(chosen, key=lambda item: item[0].start)


class OffTopicSentenceSemantic(Rule):
    """## What it does
    Like IN002, finds a sentence spliced in from another story, but judges
    meaning as well as shared words: every sentence is embedded with
    all-MiniLM-L6-v2 (shipped in the optional extra `[semantic]`, run on
    CPU), and a logistic model (rules/_cohesion.py) combines the cosines of
    a sentence with the rest of the text, with its nearest neighbour and with
    its three most similar sentences anywhere in the text, the
    rarity-weighted share of its words found elsewhere and near it, and its
    own and shared names and numbers into the probability that it was
    spliced in. The `max_per_text` (2) sentences of highest probability are
    reported when they reach `min_probability` (the finding's confidence is
    that probability). Sentences that other damage explains (another
    language or script, mojibake, an HTML entity, a repeat, a boilerplate,
    furniture or credit line) are not scored.

    Needs `pip install 'corruption-detector[semantic]'` (torch, about 3 kB/s
    of text on one core); without it the rule reports nothing and warns once.

    ## Why it matters
    Spliced sentences read fluently; many share no names with the story but
    only its vocabulary, which the lexical IN002 cannot tell from the story's
    own side remarks. On evaluation-suite draws, scored by a model fitted on
    other articles, this scorer finds more than half of the intruders at a
    precision near 0.87 (IN002: under 3 in 10 at about 0.35).

    ## Example
    In a story of Xi, Putin and trade (eight sentences or more):
    ```text
    China as well as India are two major economies that have not taken part…
    Deputies in Okeechobee County, Florida, arrested a man feeding alligators at the Palm Creek golf course.
    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ IN004
    ```

    ## How to silence it
    IN004 is opt-in (`extend-select = ["IN004"]`); raise `min_probability`
    or set `max_per_text = 1` in `[rules.IN004]` to report fewer, surer
    findings.
    """

    code = "IN004"
    name = "off-topic-sentence-semantic"
    category = "injected"
    severity = Severity.WARNING
    summary = "A sentence whose meaning fits neither its neighbours nor the rest of the text"
    # Chosen on out-of-fold probabilities of the training draws (41..131: each
    # article scored by a model fitted on the other half of the articles,
    # `bench/fit_offtopic.py --cross-fit`), aiming at precision 0.85 there:
    # min_probability 0.4 with two flags per text gives precision 0.873,
    # recall 0.558, 0.29 findings per 20 clean articles (one flag per text:
    # 0.873 / 0.514; 0.35 with two: 0.814 / 0.571). Reported once, held-out
    # draws 11/21/31 (`bench/eval_suite.py --seed N --select IN004`): recall
    # 0.649 (155/239), precision 0.906 (155/171); 2 findings on the 233 clean
    # articles. They share their articles with the training draws.
    options = {"min_words": 6, "min_sentences": 8, "min_probability": 0.4, "max_per_text": 2}
    #: Opt-in: needs the `[semantic]` extra and runs at a few kB/s.
    default_enabled = False

    def check(self, doc: Document) -> Iterator[Finding]:
        global _missing_extra_warned
        from detector.rules._embedding import INSTALL_HINT, available

        if doc.language != "en" or not wordfreq_covers(doc.language):
            return  # the model is English-only
        if not available():
            if not _missing_extra_warned:
                _missing_extra_warned = True
                import warnings

                warnings.warn(f"IN004 needs the [semantic] extra: {INSTALL_HINT}", stacklevel=2)
            return
        for profile, chance in semantic_outliers(doc, self.min_words, self.min_sentences,
                                                 self.min_probability, self.max_per_text):
            yield self.finding(
                doc, profile.start, profile.end,
                "sentence whose meaning is far from both its neighbours and the rest of the "
                "text; likely spliced in from another story",
                # The model's probability (logistic, fitted on evaluation-suite draws).
                confidence=round(chance, 2),
                details={"probability": round(chance, 3)},
            )


# -- stray headlines ---------------------------------------------------------------

_TITLE_START = regex.compile(r"^[\p{Lu}\p{N}\"“‘']")
_LOWER_WORD = regex.compile(r"\b\p{Ll}{2,}\b")
# Digits (captions with dates, tables) and lead-ins (`the encore consisted of:`).
# Commas: a broken sentence (`Meanwhile, the U.N.'s top representative here, Tom`)
# or a list-like subtitle (`Power, Size and Beauty`) more often than a headline.
_NOT_A_HEADLINE = regex.compile(r"\d|[:…,]|\.\.")


def stray_headlines(doc: Document) -> list:
    """Title-like lines between two prose lines whose words the story does not take up."""
    lines, first, last = doc.memo(layout)
    if first < 0:
        return []
    reported = {line.index for line, _, _ in doc.memo(boilerplate_lines)}
    out = []
    for line in lines[first + 1 : last]:
        if line.prose or line.final or line.phrase or line.index in reported:
            continue
        if not 4 <= line.words <= 14 or not _TITLE_START.match(line.text):
            continue
        if not _LOWER_WORD.search(line.text) or _NOT_A_HEADLINE.search(line.text):
            # all-caps labels, tables, captions with dates and lead-ins
            # (`the encore consisted of:`, `In other news ...`) are not headlines
            continue
        before, after = lines[line.index - 1], lines[line.index + 1]
        if not (before.prose and after.prose):
            continue
        own = {w for w in stems(line.text)}
        if own & set(stems(after.text)):
            continue  # a subheading: the next paragraph takes up its words
        out.append(line)
    return out


class StrayHeadline(Rule):
    """## What it does
    Finds a short title-like line (4 to 14 words, capitalised, no final
    punctuation) between two paragraphs of the story whose words the next
    paragraph does not take up: the headline of another article, pasted with
    the text from a "related stories" box.

    A subheading is not reported: the paragraph under `Trade ties` talks
    about trade. Lines with digits (captions with dates, tables), colons
    (lead-ins) or commas (broken sentences) are left alone.

    ## Why it matters
    A stray headline breaks the story flow and, in a dataset, teaches a model
    that articles change topic mid-way.

    ## Example
    ```text
    … Hong Kong and Taiwan, CCTV reported.
    Russia and China open first road bridge
    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ IN003
    Xi touched on the Ukraine conflict …
    ```

    ## How to silence it
    `ignore = ["IN003"]` for texts with unconventional section titles.
    """

    code = "IN003"
    name = "stray-headline"
    category = "injected"
    severity = Severity.INFO
    summary = "A headline-like line in the body that the story does not follow up"

    def check(self, doc: Document) -> Iterator[Finding]:
        for line in doc.memo(stray_headlines):
            yield self.finding(
                doc, line.start, line.end,
                f"title-like line '{line.text}' inside the body, and the next paragraph "
                "does not take up its words; likely the headline of another article",
                confidence=0.6,
                fix=deletion_fix(doc, line.start, line.end, "delete the line"),
            )
