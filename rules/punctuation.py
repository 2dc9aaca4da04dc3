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
        if "”" not in text or "„" in text:
            return  # „…“ quoting closes with “ and may use ” too
        for unit in doc.memo(paragraph_units):
            start, end = unit[0].start, unit[-1].end
            marks = [m.start() for m in _CURLY_DOUBLE.finditer(text, start, end)]
            if not marks:
                continue
            if "“" not in text[start:end] and len(marks) >= 2:
                continue  # ”…” quoting (Swedish, Finnish): both ends alike
            depth = 0
            for i in marks:
                if text[i] == "“":
                    depth += 1
                elif depth > 0:
                    depth -= 1
                elif i > start and text[i - 1].isdigit():
                    continue  # 12” (inches)
                else:
                    yield self.finding(
                        doc, i, i + 1,
                        "closing quote with no opening quote in this paragraph; "
                        "the opening quote was probably lost",
                        confidence=0.8,
                    )


_CURLY_DOUBLE = regex.compile(r"[“”]")
_QUOTE_ENTITY = regex.compile(r"&(?:quot|[lr]dquo|#34|#822[01]|#x201[cd]);", regex.IGNORECASE)
# A `?` standing for a lost quote: `It?s`, ` ?Fire`, `globally,? Universal`.
_LOST_QUOTE = regex.compile(r"\?(?:(?<=\p{L}\?)\p{Ll}|(?<=(?:^|\s)\?)\p{L}|(?<=[,.]\?)(?:\s|$))", regex.MULTILINE)
_LINE_END_OK = regex.compile(r"[.!?…:\"”’)\]]\s*$")


def paragraph_units(doc: Document) -> list[list]:
    """The document's lines, hard-wrapped ones joined: a line that does not
    end like a paragraph (final punctuation, a closing quote or bracket) runs
    on into the next non-blank line. Shared through ``doc.memo``."""
    text = doc.text
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
    return units


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
        if not any(c in text for c in "()[]“\""):
            return
        units = doc.memo(paragraph_units)
        # German and other „…“ quoting closes with `“`: only brackets then.
        brackets_only = "„" in text
        for idx, unit in enumerate(units):
            stack: list[int] = []
            for ln in unit:
                yield from self._scan_line(doc, ln, stack, brackets_only)
            lone = self._lone_straight_quote(
                doc, unit,
                units[idx - 1] if idx > 0 else None,
                units[idx + 1] if idx + 1 < len(units) else None,
            )
            if lone is not None:
                yield lone
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

    def _lone_straight_quote(self, doc: Document, unit: list, prev, nxt) -> Finding | None:
        """The only straight double quote of a paragraph, which therefore
        neither opens nor closes anything: `Sir Alex would "not have had`.

        A quotation may run over paragraphs: one that opens here and whose
        next paragraph starts with a quote, or one that closes here and
        whose previous paragraph left a quote open, is not reported."""
        text = doc.text
        start, end = unit[0].start, unit[-1].end
        at = text.find('"', start, end)
        if at < 0 or text.find('"', at + 1, end) >= 0:
            return None
        if at > start and (text[at - 1].isdigit() or text[at - 1] == "?"):
            return None  # 12" (inches); `?Fire Ferguson"` (a lost quote)
        if "''" in text[start:end] or "``" in text[start:end]:
            return None  # `"love of my life''`: TeX-style closing quotes
        if _LOST_QUOTE.search(text, start, end):
            return None  # `globally,? Universal`: the other half became a `?`
        if _QUOTE_ENTITY.search(text, start, end):
            return None  # `"irresponsible&ldquo;`: the other half is an HTML entity
        if nxt is not None and text[nxt[0].start : nxt[-1].end].lstrip().startswith('"'):
            return None
        if prev is not None and text.count('"', prev[0].start, prev[-1].end) % 2:
            return None
        return self.finding(
            doc, at, at + 1,
            "a lone straight quote in this paragraph: it opens or closes "
            "nothing; its other half was probably lost, or it was added",
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
            if c == "“" and i > 0 and text[i - 1].isalpha() and not text[i - 1].isascii():
                continue  # `Ã¢â‚¬Å“`: the tail of a mojibake, MJ's business
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
