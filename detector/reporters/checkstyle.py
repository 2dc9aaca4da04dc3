"""Checkstyle XML (version 4.3), the format Jenkins' warnings plug-in, Danger
and reviewdog read: ``<file name>`` with one ``<error line column severity
message source>`` per finding."""

from __future__ import annotations

from xml.sax.saxutils import quoteattr

from detector.engine import FileResult
from detector.reporters._common import xml_safe

_SEVERITY = {"error": "error", "warning": "warning", "info": "info"}


def render(results: list[FileResult], ctx) -> str:
    out = ['<?xml version="1.0" encoding="UTF-8"?>', '<checkstyle version="4.3">']
    for result in results:
        if not result.findings:
            continue
        out.append(f"  <file name={quoteattr(xml_safe(result.path))}>")
        for f in result.findings:
            out.append(
                f'    <error line="{f.start_pos.line}" column="{f.start_pos.column}" '
                f'severity="{_SEVERITY[f.severity.value]}" message={quoteattr(xml_safe(f"{f.code} {f.message}"))} '
                f'source="detector.{f.code}"/>'
            )
        out.append("  </file>")
    out.append("</checkstyle>")
    return "\n".join(out) + "\n"
