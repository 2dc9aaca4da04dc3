"""SARIF 2.1.0: validates against the official schema (tests/schemas, from
the OASIS errata 01 release), code-point columns, stable fingerprints."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from ci_helpers import result_of

from detector.config import Settings
from detector.engine import check_text
from detector.finding import Fix
from detector.reporters import ReportContext, get_reporter

SCHEMA = json.loads((Path(__file__).parent / "schemas" / "sarif-2.1.0.json").read_text(encoding="utf-8"))
CTX = ReportContext(version="1.2.3")


def sarif(results) -> dict:
    log = json.loads(get_reporter("sarif")(results, CTX))
    jsonschema.validate(log, SCHEMA, format_checker=jsonschema.FormatChecker())
    return log


def test_schema_is_the_official_one():
    assert SCHEMA["title"] == "Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema"
    assert "errata01" in SCHEMA["id"]


def test_schema_rejects_a_broken_log():
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"version": "2.1.0", "runs": [{"results": []}]}, SCHEMA)  # no tool


def test_seed_files_validate(seeds):
    results = [check_text(p.read_text(encoding="utf-8"), Settings(select=("ALL",)), path=f"fixtures/seeds/{p.name}") for p in seeds]
    log = sarif(results)
    run = log["runs"][0]
    assert len(run["results"]) == sum(len(r.findings) for r in results) > 0
    assert {r["id"] for r in run["tool"]["driver"]["rules"]} == {f.code for r in results for f in r.findings}
    scores = {a["location"]["uri"]: a["properties"]["score"] for a in run["artifacts"]}
    assert scores == {f"fixtures/seeds/{p.name}": r.score.value for p, r in zip(seeds, results)}


def test_region_in_code_points_end_exclusive():
    # 'a','b','😀',' ' precede '한국어': column 5 (the emoji is one code point,
    # two UTF-16 units, four UTF-8 bytes); the end is column 8, exclusive.
    text = "first\nab😀 한국어 x\n"
    result = result_of(text, "docs/my file.md", [
        ("ML001", "한국어", "Korean text", {"fix": Fix("", safe=False)}),
    ])
    log = sarif([result])
    run = log["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    res = run["results"][0]
    loc = res["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == "docs/my%20file.md"
    assert loc["region"] == {
        "startLine": 2, "startColumn": 5, "endLine": 2, "endColumn": 8,
        "charOffset": 10, "charLength": 3, "snippet": {"text": "한국어"},
    }
    assert res["ruleId"] == "ML001" and res["level"] == "error"
    assert run["tool"]["driver"]["rules"][res["ruleIndex"]]["id"] == "ML001"
    rule = run["tool"]["driver"]["rules"][0]
    assert rule["shortDescription"]["text"] and rule["fullDescription"]["text"] and rule["help"]["text"]


def test_fingerprint_survives_inserted_lines_and_numbers_repeats():
    text = "He said 말했다 twice: 말했다.\n"
    before = sarif([result_of(text, "a.md", [("ML001", "말했다", "m")])])
    after = sarif([result_of("New line.\n\n" + text, "a.md", [("ML001", "말했다", "m")])])
    fp = lambda log: [r["partialFingerprints"]["primaryLocationLineHash"] for r in log["runs"][0]["results"]]
    assert fp(before) == fp(after)
    assert fp(before)[0].endswith(":1")
    twice = sarif([result_of(text, "a.md", [("ML001", "말했다", "m"), ("ML001", "말했다", "m", {"occurrence": 2})])])
    a, b = fp(twice)
    assert a != b  # different context on the line


def test_levels_map_info_to_note():
    result = result_of("just some text\n", "a.txt", [("CO001", "some", "info finding")])
    assert sarif([result])["runs"][0]["results"][0]["level"] == "note"


def test_empty_run_validates():
    log = sarif([result_of("clean\n", "a.txt", [])])
    assert log["runs"][0]["results"] == []


def test_a_deleted_line_takes_its_line_ending_in_the_deleted_region():
    text = "The minister spoke on Monday.\nPlease enter your comment!\nShe left on Tuesday.\n"
    result = check_text(text, Settings(select=("BP001",)), path="doc.txt")
    [res] = sarif([result])["runs"][0]["results"]
    start = text.index("Please")
    region = res["locations"][0]["physicalLocation"]["region"]
    assert (region["charOffset"], region["charLength"], region["startLine"]) == (start, 26, 2)
    [change] = res["fixes"][0]["artifactChanges"]
    assert change["replacements"] == [{"deletedRegion": {"charOffset": start, "charLength": 27},
                                       "insertedContent": {"text": ""}}]
    assert text[start : start + 27] == "Please enter your comment!\n"
