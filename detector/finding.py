"""Findings: what a rule reports, with an exact span and an optional fix."""

from __future__ import annotations

from dataclasses import dataclass, field
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
    """A replacement for the finding's span.

    ``safe`` fixes are applied by ``--fix``; unsafe ones need ``--unsafe-fixes``.
    """

    replacement: str
    safe: bool = True
    description: str = ""

    def to_dict(self) -> dict:
        return {
            "replacement": self.replacement,
            "safe": self.safe,
            "description": self.description,
        }


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
    details: dict = field(default_factory=dict)

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
            "fix": self.fix.to_dict() if self.fix else None,
        }
        if self.details:
            data["details"] = self.details
        return data
