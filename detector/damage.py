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
from detector.damage_chars import (  # noqa: F401  (re-exported for tests and users)
    _ENTITY_SITES,
    BIDI,
    INVISIBLE,
    MOJIBAKE_CODECS,
    bidi_control,
    html_entity,
    invisible_char,
    lossy_quotes,
    lossy_quotes_text,
    mojibake_sentence,
    mojibake_text,
    mojibake_word,
    replacement_char,
    typeset,
)


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


def _insert_copy(d: Damager, source: tuple[int, int], at: int, separator: str, kind: str) -> bool:
    """Insert ``separator`` + a copy of ``source`` at ``at``; label the copy."""
    copy = d.text[source[0]:source[1]]
    d.edit(at, at, separator + copy)
    d.label(at + len(separator), at + len(separator) + len(copy), "duplication", kind)
    return True


def duplicate_sentence(d: Damager) -> bool:
    """A sentence repeated right after itself."""
    place = d.choice(d.sentences())
    if place is None:
        return False
    return _insert_copy(d, place, place[1], " ", "duplicate-sentence")


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
    return _insert_copy(d, source, target[1], " ", "duplicate-sentence-far")


def duplicate_paragraph(d: Damager) -> bool:
    """A paragraph (line) repeated as the next line."""
    lines = [ln for ln in d.lines() if 40 <= ln[1] - ln[0] <= 2000]
    place = d.choice(lines)
    if place is None:
        return False
    return _insert_copy(d, place, place[1], "\n", "duplicate-paragraph")


def duplicate_paragraph_far(d: Damager) -> bool:
    """A paragraph (line) copied before another line, with at least one line between."""
    lines = d.lines()
    sources = [i for i, ln in enumerate(lines) if 40 <= ln[1] - ln[0] <= 2000]
    i = d.choice(sources)
    if i is None:
        return False
    targets = [j for j in range(len(lines)) if abs(j - i) >= 2 and d.free(lines[j][0], lines[j][0])]
    j = d.choice(targets)
    if j is None or (lines[j][0] > 0 and d.text[lines[j][0] - 1] != "\n"):
        return False
    copy = d.text[lines[i][0]:lines[i][1]]
    at = lines[j][0]
    d.edit(at, at, copy + "\n")
    d.label(at, at + len(copy), "duplication", "duplicate-paragraph-far")
    return True


def _double_word(d: Damager, separator: str, kind: str) -> bool:
    words = [w for w in d.words(min_len=2) if "'" not in d.text[w[0]:w[1]]]
    place = d.choice(words)
    if place is None:
        return False
    return _insert_copy(d, place, place[1], separator, kind)


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
        Kind("lossy-quotes-text", "encoding", lossy_quotes_text, "every quote, apostrophe and dash turned into '?'", whole_text=True),
        Kind("replacement-char", "encoding", replacement_char, "a character lost to U+FFFD"),
        Kind("invisible-char", "encoding", invisible_char, "a zero-width or BOM character inserted"),
        Kind("bidi-control", "encoding", bidi_control, "a bidirectional control character inserted"),
        Kind("html-entity", "encoding", html_entity, "a character left as an HTML entity"),
        Kind("boilerplate-line", "boilerplate", boilerplate_line, "a web boilerplate line inserted", needs="boilerplate"),
        Kind("duplicate-sentence", "duplication", duplicate_sentence, "a sentence repeated right after itself"),
        Kind("duplicate-sentence-far", "duplication", duplicate_sentence_far, "a sentence repeated far from its first copy"),
        Kind("duplicate-paragraph", "duplication", duplicate_paragraph, "a paragraph repeated"),
        Kind("duplicate-paragraph-far", "duplication", duplicate_paragraph_far, "a paragraph repeated further on or before"),
        Kind("doubled-word", "duplication", doubled_word, "a word doubled: 'the the'"),
        Kind("glued-double", "duplication", glued_double, "a word doubled with no space: 'werewere'"),
        Kind("glued-sentence", "spacing", glued_sentence, "the space after a full stop removed"),
        Kind("glued-quote", "spacing", glued_quote, "quotes stripped with their spaces: 'onsovereignty'"),
        Kind("dangling-quote", "punctuation", dangling_quote, "a quote left dangling"),
    )
}


def apply_kind(name: str, damager: Damager) -> bool:
    return KINDS[name].apply(damager)
