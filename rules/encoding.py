"""Encoding rules (EN): damage done when bytes became text."""

from __future__ import annotations

from typing import Iterator

import regex

from detector.document import Document
from detector.finding import Finding, Severity
from detector.rule import Rule

# One or more U+FFFD REPLACEMENT CHARACTERs in a row.
REPLACEMENT_RUN = regex.compile("\ufffd+")


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
    Reports byte sequences in the file that are not valid UTF-8. The file is
    still checked: each bad sequence is decoded as U+FFFD.

    ## Why it matters
    Invalid UTF-8 breaks parsers, databases and web pages downstream, and
    usually means part of the file was written in another encoding.

    ## Example
    A file holding the bytes `caf\\xe9` (Latin-1 `é` in a UTF-8 file).

    ## How to silence it
    Convert the file to UTF-8 (`iconv -f windows-1252 -t utf-8`).
    """

    code = "EN002"
    name = "invalid-utf8"
    category = "encoding"
    severity = Severity.ERROR
    summary = "Bytes that are not valid UTF-8"

    def check(self, doc: Document) -> Iterator[Finding]:
        for byte_offset, text_offset in doc.decoding.invalid_bytes:
            yield self.finding(
                doc, text_offset, text_offset + 1,
                f"invalid UTF-8 at byte {byte_offset}; decoded as U+FFFD",
                details={"byte_offset": byte_offset},
            )
