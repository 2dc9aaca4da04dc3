"""Consistency rules (CO): one document, two conventions."""

from __future__ import annotations

from typing import Iterator

import regex

from detector.document import Document
from detector.finding import Finding, Fix, Severity
from detector.rule import Rule
from detector.rules._lazy import lazy

# An apostrophe between two Latin letters: `Russia's` / `Russia’s`. Not a
# quote between letters of other scripts (`외교관’으로도`), and not the
# elisions of French and Italian (`d’Italia`, `C’è`, `l'anno`) — a quoted
# foreign sentence keeps its own convention.
_STRAIGHT = lazy(r"(?<=\p{Latin})(?<!\b[ldcjmnstLDCJMNST]|\b[Qq]u)'(?=\p{Latin})", regex.VERSION1)
_CURLY = lazy(r"(?<=\p{Latin})(?<!\b[ldcjmnstLDCJMNST]|\b[Qq]u)’(?=\p{Latin})", regex.VERSION1)


class MixedApostrophes(Rule):
    """## What it does
    Finds the rare apostrophe style in a document that mostly uses the other:
    one `Russia's` among many `Russia’s`.

    ## Why it matters
    A text that mixes conventions was assembled from several sources or
    edited by hand after conversion; the odd ones out mark where to look.

    ## Example
    ```text
    Russia’s actions … China’s position … Russia's actions
                                                ^ CO001
    ```

    ## How to silence it
    Raise `max_share` in `[rules.CO001]`, or `ignore = ["CO001"]`.
    """

    code = "CO001"
    name = "mixed-apostrophes"
    category = "consistency"
    severity = Severity.INFO
    summary = "Straight and curly apostrophes mixed in one document"
    options = {"min_majority": 5, "max_share": 0.2}

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        if "'" not in text or "’" not in text:
            return  # both styles are needed for a mix
        straight = list(_STRAIGHT.finditer(text))
        curly = list(_CURLY.finditer(text))
        if not straight or not curly:
            return
        minority, majority, style = (
            (straight, curly, "’") if len(straight) < len(curly) else (curly, straight, "'")
        )
        if len(majority) < self.min_majority or len(minority) > self.max_share * (len(minority) + len(majority)):
            return
        for m in minority:
            yield self.finding(
                doc, m.start(), m.end(),
                f"apostrophe {m.group()!r} where the rest of the document uses {style!r} "
                f"({len(majority)} times)",
                confidence=0.6,
                fix=Fix(style, safe=False, description="use the document's apostrophe"),
            )
