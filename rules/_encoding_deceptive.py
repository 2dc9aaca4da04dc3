"""Encoding rules about characters that stand for others: look-alike letters
of another script (EN008, ``Mоscow`` with a Cyrillic ``о``) and HTML entities
left unrendered (EN009, ``don&#8217;t``).

The look-alike tables behind EN008 live in :mod:`detector.rules._lookalikes`.
The rules are registered through :mod:`detector.rules.encoding`.
"""

from __future__ import annotations

import html
from typing import Iterable, Iterator

from detector.document import Document
from detector.finding import Finding, Fix, Severity
from detector.rule import Rule
from detector.rules._lazy import lazy
from detector.rules._lookalikes import GREEK_OR_CYRILLIC, describe_mix, is_glued_across_scripts, mixed_script_words, unmix
from detector.rules._lossy import token_around
from detector.rules._non_ascii import non_ascii_characters
from detector.rules._redecode import has_mojibake_pair


class HomoglyphWord(Rule):
    """## What it does
    Finds words that mix Latin letters with Cyrillic or Greek look-alikes:
    `Mоscow` with a Cyrillic `о`, `Москвa` with a Latin `a`. The fix
    replaces the odd letters with their look-alikes in the word's main script.

    ## Why it matters
    Such words defeat search and spell checking, and are used to disguise
    spam and phishing. A real word never mixes the scripts; symbols such as
    `μm` or `α-helix` are not look-alikes and are not reported.

    ## Example
    ```text
    Mоscow   → EN008, fix: Moscow
    ```

    ## How to silence it
    `--unsafe-fixes` repairs it; or ignore `EN008`.
    """

    code = "EN008"
    name = "homoglyph-word"
    category = "encoding"
    severity = Severity.WARNING
    summary = "Latin words with Cyrillic or Greek look-alike letters (or the reverse)"

    def check(self, doc: Document) -> Iterable[Finding]:
        # Greek and Cyrillic letters are not ASCII: look for them among the
        # text's non-ASCII characters only (shared, found in C).
        if doc.text.isascii() or not GREEK_OR_CYRILLIC.search(doc.memo(non_ascii_characters)):
            return ()  # the common case, without starting a generator
        return self._findings(doc)

    def _findings(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        for m in mixed_script_words(text):
            word = m.group()
            if is_glued_across_scripts(word):
                continue  # `компаниейT.T.A.`: two words glued together, not a look-alike
            if has_mojibake_pair(word):
                continue  # `iвЂ`: mojibake (MJ001), not a look-alike
            fixed = unmix(word, doc.main_script)
            if fixed is None:
                continue
            yield self.finding(
                doc, m.start(), m.end(),
                f"'{word}' mixes scripts: {describe_mix(word, fixed)}",
                confidence=0.9,
                fix=Fix(fixed, safe=False, description="use one script"),
            )


# An HTML character reference, possibly escaped again (`&amp;amp;`).
_HTML_ENTITY = lazy(r"&(?:amp;)*(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# Files where entities are markup, not damage.
_MARKUP_SUFFIXES = (".html", ".htm", ".xml", ".xhtml", ".md", ".markdown", ".svg", ".rss", ".atom")


def _unescape_fully(entity: str) -> str | None:
    """`&amp;#8217;` → `’`; None if it is not a known entity.

    >>> _unescape_fully("&amp;#8217;"), _unescape_fully("&nosuch;")
    ('’', None)
    """
    out = entity
    for _ in range(4):
        nxt = html.unescape(out)
        if nxt == out:
            break
        out = nxt
    return None if out == entity else out


def _in_query_string(text: str, offset: int) -> bool:
    """Is ``offset`` inside a token that holds a URL or a query string?"""
    token = token_around(text, offset)
    return "=" in token or "://" in token or "?" in token


class HtmlEntity(Rule):
    """## What it does
    Finds HTML character references left unrendered in plain text: `&amp;`,
    `&#8217;`, `&nbsp;`, and doubly escaped ones such as `&amp;quot;`. Files
    that are markup (HTML, XML, Markdown) are not checked.

    ## Why it matters
    Readers see `Rock &amp; Roll` or `don&#8217;t`; the text was escaped once
    too often on its way out of a CMS.

    ## Example
    ```text
    don&#8217;t   → EN009, fix: don’t
    ```

    ## How to silence it
    `detector check --fix` unescapes them; or ignore `EN009`.
    """

    code = "EN009"
    name = "html-entity"
    category = "encoding"
    severity = Severity.WARNING
    summary = "HTML entities left unrendered in plain text"

    def check(self, doc: Document) -> Iterable[Finding]:
        if "&" not in doc.text or doc.path.lower().endswith(_MARKUP_SUFFIXES):
            return ()  # the common case, without starting a generator
        return self._findings(doc)

    def _findings(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        for m in _HTML_ENTITY.finditer(text):
            if _in_query_string(text, m.start()):
                continue  # `?a=1&amp;b=2`: leaked markup, not text (boilerplate rules)
            fixed = _unescape_fully(m.group())
            if fixed is None or fixed == m.group():
                continue
            shown = repr(fixed)[1:-1] if not fixed.isprintable() else fixed
            yield self.finding(
                doc, m.start(), m.end(),
                f"HTML entity '{m.group()}' left unrendered; it should read '{shown}'",
                fix=Fix(fixed, safe=True, description="unescape HTML entity"),
            )
