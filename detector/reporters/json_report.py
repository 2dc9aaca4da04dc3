"""JSON output, schema version 1 (``detector/schema/report-v1.json``).

The shape is a contract other tools read: keys may be added, never renamed.
"""

from __future__ import annotations

from detector.engine import FileResult
from detector.reporters._common import dumps

SCHEMA_VERSION = 1


def file_entry(result: FileResult) -> dict:
    entry = {
        "path": result.path,
        "language": result.language,
        "score": result.score.value if result.score else None,
        "band": result.score.band if result.score else None,
        "breakdown": result.score.breakdown if result.score else {},
        "characters": result.text_length,
        "findings": [f.to_dict() for f in result.findings],
    }
    if result.skipped:
        entry["skipped"] = result.skipped
    return entry


def build(results: list[FileResult], version: str, failed: bool) -> dict:
    scores = [r.score.value for r in results if r.score]
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "detector", "version": version},
        "files": [file_entry(r) for r in results],
        "summary": {
            "files": len(results),
            "findings": sum(len(r.findings) for r in results),
            "min_score": min(scores) if scores else None,
            "failed": failed,
        },
    }


def render(results: list[FileResult], ctx) -> str:
    return dumps(build(results, ctx.version, ctx.failed)) + "\n"
