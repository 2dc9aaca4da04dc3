"""Mojibake rules (MJ): text decoded with the wrong encoding (``â€™`` for ``’``).

The rules live here; the re-decoding they rely on is in
:mod:`detector.rules._redecode`, the reading of Korean and Chinese legacy
encodings in :mod:`detector.rules._legacy_cjk`. As in
:mod:`detector.rules.encoding`, each ``check`` answers a text with nothing
to look at (all ASCII, no `â`) with an empty tuple; ``_findings`` does the
work.
"""

from __future__ import annotations

import re
from typing import Iterable, Iterator

from detector.document import Document
from detector.finding import Finding, Fix, Severity
from detector.rule import Rule
from detector.rules._lazy import lazy, lazy_re
from detector.rules._legacy_cjk import CJK_CAUSES, cjk_mojibake, cjk_readings
from detector.rules._non_ascii import non_ascii_runs
from detector.rules._redecode import candidate_patterns, cause_of, has_mojibake_pair, redecode, repair

__all__ = [
    "LegacyCjkMojibake", "LossyMojibake", "Mojibake",
    "cause_of", "cjk_mojibake", "cjk_readings", "has_mojibake_pair", "redecode",
]

# Punctuation that ends a word and is never part of mojibake.
_TRAILING = ".,;:!?)]}\"'"
_LEADING = "([{\"'"

_C1_CONTROL = lazy_re("[\x80-\x9f]")
# The commonest mojibake pairs (lead bytes of Latin, Cyrillic, Arabic and
# punctuation read as Windows-1252): with ftfy's badness, enough to report a
# span that cannot be re-decoded (`dünyasÄ±nÄ±n`), but not `Arınç’ın`.
_TYPICAL_MOJIBAKE = lazy_re(
    "[\u00c2\u00c3\u00c4\u00c5\u00d0\u00d1\u00d8\u00d9\u00e2]"
    "[\x80-\xbf\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152"
    "\u017d\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u017e\u0178]"
)


def _non_ascii_windows(runs: list[tuple[int, int]], length: int, margin: int = 8) -> list[tuple[int, int]]:
    """Stretches of a text of ``length`` characters around its runs of
    non-ASCII characters (``runs``), merged.

    Mojibake always holds non-ASCII characters, and ftfy's badness pattern is
    slow (about 4 MB/s): it only runs where it can match.

    >>> _non_ascii_windows([(2, 5), (9, 10), (40, 41)], 45, margin=3)
    [(0, 13), (37, 44)]
    """
    windows: list[tuple[int, int]] = []
    for start, end in runs:
        lo, hi = max(0, start - margin), min(length, end + margin)
        if windows and lo <= windows[-1][1]:
            windows[-1] = (windows[-1][0], hi)
        else:
            windows.append((lo, hi))
    return windows


# Words end at ASCII whitespace only: a no-break space (byte 0xA0) is often
# part of the mojibake itself (`ì\xa0„ë‹´` is Korean `전담`).
_ASCII_SPACE = " \t\n\r\f\v"


def _word_spans(text: str, matches: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Each match (start, end) widened to its whitespace-delimited word;
    adjacent words merged."""
    spans: list[tuple[int, int]] = []
    for start, end in matches:
        # ftfy's patterns may start on an ASCII letter or space before the
        # damage (`was Ã¢â‚¬`): the span starts at the damaged word.
        while start < end - 1 and text[start].isascii():
            start += 1
        while end > start + 1 and text[end - 1].isascii():
            end -= 1
        while start > 0 and text[start - 1] not in _ASCII_SPACE:
            start -= 1
        while end < len(text) and text[end] not in _ASCII_SPACE:
            end += 1
        while start < end and text[start] in _LEADING:
            start += 1
        while end > start and text[end - 1] in _TRAILING:
            end -= 1
        if spans and start <= spans[-1][1] + 1 and text[spans[-1][1] : start].strip(_ASCII_SPACE) == "":
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

    def check(self, doc: Document) -> Iterable[Finding]:
        if doc.text.isascii():
            return ()  # the common case, without starting a generator
        return self._findings(doc)

    def _findings(self, doc: Document) -> Iterator[Finding]:
        from ftfy.badness import BADNESS_RE

        text = doc.text
        runs = doc.memo(non_ascii_runs)
        # ftfy's patterns may take ASCII context (`[a-z]\s?Ã `): they run on
        # windows around the runs. A lead byte and a continuation byte read
        # with a wrong codec are two non-ASCII characters: those patterns run
        # on the runs of two or more, and find there what they find in the
        # windows.
        matches = [m.span() for lo, hi in _non_ascii_windows(runs, len(text)) for m in BADNESS_RE.finditer(text, lo, hi)]
        pairs = candidate_patterns()
        matches += [
            m.span() for start, end in runs if end - start > 1 for pattern in pairs
            for m in pattern.finditer(text, start, end)
        ]
        if not matches:
            return
        matches.sort()
        cjk = doc.memo(_cjk_of)
        claimed = [(s, e) for s, e, _ in cjk[1]] if cjk else []
        for start, end in _word_spans(text, matches):
            if start >= end:
                continue
            if claimed and any(s < end and start < e for s, e in claimed):
                continue  # Korean or Chinese read as Windows-1252: MJ003
            yield from self._check_span(doc, start, end, split=True)

    def _check_span(self, doc: Document, start: int, end: int, split: bool) -> Iterator[Finding]:
        from ftfy.badness import BADNESS_RE

        span = doc.text[start:end]
        repaired = repair(span)
        if repaired is not None:
            fixed, cause = repaired
            # A symbol left inside a word (`gr\x89ce` → `gr‰ce`, really `grâce`
            # damaged twice) means the re-decoding is consistent but wrong.
            odd = bool(_SYMBOL_INSIDE_WORD.search(fixed))
            yield self.finding(
                doc, start, end,
                f"mojibake '{span}' ({cause}); should read '{fixed}'",
                confidence=0.8 if odd else 0.97,
                fix=Fix(fixed, safe=not odd, description=f"re-decode ({cause})"),
                details={"cause": cause},
            )
        elif _LOSSY_MOJIBAKE.search(span):
            return  # `â??`: MJ002 reports it
        elif split and any(c in _ASCII_SPACE for c in span):
            # Words merged into one span may be damaged differently
            # (`eÄŸitim dünyasÄ±nÄ±n`): judge each on its own.
            for m in _NON_SPACE_RUN.finditer(span):
                yield from self._check_span(doc, start + m.start(), start + m.end(), split=False)
        elif BADNESS_RE.search(span) and (_C1_CONTROL.search(span) or _TYPICAL_MOJIBAKE.search(span)):
            yield self.finding(
                doc, start, end,
                f"'{span}' looks like mojibake, but no consistent re-decoding was found",
                severity=Severity.WARNING,
                confidence=0.6,
            )


# A non-ASCII symbol between two Latin letters (curly apostrophes, dashes and
# the middle dot of Catalan excepted).
_SYMBOL_INSIDE_WORD = lazy(
    r"(?<=\p{Latin})[^\x00-\x7f\p{L}\p{M}\p{N}\s’‘·•…‐‑–—]+(?=\p{Latin})"
)
_NON_SPACE_RUN = lazy_re(r"[^ \t\n\r\f\v]+")


# `’` (E2 80 99) read as Windows-1252 is `â€™`; when that text then went
# through a charset without `€` and `™`, they became `?`: `Camillaâ??s`.
_LOSSY_MOJIBAKE = lazy_re(r"\u00e2(?:\?\?|\u20ac\?)")
_CONTRACTION_AFTER = lazy_re(r"(?:s|t|re|ve|ll|d|m)\b", re.IGNORECASE)


class LossyMojibake(Rule):
    """## What it does
    Finds `â??` and `â€?`: a curly quote or dash that was first turned into
    mojibake (`â€™`, UTF-8 read as Windows-1252) and then lost its last
    characters to `?` in a conversion to a charset without them.

    ## Why it matters
    Neither ftfy nor a re-decoding can restore it: the bytes are gone. The
    context usually tells which character it was (`Camillaâ??s` is `’`),
    which the unsafe fix puts back.

    ## Example
    ```text
    Camillaâ??s cruise
           ^^^ MJ002 (unsafe fix: ’)
    ```

    ## How to silence it
    Re-export the text from its source; `--unsafe-fixes`; or ignore `MJ002`.
    """

    code = "MJ002"
    name = "lossy-mojibake"
    category = "mojibake"
    severity = Severity.ERROR
    summary = "Mojibake of a curly quote or dash whose last bytes were lost to `?`"

    def check(self, doc: Document) -> Iterable[Finding]:
        if "\u00e2" not in doc.text:
            return ()  # the common case, without starting a generator
        return self._findings(doc)

    def _findings(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        for m in _LOSSY_MOJIBAKE.finditer(text):
            start, end = m.start(), m.end()
            before = text[start - 1] if start else " "
            after = text[end] if end < len(text) else " "
            if before.isalpha() and _CONTRACTION_AFTER.match(text, end):
                kind, replacement = "an apostrophe", "\u2019"
            elif not before.isalnum() and after.isalnum():
                kind, replacement = "an opening quote", "\u201c"
            elif not after.isalnum():
                kind, replacement = "a closing quote", "\u201d"
            else:
                kind, replacement = "a quote or dash", None
            yield self.finding(
                doc, start, end,
                f"'{m.group()}' is mojibake of {kind} (UTF-8 read as Windows-1252) whose last "
                "bytes were then lost to '?'",
                confidence=0.9,
                fix=Fix(replacement, safe=False, description=f"restore {kind}") if replacement else None,
            )




# -- MJ003: Chinese, Korean text in a legacy double-byte encoding read as Windows-1252 --
# (the readings are made in :mod:`detector.rules._legacy_cjk`)


class LegacyCjkMojibake(Rule):
    """## What it does
    Finds Korean or Chinese text whose legacy double-byte encoding (EUC-KR,
    GBK, Big5) was read as Windows-1252 or Latin-1: `¾îµðµç` for `어디든`,
    `ÅÅÐòºó` for `排序后`. Common in source-code comments and old exports.

    ## Why it matters
    The text is unreadable, but nothing is lost: read back with the right
    encoding it is restored. Korean readings (all Hangul) are reliable and a
    safe fix; Chinese ones (GBK or Big5) are an unsafe fix.

    ## Example
    ```text
    // ¾îµðµç Á¢ÃËÇÏ¸é Æø¹ß
       ^^^^^^^^^^^^^^^^^^^^^ MJ003 fix: 어디든 접촉하면 폭발
    ```

    ## How to silence it
    Convert the file from its real encoding; or ignore `MJ003`.
    """

    code = "MJ003"
    name = "legacy-cjk-mojibake"
    category = "mojibake"
    severity = Severity.ERROR
    summary = "Korean or Chinese legacy-encoded text read as Windows-1252"

    def check(self, doc: Document) -> Iterable[Finding]:
        if doc.text.isascii():
            return ()  # the common case, without starting a generator
        return self._findings(doc)

    def _findings(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        found = doc.memo(_cjk_of)
        if found is None:
            return
        codec, runs = found
        cause = CJK_CAUSES[codec]
        # Runs separated by spaces only make one finding: `¾îµðµç Á¢ÃËÇÏ¸é`.
        merged: list[list] = []
        for start, end, reading in runs:
            if merged and text[merged[-1][1] : start].strip(" ") == "":
                merged[-1][1] = end
                merged[-1][2].append((start, end, reading))
            else:
                merged.append([start, end, [(start, end, reading)]])
        for start, end, parts in merged:
            fixed = _splice(text, start, end, parts)
            yield self.finding(
                doc, start, end,
                f"mojibake '{text[start:end]}' ({cause}); should read '{fixed}'",
                confidence=0.95 if codec == "cp949" else 0.8,
                fix=Fix(fixed, safe=codec == "cp949", description=f"re-decode ({cause})"),
                details={"cause": cause},
            )


def _cjk_of(doc: Document):
    """:func:`cjk_mojibake` of the document, shared by MJ001 and MJ003."""
    return cjk_mojibake(doc.text, doc.memo(non_ascii_runs))


def _splice(text: str, start: int, end: int, parts: list[tuple[int, int, str]]) -> str:
    out, pos = [], start
    for s, e, reading in parts:
        out.append(text[pos:s])
        out.append(reading)
        pos = e
    out.append(text[pos:end])
    return "".join(out)
