"""Encoding rules (EN): damage done when bytes became text.

Fourteen rules in three groups (the module is long because each rule carries
its documentation; the larger analyses live in :mod:`detector.rules._lossy`
and :mod:`detector.rules._lookalikes`):

* what happened to the bytes (EN002 invalid UTF-8, EN010 UTF-16/32,
  EN012 NUL bytes, EN013 mixed line endings, EN014 legacy encoding), read from
  ``doc.decoding`` as recorded by :mod:`detector.reading`;
* characters that were lost (EN001 U+FFFD, EN003 ``?`` for a curly quote or
  dash);
* invisible and deceptive characters (EN004 controls, EN005 zero-width,
  EN006 bidi controls, EN007 soft hyphens, EN008 look-alike letters,
  EN009 unrendered HTML entities, EN011 stray byte-order marks).
"""

from __future__ import annotations

import html
import unicodedata
from typing import Iterator

import regex

from detector.document import Document
from detector.finding import Finding, Fix, Severity
from detector.rule import Rule
from detector.rules._lazy import lazy, lazy_re
from detector.rules._lookalikes import GREEK_OR_CYRILLIC, describe_mix, is_glued_across_scripts, mixed_script_words, unmix
from detector.rules._lossy import lossy_question_marks, may_be_strong, token_around
from detector.rules.mojibake import has_mojibake_pair

# One or more U+FFFD REPLACEMENT CHARACTERs in a row.
REPLACEMENT_RUN = lazy_re("\ufffd+")


def _line_no(doc: Document, offset: int) -> int:
    return doc.position(offset).line


class ReplacementCharacter(Rule):
    """## What it does
    Finds U+FFFD REPLACEMENT CHARACTER (`�`), which a decoder writes where it
    met bytes it could not decode.

    ## Why it matters
    The original character is gone: whatever stood there (a curly quote, an
    accented letter, a currency sign) cannot be recovered from this text.
    ftfy scores a lone U+FFFD as harmless, so it needs its own check.

    ## Example
    ```text
    The province�s budget rose.
                ^ EN001
    ```

    ## How to silence it
    Re-export the text from its source with the right encoding; to ignore it,
    `ignore = ["EN001"]`.
    """

    code = "EN001"
    name = "replacement-character"
    category = "encoding"
    severity = Severity.ERROR
    summary = "U+FFFD replacement character: a character was lost in decoding"

    def check(self, doc: Document) -> Iterator[Finding]:
        if "\ufffd" not in doc.text:
            return
        from_file = {text_offset for _, text_offset in doc.decoding.invalid_bytes}
        for m in REPLACEMENT_RUN.finditer(doc.text):
            if m.start() in from_file:
                continue  # reported by EN002 with its byte offset
            n = m.end() - m.start()
            yield self.finding(
                doc, m.start(), m.end(),
                f"{n} replacement character{'s' if n > 1 else ''} (U+FFFD): "
                "the original text was lost when it was decoded",
            )


class InvalidUtf8(Rule):
    """## What it does
    Reports byte sequences in the file that are not valid UTF-8, with their
    byte offset and line. The file is still checked: each bad sequence is
    decoded as U+FFFD. (A file that is entirely in another encoding is
    reported once by EN014 instead.)

    ## Why it matters
    Invalid UTF-8 breaks parsers, databases and web pages downstream, and
    usually means part of the file was written in another encoding.

    ## Example
    A file holding the bytes `caf\\xe9` (Latin-1 `é` in a UTF-8 file).

    ## How to silence it
    Convert the file to UTF-8 (`iconv -f windows-1252 -t utf-8`);
    `--unsafe-fixes` reads a stray single byte as Windows-1252.
    """

    code = "EN002"
    name = "invalid-utf8"
    category = "encoding"
    severity = Severity.ERROR
    summary = "Bytes that are not valid UTF-8"

    def check(self, doc: Document) -> Iterator[Finding]:
        raw = doc.decoding.invalid_raw
        for i, (byte_offset, text_offset) in enumerate(doc.decoding.invalid_bytes):
            shown = " ".join(f"0x{b:02X}" for b in raw[i]) if i < len(raw) else "?"
            hint, fix = "", None
            if i < len(raw) and len(raw[i]) == 1 and raw[i][0] >= 0x80:
                try:
                    char = raw[i].decode("cp1252")
                except UnicodeDecodeError:
                    pass
                else:  # a stray Windows-1252 byte: `caf\xe9`
                    hint = f" (Windows-1252 '{char}'?)"
                    fix = Fix(char, safe=False, description="read the byte as Windows-1252")
            yield self.finding(
                doc, text_offset, text_offset + 1,
                f"invalid UTF-8 byte{'s' if i < len(raw) and len(raw[i]) > 1 else ''} "
                f"{shown}{hint} at byte {byte_offset}, line {_line_no(doc, text_offset)}; "
                "decoded as U+FFFD",
                fix=fix,
                details={"byte_offset": byte_offset},
            )


_LOSSY_REPLACEMENT = {
    "apostrophe": "\u2019", "opening quote": "\u201c", "closing quote": "\u201d", "dash": "\u2014",
}


class LossyQuestionMark(Rule):
    """## What it does
    Finds `?` standing where a curly quote, apostrophe or dash was, as left by
    a conversion to a charset that lacked them: `province?s`, `They?re`,
    `?The Harmony?`, `Indiana ? and Michigan`. Real questions (`Why?`,
    `?!`, `what?"`) are not reported, nor `?` in URLs and code. The weaker
    patterns (a `?` between spaces or after a comma) are reported only when
    the same text has an unmistakable one (`It?s`, `?We`).

    ## Why it matters
    Syndicated news and CMS exports are full of it; it reads as a typo and
    the original character is lost.

    ## Example
    ```text
    The province?s budget rose.
                ^ EN003 (unsafe fix: ’)
    ```

    ## How to silence it
    Re-export the text as UTF-8 from its source; `--unsafe-fixes` puts
    typographic quotes and dashes back; or ignore `EN003`.
    """

    code = "EN003"
    name = "lossy-question-mark"
    category = "encoding"
    severity = Severity.WARNING
    summary = "`?` where a curly quote, apostrophe or dash was lost in conversion"

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        if "?" not in text or not may_be_strong(text):
            return  # findings need an unmistakable `?` (`It?s`, `?We`) in the text
        candidates = lossy_question_marks(text)
        if not candidates:
            return
        if any(k == "dash" for _, _, k, _ in candidates) and doc.language == "fr":
            candidates = lossy_question_marks(text, skip_space_before=True)
        if not any(strong for _, _, _, strong in candidates):
            return
        for start, end, kind, strong in candidates:
            replacement = _LOSSY_REPLACEMENT.get(kind)
            if kind == "characters of another script":
                what = f"'{text[start:end]}' where {kind} were: they were lost"
            else:
                what = f"'?' where {'an' if kind[0] in 'ao' else 'a'} {kind} was: the character was lost"
            yield self.finding(
                doc, start, end,
                f"{what} when the text was converted to a charset without it",
                confidence=0.9 if strong else 0.75,
                fix=Fix(replacement, safe=False, description=f"restore the {kind}") if replacement else None,
                details={"lost": kind},
            )


# -- invisible and deceptive characters ------------------------------------------

# C0 controls except tab, line feed and carriage return, and DEL. NUL has
# its own rule (EN012); C1 controls (`\x92` for `’`) are mojibake (MJ001).
_CONTROL_RUN = lazy_re(r"[\x01-\x08\x0b\x0c\x0e-\x1f\x7f]+")
_PRINTABLE_ASCII = bytes(range(0x20, 0x7F)) + b"\t\n\r"


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
    bell\x07 here   → EN004, fix: remove
    ```

    ## How to silence it
    `detector check --fix` removes them; or ignore `EN004`.
    """

    code = "EN004"
    name = "control-character"
    category = "encoding"
    severity = Severity.WARNING
    summary = "C0 control characters in text"

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        if text.isascii():
            # A fast first check: bytes.translate deletes the printable ASCII
            # and tab/line breaks in one C pass; anything left is a control.
            if not text.encode("ascii").translate(None, _PRINTABLE_ASCII):
                return
        elif text.replace("\n", "").replace("\t", "").replace("\r", "").isprintable():
            return  # str methods run at memory speed
        for m in _CONTROL_RUN.finditer(text):
            run = m.group()
            names = ", ".join(f"U+{ord(c):04X}" for c in run[:4]) + ("…" if len(run) > 4 else "")
            yield self.finding(
                doc, m.start(), m.end(),
                f"control character{'s' if len(run) > 1 else ''} {names} in text",
                fix=Fix("", safe=True, description="remove control characters"),
            )


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

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        if text.isascii() or not any(c in text for c in _ZERO_WIDTH):
            return
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

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        if text.isascii():
            return
        if any(c in text for c in _BIDI_MARKS):
            yield from self._marks(doc)
        if not any(c in text for c in _BIDI_CHARACTERS):
            return
        for m in _BIDI_CONTROLS.finditer(text):
            line = doc.line_text(_line_no(doc, m.start()))
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
            if _RTL_LETTER.search(doc.line_text(_line_no(doc, m.start()))):
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

    def check(self, doc: Document) -> Iterator[Finding]:
        if "\u00ad" not in doc.text:
            return
        for m in _SOFT_HYPHEN.finditer(doc.text):
            if m.start() and has_mojibake_pair(doc.text[m.start() - 1 : m.end()]):
                continue  # `Ã\xad` is `í` read as Windows-1252: MJ001 reports it
            yield self.finding(
                doc, m.start(), m.end(), "invisible soft hyphen (U+00AD) inside a word",
                fix=Fix("", safe=True, description="remove soft hyphens"),
            )


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

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        if text.isascii() or not GREEK_OR_CYRILLIC.search(text):
            return
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

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        if "&" not in text or doc.path.lower().endswith(_MARKUP_SUFFIXES):
            return
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


# -- what happened to the bytes ---------------------------------------------------

_ENCODING_LABELS = {
    "utf-16-le": "UTF-16 little-endian", "utf-16-be": "UTF-16 big-endian",
    "utf-32-le": "UTF-32 little-endian", "utf-32-be": "UTF-32 big-endian",
    "cp1252": "Windows-1252", "cp1250": "Windows-1250", "cp1251": "Windows-1251",
    "cp1253": "Windows-1253", "cp932": "Shift-JIS (cp932)", "shift-jis": "Shift-JIS",
    "gb18030": "GB18030", "gb2312": "GB2312", "big5": "Big5", "cp949": "EUC-KR (cp949)",
    "euc-kr": "EUC-KR", "euc-jp": "EUC-JP", "koi8-r": "KOI8-R", "latin-1": "Latin-1",
    "iso8859-1": "Latin-1", "mac-roman": "MacRoman",
}


def encoding_label(name: str) -> str:
    """A human name for a Python codec name: `cp1252` → `Windows-1252`."""
    return _ENCODING_LABELS.get(name.lower().replace("_", "-"), name)


class WideUnicodeFile(Rule):
    """## What it does
    Reports a file encoded as UTF-16 or UTF-32 (with or without a byte-order
    mark). The file is decoded and checked as usual.

    ## Why it matters
    Most text tools, diff viewers and pipelines expect UTF-8 and see UTF-16
    as binary full of NUL bytes.

    ## Example
    A file saved as "Unicode" by Windows Notepad (UTF-16 little-endian).

    ## How to silence it
    Convert it: `iconv -f utf-16 -t utf-8`; or ignore `EN010`.
    """

    code = "EN010"
    name = "utf16-or-utf32-file"
    category = "encoding"
    severity = Severity.INFO
    summary = "File encoded as UTF-16 or UTF-32 instead of UTF-8"

    def check(self, doc: Document) -> Iterator[Finding]:
        enc = doc.decoding.encoding
        if enc.startswith(("utf-16", "utf-32")):
            bom = "with" if doc.decoding.bom else "without"
            yield self.finding(
                doc, 0, 0,
                f"file is encoded as {encoding_label(enc)} ({bom} byte-order mark), not UTF-8; "
                "decoded and checked",
                details={"encoding": enc},
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

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        if "\ufeff" not in text:
            return
        for m in regex.finditer("\ufeff+", text):
            yield self.finding(
                doc, m.start(), m.end(),
                "byte-order mark (U+FEFF) inside the text: probably where two files were joined",
                fix=Fix("", safe=True, description="remove byte-order mark"),
            )


class NulByte(Rule):
    """## What it does
    Finds NUL characters (U+0000) in text that is not UTF-16/32.

    ## Why it matters
    NUL ends strings in C, truncates database fields and makes many tools
    treat the file as binary.

    ## Example
    ```text
    Total\\x00\\x00 12   → EN012
    ```

    ## How to silence it
    `detector check --fix` removes them; or ignore `EN012`.
    """

    code = "EN012"
    name = "nul-byte"
    category = "encoding"
    severity = Severity.ERROR
    summary = "NUL bytes in text"

    def check(self, doc: Document) -> Iterator[Finding]:
        if "\x00" not in doc.text:
            return
        for m in regex.finditer("\x00+", doc.text):
            n = m.end() - m.start()
            yield self.finding(
                doc, m.start(), m.end(), f"{n} NUL byte{'s' if n > 1 else ''} in text",
                fix=Fix("", safe=True, description="remove NUL bytes"),
            )


_ENDING_NAMES = {"\r\n": "CRLF", "\n": "LF", "\r": "CR"}


class MixedLineEndings(Rule):
    """## What it does
    Reports a file whose lines end in more than one way (CRLF, LF, lone CR),
    once, at the first line ending of the rarer kind.

    ## Why it matters
    Mixed endings show that text from different systems was pasted together;
    they make diffs noisy and some parsers split lines wrongly.

    ## Example
    A file with 120 lines ending in CRLF and 3 in LF.

    ## How to silence it
    Normalise with your editor or `dos2unix`; or ignore `EN013`.
    """

    code = "EN013"
    name = "mixed-line-endings"
    category = "encoding"
    severity = Severity.INFO
    summary = "More than one kind of line ending in a file"

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        if "\r" not in text:
            return
        counts = doc.decoding.line_endings or {
            k: v for k, v in {"\r\n": text.count("\r\n"), "\n": text.count("\n") - text.count("\r\n"),
                              "\r": text.count("\r") - text.count("\r\n")}.items() if v
        }
        if len(counts) < 2:
            return
        rarest = min(counts, key=lambda k: (counts[k], k))
        pattern = {"\r\n": r"\r\n", "\n": r"(?<!\r)\n", "\r": r"\r(?!\n)"}[rarest]
        m = regex.search(pattern, text)
        summary = ", ".join(f"{counts[k]} × {_ENDING_NAMES[k]}" for k in sorted(counts, key=lambda k: -counts[k]))
        yield self.finding(
            doc, m.start(), m.end(),
            f"mixed line endings ({summary}); first {_ENDING_NAMES[rarest]} here",
            details={"line_endings": {_ENDING_NAMES[k]: v for k, v in counts.items()}},
        )


class LegacyEncoding(Rule):
    """## What it does
    Reports a file that is not UTF-8 but in a legacy encoding (Windows-1252,
    Latin-1, Shift-JIS, GB18030, EUC-KR, …), detected with charset-normalizer.
    The file is decoded with that encoding and checked as usual.

    ## Why it matters
    Every tool that assumes UTF-8 will show it as mojibake or fail on it.

    ## Example
    A file holding `caf\\xe9 cr\\xe8me` (Windows-1252).

    ## How to silence it
    Convert it: `iconv -f windows-1252 -t utf-8`; or ignore `EN014`.
    """

    code = "EN014"
    name = "legacy-encoding"
    category = "encoding"
    severity = Severity.ERROR
    summary = "File in a legacy (non-UTF-8) encoding"

    def check(self, doc: Document) -> Iterator[Finding]:
        if doc.decoding.detected:
            enc = doc.decoding.encoding
            yield self.finding(
                doc, 0, 0,
                f"file is not UTF-8; detected {encoding_label(enc)} and decoded with it",
                details={"encoding": enc},
            )
