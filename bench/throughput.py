"""Throughput (MB/s, CPU time, best of three) of the default rule set, of the
default set without the BP and IN families, of the BP/IN default rules alone
and of each BP/IN rule alone, on the headline and fulltext lines of
../shared/corpus/news-l3s-gn1.jsonl. Each figure includes building the
Document (lines, sentences, tokens as the rules ask for them).

    .venv/bin/python bench/throughput.py
"""

from __future__ import annotations

import json
import time
from pathlib import Path

from detector.config import Settings
from detector.document import Document
from detector.engine import build_rules

CORPUS = Path("/work/shared/corpus/news-l3s-gn1.jsonl")


def main() -> None:
    texts = []
    for line in CORPUS.read_text("utf-8").splitlines():
        page = json.loads(line)
        texts.append("\n".join(page["text"][s:e] for s, e, l in page["lines"] if l in ("headline", "fulltext")))
    size = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    sets = [
        ("default set", Settings(language="en")),
        ("default without BP, IN", Settings(language="en", ignore=("BP", "IN"))),
        ("BP, IN default rules", Settings(language="en", select=("BP", "IN"), ignore=("IN002",))),
    ] + [(code, Settings(language="en", select=(code,)))
         for code in ("BP001", "BP002", "BP003", "IN001", "IN002", "IN003")]
    for label, settings in sets:
        rules = build_rules(settings)
        best = float("inf")
        for _ in range(3):
            start = time.process_time()
            for text in texts:
                doc = Document(text, language="en")
                for rule in rules:
                    list(rule.check(doc))
            best = min(best, time.process_time() - start)
        print(f"{label:24s} {size / best:7.2f} MB/s  ({size:.2f} MB in {best:.2f} s)")


if __name__ == "__main__":
    main()
