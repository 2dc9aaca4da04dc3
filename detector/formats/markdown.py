"""Markdown: the prose of a ``.md`` file, mapped back to the source.

Parsed with markdown-it-py (CommonMark, plus tables and strikethrough).
markdown-it reports the *lines* of each block but not the columns of inline
text, so the walk below keeps a cursor in the source and finds each inline
text token at or after it: with the ``text_join`` rule off, a ``text``
token is always a verbatim slice of its line, and an escape or entity
(``text_special``) carries its source form in ``markup``.

Kept: paragraphs, headings, list items, block quotes, table cells, link
text, image alt text, and the visible text of HTML blocks (read with
:mod:`detector.formats.html`). Left out: front matter, fenced and indented
code, inline code, link and image destinations, autolinks, raw HTML tags and
HTML comments — suppression comments stay in the source, where the
suppression logic reads them.

>>> m = markdown_prose("# Title\\n\\nSee `x = 1` and [the docs](http://a.b/c).\\n")
>>> m.text
'Title\\n\\nSee and the docs.'
>>> m.source_span(m.text.index("docs"), m.text.index("docs") + 4)
(30, 34)
"""

from __future__ import annotations

from functools import lru_cache

import regex

from detector.formats.html import html_prose
from detector.formats.sourcemap import LINE, PARAGRAPH, ProseBuilder, SourceMap

# Front matter: YAML between '---' lines (closed by '---' or '...'), or TOML
# between '+++' lines, at the very start of the file.
_FRONT_MATTER = regex.compile(
    r"\A(?:---[ \t]*\r?\n.*?^(?:---|\.\.\.)[ \t]*$|\+\+\+[ \t]*\r?\n.*?^\+\+\+[ \t]*$)",
    regex.MULTILINE | regex.DOTALL,
)


# An inline <br>, <br/> or <br />: a line break, not nothing (cells use it).
_BR_TAG = regex.compile(r"<br\s*/?>", regex.IGNORECASE)


@lru_cache(maxsize=1)
def _parser():
    from markdown_it import MarkdownIt

    # text_join would merge escapes and entities into plain text and lose
    # their source form; we need it to map them back.
    return MarkdownIt("commonmark").enable(["table", "strikethrough"]).disable("text_join")


def _blank_front_matter(source: str) -> str:
    """``source`` with its front matter turned into spaces (lines kept)."""
    m = _FRONT_MATTER.match(source)
    if not m:
        return source
    blanked = regex.sub(r"[^\n]", " ", m.group())
    return blanked + source[m.end() :]


def _line_starts(text: str) -> list[int]:
    starts = [0]
    pos = text.find("\n")
    while pos >= 0:
        starts.append(pos + 1)
        pos = text.find("\n", pos + 1)
    return starts


def _skip_parenthesised(source: str, pos: int, limit: int) -> int:
    """Offset after the ``(destination "title")`` that starts at ``pos``."""
    depth = 0
    quote = ""
    i = pos
    while i < limit:
        c = source[i]
        if c == "\\":
            i += 2
            continue
        if quote:
            if c == quote:
                quote = ""
        elif c in "\"'" and source[i - 1].isspace():
            quote = c
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return limit


class _InlineWalk:
    """Maps one block's inline tokens onto the source with a moving cursor."""

    def __init__(self, source: str, builder: ProseBuilder) -> None:
        self.source = source
        self.out = builder
        self.cursor = 0
        self.limit = len(source)
        self.in_autolink = False

    def _find(self, needle: str) -> int:
        return self.source.find(needle, self.cursor, self.limit) if needle else -1

    def text(self, content: str) -> None:
        pos = self._find(content)
        if pos < 0:
            # Not verbatim (markdown-it changed it, e.g. NUL → U+FFFD): keep
            # the text, pinned to the cursor.
            self.out.add(self.cursor, self.cursor, content)
            return
        self.out.add(pos, pos + len(content))
        self.cursor = pos + len(content)

    def special(self, content: str, markup: str) -> None:
        """An escape (``\\*``) or entity (``&amp;``): prose ``content``."""
        pos = self._find(markup)
        if pos < 0:
            self.out.add(self.cursor, self.cursor, content)
            return
        self.out.add(pos, pos + len(markup), content if content != markup else None)
        self.cursor = pos + len(markup)

    def newline(self) -> None:
        pos = self._find("\n")
        if pos >= 0:
            self.out.line_break(pos, pos + 1)
            self.cursor = pos + 1

    def skip(self, raw: str) -> None:
        """Move past ``raw`` (an inline HTML tag or comment)."""
        pos = self._find(raw)
        if pos >= 0:
            self.cursor = pos + len(raw)

    def skip_code(self, fence: str) -> None:
        """Move past an inline code span delimited by ``fence`` backticks."""
        pos = self._find(fence)
        if pos < 0:
            return
        close = self.source.find(fence, pos + len(fence), self.limit)
        if close >= 0:
            self.cursor = close + len(fence)

    def skip_destination(self) -> None:
        """After link text or alt text: move past ``](url "title")``, ``][ref]`` or ``]``."""
        close = self._find("]")
        if close < 0:
            return
        nxt = close + 1
        if nxt < self.limit and self.source[nxt] == "(":
            self.cursor = _skip_parenthesised(self.source, nxt, self.limit)
        elif nxt < self.limit and self.source[nxt] == "[":
            end = self.source.find("]", nxt + 1, self.limit)
            self.cursor = end + 1 if end >= 0 else nxt
        else:
            self.cursor = nxt

    def walk(self, children) -> None:
        for t in children:
            kind = t.type
            if self.in_autolink:
                self.in_autolink = kind != "link_close"
                continue
            if kind == "text":
                self.text(t.content)
            elif kind == "text_special":
                self.special(t.content, t.markup)
            elif kind in ("softbreak", "hardbreak"):
                self.newline()
            elif kind == "code_inline":
                self.skip_code(t.markup)
            elif kind == "html_inline":
                self.skip(t.content)
                if _BR_TAG.match(t.content):
                    self.out.line_break(self.cursor - len(t.content), self.cursor)
            elif kind == "image":
                self.walk(t.children or [])
                self.skip_destination()
            elif kind == "link_open" and t.markup == "autolink":
                # <https://…>: no prose; the cursor moves past the '>'.
                self.in_autolink = True
                start = self._find("<")
                end = self.source.find(">", start, self.limit) if start >= 0 else -1
                if end >= 0:
                    self.cursor = end + 1
            elif kind == "link_close":
                self.skip_destination()
            # emphasis, strong, strikethrough and link openers carry no text


def markdown_prose(source: str) -> SourceMap:
    """The prose of Markdown ``source`` with its map back to the source."""
    tokens = _parser().parse(_blank_front_matter(source))
    starts = _line_starts(source)
    builder = ProseBuilder(source)
    walk = _InlineWalk(source, builder)
    for tok in tokens:
        kind = tok.type
        if kind == "inline":
            if tok.map:
                first, last = tok.map
                walk.cursor = max(walk.cursor, starts[first] if first < len(starts) else len(source))
                walk.limit = starts[last] if last < len(starts) else len(source)
            walk.in_autolink = False
            walk.walk(tok.children or [])
        elif kind in ("th_open", "td_open"):
            builder.block_break(LINE)
        elif kind in ("th_close", "td_close"):
            pass  # the next cell or the row's end decides
        else:
            # Every other block token (paragraph, heading, list item, quote,
            # row, code, HTML block, rule) ends the block before it.
            builder.block_break(PARAGRAPH)
            if tok.map and kind in ("fence", "code_block", "html_block"):
                first, last = (starts[n] if n < len(starts) else len(source) for n in tok.map)
                if kind == "html_block":
                    # Its tags, comments and scripts are not prose; its visible text is.
                    builder.extend(html_prose(source[first:last]), first)
                    builder.block_break(PARAGRAPH)
                walk.cursor = max(walk.cursor, last)
    return builder.build()

