"""GitLab Code Quality report (a JSON list), for ``artifacts:reports:codequality``.

Each issue has a fingerprint unique within the report: the baseline
fingerprint (path, code, normalised match with context) plus an occurrence
number, hashed.
"""

from __future__ import annotations

import hashlib
from collections import Counter

from detector.baseline import fingerprint
from detector.engine import FileResult
from detector.reporters._common import dumps, posix_path

_SEVERITY = {"error": "major", "warning": "minor", "info": "info"}


def build(results: list[FileResult]) -> list[dict]:
    issues = []
    for result in results:
        path = posix_path(result.path)
        seen: Counter = Counter()
        for f in result.findings:
            fp = fingerprint(result, f)
            seen[fp] += 1
            unique = hashlib.sha256(f"{path}\x00{fp}\x00{seen[fp]}".encode()).hexdigest()[:32]
            issues.append({
                "type": "issue",
                "check_name": f.code,
                "description": f"{f.code} {f.message}",
                "categories": ["Style"],
                "severity": _SEVERITY[f.severity.value],
                "fingerprint": unique,
                "location": {
                    "path": path,
                    "positions": {
                        "begin": {"line": f.start_pos.line, "column": f.start_pos.column},
                        "end": {"line": f.end_pos.line, "column": f.end_pos.column},
                    },
                },
            })
    return issues


def render(results: list[FileResult], ctx) -> str:
    return dumps(build(results), expanded_depth=1) + "\n"
