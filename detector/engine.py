"""The engine: selected rules over a Document, findings filtered and placed.

It knows no rule by name: rules come from :mod:`detector.registry` and are
chosen by the ``select``/``ignore`` lists of the settings (codes, code
prefixes, categories, rule names or ``ALL``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import regex

from detector.config import Settings
from detector.document import Document
from detector.errors import DetectorError
from detector.finding import CATEGORIES, Finding, Severity
from detector.reading import document_from_bytes
from detector.registry import all_rules
from detector.rule import Rule
from detector.scoring import Score, score


@dataclass
class FileResult:
    path: str
    findings: list[Finding] = field(default_factory=list)
    score: Score | None = None
    language: str | None = None
    text_length: int = 0
    #: Why the file was not checked (binary, too large); None when checked.
    skipped: str | None = None
    document: Document | None = field(default=None, repr=False)

    def rescore(self) -> None:
        """The score again, after findings were added or dropped (suppressed,
        baselined, fixed, found across copies): over the same text length as
        the first score (the prose's, for Markdown and HTML)."""
        self.score = score_of(self.findings, self.text_length)


def _matches(rule: type[Rule], selector: str) -> bool:
    s = selector.strip()
    if s.upper() == "ALL":
        return True
    if s in CATEGORIES:
        return rule.category == s
    if s.lower() == rule.name:
        return True
    return rule.code.startswith(s.upper())


def validate_selectors(selectors: tuple[str, ...]) -> None:
    """Reject selectors that match no rule: a typo must not silently select nothing."""
    rules = all_rules()
    for s in selectors:
        if not any(_matches(r, s) for r in rules):
            raise DetectorError(
                f"unknown rule selector {s!r} (use a code, a code prefix, a "
                "category, a rule name or ALL; see 'detector rules')"
            )


def selected_rule_classes(
    settings: Settings, path: str | None = None, extra_ignore: tuple[str, ...] = ()
) -> list[type[Rule]]:
    rules = all_rules()
    if settings.select is None:
        chosen = [r for r in rules if r.default_enabled]
    else:
        chosen = [r for r in rules if any(_matches(r, s) for s in settings.select)]
    extra = [r for r in rules if any(_matches(r, s) for s in settings.extend_select)]
    chosen += [r for r in extra if r not in chosen]
    ignored = settings.ignore + extra_ignore + (settings.ignored_for(path) if path else ())
    return [r for r in chosen if not any(_matches(r, s) for s in ignored)]


def build_rules(settings: Settings, path: str | None = None) -> list[Rule]:
    """Rule instances with per-rule options (``[rules.CODE]``) applied.

    Instances are shared between files checked with the same settings, so a
    rule must keep no state between ``check`` calls.
    """
    ignored = settings.ignored_for(path) if path and settings.per_file_ignores else ()
    last = _last_built[0]
    if last[0] is settings and last[1] == ignored:
        # The same settings as the file before (a run checks many files
        # with one Settings): spare hashing all its fields for the cache.
        return list(last[2])
    rules = _build_rules(settings, ignored)
    _last_built[0] = (settings, ignored, rules)
    return list(rules)


#: (settings, ignored codes, rules) of the last ``build_rules`` call (one
#: tuple, read and replaced whole).
_last_built: list = [(None, None, ())]


@lru_cache(maxsize=64)
def _build_rules(settings: Settings, ignored: tuple[str, ...], scope: str = "document") -> tuple[Rule, ...]:
    options = settings.rule_options()
    known = {r.code for r in all_rules()}
    for code in options:
        if code not in known:
            raise DetectorError(f"config: [rules.{code}]: no rule has this code")
    instances = []
    for cls in selected_rule_classes(settings, extra_ignore=ignored):
        if cls.scope != scope:
            continue
        opts = dict(options.get(cls.code, {}))
        severity = opts.pop("severity", None)
        try:
            rule = cls(**opts)
        except ValueError as exc:
            raise DetectorError(f"config: {exc}") from None
        if severity is not None:
            rule.severity = Severity.parse(str(severity))
        instances.append(rule)
    return tuple(instances)


def _allowed_spans(doc: Document, terms: tuple[str, ...]) -> list[tuple[int, int]]:
    spans = []
    for term in terms:
        if term:
            for m in regex.finditer(regex.escape(term), doc.text, flags=regex.IGNORECASE):
                spans.append((m.start(), m.end()))
    return spans


def _rule_error(rule: Rule, doc: Document, exc: Exception) -> DetectorError:
    """A rule bug as a one-line error that names the file and the rule."""
    return DetectorError(
        f"{doc.path}: internal error in rule {rule.code} ({rule.name}): "
        f"{type(exc).__name__}: {exc}"
    )


def _run(rule: Rule, doc: Document, produce) -> list[Finding]:
    """``produce()`` (the rule's findings for ``doc``) as a list, with the
    configured severity applied; a rule bug becomes a one-line error."""
    try:
        produced = list(produce())
    except Exception as exc:  # a rule bug is reported, not a traceback
        raise _rule_error(rule, doc, exc) from exc
    return _with_configured_severity(rule, produced)


def _with_configured_severity(rule: Rule, produced: list[Finding]) -> list[Finding]:
    """``produced`` with the rule's configured severity (``[rules.CODE]``)
    on the rule's own findings."""
    if rule.severity is not type(rule).severity:  # configured override
        for f in produced:
            if f.code == rule.code:
                f.severity = rule.severity
    return produced


def _placed(doc: Document, findings: list[Finding], settings: Settings) -> list[Finding]:
    """``findings`` minus those inside allowed terms, with line and column set."""
    allowed = _allowed_spans(doc, settings.allow)
    if allowed:
        findings = [
            f for f in findings if not any(s <= f.start and f.end <= e for s, e in allowed)
        ]
    for f in findings:
        f.start_pos = doc.position(f.start)
        f.end_pos = doc.position(f.end)
    return findings


def check_document(doc: Document, rules: list[Rule], settings: Settings) -> list[Finding]:
    """Run ``rules`` over ``doc``; findings placed (line/column) and sorted.

    The loop is the engine's hot path (some forty rules per document, most
    of which find nothing): a rule whose severity is not configured adds its
    findings straight to the list, under one ``try`` for all the rules; a
    bug in any of them is still reported with its name (``_rule_error``).
    """
    findings: list[Finding] = []
    extend = findings.extend
    rule = None
    try:
        for rule in rules:
            if rule.severity is type(rule).severity:
                extend(rule.check(doc))
            else:
                extend(_with_configured_severity(rule, list(rule.check(doc))))
    except Exception as exc:  # a rule bug is reported, not a traceback
        raise _rule_error(rule, doc, exc) from exc
    if findings:
        findings = _placed(doc, findings, settings)
        findings.sort(key=Finding.sort_key)
    return findings


def check_text(text: str, settings: Settings | None = None, path: str = "<text>") -> FileResult:
    """Check a string (mostly for tests and library use)."""
    settings = settings or Settings()
    doc = Document(
        text,
        path=path,
        language=settings.language,
        expected_languages=frozenset(settings.languages),
    )
    return _result(doc, build_rules(settings, path), settings)


def check_bytes(data: bytes, path: str, settings: Settings, to_prose=None) -> FileResult:
    """Decode ``data`` and check it. Binary data raises SkipFile.

    ``to_prose`` (from :func:`detector.formats.extractor`) turns the decoded
    source of a markup file into prose and a map back: rules run on the
    prose, and the findings are moved back onto the source.
    """
    doc = document_from_bytes(
        data,
        path,
        language=settings.language,
        expected_languages=frozenset(settings.languages),
    )
    if to_prose is None:
        from detector import chunks  # a big text is checked in chunks: bounded memory

        if len(doc.text) > chunks.CHUNK_CHARS:
            return chunks.check_in_chunks(doc, build_rules(settings, path), settings)
        return _result(doc, build_rules(settings, path), settings)
    prose = to_prose(doc.text)
    prose_doc = prose.document(
        doc, language=settings.language, expected_languages=frozenset(settings.languages)
    )
    result = _result(prose_doc, build_rules(settings, path), settings)
    prose.restore(result, doc)
    return result


def check_copies(results: list[FileResult], settings: Settings) -> None:
    """Run the rules of scope ``copies`` over checked files that are copies of
    one story; their findings join each file's own, and the scores are
    recomputed. Files without a document (skipped) take no part."""
    from detector.copies import Copies, Copy

    rules = _build_rules(settings, (), "copies")
    members = [r for r in results if r.document is not None and r.document.text.strip()]
    if not rules or len(members) < 2:
        return
    copies = Copies([Copy(i, r.document) for i, r in enumerate(members)])
    for i, result in enumerate(members):
        doc = result.document
        found: list[Finding] = []
        for rule in rules:
            found.extend(_run(rule, doc, lambda: rule.check_copies(copies, i)))
        found = _placed(doc, found, settings)
        if found and "detector-" in doc.text:  # suppression comments in the file
            from detector.suppressions import apply_suppressions

            found = apply_suppressions(found, doc.text, doc.text, None)
        if found:
            result.findings = sorted(result.findings + found, key=Finding.sort_key)
            result.rescore()


def score_of(findings: list[Finding], text_length: int) -> Score:
    """The file's score: its findings count, the tool's own (``DT001``, an
    unused suppression comment) do not."""
    from detector.suppressions import TOOL_PREFIX

    return score([f for f in findings if not f.code.startswith(TOOL_PREFIX)], text_length)


def _result(doc: Document, rules: list[Rule], settings: Settings) -> FileResult:
    findings = check_document(doc, rules, settings)
    return FileResult(
        path=doc.path,
        findings=findings,
        score=score(findings, len(doc.text)),
        language=doc.language if doc.text.strip() else None,
        text_length=len(doc.text),
        document=doc,
    )
