"""Korean and Chinese text in a legacy double-byte encoding (EUC-KR, GBK,
Big5) read as Windows-1252: `¾îµðµç` for `어디든`, `ÅÅÐòºó` for `排序后`.

Used by MJ003 and, to leave such text to MJ003, by MJ001
(:mod:`detector.rules.mojibake`).
"""

from __future__ import annotations

from detector.rules._lazy import lazy_re
from detector.rules._redecode import undo_misreading

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
CJK_CAUSES = {
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


def cjk_mojibake(
    text: str, non_ascii: list[tuple[int, int]] | None = None
) -> tuple[str, list[tuple[int, int, str]]] | None:
    """The codec and the (start, end, reading) of each run, if the text holds
    Korean or Chinese read as Windows-1252; None otherwise.

    One codec must explain most runs with familiar characters, there must be
    two runs or four characters' worth (`ÄÖÜß` alone is not Chinese), and
    most runs must not re-decode as UTF-8 (`Ã©` reads as Korean `찾` too: a
    text full of those is UTF-8 mojibake, MJ001).

    ``non_ascii``, the (start, end) of the text's runs of non-ASCII
    characters if known (:mod:`detector.rules._non_ascii`), confines the
    search to them: the characters looked for are all non-ASCII.

    >>> cjk_mojibake("// ¾îµðµç Á¢ÃËÇÏ¸é Æø¹ß")[1][0]
    (3, 9, '어디든')
    """
    if non_ascii is None:
        runs = list(_WINDOWS_1252_HIGH_RUN.finditer(text))
    else:
        runs = [m for start, end in non_ascii if end - start > 1 for m in _WINDOWS_1252_HIGH_RUN.finditer(text, start, end)]
    if sum(m.end() - m.start() for m in runs) < 8:
        return None
    readings = [(m, cjk_readings(m.group())) for m in runs]
    readable = [(m, r) for m, r in readings if r]
    if not readable:
        return None
    utf8 = sum(1 for m, _ in readable if undo_misreading(m.group(), "sloppy-windows-1252") is not None)
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

