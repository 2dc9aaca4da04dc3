"""IN002 (off-topic sentence) with its static scorer: the distilled word
vectors of rules/_word_vectors.py and the logistic model over them.

True positives assert the exact span; near misses (a story with many names,
a quotation, a list, a short text, other damage) assert no finding.
"""

from __future__ import annotations

from math import sqrt

import pytest
from conftest import FIXTURES, findings_of, spans
from test_injected import INTRUDER, SEED_002, in002, with_line  # the IN rules' shared helpers

from detector.document import Document
from detector.rules._word_vectors import (
    DATA_FILE,
    STATIC_COEFFICIENTS,
    STATIC_FEATURE_NAMES,
    WordVectors,
    cohesion_cosines,
    sentence_vector,
    static_features,
    static_probability,
    word_vectors,
)

# -- the data file -----------------------------------------------------------------

def test_word_vector_file_is_small_and_whole():
    table = word_vectors()
    assert DATA_FILE.stat().st_size < 3_000_000
    assert table.dims == 64
    assert len(table.row_of) > 25_000
    for stem in ("sanction", "country", "putin", "alligator", "golf", "trade"):
        assert stem in table, stem
    assert "sanctions" not in table  # keys are light stems, as in the sentence profiles
    assert all(-127 <= v <= 127 for v in table.vector("putin"))


def test_word_vector_file_rejects_a_damaged_file():
    data = DATA_FILE.read_bytes()
    with pytest.raises(ValueError):
        WordVectors(b"XXXX" + data[4:])
    with pytest.raises(ValueError):
        WordVectors(data[:-1])


def test_packed_sum_is_the_exact_weighted_sum():
    """The big-integer lanes give exactly the integer weighted sum of the
    int8 vectors (weights in quarters), then unit length."""
    table = word_vectors()
    weights = {"putin": 2.6, "kremlin": 1.0, "sanction": 4.13, "notaword": 3.0}
    got = sentence_vector(weights, table)
    expected = [0] * table.dims
    for stem, weight in (("putin", 10), ("kremlin", 4), ("sanction", 17)):
        expected = [e + weight * v for e, v in zip(expected, table.vector(stem))]
    norm = sqrt(sum(e * e for e in expected))
    assert got == pytest.approx([e / norm for e in expected], abs=1e-12)
    assert sentence_vector({"notaword": 3.0, "2014": 2.0}, table) is None


def test_related_words_are_closer_than_unrelated_ones():
    table = word_vectors()

    def cosine(a, b):
        u, v = sentence_vector({a: 1.0}, table), sentence_vector({b: 1.0}, table)
        return sum(x * y for x, y in zip(u, v))

    assert cosine("putin", "kremlin") > cosine("putin", "alligator") + 0.3
    assert cosine("bridge", "river") > cosine("golf", "tariff")


def test_cosines_single_out_the_sentence_of_another_topic():
    sentences = [
        {"trade": 3.0, "tariff": 4.0, "china": 2.0},
        {"export": 3.0, "beijing": 3.0, "trade": 3.0},
        {"golf": 4.0, "alligator": 5.0, "deputy": 3.0},
        {"tariff": 4.0, "import": 3.0, "economy": 2.5},
        {"china": 2.0, "trade": 3.0, "surplus": 4.0},
    ]
    to_rest, to_neighbour = cohesion_cosines(sentences)
    assert min(range(5), key=to_rest.__getitem__) == 2
    assert min(range(5), key=to_neighbour.__getitem__) == 2
    # A sentence without a known word has no cosine (0), and no neighbour's.
    assert cohesion_cosines([{"zzxq": 2.0}, {"trade": 1.0}])[0] == [0.0, 0.0]


# -- the model ------------------------------------------------------------------------

def test_model_has_one_coefficient_per_input():
    assert len(STATIC_COEFFICIENTS) == len(STATIC_FEATURE_NAMES) + 1
    doc = Document(with_line(SEED_002, INTRUDER), language="en")
    rows = static_features(doc, 6, 8)
    assert rows and all(len(x) == len(STATIC_FEATURE_NAMES) for _, x in rows)
    best = max(rows, key=lambda row: static_probability(row[1]))
    assert doc.text[best[0].start : best[0].end] == INTRUDER


def test_features_need_enough_sentences():
    short = "\n".join(SEED_002.split("\n")[:3])
    assert static_features(Document(short, language="en"), 6, 8) == []


# -- IN002: true positives ---------------------------------------------------------------

def test_in002_finds_a_sentence_of_another_story():
    text = with_line(SEED_002, INTRUDER)
    found = findings_of(text, select=("IN002",), language="en")
    assert [(f.code, f.match) for f in found] == [("IN002", INTRUDER)]
    assert found[0].start == text.index(INTRUDER)
    assert found[0].severity.value == "warning"
    assert 0.0 < found[0].confidence <= 1.0
    assert found[0].details["probability"] == pytest.approx(found[0].confidence, abs=0.005)


def test_in002_finds_it_glued_to_a_paragraph():
    lines = SEED_002.split("\n")
    lines[9] = lines[9] + " " + INTRUDER
    text = "\n".join(lines)
    found = findings_of(text, select=("IN002",), language="en")
    assert spans(found) == [("IN002", INTRUDER)]
    assert found[0].start == text.index(INTRUDER)


def test_in002_is_opt_in():
    from detector.config import Settings
    from detector.engine import check_text

    text = with_line(SEED_002, INTRUDER)
    assert [f for f in check_text(text, Settings(language="en")).findings if f.code == "IN002"] == []


# -- IN002: near misses -------------------------------------------------------------------

def test_in002_clean_seeds_have_no_finding():
    for path in sorted((FIXTURES / "seeds").glob("*.txt")):
        assert in002(path.read_text("utf-8")) == [], path.name


def test_in002_story_with_many_names_is_not_flagged():
    text = with_line(
        SEED_002,
        "Analyst Li Mingjiang of Nanyang Technological University expects the Kremlin to welcome it.",
    )
    text += "\nLi added that the call was routine."
    assert in002(text) == []


def test_in002_on_topic_quotation_is_not_flagged():
    quote = ("“We will never accept sanctions against our partners in Moscow,” a spokesman for the "
             "Chinese foreign ministry told reporters in Beijing.")
    assert in002(with_line(SEED_002, quote)) == []


def test_in002_credit_line_is_not_an_intruder():
    text = SEED_002 + "\n(Reporting by Laura Zuckerman; Editing by Jim Christie and Martin Petty)"
    assert in002(text) == []


def test_in002_short_text_is_not_judged():
    text = "\n".join(SEED_002.split("\n")[:4] + [INTRUDER])
    assert in002(text) == []


def test_in002_leaves_sentences_that_other_damage_explains():
    """The same intruder in another language, garbled by mojibake or
    repeated: the mixed-language, mojibake and duplication rules own it."""
    assert in002(with_line(SEED_002, INTRUDER)) == [("IN002", INTRUDER)]  # the control
    german = ("Beamte im Okeechobee County in Florida verhafteten einen Mann, der am Palm Creek "
              "Golfplatz Alligatoren fütterte.")
    assert in002(with_line(SEED_002, german)) == []
    garbled = INTRUDER.replace("golf course", "golf courseâ€™s green")
    assert in002(with_line(SEED_002, garbled)) == []
    lost = INTRUDER.replace("County", "Co\ufffdnty")
    assert in002(with_line(SEED_002, lost)) == []
    assert in002(with_line(with_line(SEED_002, INTRUDER), INTRUDER, at=14)) == []


def test_in002_same_findings_whatever_was_checked_before():
    """The packed vectors are cached per stem: a fresh table gives the same result."""
    from detector.rules import _word_vectors

    text = with_line(SEED_002, INTRUDER)
    first = findings_of(text, select=("IN002",), language="en")
    _word_vectors.word_vectors.cache_clear()
    again = findings_of(text, select=("IN002",), language="en")
    assert [(f.start, f.end, f.confidence) for f in first] == [(f.start, f.end, f.confidence) for f in again]


def test_in002_finds_an_intruder_without_names():
    """The lexical rule needed names of the sentence's own; the word vectors do not."""
    intruder = "The recipe calls for two cups of flour, a pinch of salt and a little melted butter."
    lines = SEED_002.split("\n")
    lines[9] = lines[9] + " " + intruder
    text = "\n".join(lines)
    found = findings_of(text, select=("IN002",), language="en")
    assert spans(found) == [("IN002", intruder)]
    assert found[0].start == text.index(intruder)


def test_in002_reports_one_sentence_per_text():
    """Three sentences of other stories: at most one finding, on one of them."""
    items = [
        INTRUDER,
        "Fans of the Green Bay Packers lined Lambeau Field for the Thanksgiving parade on Sunday.",
        "Police in Lyon, France, closed the Croix-Rousse tunnel after a lorry caught fire.",
    ]
    lines = SEED_002.split("\n")
    for offset, item in enumerate(items):
        lines.insert(4 + 4 * offset, item)
    found = in002("\n".join(lines))
    assert len(found) == 1 and found[0][1] in items


def test_in002_a_digest_of_unrelated_items_is_not_judged():
    """A list of news briefs: every item is off the others' topic, so none
    stands out from the rest."""
    digest = "\n".join([
        "Deputies in Okeechobee County, Florida, arrested a man feeding alligators at a golf course.",
        "Fans of the Green Bay Packers lined Lambeau Field for the Thanksgiving parade on Sunday.",
        "Police in Lyon, France, closed the Croix-Rousse tunnel after a lorry caught fire.",
        "The central bank of Brazil raised its benchmark interest rate by half a percentage point.",
        "A new exhibition of Dutch still-life paintings opened at the National Gallery in London.",
        "Heavy snow closed several mountain passes in the Swiss Alps for the second day running.",
        "Shares of the Japanese carmaker rose after it reported record quarterly profits on Tuesday.",
        "Scientists in Chile said they had found a new species of frog in a remote cloud forest.",
        "The city council of Melbourne approved plans for a bicycle lane along the river front.",
        "Organisers of the Edinburgh festival said ticket sales had reached a record this summer.",
    ])
    assert in002(digest) == []


def test_in002_link_line_is_not_prose():
    """A web address counts as words (`www`, `koreatimes`, `html`) but is no
    sentence of another story: seed 000 ends its article with one, which the
    model alone would report."""
    seed = (FIXTURES / "seeds" / "000_c45cca453453695c.txt").read_text("utf-8")
    link = "http://www.koreatimes.co.kr/www/world/2022/06/501_331110.html"
    assert link in seed
    assert in002(seed) == []
    # The control: the same text with an intruder is still reported.
    assert in002(with_line(seed, INTRUDER, at=5)) == [("IN002", INTRUDER)]
