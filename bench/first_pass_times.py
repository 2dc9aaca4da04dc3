"""Per-rule ms per MB on the FIRST pass over text the process has not seen,
then warm (best of ``--repeat`` more passes), in this process:

    python bench/first_pass_times.py [--select CODES] [--repeat 3]

Rules cache the words they have judged (SP002, DU003…), so a warm figure
overstates what new text costs. Here the process first warms up on OTHER
text (the bundled fixtures: imports, word lists, compiled patterns), so the
first pass over the news corpus counts the per-word work only, not the
one-time loading, which is timed apart (the first check of one small text,
after the imports). Run it as a fresh process each time (it is one).

The shared parts of the Document are built before the rules are timed, as
in ``bench/rule_times.py``.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.bench import DEFAULT_CORPUS, corpus_texts, fixture_texts  # noqa: E402
from bench.rule_times import SHARED_PARTS  # noqa: E402


def _one_pass(texts: list[str], rules, clock) -> Counter:
    from detector.document import Document

    spent: Counter = Counter()
    for text in texts:
        doc = Document(text)
        for part in SHARED_PARTS:
            getattr(doc, part)
        for rule in rules:
            start = clock()
            list(rule.check(doc))
            spent[rule.code] += clock() - start
    return spent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--select", default=None, help="comma-separated selectors (default: the default set)")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    clock = time.perf_counter
    from detector.config import Settings
    from detector.document import Document
    from detector.engine import build_rules

    settings = Settings(select=tuple(args.select.split(",")) if args.select else None)
    rules = build_rules(settings)
    # One-time loading: the first check of a small English text.
    doc = Document("Xi spoke onsovereignty and securitymatters in Beijing on Monday, the ministry said.\n")
    for part in SHARED_PARTS:
        getattr(doc, part)
    loading: Counter = Counter()
    for rule in rules:
        start = clock()
        list(rule.check(doc))
        loading[rule.code] += clock() - start
    _one_pass(fixture_texts(), rules, clock)  # warm up on other text

    texts = corpus_texts(args.corpus)
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    first = _one_pass(texts, rules, clock)
    warm: Counter = Counter()
    for rep in range(args.repeat):
        spent = _one_pass(texts, rules, clock)
        for key, value in spent.items():
            warm[key] = value if rep == 0 else min(warm[key], value)
    print(f"{len(texts)} documents, {megabytes:.3f} MB; ms per MB, first pass and warm (best of {args.repeat});"
          " one-time loading in ms")
    for code, value in first.most_common():
        print(f"  {code:8s} first {value / megabytes * 1000:8.1f}   warm {warm[code] / megabytes * 1000:8.1f}"
              f"   loading {loading[code] * 1000:7.1f}")
    total_first, total_warm = sum(first.values()), sum(warm.values())
    print(f"  {'total':8s} first {total_first / megabytes * 1000:8.1f}   warm {total_warm / megabytes * 1000:8.1f}"
          f"   loading {sum(loading.values()) * 1000:7.1f}")


if __name__ == "__main__":
    main()
