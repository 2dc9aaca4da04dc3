"""Duplication rules (DU): text that appears twice.

None of them tokenizes the whole document (the costliest shared part):
DU001 compares sentence keys made with one character map of the text, and
only for the sentences that share their first or last three words with
another; DU002 and DU003 find candidate sentences or lines with C-level
scans and tokenize only those (``Document.line_words``). The scans are
supersets: a test checks that every line gives the same findings.
"""

from __future__ import annotations

import operator
import re
from collections import Counter
from difflib import SequenceMatcher
from itertools import compress
from operator import itemgetter
from typing import Iterator

import regex

from detector.document import Document
from detector.finding import Finding, Fix, Severity
from detector.rule import Rule
from detector.rules._repeat_scans import (  # noqa: F401  (sentence_key, _ascii_folded: public to tests)
    _all_lines,
    _ascii_folded,
    _double_candidate_words,
    _double_candidates,
    _glued_double_words,
    _lines_of,
    _lowered,
    _match_start,
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
                fix=Fix("", safe=False, description="delete the repeated text"),
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


# Words that are legitimately doubled (`had had`, `that that`, `is is` in
# "what it is is") and reduplications (`bye bye`, `so so`).
_DOUBLE_OK = frozenset(
    """had that is bye ha haha no so very really tut hip chop knock bla
    blah yada ta tsk boo hush now there well far many long pom quack dum tom
    night wee murmur ooh oh ah aye yes yeah hey la
    die der das den dem des dat nous vous bon""".split()
)
# Reduplications written as one word (`byebye`, `hiphip`, `tomtom`); a glued
# `thatthat` or `reallyreally` is always a slip.
_GLUED_DOUBLE_OK = frozenset(
    "bye ha bla blah yada tut hip chop knock pom dum tom wee ooh oh ah la bon no so ta tsk boo".split()
)
# Languages in which a doubled word is almost always a slip. Elsewhere
# reduplication is grammar (Indonesian, Vietnamese, Thai, Turkish `tek tek`,
# Hindi `पल पल`), so DU003 stays silent. German `die die` and French `nous
# nous` are grammatical too (listed above).
_DOUBLING_IS_A_SLIP = frozenset(
    "en fr es it pt nl de sv da no nb pl cs sk ro ru uk bg hr sl ca".split()
)
# Function words are never proper names: `The the` is an error even though
# both are capitalised.
_FUNCTION_WORDS = frozenset(
    """the a an of to in on at by for with and or but is are was were be been
    it its this that these those he she they we you i his her their our my
    from as has have had will would can could""".split()
)
_CONNECTORS = frozenset({"and", "or", "&"})
_GAP = regex.compile(r"[ \t\u00a0]+")


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
    `ignore = ["DU002"]`.
    """

    code = "DU002"
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
                fix=Fix("", safe=False, description="delete the repeated phrase"),
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


def _in_prose_line(text: str, at: int) -> bool:
    """The line around ``at`` is a sentence: six words or more and a final
    punctuation mark, not a menu or a list of tags."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    line = text[start : end if end >= 0 else len(text)].rstrip()
    return len(line.split()) >= 6 and line[-1:] in ".!?\"”'’)"


def _common_english(word: str) -> bool:
    from detector.rules._glue import lexicon

    return lexicon().get(word, 1 << 30) < 10000 and word not in _REDUPLICATED_NAMES


# Place and person names that double a word.
_REDUPLICATED_NAMES = frozenset(
    "bora walla pago baden sing sirhan duran mahi tora tutu wagga kuala humbert".split()
)


def _times_doubled(doc: Document, word: str) -> tuple[int, int]:
    """How often the lower-cased ``word`` is written twice in a row (only
    spaces between), and how often it occurs as a word in all."""
    low = doc.memo(_lowered)
    if low is None:
        lines = _all_lines(doc)
    else:
        # the lines where it stands alone: a word follows no letter and
        # precedes no letter or digit
        alone = re.finditer(rf"(?<![a-z]){re.escape(word)}(?![a-z0-9])", low)
        lines = _lines_of(doc, map(_match_start, alone))
    text = doc.text
    doubled = total = 0
    for line in lines:
        words = doc.line_words(line)
        lw = list(map(str.lower, map(itemgetter(2), words)))
        total += lw.count(word)
        doubled += sum(
            1 for k, (x, y) in enumerate(zip(lw, lw[1:]))
            if x == y == word and _GAP.fullmatch(text, words[k].end, words[k + 1].start)
        )
    return doubled, total


def _doubled_name_slip(first: str, second: str, word: str, doc: Document) -> bool:
    """A name written twice (`Paul Robinson Robinson.`) that the document
    uses on its own elsewhere and doubles only here: a slip, unlike the
    names that are always doubled (`Bora Bora`, `Sirhan Sirhan`). Short
    syllables of Chinese and Malay names (`Tan Kok Kok Hong`) are left alone.
    """
    if first != second or len(word) < 4 or word in _REDUPLICATED_NAMES:
        return False
    doubled, total = _times_doubled(doc, word)
    alone = total - 2 * doubled
    return doubled == 1 and alone >= 1


def _head(word: str) -> str:
    """`nation's` → `nation`, `third-party` → `third`."""
    return regex.split(r"['’\-]", word, maxsplit=1)[0]


def _tail(word: str) -> str:
    """`oil-rich` → `rich` (only after a hyphen)."""
    return word.rsplit("-", 1)[-1]


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
            yield from self._doubles_in(doc, words, english, core_start, core_end)
        if doc.language != "en":
            return
        yield from self._glued_doubles(doc)

    def _doubles_in(
        self, doc: Document, words: list, english: bool, core_start: int, core_end: int
    ) -> Iterator[Finding]:
        """Doubled words among ``words`` whose first word starts in the core."""
        text = doc.text
        low = list(map(str.lower, map(itemgetter(2), words)))
        # Candidate pairs first, in one comprehension: most pairs differ.
        pairs = [
            i for i, (x, y) in enumerate(zip(low, low[1:]))
            if (x == y or (y.startswith(x) or x.endswith(y)) and x[:1] == y[:1] or x.endswith("-" + y))
            and core_start <= words[i].start < core_end
        ]
        for i in pairs:
            a, b = words[i], words[i + 1]
            la, lb = low[i], low[i + 1]
            if (
                i + 2 < len(low) and low[i + 2] == lb and _GAP.fullmatch(text, b.end, words[i + 2].start)
                or i > 0 and low[i - 1] == la and _GAP.fullmatch(text, words[i - 1].end, a.start)
            ):
                continue  # `Win Win Win`, `Font Size: a a A A`: deliberate runs
            if la != lb:
                # `nation nation's`, `third third-party`, `oil-rich rich`
                la, lb = _head(la), _head(lb)
                if la != lb and _tail(a.text.lower()) != b.text.lower():
                    continue
                if la != lb:
                    la = lb = b.text.lower()
            if la in _DOUBLE_OK or len(la) == 1 and la != "a":
                continue  # initials: `Col M M Masur`
            if not _GAP.fullmatch(text, a.end, b.start):
                continue
            if a.text[0].isupper() and b.text[0].isupper() and la not in _FUNCTION_WORDS:
                # A name (`Bora Bora`, `Walla Walla`), unless it is a common
                # English word (`Christmas Christmas`, `Iraqi Iraqi`).
                if a.text.isupper():
                    continue  # `WELCOME WELCOME`: a heading or menu
                if not english or not (
                    _common_english(la) or _doubled_name_slip(a.text, b.text, la, doc)
                ):
                    continue
                if _times_doubled(doc, la)[0] > 1:
                    continue  # doubled each time: a chant or a name (`Robinson Robinson` twice)
                if not _in_prose_line(text, a.start):
                    continue  # `Travel Travel News`, `Legal Legal Admin`: a menu
            if a.script != "Latin" and not la.isalpha():
                continue
            yield self.finding(
                doc, a.start, b.end,
                f"the word '{la}' is doubled",
                confidence=0.9,
                fix=Fix(
                    a.text if a.text.lower() == b.text.lower() else b.text,
                    safe=False, description="delete the extra copy",
                ),
            )

    def _glued_doubles(self, doc: Document) -> Iterator[Finding]:
        from detector.rules._glue import SHORT_PARTS, _load

        candidates = _glued_double_words(doc)
        if not candidates:
            return
        frequent, known, _glue_like, vocabulary = _load()
        for word, low in candidates:
            w = word.text
            n = len(w) // 2
            head, tail, half = w[:n], w[n:], low[:n]
            if not w.isalpha() or not (tail.islower() or tail == head):
                continue  # `Hillhill`, `HillHill`, `werewere`
            if not (head.islower() or head.isupper() or head[0].isupper() and head[1:].islower()):
                continue  # `ZZzzzz`
            if not head.islower() and frequent.get(half, 1 << 30) >= 10000 and n < 6 and not (
                tail == head and n >= 4 and half in frequent and half not in _REDUPLICATED_NAMES
            ):
                continue  # `Puchipuchi`, `WiiWii`: names, not slips; `BeckBeck` is one
            if half in _GLUED_DOUBLE_OK or low in frequent:
                continue  # `byebye`, `couscous`
            rank = frequent.get(half, 1 << 30)
            listed = low in known or low in vocabulary  # `dodo`, `tartar`, web glues
            if listed and not (n >= 3 and rank < 3000):
                continue  # wordfreq counts glues like `reallyreally`, `thatthat` too
            if n <= 2 and half not in SHORT_PARTS and not (head.isupper() and tail.islower()):
                continue  # two letters: `isis` is a word, `CHCH` a call sign, `APap` a slip
            if head.islower() and not (rank < 10000 or n >= 6 and not listed):
                continue  # `werewere`: a frequent word; not a user name like `meowmeow`
            yield self.finding(
                doc, word.start, word.end,
                f"'{w}' is the word '{head}' written twice with no space",
                confidence=0.85,
                fix=Fix(head, safe=False, description="keep one copy"),
            )
