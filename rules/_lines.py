"""Line features of a pasted page, shared by the boilerplate (BP) and
injected (IN) rules through :mod:`detector.rules._layout`: each non-blank
line with its word count, final punctuation, prose or not, whether it is a
line of the shipped phrase list (BP001), and the page-furniture vocabulary.

Most lines of a text are paragraphs: the features are computed with plain
string methods and the standard library's `re` where they match exactly what
the ``regex`` patterns match (ASCII text), and the slow patterns only run
where they can match.

>>> from detector.document import Document
>>> [(l.text, l.words, l.final, l.prose) for l in line_infos(Document("Headline\\nThe minister said talks would resume."))]
[('Headline', 1, False, False), ('The minister said talks would resume.', 6, True, True)]
"""

from __future__ import annotations

from functools import lru_cache
from itertools import compress
from operator import attrgetter, not_
from importlib.resources import files
from re import ASCII
from typing import NamedTuple

from detector.document import Document
from detector.rules._lazy import REGEX_WHITE_SPACE, lazy, lazy_re

_TRAILING_CHARS = " .!…:"


def normalise_line(line: str) -> str:
    """Case-folded, spaces collapsed, final dots and exclamation marks dropped.

    >>> normalise_line("  Please enter your comment! ")
    'please enter your comment'
    """
    return " ".join(line.split()).casefold().rstrip(_TRAILING_CHARS)


@lru_cache(maxsize=1)
def phrases() -> tuple[frozenset[str], tuple[str, ...]]:
    """(whole-line phrases, line prefixes) from the shipped phrase list."""
    exact, prefixes = set(), []
    raw = files("detector.rules").joinpath("data/boilerplate_phrases.txt").read_text("utf-8")
    for line in raw.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.endswith(" *"):
            prefixes.append(normalise_line(line[:-2]) + " ")
        else:
            exact.add(normalise_line(line))
    return frozenset(exact), tuple(prefixes)


_WORD = lazy(r"[\p{L}\p{M}\p{Nd}]+(?:['’\-][\p{L}\p{M}\p{Nd}]+)*")
# Sentence-final punctuation, optionally followed by closing quotes/brackets.
# A colon or an ellipsis is not final: `Font:`, `Bookmark with:`, `Don't Miss . . .`
# are labels and teasers.
_FINAL = lazy(r"(?<![.…]\s?)[.!?。！？]['\"’”»)\]]*\s*$")


# Words of page furniture: sharing, comments, navigation, accounts, ads, legal.
_FURNITURE = lazy(
    r"""(?ix)
    \b(?:share|shares|sharing|e-?mail(?:ed)?|print(?:er)?|comments?|reply|subscribe|subscription|
       newsletter|sign[ -]?(?:up|in)|log[ -]?(?:in|out)|login|register|password|bookmark|
       permalink|tags?|filed|posted|related|recommended|popular|trending|most|latest|
       advertisement|advertising|ads|sponsored|copyright|rights|reserved|privacy|cookies?|
       terms|menu|navigation|search|sitemap|home(?:page)?|rss|feeds?|widget|font|rate|rating|
       enlarge|larger|gallery|slideshow|video|videos|photos?|watch|playing|watched|click|
       follow|like|tweet|facebook|twitter|digg|reddit|delicious|stumbleupon|linkedin|
       whatsapp|pinterest|instagram|youtube|google|yahoo|myspace|newsvine|technorati|
       more|previous|next|prev|top|back|skip|continue|page|pages|archives?|print|
       download|app|jobs|classifieds|weather|horoscopes?|puzzles|crosswords|contact|
       faq|help|feedback|editor|letters|loading|javascript|headlines|poll|listen
       # German, French, Spanish
       |teilen|drucken|kommentare?|anmelden|abonnieren|werbung|anzeige|newsletter|startseite|
       partager|imprimer|commentaires?|connexion|abonnez-vous|publicité|accueil|
       compartir|imprimir|comentarios?|suscríbete|publicidad|inicio|portada)\b
    # Korean: share, comments, subscribe, ads, log in, related articles, top
    |공유|댓글|구독|광고|로그인|관련\s?기사|맨\s?위로
    |©|\(c\)|[|»›•«‹]|>>|<<
    """
)
# `_FURNITURE` on an ASCII line, without the regex: its words are whole runs
# of word characters (`\b` on both sides), so a set lookup of the line's runs
# finds them; the few with a space or hyphen inside, and the symbols, are
# looked for on their own. (tests/test_boilerplate.py checks both agree.)
_FURNITURE_WORDS = frozenset(
    """share shares sharing email emailed print printer comment comments reply subscribe
    subscription newsletter signup signin login logout register password bookmark permalink
    tag tags filed posted related recommended popular trending most latest advertisement
    advertising ads sponsored copyright rights reserved privacy cookie cookies terms menu
    navigation search sitemap home homepage rss feed feeds widget font rate rating enlarge
    larger gallery slideshow video videos photo photos watch playing watched click follow like
    tweet facebook twitter digg reddit delicious stumbleupon linkedin whatsapp pinterest
    instagram youtube google yahoo myspace newsvine technorati more previous next prev top
    back skip continue page pages archive archives download app jobs classifieds weather
    horoscope horoscopes puzzles crosswords contact faq help feedback editor letters loading
    javascript headlines poll listen teilen drucken kommentar kommentare anmelden abonnieren
    werbung anzeige startseite partager imprimer commentaire commentaires connexion accueil
    compartir imprimir comentario comentarios publicidad inicio portada""".split()
)
_ASCII_WORD_RUN = lazy_re(r"\w+", ASCII)
_ASCII_FURNITURE_PHRASE = lazy_re(r"\b(?:e-mail(?:ed)?|sign[ -](?:up|in)|log[ -](?:in|out)|abonnez-vous)\b")
_ASCII_FURNITURE_SYMBOLS = ("|", ">>", "<<", "(c)")


def furniture_in(text: str) -> bool:
    """``_FURNITURE.search(text)``; on ASCII text by a set lookup of its words."""
    if not text.isascii():
        return bool(_FURNITURE.search(text))
    low = text.lower()
    if not _FURNITURE_WORDS.isdisjoint(_ASCII_WORD_RUN.findall(low)):
        return True
    if any(symbol in low for symbol in _ASCII_FURNITURE_SYMBOLS):
        return True
    return ("-" in low or " " in low) and bool(_ASCII_FURNITURE_PHRASE.search(low))


# Furniture that no article sentence says, even in a long line: copyright
# notices, "filed under" and comment counters, log-in prompts.
_STRONG_FURNITURE = lazy(
    r"""(?ix)
    ©|\bcopyright\s+(?:©|\(c\)|\d{4})|all\ rights\ reserved|\bfiled\ under\b|\bpermalink\b|\btrackback\b
    |\b\d+\ comments?\b|\bcomments?\ \(\d+\)|\bclick\ here\b|\b(?:log|sign)\ in\ to\b
    |\bterms\ (?:of\ (?:use|service)|and\ conditions)\b|\bprivacy\ (?:policy|statement)\b
    |<a\ href=|<img\b|\bmay\ not\ be\ (?:re)?published\b|\bfull\ article\ contains\ \d+\ words\b
    """
)
_TITLE_WORD = lazy(r"\b[\p{Lu}\d]")


#: Lines longer than this (in characters) are prose and never boilerplate.
LONG_LINE = 300


# The same features on an ASCII line, with the standard library's `re` (the
# patterns above restricted to ASCII, where they match exactly the same).
_ASCII_WORD = lazy_re(r"[A-Za-z0-9]+(?:['\-][A-Za-z0-9]+)*")
_ASCII_TITLE_WORD = lazy_re(r"\b[A-Z0-9]")
# What may follow the final punctuation of a sentence (see `_FINAL`).
_CLOSERS = "'\"’”»)]"
_FINAL_MARKS = ".!?。！？"


def ends_sentence(text: str) -> bool:
    """``_FINAL`` on the last 12 characters of a stripped line, in plain Python.

    >>> ends_sentence("He left."), ends_sentence('"Go!"'), ends_sentence("Don't Miss . . ."), ends_sentence("Font:")
    (True, True, False, False)
    """
    tail = text[-12:].rstrip(_CLOSERS)
    if not tail or tail[-1] not in _FINAL_MARKS:
        return False
    # Not after `.` or `…`, nor after one of them and a space: `. . .`, `...!`
    before = tail[-2:-1]
    if before and (before in ".…" or (before in REGEX_WHITE_SPACE and tail[-3:-2] in (".", "…"))):
        return False
    return True


@lru_cache(maxsize=1)
def _phrase_heads() -> frozenset[str]:
    """First words of the shipped phrases, as :func:`_head` gives them."""
    exact, prefixes = phrases()
    return frozenset(_head(p) for p in (*exact, *prefixes))


@lru_cache(maxsize=1)
def _prefix_initials() -> frozenset[str]:
    """First letters of the line prefixes of the phrase list (case-folded)."""
    return frozenset(prefix[:1] for prefix in phrases()[1])


def _head(text: str) -> str:
    """The first word of a line, normalised as :func:`normalise_line` would
    leave it: a line whose head is not a phrase's head matches no phrase."""
    parts = text.split(None, 1)
    return parts[0].casefold().rstrip(_TRAILING_CHARS) if parts else ""


def is_phrase(text: str) -> bool:
    """Is the stripped line ``text`` (at most 200 characters) a line of the
    shipped phrase list (BP001)?"""
    exact, prefixes = phrases()
    if len(text) > 80:  # longer than any whole-line phrase: prefixes only
        if text[0].casefold()[:1] not in _prefix_initials():
            return False
        return normalise_line(text[:100]).startswith(prefixes)
    if _head(text) not in _phrase_heads():
        return False
    norm = normalise_line(text)
    return norm in exact or norm.startswith(prefixes)


class _LineFields(NamedTuple):
    index: int
    start: int
    end: int
    #: The line, trimmed of white space.
    text: str
    words: int
    #: Ends on sentence-final punctuation (`ends_sentence`).
    final: bool
    #: Reads as running text of the article.
    prose: bool
    #: A line of the shipped phrase list (BP001).
    phrase: bool
    #: Part of a hard-wrapped paragraph (set by `_join_wrapped`).
    wrapped: bool
    #: Length of the line with its surrounding white space (BP001 skips long ones).
    raw_len: int


class LineInfo(_LineFields):
    """What BP and IN rules need to know about one non-blank line.

    A tuple: ``line_infos`` builds one per line in a single C call, where an
    object with slots cost a Python ``__init__`` and a dozen attribute
    stores. ``LineInfo(index, start, end, text[, raw_len])`` computes the
    features of one line, as ``line_infos`` does.
    """

    __slots__ = ()

    def __new__(cls, index: int, start: int, end: int, text: str, raw_len: int | None = None) -> "LineInfo":
        words, final, prose = _features(text)
        return tuple.__new__(cls, (
            index, start, end, text, words, final, prose, _is_phrase_line(text), False,
            len(text) if raw_len is None else raw_len,
        ))


_ENDS_SENTENCE = attrgetter("final")


def _features(text: str) -> tuple[int, bool, bool]:
    """(words, final, prose) of a non-blank trimmed line."""
    size = len(text)
    # Long lines are prose whatever their details: spare the regexes
    # (and count words by spaces: the count only has to pass 12).
    if size > 100:
        words = text.count(" ") + 1
    else:
        words = len((_ASCII_WORD if text.isascii() else _WORD).findall(text))
    # Most lines end on a word and a full stop: no call for them.
    final = (text[-1] == "." and text[-2:-1].isalnum()) or ends_sentence(text)
    if words > 12 and (final or size > LONG_LINE):
        return words, final, True  # the common case: a paragraph
    return words, final, _prose(text, words, final)


def _prose(text: str, words: int, final: bool) -> bool:
    """Does the line read as running text of the article? A line in title
    case without final punctuation is a headline, however long."""
    long = len(text) > LONG_LINE
    if words <= 12 and " | " in text:
        return False  # `Schedules: A.F.C. | N.F.C.`: a menu row
    if long or final:
        return long or words >= 5
    if words < 12:
        return False
    titled = len((_ASCII_TITLE_WORD if text.isascii() else _TITLE_WORD).findall(text)) >= 0.7 * words
    return not titled


#: The ASCII initials of the line prefixes of the phrase list, both cases.
_ascii_prefix_initials: frozenset[str] | None = None


def _is_phrase_line(text: str) -> bool:
    """``len(text) <= 200 and is_phrase(text)``: as BP001, its first test
    inlined: a line of over 80 characters can only start a phrase of the
    list with its initial (looked up directly when it is ASCII)."""
    size = len(text)
    if size > 80:
        if size > 200:
            return False
        initial = text[0]
        if initial < "\x80":
            global _ascii_prefix_initials
            if _ascii_prefix_initials is None:
                _ascii_prefix_initials = frozenset(
                    c for c in map(chr, range(128)) if c.casefold()[:1] in _prefix_initials()
                )
            if initial not in _ascii_prefix_initials:
                return False
        elif initial.casefold()[:1] not in _prefix_initials():
            return False
    return is_phrase(text)


def line_infos(doc: Document) -> list[LineInfo]:
    """The non-blank lines of the document, trimmed, with their features."""
    text = doc.text
    out: list[LineInfo] = []
    append = out.append
    make = tuple.__new__
    for start, end in doc.lines:
        if start >= end:
            continue  # an empty line
        if text[start].isspace() or text[end - 1].isspace():
            raw = text[start:end]
            line = raw.strip()
            if not line:
                continue
            start += 0 if raw[0] == line[0] else raw.find(line[0])
            raw_len, end = len(raw), start + len(line)
        else:  # nothing to trim (the common case)
            line = text[start:end]
            raw_len = end - start
        size = end - start
        if size > 100:  # `_features` of a paragraph, inlined (most lines are)
            words = line.count(" ") + 1
            final = (line[-1] == "." and line[-2].isalnum()) or ends_sentence(line)
            if words > 12 and (final or size > LONG_LINE):
                phrase = size <= 200 and _is_phrase_line(line)
                append(make(LineInfo, (len(out), start, end, line, words, final, True, phrase, False, raw_len)))
                continue
        words, final, prose = _features(line)
        append(make(LineInfo, (len(out), start, end, line, words, final, prose, _is_phrase_line(line), False, raw_len)))
    _join_wrapped(text, out)
    return out


# A hard-wrapped line goes on in the next one: `… the two leaders since` /
# `the invasion began.` Menus do not wrap: their lines stand alone.
def _goes_on(text: str) -> bool:
    """The line stops mid-sentence: on a letter, a digit or `,;-–—(`."""
    last = text[-1]
    return last.isalnum() or last in ",;-–—("
_CONTINUES = lazy(r"^\p{Ll}\p{L}")


def _join_wrapped(text: str, lines: list[LineInfo]) -> None:
    """Mark the lines of hard-wrapped paragraphs as prose.

    A text wrapped at 72 or 80 columns has lines of 8 to 12 words that end
    mid-sentence: each looks like a short unpunctuated line, but together
    they are a paragraph. Only the lines that do not end a sentence are
    looked at (a finished sentence does not go on).
    """
    # Line j goes on into line j + 1: the links, in order.
    links = [
        j for j in compress(range(len(lines) - 1), map(not_, map(_ENDS_SENTENCE, lines)))
        if len(lines[j].text) >= 50
        and _goes_on(lines[j].text)
        and _CONTINUES.match(lines[j + 1].text)
        and "\n" not in text[lines[j].end : lines[j + 1].start].replace("\n", "", 1)
    ]
    # A chain of links i, i + 1, …, j joins the lines i to j + 1.
    k = 0
    while k < len(links):
        first = links[k]
        while k + 1 < len(links) and links[k + 1] == links[k] + 1:
            k += 1
        last = links[k] + 1
        if sum(l.words for l in lines[first : last + 1]) >= 12:
            for i in range(first, last + 1):
                lines[i] = lines[i]._replace(prose=True, wrapped=True)
        k += 1


_STEM_WORD = lazy(r"\p{L}{4,}")
_ASCII_STEM_WORD = lazy_re(r"[a-z]{4,}")  # the same on case-folded ASCII text
_COMMON = frozenset(
    "that this with from have they their them were will would which when what there "
    "about been also into more than said says after over other some such only just "
    "most very like could should where while these those your then".split()
)


def stems(text: str) -> list[str]:
    """Crude stems (first five letters) of the longer words of ``text``.

    >>> stems("Birthday greetings")
    ['birth', 'greet']
    """
    folded = text.casefold()
    words = (_ASCII_STEM_WORD if folded.isascii() else _STEM_WORD).findall(folded)
    return [w[:5] for w in words if w not in _COMMON]


def line_stems(line: LineInfo) -> list[str]:
    """:func:`stems` of a line (do not change the list: it is shared)."""
    return _stems_of_line(line.text)


@lru_cache(maxsize=4096)
def _stems_of_line(text: str) -> list[str]:
    # the layout asks several times for some lines, and pages share lines
    return stems(text)


def has_furniture(line: LineInfo) -> bool:
    """Does the line hold a word of page furniture (``_FURNITURE``)?"""
    return _furniture_in_line(line.text)


_furniture_in_line = lru_cache(maxsize=4096)(furniture_in)


# Every match of `_STRONG_FURNITURE` on an ASCII line holds one of these, in
# lower case, or is a comment counter (`_ASCII_COMMENT_COUNT`): a line without
# any cannot match it (spares the slow regex). Whole phrases, not their first
# words: `in terms of`, `in Toronto`, `commented`, `may not be the` are prose.
_STRONG_KEYS = (
    "copyright", "all rights reserved", "filed under", "permalink", "trackback",
    "click here", "log in to", "sign in to", "terms of use", "terms of service",
    "terms and conditions", "privacy policy", "privacy statement", "<a href=", "<img",
    "may not be published", "may not be republished", "full article contains ",
)
# `12 comments`, `Comments (3)`: what the comment counters of
# `_STRONG_FURNITURE` need at least (on a lower-cased ASCII line).
_ASCII_COMMENT_COUNT = lazy_re(r"[0-9] comment|comments? \([0-9]")


def has_strong_furniture(text: str) -> bool:
    """``_STRONG_FURNITURE.search(text)``, with a cheap first check on ASCII text."""
    if text.isascii():
        low = text.lower()
        if not any(key in low for key in _STRONG_KEYS) and not (
            "comment" in low and _ASCII_COMMENT_COUNT.search(low)
        ):
            return False
    return bool(_STRONG_FURNITURE.search(text))
