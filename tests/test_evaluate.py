"""``detector evaluate``: the metrics, checked on small examples worked out by hand."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from detector.cli import app
from detector.errors import DetectorError
from detector.evaluate import GoldRecord, Hit, classify_hits, load_gold, measure, parse_record, render, span_found

EVAL = Path(__file__).resolve().parent.parent / "fixtures" / "eval"


# -- a gold span is found when findings of its category cover half its non-space characters


def test_half_of_the_non_space_characters_is_enough():
    text = "ab cd"  # four non-space characters
    span = (0, 5, "spacing", "k")
    assert span_found(text, span, [Hit("SP001", "spacing", 3, 5)])  # 'cd': 2 of 4
    assert not span_found(text, span, [Hit("SP001", "spacing", 4, 5)])  # 'd': 1 of 4
    # The space does not count: 'b ' covers one non-space character only.
    assert not span_found(text, span, [Hit("SP001", "spacing", 1, 3)])


def test_coverage_adds_up_over_findings_of_the_same_category_only():
    text = "abcdef"
    span = (0, 6, "duplication", "k")
    assert span_found(text, span, [Hit("DU001", "duplication", 0, 2), Hit("DU002", "duplication", 4, 5)])
    assert not span_found(text, span, [Hit("DU001", "duplication", 0, 2), Hit("SP001", "spacing", 2, 6)])


def test_a_finding_larger_than_the_span_covers_it():
    assert span_found("xx.Cyy", (2, 4, "spacing", "glued"), [Hit("SP001", "spacing", 0, 6)])


# -- a finding is correct when it overlaps a gold span of its category ----------------


def test_classify_hits():
    record = GoldRecord("r", "0123456789", spans=[(2, 4, "mojibake", "k")], ignore=[(7, 8)])
    hits = [
        Hit("MJ001", "mojibake", 3, 6),  # overlaps the gold span by one character
        Hit("MJ001", "mojibake", 4, 6),  # touches it only: false
        Hit("EN001", "encoding", 2, 4),  # right place, wrong category: false
        Hit("EN001", "encoding", 6, 8),  # half of it in the ignored region: not counted
        Hit("EN001", "encoding", 6, 9),  # one third in the ignored region: false
        Hit("MJ001", "mojibake", 2, 2),  # an empty finding points at character 2
    ]
    assert classify_hits(record, hits) == ["correct", "false", "false", "ignored", "false", "correct"]


def test_findings_of_recall_only_records_are_not_counted():
    record = GoldRecord("r", "abcdef", spans=[(0, 2, "spacing", "k")], recall_only=True)
    assert classify_hits(record, [Hit("SP001", "spacing", 0, 2), Hit("SP001", "spacing", 4, 6)]) == [
        "uncounted", "uncounted"]


# -- the report ------------------------------------------------------------------------


def _report(records, results):
    report, errors = measure(records, results)
    return report, errors


def test_precision_recall_f1_worked_by_hand():
    damaged = GoldRecord("d", "x" * 100, spans=[(10, 20, "duplication", "doubled-word"),
                                                 (50, 60, "duplication", "duplicate-sentence")], rate=1.0)
    hits = [
        Hit("DU001", "duplication", 10, 20),  # finds span 1: correct
        Hit("DU002", "duplication", 55, 56),  # overlaps span 2 (correct) but covers 1 of 10: not found
        Hit("DU002", "duplication", 80, 90),  # false
    ]
    report, errors = _report([damaged], [(hits, 80.0)])
    row = report["categories"]["duplication"]
    assert (row["gold"], row["found"], row["findings"], row["correct"]) == (2, 1, 3, 2)
    assert row["recall"] == pytest.approx(0.5)
    assert row["precision"] == pytest.approx(2 / 3)
    assert row["f1"] == pytest.approx(4 / 7)  # 2PR/(P+R) = (2·2/3·1/2)/(7/6)
    assert report["overall"]["f1"] == pytest.approx(4 / 7)
    assert report["kinds"]["doubled-word"]["recall"] == 1.0
    assert report["kinds"]["duplicate-sentence"]["recall"] == 0.0
    assert report["codes"]["DU001"]["precision"] == 1.0
    assert report["codes"]["DU002"]["precision"] == pytest.approx(0.5)
    assert report["codes"]["DU001"]["recall_alone"] == pytest.approx(0.5)  # span 1 of 2
    assert report["codes"]["DU002"]["found_alone"] == 0
    assert [e["type"] for e in errors] == ["missed", "false"]
    assert errors[0]["kind"] == "duplicate-sentence" and errors[1]["code"] == "DU002"
    assert errors[1]["context"] == "x" * 40 + "⟦" + "x" * 10 + "⟧" + "x" * 10


def test_false_findings_per_100k_characters_of_clean_records():
    clean = GoldRecord("c", "a" * 2100, ignore=[(0, 100)])  # 2,000 characters that count
    other = GoldRecord("c2", "b" * 2000)
    hits = [Hit("BP001", "boilerplate", 500, 510), Hit("BP001", "boilerplate", 50, 60)]  # second one ignored
    report, _ = _report([clean, other], [(hits, 95.0), ([Hit("SP001", "spacing", 3, 4)], 99.0)])
    assert report["records"]["clean_characters"] == 4000
    assert report["categories"]["boilerplate"]["false_per_100k_clean"] == 25.0  # 1 per 4,000
    assert report["categories"]["spacing"]["false_per_100k_clean"] == 25.0
    assert report["overall"]["false_per_100k_clean"] == 50.0
    assert report["codes"]["BP001"]["false_on_clean"] == 1
    assert report["categories"]["boilerplate"]["precision"] == 0.0
    assert report["categories"]["boilerplate"]["recall"] is None


def test_score_distribution_of_damaged_and_clean_records():
    records = [GoldRecord(f"c{i}", "text", rate=0.0) for i in range(4)]
    records += [GoldRecord("d", "text", spans=[(0, 4, "spacing", "k")], rate=2.0)]
    scores = [100.0, 95.0, 90.0, 80.0, 30.0]
    report, _ = _report(records, [([], s) for s in scores])
    clean = report["scores"]["clean"]
    assert clean["records"] == 4 and clean["mean"] == 91.2 and clean["median"] == 92.5
    assert clean["min"] == 80.0 and clean["share_ge_90"] == 0.75
    assert report["scores"]["damaged"]["mean"] == 30.0 and report["scores"]["damaged"]["share_lt_40"] == 1.0
    assert report["scores_by_rate"]["0"]["records"] == 4 and report["scores_by_rate"]["2"]["mean"] == 30.0


def test_false_findings_on_other_damage_are_listed_in_the_confusion_table():
    record = GoldRecord("d", "0123456789", spans=[(0, 5, "mojibake", "mojibake-word")])
    report, _ = _report([record], [([Hit("ML001", "mixed-language", 1, 3)], 90.0)])
    assert report["confusion"] == [{"finding": "mixed-language", "gold": "mojibake", "count": 1}]
    assert report["categories"]["mojibake"]["recall"] == 0.0
    assert report["categories"]["mixed-language"]["precision"] == 0.0


def test_text_table_lists_every_category_with_gold_or_findings():
    record = GoldRecord("d", "0123456789", spans=[(0, 5, "mojibake", "mojibake-word")])
    report, _ = _report([record], [([Hit("MJ001", "mojibake", 0, 5)], 90.0)])
    text = render(report, "text")
    assert "mojibake" in text and "overall" in text and "MJ001" in text and "mojibake-word" in text
    assert json.loads(render(report, "json"))["overall"]["f1"] == 1.0


# -- reading gold records ---------------------------------------------------------------


def test_parse_record_checks_spans():
    record = parse_record({"id": "a", "text": "abc", "spans": [[0, 2, "spacing", "glued"]], "ignore": [[2, 3]],
                           "recall_only": True, "rate": 1}, "f:1")
    assert record.spans == [(0, 2, "spacing", "glued")] and record.ignore == [(2, 3)]
    assert record.recall_only and not record.clean and record.rate == 1.0
    with pytest.raises(DetectorError, match="outside the text"):
        parse_record({"text": "abc", "spans": [[0, 9, "spacing", "k"]]}, "f:1")
    with pytest.raises(DetectorError, match="unknown category"):
        parse_record({"text": "abc", "spans": [[0, 1, "typos", "k"]]}, "f:1")
    with pytest.raises(DetectorError, match="'text'"):
        parse_record({"spans": []}, "f:1")


def test_load_gold_names_the_bad_line(tmp_path):
    path = tmp_path / "g.jsonl"
    path.write_text('{"text": "ok"}\n{not json\n', encoding="utf-8")
    with pytest.raises(DetectorError, match=r"g.jsonl:2: invalid JSON"):
        load_gold([path])


# -- end to end with a real rule -----------------------------------------------------------


def test_cli_evaluates_the_hand_made_gold_file(tmp_path):
    errors = tmp_path / "errors.jsonl"
    result = CliRunner().invoke(app, ["evaluate", str(EVAL / "gold.jsonl"), "--select", "EN001",
                                      "--format", "json", "--errors", str(errors)])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    # Two U+FFFD labelled as damage, one unlabelled in a clean record (a false
    # finding) and one in a recall-only record (not counted).
    enc = report["categories"]["encoding"]
    assert (enc["gold"], enc["found"], enc["findings"], enc["correct"]) == (2, 2, 3, 2)
    assert report["records"] == {"total": 3, "damaged": 1, "clean": 1, "recall_only": 1,
                                 "clean_characters": 32}
    assert enc["false_per_100k_clean"] == pytest.approx(100_000 / 32, abs=0.01)
    false = [json.loads(line) for line in errors.read_text(encoding="utf-8").splitlines()]
    assert [(e["type"], e["id"]) for e in false] == [("false", "clean")]


# -- the dev suite's labelling of real damage (no corpus needed) ---------------------------


def _suite():
    import importlib.util

    path = Path(__file__).resolve().parent.parent / "bench" / "eval_suite.py"
    spec = importlib.util.spec_from_file_location("eval_suite", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_suite_marks_real_question_mark_damage_and_mojibake_as_dont_care():
    text = 'The province?s "plan" ? is it? ?Yes,? he said. Â£5 and why?\nâ??Hi'
    spans = _suite().real_damage(text)
    # Kept as question marks: 'it?' and 'why?' (end of line). Each span is
    # the whole token around the damage.
    assert [text[s:e] for s, e in spans] == ["province?s", "?", "?Yes,?", "Â£5", "â??Hi"]


def test_suite_hand_labelled_damage_file_is_well_formed():
    known = _suite().known_damage()
    assert known and all(article.startswith("l3s-") and texts for article, texts in known.items())


def test_recall_alone_counts_only_spans_a_rule_covers_by_itself():
    record = GoldRecord("d", "abcdefgh", spans=[(0, 4, "duplication", "k")])
    hits = [Hit("DU001", "duplication", 0, 1), Hit("DU002", "duplication", 1, 2)]
    report, _ = _report([record], [(hits, 90.0)])
    assert report["categories"]["duplication"]["found"] == 1  # together: 2 of 4 characters
    assert report["codes"]["DU001"]["found_alone"] == report["codes"]["DU002"]["found_alone"] == 0


def test_score_without_dont_care_findings():
    from detector.config import Settings
    from detector.evaluate import run_detector

    text = "A clean line with one \ufffd mistake in it, and nothing else wrong."
    at = text.index("\ufffd")
    records = [GoldRecord("r", text, ignore=[(at, at + 1)]), GoldRecord("s", text)]
    (hits, value, outside), (_, plain, plain_outside) = run_detector(records, Settings(select=("EN001",)))
    assert [h.code for h in hits] == ["EN001"]
    assert value == plain < 100.0
    assert outside == 100.0 and plain_outside == plain
    report, _ = measure(records, run_detector(records, Settings(select=("EN001",))))
    first = report["per_record"][0]
    assert first["score_outside_ignore"] == 100.0 and first["ignored"] == 1 and first["false"] == 0


def test_a_repeat_finding_matches_either_copy():
    """The generator may insert a copy before the original; the rule reports
    the later occurrence and names the first in details.first_span: the
    finding stands for both copies."""
    from detector.evaluate import Hit, classify_hits, span_found, GoldRecord

    text = "Copy one here. Filler text. Copy one here."
    gold = GoldRecord(id="r", text=text, spans=[(0, 14, "duplication", "duplicate-sentence")])
    later = Hit("DU001", "duplication", 28, 42, "", other=(0, 14))
    assert classify_hits(gold, [later]) == ["correct"]
    assert span_found(text, gold.spans[0], [later])
    without_pointer = Hit("DU001", "duplication", 28, 42, "")
    assert classify_hits(gold, [without_pointer]) == ["false"]
    assert not span_found(text, gold.spans[0], [without_pointer])


def test_injected_finding_on_a_spliced_foreign_script_sentence_is_neither_right_nor_wrong():
    """Issue #6 item 2: a foreign-script sentence spliced in is both untranslated
    (gold category mixed-language) and injected (IN001). IN001 on it is not a
    false injected finding, nor a correct one; on a Latin-script foreign
    sentence or on clean text an injected finding stays false. Worked by hand:
    injected findings counted 3 (IN002 correct, IN002 and IN001 false),
    precision 1/3; the claimed IN001 finding is counted apart."""
    text = "Clean start. 알래스카 의사는 환자를 치료했다. Das ist ein Satz. Cows fly home. Clean end."
    korean = (text.index("알"), text.index("Das") - 1)
    german = (text.index("Das"), text.index("Cows") - 1)
    intruder = (text.index("Cows"), text.index("Clean end") - 1)
    record = GoldRecord("d", text, spans=[
        (*korean, "mixed-language", "foreign-sentence"),
        (*german, "mixed-language", "foreign-sentence-latin"),
        (*intruder, "injected", "injected-sentence"),
    ])
    hits = [
        Hit("IN001", "injected", *korean),  # claimed
        Hit("ML002", "mixed-language", *korean),  # correct
        Hit("IN002", "injected", *german),  # false: not the injected rules' claim
        Hit("IN002", "injected", *intruder),  # correct
        Hit("IN001", "injected", 0, 11),  # false: clean text
    ]
    assert classify_hits(record, hits) == ["claimed", "correct", "false", "correct", "false"]
    report, errors = _report([record], [(hits, 80.0)])
    injected = report["categories"]["injected"]
    assert (injected["findings"], injected["correct"], injected["gold"], injected["found"]) == (3, 1, 1, 1)
    assert injected["precision"] == pytest.approx(1 / 3)
    assert report["codes"]["IN001"]["findings"] == 1 and report["codes"]["IN001"]["claimed"] == 1
    assert report["codes"]["IN001"]["precision"] == 0.0
    assert report["codes"]["IN002"]["claimed"] == 0
    assert report["per_record"][0]["claimed"] == 1 and report["per_record"][0]["false"] == 2
    # The claim does not help mixed-language recall: ML002 found the Korean
    # sentence, nobody the German one.
    assert report["categories"]["mixed-language"]["recall"] == 0.5
    # Errors list the two false findings and the missed German sentence only.
    assert sorted((e["type"], e.get("code"), e["start"]) for e in errors) == [
        ("false", "IN001", 0), ("false", "IN002", german[0]), ("missed", None, german[0])]
    # A claimed finding that also lies in a don't-care region is still claimed.
    record.ignore = [korean]
    assert classify_hits(record, hits[:1]) == ["claimed"]
