"""Findings: what a rule reports, with an exact span and an optional fix."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import Enum


class Severity(str, Enum):
    """How bad a finding is. Ordered: ``error`` > ``warning`` > ``info``."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return _SEVERITY_RANK[self]

    @classmethod
    def parse(cls, value: str) -> "Severity":
        try:
            return cls(value.lower())
        except ValueError:
            raise ValueError(
                f"unknown severity {value!r} (expected error, warning or info)"
            ) from None


_SEVERITY_RANK = {Severity.INFO: 1, Severity.WARNING: 2, Severity.ERROR: 3}

# The fixed list of categories. Other tools read these names: extend, never rename.
CATEGORIES: tuple[str, ...] = (
    "mixed-language",
    "injected",
    "mojibake",
    "encoding",
    "boilerplate",
    "duplication",
    "spacing",
    "punctuation",
    "consistency",
)


@dataclass(frozen=True, slots=True)
class Fix:
    """A replacement for the finding's span, or for the span
    ``[start, end)`` of the text when they are given.

    ``safe`` fixes are applied by ``--fix``; unsafe ones need ``--unsafe-fixes``.
    A fix may replace more than its finding: deleting a line of boilerplate
    deletes its line ending too (the finding's span stays the line's text,
    which is what is reported and shown), so that no empty line is left.
    ``start``/``end`` index the same text as the finding's (and move with it).
    """

    replacement: str
    safe: bool = True
    description: str = ""
    #: The span the fix replaces, if not the finding's own.
    start: int | None = None
    end: int | None = None
    #: The fix rewrites bytes that did not decode (a stray Windows-1252
    #: byte read as such): the only kind of fix that may touch them, since
    #: any other would silently drop the undecodable bytes.
    replaces_undecodable: bool = False

    def to_dict(self) -> dict:
        return {
            "replacement": self.replacement,
            "safe": self.safe,
            "description": self.description,
        }

    def moved(self, delta: int) -> "Fix":
        """This fix with its own span (if any) moved by ``delta``."""
        if self.start is None:
            return self
        return replace(self, start=self.start + delta, end=self.end + delta)

    def as_tuple(self) -> tuple:
        """Plain values for packing and pickling; ``Fix(*fix.as_tuple()) == fix``."""
        return (self.replacement, self.safe, self.description, self.start, self.end,
                self.replaces_undecodable)


@dataclass(frozen=True, slots=True)
class Position:
    """A 1-based line and a 1-based column counted in Unicode code points."""

    line: int
    column: int

    def to_dict(self) -> dict:
        return {"line": self.line, "column": self.column}


@dataclass(slots=True)
class Finding:
    """One problem in one file.

    ``start``/``end`` index the decoded text as a Python ``str`` (end exclusive),
    so ``text[start:end] == match`` always holds.
    """

    code: str
    name: str
    category: str
    severity: Severity
    message: str
    start: int
    end: int
    match: str
    confidence: float = 1.0
    fix: Fix | None = None
    start_pos: Position | None = None
    end_pos: Position | None = None
    # Free-form, JSON-serialisable extras a rule wants to pass on (e.g. the
    # detected language, or the offset of the first copy of a duplicate).
    # Text offsets in them take one of two shapes, which whatever moves a
    # finding (chunks, Markdown/HTML source maps) moves too: a dict with an
    # int "offset" (and perhaps "line"/"column"), or a "<name>_span" key
    # holding [start, end] (see moved_details).
    details: dict = field(default_factory=dict)

    @property
    def fix_span(self) -> tuple[int, int]:
        """``(start, end)`` of the text the fix replaces: its own span, or
        the finding's."""
        fix = self.fix
        if fix is None or fix.start is None:
            return self.start, self.end
        return fix.start, fix.end

    def sort_key(self) -> tuple:
        return (self.start, self.end, self.code)

    def to_dict(self) -> dict:
        data = {
            "code": self.code,
            "name": self.name,
            "category": self.category,
            "severity": self.severity.value,
            "message": self.message,
            "offset": {"start": self.start, "end": self.end},
            "start": self.start_pos.to_dict() if self.start_pos else None,
            "end": self.end_pos.to_dict() if self.end_pos else None,
            "match": self.match,
            "confidence": round(self.confidence, 3),
            "fix": self._fix_dict(),
        }
        if self.details:
            data["details"] = self.details
        return data

    def _fix_dict(self) -> dict | None:
        if self.fix is None:
            return None
        data = self.fix.to_dict()
        # the span the fix replaces (added to schema version 1: the finding's
        # offset, or more, e.g. a deleted line with its line ending)
        start, end = self.fix_span
        data["offset"] = {"start": start, "end": end}
        return data


def moved_details(value, move_offset, move_span, position=None):
    """``value`` (a finding's details, or a part of them) with its text
    offsets moved: the int ``"offset"`` of a dict by ``move_offset(offset)``
    (and its ``"line"``/``"column"``, if it has them, from ``position(new
    offset)`` when that is given), the ``[start, end]`` of a
    ``"<name>_span"`` key by ``move_span(start, end)``; the rest as it is.

    >>> moved_details({"first": {"offset": 4, "line": 1}, "first_span": [4, 9], "n": 2},
    ...               (10).__add__, lambda s, e: (s + 10, e + 10))
    {'first': {'offset': 14, 'line': 1}, 'first_span': [14, 19], 'n': 2}
    """
    if isinstance(value, dict):
        out = {}
        for key, item in value.items():
            if key.endswith("_span") and isinstance(item, list) and len(item) == 2 and all(map(_is_int, item)):
                out[key] = list(move_span(*item))
            elif key == "offset" and _is_int(item):
                out[key] = move_offset(item)
            else:
                out[key] = moved_details(item, move_offset, move_span, position)
        if position is not None and _is_int(value.get("offset")):
            pos = position(out["offset"])
            if "line" in out:
                out["line"] = pos.line
            if "column" in out:
                out["column"] = pos.column
        return out
    if isinstance(value, list):
        return [moved_details(v, move_offset, move_span, position) for v in value]
    return value


def _is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)
