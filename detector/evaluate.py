"""``detector evaluate``: run the detector on labelled records and measure it.

A gold record (one JSON line, as ``detector corrupt`` writes them)::

    {"id": "a1", "text": "…", "spans": [[start, end, category, kind], …],
     "ignore": [[start, end], …], "recall_only": false}

Matching, span by span:

* a gold span is **found** when findings of its category cover at least half
  of its non-space characters;
* a finding is **correct** when it overlaps a gold span of its category (a
  repeat finding, which names the first copy in ``details.first_span``, may
  match on either copy);
  otherwise it is **claimed** (not counted: neither correct nor false) when
  it overlaps a gold span of a kind its category may also claim
  (``ALSO_CLAIMS``: a foreign-script sentence spliced in is both
  untranslated text, gold category ``mixed-language``, and injected content,
  which IN001 reports); otherwise it is **false**, unless at least half of
  its non-space characters lie in ``ignore`` spans (don't-care regions: then
  it is not counted) or the record is ``recall_only`` (its findings are not
  counted at all: the record is only used to measure recall).

Reported per category, per damage kind (recall), per rule code (precision)
and overall (micro-averaged): precision, recall, F1; false findings per
100,000 characters of clean records (records without spans); and the score
distribution of damaged and clean records.
"""

from __future__ import annotations

import json
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from detector.config import Settings
from detector.errors import DetectorError
from detector.finding import CATEGORIES


#: Gold kinds of another category that a category's findings may also claim
#: (issue #6 item 2): on such a span a finding of the category is neither
#: correct nor false. The gold label keeps its own category for recall. Only
#: foreign-*script* sentences: IN001 reports them; a Latin-script foreign
#: sentence is no injected rule's business (the off-topic scorers skip text
#: that is not in the document's language), so a finding there stays false.
ALSO_CLAIMS: dict[str, frozenset[str]] = {"injected": frozenset({"foreign-sentence"})}


@dataclass
class GoldRecord:
    id: str
    text: str
    spans: list[tuple[int, int, str, str]] = field(default_factory=list)
    ignore: list[tuple[int, int]] = field(default_factory=list)
    recall_only: bool = False
    rate: float | None = None

    @property
    def clean(self) -> bool:
        return not self.spans and not self.recall_only


@dataclass(frozen=True)
class Hit:
    """The parts of a Finding the evaluation needs (cheap to send between processes)."""

    code: str
    category: str
    start: int
    end: int
    message: str = ""
    #: The other copy a repeat finding points to (``details.first_span``):
    #: which of two copies is "the damage" cannot be told from the text (a
    #: generator may insert the copy before the original), so a repeat
    #: finding stands for both.
    other: tuple[int, int] | None = None

    def spans(self) -> tuple[tuple[int, int], ...]:
        return ((self.start, self.end),) + ((self.other,) if self.other else ())


def parse_record(data: dict, where: str) -> GoldRecord:
    if not isinstance(data, dict) or not isinstance(data.get("text"), str):
        raise DetectorError(f"{where}: a record needs a 'text' string")
    text = data["text"]
    spans = []
    for span in data.get("spans") or ():
        try:
            start, end, category = int(span[0]), int(span[1]), str(span[2])
            kind = str(span[3]) if len(span) > 3 else category
        except (TypeError, ValueError, IndexError):
            raise DetectorError(f"{where}: a span must be [start, end, category, kind]: {span!r}") from None
        if category not in CATEGORIES:
            raise DetectorError(f"{where}: unknown category {category!r} (one of {', '.join(CATEGORIES)})")
        if not 0 <= start < end <= len(text):
            raise DetectorError(f"{where}: span {span!r} is outside the text (length {len(text)})")
        spans.append((start, end, category, kind))
    ignore = []
    for span in data.get("ignore") or ():
        try:
            start, end = int(span[0]), int(span[1])
        except (TypeError, ValueError, IndexError):
            raise DetectorError(f"{where}: an ignore span must be [start, end]: {span!r}") from None
        if not 0 <= start <= end <= len(text):
            raise DetectorError(f"{where}: ignore span {span!r} is outside the text")
        ignore.append((start, end))
    rate = data.get("rate")
    return GoldRecord(
        id=str(data.get("id", where)),
        text=text,
        spans=spans,
        ignore=ignore,
        recall_only=bool(data.get("recall_only", False)),
        rate=float(rate) if isinstance(rate, (int, float)) else None,
    )


def load_gold(paths: Iterable[Path]) -> list[GoldRecord]:
    records = []
    for path in paths:
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            raise DetectorError(f"{path}: cannot read: {exc.strerror or exc}") from None
        for n, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                data = json.loads(line)
            except json.JSONDecodeError as exc:
                raise DetectorError(f"{path}:{n}: invalid JSON: {exc.msg}") from None
            records.append(parse_record(data, f"{path}:{n}"))
    return records


# -- matching one record ------------------------------------------------------------


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    # An empty finding counts as the one character it points at.
    return a_start < b_end and b_start < max(a_end, a_start + 1)


def span_found(text: str, span: tuple, hits: list[Hit]) -> bool:
    """Findings of the span's category cover at least half its non-space characters.

    >>> span_found("ab cd", (0, 5, "spacing", "k"), [Hit("SP001", "spacing", 0, 2)])
    True
    >>> span_found("ab cd", (0, 5, "spacing", "k"), [Hit("SP001", "spacing", 0, 1)])
    False
    """
    start, end, category = span[0], span[1], span[2]
    positions = [i for i in range(start, end) if not text[i].isspace()] or list(range(start, end))
    covered = set()
    for h in hits:
        if h.category != category:
            continue
        for h_start, h_end in h.spans():
            if h_start < end and start < h_end:
                covered.update(range(max(h_start, start), min(h_end, end)))
    return 2 * sum(1 for i in positions if i in covered) >= len(positions)


def _mostly_ignored(record: GoldRecord, hit: Hit) -> bool:
    """At least half the finding's non-space characters lie in don't-care regions
    (the mirror of the rule for finding a gold span)."""
    start, end = hit.start, max(hit.end, hit.start + 1)
    if not any(_overlaps(start, end, s, e) for s, e in record.ignore):
        return False
    positions = [i for i in range(start, min(end, len(record.text))) if not record.text[i].isspace()]
    positions = positions or list(range(start, end))
    inside = sum(1 for i in positions if any(s <= i < e for s, e in record.ignore))
    return 2 * inside >= len(positions)


def classify_hits(record: GoldRecord, hits: list[Hit]) -> list[str]:
    """For each hit: 'correct', 'false', 'claimed' (on a gold span of another
    category that its category may also claim, ``ALSO_CLAIMS``), 'ignored'
    (don't-care region) or 'uncounted' (a recall-only record)."""
    out = []
    for h in hits:
        claims = ALSO_CLAIMS.get(h.category, ())
        if record.recall_only:
            out.append("uncounted")
        elif any(
            c == h.category and _overlaps(hs, he, s, e) for s, e, c, _ in record.spans for hs, he in h.spans()
        ):
            out.append("correct")
        elif claims and any(
            kind in claims and _overlaps(hs, he, s, e) for s, e, _, kind in record.spans for hs, he in h.spans()
        ):
            out.append("claimed")
        elif _mostly_ignored(record, h):
            out.append("ignored")
        else:
            out.append("false")
    return out


# -- running the detector ---------------------------------------------------------

_SETTINGS: Settings | None = None


def _init_worker(settings: Settings) -> None:
    global _SETTINGS
    _SETTINGS = settings


def _check(record: GoldRecord) -> tuple[list[Hit], float, float]:
    """Findings, score, and the score without the findings in don't-care regions
    (the score the text would have if its unlabelled real damage were repaired)."""
    from detector.engine import check_text
    from detector.scoring import score

    result = check_text(record.text, _SETTINGS, path=record.id)
    hits = [
        Hit(f.code, f.category, f.start, f.end, f.message, _other_copy(f.details)) for f in result.findings
    ]
    value = result.score.value if result.score else 100.0
    if record.ignore:
        kept = [f for f, h in zip(result.findings, hits) if not _mostly_ignored(record, h)]
        outside = score(kept, len(record.text)).value
    else:
        outside = value
    return hits, value, outside


def _other_copy(details: dict) -> tuple[int, int] | None:
    span = details.get("first_span") if details else None
    return (int(span[0]), int(span[1])) if span and len(span) == 2 else None


def run_detector(records: list[GoldRecord], settings: Settings, jobs: int = 1) -> list[tuple]:
    """Findings and score of every record, in order."""
    if jobs <= 1 or len(records) < 8:
        _init_worker(settings)
        return [_check(r) for r in records]
    import multiprocessing

    ctx = multiprocessing.get_context("fork" if hasattr(__import__("os"), "fork") else "spawn")
    with ctx.Pool(jobs, initializer=_init_worker, initargs=(settings,)) as pool:
        return pool.map(_check, records, chunksize=max(1, len(records) // (jobs * 8)))


# -- metrics -------------------------------------------------------------------------


def _prf(correct: int, counted: int, found: int, gold: int) -> dict:
    precision = correct / counted if counted else None
    recall = found / gold if gold else None
    if precision is not None and recall is not None and precision + recall > 0:
        f1 = 2 * precision * recall / (precision + recall)
    else:
        f1 = None
    return {"gold": gold, "found": found, "recall": recall,
            "findings": counted, "correct": correct, "precision": precision, "f1": f1}


def _distribution(values: list[float]) -> dict:
    if not values:
        return {"records": 0}
    ordered = sorted(values)
    return {
        "records": len(values),
        "mean": round(statistics.fmean(values), 1),
        "median": round(statistics.median(values), 1),
        "p5": ordered[int(0.05 * (len(ordered) - 1))],
        "min": ordered[0],
        "share_ge_90": round(sum(v >= 90 for v in values) / len(values), 3),
        "share_lt_40": round(sum(v < 40 for v in values) / len(values), 3),
    }


def _context(text: str, start: int, end: int, width: int = 40) -> str:
    """The span in its surroundings, marked with ⟦ ⟧."""
    return f"{text[max(0, start - width):start]}⟦{text[start:end]}⟧{text[end:end + width]}"


def measure(records: list[GoldRecord], results: list[tuple]) -> tuple[dict, list[dict]]:
    """The report (a JSON-ready dict) and the list of errors (misses and false findings).

    ``results`` holds, per record, (hits, score) or (hits, score, score
    without the findings in don't-care regions)."""
    gold_n: Counter = Counter()
    gold_found: Counter = Counter()
    kind_n: Counter = Counter()
    kind_found: Counter = Counter()
    kind_category: dict[str, str] = {}
    counted: Counter = Counter()  # category → findings counted for precision
    correct: Counter = Counter()
    code_counted: Counter = Counter()
    code_correct: Counter = Counter()
    code_found: Counter = Counter()  # gold spans a rule's findings alone cover
    code_claimed: Counter = Counter()  # findings on damage their category may also claim
    code_category: dict[str, str] = {}
    clean_false: Counter = Counter()  # category → false findings on clean records
    clean_false_code: Counter = Counter()
    confusion: Counter = Counter()  # (finding category, gold category) of false findings
    clean_chars = 0
    damaged_scores: list[float] = []
    clean_scores: list[float] = []
    by_rate: dict[float, list[float]] = defaultdict(list)
    errors: list[dict] = []
    per_record: list[dict] = []

    for record, (hits, value, *rest) in zip(records, results):
        statuses = classify_hits(record, hits)
        per_record.append({"id": record.id, "rate": record.rate, "score": value,
                           "score_outside_ignore": rest[0] if rest else value, "spans": len(record.spans),
                           "findings": len(hits), "false": statuses.count("false"),
                           "ignored": statuses.count("ignored"), "claimed": statuses.count("claimed")})
        for span in record.spans:
            start, end, category, kind = span
            found = span_found(record.text, span, hits)
            gold_n[category] += 1
            kind_n[kind] += 1
            kind_category[kind] = category
            if found:
                gold_found[category] += 1
                kind_found[kind] += 1
                # Which rules would have found it on their own.
                for code in {h.code for h in hits if h.category == category and h.start < end and start < h.end}:
                    if span_found(record.text, span, [h for h in hits if h.code == code]):
                        code_found[code] += 1
            else:
                errors.append({"id": record.id, "type": "missed", "category": category, "kind": kind,
                               "start": start, "end": end, "match": record.text[start:end],
                               "context": _context(record.text, start, end)})
        for hit, status in zip(hits, statuses):
            code_category[hit.code] = hit.category
            if status in ("correct", "false"):
                counted[hit.category] += 1
                code_counted[hit.code] += 1
            if status == "correct":
                correct[hit.category] += 1
                code_correct[hit.code] += 1
            elif status == "claimed":
                code_claimed[hit.code] += 1
            elif status == "false":
                other = {c for s, e, c, _ in record.spans if _overlaps(hit.start, hit.end, s, e)}
                for c in sorted(other):
                    confusion[(hit.category, c)] += 1
                if record.clean:
                    clean_false[hit.category] += 1
                    clean_false_code[hit.code] += 1
                errors.append({"id": record.id, "type": "false", "code": hit.code, "category": hit.category,
                               "start": hit.start, "end": hit.end, "match": record.text[hit.start:hit.end],
                               "message": hit.message, "overlaps": sorted(other),
                               "context": _context(record.text, hit.start, hit.end)})
        if record.clean:
            clean_chars += len(record.text) - sum(e - s for s, e in record.ignore)
            clean_scores.append(value)
        elif record.spans:
            damaged_scores.append(value)
        if record.rate is not None:
            by_rate[record.rate].append(value)

    per_100k = (lambda n: round(n * 100_000 / clean_chars, 2)) if clean_chars else (lambda n: None)
    categories = {}
    for category in CATEGORIES:
        if gold_n[category] or counted[category]:
            row = _prf(correct[category], counted[category], gold_found[category], gold_n[category])
            row["false_per_100k_clean"] = per_100k(clean_false[category])
            categories[category] = row
    overall = _prf(sum(correct.values()), sum(counted.values()), sum(gold_found.values()), sum(gold_n.values()))
    overall["false_per_100k_clean"] = per_100k(sum(clean_false.values()))
    report = {
        "records": {"total": len(records), "damaged": len(damaged_scores), "clean": len(clean_scores),
                    "recall_only": sum(r.recall_only for r in records), "clean_characters": clean_chars},
        "overall": overall,
        "categories": categories,
        "kinds": {
            kind: {"category": kind_category[kind], "gold": kind_n[kind], "found": kind_found[kind],
                   "recall": kind_found[kind] / kind_n[kind]}
            for kind in sorted(kind_n, key=lambda k: (CATEGORIES.index(kind_category[k]), k))
        },
        "codes": {
            code: {"category": code_category[code], "findings": code_counted[code], "correct": code_correct[code],
                   "precision": code_correct[code] / code_counted[code] if code_counted[code] else None,
                   "found_alone": code_found[code],
                   "recall_alone": code_found[code] / gold_n[code_category[code]] if gold_n[code_category[code]] else None,
                   "false_on_clean": clean_false_code[code],
                   # Not counted in findings: on damage of a kind its category may also claim.
                   "claimed": code_claimed[code],
                   "false_per_100k_clean": per_100k(clean_false_code[code])}
            for code in sorted(code_category)
        },
        "confusion": [{"finding": f, "gold": g, "count": n} for (f, g), n in sorted(confusion.items())],
        "scores": {"damaged": _distribution(damaged_scores), "clean": _distribution(clean_scores)},
        "scores_by_rate": {f"{rate:g}": _distribution(values) for rate, values in sorted(by_rate.items())},
    }
    report["per_record"] = per_record
    return report, errors


def evaluate(records: list[GoldRecord], settings: Settings, jobs: int = 1) -> tuple[dict, list[dict]]:
    return measure(records, run_detector(records, settings, jobs))


# -- the text table ------------------------------------------------------------------


def _fmt(value, digits: int = 3) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.{digits}f}" if abs(value) <= 1 else f"{value:.1f}"
    return str(value)


def _table(header: list[str], rows: list[list], left: int = 1) -> list[str]:
    cells = [header] + [[_fmt(v) for v in row] for row in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(header))]
    out = []
    for n, row in enumerate(cells):
        parts = [c.ljust(w) if i < left else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths))]
        out.append("  ".join(parts).rstrip())
        if n == 0:
            out.append("  ".join("-" * w for w in widths))
    return out


def render_text(report: dict) -> str:
    r = report["records"]
    lines = [
        f"{r['total']} records: {r['damaged']} damaged, {r['clean']} clean "
        f"({r['clean_characters']:,} characters), {r['recall_only']} recall-only",
        "",
    ]
    header = ["category", "gold", "found", "recall", "findings", "correct", "precision", "F1", "false/100k clean"]
    rows = []
    for name, row in [*report["categories"].items(), ("overall", report["overall"])]:
        rows.append([name, row["gold"], row["found"], row["recall"], row["findings"], row["correct"],
                     row["precision"], row["f1"], row["false_per_100k_clean"]])
    lines += _table(header, rows)
    if report["kinds"]:
        lines += ["", "Recall by kind of damage", ""]
        lines += _table(["kind", "category", "gold", "found", "recall"],
                        [[k, v["category"], v["gold"], v["found"], v["recall"]] for k, v in report["kinds"].items()],
                        left=2)
    if report["codes"]:
        lines += ["", "By rule (recall alone: share of its category's gold spans this rule finds by itself)", ""]
        lines += _table(["code", "category", "findings", "correct", "precision", "recall alone", "false on clean",
                         "false/100k clean"],
                        [[c, v["category"], v["findings"], v["correct"], v["precision"], v["recall_alone"],
                          v["false_on_clean"], v["false_per_100k_clean"]] for c, v in report["codes"].items()],
                        left=2)
    if report["confusion"]:
        lines += ["", "False findings on damage of another category", ""]
        lines += _table(["finding category", "gold category", "count"],
                        [[c["finding"], c["gold"], c["count"]] for c in report["confusion"]], left=2)
    lines += ["", "Scores", ""]
    dist_header = ["records", "n", "mean", "median", "p5", "min", "share >= 90", "share < 40"]
    groups = [(name, report["scores"][name]) for name in ("clean", "damaged")]
    groups += [(f"rate {rate}", d) for rate, d in report["scores_by_rate"].items()]
    lines += _table(dist_header, [[name, d["records"], d.get("mean"), d.get("median"), d.get("p5"), d.get("min"),
                                   d.get("share_ge_90"), d.get("share_lt_40")] for name, d in groups])
    return "\n".join(lines) + "\n"


def render(report: dict, output_format: str) -> str:
    if output_format == "json":
        return json.dumps(report, indent=1, ensure_ascii=False) + "\n"
    return render_text(report)
