"""Mojibake rules (MJ): text decoded with the wrong encoding (``â€™`` for ``’``)."""

from __future__ import annotations

from typing import Iterator

import regex

from detector.document import Document
from detector.finding import Finding, Fix, Severity
from detector.rule import Rule

# Punctuation that ends a word and is never part of mojibake.
_TRAILING = ".,;:!?)]}\"'"
_LEADING = "([{\"'"

_ENCODING_NAMES = {
    "sloppy-windows-1252": "Windows-1252",
    "windows-1252": "Windows-1252",
    "latin-1": "Latin-1",
    "iso-8859-1": "Latin-1",
    "sloppy-windows-1251": "Windows-1251",
    "windows-1251": "Windows-1251",
    "macroman": "MacRoman",
    "cp437": "CP437",
}


def _fixer_config():
    from ftfy import TextFixerConfig

    # Encoding fixes on, every cosmetic fix off: we want to know whether a
    # consistent re-decoding exists, not whether quotes could be straightened.
    return TextFixerConfig(
        unescape_html=False, remove_terminal_escapes=False, fix_latin_ligatures=False,
        fix_character_width=False, uncurl_quotes=False, fix_line_breaks=False,
        fix_surrogates=False, remove_control_chars=False, normalization=None,
    )


def cause_of(explanation: list[tuple[str, str]]) -> str:
    """Name the damage from ftfy's explanation.

    >>> cause_of([("encode", "sloppy-windows-1252"), ("decode", "utf-8")])
    'UTF-8 read as Windows-1252'
    >>> cause_of([("encode", "sloppy-windows-1252"), ("decode", "utf-8")] * 2)
    'double-encoded UTF-8'
    """
    encodes = [arg for step, arg in explanation if step == "encode"]
    if len(encodes) >= 2:
        return "double-encoded UTF-8"
    if encodes:
        return f"UTF-8 read as {_ENCODING_NAMES.get(encodes[0], encodes[0])}"
    return "wrong decoding"


def _word_spans(text: str, matches) -> list[tuple[int, int]]:
    """Each match widened to its whitespace-delimited word; adjacent words merged."""
    spans: list[tuple[int, int]] = []
    for m in matches:
        start, end = m.start(), m.end()
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        while end < len(text) and not text[end].isspace():
            end += 1
        while start < end and text[start] in _LEADING:
            start += 1
        while end > start and text[end - 1] in _TRAILING:
            end -= 1
        if spans and start <= spans[-1][1] + 1 and text[spans[-1][1] : start].strip() == "":
            spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
        else:
            spans.append((start, end))
    return spans


class Mojibake(Rule):
    """## What it does
    Finds mojibake: UTF-8 text decoded with the wrong encoding, such as
    `â€™` for `’` or `Ã©` for `é`, using ftfy's badness patterns. When ftfy
    finds a consistent re-decoding, the finding carries it as a safe fix and
    names the cause (`UTF-8 read as Windows-1252`, `double-encoded UTF-8`).

    ## Why it matters
    Mojibake makes names unreadable and spreads: every copy of a damaged
    feed carries it.

    ## Example
    ```text
    Itâ€™s the provinceâ€™s budget.
    ^^^^^^ MJ001 fix: It’s
    ```
    Legitimate text such as `SÃO PAULO`, `£ € © ™ ½` or Cyrillic is not reported.

    ## How to silence it
    `detector check --fix` repairs the fixable cases; otherwise ignore `MJ001`.
    """

    code = "MJ001"
    name = "mojibake"
    category = "mojibake"
    severity = Severity.ERROR
    summary = "Mojibake: text decoded with the wrong encoding"

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        if text.isascii():
            return
        from ftfy import fix_and_explain
        from ftfy.badness import BADNESS_RE

        config = None
        for start, end in _word_spans(text, BADNESS_RE.finditer(text)):
            if start >= end:
                continue
            config = config or _fixer_config()
            span = text[start:end]
            fixed, explanation = fix_and_explain(span, config)
            if fixed != span and any(step in ("encode", "decode") for step, _ in explanation or []):
                cause = cause_of(explanation)
                yield self.finding(
                    doc, start, end,
                    f"mojibake '{span}' ({cause}); should read '{fixed}'",
                    confidence=0.97,
                    fix=Fix(fixed, safe=True, description=f"re-decode ({cause})"),
                    details={"cause": cause},
                )
            else:
                yield self.finding(
                    doc, start, end,
                    f"'{span}' looks like mojibake, but no consistent re-decoding was found",
                    severity=Severity.WARNING,
                    confidence=0.6,
                )
