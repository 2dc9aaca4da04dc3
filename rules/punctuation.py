"""Punctuation rules (PU): quotes and brackets a paste or a converter broke."""

from __future__ import annotations

from typing import Iterator

from detector.document import Document
from detector.finding import Finding, Severity
from detector.rule import Rule


class UnopenedClosingQuote(Rule):
    """## What it does
    Finds a closing curly double quote (`”`) with no opening quote (`“`)
    before it in the same line, in a document that uses `“` elsewhere.

    ## Why it matters
    Tools that strip or mangle quotes often lose the opening one, so the
    reader cannot tell where the quotation starts: `aproper settlement of the
    Ukraine crisis” — echoing …`.

    ## Example
    ```text
    called for all parties to push for a proper settlement of the crisis” — echoing
                                                                        ^ PU001
    ```
    A quote that runs over several paragraphs opens each paragraph with `“`
    and is not reported; `”` after a digit (inches, seconds) is not a quote.

    ## How to silence it
    `ignore = ["PU001"]`.
    """

    code = "PU001"
    name = "unopened-closing-quote"
    category = "punctuation"
    severity = Severity.WARNING
    summary = "A closing quote with no opening quote in its paragraph"

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        if "“" not in text or "”" not in text:
            return
        for span in doc.lines:
            depth = 0
            for i in range(span.start, span.end):
                c = text[i]
                if c == "“":
                    depth += 1
                elif c == "”":
                    if depth > 0:
                        depth -= 1
                    elif i > span.start and text[i - 1].isdigit():
                        continue
                    else:
                        yield self.finding(
                            doc, i, i + 1,
                            "closing quote with no opening quote in this paragraph; "
                            "the opening quote was probably lost",
                            confidence=0.8,
                        )
