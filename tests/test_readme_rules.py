"""The README's rule table lists every registered rule."""

from conftest import ROOT
from detector.registry import all_rules


def test_every_rule_is_in_the_readme_table():
    readme = (ROOT / "README.md").read_text("utf-8")
    table = readme.split("<!-- rules-table -->", 1)[1].split("<!-- /rules-table -->", 1)[0]
    for rule in all_rules():
        assert f"| {rule.code} | {rule.name} | {rule.category} |" in table, rule.code


def test_the_table_marks_exactly_the_opt_in_rules():
    readme = (ROOT / "README.md").read_text("utf-8")
    table = readme.split("<!-- rules-table -->", 1)[1].split("<!-- /rules-table -->", 1)[0]
    rows = {line.split("|")[1].strip(): line for line in table.splitlines() if line.startswith("| ")}
    for rule in all_rules():
        assert ("**opt-in**" in rows[rule.code]) == (not rule.default_enabled), rule.code
