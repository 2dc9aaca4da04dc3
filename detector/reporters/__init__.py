"""Reporters turn check results into text for people or machines.

Each reporter is a function ``(results, context) -> str``; the registry below
maps ``--format``/``--report`` names to the modules that render them.
"""

from __future__ import annotations

import importlib
import os
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
    #: Columns of the terminal the text report goes to; None when not a terminal.
    width: int | None = None


Reporter = Callable[[list[FileResult], ReportContext], str]

# format name → (module, function); modules are imported only when used.
_REGISTRY: dict[str, tuple[str, str]] = {
    "text": ("detector.reporters.text", "render"),
    "concise": ("detector.reporters.text", "render_concise"),
    "json": ("detector.reporters.json_report", "render"),
    "jsonl": ("detector.reporters.jsonl", "render"),
    "sarif": ("detector.reporters.sarif", "render"),
    "github": ("detector.reporters.github", "render"),
    "gitlab": ("detector.reporters.gitlab", "render"),
    "rdjson": ("detector.reporters.rdjson", "render"),
    "junit": ("detector.reporters.junit", "render"),
    "checkstyle": ("detector.reporters.checkstyle", "render"),
    "markdown": ("detector.reporters.markdown", "render"),
    "html": ("detector.reporters.html_report", "render"),
}


def get_reporter(name: str) -> Reporter:
    module, function = _REGISTRY[name]
    return getattr(importlib.import_module(module), function)


FORMATS = tuple(_REGISTRY)


def default_color(stream) -> bool:
    """Colour when ``stream`` is a terminal, unless the environment says no.

    ``NO_COLOR`` (any non-empty value, https://no-color.org) and ``TERM=dumb``
    turn it off; ``FORCE_COLOR`` (non-empty) turns it on even in a pipe. The
    ``--color/--no-color`` options override all of these.
    """
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    if os.environ.get("TERM") == "dumb":
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # no isatty, or closed
        return False
