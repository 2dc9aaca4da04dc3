"""Fit IN002's static scorer (rules/_word_vectors.py) on evaluation-suite
draws that are never reported, and show what each threshold gives.

    python bench/fit_offtopic_static.py [--train 41,51,61,71,81] [--test SEEDS] [--split-articles]

The approach of ``bench/fit_offtopic.py`` (whose record reader, Newton
logistic fit and threshold table this reuses): every sentence that
``static_features`` scores and no other damage explains is a sample, labelled 1 when it overlaps an
``injected-sentence`` gold span; paste the coefficients into
``STATIC_COEFFICIENTS``. Build the draws first with ``bench/eval_suite.py
--seed N`` (11, 21 and 31 are held out: never fit or tune on them).
``--split-articles`` fits on the articles whose id hash is even and shows
the table on the odd ones (every draw damages the same 228 articles).
"""

from __future__ import annotations

import argparse
import sys
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.fit_offtopic import fit, records, table  # noqa: E402


def samples(seeds, limit, min_words: int, min_sentences: int):
    """(record key, is clean, article, [(x, label, span)], injected spans) per record."""
    from detector.document import Document
    from detector.rules._cohesion import explained, wordfreq_covers
    from detector.rules._word_vectors import _ADDRESS, static_features

    out = []
    records.clean_seed = seeds[0]
    for seed in seeds:
        for name, record in records(seed, limit):
            doc = Document(record["text"])
            injected = [(s, e) for s, e, c, k in record.get("spans", []) if k == "injected-sentence"]
            rows = []
            if doc.language == "en" and wordfreq_covers(doc.language):
                for profile, x in static_features(doc, min_words, min_sentences):
                    if explained(doc, profile) or _ADDRESS.search(doc.text, profile.start, profile.end):
                        continue  # never reported (likeliest_intruder): not a sample
                    label = any(profile.start < e and s < profile.end for s, e in injected)
                    rows.append((x, label, (profile.start, profile.end)))
            article = record["id"].split("~")[0]
            out.append((f"{seed}/{name}/{record['id']}", not record.get("spans"), article, rows, injected))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--train", default="41,51,61,71,81")
    parser.add_argument("--test", default=None, help="seeds to show the thresholds on (default: the training seeds)")
    parser.add_argument("--limit", type=int, default=None, help="records per file")
    parser.add_argument("--split-articles", action="store_true")
    parser.add_argument("--min-words", type=int, default=6)
    parser.add_argument("--min-sentences", type=int, default=8)
    parser.add_argument("--max-per-text", type=int, default=0,
                        help="0: flag only the best sentence of each text (as IN002 does)")
    parser.add_argument("--l2", type=float, default=1.0)
    parser.add_argument("--coefficients", default=None, help="comma-separated: skip fitting, use these")
    args = parser.parse_args()

    def parse(seeds):
        return [int(s) for s in seeds.split(",")]

    train = samples(parse(args.train), args.limit, args.min_words, args.min_sentences)
    test = samples(parse(args.test), args.limit, args.min_words, args.min_sentences) if args.test else train
    if args.split_articles:
        half = lambda item, parity: zlib.crc32(item[2].encode()) % 2 == parity  # noqa: E731
        train = [item for item in train if half(item, 0)]
        test = [item for item in test if half(item, 1)]
    if args.coefficients:
        coefficients = [float(v) for v in args.coefficients.split(",")]
    else:
        coefficients = fit(train, l2=args.l2)
    from detector.rules._word_vectors import STATIC_FEATURE_NAMES

    names = ("intercept",) + STATIC_FEATURE_NAMES
    print("coefficients: " + ", ".join(f"{n}={c}" for n, c in zip(names, coefficients)))
    print("tuple: (" + ", ".join(str(c) for c in coefficients) + ")")
    table(test, coefficients, [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9], args.max_per_text)


if __name__ == "__main__":
    main()
