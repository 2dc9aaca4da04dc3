"""rdjson, gitlab, junit, checkstyle, markdown, jsonl and concise output."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

from ci_helpers import result_of

from detector.finding import Fix, Severity
from detector.reporters import FORMATS, ReportContext, get_reporter

CTX = ReportContext(version="1.2.3", failed=True)
TEXT = "Intro line.\nCafé 한국어, next; 한국어 again.\n"


def render(fmt, results, ctx=CTX):
    return get_reporter(fmt)(results, ctx)


def sample():
    return result_of(TEXT, "docs/a.md", [
        ("ML001", "한국어", "Korean text '한국어'", {"fix": Fix("Korean", safe=True)}),
        ("ML001", "한국어", "Korean text '한국어'", {"occurrence": 2}),
        ("SP001", "next;", "a <warning> & more", {"severity": Severity.WARNING}),
    ])


def test_every_format_is_registered():
    assert set(FORMATS) == {"text", "concise", "json", "jsonl", "sarif", "github", "gitlab",
                            "rdjson", "junit", "checkstyle", "markdown", "html"}


def test_rdjson_columns_are_utf8_bytes():
    data = json.loads(render("rdjson", [sample()]))
    assert data["source"]["name"] == "detector"
    first = data["diagnostics"][0]
    # "Café " is 5 code points but 6 bytes (é is 2): '한' starts at byte 7,
    # column 7; '한국어' is 9 bytes, so the end column is 16.
    assert first["location"] == {"path": "docs/a.md", "range": {
        "start": {"line": 2, "column": 7}, "end": {"line": 2, "column": 16}}}
    assert first["severity"] == "ERROR" and first["code"]["value"] == "ML001"
    assert first["suggestions"] == [{"range": first["location"]["range"], "text": "Korean"}]
    assert "suggestions" not in data["diagnostics"][1]


def test_gitlab_fingerprints_are_unique_and_stable():
    issues = json.loads(render("gitlab", [sample()]))
    assert [i["check_name"] for i in issues] == ["ML001", "SP001", "ML001"]
    assert len({i["fingerprint"] for i in issues}) == 3
    assert issues[0]["severity"] == "major" and issues[1]["severity"] == "minor"
    assert issues[0]["location"] == {"path": "docs/a.md", "positions": {
        "begin": {"line": 2, "column": 6}, "end": {"line": 2, "column": 9}}}
    moved = result_of("Inserted.\n" + TEXT, "docs/a.md", [
        ("ML001", "한국어", "Korean text '한국어'", {"fix": Fix("Korean", safe=True)}),
        ("ML001", "한국어", "Korean text '한국어'", {"occurrence": 2}),
        ("SP001", "next;", "a <warning> & more", {"severity": Severity.WARNING}),
    ])
    assert [i["fingerprint"] for i in json.loads(render("gitlab", [moved]))] == [i["fingerprint"] for i in issues]


def test_junit_shape():
    out = render("junit", [sample(), result_of("clean\n", "b.txt", [])])
    assert out.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    root = ET.fromstring(out.split("\n", 1)[1])
    assert root.tag == "testsuites" and root.attrib == {"name": "detector", "tests": "3", "failures": "3", "errors": "0"}
    (suite,) = root
    assert suite.attrib["name"] == "docs/a.md" and suite.attrib["package"] == "org.detector"
    case = suite[1]
    assert case.attrib == {"name": "org.detector.SP001", "classname": "docs/a", "line": "2", "column": "11"}
    failure = case.find("failure")
    assert failure.attrib["message"] == "a <warning> & more"
    assert failure.text == "line 2, col 11, a <warning> & more"


def test_junit_without_findings_has_one_passing_case():
    root = ET.fromstring(render("junit", [result_of("clean\n", "b.txt", [])]).split("\n", 1)[1])
    assert root.attrib["failures"] == "0"
    assert [c.attrib["name"] for c in root.iter("testcase")] == ["No errors found"]


def test_checkstyle_shape():
    root = ET.fromstring(render("checkstyle", [sample(), result_of("clean\n", "b.txt", [])]).split("\n", 1)[1])
    assert root.tag == "checkstyle" and root.attrib["version"] == "4.3"
    (file,) = root
    assert file.attrib["name"] == "docs/a.md"
    assert [e.attrib for e in file][1] == {"line": "2", "column": "11", "severity": "warning",
                                           "message": "SP001 a <warning> & more", "source": "detector.SP001"}


def test_markdown_table_worst_first_and_escaped():
    clean = result_of("All good here.\n", "z|pipe.md", [])
    out = render("markdown", [clean, sample()])
    lines = out.splitlines()
    assert lines[0] == "## detector 1.2.3: ❌ failed"
    rows = [l for l in lines if l.startswith("| `")]
    assert rows[0].startswith("| `docs/a.md` |")  # lowest score first
    assert rows[1].startswith("| `z\\|pipe.md` | 100 |")
    assert "### Findings" in lines
    assert any("| `docs/a.md:2:11` | SP001 | warning | a &lt;warning> & more |" in l for l in lines)


def test_jsonl_one_finding_per_line():
    lines = render("jsonl", [sample()]).splitlines()
    assert len(lines) == 3
    first = json.loads(lines[0])
    assert first["path"] == "docs/a.md" and first["code"] == "ML001"
    assert first["offset"] == {"start": 17, "end": 20} and first["match"] == "한국어"


def test_concise():
    assert render("concise", [sample()]).splitlines()[1] == "docs/a.md:2:11: SP001 [warning] a <warning> & more"


def test_markdown_lists_the_worst_files_only():
    from detector.reporters.markdown import TOP_FILES

    results = [result_of("Fine text.\n", f"f{i:03d}.md", []) for i in range(TOP_FILES + 5)]
    out = render("markdown", [sample(), *results])
    assert sum(1 for l in out.splitlines() if l.startswith("| `f")) == TOP_FILES - 1
    assert "…and 6 more files, all scoring at least 100." in out
