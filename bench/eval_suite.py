"""The dev evaluation suite: a fixed labelled corpus, the evaluation table, and
the facts the score calibration needs.

    python bench/eval_suite.py [--corpus ../shared/corpus] [--jobs 2] [--json] [--select ML] [--ignore CO]

1. Articles: the lines labelled ``fulltext`` of every page of
   ``news-l3s-gn1.jsonl`` (pages with under 400 characters of article text
   are left out), one line a paragraph. These pages carry real damage of their
   own, which is labelled as ``ignore`` spans (don't-care regions, see
   ``real_damage``) instead of leaving the records out: every ``?`` that
   cannot be a question mark (``province?s``, ``?Apple``, ``said,?``, ``a ? b``)
   and the real mojibake (``Â£``, ``â??``). A finding on them is neither
   right nor wrong; their characters do not count as clean text.
2. ``detector corrupt`` builds, with fixed seeds, into ``bench/out/``:
   ``clean.jsonl`` (every article, rate 0), ``damaged.jsonl`` (every article,
   every kind, 1 damage per 1,000 characters, seed 1) and ``sweep.jsonl``
   (every 4th article at 0.5, 1, 2 and 4 per 1,000 characters, seed 2).
   Foreign text: ``lingua/``; donor sentences: sentences of the articles
   (never one from the record's own article: corrupt skips donors already in
   the text); boilerplate: real boilerplate lines that pages of at least three
   sites carry (``build_boilerplate``).
3. ``detector evaluate`` over the three files; the table is printed, the JSON
   report and every miss and false finding go to ``bench/out/``.
4. Calibration facts: share of clean articles scoring >= 90, mean score by
   damage rate, and the scores of the five seeds against their targets.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run from a checkout without installing

OUT = ROOT / "bench" / "out"
from bench._paths import corpus_dir  # noqa: E402

DEFAULT_CORPUS = corpus_dir()

# Real damage in the L3S pages, marked as don't-care.
# A '?' that is a question mark: after a letter, digit or closing bracket and
# before white space, a closing quote or bracket, or the end of the line —
# but not before a space and a lower-case word (`Spartans? top`, `offense?
# said`): in these news pages that is a lost apostrophe or closing quote.
QUESTION_MARK = re.compile(r"(?<=[\w)\]])\?(?=[\s\"')\]]|$)(?! [a-z])")
# Real mojibake: 'Â£' (£ read as windows-1252), 'â??' (a curly quote read as
# windows-1252, then lost to '?').
REAL_MOJIBAKE = re.compile(r"Â(?=[\x80-\xbf£½°©®])|â\?\??|â€\S?|Ã[\x80-\xbf]")

SWEEP_RATES = ("0.5", "1", "2", "4")
SEED_TARGETS = {
    "000": "< 60 (pasted twice, glued sentences)",
    "001": "between 000 and 002",
    "002": ">= 90 (the clean copy)",
    "003": "the lowest, < 40",
    "004": "between 000 and 002",
}


def real_damage(text: str, extra: list[list[int]] = ()) -> list[list[int]]:
    """Ignore spans for the real damage of an L3S article: the whole token
    around each damaged character, and the ``extra`` spans given.

    >>> t = 'The province?s "plan" ? is it? ?Yes,? he said. Spartans? top Â£5'
    >>> [t[s:e] for s, e in real_damage(t)]
    ['province?s', '?', '?Yes,?', 'Spartans?', 'Â£5']
    """
    spans = [list(span) for span in extra]
    damage = [m.start() for m in re.finditer(r"\?", text) if not QUESTION_MARK.match(text, m.start())]
    damage += [m.start() for m in REAL_MOJIBAKE.finditer(text)]
    for at in damage:
        # The whole token around it: a finding on 'province?s' is about it.
        start = at
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        end = at + 1
        while end < len(text) and not text[end].isspace():
            end += 1
        spans.append([start, end])
    spans.sort()
    merged: list[list[int]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    return merged


def known_damage() -> dict[str, list[str]]:
    """article id → texts of real damage found by reading (bench/real_damage.tsv)."""
    known: dict[str, list[str]] = {}
    for line in (ROOT / "bench" / "real_damage.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            article, text, _why = line.split("\t")
            known.setdefault(article, []).append(text)
    return known


def build_articles(corpus: Path) -> list[dict]:
    known = known_damage()
    articles = []
    with (corpus / "news-l3s-gn1.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            page = json.loads(line)
            text = "\n".join(page["text"][s:e].strip() for s, e, label in page["lines"] if label == "fulltext")
            text = "\n".join(ln for ln in text.split("\n") if ln)
            if len(text) >= 400:
                article_id = f"l3s-{page['id']}"
                extra = []
                for piece in known.get(article_id, ()):
                    found = [m.start() for m in re.finditer(re.escape(piece), text)]
                    if not found:
                        raise SystemExit(f"eval_suite: {piece!r} not found in {article_id} (bench/real_damage.tsv)")
                    extra += [[at, at + len(piece)] for at in found]
                articles.append({"id": article_id, "text": text, "ignore": real_damage(text, extra)})
    articles.sort(key=lambda a: a["id"])
    return articles


def build_donors(articles: list[dict]) -> list[str]:
    from detector.corrupt import sentence_spans

    donors = []
    for article in articles:
        text = article["text"]
        for s, e in sentence_spans(text):
            sentence = text[s:e]
            if (40 <= len(sentence) <= 250 and sentence.isascii() and "?" not in sentence
                    and sentence[0].isupper() and sentence[-1] in ".!" and sentence.count('"') % 2 == 0):
                donors.append(sentence)
    return donors


def build_boilerplate(corpus: Path) -> list[str]:
    """Real boilerplate: lines labelled `boilerplate` (2 to 12 words) that pages
    of at least three different sites carry (`Privacy Policy`, `Print this
    article`), so the list is not the one any rule was written from."""
    from urllib.parse import urlparse

    sites: dict[str, set[str]] = {}
    with (corpus / "news-l3s-gn1.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            page = json.loads(line)
            site = ".".join(urlparse(page["url"]).netloc.split(".")[-2:])
            for s, e, label in page["lines"]:
                text = " ".join(page["text"][s:e].split())
                if label == "boilerplate" and re.search("[A-Za-z]{3}", text) and 2 <= len(text.split()) <= 12:
                    sites.setdefault(text, set()).add(site)
    return sorted(text for text, where in sites.items() if len(where) >= 3)


def detector(*args: str) -> None:
    cmd = [sys.executable, "-m", "detector", *args]
    print("$ detector " + " ".join(args), file=sys.stderr)
    subprocess.run(cmd, check=True, cwd=ROOT)


def seed_scores() -> dict[str, float]:
    from detector.config import Settings
    from detector.engine import check_text

    out = {}
    for path in sorted((ROOT / "fixtures" / "seeds").glob("*.txt")):
        result = check_text(path.read_text(encoding="utf-8"), Settings(), path=str(path))
        out[path.stem[:3]] = result.score.value
    return out


def calibration(report: dict, seeds: dict[str, float]) -> str:
    lines = ["Calibration facts (targets of issue 3, item 4)", ""]
    # Scores without the findings in don't-care regions: the articles' own real
    # damage ('province?s') is not what the rates measure.
    key = "score_outside_ignore"
    clean = [r for r in report["per_record"] if r["rate"] == 0]
    share = sum(r[key] >= 90 for r in clean) / len(clean)
    raw = sum(r["score"] >= 90 for r in clean) / len(clean)
    lines.append(f"clean articles scoring >= 90: {share:.1%} of {len(clean)} (target >= 95%) "
                 f"{'OK' if share >= 0.95 else 'MISSED'}; {raw:.1%} counting the findings on their own real "
                 "damage (don't-care regions)")
    low = sorted((r[key], r["id"].split("~")[0], r["false"], r["findings"]) for r in clean if r[key] < 90)
    for value, article, false, findings in low:
        lines.append(f"  {value:5.1f}  {article}  ({false} findings outside the don't-care regions)")
    # The sweep: the same articles (every 4th) at each rate, seed 2; rate 0 is
    # their clean copy. Damage at a higher rate includes the damage at a lower one.
    sweep_ids = {r["id"].split("~")[0] for r in report["per_record"] if r["id"].endswith("~s2")}
    per_article: dict[str, dict[float, float]] = {}
    for r in report["per_record"]:
        base = r["id"].split("~")[0]
        if base in sweep_ids and (r["id"].endswith("~s2") or r["rate"] == 0):
            per_article.setdefault(base, {})[r["rate"]] = r[key]
    by_rate: dict[float, list[float]] = {}
    for scores in per_article.values():
        for rate, value in scores.items():
            by_rate.setdefault(rate, []).append(value)
    means = sorted((rate, sum(v) / len(v)) for rate, v in by_rate.items())
    mono = all(b[1] < a[1] for a, b in zip(means, means[1:]))
    lines.append("mean score by damage rate (events per 1,000 characters): "
                 + ", ".join(f"{r:g}: {m:.1f}" for r, m in means)
                 + f"  (strictly falling: {'OK' if mono else 'MISSED'})")
    steady = sum(
        all(b <= a for a, b in zip(values, values[1:]))
        for values in ([v for _, v in sorted(scores.items())] for scores in per_article.values())
    )
    lines.append(f"articles whose score never rises with the rate: {steady} of {len(per_article)} "
                 "(undetected inserted text dilutes the density of findings)")
    lines.append("seeds: " + ", ".join(f"{k} = {v:.1f}" for k, v in seeds.items()))
    s = seeds
    if len(s) == 5:
        checks = {
            "002 >= 90": s["002"] >= 90,
            "003 lowest and < 40": s["003"] < 40 and s["003"] == min(s.values()),
            "000 < 60": s["000"] < 60,
            "000 < 001 < 002": s["000"] < s["001"] < s["002"],
            "000 < 004 < 002": s["000"] < s["004"] < s["002"],
        }
        lines.append("seed targets: " + ", ".join(f"{k} {'OK' if v else 'MISSED'}" for k, v in checks.items()))
    return "\n".join(lines) + "\n"


def build(corpus: Path, seed: int = 1) -> list[Path]:
    """Write the labelled corpus into bench/out/; return the gold files.

    ``seed`` damages the articles (the sweep uses ``seed + 1``); the dev
    suite is seed 1, any other seed is a held-out draw of the same kinds.
    """
    OUT.mkdir(parents=True, exist_ok=True)
    articles = build_articles(corpus)
    with (OUT / "articles.jsonl").open("w", encoding="utf-8") as fh:
        for a in articles:
            fh.write(json.dumps(a, ensure_ascii=False) + "\n")
    with (OUT / "sweep-articles.jsonl").open("w", encoding="utf-8") as fh:
        for a in articles[::4]:
            fh.write(json.dumps(a, ensure_ascii=False) + "\n")
    (OUT / "donors.txt").write_text("\n".join(build_donors(articles)) + "\n", encoding="utf-8")
    (OUT / "boilerplate.txt").write_text("\n".join(build_boilerplate(corpus)) + "\n", encoding="utf-8")

    material = ["--foreign", str(corpus / "lingua"), "--donors", str(OUT / "donors.txt"),
                "--boilerplate", str(OUT / "boilerplate.txt")]
    articles_file = str(OUT / "articles.jsonl")
    detector("corrupt", articles_file, "--rate", "0", "--seed", "0", "-o", str(OUT / "clean.jsonl"))
    detector("corrupt", articles_file, *material, "--kinds", "all", "--rate", "1", "--seed", str(seed),
             "-o", str(OUT / "damaged.jsonl"))
    gold = [OUT / "clean.jsonl", OUT / "damaged.jsonl"]
    for rate in SWEEP_RATES:
        target = OUT / f"sweep-{rate}.jsonl"
        detector("corrupt", str(OUT / "sweep-articles.jsonl"), *material, "--kinds", "all", "--rate", rate,
                 "--seed", str(seed + 1), "-o", str(target))
        gold.append(target)
    return gold


def find_corpus(given: Path) -> Path:
    corpus = given.resolve()
    if not (corpus / "news-l3s-gn1.jsonl").is_file():
        raise SystemExit(f"{corpus}/news-l3s-gn1.jsonl not found (use --corpus)")
    return corpus


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="the shared corpus folder")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes for evaluate")
    parser.add_argument("--json", action="store_true", help="print the JSON report instead of the table")
    parser.add_argument("--select", help="rules to run, as for 'detector check' (default: the default set)")
    parser.add_argument("--ignore", help="rules to skip, as for 'detector check'")
    parser.add_argument("--seed", type=int, default=1,
                        help="damage seed (default 1, the dev suite); another seed is a held-out run, "
                             "written to bench/out/seed-N/")
    args = parser.parse_args()
    global OUT
    if args.seed != 1:
        OUT = OUT / f"seed-{args.seed}"
    corpus = find_corpus(args.corpus)
    started = time.time()
    gold = build(corpus, args.seed)
    rules = [*(["--select", args.select] if args.select else []), *(["--ignore", args.ignore] if args.ignore else [])]
    detector("evaluate", *map(str, gold), *rules, "--format", "json", "--jobs", str(args.jobs),
             "--errors", str(OUT / "errors.jsonl"), "-o", str(OUT / "report.json"))

    from detector.evaluate import render

    report = json.loads((OUT / "report.json").read_text(encoding="utf-8"))
    if args.json:
        print(json.dumps(report, indent=1, ensure_ascii=False))
        return 0
    articles = sum(1 for _ in (OUT / "articles.jsonl").open(encoding="utf-8"))
    sweep = sum(1 for _ in (OUT / "sweep-articles.jsonl").open(encoding="utf-8"))
    print(f"Corpus: {articles} L3S-GN1 articles (fulltext lines), each clean (rate 0) and damaged with every kind "
          f"at 1 event per 1,000 characters (seed {args.seed}); {sweep} of them also at {', '.join(SWEEP_RATES)} (seed {args.seed + 1}).\n"
          "Real damage in the articles ('?' for lost quotes, mojibake, hand-listed lines) is don't-care.\n")
    print(render(report, "text"))
    print(calibration(report, seed_scores()))
    print(f"({time.time() - started:.0f} s; report, misses and false findings in {OUT.relative_to(ROOT)}/)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
