"""The HTML report for editors: findings highlighted in place, text escaped."""

from detector.config import Settings
from detector.engine import check_text
from detector.reporters import ReportContext, get_reporter


def test_html_report_highlights_and_escapes():
    result = check_text("<b>Xi</b> 말했다 today.\n", Settings(select=("ML001",)))
    page = get_reporter("html")([result], ReportContext(version="0"))
    assert page.startswith("<!DOCTYPE html>")
    assert "&lt;b&gt;Xi&lt;/b&gt;" in page and "<b>Xi</b>" not in page
    assert '<mark class="error" title="ML001: Korean text &#x27;말했다&#x27; inside an English sentence' in page
    assert ">말했다</mark>" in page


def test_overlapping_findings_split_into_segments():
    from detector.document import Document
    from detector.engine import FileResult
    from detector.finding import Finding, Severity
    from detector.scoring import score

    doc = Document("abcdef")
    outer = Finding("AA001", "a", "spacing", Severity.INFO, "outer", 0, 6, "abcdef")
    inner = Finding("BB001", "b", "spacing", Severity.ERROR, "inner", 2, 4, "cd")
    for f in (outer, inner):
        f.start_pos, f.end_pos = doc.position(f.start), doc.position(f.end)
    result = FileResult("x.txt", [outer, inner], score([outer, inner], 6), "en", 6, document=doc)
    page = get_reporter("html")([result], ReportContext(version="0"))
    assert '<mark class="info" title="AA001: outer">ab</mark>' in page
    assert '<mark class="error" title="AA001: outer · BB001: inner">cd</mark>' in page
    assert '<mark class="info" title="AA001: outer">ef</mark>' in page
