"""The engine's loop over the rules: configured severities, rule bugs, and the
rule instances it reuses between files."""

from __future__ import annotations

import pytest

from detector.config import Settings
from detector.engine import build_rules, check_text
from detector.errors import DetectorError
from detector.finding import Severity
from detector.rules.boilerplate import BoilerplateLine

TEXT = (
    "The minister said talks would resume in Geneva next week (after a pause, officials said on Monday.\n"
    "Please enter your comment!\n"
)
COMMENT_BOX = TEXT.index("Please")
OPEN_BRACKET = TEXT.index("(")


def _found(settings: Settings) -> list[tuple[str, int, int, str]]:
    return [(f.code, f.start, f.end, f.severity.value) for f in check_text(TEXT, settings).findings]


def test_findings_of_the_default_severities():
    assert _found(Settings(select=("BP001", "PU003"))) == [
        ("PU003", OPEN_BRACKET, OPEN_BRACKET + 1, "warning"),
        ("BP001", COMMENT_BOX, COMMENT_BOX + len("Please enter your comment!"), "warning"),
    ]


def test_a_configured_severity_applies_to_that_rule_only():
    settings = Settings(select=("BP001", "PU003"), rules=(("BP001", (("severity", "info"),)),))
    assert _found(settings) == [
        ("PU003", OPEN_BRACKET, OPEN_BRACKET + 1, "warning"),
        ("BP001", COMMENT_BOX, COMMENT_BOX + len("Please enter your comment!"), "info"),
    ]
    # the class keeps its own severity: other settings are not touched
    assert BoilerplateLine.severity is Severity.WARNING
    assert _found(Settings(select=("BP001",))) == [
        ("BP001", COMMENT_BOX, COMMENT_BOX + len("Please enter your comment!"), "warning")
    ]


def test_a_rule_bug_is_one_error_that_names_the_rule(monkeypatch):
    def broken(self, doc):
        yield from ()
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(BoilerplateLine, "check", broken)
    with pytest.raises(DetectorError) as caught:
        check_text(TEXT, Settings(select=("PU003", "BP001")), path="news.txt")
    assert str(caught.value) == (
        "news.txt: internal error in rule BP001 (boilerplate-line): ZeroDivisionError: division by zero"
    )


def test_rule_instances_are_reused_for_the_same_settings_only():
    settings = Settings(select=("BP", "PU001"))
    first, again = build_rules(settings), build_rules(settings)
    assert [r.code for r in first] == ["BP001", "BP002", "BP003", "PU001"]
    assert first == again and first is not again  # the same instances, in a list of its own
    again.clear()  # a caller may change its list
    assert [r.code for r in build_rules(settings)] == ["BP001", "BP002", "BP003", "PU001"]
    assert [r.code for r in build_rules(Settings(select=("PU001",)))] == ["PU001"]
    assert build_rules(settings) == first


def test_per_file_ignores_still_apply_to_the_same_settings(tmp_path):
    settings = Settings(select=("BP", "PU001"), per_file_ignores=(("archive/*", ("BP",)),), root=tmp_path)
    assert [r.code for r in build_rules(settings, str(tmp_path / "news.txt"))] == ["BP001", "BP002", "BP003", "PU001"]
    assert [r.code for r in build_rules(settings, str(tmp_path / "archive" / "old.txt"))] == ["PU001"]
    assert [r.code for r in build_rules(settings, str(tmp_path / "news.txt"))] == ["BP001", "BP002", "BP003", "PU001"]
