"""Copies of one story that disagree (CO002–CO004, `detector check --copies`).

The seed expectations were read off the seed texts by hand: `Heihi` (001,
line 27) against `Heihe` in 000 and 002; `7 147 billion` (001, line 33)
against `$147 billion` in 000 and 002; `February 24, 2014` (004, line 17)
where the other copies say `February 24`.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from conftest import FIXTURES

from detector.config import Settings
from detector.copies import Copies, Copy, dates_in, edit_distance, numbers_in
from detector.document import Document
from detector.engine import FileResult, build_rules, check_copies, check_text
from detector.registry import rule_by_code

COPY_RULES = ("CO002", "CO003", "CO004")
SETTINGS = Settings(select=COPY_RULES)


def compare(*texts: str, settings: Settings = SETTINGS) -> list[list[tuple[str, str, str]]]:
    """(code, severity, match) of the copy findings of each text."""
    results = [FileResult(path=f"copy{i}.txt", document=Document(t, path=f"copy{i}.txt"), text_length=len(t))
               for i, t in enumerate(texts)]
    check_copies(results, settings)
    return [[(f.code, f.severity.value, f.match) for f in r.findings] for r in results]


TRADE = "Beijing is Moscow's largest trading partner, with trade volumes last year hitting {} billion, according to Chinese customs data."
BRIDGE = "The two sides last week unveiled the first road bridge connecting Blagoveshchensk with the northern Chinese city of {}."
CALL = "It was the second reported call between the two leaders since Putin launched his invasion of Ukraine on {}."


# -- the seeds ------------------------------------------------------------------


def test_seed_disagreements_found_exactly():
    seeds = sorted((FIXTURES / "seeds").glob("*.txt"))
    results = [FileResult(path=p.name, document=Document(p.read_text("utf-8"), path=p.name)) for p in seeds]
    check_copies(results, SETTINGS)
    found = {r.path: [(f.code, f.severity.value, f.start, f.end, f.match, f.start_pos.line, f.start_pos.column)
                      for f in r.findings] for r in results}
    assert found == {
        "000_c45cca453453695c.txt": [],
        "001_8cd4a6df5087e738.txt": [
            ("CO003", "warning", 2386, 2391, "Heihi", 27, 154),
            ("CO002", "warning", 2852, 2865, "7 147 billion", 33, 92),
        ],
        "002_cf4130f4cd584bf7.txt": [],
        "003_2a3150eab2354bd0.txt": [],
        "004_9fda79f2c6e2bee4.txt": [("CO004", "info", 1718, 1735, "February 24, 2014", 17, 115)],
    }


# -- numbers (CO002) --------------------------------------------------------------


def test_number_the_majority_contradicts():
    found = compare(TRADE.format("$147"), TRADE.format("$147"), TRADE.format("7 147"))
    assert found == [[], [], [("CO002", "warning", "7 147 billion")]]


def test_two_copies_that_disagree_are_both_reported():
    found = compare(TRADE.format("$147"), TRADE.format("$174"))
    assert found == [[("CO002", "warning", "$147 billion")], [("CO002", "warning", "$174 billion")]]


def test_numbers_that_agree_or_cannot_be_compared_are_clean():
    # a dropped currency sign is the same number
    assert compare(TRADE.format("$147"), TRADE.format("147")) == [[], []]
    # a different unit is another fact, not a disagreement
    other = "Beijing is Moscow's largest trading partner, with trade volumes last year up 30 percent, according to Chinese customs data."
    assert compare(TRADE.format("$147"), other) == [[], []]
    # a sentence with two numbers of the unit: nothing says which one pairs with ours
    two = "Beijing is Moscow's largest trading partner, with trade volumes last year hitting 150 billion and 160 billion, according to Chinese customs data."
    assert compare(TRADE.format("$147"), two) == [[], []]


def test_unrelated_sentences_are_not_compared():
    a = "Oil output rose to 12 million barrels, the ministry said on Monday in Riyadh."
    b = "The club signed the striker for 5 million pounds after a long season in Madrid."
    assert compare(a, b) == [[], []]


# -- names (CO003) -------------------------------------------------------------------


def test_name_spelled_differently_from_the_majority():
    found = compare(BRIDGE.format("Heihe"), BRIDGE.format("Heihe"), BRIDGE.format("Heihi"))
    assert found == [[], [], [("CO003", "warning", "Heihi")]]


def test_name_tie_is_info_on_both():
    found = compare(BRIDGE.format("Heihe"), BRIDGE.format("Heihi"))
    assert found == [[("CO003", "info", "Heihe")], [("CO003", "info", "Heihi")]]


def test_name_variants_that_are_not_disagreements():
    # two letters apart in a short name: a transliteration (Kiev/Kyiv), not a typo
    assert compare(BRIDGE.format("Kiev"), BRIDGE.format("Kiev"), BRIDGE.format("Kyiv")) == [[], [], []]
    # the copy uses both spellings itself: not a disagreement between copies
    both = BRIDGE.format("Heihi") + " Heihe is a border town."
    assert compare(BRIDGE.format("Heihe"), BRIDGE.format("Heihe"), both) == [[], [], []]
    # another name altogether
    assert compare(BRIDGE.format("Heihe"), BRIDGE.format("Harbin")) == [[], []]


def test_allow_list_silences_a_preferred_variant():
    settings = Settings(select=COPY_RULES, allow=("Heihi",))
    found = compare(BRIDGE.format("Heihe"), BRIDGE.format("Heihe"), BRIDGE.format("Heihi"), settings=settings)
    assert found == [[], [], []]


# -- dates (CO004) ---------------------------------------------------------------------


def test_date_day_the_majority_contradicts():
    found = compare(CALL.format("February 24"), CALL.format("February 24"), CALL.format("February 25"))
    assert found == [[], [], [("CO004", "warning", "February 25")]]


def test_year_only_one_copy_gives_is_info():
    found = compare(CALL.format("February 24"), CALL.format("February 24, 2014"))
    assert found == [[], [("CO004", "info", "February 24, 2014")]]
    # two copies give the same year: nothing odd about it
    assert compare(CALL.format("February 24, 2022"), CALL.format("February 24, 2022"), CALL.format("February 24")) == [[], [], []]


def test_dates_that_agree_are_clean():
    assert compare(CALL.format("February 24"), CALL.format("24 February")) == [[], []]


# -- the parts ----------------------------------------------------------------------------


def test_numbers_and_dates_are_parsed_with_their_units():
    assert [(n.text, n.value, n.unit) for n in numbers_in("up 3.5% to 1,200 troops and 7 147 billion, on 2019")] == [
        ("3.5%", 3.5, "percent"), ("1,200 troops", 1200.0, "troops"), ("7 147 billion", 7147.0, "billion"), ("2019", 2019.0, "")]
    assert [(d.month, d.day, d.year) for d in dates_in("on February 24, 2014 and 3 March")] == [
        ("February", 24, 2014), ("March", 3, None)]
    assert edit_distance("Heihe", "Heihi") == 1 and edit_distance("Vigneault", "Vigneiult") == 1
    assert edit_distance("abc", "abcdefgh") == 3  # capped at limit + 1


def test_pasted_twice_copy_pairs_each_sentence_once():
    once = TRADE.format("$147")
    copies = Copies([Copy(0, Document(once)), Copy(1, Document(once + "\n" + once))])
    assert len(copies.pairs(0, 1)) == 1 and len(copies.pairs(1, 0)) == 1


# -- wiring ---------------------------------------------------------------------------------


def test_copy_rules_do_not_run_on_a_single_file():
    assert all(rule_by_code(code).scope == "copies" for code in COPY_RULES)
    assert not any(r.code in COPY_RULES for r in build_rules(Settings(select=("ALL",))))
    assert [f.code for f in check_text(TRADE.format("7 147"), Settings(select=("CO",))).findings] == []


def run_cli(*args):
    proc = subprocess.run([sys.executable, "-m", "detector", *args], capture_output=True,
                          env={**os.environ, "NO_COLOR": "1", "COLUMNS": "200"})
    return proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")


def test_cli_copies_flag(tmp_path):
    for name, value in (("a", "$147"), ("b", "$147"), ("c", "7 147")):
        (tmp_path / f"{name}.txt").write_text(TRADE.format(value) + "\n", encoding="utf-8")
    code, out, err = run_cli("check", "--copies", "--no-cache", "--select", "CO", "--format", "json", str(tmp_path))
    assert code == 0, err  # warnings do not fail the check by default
    report = json.loads(out)
    found = {os.path.basename(f["path"]): [(x["code"], x["match"]) for x in f["findings"]] for f in report["files"]}
    assert found == {"a.txt": [], "b.txt": [], "c.txt": [("CO002", "7 147 billion")]}
    code, out, _ = run_cli("check", "--no-cache", "--select", "CO", "--format", "json", str(tmp_path))
    assert all(f["findings"] == [] for f in json.loads(out)["files"])


@pytest.mark.parametrize("where", ["disable-file", "disable-next-line"])
def test_suppression_comment_silences_a_copy_finding(where):
    marker = f"<!-- detector-{where} CO002 -->\n"
    found = compare(TRADE.format("$147"), TRADE.format("$147"), marker + TRADE.format("7 147"))
    assert found == [[], [], []]


def test_cli_copies_warns_that_jsonl_records_are_not_compared(tmp_path):
    corpus = tmp_path / "copies.jsonl"
    corpus.write_text("".join(json.dumps({"text": TRADE.format(v)}) + "\n" for v in ("$147", "$147", "7 147")), "utf-8")
    code, out, err = run_cli("check", "--copies", "--no-cache", "--format", "concise", str(corpus))
    assert code == 0 and "CO002" not in out
    assert err.strip().endswith("--copies compares whole files; the records of a JSONL corpus are not compared")
