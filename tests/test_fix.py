"""--fix, --diff, --unsafe-fixes: what is applied, how the file is written."""

from __future__ import annotations

import codecs
import os
import signal
import stat
import subprocess
import sys
import textwrap
import time

import pytest

from detector.config import Settings
from detector.engine import check_bytes
from detector.finding import Finding, Fix, Severity
from detector.fixes import FixRefused, fix_file, select_fixes, write_atomic

DAMAGED = "Itâ€™s the provinceâ€™s budget. Rock &amp; Roll, pass\u200bword.\nThe province?s budget.\n"
SAFE_FIXED = "It’s the province’s budget. Rock & Roll, password.\nThe province?s budget.\n"
ALL_FIXED = "It’s the province’s budget. Rock & Roll, password.\nThe province’s budget.\n"


def run(*args, stdin: bytes | None = None, cwd=None):
    proc = subprocess.run(
        [sys.executable, "-m", "detector", *args], input=stdin, capture_output=True,
        env={**os.environ, "NO_COLOR": "1"}, cwd=cwd,
    )
    return proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")


def write(tmp_path, data: bytes, name="doc.txt"):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_fix_applies_safe_fixes_only_and_reports_the_rest(tmp_path):
    path = write(tmp_path, DAMAGED.encode())
    code, out, err = run("check", "--select", "MJ,EN", "--fix", "-q", str(path))
    assert path.read_text("utf-8") == SAFE_FIXED
    assert "fixed 4 findings" in err
    assert "EN003" in out and "MJ001" not in out and "EN009" not in out  # what is left
    assert code == 0  # EN003 is a warning


def test_unsafe_fixes_add_the_rest(tmp_path):
    path = write(tmp_path, DAMAGED.encode())
    run("check", "--select", "MJ,EN", "--fix", "--unsafe-fixes", str(path))
    assert path.read_text("utf-8") == ALL_FIXED


def test_fix_is_idempotent(tmp_path):
    path = write(tmp_path, DAMAGED.encode())
    run("check", "--select", "MJ,EN", "--fix", "--unsafe-fixes", str(path))
    first = path.read_bytes()
    mtime = path.stat().st_mtime_ns
    _, _, err = run("check", "--select", "MJ,EN", "--fix", "--unsafe-fixes", str(path))
    assert path.read_bytes() == first and path.stat().st_mtime_ns == mtime
    assert "fixed" not in err


def test_diff_prints_and_writes_nothing(tmp_path):
    path = write(tmp_path, DAMAGED.encode())
    code, out, _ = run("check", "--select", "MJ,EN", "--diff", str(path))
    assert path.read_text("utf-8") == DAMAGED
    # The file is outside the working folder: shown by its absolute path, without a/ and b/.
    assert out == textwrap.dedent(f"""\
        --- {path}
        +++ {path}
        @@ -1,2 +1,2 @@
        -Itâ€™s the provinceâ€™s budget. Rock &amp; Roll, pass\u200bword.
        +It’s the province’s budget. Rock & Roll, password.
         The province?s budget.
        """)
    assert code == 1
    code, out, _ = run("check", "--select", "EN003", "--diff", str(path))
    assert out == "" and code == 0  # EN003 fixes are unsafe


def test_diff_counts_lines_as_patch_does(tmp_path):
    # A form feed and U+2028 end lines for str.splitlines, not for patch or git.
    text = "Page one.\x0cThe state media.China is big.\u2028Next line.\n"
    write(tmp_path, text.encode())
    code, out, _ = run("check", "--select", "SP001", "--diff", "doc.txt", cwd=tmp_path)
    assert out == (
        "--- a/doc.txt\n"
        "+++ b/doc.txt\n"
        "@@ -1 +1 @@\n"
        "-Page one.\x0cThe state media.China is big.\u2028Next line.\n"
        "+Page one.\x0cThe state media. China is big.\u2028Next line.\n"
    )
    assert code == 1
    (tmp_path / "fix.diff").write_text(out, encoding="utf-8")
    applied = subprocess.run(["git", "apply", "--check", "--unsafe-paths", "fix.diff"], cwd=tmp_path,
                             capture_output=True, text=True)
    assert applied.returncode == 0, applied.stderr


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_fix_leaves_a_read_only_file_alone(tmp_path):
    path = write(tmp_path, "The state media.China is big.\n".encode())
    path.chmod(0o444)
    code, out, err = run("check", "--select", "SP001", "--fix", "--format", "concise", str(path))
    assert path.read_text("utf-8") == "The state media.China is big.\n"
    assert stat.S_IMODE(path.stat().st_mode) == 0o444
    assert err == f"detector: warning: {path}: read-only; not fixed\n"
    assert out == f"{path}:1:11: SP001 [warning] sentences glued without a space: 'media.China'\n"
    assert code == 0
    assert list(tmp_path.iterdir()) == [path]  # no temporary file left behind


@pytest.mark.skipif(os.name != "posix" or os.geteuid() != 0, reason="giving a file away needs root")
def test_fix_keeps_the_owner(tmp_path):
    path = write(tmp_path, "The state media.China is big.\n".encode())
    os.chown(path, 65534, 65534)
    code, _, err = run("check", "--select", "SP001", "--fix", str(path))
    assert path.read_text("utf-8") == "The state media. China is big.\n"
    assert (path.stat().st_uid, path.stat().st_gid) == (65534, 65534)
    assert code == 0 and err == f"detector: fixed 1 finding in {path}\n"


def test_diff_reads_standard_input_but_fix_refuses_it():
    code, out, _ = run("check", "--select", "EN009", "--diff", "-", stdin=b"a &amp; b\n")
    assert "-a &amp; b" in out and "+a & b" in out
    code, _, err = run("check", "--fix", "-", stdin=b"a &amp; b\n")
    assert code == 2 and "standard input" in err


@pytest.mark.parametrize("encoding,bom", [
    ("utf-8", b""), ("utf-8", codecs.BOM_UTF8), ("utf-16-le", codecs.BOM_UTF16_LE),
    ("utf-16-be", codecs.BOM_UTF16_BE), ("cp1252", b""),
])
def test_fix_keeps_encoding_bom_and_line_endings(tmp_path, encoding, bom):
    text = "Caf\u00e9 cr\u00e8me, Rock &amp; Roll\r\nsecond line &quot;quoted&quot;\r\nthird line\n" * 2
    path = write(tmp_path, bom + text.encode(encoding))
    result = check_bytes(path.read_bytes(), "doc.txt", Settings(select=("EN009",)))
    fix_file(path, "doc.txt", path.read_bytes(), result)
    expected = text.replace("&amp;", "&").replace("&quot;", '"')
    assert path.read_bytes() == bom + expected.encode(encoding)


def test_fix_keeps_undecodable_bytes(tmp_path):
    data = b"bad \xff byte and Rock &amp; Roll, then caf\xc3\xa9\n"
    path = write(tmp_path, data)
    run("check", "--select", "EN009", "--fix", str(path))
    assert path.read_bytes() == b"bad \xff byte and Rock & Roll, then caf\xc3\xa9\n"


def test_fix_keeps_permissions(tmp_path):
    path = write(tmp_path, b"Rock &amp; Roll\n")
    os.chmod(path, 0o640)
    run("check", "--select", "EN009", "--fix", str(path))
    assert path.read_bytes() == b"Rock & Roll\n"
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["doc.txt"]  # no temporary left


def test_fix_through_a_symlink_rewrites_the_target(tmp_path):
    target = write(tmp_path, b"Rock &amp; Roll\n", "real.txt")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    run("check", "--select", "EN009", "--fix", str(link))
    assert link.is_symlink() and target.read_bytes() == b"Rock & Roll\n"


def test_refuses_a_file_that_changed_since_it_was_read(tmp_path):
    path = write(tmp_path, b"Rock &amp; Roll\n")
    data = path.read_bytes()
    result = check_bytes(data, "doc.txt", Settings(select=("EN009",)))
    path.write_bytes(b"Someone else's edit &amp; more\n")
    with pytest.raises(FixRefused, match="changed since it was read"):
        fix_file(path, "doc.txt", data, result)
    assert path.read_bytes() == b"Someone else's edit &amp; more\n"


def test_a_failed_rename_leaves_the_old_content_and_no_temporary(tmp_path, monkeypatch):
    path = write(tmp_path, b"old content\n")

    def crash(src, dst):
        raise OSError("disk on fire")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError):
        write_atomic(path, b"old content\n", b"new content\n")
    assert path.read_bytes() == b"old content\n"
    assert [p.name for p in tmp_path.iterdir()] == ["doc.txt"]


def _finding(start, end, replacement, code="EN009", safe=True):
    return Finding(code, "x", "encoding", Severity.WARNING, "", start, end, "x" * (end - start),
                   fix=Fix(replacement, safe=safe))


def test_overlapping_fixes_are_resolved_in_text_order():
    a, b, c = _finding(0, 5, "A"), _finding(3, 8, "B"), _finding(8, 9, "C")
    assert select_fixes([c, b, a]) == [a, c]
    assert select_fixes([b, a, c]) == [a, c]
    unsafe = _finding(10, 11, "U", safe=False)
    assert select_fixes([unsafe]) == [] and select_fixes([unsafe], unsafe=True) == [unsafe]


KILLER = """
import sys
from pathlib import Path
from detector.fixes import write_atomic
path = Path(sys.argv[1])
old, new = b"A" * 4_000_000, b"B" * 4_000_001
print("ready", flush=True)
while True:
    current = path.read_bytes()
    write_atomic(path, current, new if current == old else old)
"""


def test_killing_a_fix_leaves_old_or_new_content_never_a_mix(tmp_path):
    path = write(tmp_path, b"A" * 4_000_000)
    for delay in (0.05, 0.11, 0.17, 0.23, 0.31):
        proc = subprocess.Popen([sys.executable, "-c", KILLER, str(path)], stdout=subprocess.PIPE)
        assert proc.stdout.readline() == b"ready\n"
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        proc.stdout.close()
        data = path.read_bytes()
        assert data in (b"A" * 4_000_000, b"B" * 4_000_001)
        for leftover in tmp_path.glob(".doc.txt.*"):
            leftover.unlink()  # a killed process cannot clean up its temporary file


def test_unsafe_fix_reads_stray_bytes_as_windows_1252(tmp_path):
    path = write(tmp_path, b"caf\xe9 and na\xc3\xafve, \x81 and Rock &amp; Roll\n")
    run("check", "--select", "EN", "--fix", str(path))
    assert path.read_bytes() == b"caf\xe9 and na\xc3\xafve, \x81 and Rock & Roll\n"
    run("check", "--select", "EN", "--fix", "--unsafe-fixes", str(path))
    # 0x81 is undefined in Windows-1252: it stays as it was.
    assert path.read_bytes() == b"caf\xc3\xa9 and na\xc3\xafve, \x81 and Rock & Roll\n"


BOILERPLATE_TEXT = (
    "The minister spoke on Monday.\n"
    "Please enter your comment!\n"
    "She left on Tuesday.\n"
    "\n"
    "Share this story via social media\n"
    "\n"
    "The talks lasted an hour.\n"
)


@pytest.mark.parametrize("eol", ["\n", "\r\n", "\r"])
def test_unsafe_fixes_delete_boilerplate_lines_without_leaving_empty_lines(tmp_path, eol):
    path = write(tmp_path, BOILERPLATE_TEXT.replace("\n", eol).encode())
    code, out, err = run("check", "--select", "BP001", "--fix", "--unsafe-fixes", str(path))
    assert "fixed 2 findings" in err
    assert path.read_bytes() == (
        "The minister spoke on Monday.\nShe left on Tuesday.\n\nThe talks lasted an hour.\n"
    ).replace("\n", eol).encode()
    assert code == 0 and "BP001" not in out


def test_diff_of_a_line_deletion_removes_the_line(tmp_path):
    write(tmp_path, BOILERPLATE_TEXT.encode())
    code, out, _ = run("check", "--select", "BP001", "--diff", "--unsafe-fixes", "doc.txt", cwd=tmp_path)
    assert out == (
        "--- a/doc.txt\n"
        "+++ b/doc.txt\n"
        "@@ -1,7 +1,4 @@\n"
        " The minister spoke on Monday.\n"
        "-Please enter your comment!\n"
        " She left on Tuesday.\n"
        " \n"
        "-Share this story via social media\n"
        "-\n"
        " The talks lasted an hour.\n"
    )
    assert code == 1
    (tmp_path / "fix.diff").write_text(out, encoding="utf-8")
    applied = subprocess.run(["git", "apply", "--check", "--unsafe-paths", "fix.diff"], cwd=tmp_path,
                             capture_output=True, text=True)
    assert applied.returncode == 0, applied.stderr


def test_fixes_of_spans_of_their_own_are_ordered_and_checked_for_overlap_by_those_spans():
    # the finding "b" ends at 5, its fix deletes up to 6; "c" starts at 5
    b = Finding("BP001", "n", "boilerplate", Severity.WARNING, "", 2, 5, "b",
                fix=Fix("", safe=False, start=2, end=6))
    c = _finding(5, 7, "C")
    a = _finding(0, 1, "A")
    assert select_fixes([c, b, a], unsafe=True) == [a, b]
    assert select_fixes([c, a], unsafe=True) == [a, c]


def test_a_fix_round_trips_through_its_plain_values():
    """Packing (cache, workers, JSONL results) keeps every field of a fix,
    the span of its own and its right to replace undecodable bytes too."""
    from detector.finding import Fix

    for fix in (Fix("é", safe=False, description="read the byte as Windows-1252", replaces_undecodable=True),
                Fix("", safe=False, description="delete the line", start=3, end=9)):
        assert Fix(*fix.as_tuple()) == fix
        assert fix.moved(5).replaces_undecodable == fix.replaces_undecodable
