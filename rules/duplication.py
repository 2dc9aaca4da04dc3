"""Duplication rules (DU): text that appears twice."""

from __future__ import annotations

from typing import Iterator

import regex

from detector.document import Document
from detector.finding import Finding, Fix, Severity
from detector.rule import Rule

_NOT_WORD = regex.compile(r"[^\p{L}\p{N}]+")


def sentence_key(sentence: str) -> str:
    """A sentence normalised for case, white space, quote style and punctuation.

    >>> sentence_key('China is “willing”,  he said.') == sentence_key('china is "willing" he said')
    True
    """
    return _NOT_WORD.sub(" ", sentence.casefold()).strip()


class DuplicateSentence(Rule):
    """## What it does
    Finds sentences that repeat an earlier sentence of the document, ignoring
    case, white space, quote style and punctuation. Consecutive repeated
    sentences are reported as one block, on the second copy, with the line of
    the first.

    ## Why it matters
    Repeated sentences come from pasting an article twice, from scrapers that
    read a page's teaser and body, and from spinners that shuffle paragraphs.

    ## Example
    ```text
    It was the second call since February 24.
    …
    It was the second call since February 24.
    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ DU001 repeats line 1
    ```

    ## How to silence it
    Short sentences (under `min_words` words) are never reported; raise it in
    `[rules.DU001]` for text with deliberate refrains.
    """

    code = "DU001"
    name = "duplicate-sentence"
    category = "duplication"
    severity = Severity.WARNING
    summary = "A sentence that repeats an earlier one"
    options = {"min_words": 6}

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        first_seen: dict[str, int] = {}
        block: list[tuple[int, int, int]] = []  # (start, end, first offset)

        def flush():
            if not block:
                return None
            start, end, first = block[0][0], block[-1][1], block[0][2]
            line = doc.position(first).line
            n = len(block)
            block.clear()
            what = "sentence" if n == 1 else f"block of {n} sentences"
            return self.finding(
                doc, start, end,
                f"duplicate {what}: repeats the text at line {line}",
                confidence=0.95,
                fix=Fix("", safe=False, description="delete the repeated text"),
                details={"first": {"offset": first, "line": line}, "sentences": n},
            )

        previous_dup = False
        for span in doc.sentences:
            key = sentence_key(text[span.start : span.end])
            if len(key.split()) < self.min_words:
                found = flush() if previous_dup else None
                if found:
                    yield found
                previous_dup = False
                continue
            if key in first_seen:
                block.append((span.start, span.end, first_seen[key]))
                previous_dup = True
                continue
            first_seen[key] = span.start
            if previous_dup:
                found = flush()
                if found:
                    yield found
            previous_dup = False
        found = flush()
        if found:
            yield found
