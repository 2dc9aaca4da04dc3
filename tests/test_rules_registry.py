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
