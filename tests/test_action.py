"""The composite GitHub Action: its shape, and its check step run for real
with the environment a runner gives it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

yaml = pytest.importorskip("yaml")  # PyYAML comes with pre-commit (test extra)

ROOT = Path(__file__).resolve().parent.parent
ACTION = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
HOOKS = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))


def test_hook_definition():
    (hook,) = HOOKS
    assert hook["id"] == "detector" and hook["language"] == "python"
    assert hook["types_or"] == ["markdown", "html", "plain-text"]
    assert hook["entry"].startswith("detector check")


def test_action_is_composite_and_uploads_sarif():
    assert ACTION["runs"]["using"] == "composite"
    uses = [step.get("uses", "") for step in ACTION["runs"]["steps"]]
    assert any(u.startswith("github/codeql-action/upload-sarif@") for u in uses)
    assert any(u.startswith("actions/setup-python@") for u in uses)
    assert set(ACTION["inputs"]) >= {"paths", "args", "sarif", "summary", "annotations"}


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
def test_check_step_writes_annotations_sarif_summary_and_exit_code(tmp_path):
    step = next(s for s in ACTION["runs"]["steps"] if s.get("id") == "check")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.md").write_text("The minister said 말했다 yesterday in Seoul.\n", encoding="utf-8")
    summary, output = tmp_path / "summary.md", tmp_path / "output.txt"
    env = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        "DETECTOR_PATHS": "docs", "DETECTOR_ARGS": "--no-cache", "SARIF_FILE": "detector.sarif",
        "WANT_SARIF": "true", "WANT_SUMMARY": "true", "WANT_ANNOTATIONS": "true",
        "GITHUB_STEP_SUMMARY": str(summary), "GITHUB_OUTPUT": str(output),
    }
    proc = subprocess.run(["bash", "-e", "-c", step["run"]], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr  # the step records the code; a later step fails the job
    assert proc.stdout.startswith("::error file=docs/a.md,line=1,endLine=1,col=19,endColumn=22,")
    assert (tmp_path / "detector.sarif").is_file()
    assert "| `docs/a.md` |" in summary.read_text(encoding="utf-8")
    assert output.read_text(encoding="utf-8") == "exit-code=1\n"
