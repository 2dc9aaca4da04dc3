"""Baselines: fingerprints that survive inserted lines, counts, write/check/prune."""

from __future__ import annotations

import json

import pytest
from ci_helpers import result_of

from detector.baseline import Baseline, fingerprint
from detector.cli import main

TEXT = "He said 말했다 and then, much later in this long line, 말했다.\nAnother line.\n"
SPECS = [("ML001", "말했다", "m"), ("ML001", "말했다", "m", {"occurrence": 2})]


def test_fingerprint_ignores_line_numbers_but_not_the_text():
    before = result_of(TEXT, "a.md", SPECS)
    after = result_of("Inserted.\n\n\n" + TEXT, "a.md", SPECS)
    fps = lambda r: [fingerprint(r, f) for f in r.findings]
    assert fps(before) == fps(after)
    assert fps(before)[0] != fps(before)[1]  # other context
    edited = result_of(TEXT.replace("He said", "She shouted"), "a.md", SPECS)
    # Context is 24 code points each side: the edit is that far from the second copy only.
    assert fps(edited)[0] != fps(before)[0] and fps(edited)[1] == fps(before)[1]
    spaced = result_of(TEXT.replace("He said ", "He  said\t"), "a.md", SPECS)
    assert fps(spaced)[0] == fps(before)[0]  # whitespace normalised


def test_baseline_matches_after_lines_inserted_above():
    baseline = Baseline.from_results([result_of(TEXT, "a.md", SPECS)])
    moved = [result_of("# Title\n\nNew paragraph.\n" + TEXT, "a.md", SPECS)]
    assert baseline.filter(moved) == 2
    assert moved[0].findings == []


def test_counts_let_new_copies_through():
    text = "x 말했다 y\nx 말했다 y\n"
    baseline = Baseline.from_results([result_of(text, "a.md", [("ML001", "말했다", "m")])])
    three = [result_of(text + "x 말했다 y\n", "a.md", [("ML001", "말했다", "m", {"occurrence": n}) for n in (1, 2, 3)])]
    assert baseline.filter(three) == 1
    assert [f.start_pos.line for f in three[0].findings] == [2, 3]


def test_other_paths_and_codes_do_not_match():
    baseline = Baseline.from_results([result_of(TEXT, "a.md", SPECS)])
    other = [result_of(TEXT, "b.md", SPECS)]
    assert baseline.filter(other) == 0 and len(other[0].findings) == 2


def test_round_trip(tmp_path):
    baseline = Baseline.from_results([result_of(TEXT, "docs/a.md", SPECS)])
    path = tmp_path / "b.json"
    baseline.save(path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["version"] == 1 and len(data["entries"]) == 2
    assert {e["path"] for e in data["entries"]} == {"docs/a.md"}
    assert Baseline.load(path).counts == baseline.counts


def cli(monkeypatch, *args):
    monkeypatch.setattr("sys.argv", ["detector", *args])
    with pytest.raises(SystemExit) as exit_:
        main()
    return exit_.value.code


def test_cli_write_check_prune(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    doc = tmp_path / "a.md"
    doc.write_text("The minister said 말했다 yesterday in Seoul.\n", encoding="utf-8")
    assert cli(monkeypatch, "check", "a.md", "--no-cache", "-q") == 1
    assert cli(monkeypatch, "baseline", "write", "a.md", "--no-cache") == 0
    assert "1 finding" in capsys.readouterr().out
    entries = json.loads((tmp_path / "detector-baseline.json").read_text(encoding="utf-8"))["entries"]
    assert [(e["path"], e["code"], e["count"]) for e in entries] == [("a.md", "ML001", 1)]
    # Lines inserted above: still known, the check passes.
    doc.write_text("# News\n\nToday.\n\nThe minister said 말했다 yesterday in Seoul.\n", encoding="utf-8")
    capsys.readouterr()
    assert cli(monkeypatch, "check", "a.md", "--no-cache", "--baseline", "detector-baseline.json", "--format", "concise") == 0
    assert capsys.readouterr().out == ""
    # A new finding is reported.
    doc.write_text("The minister said 말했다 yesterday in Seoul.\nShe replied 대답했다 today.\n", encoding="utf-8")
    assert cli(monkeypatch, "check", "a.md", "--no-cache", "--baseline", "detector-baseline.json", "--format", "concise") == 1
    out = capsys.readouterr().out
    assert out.startswith("a.md:2:") and out.count("\n") == 1
    # The damage is fixed: prune drops the entry.
    doc.write_text("The minister spoke yesterday in Seoul.\n", encoding="utf-8")
    assert cli(monkeypatch, "baseline", "prune", "--no-cache") == 0
    assert "dropped 1" in capsys.readouterr().out
    assert json.loads((tmp_path / "detector-baseline.json").read_text(encoding="utf-8"))["entries"] == []


def test_prune_drops_entries_of_deleted_files(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "gone.md").write_text("The minister said 말했다 yesterday in Seoul.\n", encoding="utf-8")
    assert cli(monkeypatch, "baseline", "write", "gone.md", "--no-cache") == 0
    (tmp_path / "gone.md").unlink()
    assert cli(monkeypatch, "baseline", "prune", "--no-cache") == 0
    assert "dropped 1" in capsys.readouterr().out


def test_missing_baseline_is_a_clear_error(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text("Fine.\n", encoding="utf-8")
    assert cli(monkeypatch, "check", "a.md", "--baseline", "nope.json") == 2
    assert "nope.json: baseline file not found" in capsys.readouterr().err


def test_baselined_findings_do_not_count_in_the_score(tmp_path, monkeypatch, capsys):
    """A baseline accepts findings: the score and --min-score count only the
    rest (as for findings silenced by suppression comments)."""
    from detector.engine import check_text, score_of

    monkeypatch.chdir(tmp_path)
    doc = tmp_path / "a.txt"
    doc.write_text("The minister said 말했다 yesterday in Seoul, 대답했다 the mayor.\n", encoding="utf-8")
    # Without a baseline the damage fails a --min-score gate.
    assert cli(monkeypatch, "check", "a.txt", "--no-cache", "--min-score", "90", "--fail-on", "never", "-q") == 1
    assert cli(monkeypatch, "baseline", "write", "a.txt", "--no-cache") == 0
    capsys.readouterr()
    assert cli(monkeypatch, "check", "a.txt", "--no-cache", "--baseline", "detector-baseline.json",
               "--min-score", "90", "--format", "json") == 0
    report = json.loads(capsys.readouterr().out)
    (result,) = report["files"]
    assert result["findings"] == [] and result["score"] == 100.0
    # Partly baselined: the score is that of the one new finding.
    doc.write_text("The minister said 말했다 yesterday in Seoul, 대답했다 the mayor.\n"
                   "She replied 질문했다 today.\n", encoding="utf-8")
    assert cli(monkeypatch, "check", "a.txt", "--no-cache", "--baseline", "detector-baseline.json",
               "--fail-on", "never", "--format", "json") == 0
    (result,) = json.loads(capsys.readouterr().out)["files"]
    assert [f["match"] for f in result["findings"]] == ["질문했다"]
    text = doc.read_text("utf-8")
    remaining = [f for f in check_text(text).findings if f.match == "질문했다"]
    assert result["score"] == score_of(remaining, len(text)).value < 100.0
