"""The rule interface: metadata, documentation, options and ``check(document)``.

A rule is a small class::

    class ReplacementCharacter(Rule):
        '''## What it does
        ...'''
        code = "EN001"
        name = "replacement-character"
        category = "encoding"
        severity = Severity.ERROR
        summary = "U+FFFD replacement character: bytes were lost in decoding"

        def check(self, doc):
            for m in REPLACEMENT.finditer(doc.text):
                yield self.finding(doc, m.start(), m.end(), "…")

Thresholds are named options with defaults (``options = {"min_letters": 2}``);
each becomes an attribute of the instance and can be set per rule in the
configuration (``[tool.detector.rules.EN001]``).
"""

from __future__ import annotations

import inspect
import re
from typing import TYPE_CHECKING, ClassVar, Iterator

from detector.finding import CATEGORIES, Finding, Fix, Severity

if TYPE_CHECKING:
    from detector.copies import Copies
    from detector.document import Document

_CODE = re.compile(r"^[A-Z]{2,4}[0-9]{3}$")
_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DOC_SECTIONS = ("What it does", "Why it matters", "Example", "How to silence it")


class RuleDefinitionError(TypeError):
    """A rule class is missing metadata or documentation."""


class Rule:
    code: ClassVar[str]
    name: ClassVar[str]
    category: ClassVar[str]
    severity: ClassVar[Severity]
    summary: ClassVar[str]
    #: Named thresholds with their defaults; overridable per rule in the config.
    options: ClassVar[dict[str, object]] = {}
    #: Rules that are too slow or too noisy for everyone are opt-in.
    default_enabled: ClassVar[bool] = True
    #: ``"document"``: ``check(doc)`` runs on every file. ``"copies"``:
    #: ``check_copies(copies, index)`` runs only under ``detector check
    #: --copies``, over files that are copies of one story.
    scope: ClassVar[str] = "document"
    #: The rule judges the file as a whole (its encoding, BOM, line endings)
    #: rather than places in its text: a big text checked in chunks
    #: (detector/chunks.py) runs it once, on the whole text.
    whole_file: ClassVar[bool] = False

    def __init__(self, **overrides: object) -> None:
        for key, default in self.options.items():
            setattr(self, key, default)
        for key, value in overrides.items():
            if key not in self.options:
                known = ", ".join(sorted(self.options)) or "none"
                raise ValueError(
                    f"rule {self.code} has no option {key!r} (options: {known})"
                )
            default = self.options[key]
            if default is not None and not _same_kind(default, value):
                raise ValueError(
                    f"rule {self.code} option {key!r} expects "
                    f"{type(default).__name__}, got {value!r}"
                )
            setattr(self, key, value)

    # -- what a rule implements ------------------------------------------------
    def check(self, doc: "Document") -> Iterator[Finding]:  # pragma: no cover
        raise NotImplementedError

    def check_copies(self, copies: "Copies", index: int) -> Iterator[Finding]:  # pragma: no cover
        """Findings for copy ``index`` of ``copies`` (rules of scope ``copies``)."""
        raise NotImplementedError

    # -- helpers for rule authors ---------------------------------------------
    def finding(
        self,
        doc: "Document",
        start: int,
        end: int,
        message: str,
        *,
        confidence: float = 1.0,
        fix: Fix | None = None,
        severity: Severity | None = None,
        category: str | None = None,
        details: dict | None = None,
    ) -> Finding:
        """Build a finding for ``doc.text[start:end]`` with this rule's metadata."""
        if not 0 <= start <= end <= len(doc.text):
            raise ValueError(f"{self.code}: span {start}:{end} outside the text")
        return Finding(
            code=self.code,
            name=self.name,
            category=category or self.category,
            severity=severity or self.severity,
            message=message,
            start=start,
            end=end,
            match=doc.text[start:end],
            confidence=max(0.0, min(1.0, confidence)),
            fix=fix,
            details=details or {},
        )

    # -- documentation --------------------------------------------------------
    @classmethod
    def documentation(cls) -> str:
        return inspect.cleandoc(cls.__doc__ or "")

    @classmethod
    def validate_definition(cls) -> None:
        """Raise :class:`RuleDefinitionError` if metadata or docs are incomplete."""
        where = f"{cls.__module__}.{cls.__qualname__}"
        for attr in ("code", "name", "category", "severity", "summary"):
            if not getattr(cls, attr, None):
                raise RuleDefinitionError(f"{where} has no {attr}")
        if not _CODE.match(cls.code):
            raise RuleDefinitionError(f"{where}: bad code {cls.code!r}")
        if not _NAME.match(cls.name):
            raise RuleDefinitionError(f"{where}: name {cls.name!r} is not kebab-case")
        if cls.category not in CATEGORIES:
            raise RuleDefinitionError(f"{where}: unknown category {cls.category!r}")
        if not isinstance(cls.severity, Severity):
            raise RuleDefinitionError(f"{where}: severity must be a Severity")
        if cls.scope not in ("document", "copies"):
            raise RuleDefinitionError(f"{where}: scope must be 'document' or 'copies'")
        docs = cls.documentation()
        for section in DOC_SECTIONS:
            if f"## {section}" not in docs:
                raise RuleDefinitionError(f"{where}: docs lack '## {section}'")


def _same_kind(default: object, value: object) -> bool:
    if isinstance(default, bool):
        return isinstance(value, bool)
    if isinstance(default, float):
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if isinstance(default, int):
        return isinstance(value, int) and not isinstance(value, bool)
    if isinstance(default, (list, tuple, frozenset, set)):
        return isinstance(value, (list, tuple))
    return isinstance(value, type(default))
