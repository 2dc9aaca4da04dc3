"""Throughput (MB/s) of the default rule set, and of each rule alone, on the
fulltext of ../shared/corpus/news-l3s-gn1.jsonl.

    .venv/bin/python bench/throughput.py [--rules BP,IN]
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from detector.config import Settings
from detector.document import Document
from detector.engine import build_rules

CORPUS = Path("/work/shared/corpus/news-l3s-gn1.jsonl")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rules", default="BP,IN")
    args = parser.parse_args()
    texts = []
    for line in CORPUS.read_text("utf-8").splitlines():
        page = json.loads(line)
        texts.append("\n".join(page["text"][s:e] for s, e, l in page["lines"] if l in ("headline", "fulltext")))
    size = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    default = build_rules(Settings(language="en"))
    mine = build_rules(Settings(language="en", select=tuple(args.rules.split(","))))
    for label, rules in [("default set", default)] + [(r.code, [r]) for r in mine]:
        start = time.process_time()
        for text in texts:
            doc = Document(text, language="en")
            for rule in rules:
                list(rule.check(doc))
        seconds = time.process_time() - start
        print(f"{label:12s} {size / seconds:7.2f} MB/s  ({size:.2f} MB in {seconds:.2f} s)")


if __name__ == "__main__":
    main()
