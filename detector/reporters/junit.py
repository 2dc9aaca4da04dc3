"""JUnit XML as ruff writes it: one ``<testsuite>`` per file, one failing
``<testcase name="org.detector.CODE">`` per finding; a single passing test
case when there is nothing to report."""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import quoteattr, escape

from detector.engine import FileResult
from detector.reporters._common import xml_safe


def render(results: list[FileResult], ctx) -> str:
    with_findings = [r for r in results if r.findings]
    total = sum(len(r.findings) for r in with_findings)
    out = ['<?xml version="1.0" encoding="UTF-8"?>']
    if not with_findings:
        out.append('<testsuites name="detector" tests="1" failures="0" errors="0">')
        out.append('    <testsuite name="detector" tests="1" disabled="0" errors="0" failures="0" package="org.detector">')
        out.append('        <testcase name="No errors found"/>')
        out.append("    </testsuite>")
        out.append("</testsuites>")
        return "\n".join(out) + "\n"
    out.append(f'<testsuites name="detector" tests="{total}" failures="{total}" errors="0">')
    for result in with_findings:
        n = len(result.findings)
        out.append(
            f'    <testsuite name={quoteattr(xml_safe(result.path))} tests="{n}" disabled="0" errors="0" '
            f'failures="{n}" package="org.detector">'
        )
        classname = str(Path(result.path).with_suffix("")) if result.path not in ("-", "") else result.path
        classname = xml_safe(classname)
        for f in result.findings:
            line, col = f.start_pos.line, f.start_pos.column
            out.append(
                f'        <testcase name="org.detector.{f.code}" classname={quoteattr(classname)} '
                f'line="{line}" column="{col}">'
            )
            message = xml_safe(f.message)
            out.append(
                f"            <failure message={quoteattr(message)}>"
                f"{escape(f'line {line}, col {col}, {message}')}</failure>"
            )
            out.append("        </testcase>")
        out.append("    </testsuite>")
    out.append("</testsuites>")
    return "\n".join(out) + "\n"
