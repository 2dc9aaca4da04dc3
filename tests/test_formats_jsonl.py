"""JSONL corpora: one document per record, streamed; broken records skipped."""

from __future__ import annotations

import io
import json

from typer.testing import CliRunner

from detector.cli import app
from detector.config import Settings
from detector.formats.jsonl import MAX_REPORTED_SKIPS, SnippetLines, check_jsonl

SETTINGS = Settings(select=("ML001", "SP001"))
DAMAGED = "The minister 말했다 that the talks would resume."
CLEAN = "The weather was mild and the talks went on."


def lines(*records) -> bytes:
    return b"".join(
        (r if isinstance(r, bytes) else json.dumps(r, ensure_ascii=False).encode()) + b"\n"
        for r in records
    )


def run(data: bytes, **kwargs):
    warnings: list[str] = []
    results = list(check_jsonl(io.BytesIO(data), "data.jsonl", SETTINGS, warn=warnings.append, **kwargs))
    return results, warnings


def test_damaged_records_named_by_line_with_offsets_in_the_record():
    data = lines({"text": CLEAN}, {"text": "Line one.\nThen 말했다 here."}, {"text": CLEAN})
    results, warnings = run(data)
    assert warnings == []
    damaged, clean = results
    assert damaged.path == "data.jsonl:2"
    [f] = damaged.findings
    assert (f.start, f.end, f.match, f.start_pos.line, f.start_pos.column) == (15, 18, "말했다", 2, 6)
    assert isinstance(damaged.document, SnippetLines)
    assert damaged.document.line_text(2) == "Then 말했다 here."
    # The clean records are summed into one result named after the file.
    assert (clean.path, clean.findings, clean.score.value, clean.text_length) == (
        "data.jsonl", [], 100.0, 2 * len(CLEAN)
    )


def test_id_field_names_the_record_and_falls_back_to_the_line():
    data = lines({"id": "a-17", "text": DAMAGED}, {"text": DAMAGED}, {"id": 42, "text": DAMAGED})
    results, _ = run(data, id_field="id")
    assert [r.path for r in results] == ["data.jsonl:a-17", "data.jsonl:2", "data.jsonl:42"]


def test_text_field_option():
    results, warnings = run(lines({"body": DAMAGED}), text_field="body")
    assert [r.path for r in results] == ["data.jsonl:1"] and warnings == []


def test_broken_records_reported_and_skipped_not_fatal():
    data = lines(
        b'{"text": "unterminated',
        {"title": "no text field"},
        {"text": 12},
        b"[1, 2]",
        b"\xff\xfe not utf-8",
        {"text": DAMAGED},
    ) + b"\n   \n"
    results, warnings = run(data)
    assert warnings == [
        "data.jsonl:1: skipped, broken JSON (Unterminated string starting at column 10)",
        "data.jsonl:2: skipped, no field 'text' (see --text-field)",
        "data.jsonl:3: skipped, no string in field 'text' (see --text-field)",
        "data.jsonl:4: skipped, the record is a JSON array, not an object",
        "data.jsonl:5: skipped, not UTF-8 (invalid start byte at byte 0)",
    ]
    assert [(r.path, r.skipped is not None) for r in results] == [
        ("data.jsonl:1", True), ("data.jsonl:2", True), ("data.jsonl:3", True),
        ("data.jsonl:4", True), ("data.jsonl:5", True), ("data.jsonl:6", False),
    ]


def test_many_broken_records_are_counted_not_listed():
    results, warnings = run(b"nope\n" * (MAX_REPORTED_SKIPS + 5))
    assert len(results) == MAX_REPORTED_SKIPS
    assert warnings[-1] == "data.jsonl: 5 more broken records skipped"


def test_bom_and_empty_file():
    results, warnings = run(b"\xef\xbb\xbf" + lines({"text": DAMAGED}))
    assert [r.path for r in results] == ["data.jsonl:1"] and warnings == []
    results, _ = run(b"")
    assert [(r.path, r.findings, r.text_length) for r in results] == [("data.jsonl", [], 0)]


def test_streams_record_by_record():
    """A result comes out before the stream is read to its end."""
    consumed = []

    def stream():
        for i in range(1, 1000):
            consumed.append(i)
            yield lines({"text": DAMAGED})

    results = check_jsonl(stream(), "s.jsonl", SETTINGS)
    first = next(results)
    assert first.path == "s.jsonl:1" and len(consumed) == 1


# -- the command line ------------------------------------------------------------------

def test_cli_jsonl_by_extension_with_id_field(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "data.jsonl").write_bytes(lines({"id": "x1", "text": DAMAGED}, {"id": "x2", "text": CLEAN}, b"oops"))
    out = CliRunner().invoke(app, ["check", "data.jsonl", "--id-field", "id", "--select", "ML001", "--format", "concise"])
    assert out.stdout.splitlines() == [
        "data.jsonl:x1:1:14: ML001 [error] Korean text '말했다' inside an English sentence; likely left untranslated",
        "data.jsonl:3: skipped, broken JSON (Expecting value at column 1)",
    ]


def test_cli_input_format_overrides_extension_and_reads_stdin(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "corpus.txt").write_bytes(lines({"body": DAMAGED}))
    out = CliRunner().invoke(app, ["check", "corpus.txt", "--input-format", "jsonl", "--text-field", "body",
                                   "--select", "ML001", "--format", "json"])
    report = json.loads(out.stdout)
    assert [(f["path"], [x["match"] for x in f["findings"]]) for f in report["files"]] == [
        ("corpus.txt:1", ["말했다"])
    ]
    md = "```\n말했다 in code\n```\n\nThe minister 말했다 said.\n"
    for extra in (["--stdin-filename", "draft.md"], ["--input-format", "md"]):
        out = CliRunner().invoke(app, ["check", "-", "--select", "ML001", "--format", "concise", *extra], input=md)
        assert out.stdout.split(" ML001")[0].endswith(":5:14:"), out.stdout
    out = CliRunner().invoke(app, ["check", "-", "--input-format", "jsonl", "--select", "ML001",
                                   "--format", "concise"], input=lines({"text": DAMAGED}).decode())
    assert out.stdout.startswith("-:1:1:14: ML001")


def test_snippet_lines_keep_a_window_with_columns_intact():
    text = "x" * 500 + " The minister 말했다 said. " + "y" * 500
    [result] = [r for r in run(lines({"text": text}))[0] if r.findings]
    [f] = result.findings
    line = result.document.line_text(1)
    assert line[f.start_pos.column - 1 : f.end_pos.column - 1] == "말했다"
    assert line.startswith(" " * 300) and len(line) < len(text)


def test_packed_results_read_back_as_the_unpacked_ones():
    from detector.engine import check_text
    from detector.formats.jsonl import PackedResult

    text = "Line one.\nThen 말했다 here, according to state media.China is ready."
    [result] = run(lines({"text": text}))[0]
    assert isinstance(result, PackedResult)
    direct = check_text(text, SETTINGS, path="data.jsonl:1")
    assert [f.to_dict() for f in result.findings] == [f.to_dict() for f in direct.findings]
    assert result.score == direct.score and len(result.findings) == 2
    result.findings = result.findings[:1]  # a consumer filtering findings keeps its list
    assert [f.code for f in result.findings] == ["ML001"]
