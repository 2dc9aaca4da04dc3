"""The pre-commit hook, run by pre-commit itself on a temporary git repository.

pre-commit builds the hook's environment from this checkout (``try-repo``
takes committed and modified tracked files), installing the dependencies
from PyPI: slow (seconds to a minute) but real. Skipped only when that
installation cannot reach the package index."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BAD = "The minister said 말했다 yesterday in Seoul.\n"
GOOD = "The minister spoke yesterday in Seoul about the budget.\n"
NETWORK_TROUBLE = (
    "Failed to establish a new connection",
    "Temporary failure in name resolution",
    "Could not find a version that satisfies",
    "No matching distribution found",
    "Network is unreachable",
    "ConnectTimeoutError",
    "ReadTimeoutError",
)


def _git(repo: Path, *args: str, env: dict) -> None:
    subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)


@pytest.fixture(scope="module")
def hook_run(tmp_path_factory):
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout: pre-commit needs a repository to install the hook from")
    home = tmp_path_factory.mktemp("pre-commit-home")
    repo = tmp_path_factory.mktemp("repo")
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(home),
        "GIT_AUTHOR_NAME": "test", "GIT_AUTHOR_EMAIL": "test@example.com",
        "GIT_COMMITTER_NAME": "test", "GIT_COMMITTER_EMAIL": "test@example.com",
        "DETECTOR_NO_CACHE": "1",
    }
    env.pop("PRE_COMMIT", None)
    _git(repo, "init", "-q", env=env)
    (repo / "bad.md").write_text(BAD, encoding="utf-8")
    (repo / "good.md").write_text(GOOD, encoding="utf-8")
    (repo / "notes.txt").write_text(GOOD, encoding="utf-8")
    (repo / "script.py").write_text("print('말했다')\n", encoding="utf-8")  # not a hook file type
    _git(repo, "add", ".", env=env)

    def run(*files: str) -> subprocess.CompletedProcess:
        cmd = [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "detector", "--color", "never", "--files", *files]
        proc = subprocess.run(cmd, cwd=repo, env=env, capture_output=True, text=True, timeout=900)
        output = proc.stdout + proc.stderr
        log = home / "pre-commit.log"
        if log.exists():
            output += log.read_text(encoding="utf-8", errors="replace")
        if proc.returncode not in (0, 1) or "An unexpected error" in output:
            if any(marker in output for marker in NETWORK_TROUBLE):
                pytest.skip("pre-commit could not install the hook from PyPI (no network)")
        proc.output = output
        return proc

    return run


def test_hook_fails_on_a_damaged_markdown_file(hook_run):
    proc = hook_run("bad.md", "good.md")
    assert proc.returncode == 1, proc.output
    assert "detector" in proc.stdout and "Failed" in proc.stdout
    assert "bad.md:1:19: ML001 [error]" in proc.stdout
    assert "good.md" not in proc.stdout.split("Failed", 1)[1]


def test_hook_passes_clean_files_and_skips_other_types(hook_run):
    proc = hook_run("good.md", "notes.txt", "script.py")
    assert proc.returncode == 0, proc.output
    assert "Passed" in proc.stdout
