"""Character-level kinds of damage for ``detector corrupt``: mojibake (a
wrong decoding) and encoding damage (lost characters, invisible and bidi
controls, HTML entities). See :mod:`detector.damage` for the contract."""

from __future__ import annotations

from typing import Callable

import regex

from detector.corrupt import Damager


# -- mojibake ----------------------------------------------------------------------


def _sloppy(data: bytes, codec: str) -> str:
    """Decode byte by byte; bytes the codec leaves undefined become the same
    code point (what 'sloppy' decoders and many browsers do)."""
    out = []
    for b in data:
        try:
            out.append(bytes([b]).decode(codec))
        except UnicodeDecodeError:
            out.append(chr(b))
    return "".join(out)


MOJIBAKE_CODECS: dict[str, Callable[[str], str]] = {
    "sloppy-windows-1252": lambda c: _sloppy(c.encode("utf-8"), "cp1252"),
    "latin-1": lambda c: c.encode("utf-8").decode("latin-1"),
    "mac_roman": lambda c: c.encode("utf-8").decode("mac_roman"),
    "windows-1251": lambda c: _sloppy(c.encode("utf-8"), "cp1251"),
    "double-utf-8": lambda c: "".join(
        _sloppy(x.encode("utf-8"), "cp1252") for x in _sloppy(c.encode("utf-8"), "cp1252")
    ),
}

# Straight punctuation that typeset text has in curly form: the characters
# that mojibake most often hits in English text.
_TYPESET = {"'": "’", "-": "–", "--": "—", "...": "…"}
_TYPESET_RE = regex.compile(r"'|\"|(?<= )-(?= )|--|\.\.\.")


def typeset(text: str) -> str:
    """Curly quotes, apostrophes, dashes and ellipses for straight ones.

    >>> typeset('"It\\'s here" - now...')
    '“It’s here” – now…'
    """
    quotes = iter(["“", "”"] * (text.count('"') + 1))
    return _TYPESET_RE.sub(lambda m: next(quotes) if m.group() == '"' else _TYPESET[m.group()], text)


def _mojibake_region(d: Damager, start: int, end: int, kind: str) -> bool:
    """Typeset ``text[start:end]``, garble its non-ASCII characters with one
    wrong codec, and label each garbled run (runs in one word are merged)."""
    codec = MOJIBAKE_CODECS[d.choice(sorted(MOJIBAKE_CODECS))]
    original = typeset(d.text[start:end])
    if original.isascii():
        return False
    pieces: list[str] = []
    changed: list[tuple[int, int]] = []  # offsets in the new region
    pos = 0
    for ch in original:
        new = ch if ch.isascii() else codec(ch)
        if new != ch:
            changed.append((pos, pos + len(new)))
        pieces.append(new)
        pos += len(new)
    garbled = "".join(pieces)
    if not changed:
        return False
    d.edit(start, end, garbled)
    for s, e in _merge_runs(changed, garbled):
        d.label(start + s, start + e, "mojibake", kind)
    return True


_NEEDS_TYPESETTING = regex.compile(r"['\"]| - |--|\.\.\.|[^\x00-\x7f]")


def mojibake_word(d: Damager) -> bool:
    words = [w for w in d.words(min_len=3) if _NEEDS_TYPESETTING.search(d.text, *w)]
    place = d.choice(words)
    return place is not None and _mojibake_region(d, place[0], place[1], "mojibake-word")


def mojibake_sentence(d: Damager) -> bool:
    sentences = [s for s in d.sentences() if _NEEDS_TYPESETTING.search(d.text, *s)]
    place = d.choice(sentences)
    return place is not None and _mojibake_region(d, place[0], place[1], "mojibake-sentence")


def _merge_runs(changed: list[tuple[int, int]], text: str) -> list[list[int]]:
    """Garbled runs, merged when no white space separates them (one word)."""
    runs = [list(changed[0])]
    for s, e in changed[1:]:
        if regex.search(r"\s", text[runs[-1][1]:s]):
            runs.append([s, e])
        else:
            runs[-1][1] = e
    return runs


def mojibake_text(d: Damager) -> bool:
    """Typeset and garble the whole text with one codec (labelled spans and
    ignored regions are left as they are)."""
    codec = MOJIBAKE_CODECS[d.choice(sorted(MOJIBAKE_CODECS))]
    text = d.text
    taken = [(s[0], s[1]) for s in d.spans + d.ignore]

    def is_taken(start: int, end: int) -> bool:
        return any(s < end and start < e for s, e in taken)

    pieces: list[str] = []
    offset_map: list[int] = []
    changed: list[tuple[int, int]] = []
    pos, i, opening = 0, 0, True
    while i < len(text):
        m = _TYPESET_RE.match(text, i)
        if m is not None and not is_taken(m.start(), m.end()):
            if m.group() == '"':
                source, opening = ("“" if opening else "”"), not opening
            else:
                source = _TYPESET[m.group()]
            step = len(m.group())
        else:
            source, step = text[i], 1
        if source.isascii() or is_taken(i, i + step):
            new = text[i:i + step]
        else:
            new = "".join(c if c.isascii() else codec(c) for c in source)
            changed.append((pos, pos + len(new)))
        offset_map.extend([pos] * step)
        pieces.append(new)
        pos += len(new)
        i += step
    offset_map.append(pos)
    if not changed:
        return False
    garbled = "".join(pieces)
    d.remap(garbled, offset_map)
    for s, e in _merge_runs(changed, garbled):
        d.label(s, e, "mojibake", "mojibake-text")
    return True


# -- encoding --------------------------------------------------------------------

_QUOTE_SITE = regex.compile(r"(?<=[A-Za-z])'(?=[A-Za-z])|\"|(?<= )-(?= )|--|[‘’“”–—]")


def _replace_char_site(d: Damager, pattern: regex.Pattern, replacements: list[str], kind: str) -> bool:
    sites = [(m.start(), m.end()) for m in pattern.finditer(d.text) if d.free(m.start(), m.end())]
    place = d.choice(sites)
    if place is None:
        return False
    new = d.choice(replacements)
    d.edit(place[0], place[1], new)
    d.label(place[0], place[0] + len(new), "encoding", kind)
    return True


def lossy_quotes(d: Damager) -> bool:
    """A curly quote, apostrophe or dash (or its straight stand-in) lost to `?`."""
    return _replace_char_site(d, _QUOTE_SITE, ["?"], "lossy-quotes")


def lossy_quotes_text(d: Damager) -> bool:
    """Every quote, apostrophe and dash of the text lost to `?`, as a lossy
    conversion to ASCII or Latin-1 does (`province?s`)."""
    sites = [(m.start(), m.end()) for m in _QUOTE_SITE.finditer(d.text) if d.free(m.start(), m.end(), 0)]
    if not sites:
        return False
    for start, end in reversed(sites):
        d.edit(start, end, "?")
        d.label(start, start + 1, "encoding", "lossy-quotes-text")
    return True


_LOSABLE = regex.compile(r"[^\x00-\x7f]|(?<=[A-Za-z])'(?=[A-Za-z])|(?<=[a-z])[a-z](?=[a-z])")


def replacement_char(d: Damager) -> bool:
    """A character (preferably a non-ASCII one) lost to U+FFFD."""
    special = regex.compile(r"[^\x00-\x7f\s]|(?<=[A-Za-z])'(?=[A-Za-z])")
    if any(d.free(m.start(), m.end()) for m in special.finditer(d.text)) and d.rng.random() < 0.7:
        return _replace_char_site(d, special, ["\ufffd"], "replacement-char")
    return _replace_char_site(d, _LOSABLE, ["\ufffd"], "replacement-char")


INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"]
BIDI = ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069",
        "\u200e", "\u200f"]
# Inside a word (between two letters) or right after one.
_CHAR_GAP = regex.compile(r"(?<=[A-Za-z])(?=[A-Za-z ])")


def _insert_char(d: Damager, chars: list[str], kind: str) -> bool:
    gaps = [m.start() for m in _CHAR_GAP.finditer(d.text) if d.free(m.start(), m.start())]
    at = d.choice(gaps)
    if at is None:
        return False
    ch = d.choice(chars)
    d.edit(at, at, ch)
    d.label(at, at + 1, "encoding", kind)
    return True


def invisible_char(d: Damager) -> bool:
    return _insert_char(d, INVISIBLE, "invisible-char")


def bidi_control(d: Damager) -> bool:
    return _insert_char(d, BIDI, "bidi-control")


_ENTITY_SITES = {
    "&": ["&amp;", "&#38;"],
    "'": ["&#39;", "&rsquo;", "&#8217;", "&apos;"],
    '"': ["&quot;", "&#34;", "&ldquo;"],
    " ": ["&nbsp;"],
    "-": ["&mdash;", "&ndash;", "&#8212;"],
}
_ENTITY_SITE = regex.compile(r"&|(?<=[A-Za-z])'(?=[A-Za-z])|\"|(?<=[a-z]) (?=[a-z])|(?<= )-(?= )")


def html_entity(d: Damager) -> bool:
    """A character left as an unrendered HTML entity (`&amp;`, `&rsquo;`, `&nbsp;`)."""
    sites = [(m.start(), m.end()) for m in _ENTITY_SITE.finditer(d.text) if d.free(m.start(), m.end())]
    # Spaces are everywhere: prefer the rarer characters when there are any.
    rare = [s for s in sites if d.text[s[0]] != " "]
    place = d.choice(rare if rare and d.rng.random() < 0.8 else sites)
    if place is None:
        return False
    entity = d.choice(_ENTITY_SITES[d.text[place[0]:place[1]]])
    d.edit(place[0], place[1], entity)
    d.label(place[0], place[0] + len(entity), "encoding", "html-entity")
    return True
