"""Punctuation rules (PU): quotes and brackets a paste or a converter broke."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Iterator

import regex

from detector.document import Document
from detector.finding import Finding, Severity
from detector.rule import Rule
from detector.rules._lazy import REGEX_WHITE_SPACE, lazy


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


_CURLY_DOUBLE = lazy(r"[“”]")
_QUOTE_ENTITY = lazy(r"&(?:quot|[lr]dquo|#34|#822[01]|#x201[cd]);", regex.IGNORECASE)
# A `?` standing for a lost quote: `It?s`, ` ?Fire`, `globally,? Universal`.
_LOST_QUOTE = lazy(r"\?(?:(?<=\p{L}\?)\p{Ll}|(?<=(?:^|\s)\?)\p{L}|(?<=[,.]\?)(?:\s|$))", regex.MULTILINE)
# A line that ends like a paragraph: final punctuation, a closing quote or bracket.
_LINE_END_CHARS = frozenset('.!?…:"”’)]')


def paragraph_units(doc: Document) -> list[list]:
    """The document's lines, hard-wrapped ones joined: a line that does not
    end like a paragraph (final punctuation, a closing quote or bracket) runs
    on into the next non-blank line. Shared through ``doc.memo``."""
    text = doc.text
    units: list[list] = []
    joining = False
    for ln in doc.lines:
        start, end = ln
        last = text[end - 1] if end > start else " "
        if last.isspace():  # trailing white space, or a blank line (no copy otherwise)
            raw = text[start:end]
            content = raw.rstrip()
            if not content:  # a blank line ends the paragraph
                joining = False
                continue
            if raw[len(content) :].strip(REGEX_WHITE_SPACE):
                # U+001C-U+001F are white space to str.rstrip, not to `\s`: the line ends on them
                content = raw.rstrip(REGEX_WHITE_SPACE)
            last = content[-1]
        if joining:
            units[-1].append(ln)
        else:
            units.append([ln])
        joining = last not in _LINE_END_CHARS
    return units


# A short quotation starting in lower case that stands alone after a
# sentence end (a lower-case word, then `.!?`) and before the line's end or
# the next sentence: `… toward Russia. “strategic partner.”`
_QUOTE_FRAGMENT = lazy(
    r"(?<=\p{Ll}\p{Ll}[.!?…][”\"’]?[ \t]+)"
    r"(?P<quote>[“\"‘](?P<body>\p{Ll}[^“”\"\n]{0,80}?)[.!?,]?[”\"’][.!?]?)"
    r"(?=[ \t]*$|[ \t]+[“\"‘(]?\p{Lu})",
    regex.VERSION1 | regex.MULTILINE,
)


def _fragment_starts(text: str) -> list[int]:
    """Where `_QUOTE_FRAGMENT` can start: an opening quote before a lower-case
    letter, after white space that follows a sentence end (`. “s`). A few
    `str.find` scans and checks at each quote, much faster than the regex."""
    out = []
    for quote in "“\"‘":
        at = text.find(quote)
        while at >= 0:
            if text[at + 1 : at + 2].islower() and text[at - 1 : at] in (" ", "\t"):
                before = at - 1
                while before > 0 and text[before] in " \t":
                    before -= 1
                if text[before] in "”\"’":
                    before -= 1
                if before >= 0 and text[before] in ".!?…":
                    out.append(at)
            at = text.find(quote, at + 1)
    out.sort()
    return out


def _quote_fragments(text: str):
    """``_QUOTE_FRAGMENT.finditer(text)``, tried only where one can start."""
    end = 0
    for at in _fragment_starts(text):
        if at < end:
            continue
        m = _QUOTE_FRAGMENT.match(text, at)
        if m:
            end = m.end()
            yield m


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
        for m in _quote_fragments(text):
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
_BRACKET = lazy(r"[()\[\]{}“”]")
# `1)`, `a)`, `iv)` at the start of a line or after white space: list markers,
# not closing brackets. `:)` `;-)` and the like: emoticons.
_LIST_MARKER = lazy(r"[ \t]*(?:\p{N}{1,2}|\p{L}|[ivx]{1,4})\)", regex.VERSION1)
_EMOTICON = lazy(r"(?:^|(?<=\s))[:;=][\-^']?[()\[\]]", regex.VERSION1)
# `1)`, `b)` inside a line: an inline list, when no bracket is open.
_INLINE_MARKER = lazy(r"(?:^|(?<=\s))(?:\p{N}{1,2}|\p{L})\)", regex.VERSION1)
# One character of those patterns, checked at a closing bracket (see _is_inline_marker).
_MARKER_CHAR = lazy(r"[\p{N}\p{L}]")
_NUMBER_CHAR = lazy(r"\p{N}")
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
        # One scan of the whole text for brackets and straight quotes; the
        # Python loops below visit only them.
        brackets = _positions(text, _BRACKET_CHARS)
        lone_candidates = _units_with_one_quote(text, units)
        # Only the units holding a bracket or a lone straight quote can have findings.
        starts = [unit[0].start for unit in units]
        with_brackets = {bisect_right(starts, at) - 1 for at in brackets}
        at_bracket = 0
        for idx in sorted(with_brackets | lone_candidates):
            unit = units[idx]
            stack: list[int] = []
            if idx in with_brackets:
                at_bracket = bisect_left(brackets, unit[0].start, at_bracket)
                for ln in unit:
                    # The brackets of this line: brackets[at_bracket:stop].
                    stop = bisect_left(brackets, ln.end, at_bracket)
                    if stop > at_bracket:
                        yield from self._scan_line(doc, ln, stack, brackets_only, brackets[at_bracket:stop])
                    at_bracket = stop
            if idx in lone_candidates:
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
        self, doc: Document, ln, stack: list[int], brackets_only: bool = False, positions=None
    ) -> Iterator[Finding]:
        """Match the brackets of one line (at ``positions``, or found here)
        against ``stack`` (open positions)."""
        text = doc.text
        if positions is None:
            positions = [m.start() for m in _BRACKET.finditer(text, ln.start, ln.end)]
        for i in positions:
            c = text[i]
            if brackets_only and c in "“”":
                continue
            if c == "“" and i > 0 and text[i - 1].isalpha() and not text[i - 1].isascii():
                continue  # `Ã¢â‚¬Å“`: the tail of a mojibake, MJ's business
            if c in _OPEN_TO_CLOSE:
                stack.append(i)
            elif c in _CLOSE_TO_OPEN:
                if c in ")]" and _closes_no_bracket(text, ln.start, i):
                    continue  # a list marker (`1)`) or an emoticon (`:)`)
                opener = _CLOSE_TO_OPEN[c]
                if c == ")" and opener not in (text[k] for k in stack) and _is_inline_marker(text, ln.start, i):
                    continue  # `1)`, `b)` inside a line, when no bracket is open
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


def _is_space(ch: str) -> bool:
    """``\\s`` of the ``regex`` module."""
    return ch in REGEX_WHITE_SPACE


def _after_space(text: str, at: int) -> bool:
    """``(?:^|(?<=\\s))`` at ``at``: the start of the text or after white space."""
    return at == 0 or _is_space(text[at - 1])


def _closes_no_bracket(text: str, line_start: int, i: int) -> bool:
    """Is the `)` or `]` at ``i`` the end of the line's list marker
    (``_LIST_MARKER``) or of an emoticon (``_EMOTICON``)? Checked around
    ``i`` rather than by scanning the line with the regexes."""
    c = text[i]
    # (a marker is at most 4 characters after the indentation: a `)` further
    # into a line that does not start with a space or a tab is none)
    if c == ")" and (i - line_start <= 4 or text[line_start] in " \t"):
        if len(text[line_start:i].lstrip(" \t")) <= 4 and _LIST_MARKER.fullmatch(text, line_start, i + 1):
            return True
    before = i - 1
    if before > line_start and text[before] in "-^'":
        if text[before - 1] in ":;=" and _after_space(text, before - 1):
            return True
    return before >= line_start and text[before] in ":;=" and _after_space(text, before)


def _is_inline_marker(text: str, line_start: int, i: int) -> bool:
    """Does ``_INLINE_MARKER`` end at the `)` at ``i``: one or two digits or one
    letter after white space (`1)`, `b)`)?"""
    one = i - 1
    if one < line_start:
        return False
    if _after_space(text, one) and _MARKER_CHAR.match(text[one]):
        return True
    two = i - 2
    return (
        two >= line_start and _after_space(text, two)
        and bool(_NUMBER_CHAR.match(text[one])) and bool(_NUMBER_CHAR.match(text[two]))
    )


def _units_with_one_quote(text: str, units: list[list]) -> set[int]:
    """Indexes of the paragraph units that hold exactly one straight double quote."""
    if '"' not in text:
        return set()
    count = text.count
    return {idx for idx, unit in enumerate(units) if count('"', unit[0].start, unit[-1].end) == 1}


_BRACKET_CHARS = "()[]{}“”"


def _positions(text: str, chars: str) -> list[int]:
    """Sorted offsets of every character of ``chars`` in ``text`` (a
    `str.find` scan per character: faster than a regex for a few hits)."""
    out = []
    find = text.find
    for c in chars:
        at = find(c)
        while at >= 0:
            out.append(at)
            at = find(c, at + 1)
    out.sort()
    return out
