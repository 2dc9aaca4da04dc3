"""Lossy transcoding: `?` left where a character the target charset lacked was.

Used by EN003 (:mod:`detector.rules._encoding_lost`); EN009
(:mod:`detector.rules._encoding_deceptive`) borrows :func:`token_around`.

Text that went through a charset without curly quotes comes out with `?` in
their place: `province?s`, `?The Harmony?`, `Indiana ? and Michigan`. Real
question marks follow a word and are followed by a space, a closing quote or
bracket, or another `?`/`!`: those are never reported.
"""

from __future__ import annotations

import regex

from detector.rules._lazy import lazy, lazy_re

# The ways a `?` stands for a lost character, as pattern sources: they only
# ever run joined into one (``_first_lossy``), read with ``regex.MULTILINE``
# (which only the patterns with `^` or `$` heed).
# `?` between a letter and an English contraction ending: `It?s`, `They?re`.
_LOSSY_CONTRACTION = r"(?<=[\p{L}\p{N}])\?(?=(?:s|t|re|ve|ll|d|m|S|T|RE|VE|LL|D|M)(?![\p{L}\p{N}]))"
# `?` between two letters: `Dadullah?who`, `Ex?Delhi`, `d?Ivoire`.
_LOSSY_IN_WORD = r"(?<=\p{L})\?(?=\p{L})(?!\u00e2[?\u20ac])"  # not `it?â??` (MJ002)
# `?` opening a word after a space, bracket or line start: `?We have`, `(?Step Up`.
_LOSSY_OPENING = r"(?<=^|[\s(\[])\?(?=[\p{L}\p{N}])"
# ` ? ` between two words, where a dash stood: `CAIRO (AFP) ? France`.
_LOSSY_DASH = r"(?<=[\p{L}\p{N})\]?.,;:][ \t])\?(?=[ \t]+[\p{L}\p{N}(?])"
# A dash after a news dateline: `WASHINGTON (Reuters) ? The`, `GLENDALE ? Oklahoma`.
_LOSSY_DATELINE = r"(?<=^[\p{Lu}][\p{Lu}\p{N} .,'’-]*(?:\([\p{L} .,'-]+\))?[ \t])\?(?=[ \t]+[\p{L}\p{N}(?])"
# A closing quote after a comma, or after a full stop at the end of a line:
# `jacket,? Mike Horn said`, `went back down.?`. No question is written so.
_LOSSY_AFTER_COMMA = r"(?<=[\p{L}\p{N}],)\?(?=\s|$)"
_LOSSY_AFTER_FULL_STOP = r"(?<=\p{Ll}\p{Ll}\.)\?(?=[ \t]*$)"
# A run of `?` standing alone, where a word in another script was: `Português | ??? | ????`.
_LOSSY_RUN = r"(?<=^|[\s|(\[])\?{2,}(?=$|[\s|)\]])"
# A line that is only `?`, where an icon or bullet was.
_LOSSY_LONE_LINE = r"^\?$"
# `? ` opening a line, where a bullet or dash stood: `? Super Bowl XLII`.
_LOSSY_BULLET = r"^\?(?=[ \t]+[\p{L}\p{N}(])"
# `?` after a plural before a lowercase word: `the Lakers? locker room`.
_LOSSY_PLURAL_POSSESSIVE = r"(?<=\p{L}[sS])\?(?= \p{Ll})"
# `?` between digits, where an en dash or a minute mark stood: `1990?2000`, `1?32.7`.
_LOSSY_BETWEEN_DIGITS = r"(?<=\p{N})\?(?=\p{N})"
# `?` after a comma or a single full stop: `restaurant,? reports`, `versatility.?`.
_LOSSY_AFTER_PUNCT = r"(?<=[\p{L}\p{N}][,;]|[\p{L}\p{N}]\.)\?(?=[\s,;)]|$)"
# A `?` ending a word: a closing quote only if an opening `?` is still open.
# (The `?` comes first and the look-behind checks the letter before it: the
# search then jumps from `?` to `?` instead of trying every position.)
_LOSSY_CLOSING = lazy(r"\?(?<=[\p{L}\p{N}.,!?]\?)(?=[\s,.;:)!]|$)", regex.MULTILINE)
# A straight or curly double quote.
_QUOTE = lazy_re(r"[\"“”]")
# Where `?` is syntax: a token holding a URL, a path, a query string or markup.
_URL_LIKE = lazy(r"://|www\.|^/|\w/[\w.-]+/|\.(?:php|aspx?|jsp|cgi|html?)\b|[=&<>]")
# A character every alternative of ``_URL_LIKE`` needs (`:`, `/`, `.`, `=`,
# `&`, `<`, `>`): a token without one is no URL, and `re` tells it fast.
_URL_CHARACTER = lazy_re(r"[:/.=&<>]")
# (pattern source, what was lost, strong, has a space before the `?`), most trusted first.
_LOSSY_PATTERNS = (
    (_LOSSY_CONTRACTION, "apostrophe", True, False),
    (_LOSSY_IN_WORD, "quote or dash", True, False),
    (_LOSSY_OPENING, "opening quote", True, True),
    (_LOSSY_AFTER_COMMA, "closing quote", True, False),
    (_LOSSY_AFTER_FULL_STOP, "closing quote", True, False),
    (_LOSSY_DATELINE, "dash", True, True),
    (_LOSSY_AFTER_PUNCT, "closing quote", False, False),
    (_LOSSY_PLURAL_POSSESSIVE, "apostrophe", False, False),
    (_LOSSY_BETWEEN_DIGITS, "dash", False, False),
    (_LOSSY_DASH, "dash", False, True),
    (_LOSSY_BULLET, "bullet or dash", False, True),
    (_LOSSY_RUN, "characters of another script", False, False),
    (_LOSSY_LONE_LINE, "symbol", False, False),
)


def _first_of(patterns: tuple) -> "regex.Pattern":
    """One pattern that tries ``patterns`` in their order at a position: the
    alternative that matches (``lastindex``) is the first pattern that would.
    One call of the `regex` module instead of one a pattern: most `?` are
    tried against several. (None of the patterns holds a capturing group.)"""
    return regex.compile("|".join(f"({source})" for source, *_ in patterns), regex.MULTILINE)


# The patterns of ``_LOSSY_PATTERNS`` as one, with and without those that have
# a space before the `?` (``skip_space_before``), compiled on first use.
_FIRST_LOSSY: dict[bool, tuple[tuple, "regex.Pattern"]] = {}


def _first_lossy(skip_space_before: bool) -> tuple[tuple, "regex.Pattern"]:
    if skip_space_before not in _FIRST_LOSSY:
        patterns = tuple(p for p in _LOSSY_PATTERNS if not (skip_space_before and p[3]))
        _FIRST_LOSSY[skip_space_before] = (patterns, _first_of(patterns))
    return _FIRST_LOSSY[skip_space_before]


def lossy_question_marks(text: str, skip_space_before: bool = False) -> list[tuple[int, int, str, bool]]:
    """Spans of `?` that stand for lost characters: (start, end, kind, strong).

    ``kind`` is ``apostrophe``, ``opening quote``, ``closing quote``, ``dash``,
    ``quote or dash``, ``bullet or dash``, ``symbol`` or (a run of `?`)
    ``characters of another script``; ``strong`` marks the patterns no real question mark
    takes (`It?s`, `?We`), which vouch for the weaker ones in the same text.
    ``skip_space_before`` turns off the patterns with a space before `?`
    (French puts one before a real question mark).

    >>> [(o, k) for o, _, k, _ in lossy_question_marks("It?s ?fine?, Why? They?re here ? really.")]
    [(2, 'apostrophe'), (5, 'opening quote'), (10, 'closing quote'), (22, 'apostrophe'), (31, 'dash')]
    """
    if "?" not in text:
        return []
    found: dict[int, tuple[int, str, bool]] = {}
    # Each `?` is tried against the patterns in order of trust; the first
    # that matches names it. (Matching at each `?` is much faster than
    # running every pattern over the whole text.)
    patterns, first_lossy = _first_lossy(skip_space_before)
    pos = text.find("?")
    while pos >= 0:
        end = pos + 1
        if _plain_question(text, pos):
            pos = text.find("?", end)
            continue
        m = first_lossy.match(text, pos)
        if m:
            _, kind, strong, _ = patterns[m.lastindex - 1]
            if kind == "opening quote" and text[pos + 1].isdigit():
                kind = "opening quote or currency sign"
            found[pos] = (m.end(), kind, strong)
            end = m.end()
        else:
            while end < len(text) and text[end] == "?":  # `what???`: one real question
                end += 1
        pos = text.find("?", end)
    # Pair closing quotes with the opening ones of the same line.
    openings = sorted(o for o, (_, k, _) in found.items() if k.startswith("opening"))
    for o in openings:
        line_end = text.find("\n", o)
        line_end = len(text) if line_end < 0 else line_end
        quote = _QUOTE.search(text, o + 1, line_end)  # a real quote mark ends the search
        m = _closing_of(text, o + 2, quote.start() if quote else line_end)
        if m and m.start() not in found:
            found[m.start()] = (m.end(), "closing quote", False)
    out = []
    for offset in sorted(found):
        if _in_url_or_code(text, offset):
            continue
        end, kind, strong = found[offset]
        out.append((offset, end, kind, strong))
    return out


# After a `?`, a capital (`?What for? You have given me …`): the `?` may end
# a question inside the quotation, which closes further on. (`? ?` is left
# alone: `?Sound like heaven? ? asks` is a question and a lost closing quote,
# `?tuppenny bloods? ? the children?s` a lost closing quote and a lost dash.)
_THEN_A_SENTENCE = lazy(r"[ \t]+\p{Lu}")
# A quotation that asks a question: `What for?`, `Is it true?`.
_QUESTION_WORD = lazy(
    r"(?i:what|why|how|who|whom|whose|where|when|which|is|are|was|were|do|does|did|can|could"
    r"|will|would|should|shall|may|might|must|have|has|had)\b"
)


def _closing_of(text: str, start: int, end: int):
    """The `?` that closes a quotation opened by a lost quote at ``start - 2``:
    the first between ``start`` and ``end`` that ends a word
    (``_LOSSY_CLOSING``). When the quotation asks a question (`?What for? You
    have given me … our lives?.`) and that `?` is followed by a capital, it
    may be the question's own mark: a later one that is not followed by a
    capital closes instead. (In `?Liberal? Victory for Romney?` the quotation
    asks nothing: the first one closes.) A `?` after `?`, `!` or `.` always
    closes (`separate?? Olmert said`)."""
    first = m = _LOSSY_CLOSING.search(text, start, end)
    if m is None or not _QUESTION_WORD.match(text, start - 1):
        return first
    while m is not None:
        if text[m.start() - 1] in "?!." or not _THEN_A_SENTENCE.match(text, m.end()):
            return m
        m = _LOSSY_CLOSING.search(text, m.end(), end)
    return first  # every one is followed by a capital: the first, as before


def may_be_strong(text: str) -> bool:
    """Can any `?` of the text be a strong (unmistakable) lost character?

    Every strong pattern has the `?` before a letter or digit (`It?s`,
    `?We`), after a comma or a full stop (`jacket,?`, `down.?`), or between
    spaces (`WASHINGTON (Reuters) ? The`): a `?` with none of these is a real
    question mark or a weak case, and a text without a strong one gets no
    finding. A few `str.find` calls instead of the patterns.

    >>> may_be_strong("Why? Because. What?"), may_be_strong("It?s"), may_be_strong("said,? he")
    (False, True, True)
    """
    at = text.find("?")
    while at >= 0:
        after = text[at + 1 : at + 2]
        before = text[at - 1 : at] if at else ""
        if after.isalnum() or before in (",", ".") or (before in (" ", "\t") and after in (" ", "\t")):
            return True
        at = text.find("?", at + 1)
    return False


# What may follow a real question mark (`Why? The`, `why?"`, `(why?)`).
_AFTER_A_QUESTION = frozenset(" \t\n\r\"')]")


def _plain_question(text: str, at: int) -> bool:
    """A `?` after a letter or digit (not `s`: `Lakers? locker`) and before
    white space, a closing quote or bracket, or the end: no pattern of
    ``_LOSSY_PATTERNS`` can match it (each needs a letter, digit or `?`
    after it, or punctuation, a space, `s` or a line start before it), so
    they are not tried. Most `?` of a text are such questions."""
    before = text[at - 1] if at else ""
    after = text[at + 1] if at + 1 < len(text) else ""
    return before.isalnum() and before not in "sS" and (after == "" or after in _AFTER_A_QUESTION)


def token_around(text: str, offset: int, limit: int = 200) -> str:
    """The whitespace-delimited token holding ``offset`` (at most ``limit`` each side).

    ``str.split`` without a separator splits at ``str.isspace``, in C: the
    last piece before ``offset`` and the first after it are the token's.

    >>> token_around("see http://a.b/c?d=1 now", 16), token_around("ab?cd", 2, limit=1)
    ('http://a.b/c?d=1', 'b?')
    """
    before = text[max(0, offset - limit) : offset]
    before = before.rsplit(None, 1)[-1] if before and not before[-1].isspace() else ""
    after = text[offset + 1 : offset + limit]
    after = after.split(None, 1)[0] if after and not after[0].isspace() else ""
    return before + text[offset] + after


def _in_url_or_code(text: str, offset: int) -> bool:
    """Is the `?` at ``offset`` part of a URL, a query string or markup?"""
    token = token_around(text, offset)
    return bool(_URL_CHARACTER.search(token) and _URL_LIKE.search(token))
