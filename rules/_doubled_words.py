"""DU003's judgement of its candidates (``rules/duplication.py`` holds the
rule): which doubled words are slips (`the the`, `werewere`) and which are
names, reduplications, headings or grammar (`Bora Bora`, `bye bye`,
`WELCOME WELCOME`, `had had`)."""

from __future__ import annotations

import re
from operator import itemgetter
from typing import Iterator

import regex

from detector.document import Document
from detector.finding import Finding, Fix
from detector.rule import Rule
from detector.rules._repeat_scans import _all_lines, _glued_double_words, _lines_of, _lowered, _match_start

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

# Function words are never proper names: `The the` is an error even though
# both are capitalised.
_FUNCTION_WORDS = frozenset(
    """the a an of to in on at by for with and or but is are was were be been
    it its this that these those he she they we you i his her their our my
    from as has have had will would can could""".split()
)
_GAP = regex.compile(r"[ \t\u00a0]+")


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



def doubles_in(
    rule: Rule, doc: Document, words: list, english: bool, core_start: int, core_end: int
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
                # `WELCOME WELCOME`: a heading or menu; but an acronym (no
                # common word) that the text also writes alone in capitals,
                # doubled once in prose, is a slip (`OPEC OPEC oil accounts`).
                if not (
                    english
                    and not _common_english(la)
                    and text.count(a.text) > 2
                    and _doubled_name_slip(a.text, b.text, la, doc)
                    and _in_prose_line(text, a.start)
                ):
                    continue
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
        yield rule.finding(
            doc, a.start, b.end,
            f"the word '{la}' is doubled",
            confidence=0.9,
            fix=Fix(
                a.text if a.text.lower() == b.text.lower() else b.text,
                safe=False, description="delete the extra copy",
            ),
        )

def glued_doubles(rule: Rule, doc: Document) -> Iterator[Finding]:
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
        yield rule.finding(
            doc, word.start, word.end,
            f"'{w}' is the word '{head}' written twice with no space",
            confidence=0.85,
            fix=Fix(head, safe=False, description="keep one copy"),
        )
