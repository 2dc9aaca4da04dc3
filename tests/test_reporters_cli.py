"""``--report FORMAT[=PATH]``: several reports from one run."""

from __future__ import annotations

import json

import pytest

from detector.cli import main

DAMAGED = "The minister said 말했다 yesterday in Seoul.\n"


def cli(monkeypatch, capsys, *args):
    capsys.readouterr()
    monkeypatch.setattr("sys.argv", ["detector", *args])
    with pytest.raises(SystemExit) as exit_:
        main()
    out = capsys.readouterr()
    return exit_.value.code, out.out, out.err


@pytest.fixture
def repo(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text(DAMAGED, encoding="utf-8")
    return tmp_path


def test_several_reports_in_one_run(repo, monkeypatch, capsys):
    code, out, err = cli(monkeypatch, capsys, "check", "a.md", "--no-cache",
                         "--report", "github", "--report", "sarif=out.sarif", "--report", "markdown=summary.md")
    assert code == 1
    assert out.startswith("::error file=a.md,line=1,endLine=1,col=19,endColumn=22,title=ML001 ")
    assert json.loads((repo / "out.sarif").read_text(encoding="utf-8"))["version"] == "2.1.0"
    assert "| `a.md` |" in (repo / "summary.md").read_text(encoding="utf-8")


def test_format_and_output_file_still_work_beside_reports(repo, monkeypatch, capsys):
    code, out, _ = cli(monkeypatch, capsys, "check", "a.md", "--no-cache", "--format", "json",
                       "-o", "report.json", "--report", "concise")
    assert out.startswith("a.md:1:19: ML001 [error]")
    assert json.loads((repo / "report.json").read_text(encoding="utf-8"))["files"][0]["path"] == "a.md"


def test_report_errors(repo, monkeypatch, capsys):
    code, _, err = cli(monkeypatch, capsys, "check", "a.md", "--report", "yaml")
    assert code == 2 and "unknown format 'yaml'" in err
    code, _, err = cli(monkeypatch, capsys, "check", "a.md", "--report", "json", "--report", "sarif")
    assert code == 2 and "only one report can go to standard output" in err
    code, _, err = cli(monkeypatch, capsys, "check", "a.md", "--report", "json=")
    assert code == 2 and "expected FORMAT or FORMAT=PATH" in err
