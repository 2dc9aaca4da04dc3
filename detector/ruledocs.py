"""Rule documentation for people: the rule table and ``rules explain``."""

from __future__ import annotations

import io
import json

from detector.errors import DetectorError
from detector.registry import all_rules, rule_by_code


def rule_metadata(rule) -> dict:
    return {
        "code": rule.code,
        "name": rule.name,
        "category": rule.category,
        "severity": rule.severity.value,
        "default": rule.default_enabled,
        "scope": rule.scope,
        "summary": rule.summary,
        "options": {k: v if not isinstance(v, (set, frozenset, tuple)) else list(v) for k, v in rule.options.items()},
        "documentation": rule.documentation(),
    }


def render_rule_table(fmt: str = "text", color: bool = False, width: int | None = None) -> str:
    """The rule table as JSON or text; text ``width`` columns wide (a terminal's;
    140 when not on one), the summaries wrapped to fit."""
    rules = all_rules()
    if fmt == "json":
        return json.dumps([rule_metadata(r) for r in rules], ensure_ascii=False, indent=2) + "\n"
    from rich.console import Console
    from rich.table import Table

    table = Table(box=None, pad_edge=False)
    for col in ("code", "name", "category", "severity", "summary"):
        table.add_column(col, no_wrap=col != "summary")
    for r in rules:
        name = r.name if r.default_enabled else f"{r.name} (opt-in)"
        if r.scope == "copies":
            name = f"{r.name} (--copies)"
        table.add_row(r.code, name, r.category, r.severity.value, r.summary)
    buf = io.StringIO()
    Console(file=buf, force_terminal=color, no_color=not color, width=width or 140).print(table)
    return buf.getvalue()


def _when_it_runs(rule) -> str:
    if rule.scope == "copies":
        return "runs under 'detector check --copies' (files that are copies of one story)"
    return "on by default" if rule.default_enabled else "opt-in (select it)"


def render_explanation(code: str) -> str:
    rule = rule_by_code(code)
    if rule is None:
        raise DetectorError(f"no rule {code!r}; 'detector rules' lists them")
    head = f"# {rule.name} ({rule.code})\n\n"
    meta = (
        f"Category: {rule.category} · default severity: {rule.severity.value}"
        f" · {_when_it_runs(rule)}\n"
    )
    opts = ""
    if rule.options:
        opts = "\nOptions ([rules." + rule.code + "] in the config):\n" + "".join(
            f"  {k} = {v!r}\n" for k, v in rule.options.items()
        )
    return head + rule.summary + "\n\n" + meta + opts + "\n" + rule.documentation()


def render_scoring() -> str:
    from detector.scoring import describe

    return describe()
