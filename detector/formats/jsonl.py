"""JSONL corpora: every record's text field is checked as a document.

``detector check data.jsonl --text-field text [--id-field id]``. The file is
read one line at a time and nothing of a record is kept once it is checked,
unless it has findings, so memory does not grow with the file's size:

- a record with findings becomes its own result, named ``data.jsonl:LINE``
  (or ``data.jsonl:ID`` with ``--id-field``); its offsets, lines and columns
  index the record's text. Only the source lines its findings point at are
  kept, for the report's snippets, and the result waits for the report
  packed (:class:`PackedResult`): memory grows with the number of findings
  (a few hundred bytes each), not with the size of the file;
- the clean records are summed into one result named after the file;
- a broken line (not JSON, not an object, no string in the text field) is
  reported on standard error and as a skipped result, and the run goes on.
  After :data:`MAX_REPORTED_SKIPS` of them a file reports only their count.
"""

from __future__ import annotations

import json
import pickle
import zlib
from typing import BinaryIO, Callable, Iterable, Iterator

from detector.config import Settings
from detector.document import Document
from detector.engine import FileResult, build_rules, check_document
from detector.finding import Finding, Fix, Position, Severity
from detector.scoring import Score, score

MAX_REPORTED_SKIPS = 100
_UTF8_BOM = b"\xef\xbb\xbf"
_JSON_TYPE = {list: "array", str: "string", int: "number", float: "number", bool: "boolean", type(None): "null"}


class SnippetLines:
    """The parts of a record's lines that its findings point at (for snippets).

    Stands in for the record's :class:`Document` in its result; the text
    reporter asks it for ``line_text(line)`` only. A record's line can be a
    whole article paragraph, so only a window around the findings is kept
    (what the report shows of a long line anyway); the part before the
    window is given back as spaces, so columns stay right.
    """

    #: Characters kept before the first and after the last finding on a line.
    MARGIN = 100

    def __init__(self, doc: Document, findings: Iterable) -> None:
        self.path = doc.path
        windows: dict[int, tuple[int, int]] = {}
        for f in findings:
            line = f.start_pos.line
            lo = f.start_pos.column - 1
            hi = f.end_pos.column - 1 if f.end_pos.line == line else lo + 1
            old = windows.get(line)
            windows[line] = (min(lo, old[0]), max(hi, old[1])) if old else (lo, hi)
        self._lines: dict[int, tuple[int, str]] = {}
        for line, (lo, hi) in windows.items():
            text = doc.line_text(line)
            start = max(0, lo - self.MARGIN)
            self._lines[line] = (start, text[start : hi + self.MARGIN])

    @classmethod
    def restore(cls, path: str, lines: dict[int, tuple[int, str]]) -> "SnippetLines":
        snippet = cls.__new__(cls)
        snippet.path, snippet._lines = path, lines
        return snippet

    def line_text(self, line: int) -> str:
        start, text = self._lines.get(line, (0, ""))
        return " " * start + text


def _finding_fields(f: Finding) -> tuple:
    """A finding as plain values (pickled as a tuple, without field names)."""
    fix = f.fix
    return (
        f.code, f.name, f.category, f.severity.value, f.message, f.start, f.end, f.match,
        f.confidence, fix.as_tuple() if fix else None,
        (f.start_pos.line, f.start_pos.column), (f.end_pos.line, f.end_pos.column),
        f.details or None,
    )


def _finding_from(fields: tuple) -> Finding:
    (code, name, category, severity, message, start, end, match,
     confidence, fix, start_pos, end_pos, details) = fields
    return Finding(
        code, name, category, Severity(severity), message, start, end, match,
        confidence=confidence, fix=Fix(*fix) if fix else None,
        start_pos=Position(*start_pos), end_pos=Position(*end_pos), details=details or {},
    )


class PackedResult(FileResult):
    """A damaged record's result, kept pickled and compressed until read.

    A large corpus can have many damaged records, and their results wait in
    memory for the report. Packed, one takes about a third of the room;
    ``findings``, ``score`` and ``document`` are unpacked afresh on each
    read (assigning them replaces the packed value), the other fields are
    plain attributes.
    """

    def __init__(self, result: FileResult) -> None:  # noqa: D107 - no dataclass init on purpose
        self.path = result.path
        self.language = result.language
        self.text_length = result.text_length
        self.skipped = result.skipped
        score = result.score
        packed = (
            [_finding_fields(f) for f in result.findings],
            (score.value, score.band, score.breakdown, score.density) if score else None,
            (result.document.path, result.document._lines) if result.document else None,
        )
        self._packed = zlib.compress(pickle.dumps(packed, protocol=pickle.HIGHEST_PROTOCOL), 1)

    def _unpacked(self, index: int):
        findings, score, document = pickle.loads(zlib.decompress(self._packed))
        if index == 0:
            return [_finding_from(fields) for fields in findings]
        if index == 1:
            return Score(*score) if score else None
        return SnippetLines.restore(*document) if document else None

    def _field(index: int, name: str):  # noqa: N805 - builds the properties below
        def get(self):
            own = self.__dict__
            return own[name] if name in own else self._unpacked(index)

        def put(self, value) -> None:
            self.__dict__[name] = value

        return property(get, put)

    findings = _field(0, "_findings")
    score = _field(1, "_score")
    document = _field(2, "_document")
    del _field


def _json_problem(exc: ValueError) -> str:
    """'broken JSON (Expecting value at column 1)' from json's error."""
    if isinstance(exc, json.JSONDecodeError):
        return f"broken JSON ({exc.msg.removesuffix(' at')} at column {exc.colno})"
    return f"broken JSON ({exc})"


def _record_name(shown: str, line_no: int, record: dict, id_field: str | None) -> str:
    if id_field:
        value = record.get(id_field)
        if isinstance(value, (str, int, float)) and not isinstance(value, bool) and str(value).strip():
            return f"{shown}:{value}"
    return f"{shown}:{line_no}"


def check_jsonl(
    stream: BinaryIO,
    shown: str,
    settings: Settings,
    text_field: str = "text",
    id_field: str | None = None,
    warn: Callable[[str], None] = lambda message: None,
) -> Iterator[FileResult]:
    """Results for the records of a JSONL stream, as they are checked."""
    rules = build_rules(settings, shown)
    clean_records = 0
    clean_chars = 0
    skipped = 0
    damaged = 0

    def skip(line_no: int, why: str) -> FileResult | None:
        nonlocal skipped
        skipped += 1
        if skipped > MAX_REPORTED_SKIPS:
            return None
        message = f"{shown}:{line_no}: skipped, {why}"
        warn(message)
        return FileResult(path=f"{shown}:{line_no}", skipped=message)

    for line_no, raw in enumerate(stream, 1):
        if line_no == 1 and raw.startswith(_UTF8_BOM):
            raw = raw[len(_UTF8_BOM) :]
        if not raw.strip():
            continue
        try:
            record = json.loads(raw.decode("utf-8").rstrip("\r\n"))
        except UnicodeDecodeError as exc:
            problem = skip(line_no, f"not UTF-8 ({exc.reason} at byte {exc.start})")
        except ValueError as exc:
            problem = skip(line_no, _json_problem(exc))
        else:
            if not isinstance(record, dict):
                problem = skip(line_no, f"the record is a JSON {_JSON_TYPE.get(type(record), 'value')}, not an object")
            elif not isinstance(record.get(text_field), str):
                what = "no field" if text_field not in record else "no string in field"
                problem = skip(line_no, f"{what} {text_field!r} (see --text-field)")
            else:
                problem = None
                text = record[text_field]
                doc = Document(
                    text,
                    path=_record_name(shown, line_no, record, id_field),
                    language=settings.language,
                    expected_languages=frozenset(settings.languages),
                )
                findings = check_document(doc, rules, settings)
                if not findings:
                    clean_records += 1
                    clean_chars += len(text)
                    continue
                damaged += 1
                yield PackedResult(
                    FileResult(
                        path=doc.path,
                        findings=findings,
                        score=score(findings, len(text)),
                        language=doc.language if text.strip() else None,
                        text_length=len(text),
                        document=SnippetLines(doc, findings),  # type: ignore[arg-type]
                    )
                )
                continue
        if problem is not None:
            yield problem
    if skipped > MAX_REPORTED_SKIPS:
        warn(f"{shown}: {skipped - MAX_REPORTED_SKIPS} more broken records skipped")
    if clean_records or not (damaged or skipped):
        yield FileResult(
            path=shown,
            findings=[],
            score=score([], clean_chars),
            language=None,
            text_length=clean_chars,
        )


def open_stream(path) -> BinaryIO:
    """``path`` opened for reading line by line, or a one-line DetectorError."""
    from detector.errors import DetectorError

    try:
        return open(path, "rb", buffering=1 << 20)
    except FileNotFoundError:
        raise DetectorError(f"{path}: no such file or directory") from None
    except IsADirectoryError:
        raise DetectorError(f"{path}: is a directory") from None
    except OSError as exc:
        raise DetectorError(f"{path}: cannot read: {exc.strerror or exc}") from None
