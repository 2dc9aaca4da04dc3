"""Copies of one story: align their sentences and compare the facts they state.

Feeds, syndication and translation give a publisher several copies of one
article. Where the copies disagree on a number, a name or a date, at least
one of them is damaged (`$147 billion` vs `7 147 billion`, `Heihe` vs
`Heihi`, `February 24` vs `February 24, 2014`). ``detector check --copies``
checks each file as usual and then runs the rules of scope ``copies`` over
all of them together.

The copies are usually not identical: they are translations or rewrites of
one text. So sentences are aligned by the content words, names and numbers
they share, and only the facts of aligned sentences are compared:

>>> a = Copy(0, Document("Trade hit $147 billion last year, up 30 percent on 2019, customs data showed."))
>>> b = Copy(1, Document("Customs data showed trade reached 7 147 billion last year, up 30 percent from 2019."))
>>> [(p.left.sentence, p.right.sentence) for p in Copies([a, b]).pairs(0, 1)]
[(0, 0)]
>>> [(q.text, q.value, q.unit) for q in numbers_in("hitting $147 billion, up 30 percent on 2019")]
[('$147 billion', 147.0, 'billion'), ('30 percent', 30.0, 'percent'), ('2019', 2019.0, '')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import NamedTuple

from detector.document import Document

# Letters only (no digits or underscore): the words that carry a sentence's content.
_WORD = re.compile(r"[^\W\d_]+")
# A capitalised word of 4+ letters: a candidate name (`Heihe`, `Blagoveshchensk`).
_NAME = re.compile(r"\b[A-Z][a-z]{3,}\b")
# A number as news writes it: an optional currency sign, digits grouped by
# commas, points or single spaces (`7 147`, `1,200`, `2.5`), an optional
# ordinal suffix, then an optional scale or unit word.
_NUMBER = re.compile(
    r"(?P<currency>[$€£¥]\s?)?"
    r"(?<![\w.,])(?P<digits>\d{1,3}(?:(?:,| (?=\d{3}\b))\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\d,]\d)"
    r"(?:st|nd|rd|th)?"
    r"(?:\s?(?P<unit>%|(?:percent|per cent|billion|million|trillion|thousand|bn|mn|km|kilometres|kilometers|miles|years?|people|dead|killed|troops)\b))?"
)
_MONTHS = ("January February March April May June July August September October November December").split()
# `February 24`, `February 24, 2014`, `24 February 2014`.
_DATE = re.compile(
    r"\b(?:(?P<month>" + "|".join(_MONTHS) + r")\s+(?P<day>\d{1,2})(?!\d)(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{4})\b)?"
    r"|(?P<day2>\d{1,2})\s+(?P<month2>" + "|".join(_MONTHS) + r")(?:,?\s+(?P<year2>\d{4})\b)?)"
)
# Short function words carry no content for the alignment.
_STOP = frozenset(
    "the and for that with this from was were has have had its his her their they them are but not "
    "will would been also said says who which what when than then into over after before about such "
    "more most other some any all one two can could may might our out only very just while where".split()
)


class Number(NamedTuple):
    start: int
    end: int
    text: str
    value: float
    unit: str


def numbers_in(text: str, offset: int = 0) -> list[Number]:
    """The numbers of ``text`` with their value and unit (offsets shifted by ``offset``)."""
    out = []
    for m in _NUMBER.finditer(text):
        digits = m["digits"].replace(",", "").replace(" ", "")
        unit = (m["unit"] or "").lower()
        unit = {"%": "percent", "per cent": "percent", "bn": "billion", "mn": "million", "year": "years"}.get(unit, unit)
        out.append(Number(offset + m.start(), offset + m.end(), m.group(), float(digits), unit))
    return out


class Date(NamedTuple):
    start: int
    end: int
    text: str
    month: str
    day: int
    year: int | None


def dates_in(text: str, offset: int = 0) -> list[Date]:
    out = []
    for m in _DATE.finditer(text):
        month, day, year = (m["month"], m["day"], m["year"]) if m["month"] else (m["month2"], m["day2"], m["year2"])
        out.append(Date(offset + m.start(), offset + m.end(), m.group(), month, int(day), int(year) if year else None))
    return out


def edit_distance(a: str, b: str, limit: int = 2) -> int:
    """Levenshtein distance, or ``limit + 1`` once it exceeds ``limit``.

    >>> edit_distance("Heihe", "Heihi"), edit_distance("Kiev", "Kyiv"), edit_distance("Putin", "Moscow")
    (1, 2, 3)
    """
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return min(previous[-1], limit + 1)


@dataclass
class Sentence:
    copy: int
    sentence: int  # index in its document's sentences
    start: int
    end: int
    text: str

    @cached_property
    def content(self) -> frozenset[str]:
        words = {w.lower() for w in _WORD.findall(self.text) if len(w) >= 3}
        return frozenset(words - _STOP) | frozenset(n.text for n in self.numbers)

    @cached_property
    def numbers(self) -> list[Number]:
        return numbers_in(self.text, self.start)

    @cached_property
    def dates(self) -> list[Date]:
        return dates_in(self.text, self.start)

    @cached_property
    def names(self) -> list[tuple[int, int, str]]:
        first = _WORD.search(self.text)
        skip = first.start() if first else -1  # a sentence's first word is capitalised anyway
        return [(self.start + m.start(), self.start + m.end(), m.group())
                for m in _NAME.finditer(self.text) if m.start() != skip]


class Pair(NamedTuple):
    left: Sentence
    right: Sentence


class Copy:
    """One file of the set: its index and its Document."""

    def __init__(self, index: int, document: Document) -> None:
        self.index = index
        self.document = document

    @cached_property
    def sentences(self) -> list[Sentence]:
        text = self.document.text
        return [Sentence(self.index, i, s.start, s.end, text[s.start:s.end])
                for i, s in enumerate(self.document.sentences)]

    @cached_property
    def words(self) -> frozenset[str]:
        """Every word of the copy, as written (for 'does this copy say X anywhere')."""
        return frozenset(_WORD.findall(self.document.text))


class Copies:
    """The copies of one story, with their sentence alignment computed once."""

    #: An aligned pair shares at least this many content words, names or numbers …
    MIN_SHARED = 4
    #: … and at least this share of the smaller sentence's content.
    MIN_OVERLAP = 0.4

    def __init__(self, copies: list[Copy]) -> None:
        self.copies = copies
        self._pairs: dict[tuple[int, int], list[Pair]] = {}

    def pairs(self, i: int, j: int) -> list[Pair]:
        """Sentences of copy ``i`` with their best match in copy ``j`` (each at most once)."""
        key = (i, j)
        if key not in self._pairs:
            self._pairs[key] = self._align(self.copies[i], self.copies[j])
        return self._pairs[key]

    def _align(self, left: Copy, right: Copy) -> list[Pair]:
        candidates = []
        for a in left.sentences:
            if len(a.content) < self.MIN_SHARED:
                continue
            best, best_score = None, 0.0
            for b in right.sentences:
                shared = len(a.content & b.content)
                if shared < self.MIN_SHARED:
                    continue
                overlap = shared / min(len(a.content), len(b.content))
                if overlap >= self.MIN_OVERLAP and overlap > best_score:
                    best, best_score = b, overlap
            if best is not None:
                candidates.append((best_score, a, best))
        # Greedy one-to-one: a pasted-twice copy must not pair both halves with one sentence.
        used_left, used_right, pairs = set(), set(), []
        for _, a, b in sorted(candidates, key=lambda c: -c[0]):
            if a.sentence in used_left or b.sentence in used_right:
                continue
            used_left.add(a.sentence)
            used_right.add(b.sentence)
            pairs.append(Pair(a, b))
        return sorted(pairs, key=lambda p: p.left.start)

    def others(self, i: int) -> list[int]:
        return [j for j in range(len(self.copies)) if j != i]
