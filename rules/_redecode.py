"""Re-decoding mojibake: UTF-8 that was read with the wrong codec, read back.

Used by MJ001 (:mod:`detector.rules.mojibake`) and by the encoding rules
that leave mojibake to it (EN007, EN008). ftfy does the work where it can
(:func:`repair`); :func:`redecode` covers what ftfy leaves, run by run of
non-ASCII characters; :func:`has_mojibake_pair` is the cheap first test.
"""

from __future__ import annotations

import regex

from detector.rules._lazy import lazy, lazy_re
from detector.scripts import scripts_in

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


def candidate_patterns() -> list:
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
    return any(p.search(s) for p in candidate_patterns())


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
# A run of characters outside ASCII.
NON_ASCII_RUN = lazy_re(r"[^\x00-\x7f]+")


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
        for m in NON_ASCII_RUN.finditer(span):
            fixed = undo_misreading(m.group(), codec)
            if fixed is None:
                break  # every run must re-decode, or `qu’à` would pass
            again = undo_misreading(fixed, codec) if not fixed.isascii() else None
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


def undo_misreading(run: str, codec: str) -> str | None:
    """``run`` encoded back with ``codec`` and read as UTF-8, if that works and
    changes it; else None.

    >>> undo_misreading("Ã©", "cp1252"), undo_misreading("é", "cp1252")
    ('é', None)
    """
    if "\ufffd" in run:  # the sloppy codecs would turn it into a control byte
        return None
    try:
        fixed = run.encode(codec).decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return None
    return fixed if fixed != run else None


# ftfy's configuration for :func:`repair`, made on first use.
_config: list = []


def repair(span: str) -> tuple[str, str] | None:
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

