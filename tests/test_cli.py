"""The command line: exit codes, one-line errors, formats, selection."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from conftest import FIXTURES

SEEDS = FIXTURES / "seeds"


def run(*args, cwd=None, stdin: bytes | None = None):
    proc = subprocess.run(
        [sys.executable, "-m", "detector", *args],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        env={**os.environ, "NO_COLOR": "1", "COLUMNS": "200"},
    )
    return proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")


def one_line_error(stderr: str) -> bool:
    lines = [line for line in stderr.splitlines() if line.strip()]
    return len(lines) == 1 and "Traceback" not in stderr


def test_clean_seed_passes_and_damaged_seed_fails():
    code, out, _ = run("check", str(SEEDS / "002_cf4130f4cd584bf7.txt"))
    assert code == 0, out
    assert "score 100" in out
    code, out, _ = run("check", str(SEEDS / "003_2a3150eab2354bd0.txt"))
    assert code == 1
    assert "ML001 [error] Korean text '홍콩' inside an English sentence" in out
    assert " | 홍콩 Chinese leader Xi Jinping" in out
    assert "^^^^" in out  # two wide characters underlined with four carets


def test_exit_zero_and_fail_on_never_and_min_score():
    seed = str(SEEDS / "003_2a3150eab2354bd0.txt")
    assert run("check", seed, "--exit-zero")[0] == 0
    assert run("check", seed, "--fail-on", "never")[0] == 0
    clean = str(SEEDS / "002_cf4130f4cd584bf7.txt")
    assert run("check", clean, "--min-score", "100")[0] == 0
    assert run("check", str(SEEDS / "001_8cd4a6df5087e738.txt"), "--fail-on", "never", "--min-score", "99")[0] == 1


def test_fail_on_warning():
    seed = str(SEEDS / "004_9fda79f2c6e2bee4.txt")  # boilerplate warnings only
    code_default = run("check", seed)[0]
    code_warning = run("check", seed, "--fail-on", "warning")[0]
    assert code_warning == 1
    assert code_default in (0, 1)


def test_json_output_shape():
    code, out, _ = run("check", str(SEEDS), "--format", "json")
    data = json.loads(out)
    assert data["schema_version"] == 1
    assert data["tool"]["name"] == "detector"
    assert [f["path"].rsplit("/", 1)[-1][:3] for f in data["files"]] == ["000", "001", "002", "003", "004"]
    assert data["summary"]["files"] == 5
    assert data["summary"]["failed"] is True and code == 1


def test_select_and_ignore():
    seed = str(SEEDS / "003_2a3150eab2354bd0.txt")
    _, out, _ = run("check", seed, "--format", "json", "--select", "ML001")
    codes = {f["code"] for f in json.loads(out)["files"][0]["findings"]}
    assert codes == {"ML001"}
    _, out, _ = run("check", seed, "--format", "json", "--ignore", "mixed-language,injected")
    cats = {f["category"] for f in json.loads(out)["files"][0]["findings"]}
    assert cats and not cats & {"mixed-language", "injected"}


def test_unknown_selector_is_an_error():
    code, _, err = run("check", str(SEEDS), "--select", "XX999")
    assert code == 2 and one_line_error(err) and "XX999" in err


def test_stdin():
    code, out, _ = run("check", "-", "--stdin-filename", "story.txt", "--format", "json", stdin="Xi 말했다 today.".encode())
    data = json.loads(out)
    assert data["files"][0]["path"] == "story.txt"
    assert [f["match"] for f in data["files"][0]["findings"]] == ["말했다"]
    assert code == 1


@pytest.mark.parametrize(
    "setup, needle",
    [
        ("missing", "no such file"),
        ("emptydir", "no files to check"),
        ("badconfig", "unknown key 'colour'"),
        ("badtoml", "invalid TOML"),
    ],
)
def test_bad_input_gives_one_line_and_exit_2(tmp_path, setup, needle):
    target = tmp_path / "x"
    if setup == "emptydir":
        target.mkdir()
    elif setup == "badconfig":
        (tmp_path / "detector.toml").write_text('colour = "red"\n')
        target = tmp_path / "a.txt"
        target.write_text("Fine text.\n")
    elif setup == "badtoml":
        (tmp_path / "detector.toml").write_text("select = [\n")
        target = tmp_path / "a.txt"
        target.write_text("Fine text.\n")
    code, _, err = run("check", str(target))
    assert code == 2, err
    assert one_line_error(err), err
    assert needle in err


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can read anything")
def test_unreadable_file(tmp_path):
    f = tmp_path / "secret.txt"
    f.write_text("text")
    f.chmod(0)
    code, _, err = run("check", str(f))
    assert code == 2 and one_line_error(err)


def test_binary_empty_and_non_utf8_files(tmp_path):
    (tmp_path / "bin.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "latin.txt").write_bytes("The caf\xe9 is open.\n".encode("latin-1"))
    code, out, err = run("check", str(tmp_path), "--format", "json")
    assert "Traceback" not in err
    assert "binary" in err
    files = {f["path"].rsplit("/", 1)[-1]: f for f in json.loads(out)["files"]}
    assert files["empty.txt"]["score"] == 100 and files["empty.txt"]["findings"] == []
    assert "skipped" in files["bin.txt"]
    latin = files["latin.txt"]
    assert latin["findings"], "undecodable bytes are reported as a finding"
    assert code == 1


def test_config_file_is_found_and_cli_overrides_it(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.detector]\nignore = ["ML001"]\nallow = ["아이스크림"]\n')
    doc = tmp_path / "a.txt"
    doc.write_text("He said 말했다 and ate 아이스크림 today.\n")
    _, out, _ = run("check", str(doc), "--format", "json")
    assert json.loads(out)["files"][0]["findings"] == []
    _, out, _ = run("check", str(doc), "--format", "json", "--select", "ML001")
    matches = [f["match"] for f in json.loads(out)["files"][0]["findings"]]
    assert matches == ["말했다"]  # the allowed term stays silent


def test_rules_table_and_explain():
    code, out, _ = run("rules")
    assert code == 0 and "ML001" in out and "foreign-script-fragment" in out
    code, out, _ = run("rules", "--format", "json")
    rules = json.loads(out)
    assert {r["category"] for r in rules} >= {"mixed-language", "encoding", "spacing"}
    code, out, _ = run("rules", "explain", "SP001")
    assert code == 0
    for section in ("## What it does", "## Why it matters", "## Example", "## How to silence it"):
        assert section in out
    code, _, err = run("rules", "explain", "ZZ123")
    assert code == 2 and one_line_error(err)
    code, out, _ = run("rules", "--scoring")
    assert code == 0 and "exp(" in out and "clean" in out


def test_version():
    code, out, _ = run("--version")
    assert code == 0 and out.startswith("detector ")


def test_dangling_symlink_is_unreadable(tmp_path):
    link = tmp_path / "gone.txt"
    link.symlink_to(tmp_path / "missing-target.txt")
    good = tmp_path / "good.txt"
    good.write_text("A fine sentence.\n")
    code, out, err = run("check", str(link), str(good))
    assert code == 2 and one_line_error(err) and "gone.txt" in err
    assert "good.txt" in out  # the other file is still checked


@pytest.mark.parametrize("args", [("check", "--bogus"), ("check", ".", "--format", "nope"), ("nosuchcommand",)])
def test_usage_errors_are_one_line_exit_2(args):
    code, _, err = run(*args)
    assert code == 2 and one_line_error(err), err


def test_every_rule_runs_on_every_fixture_without_an_internal_error():
    code, out, err = run("check", str(FIXTURES), "--select", "ALL", "--exit-zero", "--no-cache", "--format", "json")
    assert "internal error" not in err, err
    assert code == 0, err
    assert json.loads(out)["summary"]["files"] > 10
