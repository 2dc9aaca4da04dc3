"""A first user's review of the command line: colour and the environment,
help texts, odd files in directory walks, paths outside the working folder,
option values that mean nothing."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys

import pytest

from conftest import FIXTURES

GLUED = "The state media.China is big.\n"


def run(*args, cwd=None, env=None, stdin: bytes | None = None, timeout=60):
    proc = subprocess.run(
        [sys.executable, "-m", "detector", *args],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        env={**os.environ, "COLUMNS": "200", **(env or {})},
        timeout=timeout,
    )
    return proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")


def run_on_terminal(*args, env: dict[str, str]) -> str:
    """Standard output of the command when it writes to a (pseudo-)terminal."""
    controller, terminal = pty.openpty()
    clean_env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "TERM")}
    proc = subprocess.Popen(
        [sys.executable, "-m", "detector", *args],
        stdout=terminal, stderr=subprocess.DEVNULL, env={**clean_env, "TERM": "xterm", **env},
    )
    os.close(terminal)
    chunks = []
    while True:
        try:
            chunk = os.read(controller, 65536)
        except OSError:  # the terminal closed: the command has exited
            break
        if not chunk:
            break
        chunks.append(chunk)
    proc.wait(timeout=60)
    os.close(controller)
    return b"".join(chunks).decode("utf-8")


@pytest.mark.skipif(os.name != "posix", reason="needs a pseudo-terminal")
@pytest.mark.parametrize("command", [("check", "{file}"), ("rules",)])
def test_colour_on_a_terminal_unless_no_color_or_a_dumb_terminal(tmp_path, command):
    target = tmp_path / "a.txt"
    target.write_text(GLUED)
    args = [a.format(file=target) for a in command]
    assert "\x1b[" in run_on_terminal(*args, env={})
    assert "\x1b[" not in run_on_terminal(*args, env={"NO_COLOR": "1"})
    assert "\x1b[" not in run_on_terminal(*args, env={"TERM": "dumb"})
    assert "\x1b[" in run_on_terminal(*args, "--color", env={"NO_COLOR": "1"}) if command[0] == "check" else True


def test_force_color_colours_a_pipe(tmp_path):
    target = tmp_path / "a.txt"
    target.write_text(GLUED)
    _, out, _ = run("check", str(target), env={"FORCE_COLOR": "1", "NO_COLOR": ""})
    assert "\x1b[" in out
    _, out, _ = run("check", str(target), env={"FORCE_COLOR": "", "NO_COLOR": ""})
    assert "\x1b[" not in out


def test_help_shows_the_defaults_and_every_format():
    code, out, _ = run("check", "--help")
    assert code == 0
    rows = {line.split()[1]: line for line in out.splitlines() if line.startswith("│ --")}
    assert "[default: (error)]" in rows["--fail-on"]
    assert "markdown or html." in rows["--format"] and "[default: (text)]" in rows["--format"]
    assert "[default: (one per CPU)]" in rows["--jobs"]
    assert "[default: (on a terminal)]" in rows["--color"]
    assert "[default: (.detector_cache)]" in rows["--cache-dir"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_in_a_folder_is_left_out_instead_of_hanging(tmp_path):
    (tmp_path / "a.txt").write_text(GLUED)
    os.mkfifo(tmp_path / "pipe.txt")  # reading it would wait for a writer forever
    code, out, err = run("check", str(tmp_path), "--format", "concise", "--no-cache", timeout=60)
    assert out == f"{tmp_path / 'a.txt'}:1:11: SP001 [warning] sentences glued without a space: 'media.China'\n"
    assert code == 0 and err == ""


def test_a_folder_that_cannot_be_listed_is_an_error_and_the_rest_is_checked(tmp_path, monkeypatch):
    from detector.files import collect

    (tmp_path / "a.txt").write_text(GLUED)
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "b.txt").write_text(GLUED)
    real_scandir = os.scandir

    def scandir(path="."):
        if os.fspath(path) == str(locked):
            raise PermissionError(13, "Permission denied", str(locked))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    problems: list[str] = []
    assert collect([str(tmp_path)], ("*.txt",), (), problems) == [tmp_path / "a.txt"]
    assert problems == [f"{locked}: cannot read folder: Permission denied"]
    # Only that folder: one problem, not a second "no files to check".
    problems.clear()
    assert collect([str(locked)], ("*.txt",), (), problems) == []
    assert problems == [f"{locked}: cannot read folder: Permission denied"]
    with pytest.raises(Exception, match="cannot read folder"):
        collect([str(tmp_path)], ("*.txt",), ())  # baseline commands: fatal


def test_files_outside_the_working_folder_are_shown_as_given(tmp_path):
    work, other = tmp_path / "work", tmp_path / "other"
    work.mkdir()
    other.mkdir()
    (other / "a.txt").write_text(GLUED)
    (work / "b.txt").write_text(GLUED)
    code, out, _ = run("check", str(other / "a.txt"), "b.txt", "--format", "concise", "--no-cache", cwd=work)
    assert out.splitlines() == [
        f"{other / 'a.txt'}:1:11: SP001 [warning] sentences glued without a space: 'media.China'",
        "b.txt:1:11: SP001 [warning] sentences glued without a space: 'media.China'",
    ]
    code, out, _ = run("check", "../other/a.txt", "--format", "concise", "--no-cache", cwd=work)
    assert out.startswith("../other/a.txt:1:11: SP001")


def test_sarif_uris_outside_the_working_folder_are_absolute_without_a_base(tmp_path):
    import jsonschema

    work, other = tmp_path / "work", tmp_path / "other"
    work.mkdir()
    other.mkdir()
    (other / "a.txt").write_text(GLUED)
    (work / "b.txt").write_text(GLUED)
    _, out, _ = run("check", "../other/a.txt", "b.txt", "--format", "sarif", "--no-cache", cwd=work)
    log = json.loads(out)
    schema = json.loads((FIXTURES.parent / "tests" / "schemas" / "sarif-2.1.0.json").read_text())
    jsonschema.validate(log, schema)
    run_ = log["runs"][0]
    assert [a["location"] for a in run_["artifacts"]] == [
        {"uri": (other / "a.txt").resolve().as_uri()},
        {"uri": "b.txt", "uriBaseId": "%SRCROOT%"},
    ]
    locations = [r["locations"][0]["physicalLocation"]["artifactLocation"] for r in run_["results"]]
    assert locations == [
        {"uri": (other / "a.txt").resolve().as_uri(), "index": 0},
        {"uri": "b.txt", "uriBaseId": "%SRCROOT%", "index": 1},
    ]


@pytest.mark.parametrize("config, message", [
    ('language = "klingon"\n',
     "config: 'language': 'klingon' is not a language code; use ISO 639-1, such as en, de or ko"),
    ('languages = ["ko", "english"]\n',
     "config: 'languages': 'english' is not a language code; use ISO 639-1, such as en, de or ko"),
    ('[per-file-ignores]\n"*.txt" = ["BP", "ZZ9"]\n',
     "{config}: per-file-ignores: unknown rule selector 'ZZ9' (use a code, a code prefix, a category, "
     "a rule name or ALL; see 'detector rules')"),
])
def test_config_values_that_mean_nothing_are_errors(tmp_path, config, message):
    (tmp_path / "detector.toml").write_text(config)
    (tmp_path / "a.txt").write_text(GLUED)
    code, out, err = run("check", "a.txt", "--no-cache", cwd=tmp_path)
    assert (code, out) == (2, "")
    assert err == f"detector: error: {message.format(config=tmp_path / 'detector.toml')}\n"


def test_language_option_is_a_code(tmp_path):
    (tmp_path / "a.txt").write_text("He said 말했다 today.\n")
    code, out, err = run("check", "a.txt", "--language", "en-US", cwd=tmp_path)
    assert (code, out) == (2, "")
    assert err == ("detector: error: --language: 'en-US' is not a language code; "
                   "use ISO 639-1, such as en, de or ko\n")
    code, out, _ = run("check", "a.txt", "--language", "EN", "--format", "concise", "--no-cache", cwd=tmp_path)
    assert out == "a.txt:1:9: ML001 [error] Korean text '말했다' inside an English sentence; likely left untranslated\n"
    assert code == 1


def test_a_file_over_max_file_size_is_skipped_with_exact_sizes(tmp_path):
    (tmp_path / "detector.toml").write_text("max-file-size = 1000\n")
    (tmp_path / "big.txt").write_text("x" * 1001)
    code, out, err = run("check", "big.txt", "--format", "concise", "--no-cache", cwd=tmp_path)
    skipped = "big.txt: skipped, 1,001 bytes is over max-file-size (1,000 bytes)"
    assert err == f"detector: warning: {skipped}\n"
    assert out == f"{skipped}\n" and code == 0


@pytest.mark.skipif(os.name != "posix", reason="needs a pseudo-terminal")
def test_the_text_report_fits_a_narrow_terminal(tmp_path):
    target = tmp_path / "a.txt"
    target.write_text("a" * 50 + " media.China " + "b" * 50 + "\n")
    out = run_on_terminal("check", str(target), "--no-color", "--no-cache", env={"COLUMNS": "40"})
    assert "1 | …" + "a" * 10 + " media.China " + "b" * 11 + "…\r\n" in out


@pytest.mark.skipif(os.name != "posix", reason="needs a pseudo-terminal")
def test_the_rule_table_fits_a_narrow_terminal():
    out = run_on_terminal("rules", env={"COLUMNS": "80", "NO_COLOR": "1"})
    lines = out.split("\r\n")
    assert max(len(line) for line in lines) <= 80
    assert lines[0].split() == ["code", "name", "category", "severity", "summary"]
    assert any(line.startswith("ML001") for line in lines)


@pytest.mark.parametrize("encoding, name", [("utf-16-le", "little-endian"), ("utf-16-be", "big-endian")])
def test_bom_less_utf16_of_korean_or_chinese_is_read_not_skipped_as_binary(tmp_path, encoding, name):
    from detector.reading import decode, looks_binary

    korean = "서울 시민들은 오늘 아침 새로운 다리가 열렸다고 말했다. 많은 사람들이 축하했다.\n"
    chinese = "北京市民今天早上说新的大桥已经开通。许多人表示祝贺。\n"
    for text in (korean, chinese):
        data = text.encode(encoding)
        assert not looks_binary(data)
        decoded, decoding = decode(data)
        assert (decoded, decoding.encoding, decoding.bom) == (text, encoding, False)
    (tmp_path / "ko.txt").write_bytes(korean.encode(encoding))
    code, out, err = run("check", "ko.txt", "--format", "concise", "--no-cache", "--select", "EN010", cwd=tmp_path)
    assert out == (f"ko.txt:1:1: EN010 [info] file is encoded as UTF-16 {name} (without byte-order mark), "
                   "not UTF-8; decoded and checked\n")
    assert (code, err) == (0, "")


def test_binary_files_are_still_skipped():
    from detector.reading import looks_binary

    assert looks_binary(bytes(range(256)) * 10)
    assert looks_binary(b"\x7fELF\x02\x01\x01\x00" + bytes(range(64)) * 40)
    assert looks_binary(__import__("zlib").compress(("Some text. " * 2000).encode() + bytes(range(256)) * 8))


@pytest.mark.skipif(sys.platform != "linux", reason="file names of arbitrary bytes")
def test_a_file_name_that_is_not_utf8_gives_valid_reports(tmp_path):
    import jsonschema

    (tmp_path / os.fsdecode(b"caf\xe9.txt")).write_text(GLUED)
    code, out, err = run("check", ".", "--format", "json", "--no-cache", cwd=tmp_path)
    assert [f["path"] for f in json.loads(out)["files"]] == ["caf\\xe9.txt"]
    code, out, err = run("check", ".", "--format", "sarif", "--no-cache", cwd=tmp_path)
    assert code == 0, err
    log = json.loads(out)
    jsonschema.validate(log, json.loads((FIXTURES.parent / "tests" / "schemas" / "sarif-2.1.0.json").read_text()))
    assert log["runs"][0]["artifacts"][0]["location"]["uri"] == "caf%5Cxe9.txt"


@pytest.mark.parametrize("value", ["", ",", " , "])
def test_an_empty_select_is_an_error_not_a_check_of_nothing(value):
    code, out, err = run("check", str(FIXTURES / "seeds" / "003_2a3150eab2354bd0.txt"), "--select", value)
    assert (code, out) == (2, "")
    assert err == ("detector: error: --select is empty; give rule codes, prefixes, categories or names "
                   "(ALL for every rule)\n")


def test_an_empty_select_is_an_error_for_baseline_write_too(tmp_path):
    (tmp_path / "a.txt").write_text(GLUED)
    code, out, err = run("baseline", "write", "a.txt", "--select", "", cwd=tmp_path)
    assert (code, out) == (2, "")
    assert err.startswith("detector: error: --select is empty")
    assert not (tmp_path / "detector-baseline.json").exists()
