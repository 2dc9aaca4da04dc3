"""Check results in a compact form, for the process pool and the cache.

A :class:`FileResult` pickled as it is costs about 240 bytes and a dozen
Python-level calls per finding to write and read (slotted dataclasses, an enum
rebuilt by value, two Position and a Fix object each): with 40,000 findings in
500 news pages, reading them back in the main process took longer than
rendering the report. :func:`pack` turns a result into plain tuples and
strings, written with :mod:`marshal` (pickle when some ``details`` hold a type
marshal does not know); :func:`unpack` rebuilds equal objects, sharing equal
Position and Fix values (both are frozen) between findings and files.

>>> from detector.finding import Finding, Severity, Position
>>> f = Finding("XX001", "name", "spacing", Severity.INFO, "msg", 0, 1, "a",
...             start_pos=Position(1, 1), end_pos=Position(1, 2))
>>> unpack(pack(FileResult(path="a.txt", findings=[f]))).findings == [f]
True
"""

from __future__ import annotations

import marshal
import pickle

from detector.engine import FileResult
from detector.finding import Finding, Fix, Position, Severity
from detector.scoring import Score

#: First byte of a packed result: how the rest was written.
_MARSHAL, _PICKLE = b"M", b"P"
_SEVERITIES = {s.value: s for s in Severity}

# Equal positions and fixes are shared between findings, across files: both
# are frozen, and 500 news pages with 42,000 findings hold only 9,000
# different positions and 76 different fixes ("delete the line").
_positions: dict[tuple | None, Position | None] = {}
_fixes: dict[tuple | None, Fix | None] = {}
_MAX_SHARED = 200_000


def _forget_shared() -> None:
    _positions.clear()
    _fixes.clear()
    _positions[None] = _fixes[None] = None


_forget_shared()


class SourceLines:
    """The lines of a checked file that its findings start or end on.

    Stands in for ``FileResult.document`` where only ``line_text()`` is needed
    and the Document cannot travel (process pool, cache)."""

    __slots__ = ("lines",)

    def __init__(self, lines: dict[int, str]) -> None:
        self.lines = lines

    def line_text(self, line: int) -> str:
        return self.lines[line]

    def __getstate__(self):
        return self.lines

    def __setstate__(self, state) -> None:
        self.lines = state


def source_lines(result: FileResult) -> SourceLines | None:
    """The :class:`SourceLines` that ``result``'s reporters need."""
    doc = result.document
    if doc is None or isinstance(doc, SourceLines):
        return doc
    wanted = {p.line for f in result.findings for p in (f.start_pos, f.end_pos) if p is not None}
    lines = {}
    for n in sorted(wanted):
        try:
            lines[n] = doc.line_text(n)
        except IndexError:
            pass
    return SourceLines(lines)


def _finding_row(f: Finding) -> tuple:
    fix, sp, ep = f.fix, f.start_pos, f.end_pos
    return (
        f.code, f.name, f.category, f.severity.value, f.message, f.start, f.end, f.match, f.confidence,
        None if fix is None else fix.as_tuple(),
        None if sp is None else sp.line, None if sp is None else sp.column,
        None if ep is None else ep.line, None if ep is None else ep.column,
        f.details or None,
    )  # fmt: skip


def pack(result: FileResult) -> bytes:
    """``result`` (its Document reduced to :class:`SourceLines`) as bytes."""
    lines = source_lines(result)
    score = result.score
    state = (
        result.path,
        None if score is None else (score.value, score.band, score.breakdown, score.density),
        result.language,
        result.text_length,
        result.skipped,
        None if lines is None else lines.lines,
        [_finding_row(f) for f in result.findings],
    )
    try:
        return _MARSHAL + marshal.dumps(state)
    except ValueError:  # details holding an object marshal does not know
        return _PICKLE + pickle.dumps(state, protocol=pickle.HIGHEST_PROTOCOL)


def unpack(blob: bytes) -> FileResult:
    """The :class:`FileResult` that :func:`pack` wrote. Raises ValueError on
    bytes it did not write (and whatever marshal/pickle raise on damage)."""
    kind, body = blob[:1], blob[1:]
    if kind == _MARSHAL:
        state = marshal.loads(body)
    elif kind == _PICKLE:
        state = pickle.loads(body)
    else:
        raise ValueError("not a packed result")
    path, score, language, text_length, skipped, lines, rows = state
    if len(_positions) + len(_fixes) > _MAX_SHARED:
        _forget_shared()
    positions, fixes = _positions, _fixes
    findings = []
    append = findings.append
    severities = _SEVERITIES
    for code, name, category, severity, message, start, end, match, confidence, fix, sl, sc, el, ec, details in rows:
        shared_fix = fixes.get(fix)
        if shared_fix is None and fix is not None:
            shared_fix = fixes[fix] = Fix(*fix)
        start_key = None if sl is None else (sl, sc)
        start_pos = positions.get(start_key)
        if start_pos is None and start_key is not None:
            start_pos = positions[start_key] = Position(sl, sc)
        end_key = None if el is None else (el, ec)
        end_pos = positions.get(end_key)
        if end_pos is None and end_key is not None:
            end_pos = positions[end_key] = Position(el, ec)
        append(Finding(
            code, name, category, severities[severity], message, start, end, match, confidence, shared_fix,
            start_pos, end_pos, details if details is not None else {},
        ))  # fmt: skip
    return FileResult(
        path=path,
        findings=findings,
        score=None if score is None else Score(*score),
        language=language,
        text_length=text_length,
        skipped=skipped,
        document=None if lines is None else SourceLines(lines),
    )
