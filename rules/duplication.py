"""Duplication rules (DU): text that appears twice.

None of them tokenizes the whole document (the costliest shared part):
DU001 compares sentence keys made with one character map of the text, and
only for the sentences that share their first or last three words with
another; DU002 and DU003 find candidate sentences or stretches with C-level
scans (``_repeat_scans``, ``_double_scan``) and tokenize only those
(``Document.words_in``); DU003 judges its candidates in ``_doubled_words``.
The scans are supersets: a test checks that every line gives the same
findings.
"""

from __future__ import annotations

import operator
from collections import Counter
from difflib import SequenceMatcher
from itertools import compress
from operator import itemgetter
from typing import Iterator

import regex

from detector.document import Document
from detector.finding import Finding, Severity
from detector.rule import Rule
from detector.rules._deletion import deletion_fix
from detector.rules._doubled_words import _FUNCTION_WORDS, _GAP, doubles_in, glued_doubles
from detector.rules._repeat_scans import (  # noqa: F401  (sentence_key, _ascii_folded: public to tests)
    _ascii_folded,
    _double_candidate_words,
    _phrase_sentences,
    sentence_key,
    sentence_words,
)


def _near_match(
    words: list[str], index: dict[tuple, list[int]], keys: dict[int, list[str]], min_ratio: float
) -> int | None:
    """Index of an earlier sentence whose words are nearly ``words``.

    Candidates share the first or the last three words; a candidate is near
    when difflib's ratio over the word lists reaches ``min_ratio``.
    """
    seen = set()
    for anchor in (("^",) + tuple(words[:3]), ("$",) + tuple(words[-3:])):
        for i in index.get(anchor, ())[:8]:
            if i in seen:
                continue
            seen.add(i)
            other = keys[i]
            total = len(other) + len(words)
            if 2 * min(len(other), len(words)) < min_ratio * total:
                continue  # difflib's ratio cannot reach min_ratio
            if 2 * (Counter(other) & Counter(words)).total() < min_ratio * total:
                continue  # nor with all the words they share matched (difflib's quick_ratio)
            if SequenceMatcher(None, other, words, autojunk=False).ratio() >= min_ratio:
                return i
    return None


class DuplicateSentence(Rule):
    """## What it does
    Finds sentences that repeat an earlier sentence of the document, exactly
    or nearly (ignoring case, white space, quote style and punctuation, and
    allowing a word or two changed). Consecutive repeated sentences are
    reported as one block, on the second copy, with the line of the first:
    an article pasted twice gives one finding per repeated block, not one
    per sentence. Short sentences (a byline, `AFP`) between repeated ones do
    not break a block.

    ## Why it matters
    Repeated sentences come from pasting an article twice, from scrapers that
    read a page's teaser and body, and from spinners that shuffle paragraphs.

    ## Example
    ```text
    It was the second call since February 24.
    …
    It was the second call since February 24.
    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ DU001 repeats line 1
    ```

    ## How to silence it
    Short sentences (under `min_words` words) are never reported; raise it in
    `[rules.DU001]` for text with deliberate refrains. `near_ratio` is the
    word-level similarity (0–1) from which two sentences count as copies.
    """

    code = "DU001"
    name = "duplicate-sentence"
    category = "duplication"
    severity = Severity.WARNING
    summary = "A sentence that repeats an earlier one"
    options = {"min_words": 6, "near_ratio": 0.9}

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        first_seen: dict[str, int] = {}  # exact key -> sentence index
        index: dict[tuple, list[int]] = {}  # first/last three words -> indices
        keys: dict[int, list[str]] = {}  # index among the long sentences -> words
        starts_of: dict[int, int] = {}
        ends_of: dict[int, int] = {}
        block: list[tuple[int, int, int, bool, int]] = []  # (start, end, first start, exact, first end)

        def flush():
            if not block:
                return None
            start, end, first = block[0][0], block[-1][1], block[0][2]
            first_span = [min(b[2] for b in block), max(b[4] for b in block)]
            exact = all(b[3] for b in block)
            line = doc.position(first).line
            n = len(block)
            block.clear()
            what = "sentence" if n == 1 else f"block of {n} sentences"
            how = "repeats" if exact else "nearly repeats"
            return self.finding(
                doc, start, end,
                f"duplicate {what}: {how} the text at line {line}",
                confidence=0.95 if exact else 0.85,
                fix=deletion_fix(doc, start, end, "delete the repeated text"),
                details={"first": {"offset": first, "line": line}, "sentences": n,
                         "exact": exact, "first_span": first_span},
            )

        sentences = doc.sentences
        word_lists = doc.memo(sentence_words)  # the keys' words, made for the whole text at once
        if word_lists is None:  # (only when a test turns the shared keys off)
            starts, ends = map(itemgetter(0), sentences), map(itemgetter(1), sentences)
            word_lists = list(map(str.split, map(sentence_key, map(text.__getitem__, map(slice, starts, ends)))))
        # Only sentences long enough count, and of those only the ones that
        # share their first or last three words with another can match (an
        # exact copy shares both): the others only end a block. Found in C.
        long = list(compress(range(len(word_lists)), map(self.min_words.__le__, map(len, word_lists))))
        word_lists = list(map(word_lists.__getitem__, long))
        heads = list(map(tuple, map(itemgetter(slice(None, 3)), word_lists)))
        tails = list(map(tuple, map(itemgetter(slice(-3, None)), word_lists)))
        if len(set(heads)) == len(heads) and len(set(tails)) == len(tails):
            return  # most documents (a set is built faster than a Counter)
        head_counts, tail_counts = Counter(heads), Counter(tails)
        shares = map(operator.or_, map((1).__lt__, map(head_counts.__getitem__, heads)),
                     map((1).__lt__, map(tail_counts.__getitem__, tails)))
        previous = -1
        for i in compress(range(len(long)), shares):
            if i > previous + 1:  # a long sentence that matches nothing lies between
                found = flush()
                if found:
                    yield found
            previous = i
            words = word_lists[i]
            key = " ".join(words)
            span = sentences[long[i]]
            keys[i] = words
            starts_of[i] = span.start
            ends_of[i] = span.end
            match = first_seen.get(key)
            exact = match is not None
            if match is None and self.near_ratio < 1.0:
                match = _near_match(words, index, keys, self.near_ratio)
            if match is not None:
                # Only short sentences can lie between this and the block's
                # last one (a long new sentence flushes): keep one block.
                block.append((span.start, span.end, starts_of[match], exact, ends_of[match]))
                continue
            first_seen[key] = i
            index.setdefault(("^",) + heads[i], []).append(i)
            index.setdefault(("$",) + tails[i], []).append(i)
            found = flush()
            if found:
                yield found
        found = flush()
        if found:
            yield found


# -- repeated phrases and doubled words -----------------------------------------

def lowered_words(doc: Document) -> list[str]:
    """The document's words in lower case (shared through ``doc.memo``; the
    DU rules no longer use it, SP rules do)."""
    return list(map(str.lower, map(itemgetter(2), doc.words)))  # w.text.lower(), in C


# Languages in which a doubled word is almost always a slip. Elsewhere
# reduplication is grammar (Indonesian, Vietnamese, Thai, Turkish `tek tek`,
# Hindi `पल पल`), so DU003 stays silent. German `die die` and French `nous
# nous` are grammatical too (listed above).
_DOUBLING_IS_A_SLIP = frozenset(
    "en fr es it pt nl de sv da no nb pl cs sk ro ru uk bg hr sl ca".split()
)
_CONNECTORS = frozenset({"and", "or", "&"})


class RepeatedPhrase(Rule):
    """## What it does
    Finds a phrase of two to twelve words repeated at once, back to back or
    joined by `and`/`or` (after a comma for four words or more):
    `advance global governance and global governance`.

    ## Why it matters
    Machine translation and text spinners repeat phrases when they map two
    source words to the same target phrase; pastes repeat them at joins.

    ## Example
    ```text
    to “advance global governance and global governance towards …
                                  ^^^^^^^^^^^^^^^^^^^^^ DU002
    ```
    Idioms with one repeated word (`more and more`, `again and again`) are
    not phrases of two or more words; a phrase of only short function words
    (`in the in the`) is reported too.

    ## How to silence it
    DU002 is opt-in (`extend-select = ["DU002"]`, `--extend-select DU002`):
    finding phrase repeats costs about 46 ms per MB of text, a quarter of the
    default set's speed budget (200 ms per MB), for about one finding in 2 MB
    of damaged news.
    """

    code = "DU002"
    default_enabled = False
    name = "repeated-phrase"
    category = "duplication"
    severity = Severity.WARNING
    summary = "A phrase repeated back to back"
    options = {"max_words": 12}

    def check(self, doc: Document) -> Iterator[Finding]:
        for start, end in _phrase_sentences(doc):
            words = doc.words_in(start, end)
            if len(words) >= 4:
                yield from self._check_line(doc, words)

    def _check_line(self, doc: Document, words: list) -> Iterator[Finding]:
        text = doc.text
        lowered = list(map(str.lower, map(itemgetter(2), words)))
        n = len(words)
        max_words = self.max_words
        recent: dict[str, int] = {}  # word -> its last position
        resume = 0  # no new finding may start before this word
        for k, w in enumerate(lowered):
            i = recent.get(w)
            recent[w] = k
            # A repeat starts at i and its copy at k: the phrase is i..k-1
            # (back to back) or i..k-2 with a connector at k-1.
            if i is None or i < resume or k - i > max_words + 1:
                continue
            hit = None
            for size, gap in ((k - i, 0), (k - i - 1, 1)):
                if not 2 <= size <= max_words or k + size > n:
                    continue
                if gap and (lowered[k - 1] not in _CONNECTORS or lowered[i] in _FUNCTION_WORDS):
                    continue  # `to win and to win you need`: prose, not a slip
                if lowered[i : i + size] != lowered[k : k + size]:
                    continue
                if size == 2 and lowered[i : i + 2] in (["as", lowered[i + 1]], ["and", "such"]):
                    continue  # `as clean as clean can be`, `and such and such`
                # A comma may precede the connector of a long repeat:
                # `trade rose sharply last year, and trade rose sharply last year`.
                comma_at = k - 1 if gap and size >= 4 else -1
                if not _only_spaces_between(text, words[i : k + size], comma_at - i):
                    continue
                hit = size
                break
            if hit is None:
                continue
            size = hit
            start = words[i + size].start
            end = words[k + size - 1].end
            phrase = text[words[k].start : end]
            yield self.finding(
                doc, start, end,
                f"the phrase '{phrase}' is repeated back to back",
                confidence=0.85,
                fix=deletion_fix(doc, start, end, "delete the repeated phrase"),
            )
            resume = k + size


_COMMA_GAP = regex.compile(r",?[ \t\u00a0]+")


def _only_spaces_between(text: str, words: list, comma_before: int = -1) -> bool:
    """Only spaces (no line break, punctuation or number) between the words,
    except perhaps a comma before word ``comma_before``: `good times, good
    times` is a refrain, `Elite 5340, Maestro Elite` a list."""
    for j, (a, b) in enumerate(zip(words, words[1:])):
        gap = _COMMA_GAP if j + 1 == comma_before else _GAP
        if not gap.fullmatch(text, a.end, b.start):
            return False
    return True


class DoubledWord(Rule):
    """## What it does
    Finds a word written twice in a row, `the the`, or glued to itself,
    `werewere`.

    ## Why it matters
    Doubled words are the most common typing and pasting slip; at a line
    break or a glued join they are easy to miss when proofreading.

    ## Example
    ```text
    the two leaders stressed their countries relations were were at a high
                                                       ^^^^^^^^^ DU003
    ```
    Legitimate doubles are left alone: `had had`, `that that`, `is is`,
    names (`Bora Bora`, `Walla Walla`), reduplications (`bye bye`, `so so`),
    numbers, German `die die` and French `nous nous`. Only in languages
    where doubling is a slip (English, most European languages); not in
    those that reduplicate by grammar (Indonesian, Vietnamese, Turkish, …).

    ## How to silence it
    `ignore = ["DU003"]`.
    """

    code = "DU003"
    name = "doubled-word"
    category = "duplication"
    severity = Severity.WARNING
    summary = "A word written twice in a row"

    def check(self, doc: Document) -> Iterator[Finding]:
        if doc.language not in _DOUBLING_IS_A_SLIP:
            return
        english = doc.language == "en"
        for core_start, core_end, words in doc.memo(_double_candidate_words):
            yield from doubles_in(self, doc, words, english, core_start, core_end)
        if doc.language != "en":
            return
        yield from glued_doubles(self, doc)
