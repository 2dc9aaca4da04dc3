"""The first look at an unknown word (SP002's ``worth_a_look``) answers what
the six checks of a glued word answer, with less work: the gates it uses
are necessary conditions of the checks (see ``segmentable_from`` and
``splits_in_two_or_three``), and the faster ``segment`` and ``after_name``
give what the plain ones gave. Each is compared here with the plain version
(copied from before the change) on the unknown words of the seed copies,
on words glued from lexicon words and names, and on near misses."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from detector.rules import _glue_chain, _glue_scan
from detector.rules._glue import (
    _EDGE_PREFIXES, _EDGE_SUFFIXES, _GLUING, _load, lexicon, split_glued,
)
from detector.rules._glue_chain import (
    FUNCTION_WORDS, LINK_WORDS, MAX_MEAN_COST, MAX_PART_LENGTH, MAX_ZIPF, MIN_NAME_LENGTH, PART_COST, SUFFIXES,
    _no_morphology, chain_split, ends_with_part, mean_cost, part_words, partner_split, segment, segmentable_from,
    splits_in_two_or_three, zipf_of,
)
from detector.rules._glue_scan import CONTRACTION_ENDS, after_contraction, contraction_end, worth_a_look

SEEDS = Path(__file__).resolve().parent.parent / "fixtures" / "seeds"


def plain_segment(word):
    """``segment`` as it was: every start of a part tried, in order."""
    n = len(word)
    best = [None] * (n + 1)
    best[0] = (0.0, ())
    for i in range(1, n + 1):
        for j in range(max(0, i - MAX_PART_LENGTH), i):
            if best[j] is None or (j == 0 and i == n):
                continue
            z = zipf_of(word[j:i])
            if z is None:
                continue
            cost = best[j][0] + MAX_ZIPF - z + PART_COST
            if best[i] is None or cost < best[i][0]:
                best[i] = (cost, best[j][1] + (word[j:i],))
    return best[n][1] if best[n] else None


def plain_after_name(word):
    """``after_name`` as it was: every place of the name's end tried."""
    out = []
    for i in range(MIN_NAME_LENGTH, len(word) - 2):
        rest = word[i:]
        z = zipf_of(rest)
        parts = (rest,) if z is not None else plain_segment(rest)
        if not parts or parts[-1] in SUFFIXES and (len(parts) == 1 or parts[-2] not in FUNCTION_WORDS):
            continue
        if not (parts[0] in LINK_WORDS or parts[-1] in LINK_WORDS):
            continue
        if any(len(p) <= 2 and p not in FUNCTION_WORDS for p in parts) or mean_cost(parts) > MAX_MEAN_COST:
            continue
        if len(parts) > 1 and not _no_morphology(parts):
            continue
        out.append((i, parts))
    return tuple(out)


def plain_worth_a_look(word):
    """``worth_a_look`` as it was: the six checks, one after another."""
    return (
        split_glued(word, True) is not None or split_glued(word, False) is not None
        or chain_split(word) is not None or bool(plain_after_name(word))
        or after_contraction(word) is not None
        or partner_split(word) is not None
    )


def runs_of_parts(word):
    """``segmentable_from`` by its definition: every way to the end tried
    (from the start, two parts or more)."""
    n = len(word)
    ok = [False] * n + [True]
    for j in range(n - 1, -1, -1):
        ok[j] = any(ok[i] and zipf_of(word[j:i]) is not None for i in range(j + 1, n + 1 if j else n))
    return tuple(ok)


def two_or_three(word):
    n = len(word)
    part = lambda s: zipf_of(s) is not None  # noqa: E731
    return any(part(word[:i]) and part(word[i:]) for i in range(1, n)) or any(
        part(word[:i]) and part(word[i:j]) and part(word[j:]) for i in range(1, n) for j in range(i + 1, n)
    )


def word_list():
    """The unknown words of the seed copies, glues of two to four lexicon
    words (some after a contraction's end, some after a name), and
    names and rare words alone."""
    words = set()
    for path in sorted(SEEDS.glob("*.txt")):
        words |= _glue_scan.unknown_words(path.read_text("utf-8"))
    rng = random.Random(11)
    frequent = list(lexicon())
    vocabulary = sorted(_load()[3])
    names = ["magowan", "neuheisel", "zelensky", "ramsey", "johnson", "binghamton", "mowbray", "kibaki"]
    for _ in range(1500):
        pool = [rng.choice(frequent[: rng.choice((300, 3000, 28000))]) for _ in range(rng.randint(1, 4))]
        if rng.random() < 0.2:
            pool.insert(0, rng.choice(vocabulary))
        if rng.random() < 0.15:
            pool.insert(0, rng.choice(names))
        if rng.random() < 0.1:
            pool.insert(0, rng.choice(("s", "t", "re", "ll", "ve", "d", "m")))
        word = "".join(pool)
        if len(word) >= 4 and word.isalpha() and word.isascii():
            words.add(word)
    words |= set(names) | {"counterbalance", "nevertheless", "geoeconomics", "leaderless", "campanhas", "oilskin"}
    return sorted(words)


WORDS = word_list()


def test_the_word_list_holds_glues_and_words():
    assert len(WORDS) > 1000
    verdicts = [plain_worth_a_look(w) for w in WORDS]
    assert 100 < sum(verdicts) < len(WORDS) - 100  # both answers, many times


def test_segment_is_the_plain_one():
    for word in WORDS:
        assert segment(word) == plain_segment(word), word
        for i in range(MIN_NAME_LENGTH, len(word) - 2):
            assert segment(word[i:]) == plain_segment(word[i:]), word[i:]


def test_after_name_is_the_plain_one():
    for word in WORDS:
        assert _glue_chain.after_name(word) == plain_after_name(word), word


def test_runs_of_parts_and_two_or_three_parts_by_their_definitions():
    for word in WORDS:
        assert segmentable_from(word) == runs_of_parts(word), word
        assert splits_in_two_or_three(word) == two_or_three(word), word


def test_part_words_are_the_words_zipf_of_knows():
    frequent, known, glue_like, vocabulary = _load()
    candidates = set(frequent) | known | glue_like | vocabulary | {w[:k] for w in WORDS for k in range(1, len(w))}
    parts = part_words()
    for word in candidates:
        assert (word in parts) == (zipf_of(word) is not None), word
    assert {"a", "i", "in", "the", "sovereignty"} <= parts and not {"tam", "xq", "s", "co"} & parts


def test_ends_with_part_by_its_definition():
    for word in WORDS:
        expected = any(zipf_of(word[k:]) is not None for k in range(1, len(word)))
        assert ends_with_part(word) is expected, word
    assert ends_with_part("luczak") is False and ends_with_part("onsovereignty") is True


def plain_contraction_end(run):
    """``contraction_end`` as it was: each end tried in turn."""
    for end in CONTRACTION_ENDS:
        if run.startswith(end) and len(run) - len(end) >= 3:
            return end
    return ""


@pytest.mark.parametrize("run", ["sfirst", "tdrink", "regoing", "llbe", "vebeen", "dlike", "mproud", "sit", "ree", "x"])
def test_contraction_end_is_the_plain_one(run):
    assert contraction_end(run) == plain_contraction_end(run)


def test_contraction_end_is_the_plain_one_on_the_word_list():
    for word in WORDS:
        assert contraction_end(word) == plain_contraction_end(word), word


def test_worth_a_look_is_the_six_checks():
    for word in WORDS:
        assert worth_a_look(word) == plain_worth_a_look(word), word


@pytest.mark.parametrize("word", ["", "a", "of", "isa", "sthe", "tthe"])
def test_short_words(word):
    assert worth_a_look(word) == plain_worth_a_look(word)


def test_the_ends_of_contractions_have_one_or_two_letters():
    # The word after one starts at the second or third letter: it is a run
    # of parts there, so the contraction check needs no other gate.
    assert {len(end) for end in CONTRACTION_ENDS} == {1, 2}


def test_the_function_words_of_the_edge_splits_are_parts():
    # The gates rest on this: a split of a function word and a word of the
    # vocabulary is a split into parts that zipf_of knows.
    for word in set(_EDGE_PREFIXES) | set(_EDGE_SUFFIXES) | {"in"} | _GLUING:
        assert zipf_of(word) is not None, word
    assert all(zipf_of(w) is not None for w in _load()[3])  # the vocabulary, whatever its length


@pytest.mark.parametrize(
    "word, expected",
    [
        ("onsovereignty", True),  # on sovereignty
        ("sfirst", True),  # 's first
        ("magowanmisspokeabout", True),  # a name, then words
        ("captained", False),  # a rare word
        ("zelensky", False),  # a name alone
        ("xqzvbrt", False),  # no part at all
    ],
)
def test_worth_a_look_examples(word, expected):
    assert worth_a_look(word) is expected
    assert plain_worth_a_look(word) is expected

