"""HTML: the visible text of an ``.html`` file, mapped back to the source.

Parsed with the standard library's :class:`html.parser.HTMLParser`, which
is forgiving with broken markup and reports where each tag and text run
starts (``getpos``). Character references are handled apart
(``convert_charrefs=False``) so that text runs stay verbatim slices of the
source and each entity maps to its own source span.

Left out: ``script``, ``style``, ``template``, ``pre``, ``code`` (and the
like: ``kbd``, ``samp``, ``textarea``, ``svg``, ``math``), the ``title``,
comments (suppression comments stay in the source for the suppression
logic), declarations and attributes — ``alt`` and ``title`` attributes are
linted with ``attributes=True``. Block-level elements end a paragraph, so
two blocks never glue into one sentence; ``<br>`` and table cells end a
line. White space runs collapse as a browser shows them.

>>> m = html_prose("<p>Tom &amp; Jerry</p><p>Next<br>line</p><script>x()</script>")
>>> m.text
'Tom & Jerry\\n\\nNext\\nline'
"""

from __future__ import annotations

import html
from html.parser import HTMLParser

import regex

from detector.formats.sourcemap import LINE, PARAGRAPH, ProseBuilder, SourceMap

#: Elements whose content is not prose.
SKIPPED = frozenset(
    "script style template pre code kbd samp textarea title svg math noembed".split()
)
#: Elements that start and end a block (a paragraph of their own).
BLOCKS = frozenset(
    """address article aside blockquote body caption center dd details dialog dir div dl dt
    fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend
    li main menu nav ol optgroup option p search section summary table tbody tfoot thead
    tr ul""".split()
)
#: Elements that only end a line (cells of one row stay one paragraph).
LINE_BREAKS = frozenset({"td", "th"})
#: Attributes linted when asked for.
TEXT_ATTRIBUTES = ("alt", "title")

# A character reference as html.parser sees one: the ';' may be missing.
_CHARREF = regex.compile(r"&(?:#[xX][0-9a-fA-F]+|#[0-9]+|[A-Za-z][A-Za-z0-9]*);?")
# Runs of HTML white space (not U+00A0, a real character of the text) that
# a browser shows differently: anything but a single space.
_HTML_SPACE = regex.compile(r"[ \t\n\r\f]{2,}|[\t\n\r\f]")
# alt="…" / title='…' / alt=bare inside a start tag.
_ATTRIBUTE = regex.compile(
    r"""\s(?P<name>alt|title)\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[^\s"'=<>`]+))""",
    regex.IGNORECASE,
)


class _Extractor(HTMLParser):
    def __init__(self, source: str, attributes: bool) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.attributes = attributes
        self.out = ProseBuilder(source)
        # Open SKIPPED elements, innermost last: an end tag closes the
        # innermost element of its name and any left open inside it, so
        # ``<pre><code>x</pre>`` ends the skipped part.
        self.skipped: list[str] = []
        self.line_starts = [0]
        pos = source.find("\n")
        while pos >= 0:
            self.line_starts.append(pos + 1)
            pos = source.find("\n", pos + 1)

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    # -- tags ------------------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in SKIPPED:
            self.skipped.append(tag)
            return
        if self.skipped:
            return
        if tag in BLOCKS:
            self.out.block_break(PARAGRAPH)
        elif tag in LINE_BREAKS:
            self.out.block_break(LINE)
        elif tag == "br":
            start = self._offset()
            self.out.line_break(start, start + len(self.get_starttag_text() or ""))
        if self.attributes:
            self._attributes()

    def handle_startendtag(self, tag: str, attrs) -> None:
        # <br/>, <img .../>: a self-closed SKIPPED element has no content.
        if tag in SKIPPED:
            return
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIPPED:
            if tag in self.skipped:
                del self.skipped[len(self.skipped) - 1 - self.skipped[::-1].index(tag) :]
            return
        if self.skipped:
            return
        if tag in BLOCKS:
            self.out.block_break(PARAGRAPH)

    def _attributes(self) -> None:
        raw = self.get_starttag_text() or ""
        start = self._offset()
        for m in _ATTRIBUTE.finditer(raw):
            group = next(g for g in ("dq", "sq", "bare") if m.group(g) is not None)
            value = m.group(group)
            if not value.strip():
                continue
            value_start = start + m.start(group)
            self.out.block_break(PARAGRAPH)
            # Verbatim between character references, each reference decoded.
            pos = 0
            for ref in _CHARREF.finditer(value):
                if ref.start() > pos:
                    self.out.add(value_start + pos, value_start + ref.start())
                decoded = html.unescape(ref.group())
                self.out.add(value_start + ref.start(), value_start + ref.end(),
                             decoded if decoded != ref.group() else None)
                pos = ref.end()
            if pos < len(value):
                self.out.add(value_start + pos, value_start + len(value))
            self.out.block_break(PARAGRAPH)

    # -- text ------------------------------------------------------------------------
    def handle_data(self, data: str) -> None:
        if self.skipped or not data:
            return
        start = self._offset()
        if self.source[start : start + len(data)] != data:  # never seen; stay safe
            self.out.add(start, start, data)
            return
        pos = 0
        for m in _HTML_SPACE.finditer(data):
            if m.start() > pos:
                self.out.add(start + pos, start + m.start())
            if "\n" in m.group():
                self.out.line_break(start + m.start(), start + m.end())
            else:
                self.out.add(start + m.start(), start + m.end(), " ")
            pos = m.end()
        if pos < len(data):
            self.out.add(start + pos, start + len(data))

    def _reference(self) -> None:
        if self.skipped:
            return
        start = self._offset()
        m = _CHARREF.match(self.source, start)
        if not m:
            return
        raw = m.group()
        decoded = html.unescape(raw)
        if decoded == raw:
            self.out.add(start, m.end())
        elif decoded.isspace():
            self.out.add(start, m.end(), decoded if decoded == "\u00a0" else " ")
        else:
            self.out.add(start, m.end(), decoded)

    def handle_entityref(self, name: str) -> None:
        self._reference()

    def handle_charref(self, name: str) -> None:
        self._reference()

    # Comments, declarations, processing instructions: not prose (the
    # HTMLParser defaults already ignore them).


def html_prose(source: str, attributes: bool = False) -> SourceMap:
    """The visible text of HTML ``source`` with its map back to the source."""
    parser = _Extractor(source, attributes)
    parser.feed(source)
    parser.close()
    return parser.out.build()
