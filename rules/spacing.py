"""Spacing rules (SP): white space lost or added by a paste or a conversion."""

from __future__ import annotations

from typing import Iterator

import regex

from detector.document import Document
from detector.finding import Finding, Fix, Severity
from detector.rule import Rule

_LAST_WORD = regex.compile(r"[\p{L}\p{N}]+[^\s\p{L}\p{N}]*$")
_FIRST_WORD = regex.compile(r"[^\s\p{L}\p{N}]*[\p{L}\p{N}]+")


class GluedSentence(Rule):
    """## What it does
    Finds a sentence that starts right after the previous one's final
    punctuation with no space: `state media.China is`, `changes."Beijing`.
    The fix inserts the space.

    ## Why it matters
    Glued sentences come from pastes that dropped line breaks and from HTML
    converters that joined blocks. They break sentence splitting, search and
    text-to-speech.

    ## Example
    ```text
    according to state media.China is "willing to continue"
                        ^^^^^^^^^^^ SP001 fix: media. China
    ```
    URLs, domains, e-mail addresses, file names, `.NET`, `Node.js`, `U.S.`,
    decimals, initials and version numbers are not sentence ends.

    ## How to silence it
    `ignore = ["SP001"]`.
    """

    code = "SP001"
    name = "glued-sentence"
    category = "spacing"
    severity = Severity.WARNING
    summary = "Two sentences glued together with no space after the full stop"

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        sentences = doc.sentences
        for prev, cur in zip(sentences, sentences[1:]):
            if prev.end != cur.start:
                continue
            left = _LAST_WORD.search(text, prev.start, prev.end)
            right = _FIRST_WORD.match(text, cur.start, cur.end)
            start = left.start() if left else prev.end - 1
            end = right.end() if right else cur.start + 1
            junction = prev.end
            yield self.finding(
                doc, start, end,
                f"sentences glued without a space: '{text[start:end]}'",
                confidence=0.9,
                fix=Fix(
                    text[start:junction] + " " + text[junction:end],
                    safe=True,
                    description="insert a space between the sentences",
                ),
            )
