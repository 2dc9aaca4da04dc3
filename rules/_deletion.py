"""Fixes that delete a finding's text without leaving an empty line.

A rule that reports a whole line (BP001, BP002, BP003) or a repeated
sentence or block (DU001) offers to delete it. Deleting only the finding's
span would leave the line's ending, hence an empty line, which inside a
paragraph splits it in two. :func:`deletion_fix` gives a fix of a span of
its own (``Fix.start``/``Fix.end``; the finding's span, the line's text, is
what is reported and shown):

* whole lines (nothing but white space around the span on its first and last
  line): the lines with their line endings (LF, CRLF or a lone CR); lines
  that are a paragraph of their own (a blank line, or the start of the
  text, before them) take the blank lines after them along, so that one
  blank line stays between the paragraphs around; at the end of the text,
  the blank lines before them instead;
* part of a line: the span and the spaces after it (`A. B. A. C.` →
  `A. B. C.`), or before it when it ends its line (`A. B. A.` → `A. B.`).

>>> from detector.document import Document
>>> text = "One.\\nShare this\\nTwo.\\n"
>>> fix = deletion_fix(Document(text), 5, 15, "delete the line")
>>> text[: fix.start] + text[fix.end :]
'One.\\nTwo.\\n'
"""

from __future__ import annotations

from detector.document import Document
from detector.finding import Fix

#: White space inside a line that a deletion of part of a line takes along.
_LINE_SPACE = " \t\u00a0"


def _is_blank(doc: Document, index: int) -> bool:
    start, end = doc.lines[index]
    return not doc.text[start:end].strip()


def deletion_span(doc: Document, start: int, end: int) -> tuple[int, int]:
    """The span to delete so that deleting ``[start, end)`` leaves no empty
    line nor doubled space (see the module docstring)."""
    text, starts, lines = doc.text, doc.line_starts, doc.lines
    first, last = doc.line_index(start), doc.line_index(max(start, end))
    if last >= len(lines):  # at the very end of a text ending in a line ending
        last = len(lines) - 1
    line_start, line_end = starts[first], lines[last].end
    before, after = text[line_start:start], text[end:line_end]
    if before.strip() or after.strip():  # part of a line
        if after.strip():
            return start, end + len(after) - len(after.lstrip(_LINE_SPACE))
        return start - len(before) + len(before.rstrip(_LINE_SPACE)), line_end
    n = len(lines)
    del_start = line_start
    del_end = starts[last + 1] if last + 1 < len(starts) else len(text)
    if first == 0 or _is_blank(doc, first - 1):  # a paragraph of its own
        following = last + 1
        while following < n and _is_blank(doc, following):
            following += 1
        if following < n:
            del_end = starts[following]
        else:  # the text's last paragraph: the blank lines before it go
            del_end = len(text)
            previous = first - 1
            while previous >= 0 and _is_blank(doc, previous):
                previous -= 1
            del_start = starts[previous + 1] if previous >= 0 else 0
    return del_start, del_end


def deletion_fix(doc: Document, start: int, end: int, description: str, safe: bool = False) -> Fix:
    """A fix deleting ``[start, end)`` and what `deletion_span` adds."""
    del_start, del_end = deletion_span(doc, start, end)
    if (del_start, del_end) == (start, end):
        return Fix("", safe=safe, description=description)
    return Fix("", safe=safe, description=description, start=del_start, end=del_end)
