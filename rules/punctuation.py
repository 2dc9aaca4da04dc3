"""Punctuation rules (PU): quotes and brackets a paste or a converter broke."""

from __future__ import annotations

from typing import Iterator

import regex

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


# A short quotation starting in lower case that stands alone after a
# sentence end (a lower-case word, then `.!?`) and before the line's end or
# the next sentence: `… toward Russia. “strategic partner.”`
_QUOTE_FRAGMENT = regex.compile(
    r"(?<=\p{Ll}\p{Ll}[.!?…][”\"’]?[ \t]+)"
    r"(?P<quote>[“\"‘](?P<body>\p{Ll}[^“”\"\n]{0,80}?)[.!?,]?[”\"’][.!?]?)"
    r"(?=[ \t]*$|[ \t]+[“\"‘(]?\p{Lu})",
    regex.VERSION1 | regex.MULTILINE,
)


class DanglingQuoteFragment(Rule):
    """## What it does
    Finds a sentence that is only a short quotation starting in lower case,
    with nothing to introduce it: `… toward Russia. “strategic partner.”`

    ## Why it matters
    A quoted fragment standing alone is what remains when a paste or a
    summariser cut away the sentence that carried it; the reader cannot tell
    who said it or what it refers to.

    ## Example
    ```text
    China has refused to make any hostile moves toward Russia. “strategic partner.”
                                                               ^^^^^^^^^^^^^^^^^^^^ PU002
    ```
    Quotations inside a sentence (`he called it “a disaster.”`) and quoted
    sentences that start in upper case are not reported.

    ## How to silence it
    `ignore = ["PU002"]`.
    """

    code = "PU002"
    name = "dangling-quote-fragment"
    category = "punctuation"
    severity = Severity.WARNING
    summary = "A short lower-case quotation standing alone as a sentence"
    options = {"max_words": 6}

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        if not any(q in text for q in "“\"‘"):
            return
        for m in _QUOTE_FRAGMENT.finditer(text):
            if len(m.group("body").split()) > self.max_words:
                continue
            yield self.finding(
                doc, m.start(), m.end(),
                f"the quotation {m.group()} stands alone after a full stop; "
                "the sentence that introduced it was probably lost",
                confidence=0.75,
            )


_OPEN_TO_CLOSE = {"(": ")", "[": "]", "{": "}", "“": "”"}
_CLOSE_TO_OPEN = {v: k for k, v in _OPEN_TO_CLOSE.items()}
_BRACKET = regex.compile(r"[()\[\]{}“”]")
# `1)`, `a)`, `iv)` at the start of a line or after white space: list markers,
# not closing brackets. `:)` `;-)` and the like: emoticons.
_LIST_MARKER = regex.compile(r"[ \t]*(?:\p{N}{1,2}|\p{L}|[ivx]{1,4})\)", regex.VERSION1)
_EMOTICON = regex.compile(r"(?:^|(?<=\s))[:;=][\-^']?[()\[\]]", regex.VERSION1)
# `1)`, `b)` inside a line: an inline list, when no bracket is open.
_INLINE_MARKER = regex.compile(r"(?:^|(?<=\s))(?:\p{N}{1,2}|\p{L})\)", regex.VERSION1)
_LINE_END_OK = regex.compile(r"[.!?…:\"”’)\]]\s*$")


class UnbalancedBracket(Rule):
    """## What it does
    Finds an opening bracket or curly quote (`(`, `[`, `“`) left unclosed in
    its paragraph, and a closing bracket with no opening one. A quotation
    that runs over several paragraphs, news style (each paragraph opens with
    `“` and only the last one closes), is not reported.

    ## Why it matters
    Conversions and pastes that cut text lose one half of a pair; the reader
    can no longer tell where the aside or the quotation ends.

    ## Example
    ```text
    said in a comment “steady progressof their trade ties and the opening last week.
                      ^ PU003
    ```
    List markers (`1)`, `a)`), emoticons (`:)`) and `”` after a digit
    (inches) are left alone; closing curly quotes are PU001's.

    ## How to silence it
    `ignore = ["PU003"]`.
    """

    code = "PU003"
    name = "unbalanced-bracket"
    category = "punctuation"
    severity = Severity.WARNING
    summary = "An opening bracket or quote without its closing half, or the reverse"

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        if not any(c in text for c in "()[]“"):
            return
        # Units: a line, joined with the next ones while it does not end like
        # a paragraph (hard-wrapped text: the pair may close on a later line).
        units: list[list] = []
        joining = False
        for ln in doc.lines:
            if ln.start == ln.end or text[ln.start : ln.end].isspace():
                joining = False
                continue
            if joining:
                units[-1].append(ln)
            else:
                units.append([ln])
            joining = not _LINE_END_OK.search(text, ln.start, ln.end)
        # German and other „…“ quoting closes with `“`: only brackets then.
        brackets_only = "„" in text
        for idx, unit in enumerate(units):
            stack: list[int] = []
            for ln in unit:
                yield from self._scan_line(doc, ln, stack, brackets_only)
            if not stack:
                continue
            nxt = units[idx + 1][0] if idx + 1 < len(units) else None
            for at in stack:
                c = text[at]
                if c == "“" and nxt is not None and text[nxt.start : nxt.end].lstrip().startswith("“"):
                    continue  # a quotation running on into the next paragraph
                yield self.finding(
                    doc, at, at + 1,
                    f"'{c}' is never closed in this paragraph; its closing "
                    f"'{_OPEN_TO_CLOSE[c]}' was probably lost",
                    confidence=0.7,
                )

    def _scan_line(
        self, doc: Document, ln, stack: list[int], brackets_only: bool = False
    ) -> Iterator[Finding]:
        """Match the brackets of one line against ``stack`` (open positions)."""
        text = doc.text
        if not _BRACKET.search(text, ln.start, ln.end):
            return
        marker = _LIST_MARKER.match(text, ln.start, ln.end)
        skip = {marker.end() - 1} if marker else set()
        skip |= {m.end() - 1 for m in _EMOTICON.finditer(text, ln.start, ln.end)}
        inline_markers = {m.end() - 1 for m in _INLINE_MARKER.finditer(text, ln.start, ln.end)}
        for m in _BRACKET.finditer(text, ln.start, ln.end):
            i = m.start()
            c = text[i]
            if brackets_only and c in "“”":
                continue
            if c in _OPEN_TO_CLOSE:
                stack.append(i)
            elif c in _CLOSE_TO_OPEN and i not in skip:
                opener = _CLOSE_TO_OPEN[c]
                if i in inline_markers and opener not in (text[k] for k in stack):
                    continue
                for k in range(len(stack) - 1, -1, -1):
                    if text[stack[k]] == opener:
                        del stack[k:]
                        break
                else:
                    if c != "”":  # PU001 reports closing quotes
                        yield self.finding(
                            doc, i, i + 1,
                            f"'{c}' closes a '{opener}' that was never opened in this paragraph",
                            confidence=0.7,
                        )
