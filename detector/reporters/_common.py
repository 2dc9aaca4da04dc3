"""Helpers shared by the machine-readable reporters: paths as URIs, severity
orderings, UTF-8 byte columns, a stable per-finding fingerprint and a fast
readable JSON writer."""

from __future__ import annotations

import json
import os
import re
from functools import lru_cache
from pathlib import Path, PurePosixPath
from urllib.parse import quote

from detector.engine import FileResult
from detector.finding import Finding

TOOL_NAME = "detector"


def dumps(value, expanded_depth: int = 4, _level: int = 0) -> str:
    """``value`` as JSON, indented by two spaces down to ``expanded_depth``
    levels of nesting, and each deeper value on one line.

    ``json.dumps(indent=2)`` writes through the pure-Python encoder, which
    took 6.5 s for the SARIF report of 42,000 findings; only compact output
    goes through the C encoder. With the default depth, each finding (or
    SARIF result) of a report is one line: readable, and 10–30× faster.

    >>> print(dumps({"files": [{"path": "a.txt", "findings": [{"code": "X1", "span": [1, 2]}]}]}))
    {
      "files": [
        {
          "path": "a.txt",
          "findings": [
            {"code": "X1", "span": [1, 2]}
          ]
        }
      ]
    }
    >>> json.loads(dumps({"a": [], "b": {}, "c": "é"})) == {"a": [], "b": {}, "c": "é"}
    True
    """
    if _level >= expanded_depth or not isinstance(value, (dict, list)) or not value:
        return json.dumps(value, ensure_ascii=False)
    pad, inner = "  " * _level, "  " * (_level + 1)
    if isinstance(value, dict):
        items = [f"{inner}{json.dumps(str(k), ensure_ascii=False)}: {dumps(v, expanded_depth, _level + 1)}"
                 for k, v in value.items()]
        return "{\n" + ",\n".join(items) + f"\n{pad}}}"
    items = [inner + dumps(v, expanded_depth, _level + 1) for v in value]
    return "[\n" + ",\n".join(items) + f"\n{pad}]"


@lru_cache(maxsize=4096)  # asked once per finding; a pure function of the string
def posix_path(path: str) -> str:
    """The report path with forward slashes (``docs\\a.md`` → ``docs/a.md``)."""
    return PurePosixPath(Path(path).as_posix()).as_posix() if path not in ("-", "") else path


def relative_uri(path: str) -> str:
    """A repository-relative URI reference for ``path`` (relative to the working
    directory, percent-encoded); paths outside it (``/tmp/a.txt``,
    ``../other/a.txt``) become absolute ``file://`` URIs."""
    if path in ("-", ""):
        return quote(path)
    try:
        rel = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        rel = os.pardir
    if rel == os.pardir or rel.startswith(os.pardir + os.sep):
        return Path(path).resolve().as_uri()
    return quote(posix_path(rel if os.path.isabs(path) else path), safe="/-._~")


def is_absolute_uri(uri: str) -> bool:
    """True for ``file:///…``; SARIF gives such URIs no ``uriBaseId``."""
    return uri.startswith("file:")


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


# Characters that XML 1.0 cannot hold, not even as a character reference: the
# C0 controls other than tab, LF and CR, lone surrogates, U+FFFE and U+FFFF.
# One of them in a file name or a message made the whole JUnit or Checkstyle
# report unreadable to CI ("not well-formed").
_NOT_XML_CHAR = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_safe(text: str) -> str:
    r"""``text`` with each character XML cannot hold written as ``\xNN`` (as in Python).

    >>> xml_safe("a\x1b[31mb \x0b ok\tfine")
    'a\\x1b[31mb \\x0b ok\tfine'
    """
    return _NOT_XML_CHAR.sub(lambda m: ascii(m.group())[1:-1], text)


def one_line(f: Finding) -> bool:
    return f.start_pos is not None and f.end_pos is not None and f.start_pos.line == f.end_pos.line
