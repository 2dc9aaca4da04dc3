"""The kinds of damage ``detector corrupt`` introduces, one function each.

A kind function gets a :class:`~detector.corrupt.Damager`, edits its text at
one place chosen with its random generator, labels the exact span of what it
introduced, and returns True; it returns False when the text offers no place
for it (then the caller tries another kind).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import regex

from detector.corrupt import LATIN_LANGUAGES, OTHER_SCRIPT_LANGUAGES, Damager


@dataclass(frozen=True)
class Kind:
    name: str
    category: str
    apply: Callable[[Damager], bool]
    description: str
    #: Changes the whole text; applied first and at most once per record.
    whole_text: bool = False
    #: The Material attribute it needs (None: the text alone is enough).
    needs: str | None = None


# -- mixed-language and injected -------------------------------------------------


def _replace_words(d: Damager, group: tuple[str, ...], kind: str) -> bool:
    langs = d.material.languages(group)
    if not langs:
        return False
    lang = d.choice(langs)
    two = bool(d.material.pairs.get(lang)) and (d.rng.random() < 0.5 or not d.material.words.get(lang))
    foreign = d.choice(d.material.pairs[lang] if two else d.material.words[lang])
    words = d.words(min_len=3)
    if two:
        # Two neighbouring words separated by one space.
        words = [(a[0], b[1]) for a, b in zip(words, words[1:]) if d.text[a[1]:b[0]] == " "]
    place = d.choice(words)
    if place is None:
        return False
    d.edit(place[0], place[1], foreign)
    d.label(place[0], place[0] + len(foreign), "mixed-language", kind)
    return True


def _insert_sentence(d: Damager, sentence: str, category: str, kind: str) -> bool:
    """Insert ``sentence`` after a free sentence, separated by one space."""
    place = d.choice(d.sentences())
    if place is None or sentence in d.text:
        return False
    at = place[1]
    d.edit(at, at, " " + sentence)
    d.label(at + 1, at + 1 + len(sentence), category, kind)
    return True


def _foreign_sentence(d: Damager, group: tuple[str, ...], kind: str) -> bool:
    langs = d.material.sentence_languages(group)
    if not langs:
        return False
    lang = d.choice(langs)
    return _insert_sentence(d, d.choice(d.material.sentences[lang]), "mixed-language", kind)


def foreign_word(d: Damager) -> bool:
    return _replace_words(d, OTHER_SCRIPT_LANGUAGES, "foreign-word")


def foreign_word_latin(d: Damager) -> bool:
    return _replace_words(d, LATIN_LANGUAGES, "foreign-word-latin")


def foreign_sentence(d: Damager) -> bool:
    return _foreign_sentence(d, OTHER_SCRIPT_LANGUAGES, "foreign-sentence")


def foreign_sentence_latin(d: Damager) -> bool:
    return _foreign_sentence(d, LATIN_LANGUAGES, "foreign-sentence-latin")


def injected_sentence(d: Damager) -> bool:
    if not d.material.donors:
        return False
    return _insert_sentence(d, d.choice(d.material.donors), "injected", "injected-sentence")


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


# -- boilerplate -------------------------------------------------------------------


def boilerplate_line(d: Damager) -> bool:
    """A web boilerplate line inserted before a line, or after the last one."""
    if not d.material.boilerplate:
        return False
    lines = d.lines()
    if not lines:
        return False
    line = d.choice(d.material.boilerplate)
    if d.rng.random() < 0.8 or d.text.endswith("\n"):
        at = d.choice(lines)[0]
        if at > 0 and d.text[at - 1] != "\n":
            return False
        d.edit(at, at, line + "\n")
        d.label(at, at + len(line), "boilerplate", "boilerplate-line")
    else:
        at = len(d.text)
        if not d.free(at, at):
            return False
        d.edit(at, at, "\n" + line)
        d.label(at + 1, at + 1 + len(line), "boilerplate", "boilerplate-line")
    return True


# -- duplication -------------------------------------------------------------------


def duplicate_sentence(d: Damager) -> bool:
    """A sentence repeated right after itself."""
    place = d.choice(d.sentences())
    if place is None:
        return False
    copy = d.text[place[0]:place[1]]
    d.edit(place[1], place[1], " " + copy)
    d.label(place[1] + 1, place[1] + 1 + len(copy), "duplication", "duplicate-sentence")
    return True


def duplicate_sentence_far(d: Damager) -> bool:
    """A sentence copied after another sentence at least 300 characters away."""
    sentences = d.sentences()
    source = d.choice([s for s in sentences if s[1] - s[0] >= 30])
    if source is None:
        return False
    targets = [s for s in sentences if abs(s[1] - source[1]) >= 300]
    target = d.choice(targets)
    if target is None:
        return False
    copy = d.text[source[0]:source[1]]
    at = target[1]
    d.edit(at, at, " " + copy)
    d.label(at + 1, at + 1 + len(copy), "duplication", "duplicate-sentence-far")
    return True


def duplicate_paragraph(d: Damager) -> bool:
    """A paragraph (line) repeated as the next line."""
    lines = [ln for ln in d.lines() if 40 <= ln[1] - ln[0] <= 2000]
    place = d.choice(lines)
    if place is None:
        return False
    copy = d.text[place[0]:place[1]]
    d.edit(place[1], place[1], "\n" + copy)
    d.label(place[1] + 1, place[1] + 1 + len(copy), "duplication", "duplicate-paragraph")
    return True


def _double_word(d: Damager, separator: str, kind: str) -> bool:
    words = [w for w in d.words(min_len=2) if "'" not in d.text[w[0]:w[1]]]
    place = d.choice(words)
    if place is None:
        return False
    copy = d.text[place[0]:place[1]]
    if separator == "" and copy[0].isupper():
        copy = copy.lower()
    d.edit(place[1], place[1], separator + copy)
    d.label(place[1] + len(separator), place[1] + len(separator) + len(copy), "duplication", kind)
    return True


def doubled_word(d: Damager) -> bool:
    """`the the`: a word repeated after a space."""
    return _double_word(d, " ", "doubled-word")


def glued_double(d: Damager) -> bool:
    """`werewere`: a word repeated with no space."""
    return _double_word(d, "", "glued-double")


# -- spacing -----------------------------------------------------------------------

# A sentence end followed by one space (or one line break) and a capital letter.
_GLUABLE = regex.compile(r"(?<=[a-z0-9][.!?])[ \n](?=[A-Z])")


def glued_sentence(d: Damager) -> bool:
    """`media. China` → `media.China`; the span is the full stop and the next letter.

    Sentences inside a line are glued first; a text with one sentence a line
    gets two lines glued instead (a lost line break).
    """
    ends = {e for _, e in d.sentences()}
    sites = [m.start() for m in _GLUABLE.finditer(d.text)
             if m.start() in ends and d.free(m.start() - 1, m.end() + 1)]
    spaces = [at for at in sites if d.text[at] == " "]
    at = d.choice(spaces or sites)
    if at is None:
        return False
    d.edit(at, at + 1, "")
    d.label(at - 1, at + 1, "spacing", "glued-sentence")
    return True


# A quoted phrase between two words: `on "sovereignty and security" matters`.
_QUOTED = regex.compile(r"(?<=[A-Za-z,]) [\"“]([A-Za-z][^\"“”\n]{1,80}[A-Za-z])[\"”] (?=[A-Za-z])")


def glued_quote(d: Damager) -> bool:
    """Quotes stripped with the spaces around them: `onsovereignty and securitymatters`.

    Two spans: the two characters on either side of each gap. Where the text
    has no quoted phrase, one to four words inside a sentence stand for it.
    """
    sites = [(m.start(), m.end(), m.group(1)) for m in _QUOTED.finditer(d.text) if d.free(m.start() - 1, m.end() + 1)]
    site = d.choice(sites)
    if site is None:
        words = d.words(min_len=2)
        candidates = []
        for i in range(1, len(words) - 2):
            n = 1 + d.rng.randrange(4)
            if i + n >= len(words):
                continue
            prev, first, last, nxt = words[i - 1], words[i], words[i + n - 1], words[i + n]
            gaps = [d.text[prev[1]:first[0]], d.text[last[1]:nxt[0]]]
            if (gaps == [" ", " "] and "\n" not in d.text[first[0]:last[1]]
                    and d.free(prev[1] - 1, nxt[0] + 1)):
                candidates.append((prev[1], nxt[0], d.text[first[0]:last[1]]))
        site = d.choice(candidates)
        if site is None:
            return False
    start, end, inner = site
    d.edit(start, end, inner)
    d.label(start - 1, start + 1, "spacing", "glued-quote")
    d.label(start + len(inner) - 1, start + len(inner) + 1, "spacing", "glued-quote")
    return True


# -- punctuation -------------------------------------------------------------------


def dangling_quote(d: Damager) -> bool:
    """A stray quote: an opening quote never closed or a closing one never opened,
    inserted in a line that has no double quotes of its own."""
    lines = [ln for ln in d.lines() if not regex.search(r"[\"“”]", d.text[ln[0]:ln[1]])]
    words = [w for w in d.words(min_len=3) if any(a <= w[0] and w[1] <= b for a, b in lines)]
    place = d.choice(words)
    if place is None:
        return False
    mark = d.choice(["“", "”", '"'])
    at = place[0] if mark != "”" else place[1]
    d.edit(at, at, mark)
    d.label(at, at + 1, "punctuation", "dangling-quote")
    return True


KINDS: dict[str, Kind] = {
    k.name: k
    for k in (
        Kind("foreign-word", "mixed-language", foreign_word, "a word or two replaced by words in another script", needs="words"),
        Kind("foreign-word-latin", "mixed-language", foreign_word_latin, "a word or two replaced by words of another Latin-script language", needs="words"),
        Kind("foreign-sentence", "mixed-language", foreign_sentence, "a sentence in another script inserted", needs="sentences"),
        Kind("foreign-sentence-latin", "mixed-language", foreign_sentence_latin, "a sentence of another Latin-script language inserted", needs="sentences"),
        Kind("injected-sentence", "injected", injected_sentence, "an unrelated sentence from another document inserted", needs="donors"),
        Kind("mojibake-word", "mojibake", mojibake_word, "one word's typographic characters garbled by a wrong decoding"),
        Kind("mojibake-sentence", "mojibake", mojibake_sentence, "one sentence garbled by a wrong decoding"),
        Kind("mojibake-text", "mojibake", mojibake_text, "the whole text garbled by a wrong decoding", whole_text=True),
        Kind("lossy-quotes", "encoding", lossy_quotes, "a quote, apostrophe or dash turned into '?'"),
        Kind("replacement-char", "encoding", replacement_char, "a character lost to U+FFFD"),
        Kind("invisible-char", "encoding", invisible_char, "a zero-width or BOM character inserted"),
        Kind("bidi-control", "encoding", bidi_control, "a bidirectional control character inserted"),
        Kind("html-entity", "encoding", html_entity, "a character left as an HTML entity"),
        Kind("boilerplate-line", "boilerplate", boilerplate_line, "a web boilerplate line inserted", needs="boilerplate"),
        Kind("duplicate-sentence", "duplication", duplicate_sentence, "a sentence repeated right after itself"),
        Kind("duplicate-sentence-far", "duplication", duplicate_sentence_far, "a sentence repeated far from its first copy"),
        Kind("duplicate-paragraph", "duplication", duplicate_paragraph, "a paragraph repeated"),
        Kind("doubled-word", "duplication", doubled_word, "a word doubled: 'the the'"),
        Kind("glued-double", "duplication", glued_double, "a word doubled with no space: 'werewere'"),
        Kind("glued-sentence", "spacing", glued_sentence, "the space after a full stop removed"),
        Kind("glued-quote", "spacing", glued_quote, "quotes stripped with their spaces: 'onsovereignty'"),
        Kind("dangling-quote", "punctuation", dangling_quote, "a quote left dangling"),
    )
}


def apply_kind(name: str, damager: Damager) -> bool:
    return KINDS[name].apply(damager)
