"""reviewdog's Diagnostic Format (rdjson): lines 1-based, columns 1-based in
UTF-8 bytes, end exclusive; safe fixes become suggestions."""

from __future__ import annotations


from detector.engine import FileResult
from detector.reporters._common import TOOL_NAME, dumps, posix_path, utf8_column

_SEVERITY = {"error": "ERROR", "warning": "WARNING", "info": "INFO"}


def _range(result: FileResult, f) -> dict:
    return {
        "start": {"line": f.start_pos.line, "column": utf8_column(result, f.start_pos.line, f.start_pos.column)},
        "end": {"line": f.end_pos.line, "column": utf8_column(result, f.end_pos.line, f.end_pos.column)},
    }


def build(results: list[FileResult]) -> dict:
    diagnostics = []
    for result in results:
        for f in result.findings:
            diag = {
                "message": f.message,
                "location": {"path": posix_path(result.path), "range": _range(result, f)},
                "severity": _SEVERITY[f.severity.value],
                "code": {"value": f.code},
                "original_output": f"{result.path}:{f.start_pos.line}:{f.start_pos.column}: {f.code} {f.message}",
            }
            # (a suggestion replaces the finding's range: not for a fix of a span of its own)
            if f.fix is not None and f.fix.safe and f.fix.start is None:
                diag["suggestions"] = [{"range": _range(result, f), "text": f.fix.replacement}]
            diagnostics.append(diag)
    return {"source": {"name": TOOL_NAME}, "severity": "WARNING", "diagnostics": diagnostics}


def render(results: list[FileResult], ctx) -> str:
    return dumps(build(results), expanded_depth=2) + "\n"
