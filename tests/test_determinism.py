"""Same input, same output: the report does not depend on the process's
string hashing (set and dict orders) nor on the number of worker processes."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from conftest import FIXTURES


def report(hash_seed: str, *args: str) -> list:
    proc = subprocess.run(
        [sys.executable, "-m", "detector", "check", "--no-cache", "--format", "json", *args, str(FIXTURES)],
        capture_output=True,
        env={**os.environ, "PYTHONHASHSEED": hash_seed, "NO_COLOR": "1"},
    )
    assert proc.returncode in (0, 1), proc.stderr.decode()
    files = json.loads(proc.stdout)["files"]
    return [(f["path"], f["score"], f["findings"]) for f in files]


def test_report_is_the_same_whatever_the_hash_seed_and_jobs():
    first = report("1", "-j", "1")
    assert first and any(findings for _, _, findings in first)
    assert report("2", "-j", "1") == first
    assert report("3", "-j", "2") == first
