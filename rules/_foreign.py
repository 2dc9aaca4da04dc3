"""Foreign-script runs: the analysis shared by the mixed-language and injected
rules, done once per document (``doc.memo``).

A run is a stretch of letters in a script the document's main language does
not use, joined across spaces, digits and inner punctuation (``중국, 너무``),
with exact boundaries: no trailing space or punctuation. Each run is
classified as a *gloss* (``Xi Jinping (习近平)``: legitimate), a *fragment*
inside a sentence of the main language, a *sentence* of its own, or a whole
*line*.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import regex

from detector.document import Document

# Scripts each main language writes with (Latin is everywhere: brands, names).
NATIVE_SCRIPTS: dict[str, frozenset[str]] = {
    "ko": frozenset({"Latin", "Hangul", "Han"}),
    "ja": frozenset({"Latin", "Han", "Hiragana", "Katakana"}),
    "zh": frozenset({"Latin", "Han"}),
    "el": frozenset({"Latin", "Greek"}),
    "he": frozenset({"Latin", "Hebrew"}),
    "th": frozenset({"Latin", "Thai"}),
}
for _lang in ("ru", "uk", "bg", "sr", "mk", "be", "kk"):
    NATIVE_SCRIPTS[_lang] = frozenset({"Latin", "Cyrillic"})
for _lang in ("ar", "fa", "ur"):
    NATIVE_SCRIPTS[_lang] = frozenset({"Latin", "Arabic"})
for _lang in ("hi", "mr", "ne"):
    NATIVE_SCRIPTS[_lang] = frozenset({"Latin", "Devanagari"})

LANGUAGE_NAMES = {
    "en": "English", "de": "German", "fr": "French", "es": "Spanish", "it": "Italian",
    "pt": "Portuguese", "nl": "Dutch", "pl": "Polish", "tr": "Turkish", "sv": "Swedish",
    "id": "Indonesian", "vi": "Vietnamese", "ko": "Korean", "ja": "Japanese",
    "zh": "Chinese", "ru": "Russian", "uk": "Ukrainian", "bg": "Bulgarian",
    "sr": "Serbian", "mk": "Macedonian", "be": "Belarusian", "kk": "Kazakh",
    "el": "Greek", "ar": "Arabic", "fa": "Persian", "ur": "Urdu", "he": "Hebrew",
    "hi": "Hindi", "th": "Thai", "und": "undetermined",
}

# Characters that may sit inside a run between foreign letters: spaces,
# digits, and the commas, middle dots and hyphens of CJK and other scripts.
# Sentence-final punctuation is not among them: a run never crosses a
# sentence end.
_INNER = r"[ \t\u00a0\u3000\p{Nd},、，·・\-]"
_OPEN = "([（【「『〔"
_CLOSE = ")]）】」』〕"


@lru_cache(maxsize=32)
def _run_pattern(native: frozenset[str]) -> "regex.Pattern":
    exclude = "".join(rf"\p{{Script={s}}}" for s in sorted(native))
    letter = rf"[[\p{{L}}\p{{M}}]--[{exclude}\p{{Script=Common}}\p{{Script=Inherited}}]]"
    return regex.compile(rf"{letter}+(?:{_INNER}+{letter}+)*", regex.VERSION1)


@dataclass(frozen=True)
class ForeignRun:
    start: int
    end: int
    language: str  # ISO 639-1 guess from the script
    kind: str  # gloss | quoted | fragment | sentence | line
    words: int


def native_scripts(language: str) -> frozenset[str]:
    return NATIVE_SCRIPTS.get(language, frozenset({"Latin"}))


def language_of(text: str) -> str:
    """The likely language of a foreign-script run, from its letters.

    >>> language_of("말했다"), language_of("习近平"), language_of("ひらがな漢字")
    ('ko', 'zh', 'ja')
    >>> language_of("Україна"), language_of("Россия")
    ('uk', 'ru')
    """
    from detector.scripts import script_of, scripts_in

    scripts = scripts_in(text)
    if "Hangul" in scripts:
        return "ko"
    if scripts & {"Hiragana", "Katakana"}:
        return "ja"
    script = script_of(text)
    if script == "Han":
        return "zh"
    if script == "Cyrillic":
        low = text.lower()
        if any(c in low for c in "іїєґ"):
            return "uk"
        if "ъ" in low and "ы" not in low and "э" not in low:
            return "bg"
        return "ru"
    if script == "Arabic":
        if any(c in text for c in "ٹڈڑںے"):
            return "ur"
        if any(c in text for c in "پچژگ"):
            return "fa"
        return "ar"
    return {"Greek": "el", "Hebrew": "he", "Devanagari": "hi", "Thai": "th"}.get(script, "und")


_CYRILLIC_LANGUAGES = ("ru", "uk", "bg", "sr", "mk", "be", "kk")


def _shared_script_language(text: str) -> str:
    """:func:`language_of`, refined by language identification where the
    letters do not decide: Cyrillic without a Ukrainian or Bulgarian letter
    may still be Ukrainian, Bulgarian or Serbian (``Україна`` has ``ї``,
    ``у нас немає`` does not). On the lingua word pairs this names 562 of
    600 Russian and Ukrainian pairs correctly, the letters alone 511.
    (Han-only text stays Chinese: the model calls short Chinese names
    Japanese.)"""
    guess = language_of(text)
    if guess != "ru" or len(_LETTER.findall(text)) < 4:
        return guess
    from detector.langid_backends import identify

    ranked = [(lang, p) for lang, p in identify(text, 5) if lang in _CYRILLIC_LANGUAGES]
    return ranked[0][0] if ranked and ranked[0][1] >= 0.5 else guess


def _line_bounds(text: str, pos: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, len(text) if end < 0 else end


def _is_gloss(text: str, start: int, end: int) -> bool:
    """``Name (原文)``: the parentheses hold the run alone, after a capitalised word."""
    before = text[max(0, start - 40) : start].rstrip(" \u3000")
    after = text[end : end + 3].lstrip(" \u3000")
    if not before or before[-1] not in _OPEN or not after or after[0] not in _CLOSE:
        return False
    head = before[:-1].rstrip()
    words = head.split()
    return bool(words) and (words[-1][:1].isupper() or words[-1][:1] in "\"“'‘")


# Words by which a sentence presents what follows as foreign on purpose:
# "the word Россия", "a sign reading 출입금지", "the slogan liberté".
_PRESENTED = regex.compile(
    r"(?:\b(?:the|a|an|its|his|her|their)\s+(?:word|term|phrase|expression|name|title|slogan|motto|sign|banner|headline|caption)"
    r"|\b(?:called|dubbed|titled|entitled|reading|reads|read|known\s+as|meaning|spelled|spelt|pronounced))"
    r"\s*[:,]?\s*$",
    regex.IGNORECASE,
)


def _is_quoted(text: str, start: int, end: int) -> bool:
    """The run sits in quotation marks, or the sentence presents it as a word
    of another language (``the word Россия``, ``a sign reading 출입금지``)."""
    before = text[max(0, start - 2) : start].rstrip()
    after = text[end : end + 2].lstrip()
    if bool(before) and bool(after) and before[-1] in "\"“‘«「『" and after[0] in "\"”’»」』":
        return True
    return bool(_PRESENTED.search(text, max(0, start - 40), start))


def _starts_sentence(text: str, line_start: int, start: int) -> bool:
    before = text[line_start:start].rstrip()
    return not before or before[-1] in ".!?。！？\"”’)"


def _is_mojibake(text: str, start: int, end: int) -> bool:
    """``вЂњ`` is a curly quote decoded as windows-1251, not Russian: ftfy's
    badness test (never true on the real text of the lingua corpus in any of
    its 22 languages' other scripts) leaves it to the mojibake rules."""
    from ftfy.badness import is_bad

    return is_bad(text[max(0, start - 1) : end + 1])


def foreign_runs(doc: Document) -> list[ForeignRun]:
    """Foreign-script runs of ``doc`` with their kind; computed once per document."""
    return doc.memo(_compute_runs)


_SENTENCE_END = regex.compile(r"[.!?。！？]")
_LETTER = regex.compile(r"\p{L}")

# A character that may be a letter of a script other than Latin: anything
# outside Basic Latin to IPA (U+0000–02AF), the combining marks (U+0300–036F),
# Latin Extended Additional (U+1E00–1EFF), general punctuation (U+2000–206F)
# and currency signs (U+20A0–20CF), none of which holds a letter of another
# script (checked for every code point in tests/test_injected.py).
_MAYBE_FOREIGN_LETTER = re.compile(r"[^\x00-\u02af\u0300-\u036f\u1e00-\u1eff\u2000-\u206f\u20a0-\u20cf]")


def has_no_foreign_letter(text: str) -> bool:
    """``text`` holds no letter outside Latin (and Common/Inherited), so no
    foreign-script run: the `regex` scan of the runs (about 20 ms/MB) can be
    skipped. Every language's native scripts include Latin.

    First a C-level encode to windows-1252 (every character of it is Latin or
    Common; 2.7 ms/MB, and all the English news of the corpus passes), then a
    stdlib search for a character outside the Latin-only ranges (5 ms/MB).

    >>> has_no_foreign_letter("“Quoted” — café, 5 € ™"), has_no_foreign_letter("Xi 말했다")
    (True, False)
    """
    try:
        text.encode("cp1252")
        return True
    except UnicodeEncodeError:
        return _MAYBE_FOREIGN_LETTER.search(text) is None



def _compute_runs(doc: Document) -> list[ForeignRun]:
    text = doc.text
    if has_no_foreign_letter(text):
        return []  # most English news: no foreign-script run possible
    native = native_scripts(doc.language)
    runs: list[ForeignRun] = []
    for m in _run_pattern(native).finditer(text):
        start, end = m.start(), m.end()
        run_text = m.group()
        if _is_mojibake(text, start, end):
            continue
        words = len(run_text.split())
        if _is_gloss(text, start, end):
            kind = "gloss"
        elif _is_quoted(text, start, end):
            kind = "quoted"
        else:
            line_start, line_end = _line_bounds(text, start)
            outside = text[line_start:start] + text[end:line_end]
            if not _LETTER.search(outside):
                kind = "line"
            elif _SENTENCE_END.match(text, end) and (
                words >= 4 or (len(_LETTER.findall(run_text)) >= 10 and _starts_sentence(text, line_start, start))
            ):
                # Four words, or (for scripts written without spaces) ten
                # letters from the start of a sentence to its end.
                kind = "sentence"
            else:
                kind = "fragment"
        runs.append(ForeignRun(start, end, _shared_script_language(run_text), kind, words))
    return runs


_NUMBER = regex.compile(r"\p{Nd}+")
_LATIN_WORD = regex.compile(r"\p{Script=Latin}{2,}")


def injected_sentence_end(doc: Document, run: ForeignRun) -> int:
    """End of a sentence run including its final punctuation (``…습니다.``)."""
    m = _SENTENCE_END.match(doc.text, run.end)
    return m.end() if m else run.end


def is_injected(doc: Document, run: ForeignRun) -> bool:
    """A foreign sentence with numbers or Latin names of its own, none of which
    appears in the rest of the document: likely spliced in from an unrelated
    text. A sentence with no number and no name gives no such evidence: it is
    only reported as untranslated (ML002)."""
    if run.kind != "sentence":
        return False
    text = doc.text
    run_text = text[run.start : run.end]
    anchors = _NUMBER.findall(run_text) + _LATIN_WORD.findall(run_text)
    if not anchors:
        return False
    rest = text[: run.start] + " " + text[run.end :]
    rest_tokens = set(_NUMBER.findall(rest)) | set(_LATIN_WORD.findall(rest))
    return not any(a in rest_tokens for a in anchors)
