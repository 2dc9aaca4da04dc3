"""Benchmark of -j/--jobs and the result cache on 500 files.

Writes 500 text files (the ``text`` of the news pages of
``../shared/corpus/news-l3s-gn1.jsonl``, cycled, each with its number on the
first line so that no two are equal) to a temporary folder, then times the
whole ``detector check`` command, best of ``--repeat`` runs:

* ``-j 1 --no-cache`` against ``-j 2 --no-cache`` (target: ≥ 1.7× on 2 cores);
* a cold cache run against a second run on unchanged files (target: ≥ 5×).

It also prints the CPU time of the main process and of the workers (least of
``--repeat`` runs), and the speed-up they imply on two idle cores: on a
shared machine that is steadier than the wall times.

Usage: ``python bench/jobs_bench.py [--files 500] [--repeat 3] [--corpus PATH]``.
Wall times on a busy machine are noisy: run it when nothing else does.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# shared/ sits beside the checkout (CI) or beside the worktrees' folder.
DEFAULT_CORPUS = next(
    (p for p in (ROOT.parent / "shared", ROOT.parent.parent / "shared") if p.is_dir()), ROOT.parent / "shared"
) / "corpus" / "news-l3s-gn1.jsonl"


def _spin(n: int) -> int:
    return sum(i * i for i in range(n))


def free_cores(seconds_of_work: int = 3_000_000) -> float:
    """How many cores this machine gives us right now: the same CPU-bound work
    in 1 and in 2 processes (≈2.0 on an idle 2-core machine)."""
    import multiprocessing

    start = time.perf_counter()
    _spin(seconds_of_work * 2)
    one = time.perf_counter() - start
    with multiprocessing.get_context("fork").Pool(2) as pool:
        start = time.perf_counter()
        pool.map(_spin, [seconds_of_work, seconds_of_work])
        two = time.perf_counter() - start
    return one / two


def write_files(folder: Path, corpus: Path, count: int) -> int:
    pages = [json.loads(line)["text"] for line in corpus.open(encoding="utf-8") if line.strip()]
    total = 0
    for i in range(count):
        text = f"Article {i}\n\n" + pages[i % len(pages)]
        (folder / f"{i:04d}.txt").write_text(text, encoding="utf-8")
        total += len(text.encode("utf-8"))
    return total


def timed(args: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "detector", *args], cwd=cwd,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        raise SystemExit(f"detector failed: {proc.stderr.decode()}")
    return elapsed


_CPU_SPLIT = """
import contextlib, io, json, resource, sys
from detector.run import CheckOptions, run_check
with contextlib.redirect_stdout(io.StringIO()):
    run_check(CheckOptions(paths=["docs"], jobs=int(sys.argv[1]), no_cache=True, output_format="concise"))
me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps([me.ru_utime + me.ru_stime, kids.ru_utime + kids.ru_stime]))
"""


def cpu_split(jobs: int, cwd: Path) -> tuple[float, float]:
    """CPU seconds of the main process (the serial part) and of its workers."""
    out = subprocess.run([sys.executable, "-c", _CPU_SPLIT, str(jobs)], cwd=cwd, check=True,
                         capture_output=True, text=True).stdout
    main, workers = json.loads(out)
    return main, workers


def best(args: list[str], cwd: Path, repeat: int, before=None) -> float:
    times = []
    for _ in range(repeat):
        if before:
            before()
        times.append(timed(args, cwd))
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    opts = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        (work / "docs").mkdir()
        size = write_files(work / "docs", opts.corpus, opts.files)
        print(f"{opts.files} files, {size / 1e6:.1f} MB, {os.cpu_count()} CPUs, best of {opts.repeat}")
        print(f"free cores now (ideal -j 2 speed-up): {free_cores():.2f}")
        check = ["check", "docs", "--format", "concise", "--exit-zero"]
        j1 = best([*check, "--no-cache", "-j", "1"], work, opts.repeat)
        j2 = best([*check, "--no-cache", "-j", "2"], work, opts.repeat)
        print(f"-j 1: {j1:6.2f} s  ({size / 1e6 / j1:.2f} MB/s)")
        print(f"-j 2: {j2:6.2f} s  ({size / 1e6 / j2:.2f} MB/s)  speed-up {j1 / j2:.2f}x (target 1.7x)")
        # Wall times need idle cores; CPU accounting does not: with N free
        # cores the wall time is about serial + workers / N.
        # CPU times grow too when other processes share the cores (caches,
        # frequency): least of --repeat runs, each part on its own.
        splits1 = [cpu_split(1, work) for _ in range(opts.repeat)]
        splits2 = [cpu_split(2, work) for _ in range(opts.repeat)]
        serial1 = min(main for main, _ in splits1)
        serial2 = min(main for main, _ in splits2)
        workers2 = min(workers for _, workers in splits2)
        estimate = serial1 / (serial2 + workers2 / 2)
        print(f"CPU: -j 1 {serial1:.2f} s; -j 2 main {serial2:.2f} s + workers {workers2:.2f} s"
              f" → speed-up on 2 idle cores ≈ {estimate:.2f}x")
        cache = work / "cache"
        clear = lambda: shutil.rmtree(cache, ignore_errors=True)
        cold = best([*check, "-j", "1", "--cache-dir", str(cache)], work, opts.repeat, before=clear)
        warm = best([*check, "-j", "1", "--cache-dir", str(cache)], work, opts.repeat)
        print(f"cache cold (-j 1, writing): {cold:6.2f} s")
        print(f"cache warm (-j 1, unchanged files): {warm:6.2f} s  speed-up {cold / warm:.1f}x (target 5x)")


if __name__ == "__main__":
    main()
