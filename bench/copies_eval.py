"""Recall and precision of the copy rules (CO002–CO004, `detector check --copies`).

For every article of ../shared/corpus/news-l3s-gn1.jsonl (headline and
fulltext lines) that states a fact of the kind, three copies are checked
together: the article twice and a third copy with one fact changed:

* number: one digit of a number with a unit (`147 billion` → `148 billion`);
* name: a capitalised name of 5+ letters, not at a sentence start, with one
  inner letter replaced, everywhere in the copy (`Heihe` → `Heihi`);
* date: the day of a `Month day` date moved by one to nine days.

A finding of the rule on the changed span of the third copy is a hit; any
other finding of the copy rules is false. Unrelated articles are also
checked in groups of five as if they were copies: every finding there is
false. Seeded and deterministic.

    python bench/copies_eval.py
"""

from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench._paths import corpus_dir  # noqa: E402

from detector.config import Settings  # noqa: E402
from detector.copies import Copies, Copy, dates_in, numbers_in  # noqa: E402
from detector.engine import FileResult, check_copies  # noqa: E402
from detector.document import Document  # noqa: E402

SETTINGS = Settings(select=("CO002", "CO003", "CO004"))


def articles() -> list[str]:
    out = []
    with (corpus_dir() / "news-l3s-gn1.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            page = json.loads(line)
            text = "\n".join(page["text"][s:e] for s, e, label in page["lines"] if label in ("headline", "fulltext"))
            if len(text) >= 400:
                out.append(text)
    return out


def change_number(text: str, rng: random.Random):
    numbers = [n for n in numbers_in(text) if n.unit]
    if not numbers:
        return None
    n = rng.choice(numbers)
    digits = [i for i in range(n.start, n.end) if text[i].isdigit()]
    i = rng.choice(digits)
    new = str((int(text[i]) + rng.randint(1, 8)) % 10)
    if i == digits[0] and new == "0":
        new = "9"
    return text[:i] + new + text[i + 1:], (n.start, n.end), "CO002"


def change_name(text: str, rng: random.Random):
    doc = Document(text)
    copy = Copy(0, doc)
    names = sorted({name for s in copy.sentences for _, _, name in s.names if len(name) >= 5})
    if not names:
        return None
    name = rng.choice(names)
    i = rng.randrange(1, len(name) - 1)
    letter = rng.choice([c for c in "aeiourstnl" if c != name[i]])
    new = name[:i] + letter + name[i + 1:]
    if new in copy.words:
        return None
    spans = [m.span() for m in re.finditer(rf"\b{name}\b", text)]
    changed = re.sub(rf"\b{name}\b", new, text)  # same length: the spans hold in the copy
    return changed, spans[0], "CO003", spans


def change_date(text: str, rng: random.Random):
    dates = dates_in(text)
    if not dates:
        return None
    d = rng.choice(dates)
    day = str(d.day)
    at = text.index(day, d.start)
    new_day = str((d.day + rng.randint(1, 9) - 1) % 28 + 1)
    changed = text[:at] + new_day + text[at + len(day):]
    return changed, (d.start, d.end + len(new_day) - len(day)), "CO004"


def run_group(texts: list[str]) -> list[FileResult]:
    results = [FileResult(path=f"copy{i}", document=Document(t, path=f"copy{i}"), text_length=len(t))
               for i, t in enumerate(texts)]
    check_copies(results, SETTINGS)
    return results


def main() -> None:
    rng = random.Random(7)
    texts = articles()
    table = {}
    for kind, change in (("number", change_number), ("name", change_name), ("date", change_date)):
        hits = cases = false = correct = 0
        for text in texts:
            made = change(text, rng)
            if made is None:
                continue
            changed, span, code = made[:3]
            # A changed name is changed everywhere: each of its places counts.
            spans = made[3] if len(made) > 3 else [span]
            cases += 1
            results = run_group([text, text, changed])
            found = set()
            for k, r in enumerate(results):
                for f in r.findings:
                    hit = k == 2 and f.code == code and any(f.start < e and s < f.end for s, e in spans)
                    if hit:
                        found.add(code)
                        correct += 1
                    else:
                        false += 1
            hits += bool(found)
        table[kind] = (cases, hits, correct, false)
    unrelated_false = sum(len(r.findings) for g in range(0, len(texts) - 4, 5) for r in run_group(texts[g:g + 5]))
    print(f"{len(texts)} articles; three copies each (the article twice, one changed copy)")
    print(f"{'kind':8s} {'cases':>6s} {'found':>6s} {'recall':>7s} {'false':>6s} {'precision':>9s}")
    for kind, (cases, hits, correct, false) in table.items():
        precision = correct / (correct + false) if correct + false else float("nan")
        print(f"{kind:8s} {cases:6d} {hits:6d} {hits / cases:7.3f} {false:6d} {precision:9.3f}")
    print(f"unrelated articles checked as copies (groups of 5): {unrelated_false} findings")


if __name__ == "__main__":
    main()
