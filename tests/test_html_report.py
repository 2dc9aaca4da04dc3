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
    text = "Xi 말했다.\n"
    result = check_text(text, Settings(select=("ML", "BP")))
    page = get_reporter("html")([result], ReportContext(version="0"))
    assert page.count("<mark") >= 1
