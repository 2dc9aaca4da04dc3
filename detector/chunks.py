"""Checking a big text in chunks, so that memory stays bounded.

The Document and the rules' per-document structures take about a hundred
bytes per character (more when the text repeats itself: every duplicate is
remembered), so a 10 MB file peaked at 1.8 GB. A decoded text longer than
``CHUNK_CHARS`` is therefore checked as consecutive chunks, each its own
:class:`ChunkDocument`, and the findings are merged into one
:class:`~detector.engine.FileResult` for the whole file:

* chunks are cut after a blank line (a paragraph boundary), else after a line
  break, never inside a line (a single line longer than a chunk is one chunk);
* every chunk is checked in the main language of the whole text (configured,
  or guessed from its start, as for an unchunked file), so chunks agree;
* offsets (``start``/``end`` and the offsets a finding carries in its
  ``details``) are shifted by the chunk's start; lines and columns are those
  of the whole text (a chunk starts at a line start, and its Document counts
  lines from the chunk's first line);
* rules about the file as a whole (its encoding, its line endings) run once,
  on the whole text, not per chunk;
* the score is computed once, over all findings and the whole text's length;
  suppression comments are applied afterwards on the merged findings (by
  :func:`detector.parallel.check_data`), as for any file.

The result carries a light Document of the whole text (its text and
decoding; lines are computed only if a reporter asks for one), which is what
``--fix`` and the HTML report need.

What chunking loses: a rule sees one chunk at a time, so nothing that spans
two chunks is found. A sentence or block repeated in two far chunks is not
reported as a duplicate (DU), a spelling that disagrees with one in another
chunk is not an inconsistency, and the start and end of each chunk look like
the start and end of a document to the rules that look there (page
furniture). Damage inside a chunk is found exactly as in the unchunked text.
Only plain text is chunked: Markdown and HTML are mapped back to their
source as a whole and are checked unchunked.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from detector.document import Decoding, Document
from detector.finding import Finding, Position, moved_details

if TYPE_CHECKING:  # pragma: no cover
    from detector.config import Settings
    from detector.engine import FileResult
    from detector.rule import Rule

#: Texts longer than this many characters are checked in chunks of at most
#: this size. A chunk's Document and the rules' structures take ~95 bytes a
#: character; beside them stay the file's bytes, its text and the findings.
#: `detector check` on 10 MB of English news peaked at 174 MB with chunks of
#: 1,000,000 characters and at 127 MB with 500,000 (unchunked: 1.79 GB): the
#: smaller size leaves room under the 200 MB budget for text outside
#: Latin-1 (2-4 bytes a character in Python) and is no slower (user CPU
#: 13.3 s against 14.9 s; unchunked 53 s: the cost of some rules grows
#: faster than the text). ~80 news articles a chunk: few repeats are that
#: far apart.
CHUNK_CHARS = 500_000

# A blank line: the end of a paragraph. Lines end at LF, CRLF or a lone CR
# (detector.segment); a cut after a CR moves past the LF of a CRLF.
_BLANK_LINES = ("\n\n", "\n\r\n", "\r\r")
_LINE_ENDS = ("\n", "\r")


def _last_cut(text: str, marks: tuple[str, ...], lo: int, hi: int) -> int:
    """The offset just after the last of ``marks`` inside ``[lo, hi)``, or -1."""
    found = [(i + len(m)) for m in marks if (i := text.rfind(m, lo, hi)) >= 0]
    return max(found, default=-1)


def chunk_spans(text: str, chunk_chars: int = CHUNK_CHARS) -> list[tuple[int, int]]:
    """Consecutive ``(start, end)`` spans that tile ``text``, each at most
    ``chunk_chars`` long unless one line is longer.

    A chunk ends after the last blank line in its second half, else after
    the last line break in it, else (one very long line) after the next line
    break or at the end of the text.

    >>> chunk_spans("one\\n\\ntwo\\nthree\\n", 8)
    [(0, 5), (5, 9), (9, 15)]
    >>> chunk_spans("one two\\nthree four\\nfive", 6)
    [(0, 8), (8, 19), (19, 23)]
    >>> chunk_spans("one\\rtwo\\r\\nthree", 7)
    [(0, 4), (4, 9), (9, 14)]
    """
    spans = []
    start, n = 0, len(text)
    while start < n:
        limit = start + chunk_chars
        if limit >= n:
            spans.append((start, n))
            break
        cut = _last_cut(text, _BLANK_LINES, start + chunk_chars // 2, limit)
        if cut <= start:
            cut = _last_cut(text, _LINE_ENDS, start, limit)
        if cut <= start:  # one line longer than a chunk: it is one chunk
            ends = [i for i in (text.find("\n", limit), text.find("\r", limit)) if i >= 0]
            cut = min(ends) + 1 if ends else n
        if text.startswith("\n", cut) and text[cut - 1] == "\r":
            cut += 1  # never between the CR and the LF of a CRLF
        spans.append((start, cut))
        start = cut
    return spans


class ChunkDocument(Document):
    """The Document of one chunk of a bigger text. Offsets index the chunk's
    own text; :meth:`position` gives the line and column in the whole text
    (the chunk starts at a line start, so only lines need shifting), and
    :meth:`line_text` takes such a line number."""

    def __init__(self, text: str, *, first_line: int, **kwargs) -> None:
        super().__init__(text, **kwargs)
        #: 0-based number of the whole text's line this chunk starts on.
        self.first_line = first_line

    def position(self, offset: int) -> Position:
        within = super().position(offset)  # counted from the chunk's first line
        return Position(self.first_line + within.line, within.column)

    def line_text(self, line: int) -> str:
        return super().line_text(line - self.first_line)


class WholeText(Document):
    """The light Document of the whole text that a chunked result carries
    (for reporters, fixes, baselines). :meth:`line_text` reads a line from
    ``line_starts`` without building the list of every line's span (40 MB
    for a 50 MB file)."""

    def line_text(self, line: int) -> str:
        text, starts = self.text, self.line_starts
        if not 1 <= line <= len(starts):
            raise IndexError(line)
        start = starts[line - 1]
        if line == len(starts):
            if start == len(text):  # a text ending in a line break has no last line
                raise IndexError(line)
            return text[start:]
        end = starts[line] - 1
        if end > start and text[end - 1] == "\r":
            end -= 1
        return text[start:end]


def _chunk_decoding(decoding: Decoding, start: int, end: int) -> Decoding:
    """The decoding facts of the chunk ``[start, end)``: its undecodable
    bytes (text offsets made chunk-relative; byte offsets stay the file's),
    the file's encoding."""
    invalid, raw = [], []
    for i, (byte_offset, text_offset) in enumerate(decoding.invalid_bytes):
        if start <= text_offset < end:
            invalid.append((byte_offset, text_offset - start))
            if i < len(decoding.invalid_raw):
                raw.append(decoding.invalid_raw[i])
    return Decoding(
        encoding=decoding.encoding,
        bom=decoding.bom and start == 0,
        invalid_bytes=invalid,
        detected=decoding.detected,
        invalid_raw=raw,
        line_endings=decoding.line_endings,
    )


def _shift(finding: Finding, delta: int) -> Finding:
    """``finding`` with its offsets (span and those in its details) moved by ``delta``."""
    finding.start += delta
    finding.end += delta
    if finding.fix is not None:
        finding.fix = finding.fix.moved(delta)  # a fix's own span, if any
    if finding.details:  # e.g. where the first copy of a repeat is (DU001)
        finding.details = moved_details(
            finding.details, delta.__add__, lambda start, end: (start + delta, end + delta)
        )
    return finding


def check_in_chunks(
    doc: Document, rules: list[Rule], settings: Settings, chunk_chars: int | None = None
) -> FileResult:
    """Check the whole-text ``doc`` as chunks of about ``chunk_chars``
    characters (default: ``CHUNK_CHARS``, read at each call) (see the module
    docstring); one result for the whole text, carrying ``doc``."""
    from detector.engine import FileResult, check_document, score_of

    text = doc.text
    language = doc.language  # the whole text's, before any chunk is checked
    doc = WholeText(text, path=doc.path, decoding=doc.decoding, language=language,
                    expected_languages=doc.expected_languages)
    # Rules about the file as a whole (``Rule.whole_file``) run once, on the whole text.
    chunk_rules = [r for r in rules if not r.whole_file]
    file_rules = [r for r in rules if r.whole_file]
    findings: list[Finding] = check_document(doc, file_rules, settings) if file_rules else []
    line = 0  # 0-based line of the whole text the next chunk starts on
    for start, end in chunk_spans(text, chunk_chars or CHUNK_CHARS):
        piece = text[start:end]
        chunk = ChunkDocument(
            piece,
            first_line=line,
            path=doc.path,
            decoding=_chunk_decoding(doc.decoding, start, end),
            language=language,
            expected_languages=doc.expected_languages,
        )
        findings.extend(_shift(f, start) for f in check_document(chunk, chunk_rules, settings))
        line += len(chunk.line_starts) - 1
        del chunk, piece  # free the chunk's structures before the next is built
    findings.sort(key=Finding.sort_key)
    return FileResult(
        path=doc.path,
        findings=findings,
        score=score_of(findings, len(text)),
        language=language if text.strip() else None,
        text_length=len(text),
        document=doc,
    )
