"""Prose with a map back to its source: what a markup format hands the rules.

A format extractor walks a Markdown or HTML file and builds the *prose* — the
text a reader sees — piece by piece with a :class:`ProseBuilder`. Every piece
remembers the source span it came from:

- a *verbatim* piece is a slice of the source copied as is, so each of its
  characters maps to exactly one source character;
- a *synthetic* piece is text that is not in the source as such: a decoded
  entity (``&amp;`` → ``&``), a collapsed run of white space, or the blank
  line put between two blocks so that they cannot glue into one sentence.
  It maps to its whole source span.

Rules run on the prose. Their findings are then moved back onto the source
(:meth:`SourceMap.restore`): ``start`` and ``end`` become source offsets, the
line and column are computed on the source, and ``match`` becomes the source
slice, so ``source[start:end] == match`` holds for the file the user opened.

>>> b = ProseBuilder("Hello **wor&amp;ld**.")
>>> b.add(0, 6); b.add(8, 11); b.add(11, 16, "&"); b.add(16, 18); b.add(20, 21)
>>> m = b.build()
>>> m.text
'Hello wor&ld.'
>>> m.source_span(6, 13)  # 'wor&ld.' in the prose
(8, 21)
>>> m.source[8:21]
'wor&amp;ld**.'
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace
from typing import TYPE_CHECKING

from detector.document import Decoding, Document
from detector.finding import Fix, moved_details

if TYPE_CHECKING:
    from detector.engine import FileResult

#: Newlines between two blocks: a blank line, so they are two paragraphs.
PARAGRAPH = 2
#: Newline between two cells of one table row: a line break, same paragraph.
LINE = 1


class ProseBuilder:
    """Accumulates prose pieces; see the module docstring.

    White space is tidied as a browser would: none at the start of a block,
    no run of two spaces made by a dropped element (``a `code` b`` → ``a b``),
    no trailing spaces before a line or block break.
    """

    def __init__(self, source: str) -> None:
        self.source = source
        # [text, src_start, src_end, verbatim]; a verbatim piece's text is None
        # (it is source[src_start:src_end]), so merging pieces copies nothing.
        self._pieces: list[list] = []
        self._pending = 0  # newlines owed before the next content

    # -- state -------------------------------------------------------------------
    def _last_char(self) -> str:
        if not self._pieces:
            return ""
        text, _, src_end, verbatim = self._pieces[-1]
        return self.source[src_end - 1] if verbatim else text[-1]

    def _at_block_start(self) -> bool:
        return not self._pieces or self._pending > 0 or self._last_char() == "\n"

    def _rstrip(self) -> None:
        """Drop trailing white space from the prose."""
        while self._pieces:
            piece = self._pieces[-1]
            if piece[3]:
                end = piece[2]
                while end > piece[1] and self.source[end - 1].isspace():
                    end -= 1
                if end == piece[2]:
                    return
                if end == piece[1]:
                    self._pieces.pop()
                    continue
                piece[2] = end
                return
            stripped = piece[0].rstrip()
            if stripped == piece[0]:
                return
            if not stripped:
                self._pieces.pop()
                continue
            piece[0] = stripped
            return

    # -- building ----------------------------------------------------------------
    def block_break(self, newlines: int = PARAGRAPH) -> None:
        """End the current block: the next content starts after ``newlines`` newlines."""
        self._pending = max(self._pending, newlines)

    def line_break(self, src_start: int, src_end: int) -> None:
        """A line break inside a block (``<br>``, a soft break, a newline in HTML text)."""
        if self._at_block_start():
            return
        self._rstrip()
        verbatim = self.source[src_start:src_end] == "\n"
        self._append("\n", src_start, src_end, verbatim)

    def add(self, src_start: int, src_end: int, text: str | None = None) -> None:
        """Add prose: the source slice itself, or ``text`` standing for it."""
        verbatim = text is None
        if verbatim:
            text = self.source[src_start:src_end]
        if not text:
            return
        if text[0].isspace() and (self._at_block_start() or self._last_char().isspace()):
            stripped = text.lstrip()
            if not stripped:
                return
            if verbatim:
                src_start += len(text) - len(stripped)
            text = stripped
        if self._pending:
            if self._pieces:
                self._rstrip()
                gap_start = self._pieces[-1][2] if self._pieces else src_start
                self._append("\n" * self._pending, gap_start, max(gap_start, src_start), False)
            self._pending = 0
        self._append(text, src_start, src_end, verbatim)

    def _append(self, text: str, src_start: int, src_end: int, verbatim: bool) -> None:
        if verbatim:
            if self._pieces:
                last = self._pieces[-1]
                if last[3] and last[2] == src_start:
                    last[2] = src_end
                    return
            text = None
        self._pieces.append([text, src_start, src_end, verbatim])

    def extend(self, inner: "SourceMap", offset: int) -> None:
        """Add the prose of ``inner``, a map of ``source[offset:…]`` (an HTML block in Markdown)."""
        for text, src_start, src_end, verbatim in inner.pieces():
            src_start += offset
            src_end += offset
            if verbatim or text.strip():
                self.add(src_start, src_end, None if verbatim else text)
            elif "\n\n" in text:
                self.block_break(PARAGRAPH)
            elif "\n" in text:
                self.line_break(src_start, src_end)
            else:
                self.add(src_start, src_end, text)

    def build(self) -> "SourceMap":
        self._rstrip()
        pieces = [
            (self.source[s:e] if verbatim else text, s, e, verbatim)
            for text, s, e, verbatim in self._pieces
        ]
        return SourceMap(self.source, pieces)


class SourceMap:
    """The prose of a source file and the map between their offsets."""

    def __init__(self, source: str, pieces: list[tuple[str, int, int, bool]]) -> None:
        self.source = source
        self.text = "".join(p[0] for p in pieces)
        self._prose_starts: list[int] = []
        self._src_starts: list[int] = []
        self._src_ends: list[int] = []
        self._verbatim: list[bool] = []
        #: Synthetic white space (block breaks, collapsed runs): no source text.
        self._separator: list[bool] = []
        pos = 0
        for text, src_start, src_end, verbatim in pieces:
            self._prose_starts.append(pos)
            self._src_starts.append(src_start)
            self._src_ends.append(src_end)
            self._verbatim.append(verbatim)
            self._separator.append(not verbatim and not text.strip())
            pos += len(text)

    def pieces(self):
        """``(text, src_start, src_end, verbatim)`` of every piece, in order."""
        ends = self._prose_starts[1:] + [len(self.text)]
        for i, start in enumerate(self._prose_starts):
            yield self.text[start : ends[i]], self._src_starts[i], self._src_ends[i], self._verbatim[i]

    # -- prose → source --------------------------------------------------------
    def _piece(self, prose_offset: int) -> int:
        return max(0, bisect_right(self._prose_starts, prose_offset) - 1)

    def source_start(self, prose_offset: int) -> int:
        """Source offset of the prose character at ``prose_offset``."""
        if not self._prose_starts:
            return 0
        if prose_offset >= len(self.text):
            return self._src_ends[-1]
        i = self._piece(prose_offset)
        if self._verbatim[i]:
            return self._src_starts[i] + prose_offset - self._prose_starts[i]
        return self._src_starts[i]

    def source_end(self, prose_end: int) -> int:
        """Source offset just after the prose character before ``prose_end``."""
        if not self._prose_starts or prose_end <= 0:
            return self.source_start(0)
        last = min(prose_end, len(self.text)) - 1
        i = self._piece(last)
        if self._verbatim[i]:
            return self._src_starts[i] + last - self._prose_starts[i] + 1
        return self._src_ends[i]

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """The source span a prose span ``[start, end)`` came from."""
        src_start = self.source_start(start)
        if end <= start:
            return src_start, src_start
        return src_start, max(src_start, self.source_end(end))

    # -- source → prose ----------------------------------------------------------
    def prose_offset(self, source_offset: int) -> int | None:
        """Prose offset of a source character, or None if it is not prose.

        Pieces never overlap and come in source order, so the piece holding a
        source offset is the last one starting at or before it.
        """
        i = bisect_right(self._src_starts, source_offset) - 1
        if i < 0 or source_offset >= self._src_ends[i] or self._separator[i]:
            return None
        if self._verbatim[i]:
            return self._prose_starts[i] + source_offset - self._src_starts[i]
        return self._prose_starts[i]

    def prose_decoding(self, decoding: Decoding) -> Decoding:
        """``decoding`` with undecodable-byte positions moved into the prose.

        Bytes inside markup or code are dropped: rules only see the prose.
        """
        invalid = []
        for byte_offset, text_offset in decoding.invalid_bytes:
            prose = self.prose_offset(text_offset)
            if prose is not None:
                invalid.append((byte_offset, prose))
        return Decoding(
            encoding=decoding.encoding,
            bom=decoding.bom,
            invalid_bytes=invalid,
            detected=decoding.detected,
        )

    # -- the prose document ------------------------------------------------------------
    def document(self, source_doc: Document, **kwargs) -> Document:
        """The prose as a :class:`Document` whose positions are source positions.

        Rules see the prose; a rule that puts a position in its message
        ("repeats the text at line 12") names the line of the source file.
        """
        return ProseDocument(
            self.text,
            self,
            source_doc,
            path=source_doc.path,
            decoding=self.prose_decoding(source_doc.decoding),
            **kwargs,
        )

    # -- findings --------------------------------------------------------------------
    def restore(self, result: "FileResult", source_doc: Document) -> None:
        """Move ``result``'s findings from the prose onto the source, in place.

        ``match`` becomes the source slice. When that differs from what the
        rule saw — the span crosses markup (``**``), an entity or a block
        break — the prose text is kept in ``details["prose_match"]`` and a
        fix is dropped: replacing the source slice would delete the markup.
        """
        for f in result.findings:
            start, end = self.source_span(f.start, f.end)
            prose_match = f.match
            f.start, f.end = start, end
            f.match = self.source[start:end]
            if f.details:  # offsets in them point into the source too
                f.details = moved_details(f.details, self.source_start, self.source_span, source_doc.position)
            if f.match != prose_match:
                f.details = {**f.details, "prose_match": prose_match}
                f.fix = None
            elif f.fix is not None and f.fix.start is not None:
                f.fix = self._restored_fix(f.fix)
            f.start_pos = source_doc.position(start)
            f.end_pos = source_doc.position(end)
        result.findings.sort(key=lambda f: f.sort_key())
        result.document = source_doc


    def _restored_fix(self, fix: Fix) -> Fix:
        """A fix of a prose span of its own (a line with its line ending),
        moved onto the source when the source there is the same text, else
        cut back to its finding's span."""
        start, end = self.source_span(fix.start, fix.end)
        if self.source[start:end] == self.text[fix.start : fix.end]:
            return replace(fix, start=start, end=end)
        return replace(fix, start=None, end=None)


class ProseDocument(Document):
    """A markup file's prose; :meth:`position` answers in source lines and columns."""

    def __init__(self, text: str, source_map: SourceMap, source_doc: Document, **kwargs) -> None:
        super().__init__(text, **kwargs)
        self.source_map = source_map
        self.source_document = source_doc

    def position(self, offset: int):
        return self.source_document.position(self.source_map.source_start(offset))
