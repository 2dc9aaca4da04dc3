"""Suppression comments inside files, and the tool-level rule that reports
the ones that suppress nothing.

Markdown and HTML (any file, in fact) can silence findings with comments::

    <!-- detector-disable-file BP -->                 the whole file
    <!-- detector-disable ML001, encoding -->         from here …
    <!-- detector-enable -->                          … to here (or the end)
    <!-- detector-disable-next-line MO -- quoted on purpose -->

Codes, code prefixes, categories and rule names work (``ALL`` or no code at
all means every rule); ``-- reason`` is free text for the reader.

Suppressions work on *lines of the source file*: a finding is silenced when
the line its span starts on is covered. They are read from the file's source
text, so they work whatever the input format as long as findings carry
source line numbers. A suppression (or one of its codes) that silenced
nothing is reported as ``DT001 unused-suppression`` (info), unless the code
names a rule that is not enabled for the file.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Iterator

import regex

from detector.document import Document
from detector.finding import Finding, Position, Severity
from detector.rule import Rule
from detector.segment import line_starts

#: ``<!-- detector-KIND codes -- reason -->`` (one comment, may not nest).
_COMMENT = regex.compile(
    r"<!--\s*detector-(?P<kind>disable-next-line|disable-file|disable|enable)\b(?P<body>.*?)-->",
    flags=regex.DOTALL,
)
_SELECTOR_SPLIT = regex.compile(r"[\s,]+")
TOOL_PREFIX = "DT"


class UnusedSuppression(Rule):
    """## What it does
    Reports a ``<!-- detector-disable … -->`` comment, or one code in it, that
    silenced no finding in the file.

    ## Why it matters
    Suppressions outlive the text they were written for. One that silences
    nothing hides the next real problem at that place and misleads readers
    about what is wrong with the text.

    ## Example
    ```markdown
    <!-- detector-disable-next-line ML001 -->
    This line is plain English.
    ```
    ``DT001``: ``suppression of 'ML001' silenced nothing; remove it``.

    ## How to silence it
    Remove the comment or the code, or ``--ignore DT001`` (``ignore =
    ["DT001"]`` in the configuration) to stop checking suppressions.
    """

    code = "DT001"
    name = "unused-suppression"
    category = "consistency"
    severity = Severity.INFO
    summary = "A detector-disable comment that suppresses no finding"

    def check(self, doc: Document) -> Iterator[Finding]:
        # Produced by apply_suppressions() after every rule has run.
        return iter(())


@dataclass
class Suppression:
    kind: str  # "file", "range" or "next-line"
    selectors: tuple[str, ...]  # empty: every rule
    first_line: int
    last_line: int  # inclusive
    comment_start: int  # offsets of the comment in the source text
    comment_end: int
    reason: str = ""
    used: set[str] = field(default_factory=set)

    def covers(self, line: int) -> bool:
        return self.first_line <= line <= self.last_line


def selector_matches(selector: str, code: str, name: str, category: str) -> bool:
    s = selector.strip()
    if s.upper() == "ALL":
        return True
    if s == category or s.lower() == name:
        return True
    return code.startswith(s.upper())


def parse(source: str) -> list[Suppression]:
    """Every suppression comment in ``source``, with the lines it covers."""
    if "detector-" not in source:
        return []
    # lines as the findings count them (a lone CR ends one too)
    starts = line_starts(source)
    last_line = len(starts)
    out: list[Suppression] = []
    open_ranges: list[Suppression] = []
    for m in _COMMENT.finditer(source):
        body, _, reason = m["body"].partition("--")
        selectors = tuple(s for s in _SELECTOR_SPLIT.split(body.strip()) if s)
        line = bisect_right(starts, m.start())
        end_line = bisect_right(starts, m.end())
        kind = m["kind"]
        if kind == "enable":
            closing = [r for r in open_ranges if not selectors or set(r.selectors) & set(selectors) or not r.selectors]
            for r in closing:
                r.last_line = line
                open_ranges.remove(r)
            continue
        s = Suppression(
            kind={"disable-file": "file", "disable": "range", "disable-next-line": "next-line"}[kind],
            selectors=selectors,
            first_line=1 if kind == "disable-file" else (end_line + 1 if kind == "disable-next-line" else line),
            last_line=last_line if kind != "disable-next-line" else end_line + 1,
            comment_start=m.start(),
            comment_end=m.end(),
            reason=reason.strip(),
        )
        if kind == "disable":
            open_ranges.append(s)
        out.append(s)
    return out


def _silences(s: Suppression, f: Finding) -> bool:
    if f.code.startswith(TOOL_PREFIX) or f.start_pos is None or not s.covers(f.start_pos.line):
        return False
    if not s.selectors:
        s.used.add("")
        return True
    hit = [sel for sel in s.selectors if selector_matches(sel, f.code, f.name, f.category)]
    s.used.update(hit)
    return bool(hit)


def _unused_message(s: Suppression, selector: str, known: bool) -> str:
    what = {"file": "detector-disable-file", "range": "detector-disable", "next-line": "detector-disable-next-line"}[s.kind]
    if not selector:
        return f"{what} comment silenced no finding; remove it"
    if not known:
        return f"{what} names '{selector}', which matches no rule; check the spelling"
    return f"{what} of '{selector}' silenced no finding; remove it"


def apply_suppressions(
    findings: list[Finding],
    source: str,
    text: str,
    active_rules: list[type[Rule]] | None,
    all_rules: tuple[type[Rule], ...] = (),
) -> list[Finding]:
    """``findings`` minus those silenced by comments in ``source``, plus a
    ``DT001`` finding per unused suppression when DT001 is in ``active_rules``.

    ``text`` is the checked text (the offsets of findings index it); when it
    is the source itself, DT001 spans the comment, otherwise it is empty and
    only its line and column point at the comment in the source."""
    suppressions = parse(source)
    if not suppressions:
        return findings
    kept = [f for f in findings if not any(_silences(s, f) for s in suppressions)]
    active = active_rules if active_rules is not None else []
    if not any(r.code == UnusedSuppression.code for r in active):
        return kept
    rule = UnusedSuppression()
    starts = line_starts(source)
    for s in suppressions:
        for selector in s.selectors or ("",):
            if selector in s.used:
                continue
            if selector:
                matching = [r for r in all_rules if selector_matches(selector, r.code, r.name, r.category)]
                if matching and not any(r in active for r in matching):
                    continue  # the rule is off for this file: nothing to silence, nothing to say
            message = _unused_message(s, selector, known=bool(not selector or matching))
            kept.append(_tool_finding(rule, s, message, source, text, starts))
    kept.sort(key=Finding.sort_key)
    return kept


def _position(starts: list[int], offset: int) -> Position:
    """1-based line and column of ``offset`` in a text whose `line_starts` are ``starts``."""
    line = bisect_right(starts, offset)
    return Position(line, offset - starts[line - 1] + 1)


def _tool_finding(rule: Rule, s: Suppression, message: str, source: str, text: str,
                  starts: list[int]) -> Finding:
    same = source == text
    start, end = (s.comment_start, s.comment_end) if same else (0, 0)
    return Finding(
        code=rule.code,
        name=rule.name,
        category=rule.category,
        severity=rule.severity,
        message=message,
        start=start,
        end=end,
        match=text[start:end],
        start_pos=_position(starts, s.comment_start),
        end_pos=_position(starts, s.comment_end),
    )
