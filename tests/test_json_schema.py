"""Real JSON output validates against the shipped schema, and every finding's
offsets hold its match."""

from __future__ import annotations

import json
from importlib.resources import files

import jsonschema

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
