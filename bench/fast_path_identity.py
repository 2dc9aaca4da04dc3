"""The fast paths of the Document give what the slow ones give, on real text:
the news pages and their articles, the lingua sentences, word pairs and
words of 22 languages (one a text, and 40 a text, joined by line breaks and
by spaces) and the evaluation records in bench/out (if built).

    python bench/fast_path_identity.py [--corpus ../shared/corpus]

1. Sentences: the `re` kits (ASCII in bytes, Latin-1 and typographic text)
   against the `regex` path that serves text of any script.
2. The language guess: with the plainly English start
   (``ENGLISH_START_CHARS``) against the vote over the whole sample.

Prints the number of texts and of differences (the first few shown); exits 1
if there is any.
"""

from __future__ import annotations

import argparse
import glob
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench._paths import corpus_dir  # noqa: E402


def texts(corpus: Path) -> list[str]:
    out = []
    for line in open(corpus / "news-l3s-gn1.jsonl", encoding="utf-8"):
        record = json.loads(line)
        out.append(record["text"])
        out.append("\n".join(record["text"][s:e] for s, e, label in record["lines"] if label == "fulltext"))
    for path in sorted(glob.glob(str(corpus / "lingua" / "*" / "*.txt"))):
        lines = Path(path).read_text("utf-8").splitlines()
        out += lines
        for i in range(0, len(lines), 40):
            out += ["\n".join(lines[i : i + 40]), " ".join(lines[i : i + 40])]
    for path in sorted(glob.glob(str(ROOT / "bench" / "out" / "**" / "*.jsonl"), recursive=True)):
        for line in open(path, encoding="utf-8"):
            record = json.loads(line)
            if isinstance(record, dict) and isinstance(record.get("text"), str):
                out.append(record["text"])
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=corpus_dir())
    args = parser.parse_args()

    from detector import langid, sentences
    from detector.document import Document

    def slow_scanner(text):
        return sentences._ANY_TEXT, text, sentences._BOUNDARY, None

    all_texts = texts(args.corpus)
    differences = 0
    for name, fast, slow in (
        ("sentences", lambda t: sentences.split_sentences(t), lambda t: sentences.split_sentences(t)),
        ("language", lambda t: langid.guess_main_language(Document(t)), lambda t: langid.guess_main_language(Document(t))),
    ):
        fast_results = [fast(t) for t in all_texts]
        saved = (sentences._scanner, langid.ENGLISH_START_CHARS)
        sentences._scanner, langid.ENGLISH_START_CHARS = (
            (slow_scanner, saved[1]) if name == "sentences" else (saved[0], 10**12)
        )
        try:
            slow_results = [slow(t) for t in all_texts]
        finally:
            sentences._scanner, langid.ENGLISH_START_CHARS = saved
        found = [(t, a, b) for t, a, b in zip(all_texts, fast_results, slow_results) if a != b]
        differences += len(found)
        print(f"{name}: {len(all_texts)} texts, {len(found)} differences")
        for text, a, b in found[:3]:
            print(f"  {text[:120]!r}\n    fast {a!r:.200}\n    slow {b!r:.200}")
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
