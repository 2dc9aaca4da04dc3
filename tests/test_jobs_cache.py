"""-j/--jobs and the result cache: same report whatever the job count, cache
hits on unchanged files, misses on changed content or settings."""

from __future__ import annotations

import io
import pickle
import sys

import pytest

from detector.cli import main
from detector.parallel import Progress, portable

SEEDS = sorted(__import__("conftest").SEEDS)


@pytest.fixture
def corpus(tmp_path, monkeypatch):
    """13 files: the seeds under several names, a binary file, a nested folder."""
    monkeypatch.chdir(tmp_path)
    docs = tmp_path / "docs"
    (docs / "sub").mkdir(parents=True)
    for i, seed in enumerate(SEEDS):
        data = seed.read_bytes()
        (docs / f"{i}_a.txt").write_bytes(data)
        (docs / "sub" / f"{i}_b.md").write_bytes(b"# Heading\n\n" + data)
    (docs / "z.txt").write_bytes(b"\x00\x01\x02binary\x00" * 20)
    (docs / "sub" / "y.md").write_text("<!-- detector-disable-next-line MJ001 -->\nPlain English.\n", encoding="utf-8")
    (docs / "sub" / "k.md").write_text("The minister said 말했다 yesterday in Seoul.\n", encoding="utf-8")
    return tmp_path


def cli(monkeypatch, capsys, *args):
    capsys.readouterr()
    monkeypatch.setattr("sys.argv", ["detector", *args])
    with pytest.raises(SystemExit) as exit_:
        main()
    captured = capsys.readouterr()
    return exit_.value.code, captured.out, captured.err


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github"])
def test_jobs_do_not_change_the_report(corpus, monkeypatch, capsys, fmt):
    one = cli(monkeypatch, capsys, "check", "docs", "--no-cache", "-j", "1", "--format", fmt)
    two = cli(monkeypatch, capsys, "check", "docs", "--no-cache", "-j", "2", "--format", fmt)
    assert one == two
    assert one[0] == 1 and "z.txt: skipped" in one[2]
    if fmt == "text":
        assert "말했다" in one[1] and "in 12 files" in one[1]
        assert "docs/sub/y.md:1:1: DT001 [info]" in one[1]


def test_cache_hit_miss_and_invalidation(corpus, monkeypatch, capsys):
    args = ("check", "docs", "-j", "1", "--format", "json", "--cache-dir", "cache")
    first = cli(monkeypatch, capsys, *args)
    assert (corpus / "cache" / "CACHEDIR.TAG").is_file()
    assert (corpus / "cache" / ".gitignore").read_text(encoding="utf-8").endswith("*\n")

    calls = []
    import detector.parallel as parallel

    real = parallel.check_data

    def counting(data, shown, settings, **options):
        calls.append(shown)
        return real(data, shown, settings, **options)

    monkeypatch.setattr(parallel, "check_data", counting)
    assert cli(monkeypatch, capsys, *args) == first  # every file from the cache
    assert calls == ["docs/z.txt"]  # binary files are skipped, not cached

    calls.clear()
    (corpus / "docs" / "sub" / "k.md").write_text("The minister said 말했다 today in Seoul.\n", encoding="utf-8")
    cli(monkeypatch, capsys, *args)
    assert calls == ["docs/z.txt", "docs/sub/k.md"]  # only the changed file

    calls.clear()
    cli(monkeypatch, capsys, *args, "--select", "ML")  # other settings: all miss
    assert len(calls) == 13


def test_no_cache_writes_nothing(corpus, monkeypatch, capsys):
    cli(monkeypatch, capsys, "check", "docs", "--no-cache", "--cache-dir", "cache", "-q")
    assert not (corpus / "cache").exists()


def test_damaged_cache_entry_is_a_miss(corpus, monkeypatch, capsys):
    args = ("check", "docs/sub/k.md", "--cache-dir", "cache", "--format", "concise")
    first = cli(monkeypatch, capsys, *args)
    for entry in (corpus / "cache").rglob("*.pickle"):
        entry.write_bytes(b"not a pickle")
    assert cli(monkeypatch, capsys, *args) == first


def test_portable_results_pickle_and_keep_source_lines():
    from detector.config import Settings
    from detector.parallel import check_data

    result = check_data("Intro.\nThe minister said 말했다 yesterday in Seoul.\n".encode(), "a.md", Settings())
    moved = pickle.loads(pickle.dumps(portable(result)))
    assert moved.findings == result.findings and moved.score == result.score
    assert moved.document.line_text(2) == result.document.line_text(2)
    assert result.document.text.startswith("Intro.")  # the original keeps its Document


def test_progress_bar_draws_and_clears(monkeypatch):
    err = io.StringIO()
    monkeypatch.setattr(sys, "stderr", err)
    bar = Progress(4, enabled=True)
    for _ in range(4):
        bar.advance()
    bar.close()
    out = err.getvalue()
    assert "\rchecking 1/4 files [#######" in out and "checking 4/4 files [" + "#" * 30 + "]" in out
    assert out.endswith("\r\x1b[2K")


def test_progress_bar_is_silent_when_disabled(monkeypatch):
    err = io.StringIO()
    monkeypatch.setattr(sys, "stderr", err)
    bar = Progress(100, enabled=False)
    bar.advance()
    bar.close()
    assert err.getvalue() == ""


def test_unused_entries_are_pruned(tmp_path):
    import os
    import time

    from detector.cache import MAX_AGE_SECONDS, Cache
    from detector.config import Settings
    from detector.engine import FileResult

    cache = Cache(tmp_path / "cache")
    old_key = cache.key(b"old", "a.txt", Settings())
    new_key = cache.key(b"new", "a.txt", Settings())
    cache.put(old_key, FileResult(path="a.txt"))
    cache.put(new_key, FileResult(path="a.txt"))
    now = time.time()
    long_ago = now - MAX_AGE_SECONDS - 10
    os.utime(cache._path(old_key), (long_ago, long_ago))
    assert cache.prune(now) == 1
    assert cache.get(old_key) is None and cache.get(new_key) is not None
    os.utime(cache._path(new_key), (long_ago, long_ago))
    assert cache.prune(now + 60) == 0  # pruned less than a day ago: not again yet


def test_cached_text_report_shows_the_same_source_lines(corpus, monkeypatch, capsys):
    args = ("check", "docs/sub", "--cache-dir", "cache", "-j", "1")
    first = cli(monkeypatch, capsys, *args)
    assert "1 | The minister said 말했다 yesterday in Seoul." in first[1]
    assert cli(monkeypatch, capsys, *args) == first


def test_no_default_cache_inside_a_test_suite(corpus, monkeypatch, capsys):
    cli(monkeypatch, capsys, "check", "docs/sub/k.md", "-q")
    assert not (corpus / ".detector_cache").exists()


def test_packed_results_come_back_equal():
    from detector.config import Settings
    from detector.packed import SourceLines, pack, unpack
    from detector.parallel import check_data

    text = "Intro.\nThe minister said 말했다 yesterday in Seoul.\nThe the end.\n"
    result = check_data(text.encode(), "a.md", Settings())
    assert result.findings  # something to carry
    blob = pack(result)
    assert blob[:1] == b"M"  # marshal: plain tuples
    back = unpack(blob)
    assert back.findings == result.findings and back.score == result.score
    assert (back.path, back.language, back.text_length, back.skipped) == ("a.md", "en", result.text_length, None)
    assert isinstance(back.document, SourceLines)
    for f in result.findings:
        assert back.document.line_text(f.start_pos.line) == result.document.line_text(f.start_pos.line)
    assert unpack(pack(back)).findings == result.findings  # packing a packed result again


def test_packed_results_with_odd_details_fall_back_to_pickle():
    from pathlib import PurePosixPath

    from detector.engine import FileResult
    from detector.finding import Finding, Fix, Position, Severity
    from detector.packed import pack, unpack

    odd = Finding("XX001", "odd", "spacing", Severity.ERROR, "m", 3, 5, "ab", 0.5, Fix("", safe=False),
                  Position(1, 4), Position(1, 6), details={"where": PurePosixPath("a/b"), "n": (1, 2)})
    bare = Finding("XX002", "bare", "spacing", Severity.INFO, "m", 0, 0, "")  # no positions, no fix
    result = FileResult(path="a.txt", findings=[odd, bare], text_length=9)
    blob = pack(result)
    assert blob[:1] == b"P"
    back = unpack(blob)
    assert back.findings == [odd, bare] and back.findings[0].severity is Severity.ERROR
    assert back.findings[1].details == {} and back.document is None and back.score is None
    skipped = unpack(pack(FileResult(path="z.bin", skipped="z.bin: skipped (binary)")))
    assert skipped.skipped == "z.bin: skipped (binary)" and skipped.findings == []
    with pytest.raises(ValueError):
        unpack(b"not packed")


def test_jobs_and_cache_together_give_the_same_report(corpus, monkeypatch, capsys):
    """Results packed by the pool's workers are stored as they are; read back
    by a one-process run they give the same report."""
    for i in range(3):  # enough files for the pool
        (corpus / "docs" / f"more{i}.txt").write_text(f"Copy {i}: the minister said 말했다 yesterday.\n", encoding="utf-8")
    plain = cli(monkeypatch, capsys, "check", "docs", "--no-cache", "-j", "1")
    cold = cli(monkeypatch, capsys, "check", "docs", "--cache-dir", "cache", "-j", "2")
    warm = cli(monkeypatch, capsys, "check", "docs", "--cache-dir", "cache", "-j", "1")
    assert plain == cold == warm
    assert len(list((corpus / "cache").glob("*.pickle"))) == 15  # every checked file but the binary one
