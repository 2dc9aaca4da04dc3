"""Hand-built check results for the reporter, baseline and suppression tests:
findings with spans chosen (and checked) by hand, not copied from a run."""

from __future__ import annotations

from detector.document import Document
from detector.engine import FileResult
from detector.finding import Finding, Fix, Severity
from detector.registry import rule_by_code
from detector.scoring import score


def finding(doc: Document, code: str, match: str, message: str, *, occurrence: int = 1,
            severity: Severity | None = None, fix: Fix | None = None) -> Finding:
    """A finding of rule ``code`` on the ``occurrence``-th copy of ``match`` in ``doc``."""
    start = -1
    for _ in range(occurrence):
        start = doc.text.index(match, start + 1)
    rule = rule_by_code(code)
    f = Finding(code=code, name=rule.name, category=rule.category,
                severity=severity or rule.severity, message=message,
                start=start, end=start + len(match), match=match, fix=fix)
    f.start_pos, f.end_pos = doc.position(f.start), doc.position(f.end)
    return f


def result_of(text: str, path: str, specs: list[tuple]) -> FileResult:
    """A FileResult for ``text`` with findings ``(code, match, message[, options])``."""
    doc = Document(text, path=path, language="en")
    findings = [finding(doc, *spec[:3], **(spec[3] if len(spec) > 3 else {})) for spec in specs]
    findings.sort(key=Finding.sort_key)
    return FileResult(path=path, findings=findings, score=score(findings, len(text)),
                      language="en", text_length=len(text), document=doc)
