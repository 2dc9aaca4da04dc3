"""Where the time of the default rule set goes: milliseconds per MB for
building each shared part of the Document and for each rule, on the English
news article text of ../shared/corpus (read in place).

    python bench/rule_times.py [--select CODES] [--repeat 3] [--first-pass]

The shared parts (lines, sentences, tokens, the language guess, …) are timed
first, on their own, so a rule's figure is its own work plus the memoised
analyses it is the first to ask for. The budget of the whole default set is
5 MB/s, that is 200 ms per MB for everything together.

Warm (the default): the process warms up on one tiny sentence, then times
the best of ``--repeat`` passes over the news; from the second pass on, the
rules' caches of words they have judged are full.

``--first-pass``: what a rule costs on text it has never seen, in a long
run. This process (a fresh one: run the script on its own) first checks the
bundled fixtures with the same rules, which pays the one-time loading (word
lists, patterns compiled on first use) on other text, then times one pass
over the news. Compare with ``bench/bench.py``, whose "first pass" also
includes that loading.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.bench import DEFAULT_CORPUS, corpus_texts  # noqa: E402

SHARED_PARTS = ("line_starts", "lines", "paragraphs", "sentences", "language")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--select", default=None, help="comma-separated selectors (default: the default set)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--first-pass", action="store_true",
        help="warm up on the bundled fixtures, then time one pass over the news (unseen text)",
    )
    args = parser.parse_args()

    from detector.config import Settings
    from detector.document import Document
    from detector.engine import build_rules, check_text

    settings = Settings(select=tuple(args.select.split(",")) if args.select else None)
    texts = corpus_texts(args.corpus)
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    check_text("Warm up the imports. 말했다.", settings)
    if args.first_pass:
        from bench.bench import fixture_texts

        for text in fixture_texts():
            check_text(text, settings)
        args.repeat = 1
    rules = build_rules(settings)
    clock = time.perf_counter
    best: Counter = Counter()
    for rep in range(args.repeat):
        spent: Counter = Counter()
        for text in texts:
            start = clock()
            doc = Document(text)
            spent["Document()"] += clock() - start
            for part in SHARED_PARTS:
                start = clock()
                getattr(doc, part)
                spent[part] += clock() - start
            for rule in rules:
                start = clock()
                list(rule.check(doc))
                spent[rule.code] += clock() - start
        for key, value in spent.items():
            best[key] = value if rep == 0 else min(best[key], value)
    total = sum(best.values())
    how = "first pass, warmed up on the fixtures" if args.first_pass else f"best of {args.repeat}"
    print(f"{len(texts)} documents, {megabytes:.3f} MB; ms per MB ({how})")
    for key, value in best.most_common():
        if value / megabytes >= 0.0005:
            print(f"  {key:14s} {value / megabytes * 1000:8.1f}")
    print(f"  {'total':14s} {total / megabytes * 1000:8.1f}   = {megabytes / total:.2f} MB/s (budget 5 MB/s = 200 ms/MB)")


if __name__ == "__main__":
    main()
