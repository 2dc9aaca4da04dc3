"""Encoding rules about characters that were lost (EN001 U+FFFD, EN003 `?`
for a curly quote or dash).

The analysis of lost characters behind EN003 lives in
:mod:`detector.rules._lossy`. The rules are registered through
:mod:`detector.rules.encoding`.
"""

from __future__ import annotations

from typing import Iterable, Iterator

from detector.document import Document
from detector.finding import Finding, Fix, Severity
from detector.rule import Rule
from detector.rules._lazy import lazy_re
from detector.rules._lossy import lossy_question_marks, may_be_strong

# One or more U+FFFD REPLACEMENT CHARACTERs in a row.
REPLACEMENT_RUN = lazy_re("\ufffd+")


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

    def check(self, doc: Document) -> Iterable[Finding]:
        if "\ufffd" not in doc.text:
            return ()  # the common case, without starting a generator
        return self._findings(doc)

    def _findings(self, doc: Document) -> Iterator[Finding]:
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


_LOSSY_REPLACEMENT = {
    "apostrophe": "\u2019", "opening quote": "\u201c", "closing quote": "\u201d", "dash": "\u2014",
}
# The fix of each kind, made once: a Fix is immutable, and making one costs
# about as much as finding the `?` it repairs.
_LOSSY_FIX = {
    kind: Fix(replacement, safe=False, description=f"restore the {kind}")
    for kind, replacement in _LOSSY_REPLACEMENT.items()
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

    def check(self, doc: Document) -> Iterable[Finding]:
        text = doc.text
        if "?" not in text or not may_be_strong(text):
            return ()  # findings need an unmistakable `?` (`It?s`, `?We`) in the text
        return self._findings(doc)

    def _findings(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        candidates = lossy_question_marks(text)
        if not candidates:
            return
        if any(k == "dash" for _, _, k, _ in candidates) and doc.language == "fr":
            candidates = lossy_question_marks(text, skip_space_before=True)
        if not any(strong for _, _, _, strong in candidates):
            return
        for start, end, kind, strong in candidates:
            if kind == "characters of another script":
                what = f"'{text[start:end]}' where {kind} were: they were lost"
            else:
                what = f"'?' where {'an' if kind[0] in 'ao' else 'a'} {kind} was: the character was lost"
            yield self.finding(
                doc, start, end,
                f"{what} when the text was converted to a charset without it",
                confidence=0.9 if strong else 0.75,
                fix=_LOSSY_FIX.get(kind),
                details={"lost": kind},
            )
