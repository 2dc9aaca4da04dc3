"""Finding rules: every rule family registers through the entry-point group
``detector.rules``. The engine knows no rule by name.

An entry point names a module (all :class:`~detector.rule.Rule` subclasses
with a code defined in it are taken, or its ``RULES`` list if it has one), a
Rule class, or a list of Rule classes. Another package adds rules by
declaring its own entry point in the group.
"""

from __future__ import annotations

import inspect
from functools import lru_cache
from importlib.metadata import entry_points
from types import ModuleType

from detector.errors import DetectorError
from detector.rule import Rule, RuleDefinitionError

ENTRY_POINT_GROUP = "detector.rules"


def _rules_of(obj: object) -> list[type[Rule]]:
    if isinstance(obj, ModuleType):
        if hasattr(obj, "RULES"):
            return list(obj.RULES)
        return [
            value
            for value in vars(obj).values()
            if inspect.isclass(value)
            and issubclass(value, Rule)
            and value.__module__ == obj.__name__
            and "code" in vars(value)
        ]
    if inspect.isclass(obj) and issubclass(obj, Rule):
        return [obj]
    if isinstance(obj, (list, tuple)):
        return [r for item in obj for r in _rules_of(item)]
    raise DetectorError(f"entry point in {ENTRY_POINT_GROUP!r} gave {obj!r}, not rules")


@lru_cache(maxsize=1)
def all_rules() -> tuple[type[Rule], ...]:
    """Every registered rule class, sorted by code. Codes are unique."""
    found: dict[str, type[Rule]] = {}
    for ep in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
        try:
            loaded = ep.load()
        except Exception as exc:  # a broken plug-in must not be a traceback
            raise DetectorError(
                f"cannot load rules from entry point {ep.name!r} ({ep.value}): {exc}"
            ) from None
        for rule in _rules_of(loaded):
            try:
                rule.validate_definition()
            except RuleDefinitionError as exc:
                raise DetectorError(str(exc)) from None
            other = found.get(rule.code)
            if other is not None and other is not rule:
                raise DetectorError(
                    f"rule code {rule.code} is defined twice: "
                    f"{other.__module__}.{other.__name__} and {rule.__module__}.{rule.__name__}"
                )
            found[rule.code] = rule
    return tuple(found[code] for code in sorted(found))


def rule_by_code(code: str) -> type[Rule] | None:
    code = code.strip()
    for rule in all_rules():
        if rule.code == code.upper() or rule.name == code.lower():
            return rule
    return None
