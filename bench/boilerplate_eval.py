"""Line precision and recall of the boilerplate rules on real pasted articles.

Builds one "pasted article" per page of ../shared/corpus/news-l3s-gn1.jsonl:
the page's `headline` and `fulltext` lines, with the page's own
`boilerplate` and `related` lines that sit between the first headline or
fulltext line and the last fulltext line, or in the `--after` lines just
after it. Boilerplate and related lines are positives; headline and fulltext
lines are negatives. With `--supplemental`, the page's supplemental lines in
that stretch (datelines, bylines, captions) are kept as negatives too.

    .venv/bin/python bench/boilerplate_eval.py [--after 8] [--supplemental] [--show 30]

Reads the corpus in place; nothing is copied into the repository.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from detector.config import Settings
from detector.engine import check_bytes

CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus" / "news-l3s-gn1.jsonl"
if not CORPUS.exists():
    CORPUS = Path("/work/shared/corpus/news-l3s-gn1.jsonl")
POSITIVE = {"boilerplate", "related"}
NEGATIVE = {"headline", "fulltext"}
CODES = {"BP001", "BP002", "BP003", "IN003"}


def pasted_articles(after: int, supplemental: bool):
    keep_negative = NEGATIVE | ({"supplemental"} if supplemental else set())
    for line in CORPUS.read_text("utf-8").splitlines():
        page = json.loads(line)
        labelled = page["lines"]
        body = [i for i, l in enumerate(labelled) if l[2] in NEGATIVE]
        full = [i for i, l in enumerate(labelled) if l[2] == "fulltext"]
        if not full:
            continue
        lo, hi = body[0], full[-1]
        out = []
        for i in range(lo, min(len(labelled), hi + 1 + after)):
            start, end, label = labelled[i]
            inside = i <= hi
            if label in keep_negative and inside or label in POSITIVE:
                text = page["text"][start:end].strip()
                if text:
                    out.append((text, label in POSITIVE, label))
        yield page["url"], out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--after", type=int, default=8)
    parser.add_argument("--supplemental", action="store_true")
    parser.add_argument("--show", type=int, default=0, help="print this many errors of each kind")
    parser.add_argument("--codes", default=",".join(sorted(CODES)))
    args = parser.parse_args(argv)
    codes = set(args.codes.split(","))
    settings = Settings(language="en")
    tp = fp = fn = tn = 0
    per_code: dict[str, list[int]] = {}
    false_pos, false_neg = [], []
    for url, lines in pasted_articles(args.after, args.supplemental):
        text = "\n".join(t for t, _, _ in lines)
        result = check_bytes(text.encode("utf-8"), url, settings)
        starts, pos = [], 0
        for t, _, _ in lines:
            starts.append(pos)
            pos += len(t) + 1
        flagged: dict[int, str] = {}
        for f in result.findings:
            if f.code not in codes:
                continue
            for i, s in enumerate(starts):
                if s <= f.start < s + len(lines[i][0]) + 1:
                    flagged.setdefault(i, f.code)
                    break
        for i, (t, positive, label) in enumerate(lines):
            code = flagged.get(i)
            if code:
                per_code.setdefault(code, [0, 0])[0 if positive else 1] += 1
            if positive and code:
                tp += 1
            elif positive:
                fn += 1
                false_neg.append((url, t))
            elif code:
                fp += 1
                false_pos.append((url, label, code, t))
            else:
                tn += 1
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(f"lines: {tp + fn} boilerplate, {fp + tn} article")
    print(f"precision {precision:.3f}  recall {recall:.3f}  F1 {f1:.3f}  (tp {tp} fp {fp} fn {fn})")
    for code, (good, bad) in sorted(per_code.items()):
        print(f"  {code}: {good} true, {bad} false")
    for item in false_pos[: args.show]:
        print("FP", item)
    for item in false_neg[: args.show]:
        print("FN", item)
    return 0


if __name__ == "__main__":
    sys.exit(main())
