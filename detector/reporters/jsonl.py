"""JSON Lines: one finding per line (the finding's JSON object with ``path``
added), for ``jq``, ``grep`` and streaming consumers."""

from __future__ import annotations

import json

from detector.engine import FileResult


def render(results: list[FileResult], ctx) -> str:
    lines = []
    for result in results:
        for f in result.findings:
            lines.append(json.dumps({"path": result.path, **f.to_dict()}, ensure_ascii=False))
    return "".join(line + "\n" for line in lines)
