"""JSONL in constant memory: check a generated ~1 GB corpus, report peak RSS and MB/s.

    python bench/jsonl_memory.py                 # ~1 GB, default rules
    python bench/jsonl_memory.py --size-mb 100   # quicker
    python bench/jsonl_memory.py --select ML001,SP001 --format json

The corpus is written to a temporary folder (deleted afterwards, never
committed): the article text (``fulltext`` lines) of
``../shared/corpus/news-l3s-gn1.jsonl``, one article a record, cycled until
the file reaches the size; one record in 100 gets a Korean fragment and a
glued sentence, so that the report has findings to hold on to. Then
``detector check FILE --text-field text --id-field id --format concise``
runs as a child process; its peak resident memory comes from
``getrusage(RUSAGE_CHILDREN)``, and its RSS is sampled from /proc together
with how far it has read the file (``rss_by_mb_read``), which shows whether
memory follows the file. A run on a tenth of the size comes first.

Not part of the test suite (it needs ../shared and minutes of CPU).

Measured (2 shared cores, default rules, concise report): 1024 MB, 406,160
records, 132,426 findings: 1,261 s (0.81 MB/s), peak RSS 188.5 MB; RSS while
reading 42 → 93 MB (the packed findings kept for the report), the rest is
the report being rendered at the end.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent.parent / "shared" / "corpus" / "news-l3s-gn1.jsonl"
if not CORPUS.exists():  # worktrees live in /work/wt/NAME, the corpus in /work/shared
    CORPUS = Path("/work/shared/corpus/news-l3s-gn1.jsonl")


def articles() -> list[str]:
    out = []
    with CORPUS.open(encoding="utf-8") as f:
        for line in f:
            page = json.loads(line)
            text = page["text"]
            body = [text[s:e] for s, e, label in page["lines"] if label in ("headline", "fulltext")]
            if body:
                out.append("\n".join(body))
    return out


def generate(path: Path, size: int) -> tuple[int, int]:
    """Write records until ``size`` bytes; return (records, bytes)."""
    texts = articles()
    written = records = 0
    with path.open("w", encoding="utf-8") as f:
        while written < size:
            text = texts[records % len(texts)]
            if records % 100 == 7:
                text = text.replace(" said ", " 말했다 said ", 1) + " It ended, according to state media.China is ready."
            line = json.dumps({"id": f"r{records}", "text": text}, ensure_ascii=False) + "\n"
            f.write(line)
            written += len(line.encode("utf-8"))
            records += 1
    return records, written


def measure(path: Path, select: str | None, fmt: str = "concise", sample_every: float = 5.0,
            progress: bool = False) -> dict:
    cmd = [sys.executable, "-m", "detector", "check", str(path), "--text-field", "text",
           "--id-field", "id", "--format", fmt, "--exit-zero"]
    if select:
        cmd += ["--select", select]
    size = path.stat().st_size
    t0 = time.perf_counter()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, cwd=ROOT)
        samples = []  # (MB read, RSS MB): does memory follow the file?
        while proc.poll() is None:
            time.sleep(sample_every)
            read, rss = _progress(proc.pid, path)
            if rss:
                samples.append((round(read / 1e6), round(rss / 1024, 1)))
                if progress:
                    print(f"  {samples[-1][0]:>6} MB read, RSS {samples[-1][1]} MB", file=sys.stderr, flush=True)
        elapsed = time.perf_counter() - t0
        out.seek(0)
        report_lines = sum(chunk.count(b"\n") for chunk in iter(lambda: out.read(1 << 20), b""))
        err.seek(0)
        errors = err.read()[-2000:].decode(errors="replace")
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    if proc.returncode not in (0, 1):
        raise SystemExit(f"detector failed ({proc.returncode}): {errors}")
    step = max(1, len(samples) // 8)
    return {
        "file_mb": round(size / 1e6, 1),
        "seconds": round(elapsed, 1),
        "mb_per_s": round(size / 1e6 / elapsed, 2),
        # ru_maxrss is the largest child so far: measure the small file first.
        "peak_rss_mb": round(peak_kb / 1024, 1),
        "report_lines": report_lines,
        "rss_by_mb_read": samples[::step] + samples[-1:],
    }


def _progress(pid: int, path: Path) -> tuple[int, int]:
    """(bytes of ``path`` read so far, resident KB) of process ``pid``, from /proc."""
    read = rss = 0
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                rss = int(line.split()[1])
        for fd in Path(f"/proc/{pid}/fd").iterdir():
            if os.path.realpath(fd) == str(path):
                info = Path(f"/proc/{pid}/fdinfo/{fd.name}").read_text()
                read = int(info.split("pos:")[1].split()[0])
    except (OSError, IndexError, ValueError):
        pass
    return read, rss


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size-mb", type=float, default=1024)
    parser.add_argument("--select", default=None, help="rules to run (default: the default set)")
    parser.add_argument("--format", default="concise", help="report format (the report is held in memory)")
    parser.add_argument("--only-full", action="store_true", help="skip the run on a tenth of the size")
    parser.add_argument("--progress", action="store_true", help="print RSS as the file is read")
    args = parser.parse_args()
    if not CORPUS.exists():
        raise SystemExit(f"{CORPUS}: not found (the corpus lives in ../shared)")
    with tempfile.TemporaryDirectory(prefix="jsonl-bench-") as tmp:
        sizes = (args.size_mb,) if args.only_full else (args.size_mb / 10, args.size_mb)
        for size_mb in sizes:
            path = Path(tmp) / f"corpus-{size_mb:g}MB.jsonl"
            records, _ = generate(path, int(size_mb * 1e6))
            result = measure(path, args.select, args.format, progress=args.progress)
            print(json.dumps({"records": records, **result}), flush=True)
            os.unlink(path)


if __name__ == "__main__":
    main()
