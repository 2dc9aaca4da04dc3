"""SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.

Regions use 1-based lines and code-point columns, end exclusive
(``columnKind: unicodeCodePoints``); URIs are relative to the working
directory (``%SRCROOT%``), or absolute ``file://`` URIs without a base for
files outside it (SARIF §3.4.4); ``partialFingerprints.primaryLocationLineHash`` is
the baseline fingerprint (independent of line numbers) with an occurrence
number; per-file scores are in the artifacts' properties.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from detector.baseline import fingerprint
from detector.engine import FileResult
from detector.reporters._common import TOOL_NAME, all_findings, dumps, is_absolute_uri, relative_uri

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _rule_descriptor(rule) -> dict:
    docs = rule.documentation()
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": docs.split("## Why it matters")[0].replace("## What it does", "").strip() or rule.summary},
        "help": {"text": docs or rule.summary, "markdown": docs or rule.summary},
        "defaultConfiguration": {"level": _LEVEL[rule.severity.value], "enabled": bool(rule.default_enabled)},
        "properties": {"category": rule.category, "tags": [rule.category]},
    }


def _location(uri: str) -> dict:
    """An artifactLocation: relative URIs are resolved against %SRCROOT%; an
    absolute URI must not name a base."""
    return {"uri": uri} if is_absolute_uri(uri) else {"uri": uri, "uriBaseId": "%SRCROOT%"}


def _rules_used(results: list[FileResult]) -> list:
    from detector.registry import rule_by_code

    codes = sorted({f.code for _, f in all_findings(results)})
    return [r for r in (rule_by_code(c) for c in codes) if r is not None]


def build(results: list[FileResult], version: str) -> dict:
    rules = _rules_used(results)
    index = {r.code: i for i, r in enumerate(rules)}
    artifacts, artifact_index, uris = [], {}, {}
    for result in results:
        uri = uris[result.path] = relative_uri(result.path)
        artifact_index[result.path] = len(artifacts)
        props = {"score": result.score.value if result.score else None,
                 "band": result.score.band if result.score else None,
                 "breakdown": result.score.breakdown if result.score else {},
                 "findings": len(result.findings),
                 "language": result.language}
        if result.skipped:
            props["skipped"] = result.skipped
        artifact = {"location": _location(uri), "properties": props}
        artifacts.append(artifact)
    sarif_results = []
    for result in results:
        seen: Counter = Counter()
        uri = uris[result.path]
        for f in result.findings:
            fp = fingerprint(result, f)
            seen[fp] += 1
            region = {
                "startLine": f.start_pos.line,
                "startColumn": f.start_pos.column,
                "endLine": f.end_pos.line,
                "endColumn": f.end_pos.column,
                "charOffset": f.start,
                "charLength": f.end - f.start,
                "snippet": {"text": f.match},
            }
            entry = {
                "ruleId": f.code,
                "level": _LEVEL[f.severity.value],
                "message": {"text": f.message},
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": {**_location(uri), "index": artifact_index[result.path]},
                        "region": region,
                    }
                }],
                "partialFingerprints": {"primaryLocationLineHash": f"{fp}:{seen[fp]}"},
                "properties": {"category": f.category, "confidence": round(f.confidence, 3), "name": f.name},
            }
            if f.code in index:
                entry["ruleIndex"] = index[f.code]
            if f.fix is not None:
                fix_start, fix_end = f.fix_span  # a deleted line's span holds its line ending
                entry["fixes"] = [{
                    "description": {"text": f.fix.description or f"Replace with {f.fix.replacement!r}"},
                    "artifactChanges": [{
                        "artifactLocation": _location(uri),
                        "replacements": [{"deletedRegion": {"charOffset": fix_start, "charLength": fix_end - fix_start},
                                          "insertedContent": {"text": f.fix.replacement}}],
                    }],
                }]
            sarif_results.append(entry)
    root = Path.cwd().as_uri() + "/"
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": TOOL_NAME,
                "version": version,
                "semanticVersion": version,
                "rules": [_rule_descriptor(r) for r in rules],
            }},
            "originalUriBaseIds": {"%SRCROOT%": {"uri": root}},
            "artifacts": artifacts,
            "columnKind": "unicodeCodePoints",
            "results": sarif_results,
        }],
    }


def render(results: list[FileResult], ctx) -> str:
    return dumps(build(results, ctx.version)) + "\n"
