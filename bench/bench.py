"""Speed and memory of `detector check`: MB/s, files/s, peak RSS, cold start.

    python bench/bench.py [--corpus ../shared/corpus/news-l3s-gn1.jsonl] [--json]

* throughput: the full default rule set over the English news article text
  (the `fulltext` lines of the corpus, one document per page) and over the
  bundled fixtures, one core, each in a fresh process:

  - "first pass": the process warms up on one tiny sentence, then sees the
    texts for the first time. It pays what checking new text costs (the
    rules' caches of words they have judged are empty) and also the one-time
    loading that any run pays once: word lists, patterns compiled on first
    use. The figure of a one-file check;
  - "steady first pass" (news only): the process first checks the bundled
    fixtures (other text: the one-time loading is paid there), then the news
    it has never seen. What a long run pays per new text;
  - "warm": the best of three more passes over the same texts;

* peak RSS: of a fresh process that checks the whole corpus;
* cold start: wall time of `detector check` on one seed file in a new process
  (median of several runs), which is what a pre-commit hook or CI step pays.

The corpus is read in place when it is there; nothing is copied.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench._paths import corpus_dir  # noqa: E402

DEFAULT_CORPUS = corpus_dir() / "news-l3s-gn1.jsonl"


def corpus_texts(path: Path, labels=("fulltext",)) -> list[str]:
    texts = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            text = rec["text"]
            # `lines` are [start, end, label] character spans of the page text.
            body = [text[s:e] for s, e, label in rec["lines"] if label in labels]
            if body:
                texts.append("\n".join(body) + "\n")
    return texts


def fixture_texts() -> list[str]:
    return [p.read_text("utf-8") for p in sorted((ROOT / "fixtures").rglob("*.txt"))]


def throughput(texts: list[str], repeat: int = 3, warm_up: list[str] | None = None) -> dict:
    """First pass over ``texts`` (call this in a fresh process), then the best
    of ``repeat`` more passes. Before it, one tiny sentence is checked, and
    the texts of ``warm_up`` if given (for the steady first pass)."""
    from detector.config import Settings
    from detector.engine import check_text

    settings = Settings()
    check_text("Warm up the imports. 말했다.", settings)
    for text in warm_up or ():
        check_text(text, settings)
    nbytes = sum(len(t.encode("utf-8")) for t in texts)
    passes = []
    for _ in range(1 + repeat):
        start = time.perf_counter()
        for text in texts:
            check_text(text, settings)
        passes.append(time.perf_counter() - start)
    first, best = passes[0], min(passes[1:], default=None)
    return {
        "documents": len(texts),
        "megabytes": round(nbytes / 1e6, 3),
        "seconds": round(first, 3),
        "mb_per_s": round(nbytes / 1e6 / first, 2),
        "files_per_s": round(len(texts) / first, 1),
        "warm_seconds": round(best, 3) if best else None,
        "warm_mb_per_s": round(nbytes / 1e6 / best, 2) if best else None,
    }


def _in_fresh_process(corpus: Path | None, last_line: str) -> str:
    """Run, in a new Python process, ``texts = …`` (the corpus, or the
    fixtures) then ``last_line``; what it printed last."""
    code = (
        "import json, resource, sys; sys.path.insert(0, %r)\n"
        "from bench.bench import corpus_texts, fixture_texts, throughput\n"
        "from pathlib import Path\n"
        "texts = corpus_texts(Path(%r)) if %r else fixture_texts()\n"
    ) % (str(ROOT), str(corpus) if corpus else "", bool(corpus))
    out = subprocess.run([sys.executable, "-c", code + last_line + "\n"], capture_output=True, text=True, check=True)
    return out.stdout.strip().splitlines()[-1]


def throughput_fresh(corpus: Path | None) -> dict:
    """``throughput`` in a fresh process, so that its first pass is honest."""
    return json.loads(_in_fresh_process(corpus, "print(json.dumps(throughput(texts)))"))


def steady_first_pass_fresh(corpus: Path) -> dict:
    """One pass over the corpus in a fresh process that has checked the
    bundled fixtures first (``repeat=0``: no warm passes)."""
    last = "print(json.dumps(throughput(texts, repeat=0, warm_up=fixture_texts())))"
    return json.loads(_in_fresh_process(corpus, last))


def peak_rss_mb(corpus: Path | None) -> float:
    """Peak RSS of a fresh process that checks the corpus (or the fixtures)."""
    last = "throughput(texts, repeat=1); print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)"
    return round(float(_in_fresh_process(corpus, last)), 1)


def cold_start(runs: int = 7) -> dict:
    """Wall time of ``detector check`` on one seed in a new process, as an
    installed tool runs: with Python's compiled modules cached. One untimed
    run writes them first, even where ``PYTHONDONTWRITEBYTECODE`` is set (as
    on the machine of this project, where each run would otherwise compile
    the project's source again: about 0.07 s more)."""
    seed = ROOT / "fixtures" / "seeds" / "002_cf4130f4cd584bf7.txt"
    exe = Path(sys.executable).with_name("detector")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "detector"]
    env = {**os.environ, "NO_COLOR": "1"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    times = []
    for run in range(runs + 1):
        start = time.perf_counter()
        subprocess.run([*cmd, "check", "--no-cache", str(seed)], capture_output=True, env=env)
        if run:
            times.append(time.perf_counter() - start)
    return {"median_s": round(statistics.median(times), 3), "min_s": round(min(times), 3)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    corpus = args.corpus if args.corpus.exists() else None
    report = {"fixtures": throughput_fresh(None)}
    if corpus:
        report["news"] = throughput_fresh(corpus)
        report["news"]["steady_first_pass"] = steady_first_pass_fresh(corpus)
    report["peak_rss_mb"] = peak_rss_mb(corpus)
    report["cold_start"] = cold_start()
    if args.json:
        print(json.dumps(report, indent=2))
        return
    for name in ("news", "fixtures"):
        if name in report:
            r = report[name]
            print(f"{name:9} {r['documents']:4d} docs {r['megabytes']:7.3f} MB  first pass {r['mb_per_s']:6.2f} MB/s "
                  f"{r['files_per_s']:7.1f} files/s · warm {r['warm_mb_per_s']:6.2f} MB/s")
            if "steady_first_pass" in r:
                steady = r["steady_first_pass"]
                print(f"{'':9} steady first pass (warmed up on the fixtures) {steady['mb_per_s']:6.2f} MB/s "
                      f"{steady['files_per_s']:7.1f} files/s")
    print(f"peak RSS  {report['peak_rss_mb']} MB")
    print(f"cold start (detector check one file): median {report['cold_start']['median_s']} s, min {report['cold_start']['min_s']} s")
    if not corpus:
        print("(corpus not found: news throughput skipped)")


if __name__ == "__main__":
    main()
