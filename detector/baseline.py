"""Baselines: accept today's findings, report only new ones.

``detector baseline write`` records every finding as ``(path, code,
fingerprint)`` with a count; ``detector check --baseline FILE`` drops as many
findings of each key as the baseline holds and reports the rest. The
fingerprint hashes the *normalised* matched text with a little context on its
line (never the line number), so an entry still matches after lines are
inserted above it or the file is re-wrapped around it::

    {"version": 1, "tool": "detector",
     "entries": [{"path": "docs/a.md", "code": "ML001",
                  "fingerprint": "3f2a…", "count": 2, "match": "말했다"}]}
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from collections import Counter
from pathlib import Path

import regex

from detector.engine import FileResult
from detector.errors import DetectorError
from detector.finding import Finding

BASELINE_VERSION = 1
DEFAULT_BASELINE = "detector-baseline.json"
#: Code points of context taken on each side of the match (on its own line).
CONTEXT_CHARS = 24
_WHITESPACE_RUN = regex.compile(r"\s+")

Key = tuple[str, str, str]  # (path, code, fingerprint)


def _normalise(text: str) -> str:
    """NFC, whitespace runs collapsed to one space, ends stripped."""
    return _WHITESPACE_RUN.sub(" ", unicodedata.normalize("NFC", text)).strip()


def fingerprint(result: FileResult, f: Finding) -> str:
    """A hash of the finding's code, its normalised match and up to
    ``CONTEXT_CHARS`` code points of context on each side on its first line.

    Independent of line numbers, so it survives lines inserted above."""
    before = after = ""
    source = result.document
    if source is not None and f.start_pos is not None:
        try:
            line = source.line_text(f.start_pos.line)
        except (IndexError, KeyError):
            line = ""
        col0 = f.start_pos.column - 1
        on_line = f.match.split("\n", 1)[0]
        before = line[max(0, col0 - CONTEXT_CHARS) : col0]
        after = line[col0 + len(on_line) :][:CONTEXT_CHARS]
    payload = "\x00".join((f.code, _normalise(before), _normalise(f.match), _normalise(after)))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:20]


def keys_of(result: FileResult) -> list[Key]:
    path = Path(result.path).as_posix()
    return [(path, f.code, fingerprint(result, f)) for f in result.findings]


class Baseline:
    """Counts of accepted findings by (path, code, fingerprint)."""

    def __init__(self, counts: Counter | None = None, matches: dict | None = None) -> None:
        self.counts: Counter = counts if counts is not None else Counter()
        self.matches: dict[Key, str] = matches or {}

    @classmethod
    def from_results(cls, results: list[FileResult]) -> "Baseline":
        counts: Counter = Counter()
        matches: dict[Key, str] = {}
        for result in results:
            for key, f in zip(keys_of(result), result.findings):
                counts[key] += 1
                matches.setdefault(key, f.match[:80])
        return cls(counts, matches)

    @classmethod
    def load(cls, path: Path) -> "Baseline":
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise DetectorError(f"{path}: baseline file not found (create it with 'detector baseline write')") from None
        except (OSError, ValueError) as exc:
            raise DetectorError(f"{path}: cannot read baseline: {exc}") from None
        if not isinstance(data, dict) or data.get("version") != BASELINE_VERSION or not isinstance(data.get("entries"), list):
            raise DetectorError(f"{path}: not a detector baseline (version {BASELINE_VERSION})")
        counts: Counter = Counter()
        matches: dict[Key, str] = {}
        for entry in data["entries"]:
            try:
                key = (str(entry["path"]), str(entry["code"]), str(entry["fingerprint"]))
                counts[key] += int(entry.get("count", 1))
            except (KeyError, TypeError, ValueError):
                raise DetectorError(f"{path}: malformed baseline entry {entry!r}") from None
            matches[key] = str(entry.get("match", ""))
        return cls(counts, matches)

    def to_json(self) -> str:
        entries = [
            {"path": p, "code": c, "fingerprint": fp, "count": n, "match": self.matches.get((p, c, fp), "")}
            for (p, c, fp), n in sorted(self.counts.items())
            if n > 0
        ]
        data = {"version": BASELINE_VERSION, "tool": "detector", "entries": entries}
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"

    def save(self, path: Path) -> None:
        try:
            path.write_text(self.to_json(), encoding="utf-8")
        except OSError as exc:
            raise DetectorError(f"{path}: cannot write baseline: {exc.strerror or exc}") from None

    def filter(self, results: list[FileResult]) -> int:
        """Drop baselined findings from ``results`` in place; returns how many.

        The score of a file that lost findings is recomputed from the ones
        that remain, as for findings silenced by suppression comments: an
        accepted finding no longer lowers the score, so ``--min-score`` and
        the report judge only what is new."""
        budget = Counter(self.counts)
        dropped = 0
        for result in results:
            kept = []
            findings = result.findings
            for key, f in zip(keys_of(result), findings):
                if budget[key] > 0:
                    budget[key] -= 1
                    dropped += 1
                else:
                    kept.append(f)
            result.findings = kept
            if len(kept) != len(findings) and result.score is not None:
                result.rescore()
        return dropped

    def pruned(self, results: list[FileResult]) -> "Baseline":
        """Entries still seen in ``results``, each count capped at today's count
        (entries of files not checked this time are kept while the file exists)."""
        current = Baseline.from_results(results)
        checked = {Path(r.path).as_posix() for r in results}
        counts: Counter = Counter()
        for key, n in self.counts.items():
            if key[0] in checked:
                keep = min(n, current.counts[key])
            else:
                keep = n if Path(key[0]).exists() else 0
            if keep > 0:
                counts[key] = keep
        return Baseline(counts, {k: v for k, v in self.matches.items() if k in counts})
