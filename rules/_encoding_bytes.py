"""Encoding rules about what happened to the bytes of a file (EN002, EN010,
EN012, EN013, EN014).

Read from ``doc.decoding`` as recorded by :mod:`detector.reading`: invalid
UTF-8, UTF-16/32 files, NUL bytes, mixed line endings and legacy encodings.
The rules are registered through :mod:`detector.rules.encoding`.
"""

from __future__ import annotations

from typing import Iterable, Iterator

import regex

from detector.document import Document
from detector.finding import Finding, Fix, Severity
from detector.rule import Rule


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

    def check(self, doc: Document) -> Iterable[Finding]:
        if not doc.decoding.invalid_bytes:
            return ()  # the common case, without starting a generator
        return self._findings(doc)

    def _findings(self, doc: Document) -> Iterator[Finding]:
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
                    fix = Fix(char, safe=False, description="read the byte as Windows-1252",
                              replaces_undecodable=True)
            yield self.finding(
                doc, text_offset, text_offset + 1,
                f"invalid UTF-8 byte{'s' if i < len(raw) and len(raw[i]) > 1 else ''} "
                f"{shown}{hint} at byte {byte_offset}, line {doc.position(text_offset).line}; "
                "decoded as U+FFFD",
                fix=fix,
                details={"byte_offset": byte_offset},
            )


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
    whole_file = True
    name = "utf16-or-utf32-file"
    category = "encoding"
    severity = Severity.INFO
    summary = "File encoded as UTF-16 or UTF-32 instead of UTF-8"

    def check(self, doc: Document) -> Iterable[Finding]:
        if not doc.decoding.encoding.startswith(("utf-16", "utf-32")):
            return ()  # the common case, without starting a generator
        return self._findings(doc)

    def _findings(self, doc: Document) -> Iterator[Finding]:
        enc = doc.decoding.encoding
        bom = "with" if doc.decoding.bom else "without"
        yield self.finding(
            doc, 0, 0,
            f"file is encoded as {encoding_label(enc)} ({bom} byte-order mark), not UTF-8; "
            "decoded and checked",
            details={"encoding": enc},
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

    def check(self, doc: Document) -> Iterable[Finding]:
        if "\x00" not in doc.text:
            return ()  # the common case, without starting a generator
        return self._findings(doc)

    def _findings(self, doc: Document) -> Iterator[Finding]:
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
    whole_file = True
    name = "mixed-line-endings"
    category = "encoding"
    severity = Severity.INFO
    summary = "More than one kind of line ending in a file"

    def check(self, doc: Document) -> Iterable[Finding]:
        if "\r" not in doc.text:
            return ()  # the common case, without starting a generator
        return self._findings(doc)

    def _findings(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
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
    whole_file = True
    name = "legacy-encoding"
    category = "encoding"
    severity = Severity.ERROR
    summary = "File in a legacy (non-UTF-8) encoding"

    def check(self, doc: Document) -> Iterable[Finding]:
        if not doc.decoding.detected:
            return ()  # the common case, without starting a generator
        return self._findings(doc)

    def _findings(self, doc: Document) -> Iterator[Finding]:
        enc = doc.decoding.encoding
        yield self.finding(
            doc, 0, 0,
            f"file is not UTF-8; detected {encoding_label(enc)} and decoded with it",
            details={"encoding": enc},
        )
