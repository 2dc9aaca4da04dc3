"""Encoding rules about invisible characters: controls (EN004), zero-width
characters (EN005), bidirectional controls (EN006), soft hyphens (EN007) and
stray byte-order marks (EN011).

The rules are registered through :mod:`detector.rules.encoding`.
"""

from __future__ import annotations

import unicodedata
from typing import Iterable, Iterator

import regex

from detector.document import Document
from detector.finding import Finding, Fix, Severity
from detector.rule import Rule
from detector.rules._lazy import lazy, lazy_re
from detector.rules._redecode import has_mojibake_pair

# C0 controls except tab, line feed and carriage return, and DEL. NUL has
# its own rule (EN012); C1 controls (`\x92` for `’`) are mojibake (MJ001).
_CONTROL_RUN = lazy_re(r"[\x01-\x08\x0b\x0c\x0e-\x1f\x7f]+")
# Every byte that is not part of such a control: printable ASCII, tab and
# line breaks, and the bytes of UTF-8 beyond ASCII (0x80-0xFF).
_NOT_A_CONTROL = bytes(range(0x20, 0x7F)) + b"\t\n\r" + bytes(range(0x80, 0x100))


class ControlCharacter(Rule):
    """## What it does
    Finds C0 control characters other than tab and line breaks (`\x07`,
    `\x1b`, form feeds, …) and DEL. C1 controls such as `\x92` are
    Windows-1252 punctuation decoded as Latin-1 and are reported as mojibake
    (MJ001), with the character to put back.

    ## Why it matters
    Controls are invisible or garble terminals, break XML and JSON, and show
    that the text passed through a broken conversion.

    ## Example
    ```text
    bell\x07 here          → EN004, fix: remove
    Page one.\x0cThe state. → EN004, fix: a line break (`Page one.` / `The state.`)
    ```

    ## How to silence it
    `detector check --fix` removes them, or puts back the separator they
    stood for when they sit between two words: a line break for a form feed
    or vertical tab, else a space (`one\x1ftwo` → `one two`, not `onetwo`);
    or ignore `EN004`.
    """

    code = "EN004"
    name = "control-character"
    category = "encoding"
    severity = Severity.WARNING
    summary = "C0 control characters in text"

    def check(self, doc: Document) -> Iterable[Finding]:
        # A fast first check: the UTF-8 of the text with every byte that is
        # not a control deleted, two passes in C; nothing left, no control.
        if not doc.text.encode("utf-8", "surrogatepass").translate(None, _NOT_A_CONTROL):
            return ()  # the common case, without starting a generator
        return self._findings(doc)

    def _findings(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        for m in _CONTROL_RUN.finditer(text):
            run = m.group()
            names = ", ".join(f"U+{ord(c):04X}" for c in run[:4]) + ("…" if len(run) > 4 else "")
            yield self.finding(
                doc, m.start(), m.end(),
                f"control character{'s' if len(run) > 1 else ''} {names} in text",
                fix=_control_fix(text, m.start(), m.end()),
            )


# Controls that break a page or a line: between two words they become a line break.
_LINE_BREAKING_CONTROLS = "\x0b\x0c"


def _control_fix(text: str, start: int, end: int) -> Fix:
    """Delete the controls ``text[start:end]``, unless they are all that
    separates two non-space characters: deleting them would glue the words
    (`Page one.\x0cThe state.` → `Page one.The state.`), so they become a
    line break (form feed, vertical tab) or a space."""
    before = text[start - 1 : start]
    after = text[end : end + 1]
    if not before or not after or before.isspace() or after.isspace():
        return Fix("", safe=True, description="remove control characters")
    if any(c in _LINE_BREAKING_CONTROLS for c in text[start:end]):
        return Fix("\n", safe=True, description="replace control characters with a line break")
    return Fix(" ", safe=True, description="replace control characters with a space")


_ZERO_WIDTH = "\u200b\u200c\u200d\u2060"
_ZERO_WIDTH_RUN = lazy_re("[\u200b\u200c\u200d\u2060]+")
# Neighbours for which zero-width characters do a job: ZWJ/ZWNJ shape Arabic,
# Persian, Hebrew and Indic text and join emoji sequences; ZWSP separates words
# in Thai, Lao, Khmer and Myanmar text.
_NEEDS_JOINERS = lazy(
    r"[\p{Arabic}\p{Syriac}\p{Hebrew}\p{Thaana}\p{Devanagari}\p{Bengali}\p{Gurmukhi}"
    r"\p{Gujarati}\p{Oriya}\p{Tamil}\p{Telugu}\p{Kannada}\p{Malayalam}\p{Sinhala}\p{Thai}"
    r"\p{Lao}\p{Khmer}\p{Myanmar}\p{Tibetan}\p{Mongolian}\p{M}\p{Extended_Pictographic}"
    r"\p{Emoji_Modifier}\u2640\u2642\u2695\u2696\u2708\u2764\ufe0f]"
)


class ZeroWidthCharacter(Rule):
    """## What it does
    Finds zero-width characters (U+200B space, U+200C/U+200D (non-)joiner,
    U+2060 word joiner) where they do nothing visible: inside or next to
    Latin, Greek, Cyrillic or CJK words, numbers and punctuation. The joiners
    of Arabic, Persian and Indic text, the word separators of Thai and Khmer,
    and emoji sequences are left alone.

    ## Why it matters
    The word looks normal but no longer matches searches, spell checkers or
    dictionaries; it is a favourite trick to slip past filters, and a common
    leftover of copying from web pages.

    ## Example
    ```text
    pass\\u200bword   → EN005, fix: password
    ```

    ## How to silence it
    `detector check --fix` removes them; or ignore `EN005`.
    """

    code = "EN005"
    name = "zero-width-character"
    category = "encoding"
    severity = Severity.WARNING
    summary = "Invisible zero-width characters where they do nothing"

    def check(self, doc: Document) -> Iterable[Finding]:
        text = doc.text
        if text.isascii() or not any(c in text for c in _ZERO_WIDTH):
            return ()  # the common case, without starting a generator
        return self._findings(doc)

    def _findings(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        for m in _ZERO_WIDTH_RUN.finditer(text):
            before = text[m.start() - 1] if m.start() else ""
            after = text[m.end()] if m.end() < len(text) else ""
            if _NEEDS_JOINERS.match(before) or _NEEDS_JOINERS.match(after):
                continue
            names = ", ".join(unicodedata.name(c, f"U+{ord(c):04X}") for c in m.group())
            where = "inside a word" if before.isalnum() and after.isalnum() else "in text"
            yield self.finding(
                doc, m.start(), m.end(),
                f"invisible {names.lower()} {where}",
                fix=Fix("", safe=True, description="remove zero-width characters"),
            )


_BIDI_CHARACTERS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_BIDI_CONTROLS = lazy_re(f"[{_BIDI_CHARACTERS}]+")
# Direction marks (LRM, RLM, ALM): legitimate in right-to-left text, invisible
# junk in a line without any.
_BIDI_MARKS = "\u200e\u200f\u061c"
_BIDI_MARK_RUN = lazy_re(f"[{_BIDI_MARKS}]+")
_RTL_LETTER = lazy(r"(?=\p{L})[\p{Bidi_Class=R}\p{Bidi_Class=AL}]")  # letters: RLM is class R too


class BidiControl(Rule):
    """## What it does
    Finds bidirectional formatting controls (U+202A–U+202E embeddings and
    overrides, U+2066–U+2069 isolates): the "Trojan Source" characters that
    make text display in a different order than it is stored. Direction marks
    (U+200E, U+200F, U+061C) are reported, as warnings, only in lines without
    right-to-left text, where they do nothing.

    ## Why it matters
    What a reviewer sees is not what the text says. In right-to-left text
    they can be legitimate, so there the finding is a warning; in a line with
    no right-to-left letters it is an error.

    ## Example
    ```text
    access\\u202e nimda\\u2066   → EN006
    ```

    ## How to silence it
    Remove the controls (`--unsafe-fixes`), or ignore `EN006` for RTL text.
    """

    code = "EN006"
    name = "bidi-control"
    category = "encoding"
    severity = Severity.ERROR
    summary = "Bidirectional control characters (Trojan Source)"

    def check(self, doc: Document) -> Iterable[Finding]:
        if doc.text.isascii():
            return ()  # the common case, without starting a generator
        return self._findings(doc)

    def _findings(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        if any(c in text for c in _BIDI_MARKS):
            yield from self._marks(doc)
        if not any(c in text for c in _BIDI_CHARACTERS):
            return
        for m in _BIDI_CONTROLS.finditer(text):
            line = doc.line_text(doc.position(m.start()).line)
            rtl = bool(_RTL_LETTER.search(line))
            names = ", ".join(f"U+{ord(c):04X}" for c in m.group())
            yield self.finding(
                doc, m.start(), m.end(),
                f"bidirectional control {names}: the text displays in a different order than it is stored"
                + ("" if rtl else " (no right-to-left text on this line)"),
                severity=Severity.WARNING if rtl else None,
                fix=Fix("", safe=False, description="remove bidirectional controls"),
            )

    def _marks(self, doc: Document) -> Iterator[Finding]:
        for m in _BIDI_MARK_RUN.finditer(doc.text):
            if _RTL_LETTER.search(doc.line_text(doc.position(m.start()).line)):
                continue
            names = ", ".join(f"U+{ord(c):04X}" for c in m.group())
            yield self.finding(
                doc, m.start(), m.end(),
                f"invisible direction mark {names} in a line without right-to-left text",
                severity=Severity.WARNING,
                fix=Fix("", safe=True, description="remove direction marks"),
            )


# A soft hyphen touching a letter (inside or at the edge of a word).
_SOFT_HYPHEN = lazy(r"(?<=\p{L})\u00ad+|\u00ad+(?=\p{L})")


class SoftHyphen(Rule):
    """## What it does
    Finds soft hyphens (U+00AD) in words: invisible hyphenation hints that
    survive copying out of PDFs and web pages.

    ## Why it matters
    `infor\\u00admation` looks like `information` but does not match it in
    search, spell checking or deduplication.

    ## Example
    ```text
    infor\\u00admation   → EN007, fix: information
    ```

    ## How to silence it
    `detector check --fix` removes them; or ignore `EN007`.
    """

    code = "EN007"
    name = "soft-hyphen"
    category = "encoding"
    severity = Severity.WARNING
    summary = "Invisible soft hyphens inside words"

    def check(self, doc: Document) -> Iterable[Finding]:
        if "\u00ad" not in doc.text:
            return ()  # the common case, without starting a generator
        return self._findings(doc)

    def _findings(self, doc: Document) -> Iterator[Finding]:
        for m in _SOFT_HYPHEN.finditer(doc.text):
            if m.start() and has_mojibake_pair(doc.text[m.start() - 1 : m.end()]):
                continue  # `Ã\xad` is `í` read as Windows-1252: MJ001 reports it
            yield self.finding(
                doc, m.start(), m.end(), "invisible soft hyphen (U+00AD) inside a word",
                fix=Fix("", safe=True, description="remove soft hyphens"),
            )



class ByteOrderMarkInText(Rule):
    """## What it does
    Finds U+FEFF byte-order marks inside the text, typically where two files
    were concatenated (a BOM at the very start of a file is fine and is not
    part of the text).

    ## Why it matters
    The stray BOM is invisible but breaks parsers, CSV headers and
    comparisons of the line it sits on.

    ## Example
    ```text
    end of part one.\\n\\ufeffPart two   → EN011
    ```

    ## How to silence it
    `detector check --fix` removes it; or ignore `EN011`.
    """

    code = "EN011"
    name = "bom-in-text"
    category = "encoding"
    severity = Severity.WARNING
    summary = "Byte-order mark (U+FEFF) inside the text"

    def check(self, doc: Document) -> Iterable[Finding]:
        if "\ufeff" not in doc.text:
            return ()  # the common case, without starting a generator
        return self._findings(doc)

    def _findings(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        for m in regex.finditer("\ufeff+", text):
            yield self.finding(
                doc, m.start(), m.end(),
                "byte-order mark (U+FEFF) inside the text: probably where two files were joined",
                fix=Fix("", safe=True, description="remove byte-order mark"),
            )
