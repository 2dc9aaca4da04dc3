"""Reporters turn check results into text for people or machines.

Each reporter is a function ``(results, context) -> str``; the registry below
maps ``--format`` names to them. Later formats (SARIF, GitHub, …) add
themselves here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from detector.engine import FileResult


@dataclass(frozen=True)
class ReportContext:
    version: str
    color: bool = False
    failed: bool = False
    statistics: bool = False
    quiet: bool = False
    show_source: bool = True


Reporter = Callable[[list[FileResult], ReportContext], str]


def get_reporter(name: str) -> Reporter:
    if name == "json":
        from detector.reporters.json_report import render
    elif name == "text":
        from detector.reporters.text import render
    elif name == "concise":
        from detector.reporters.text import render_concise as render
    elif name == "html":
        from detector.reporters.html_report import render
    else:
        raise KeyError(name)
    return render


FORMATS = ("text", "concise", "json", "html")
