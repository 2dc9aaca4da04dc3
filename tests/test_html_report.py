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


def test_cli_writes_html_report_with_the_whole_text(tmp_path):
    import subprocess
    import sys

    from conftest import SEEDS

    out = tmp_path / "report.html"
    proc = subprocess.run(
        [sys.executable, "-m", "detector", "check", str(SEEDS[3]), "--report", f"html={out}", "-j", "2"],
        capture_output=True,
    )
    assert proc.returncode == 1, proc.stderr
    page = out.read_text("utf-8")
    assert "China will support Russia on security" in page  # the first line, which has no finding
    assert ">홍콩</mark>" in page


def test_invisible_and_control_characters_are_shown_in_the_page():
    from detector.finding import Fix

    from ci_helpers import result_of

    text = "pass\u200bword and \x1b[31mred\x00 \u202eevil, a\u00adb \U0001F468\u200d\U0001F469.\n"
    result = result_of(text, "a.txt", [
        ("EN005", "\u200b", "zero-width space", {"fix": Fix("", safe=True)}),
        ("EN004", "\x1b", "control character U+001B in text"),
        ("EN006", "\u202e", "bidirectional control U+202E"),
    ])
    page = get_reporter("html")([result], ReportContext(version="0"))
    body = page[page.index('<pre class="text">') + len('<pre class="text">'):page.index("</pre>")]
    assert body == (
        'pass<mark class="warning" title="EN005: zero-width space">&lt;U+200B&gt;</mark>word and '
        '<mark class="warning" title="EN004: control character U+001B in text">\u241b</mark>[31mred\u2400 '
        '<mark class="error" title="EN006: bidirectional control U+202E">&lt;U+202E&gt;</mark>evil, '
        # Outside findings a soft hyphen and an emoji's zero-width joiner are left as they are.
        'a\u00adb \U0001F468\u200d\U0001F469.\n'
    )
