"""Boilerplate rules (BP): web page furniture pasted along with an article."""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files
from typing import Iterator

import regex

from detector.document import Document
from detector.finding import Finding, Fix, Severity
from detector.rule import Rule

_SPACES = regex.compile(r"\s+")
_TRAILING = regex.compile(r"[\s.!…:]+$")


def normalise_line(line: str) -> str:
    """Case-folded, spaces collapsed, final dots and exclamation marks dropped.

    >>> normalise_line("  Please enter your comment! ")
    'please enter your comment'
    """
    return _TRAILING.sub("", _SPACES.sub(" ", line.strip()).casefold())


@lru_cache(maxsize=1)
def phrases() -> tuple[frozenset[str], tuple[str, ...]]:
    """(whole-line phrases, line prefixes) from the shipped phrase list."""
    exact, prefixes = set(), []
    raw = files("detector.rules").joinpath("data/boilerplate_phrases.txt").read_text("utf-8")
    for line in raw.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.endswith(" *"):
            prefixes.append(normalise_line(line[:-2]) + " ")
        else:
            exact.add(normalise_line(line))
    return frozenset(exact), tuple(prefixes)


class BoilerplateLine(Rule):
    """## What it does
    Finds whole lines of web boilerplate from a shipped phrase list: comment
    boxes (`Please enter your comment!`), share prompts (`Share this story via
    social media`), navigation (`Back to top button`, `Related Articles`),
    closed comments (`댓글이 닫혀 있습니다..`), in English and other languages.

    ## Why it matters
    A scraper or a copy-paste that keeps page furniture publishes it as part
    of the article, and a dataset learns it as language.

    ## Example
    ```text
    … according to Chinese customs figures.
    Please enter your comment!
    ^^^^^^^^^^^^^^^^^^^^^^^^^^ BP001
    ```

    ## How to silence it
    `ignore = ["BP001"]`, or `per-file-ignores` for pages where such lines are content.
    """

    code = "BP001"
    name = "boilerplate-line"
    category = "boilerplate"
    severity = Severity.WARNING
    summary = "A line of web boilerplate (comment box, share prompt, navigation)"

    def check(self, doc: Document) -> Iterator[Finding]:
        exact, prefixes = phrases()
        text = doc.text
        for span in doc.lines:
            raw = text[span.start : span.end]
            if not raw.strip() or len(raw) > 200:
                continue
            norm = normalise_line(raw)
            if norm in exact or any(norm.startswith(p) for p in prefixes):
                start = span.start + (len(raw) - len(raw.lstrip()))
                end = span.start + len(raw.rstrip())
                yield self.finding(
                    doc, start, end,
                    f"web boilerplate line '{text[start:end]}'; not part of the article",
                    confidence=0.95,
                    fix=Fix("", safe=False, description="delete the line"),
                )
