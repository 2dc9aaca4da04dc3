"""Mojibake rules (MJ): text decoded with the wrong encoding (``â€™`` for ``’``)."""

from __future__ import annotations

import re
from typing import Iterator

import regex

from detector.document import Document
from detector.finding import Finding, Fix, Severity
from detector.rule import Rule
from detector.rules._lazy import lazy, lazy_re
from detector.scripts import scripts_in

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


# UTF-8 multi-byte sequences as they look when read with the wrong codec: the
# character of a lead byte (0xC2-0xF4) followed by that of a continuation
# byte (0x80-0xBF). Windows-1252: `Ã©` (é), `á»±` (ự); Windows-1251: `РґСЂ`
# (др); MacRoman: `√©` (é), `–ø` (п). Candidates only: a finding needs a
# re-decoding that succeeds (``redecode``).
def _lead_then_continuation(codec: str) -> "regex.Pattern":
    import ftfy.bad_codecs  # noqa: F401  (registers the sloppy codecs)

    def chars(lo: int, hi: int) -> str:
        out = []
        for b in range(lo, hi + 1):
            try:
                out.append(bytes([b]).decode(codec))
            except UnicodeDecodeError:
                pass
        return regex.escape("".join(out))

    return regex.compile(f"[{chars(0xC2, 0xF4)}][{chars(0x80, 0xBF)}]")


_CANDIDATE_CODECS = ("sloppy-windows-1252", "sloppy-windows-1251", "mac_roman")
_candidate_patterns: list = []


def _candidates() -> list:
    if not _candidate_patterns:
        _candidate_patterns.extend(_lead_then_continuation(c) for c in _CANDIDATE_CODECS)
    return _candidate_patterns


def has_mojibake_pair(s: str) -> bool:
    """Does ``s`` hold a UTF-8 lead and continuation byte read with a wrong codec?

    Other rules use it to leave mojibake to MJ001 (`Ã\xad` is `í`, not a soft
    hyphen; `вЂ` is `“` read as Windows-1251, not a look-alike letter).

    >>> has_mojibake_pair("Ã\xad"), has_mojibake_pair("iвЂ"), has_mojibake_pair("infor\xadmation")
    (True, True, False)
    """
    return any(p.search(s) for p in _candidates())


# What the damage is called, by the codec that undoes it.
_CAUSES = {
    "sloppy-windows-1252": "UTF-8 read as Windows-1252",
    "sloppy-windows-1251": "UTF-8 read as Windows-1251",
    "mac_roman": "UTF-8 read as MacRoman",
}
# Characters a re-decoding may produce: the common blocks of living scripts
# (Latin, basic Greek and Cyrillic, Arabic, Hebrew, Devanagari, Thai, CJK,
# Hangul), punctuation, currency, emoji and U+FFFD. `“è` read back through
# MacRoman gives the rare Cyrillic `ҏ`: not a plausible original.
_PLAUSIBLE = lazy(
    "^[\x20-\x7e\u00a0-\u024f\u0386-\u03ce\u0400-\u045f\u0490\u0491\u05d0-\u05ea"
    "\u0600-\u06ff\u0900-\u097f\u0e00-\u0e7f\u1e00-\u1eff\u2010-\u2044\u20a0-\u20bf"
    "\u2100-\u2153\u3000-\u30ff\u4e00-\u9fff\uac00-\ud7af\uff01-\uff5e\ufffd"
    "\U0001f300-\U0001faff]+$"
)
_C1_CONTROL = lazy_re("[\x80-\x9f]")
# The commonest mojibake pairs (lead bytes of Latin, Cyrillic, Arabic and
# punctuation read as Windows-1252): with ftfy's badness, enough to report a
# span that cannot be re-decoded (`dünyasÄ±nÄ±n`), but not `Arınç’ın`.
_TYPICAL_MOJIBAKE = lazy_re(
    "[\u00c2\u00c3\u00c4\u00c5\u00d0\u00d1\u00d8\u00d9\u00e2]"
    "[\x80-\xbf\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152"
    "\u017d\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u017e\u0178]"
)
_NON_ASCII_RUN = lazy_re(r"[^\x00-\x7f]+")


def redecode(span: str) -> tuple[str, str] | None:
    """Undo UTF-8 read with a wrong codec, run by run of non-ASCII characters.

    Each run must encode back to bytes with one codec and those bytes must be
    valid UTF-8: clean text almost never passes that test. Returns the fixed
    span and the cause, or None.

    >>> redecode("РґСЂСѓРіРѕРіРѕ")
    ('другого', 'UTF-8 read as Windows-1251')
    >>> redecode("–ø–æ–≤–µ—Ä–Ω—É–ª–∞—Å—è")
    ('повернулася', 'UTF-8 read as MacRoman')
    >>> redecode("SÃO"), redecode("Привет")
    (None, None)
    """
    import ftfy.bad_codecs  # noqa: F401  (registers the sloppy codecs)

    for codec, cause in _CAUSES.items():
        out, pos, layers = [], 0, 1
        for m in _NON_ASCII_RUN.finditer(span):
            fixed = _undo(m.group(), codec)
            if fixed is None:
                break  # every run must re-decode, or `qu’à` would pass
            again = _undo(fixed, codec) if not fixed.isascii() else None
            if again is not None:
                fixed, layers = again, 2
            out.append(span[pos : m.start()])
            out.append(fixed)
            pos = m.end()
        else:
            out.append(span[pos:])
            result = "".join(out)
            scripts = scripts_in(result)
            if out and len(scripts) <= 1 and "Other" not in scripts and _PLAUSIBLE.match(result):
                return result, ("double-encoded UTF-8" if layers > 1 else cause)
    return None


def _undo(run: str, codec: str) -> str | None:
    if "\ufffd" in run:  # the sloppy codecs would turn it into a control byte
        return None
    try:
        fixed = run.encode(codec).decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return None
    return fixed if fixed != run else None


def _non_ascii_windows(text: str, margin: int = 8) -> list[tuple[int, int]]:
    """Stretches of text around its non-ASCII characters, merged.

    Mojibake always holds non-ASCII characters, and ftfy's badness pattern is
    slow (about 4 MB/s): it only runs where it can match.
    """
    windows: list[tuple[int, int]] = []
    n = len(text)
    for m in _NON_ASCII_RUN.finditer(text):
        lo, hi = max(0, m.start() - margin), min(n, m.end() + margin)
        if windows and lo <= windows[-1][1]:
            windows[-1] = (windows[-1][0], hi)
        else:
            windows.append((lo, hi))
    return windows


# Words end at ASCII whitespace only: a no-break space (byte 0xA0) is often
# part of the mojibake itself (`ì\xa0„ë‹´` is Korean `전담`).
_ASCII_SPACE = " \t\n\r\f\v"


def _word_spans(text: str, matches) -> list[tuple[int, int]]:
    """Each match widened to its whitespace-delimited word; adjacent words merged."""
    spans: list[tuple[int, int]] = []
    for m in matches:
        start, end = m.start(), m.end()
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

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        if text.isascii():
            return
        from ftfy.badness import BADNESS_RE

        patterns = (BADNESS_RE, *_candidates())
        matches = [
            m for lo, hi in _non_ascii_windows(text) for pattern in patterns
            for m in pattern.finditer(text, lo, hi)
        ]
        matches.sort(key=lambda m: (m.start(), m.end()))
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
        repaired = _repair(span)
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
_config: list = []


def _repair(span: str) -> tuple[str, str] | None:
    """The span re-decoded and the cause, by ftfy or by :func:`redecode`; or None."""
    from ftfy import fix_and_explain

    if not _config:
        _config.append(_fixer_config())
    fixed, explanation = fix_and_explain(span, _config[0])
    encoding_steps = any(step in ("encode", "decode") for step, _ in explanation or [])
    if fixed.count("\ufffd") > span.count("\ufffd"):
        encoding_steps = False  # ftfy filled lost bytes with U+FFFD: no real fix
    if fixed != span and encoding_steps:
        return fixed, cause_of(explanation)
    return redecode(span)


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

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        if "\u00e2" not in text:
            return
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

# A run of the characters Windows-1252 (or Latin-1, for its undefined bytes)
# gives to bytes 0x80-0xFF.
_WINDOWS_1252_HIGH_RUN = lazy_re(
    "[\u0080-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]{2,}"
)
# What a reading may hold besides its letters: CJK and general punctuation,
# full-width forms.
_CJK_PUNCTUATION = "\u00b7\u2015\u2018\u2019\u201c\u201d\u2025\u2026\u3000-\u303f\u318d\uff01-\uff5e"
_HANGUL_READING = lazy_re(f"^[\uac00-\ud7a3\u4e00-\u9fff{_CJK_PUNCTUATION}]+$")
_HANGUL_SYLLABLE = lazy_re("[\uac00-\ud7a3]")
_HAN = lazy_re(f"^[\u4e00-\u9fff{_CJK_PUNCTUATION}]+$")
_CJK_CAUSES = {
    "cp949": "Korean EUC-KR read as Windows-1252",
    "gbk": "Chinese GBK read as Windows-1252",
    "big5": "Chinese Big5 read as Windows-1252",
}


def cjk_readings(run: str) -> dict[str, str]:
    """The readings of ``run``'s Windows-1252 bytes as Korean or Chinese text.

    Only readings made mostly of Hangul syllables (cp949) or entirely of Han
    characters (gbk, big5), with CJK punctuation, are kept.

    >>> cjk_readings("¾îµðµç")["cp949"], cjk_readings("ÅÅÐòºó")["gbk"]
    ('어디든', '排序后')
    >>> cjk_readings("naïve")
    {}
    """
    data = _bytes_of(run)
    if data is None or len(data) % 2:
        return {}
    readings = {}
    for codec, script in (("cp949", _HANGUL_READING), ("gbk", _HAN), ("big5", _HAN)):
        try:
            decoded = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if not script.match(decoded):
            continue
        if codec == "cp949" and len(_HANGUL_SYLLABLE.findall(decoded)) < 0.6 * len(decoded):
            continue  # Korean is mostly Hangul
        readings[codec] = decoded
    return readings


_known_characters: dict[str, frozenset] = {}


def _known_share(reading: str, codec: str) -> float:
    """Share of the reading's letters found in wordfreq's Korean or Chinese
    word list: real text scores near 1, bytes of another encoding read with
    this codec much lower."""
    lang = "ko" if codec == "cp949" else "zh"
    if lang not in _known_characters:
        from wordfreq import get_frequency_dict

        _known_characters[lang] = frozenset(
            ch for word in get_frequency_dict(lang, wordlist="small") for ch in word
        )
    known = _known_characters[lang]
    letters = [ch for ch in reading if ch.isalpha()]
    return sum(ch in known for ch in letters) / max(1, len(letters))


def cjk_mojibake(text: str) -> tuple[str, list[tuple[int, int, str]]] | None:
    """The codec and the (start, end, reading) of each run, if the text holds
    Korean or Chinese read as Windows-1252; None otherwise.

    One codec must explain most runs with familiar characters, there must be
    two runs or four characters' worth (`ÄÖÜß` alone is not Chinese), and
    most runs must not re-decode as UTF-8 (`Ã©` reads as Korean `찾` too: a
    text full of those is UTF-8 mojibake, MJ001).
    """
    runs = list(_WINDOWS_1252_HIGH_RUN.finditer(text))
    if sum(m.end() - m.start() for m in runs) < 8:
        return None
    readings = [(m, cjk_readings(m.group())) for m in runs]
    readable = [(m, r) for m, r in readings if r]
    if not readable:
        return None
    utf8 = sum(1 for m, _ in readable if _undo(m.group(), "sloppy-windows-1252") is not None)
    if utf8 > 0.5 * len(readable):
        return None
    for codec in ("cp949", "gbk", "big5"):
        found = [(m.start(), m.end(), r[codec]) for m, r in readable if codec in r]
        chars = sum(len(x[2]) for x in found)
        if (len(found) < 2 and chars < 4) or len(found) < 0.6 * len(readable):
            continue
        if _known_share("".join(x[2] for x in found), codec) >= 0.9:
            # The text is in this encoding: its symbols (`①`, `”`, `㎜`) too.
            return codec, [
                (m.start(), m.end(), reading) for m in runs
                if (reading := _strict_reading(m.group(), codec)) is not None
            ]
    return None


def _strict_reading(run: str, codec: str) -> str | None:
    data = _bytes_of(run)
    try:
        return data.decode(codec) if data is not None else None
    except UnicodeDecodeError:
        return None


def _bytes_of(run: str) -> bytes | None:
    """The bytes that Windows-1252 (Latin-1 for its undefined bytes) read as ``run``."""
    import ftfy.bad_codecs  # noqa: F401  (registers the sloppy codecs)

    try:
        return run.encode("sloppy-windows-1252")
    except UnicodeEncodeError:
        return None


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

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        if text.isascii():
            return
        found = doc.memo(_cjk_of)
        if found is None:
            return
        codec, runs = found
        cause = _CJK_CAUSES[codec]
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
    return cjk_mojibake(doc.text)


def _splice(text: str, start: int, end: int, parts: list[tuple[int, int, str]]) -> str:
    out, pos = [], start
    for s, e, reading in parts:
        out.append(text[pos:s])
        out.append(reading)
        pos = e
    out.append(text[pos:end])
    return "".join(out)
