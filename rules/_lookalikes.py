"""Look-alike letters: Latin words with Cyrillic or Greek letters, and back.

Used by EN008 (:mod:`detector.rules._encoding_deceptive`).
"""

from __future__ import annotations


import regex

from detector.rules._lazy import lazy, lazy_re

# Cyrillic and Greek letters that look like Latin ones, and back.
_CYRILLIC_TO_LATIN = dict(zip(
    "аеорсухіјѕԁӏһԛԝАВЕКМНОРСТХІЈЅУ",
    "aeopcyxijsdlhqwABEKMHOPCTXIJSY",
))
_GREEK_TO_LATIN = dict(zip("οαινκυΑΒΕΖΗΙΚΜΝΟΡΤΥΧ", "oaivkuABEZHIKMNOPTYX"))
_LATIN_TO_CYRILLIC = {v: k for k, v in _CYRILLIC_TO_LATIN.items()}
_LATIN_TO_GREEK = {v: k for k, v in _GREEK_TO_LATIN.items()}
_TO_LATIN = {**_CYRILLIC_TO_LATIN, **_GREEK_TO_LATIN}
_FROM_LATIN = {"Cyrillic": _LATIN_TO_CYRILLIC, "Greek": _LATIN_TO_GREEK}
# A word mixing Latin with Cyrillic or Greek letters.
_MIXED_SCRIPT_WORD = lazy(
    r"(?=[\p{L}\p{M}]*\p{Latin})(?=[\p{L}\p{M}]*[\p{Cyrillic}\p{Greek}])[\p{L}\p{M}]{2,}"
)
# Any Greek or Cyrillic letter (stdlib `re`: a fast first check).
GREEK_OR_CYRILLIC = lazy_re("[\u0370-\u03ff\u0400-\u052f\u1c80-\u1c8f\u1f00-\u1fff\ua640-\ua69f]")
# A lowercase letter of one script followed by a capital of another.
_GLUED_ACROSS_SCRIPTS = lazy(
    r"\p{Latin}(?<=\p{Ll})[\p{Cyrillic}\p{Greek}](?<=\p{Lu})|[\p{Cyrillic}\p{Greek}](?<=\p{Ll})\p{Latin}(?<=\p{Lu})"
)
_SCRIPT = lazy(r"(?P<Latin>\p{Latin})|(?P<Cyrillic>\p{Cyrillic})|(?P<Greek>\p{Greek})")


def mixed_script_words(text: str):
    """Matches of words that mix Latin with Cyrillic or Greek letters."""
    return _MIXED_SCRIPT_WORD.finditer(text)


def is_glued_across_scripts(word: str) -> bool:
    """`компаниейT`: a lowercase letter of one script, then a capital of another."""
    return bool(_GLUED_ACROSS_SCRIPTS.search(word))


def unmix(word: str, main_script: str) -> str | None:
    """The word in one script, if every odd letter has a look-alike; else None.

    >>> unmix("Mоscow", "Latin"), unmix("Москвa", "Cyrillic"), unmix("αβtest", "Latin")
    ('Moscow', 'Москва', None)
    """
    counts = {"Latin": 0, "Cyrillic": 0, "Greek": 0}
    for m in _SCRIPT.finditer(word):
        counts[m.lastgroup] += 1
    foreign = "Cyrillic" if counts["Cyrillic"] >= counts["Greek"] else "Greek"
    if counts["Cyrillic"] and counts["Greek"]:
        return None
    if counts["Latin"] > counts[foreign] or (counts["Latin"] == counts[foreign] and main_script == "Latin"):
        table, odd = _TO_LATIN, regex.compile(r"[\p{Cyrillic}\p{Greek}]")
    else:
        table, odd = _FROM_LATIN[foreign], regex.compile(r"\p{Latin}")
    out = []
    for ch in word:
        if odd.match(ch):
            if ch not in table:
                return None
            out.append(table[ch])
        else:
            out.append(ch)
    return "".join(out)


def describe_mix(word: str, fixed: str) -> str:
    odd = [(a, b) for a, b in zip(word, fixed) if a != b]
    scripts = {m.lastgroup for a, _ in odd for m in [_SCRIPT.match(a)] if m}
    letters = ", ".join(f"'{a}'" for a, _ in odd[:3])
    return f"{'/'.join(sorted(scripts))} look-alike{'s' if len(odd) > 1 else ''} {letters} in a word that reads '{fixed}'"
