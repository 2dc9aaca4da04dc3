"""Every registered rule is complete: metadata, docs, unique code."""

import pytest

from detector.finding import CATEGORIES
from detector.registry import all_rules


def test_rules_are_registered_through_entry_points():
    rules = all_rules()
    assert len({r.code for r in rules}) == len(rules)
    # at least one real rule per category
    assert {r.category for r in rules} == set(CATEGORIES)


@pytest.mark.parametrize("rule", all_rules(), ids=lambda r: r.code)
def test_rule_definition(rule):
    rule.validate_definition()  # code, kebab name, category, severity, four doc sections
    instance = rule()
    for key, default in rule.options.items():
        assert getattr(instance, key) == default


def test_unknown_option_is_rejected():
    rule = next(r for r in all_rules() if r.code == "DU001")
    with pytest.raises(ValueError, match="no option"):
        rule(min_wordz=3)
    with pytest.raises(ValueError, match="expects int"):
        rule(min_words="six")


def test_a_plugin_package_can_add_rules(monkeypatch):
    """Another package registers a rule in the entry-point group; the engine
    runs it without knowing its name."""
    import types
    from importlib.metadata import EntryPoint

    from detector import registry
    from detector.config import Settings
    from detector.engine import check_text
    from detector.finding import Severity
    from detector.rule import Rule

    plugin = types.ModuleType("detector_plugin_example")

    class ShoutingLine(Rule):
        """## What it does
        Flags lines in capitals.
        ## Why it matters
        Shouting.
        ## Example
        `HELLO`
        ## How to silence it
        Ignore ZZ001.
        """

        code = "ZZ001"
        name = "shouting-line"
        category = "consistency"
        severity = Severity.INFO
        summary = "A line in capitals"

        def check(self, doc):
            for span in doc.lines:
                line = doc.text[span.start : span.end]
                if line.isupper():
                    yield self.finding(doc, span.start, span.end, "shouting")

    ShoutingLine.__module__ = plugin.__name__
    plugin.ShoutingLine = ShoutingLine
    import sys

    monkeypatch.setitem(sys.modules, plugin.__name__, plugin)
    original = registry.entry_points

    def fake_entry_points(group):
        extra = EntryPoint(name="zz-example", value=plugin.__name__, group=group)
        return [*original(group=group), extra]

    monkeypatch.setattr(registry, "entry_points", fake_entry_points)
    registry.all_rules.cache_clear()
    try:
        result = check_text("fine line\nLOUD LINE\n", Settings(select=("ZZ001",)))
        assert [(f.code, f.match) for f in result.findings] == [("ZZ001", "LOUD LINE")]
    finally:
        registry.all_rules.cache_clear()
