"""Input formats: which text of a file the rules see, and where findings go.

- ``txt``: the file's text as is (the default for any extension not below).
- ``md``: the prose of a Markdown file (:mod:`detector.formats.markdown`).
- ``html``: the visible text of an HTML file (:mod:`detector.formats.html`).
- ``jsonl``: one document per record (:mod:`detector.formats.jsonl`).

For ``md`` and ``html`` an *extractor* turns the decoded source into a
:class:`~detector.formats.sourcemap.SourceMap`: the prose rules run on, and
the map that moves their findings back onto the source. Rules never know the
format.

>>> format_for("notes/README.md"), format_for("page.HTM"), format_for("a.txt")
('md', 'html', 'txt')
>>> format_for("data.jsonl"), format_for("x.md", override="txt")
('jsonl', 'txt')
"""

from __future__ import annotations

from functools import partial
from pathlib import PurePath
from typing import Callable, Optional

from detector.errors import DetectorError
from detector.formats.sourcemap import SourceMap

FORMATS = ("txt", "md", "html", "jsonl")

_BY_SUFFIX = {
    ".md": "md",
    ".markdown": "md",
    ".mdown": "md",
    ".mkd": "md",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}

#: Turns a file's decoded text into prose with a map back to it.
Extractor = Callable[[str], SourceMap]


def format_for(path: str | None, override: str | None = None) -> str:
    """The input format of ``path``: ``override`` if given, else by extension."""
    if override:
        if override not in FORMATS:
            raise DetectorError(
                f"unknown input format {override!r} (choose from {', '.join(FORMATS)})"
            )
        return override
    if not path or path == "-":
        return "txt"
    return _BY_SUFFIX.get(PurePath(path).suffix.lower(), "txt")


def extractor(fmt: str, html_attributes: bool = False) -> Optional[Extractor]:
    """The prose extractor of a markup format; None for plain text."""
    if fmt == "md":
        from detector.formats.markdown import markdown_prose

        return markdown_prose
    if fmt == "html":
        from detector.formats.html import html_prose

        return partial(html_prose, attributes=html_attributes)
    return None
