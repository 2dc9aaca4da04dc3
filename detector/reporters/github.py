"""GitHub Actions workflow commands: one annotation per finding, errors first.

``::error file=a.md,line=3,endLine=3,col=5,endColumn=8,title=ML001 (name)::message``

Escaping follows GitHub's runner: in the message ``%``, CR and LF become
``%25``, ``%0D`` and ``%0A``; in properties ``:`` and ``,`` also become
``%3A`` and ``%2C``. Columns are given only when the span is on one line
(GitHub ignores them otherwise).
"""

from __future__ import annotations

from detector.engine import FileResult
from detector.reporters._common import all_findings, one_line, posix_path

_COMMAND = {"error": "error", "warning": "warning", "info": "notice"}
_RANK = {"error": 0, "warning": 1, "info": 2}


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def annotation(result: FileResult, f) -> str:
    props = [("file", posix_path(result.path)), ("line", str(f.start_pos.line)), ("endLine", str(f.end_pos.line))]
    if one_line(f):
        props += [("col", str(f.start_pos.column)), ("endColumn", str(f.end_pos.column))]
    props.append(("title", f"{f.code} ({f.name})"))
    joined = ",".join(f"{k}={escape_property(v)}" for k, v in props)
    return f"::{_COMMAND[f.severity.value]} {joined}::{escape_data(f.message)}"


def render(results: list[FileResult], ctx) -> str:
    pairs = sorted(all_findings(results), key=lambda rf: _RANK[rf[1].severity.value])  # stable
    return "".join(annotation(r, f) + "\n" for r, f in pairs)
