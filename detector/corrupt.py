"""``detector corrupt``: damage clean text and label every piece of damage.

Each output record is one JSON line::

    {"id": "article-7~r1~s1", "text": "…", "source": "articles.jsonl:7",
     "spans": [[start, end, category, kind], …], "ignore": [[start, end], …],
     "rate": 1.0, "seed": 1}

``text[start:end]`` is exactly the damage introduced (code points, end
exclusive). Where damage removes characters (glued sentences, stripped
quotes) the span is the two characters on either side of the gap, so a
finding on either side overlaps it. ``ignore`` spans (don't-care regions) and
``spans`` of an input JSONL record are carried over and shifted with the
text; new damage is never placed on or next to them.

Deterministic: each record has its own ``random.Random`` seeded from the
seed, the record's position and its id (a string seed, hashed with SHA-512
by :mod:`random`, not by ``hash()``), so the same inputs and seed always give
the same output. For one record and seed, the damage at a higher rate starts
with the damage at a lower rate (the same events, then more), so scores
measured across rates compare like with like.

>>> material = Material(donors=["An unrelated sentence from elsewhere."])
>>> rec = corrupt_text("It rained. We stayed in.", "doc", kinds=["injected-sentence"],
...                    rate=1, seed=3, material=material)
>>> [(rec["text"][s:e], cat) for s, e, cat, kind in rec["spans"]]
[('An unrelated sentence from elsewhere.', 'injected')]
"""

from __future__ import annotations

import json
import math
import random
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Iterable, Iterator

import regex

from detector.errors import DetectorError

# Languages whose text is in another script than English, and those in Latin script.
OTHER_SCRIPT_LANGUAGES = ("ko", "zh", "ja", "ru", "ar", "el", "hi", "th")
LATIN_LANGUAGES = ("de", "fr", "es", "it", "pt", "nl", "pl", "tr")


@dataclass
class Material:
    """What damage is made of: foreign text, donor sentences, boilerplate lines.

    ``sentences``/``words``/``pairs`` map a language code to real text in it.
    """

    sentences: dict[str, list[str]] = field(default_factory=dict)
    words: dict[str, list[str]] = field(default_factory=dict)
    pairs: dict[str, list[str]] = field(default_factory=dict)
    donors: list[str] = field(default_factory=list)
    boilerplate: list[str] = field(default_factory=list)

    def languages(self, group: tuple[str, ...]) -> list[str]:
        return [lang for lang in group if self.words.get(lang) or self.pairs.get(lang)]

    def sentence_languages(self, group: tuple[str, ...]) -> list[str]:
        return [lang for lang in group if self.sentences.get(lang)]


# -- reading the material ------------------------------------------------------

# A usable line of foreign or donor text: no lost characters, no markup, not
# a fragment of digits and punctuation.
_JUNK = regex.compile(r"[\uFFFD<>{}|\\@#]|https?:|www\.")
_HAS_LETTER = regex.compile(r"\p{L}")


def _clean_lines(path: Path, min_len: int = 1, max_len: int = 400) -> list[str]:
    out = []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = " ".join(line.split())
        if min_len <= len(line) <= max_len and _HAS_LETTER.search(line) and not _JUNK.search(line):
            out.append(line)
    return out


def _latin_word_ok(word: str, lang: str) -> bool:
    """A same-script foreign word that is a known word of its language (the
    lists hold fragments like `rbeitet`) and not also an English word (`die`,
    `also`)."""
    from wordfreq import zipf_frequency

    letters = regex.sub(r"[^\p{L}]", "", word)
    return len(letters) >= 4 and all(
        zipf_frequency(w, "en") < 2.5 and zipf_frequency(w, lang) >= 1.5 for w in word.split()
    )


# A Japanese word in a sentence: a katakana word, or two to four kanji.
_JAPANESE_WORD = regex.compile(r"\p{Katakana}{3,}|(?<!\p{Han})\p{Han}{2,4}(?!\p{Han})")


def _script_word_ok(word: str) -> bool:
    """A word in another script: at least two letters (a lone kana is no word)."""
    return len(regex.sub(r"[^\p{L}]", "", word)) >= 2


# Sentence-ending punctuation in any script (Latin, CJK, Devanagari, Thai has none).
_SENTENCE_FINAL = regex.compile(r"[.!?。！？।]$")


# A sentence starts with a letter, a digit or an opening quote or bracket
# (the lists hold fragments starting with `」` or `, `).
_SENTENCE_START = regex.compile(r"[\p{L}\p{N}\"“«„「『(¿¡]")


def load_foreign(directory: Path) -> tuple[dict, dict, dict]:
    """Read ``DIR/{sentences,word-pairs,single-words}/LANG.txt`` (the lingua layout),
    or flat ``DIR/LANG.txt`` files of sentences (words are then taken from them)."""
    if not directory.is_dir():
        raise DetectorError(f"{directory}: --foreign must be a folder")
    sentences: dict[str, list[str]] = {}
    words: dict[str, list[str]] = {}
    pairs: dict[str, list[str]] = {}
    layout = (directory / "sentences").is_dir()
    for lang in OTHER_SCRIPT_LANGUAGES + LATIN_LANGUAGES:
        latin = lang in LATIN_LANGUAGES
        if layout:
            s_file = directory / "sentences" / f"{lang}.txt"
            w_file = directory / "single-words" / f"{lang}.txt"
            p_file = directory / "word-pairs" / f"{lang}.txt"
        else:
            s_file = w_file = p_file = directory / f"{lang}.txt"
        if s_file.is_file():
            sentences[lang] = [
                s for s in _clean_lines(s_file, 10, 250) if _SENTENCE_FINAL.search(s) and _SENTENCE_START.match(s)
            ]
        for target, file, n_words in ((words, w_file, 1), (pairs, p_file, 2)):
            if not file.is_file():
                continue
            found = []
            for line in _clean_lines(file, 1, 200):
                parts = [regex.sub(r"^[^\p{L}]+|[^\p{L}]+$", "", w) for w in line.split()]
                parts = [p for p in parts if p]
                if layout and len(parts) == n_words:
                    found.append(" ".join(parts))
                elif not layout and len(parts) >= n_words:
                    found.append(" ".join(parts[:n_words]))
            if lang in ("zh", "ja") and n_words == 2:
                # No spaces: the "pairs" are two-character strings. Chinese ones
                # are mostly words; Japanese words come from the sentences.
                found = [w for w in _clean_lines(file, 2, 4) if regex.fullmatch(r"\p{Han}{2,4}", w)]
                if lang == "ja":
                    found = sorted({m.group() for s in sentences.get("ja", ())
                                    for m in _JAPANESE_WORD.finditer(s)})
                if found:
                    words[lang] = found  # one token each: they replace one word
                continue
            found = [w for w in found if (_latin_word_ok(w, lang) if latin else _script_word_ok(w))]
            if found:
                target[lang] = found
    return sentences, words, pairs


def default_boilerplate() -> list[str]:
    data = resources.files("detector").joinpath("data/boilerplate_lines.txt").read_text(encoding="utf-8")
    return [line.strip() for line in data.splitlines() if line.strip() and not line.startswith("#")]


def load_material(
    foreign: Path | None = None, donors: Path | None = None, boilerplate: Path | None = None
) -> Material:
    material = Material()
    if foreign is not None:
        material.sentences, material.words, material.pairs = load_foreign(foreign)
    if donors is not None:
        if not donors.is_file():
            raise DetectorError(f"{donors}: --donors file not found")
        material.donors = [s for s in _clean_lines(donors, 25, 300) if _SENTENCE_FINAL.search(s)]
    if boilerplate is not None:
        if not boilerplate.is_file():
            raise DetectorError(f"{boilerplate}: --boilerplate file not found")
        material.boilerplate = _clean_lines(boilerplate, 3, 200)
    else:
        material.boilerplate = default_boilerplate()
    return material


# -- the damage bookkeeping ----------------------------------------------------


class Damager:
    """A text being damaged, with its labelled spans kept in step with every edit."""

    def __init__(self, text: str, rng: random.Random, material: Material,
                 spans: Iterable = (), ignore: Iterable = ()) -> None:
        self.text = text
        self.rng = rng
        self.material = material
        self.spans: list[list] = [list(s) for s in spans]
        self.ignore: list[list] = [list(s) for s in ignore]

    def free(self, start: int, end: int, margin: int = 1) -> bool:
        """No labelled or ignored span within ``margin`` characters of [start, end)."""
        for s in self.spans + self.ignore:
            if s[0] < end + margin and start - margin < s[1]:
                return False
        return True

    def edit(self, start: int, end: int, new: str) -> None:
        """Replace ``text[start:end]`` by ``new``; spans after it move."""
        delta = len(new) - (end - start)
        for span in self.spans + self.ignore:
            if span[0] >= end:
                span[0] += delta
                span[1] += delta
            elif span[1] > start:
                raise AssertionError("an edit overlapped a labelled span")  # free() prevents it
        self.text = self.text[:start] + new + self.text[end:]

    def label(self, start: int, end: int, category: str, kind: str) -> None:
        assert 0 <= start < end <= len(self.text), (start, end)
        self.spans.append([start, end, category, kind])

    def remap(self, new_text: str, offset_map: list[int]) -> None:
        """Replace the whole text; ``offset_map[i]`` is the new offset of old offset i."""
        for span in self.spans + self.ignore:
            span[0], span[1] = offset_map[span[0]], offset_map[span[1]]
        self.text = new_text

    # Units of text a kind can damage, restricted to free regions.

    def lines(self) -> list[tuple[int, int]]:
        return [(m.start(), m.end()) for m in _LINE.finditer(self.text) if self.free(m.start(), m.end(), 0)]

    def sentences(self) -> list[tuple[int, int]]:
        return [s for s in sentence_spans(self.text) if self.free(*s)]

    def words(self, min_len: int = 1) -> list[tuple[int, int]]:
        return [
            (m.start(), m.end())
            for m in _WORD.finditer(self.text)
            if m.end() - m.start() >= min_len and self.free(m.start(), m.end())
        ]

    def choice(self, items):
        return items[self.rng.randrange(len(items))] if items else None


_LINE = regex.compile(r"[^\n]*\S[^\n]*")
# An English-like word: Latin letters, apostrophes and hyphens inside.
_WORD = regex.compile(r"(?<![\w'’-])[A-Za-z]+(?:['’-][A-Za-z]+)*(?![\w'’-])")
# A sentence boundary inside a line: end punctuation, white space, then a
# capital letter or digit (optionally behind an opening quote or bracket).
_BOUNDARY = regex.compile(r"(?<=[.!?][\"”’)]?)[ \t]+(?=[\"“‘(]?[A-Z0-9])")
# Words before a full stop that do not end a sentence.
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr st jr sr inc ltd co corp gov sen rep gen lt col capt sgt prof vs no "
    "jan feb mar apr jun jul aug sep sept oct nov dec mt ft ave rev".split()
)
_LAST_WORD = regex.compile(r"(\w+)[.!?][\"”’)]?$")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentences of every line, split at clear boundaries only.

    >>> t = "Mr. Smith came. He left!\\nNext line."
    >>> [t[s:e] for s, e in sentence_spans(t)]
    ['Mr. Smith came.', 'He left!', 'Next line.']
    """
    out = []
    for line in _LINE.finditer(text):
        start = line.start()
        for m in _BOUNDARY.finditer(text, line.start(), line.end()):
            before = _LAST_WORD.search(text, start, m.start())
            if before is None:
                continue
            word = before.group(1)
            if word.lower() in _ABBREVIATIONS or (len(word) == 1 and word.isupper()):
                continue
            out.append((start, m.start()))
            start = m.end()
        out.append((start, line.end()))
    return [(s, e) for s, e in out if e - s >= 2]


# -- records -------------------------------------------------------------------


def corrupt_text(
    text: str,
    record_id: str,
    kinds: list[str],
    rate: float,
    seed: int,
    material: Material,
    *,
    source: str | None = None,
    spans: Iterable = (),
    ignore: Iterable = (),
    index: int = 0,
) -> dict:
    """Damage ``text`` and return the labelled record.

    ``rate`` is the expected number of damage events per 1,000 characters;
    any rate above 0 gives at least one event. Each event picks one of
    ``kinds``; a kind that finds no place for itself in the text is replaced
    by another (at most a few tries). A whole-text kind (``mojibake-text``,
    ``lossy-quotes-text``) is applied at most once, before anything else, to
    a share of the records equal to its share of ``kinds``.
    """
    from detector.damage import KINDS, apply_kind

    rng = random.Random(f"{seed}|{index}|{record_id}")
    damager = Damager(text, rng, material, spans, ignore)
    if rate > 0 and kinds:
        expected = rate * len(text) / 1000.0
        events = max(1, int(math.floor(expected + rng.random())))
        # A whole-text transformation goes first, so later damage is not re-encoded.
        whole = [k for k in kinds if KINDS[k].whole_text]
        partial = [k for k in kinds if not KINDS[k].whole_text]
        if whole and rng.random() < len(whole) / len(kinds):
            if apply_kind(rng.choice(whole), damager):
                events -= 1
        for _ in range(events if partial else 0):
            for _attempt in range(5):
                if apply_kind(rng.choice(partial), damager):
                    break
    damager.spans.sort(key=lambda s: (s[0], s[1]))
    damager.ignore.sort()
    record = {"id": f"{record_id}~r{rate:g}~s{seed}", "text": damager.text,
              "spans": damager.spans, "source": source or record_id}
    if damager.ignore:
        record["ignore"] = damager.ignore
    record["rate"] = rate
    record["seed"] = seed
    return record


def read_inputs(paths: list[Path], text_field: str) -> Iterator[dict]:
    """Input records: a text file is one record; a ``.jsonl`` file one a line."""
    for path in paths:
        if not path.is_file():
            raise DetectorError(f"{path}: file not found")
        if path.suffix == ".jsonl":
            with path.open(encoding="utf-8") as fh:
                for n, line in enumerate(fh, 1):
                    if not line.strip():
                        continue
                    try:
                        data = json.loads(line)
                        text = data[text_field]
                    except (json.JSONDecodeError, KeyError, TypeError):
                        text = None
                    if not isinstance(text, str):
                        raise DetectorError(f"{path}:{n}: not a JSON object with a {text_field!r} text field")
                    yield {
                        "id": str(data.get("id", f"{path.stem}-{n}")),
                        "text": text,
                        "source": f"{path.name}:{data.get('id', n)}",
                        "spans": data.get("spans", ()),
                        "ignore": data.get("ignore", ()),
                    }
        else:
            yield {"id": path.stem, "text": path.read_text(encoding="utf-8"), "source": path.name,
                   "spans": (), "ignore": ()}


def corrupt_records(inputs: Iterable[dict], kinds: list[str], rate: float, seed: int,
                    material: Material) -> Iterator[dict]:
    for index, item in enumerate(inputs):
        yield corrupt_text(item["text"], item["id"], kinds, rate, seed, material,
                           source=item["source"], spans=item["spans"], ignore=item["ignore"], index=index)
