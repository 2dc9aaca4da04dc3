"""The `github` format: workflow commands in GitHub's exact syntax and escaping."""

from __future__ import annotations

from ci_helpers import result_of

from detector.finding import Severity
from detector.registry import rule_by_code
from detector.reporters import ReportContext, get_reporter
from detector.reporters.github import escape_data, escape_property

CTX = ReportContext(version="0")


def render(results):
    return get_reporter("github")(results, CTX)


def test_escaping_follows_the_runner():
    assert escape_data("100% a:b,c\r\nd") == "100%25 a:b,c%0D%0Ad"
    assert escape_property("100% a:b,c\r\nd") == "100%25 a%3Ab%2Cc%0D%0Ad"


def test_korean_span_with_commas_colons_and_percent_signs():
    text = "첫 줄입니다.\nShe said 말했다, 100% sure: yes.\n"
    # Line 2: "She said " is 9 code points, so '말' is column 10; '말했다,' is
    # 4 code points, so the end (exclusive) is column 14.
    result = result_of(text, "docs/a,b:c.md", [
        ("ML001", "말했다,", "Korean text '말했다,' 100% sure: a,b\nnext"),
    ])
    assert render([result]) == (
        "::error file=docs/a%2Cb%3Ac.md,line=2,endLine=2,col=10,endColumn=14,"
        f"title=ML001 ({rule_by_code('ML001').name})"
        "::Korean text '말했다,' 100%25 sure: a,b%0Anext\n"
    )


def test_multi_line_span_has_no_columns():
    text = "one line here\nand the next one\n"
    result = result_of(text, "a.txt", [("DU001", "here\nand", "repeated")])
    line = render([result])
    assert line.startswith("::")
    assert "line=1,endLine=2,title=" in line
    assert "col=" not in line and "endColumn=" not in line


def test_errors_first_then_warnings_then_notices():
    text = "alpha beta gamma delta\n"
    result = result_of(text, "a.txt", [
        ("SP001", "alpha", "a warning", {"severity": Severity.WARNING}),
        ("ML001", "beta", "an error", {"severity": Severity.ERROR}),
        ("CO001", "gamma", "an info", {"severity": Severity.INFO}),
        ("ML001", "delta", "another error", {"severity": Severity.ERROR}),
    ])
    commands = [line.split(" ", 1)[0] + " " + line.rsplit("::", 1)[1] for line in render([result]).splitlines()]
    assert commands == ["::error an error", "::error another error", "::warning a warning", "::notice an info"]


def test_no_findings_prints_nothing():
    assert render([result_of("clean text\n", "a.txt", [])]) == ""
