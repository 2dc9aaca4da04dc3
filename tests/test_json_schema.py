"""Real JSON output validates against the shipped schema, and every finding's
offsets hold its match."""

from __future__ import annotations

import json
from importlib.resources import files

import jsonschema
import pytest

from conftest import SEEDS
from detector import __version__
from detector.config import Settings
from detector.engine import check_bytes
from detector.reporters.json_report import build


def schema():
    return json.loads(files("detector").joinpath("schema/report-v1.json").read_text("utf-8"))


def test_seed_report_validates_and_offsets_hold():
    results = [check_bytes(s.read_bytes(), str(s), Settings()) for s in SEEDS]
    report = json.loads(json.dumps(build(results, __version__, failed=True), ensure_ascii=False))
    jsonschema.validate(report, schema())
    assert report["summary"]["findings"] > 0
    for result, entry in zip(results, report["files"]):
        text = result.document.text
        for f in entry["findings"]:
            assert text[f["offset"]["start"] : f["offset"]["end"]] == f["match"]


def test_schema_rejects_a_renamed_key():
    results = [check_bytes(SEEDS[3].read_bytes(), str(SEEDS[3]), Settings())]
    report = json.loads(json.dumps(build(results, __version__, failed=True)))
    report["files"][0]["findings"][0]["rule"] = report["files"][0]["findings"][0].pop("code")
    try:
        jsonschema.validate(report, schema())
    except jsonschema.ValidationError:
        return
    raise AssertionError("schema accepted a finding without 'code'")


def test_a_fix_of_a_span_of_its_own_carries_its_offset_and_validates():
    text = "The minister spoke on Monday.\r\nPlease enter your comment!\r\nShe left on Tuesday.\r\n"
    results = [check_bytes(text.encode(), "doc.txt", Settings(select=("BP001", "SP001")))]
    report = json.loads(json.dumps(build(results, __version__, failed=True), ensure_ascii=False))
    jsonschema.validate(report, schema())
    [f] = report["files"][0]["findings"]
    start = text.index("Please")
    assert (f["code"], f["offset"], f["match"]) == (
        "BP001", {"start": start, "end": start + 26}, "Please enter your comment!")
    assert f["fix"] == {"replacement": "", "safe": False, "description": "delete the line",
                        "offset": {"start": start, "end": start + 28}}  # with the CRLF
    assert text[start + 26 : start + 28] == "\r\n"
    broken = json.loads(json.dumps(report))
    broken["files"][0]["findings"][0]["fix"]["offset"] = {"start": -1, "end": 3}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema())


def test_a_fix_of_the_finding_span_carries_that_offset():
    text = "Rock &amp; Roll.\n"
    results = [check_bytes(text.encode(), "doc.txt", Settings(select=("EN009",)))]
    report = json.loads(json.dumps(build(results, __version__, failed=True)))
    jsonschema.validate(report, schema())
    [f] = report["files"][0]["findings"]
    assert f["offset"] == f["fix"]["offset"] == {"start": 5, "end": 10}
    assert f["fix"]["replacement"] == "&"
