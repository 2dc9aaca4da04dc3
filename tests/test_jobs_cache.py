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
