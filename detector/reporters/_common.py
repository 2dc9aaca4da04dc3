"""Helpers shared by the machine-readable reporters: paths as URIs, severity
orderings, UTF-8 byte columns and a stable per-finding fingerprint."""

from __future__ import annotations

import os
from pathlib import Path, PurePosixPath
from urllib.parse import quote

from detector.engine import FileResult
from detector.finding import Finding

TOOL_NAME = "detector"


def posix_path(path: str) -> str:
    """The report path with forward slashes (``docs\\a.md`` → ``docs/a.md``)."""
    return PurePosixPath(Path(path).as_posix()).as_posix() if path not in ("-", "") else path


def relative_uri(path: str) -> str:
    """A repository-relative URI reference for ``path`` (relative to the working
    directory, percent-encoded); absolute paths outside it become ``file://`` URIs."""
    if os.path.isabs(path):
        try:
            rel = os.path.relpath(path)
        except ValueError:
            rel = path
        if rel.startswith(".."):
            return Path(path).resolve().as_uri()
        path = rel
    return quote(posix_path(path), safe="/-._~")


def all_findings(results: list[FileResult]):
    """(result, finding) pairs in report order."""
    for result in results:
        for f in result.findings:
            yield result, f


def line_of(result: FileResult, line_no: int) -> str | None:
    """The text of 1-based ``line_no`` of the checked file, when it is known."""
    source = result.document
    if source is None:
        return None
    try:
        return source.line_text(line_no)
    except (IndexError, KeyError):
        return None


def utf8_column(result: FileResult, line_no: int, column: int) -> int:
    """1-based column counted in UTF-8 bytes for a 1-based code-point column."""
    line = line_of(result, line_no)
    if line is None:
        return column
    return len(line[: column - 1].encode("utf-8")) + 1


def one_line(f: Finding) -> bool:
    return f.start_pos is not None and f.end_pos is not None and f.start_pos.line == f.end_pos.line
