"""Splitting glued words (``onsovereignty`` → ``on sovereignty``) with a compact
English lexicon derived from wordfreq.

wordfreq's first lookup costs ~0.2 s (import plus loading its lists), more than
the whole cold-start budget of ``detector check``. So the data the splitter
needs ships as one small file, ``data/en_lexicon.txt``, built from wordfreq
by :func:`._glue_build.build_lexicon` (``python -m detector.rules._glue_build``):

* every word with a Zipf frequency of at least ``FREQUENT`` (3.0): the parts a
  glued token may split into;
* every rarer word (Zipf ≥ ``KNOWN``, 1.5) that *would* split into frequent
  parts (``counterbalance``, ``nevertheless``): real words not to flag;
* the rare "words" that are really web glues wordfreq counted (``ofthe``,
  ``forall``, ``thefirst``): flagged all the same;
* moderately rare words (Zipf 2.2 to 3.0), which may follow or precede a
  glued function word (``torenegotiate``, ``tauntedthe``).

A token is glued when it is in neither of the first two lists and splits
into two or three frequent parts, or into a function word and a word of the
last list. The data comes from wordfreq (Robyn Speer et al., data CC BY-SA
4.0); the file is ~0.6 MB and loads in ~10 ms.

>>> split_glued('onsovereignty')
('on', 'sovereignty')
>>> split_glued('counterbalance') is None
True
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

FREQUENT = 3.0  # every part of a split is at least this frequent (Zipf)
KNOWN = 1.5  # a token at least this frequent is a word, not a glue
VOCABULARY = 2.2  # a rare word next to a function word must be this frequent

# One- and two-letter parts are the riskiest ("co", "ex", "un" are frequent
# "words" too): only these function words may be parts.
SHORT_PARTS = frozenset(
    "a i am an as at be by do go he if in is it me my no of on or so to up us we".split()
)
# Word-forming prefixes: `geo|economics`, `cyber|attack`, `re|open` are new
# words, not glued ones.
PREFIXES = frozenset(
    """geo bio eco micro macro anti pre post non multi inter intra over under super
    sub co de re un counter cyber mega mini neo pro semi tele trans ultra self out
    up down back off fore mid mis dis hyper tri bi euro afro agro petro narco
    socio techno info crypto auto""".split()
)
# Word-forming suffixes that are also words: `leader|less`, `country|wide`.
SUFFIXES = frozenset(
    """less ness like wide ship hood ism ward wards wise man men woman women
    land lands town ville burg berg field wood worth ford ton son dom
    able ably ing ed er ers est ly ful fold some
    back down out off up over side""".split()
)
_MIN_LENGTH = 4
# Endings of plurals, participles, adverbs and adjectives: a first part with
# one of them rarely starts a real compound (`glaringneon`, `countriesand`),
# unlike short nouns and verbs (`oilskin`, `writedown`).
_INFLECTED = ("s", "ing", "ed", "ly", "al", "ent", "ant", "ous", "ive", "ic", "ful", "ary", "ory", "ion")
# Closed-class words. wordfreq's web-derived lists hold common glues of two of
# them (`forall`, `inthe`, `havebeen`) as rare "words"; a rare lexicon word
# made of two of these is treated as glued after all.
FUNCTION_WORDS = frozenset(
    """a an the and or but if of to in on at by for with from as is are was were be
    been has have had do does did not no so than then that this these those it its
    i you he she we they me him her us them my your his our their what who which
    where when why how all any some more most can will would could should may
    might must there here""".split()
)
# Web glues of closed-class words outside FUNCTION_WORDS (`be`, `one`, `out`,
# `up`, `than`, `you`), listed by hand: a general rule would take names and
# real words too (`Amit`, `Bethan`, `outdo`, `nota`).
_KNOWN_WEB_GLUES = frozenset(
    """ifyou ifwe morethan oneof outof theyare tobe upto weare willbe wouldbe
    youare youcan youhave doyou soyou sowe""".split()
)
# Web glues so common that wordfreq counts them as words of their own, even
# frequent ones (`eachother`, `alot`): glued all the same, in lower case.
_FREQUENT_WEB_GLUES = frozenset(
    "eachother overthe underthe atleast infact aswell inorder alot thankyou incase".split()
)
_COMMONEST = frozenset("the a an and of to in".split())
# The function words that web glues are made of.
_GLUING = _COMMONEST | frozenset("for on at is was with by from that this it".split())
# The same as a tuple, for str.startswith/endswith and for the order splits
# are tried in: fixed (a frozenset's order changes with the process's string
# hashing, and the same word must always split the same way), longest first
# (`an|other` before `a|nother`).
_GLUING_LONGEST_FIRST = tuple(sorted(_GLUING, key=lambda w: (-len(w), w)))


@lru_cache(maxsize=1)
def _load() -> tuple[dict[str, int], frozenset[str], frozenset[str], frozenset[str]]:
    """(frequent word → rank, 0 = most frequent; rarer known words; lexicon
    words that are web glues; moderately rare words), loaded once.

    The file holds a comment line and then one line per list: parsing three
    ``split()``s keeps the first load near 10 ms.
    """
    data = resources.files("detector.rules").joinpath("data/en_lexicon.txt").read_text("utf-8")
    _comment, frequent, known, glue_like, vocabulary = data.split("\n")[:5]
    words = frequent.split()
    return (
        dict(zip(words, range(len(words)))),
        frozenset(known.split()),
        frozenset(glue_like.split()) | _FREQUENT_WEB_GLUES,
        frozenset(vocabulary.split()),
    )


def lexicon() -> dict[str, int]:
    """Frequent words (Zipf ≥ 3) → frequency rank."""
    return _load()[0]


def is_known(word: str) -> bool:
    """A word of the lexicon (frequent, or rarer but real)."""
    frequent, known, _glue_like, _vocabulary = _load()
    return word in frequent or word in known


# Short frequent "words" are often abbreviations or name parts (`tam`, `jos`,
# `ding`): a part of three letters must be among the most frequent words,
# one of four letters fairly frequent. Ranks count from the most frequent.
_MAX_RANK_BY_LENGTH = {1: 100, 2: 1500, 3: 2500, 4: 15000}
# A part this frequent is a function word or close to one (`in`, `two`,
# `have`, `where`).
COMMON_RANK = 300
# Beyond this rank (Zipf ~3.65) a content word glued to another content word
# is more often a compound wordfreq lacks than a glue.
_RARE_CONTENT_RANK = 12000


def _part_ok(part: str, lex: dict[str, int], first: bool, last: bool, other: str = "") -> bool:
    """Whether ``part`` may be a part of a split; ``other`` is the neighbouring
    part when known: next to a function word, prefixes and suffixes are
    plain words again (`over his`, `went out` is not, `runback` neither)."""
    if len(part) <= 2 and part not in SHORT_PARTS:
        return False
    rank = lex.get(part)
    if rank is None or rank >= _MAX_RANK_BY_LENGTH.get(len(part), 1 << 30):
        return False
    if other in FUNCTION_WORDS:
        return True
    if first and part in PREFIXES:
        return False
    if last and part in SUFFIXES:
        return False
    return True


def best_split(word: str, lex: dict[str, int] | None = None) -> tuple[str, ...] | None:
    """The best split of lower-case ``word`` into two or three frequent parts.

    ``lex`` maps frequent words to their frequency rank. Two parts beat
    three; among equals, the split whose rarest part is most frequent wins.
    One-letter parts (``a``) are allowed only in two-part splits.
    """
    lex = lexicon() if lex is None else lex
    n = len(word)
    best: tuple[float, tuple[str, ...]] | None = None
    for i in range(1, n):
        left, right = word[:i], word[i:]
        if left not in lex or right not in lex:
            continue  # no part (as _part_ok says), found in C
        if _part_ok(left, lex, True, False, right) and _part_ok(right, lex, False, True, left):
            # A split with a common word in it wins (`enters its`, not
            # `enter sits`); then the one whose rarer part is commoner.
            score = (min(lex[left], lex[right]) >= COMMON_RANK, max(lex[left], lex[right]))
            if best is None or score < best[0]:
                best = (score, (left, right))
    if best is not None:
        return best[1]
    for i in range(1, n - 1):
        left = word[:i]
        if left not in lex or not _part_ok(left, lex, True, False):
            continue
        for j in range(i + 1, n):
            mid, right = word[i:j], word[j:]
            if mid not in lex or right not in lex or len(mid) == 1 or len(right) == 1:
                continue
            if len(left) == 1 and (left != "a" or len(mid) < 4 or len(right) < 4):
                continue  # `a` only before two longer words (`acompromiseproposal`)
            if _part_ok(mid, lex, False, False) and _part_ok(right, lex, False, True):
                score = max(lex[left], lex[mid], lex[right])
                if best is None or score < best[0]:
                    best = (score, (left, mid, right))
    return best[1] if best else None


@lru_cache(maxsize=65536)  # a pure function of its arguments, asked per occurrence
def split_glued(word: str, lowercase: bool = True) -> tuple[str, ...] | None:
    """The parts of a glued lower-case ``word``, or None if it is a word or no glue.

    ``lowercase`` tells whether the token was written in lower case. Tokens
    written with a capital are mostly names (``Chasetown``, ``Manswell``), so
    they need more: two parts, and either a function word first
    (``Itincludes``) or a first part of five letters (four if common) and a
    last one among the commonest words (``Putintwo``, ``Westhave``) or a
    long token. A split into two content words (no common word among them)
    must be long (10 letters) or start with an inflected form
    (``countriespartnership``, ``glaringneon``): short ones are mostly real
    compounds wordfreq lacks (``oilskin``, ``writedown``).

    >>> split_glued('situationin'), split_glued('oilskin'), split_glued('Chasetown', False)
    (('situation', 'in'), None, None)
    """
    if len(word) < _MIN_LENGTH or not word.isalpha() or not word.isascii():
        return None
    glue_like = _load()[2]
    if is_known(word) and word not in glue_like:
        return None
    if not lowercase and (word in _KNOWN_WEB_GLUES or word in _FREQUENT_WEB_GLUES):
        return None  # `Weare` (a town), `Tobe` (Hooper): names when capitalised
    if len(word) == 4 and word not in glue_like:
        return None  # four letters: only web glues (`toan`); `sobe` is Portuguese
    parts = _split_cached(word)
    if parts is None:
        return _split_at_function_word(word, lowercase) or _split_between_function_words(word, lowercase)
    lex = lexicon()
    if len(parts) == 3:
        if not _three_parts_ok(word, parts, lex, lowercase):
            return None
        if not lowercase:
            return parts  # `Fridayitplans`: checked above, unlike two parts below
    first, last = parts[0], parts[-1]
    if word not in glue_like:
        if len(word) <= 5 and not set(parts) & _GLUING:
            return None  # `norme` (Italian), `sobe`: too short to tell; `asthe` is glued
        if last == "i" or (last == "us" and len(first) >= 6):
            return None  # `collecti`, `patriotismus`: endings, not words
    if not lowercase and (
        len(parts) != 2
        or len(last) < 2
        or not (
            # `Itincludes`, `Afterall`, `Hewas`, `Assoon`
            (first in FUNCTION_WORDS and (len(last) >= 5 or last in FUNCTION_WORDS or lex[last] < 1000))
            or (
                (len(first) >= 5 or (len(first) == 4 and lex[first] < 3000))  # `Westhave`, not `Manswell`
                and (lex[last] < 1000 or len(word) >= 12)
            )
        )
    ):
        return None
    if (
        lowercase and not set(parts) & (FUNCTION_WORDS | glue_like)
        and max(lex[p] for p in parts) >= _RARE_CONTENT_RANK
        and not (len(first) >= 5 and first.endswith(("ing", "ed", "s")))
    ):
        # Two content words, one of them rare: mostly compounds wordfreq
        # lacks (`blueliners`, `ballhawking`, `cerebralvascular`), unless the
        # first is inflected (`varyinginterpretations`).
        return None
    if all(lex[p] >= COMMON_RANK for p in parts):
        if len(word) < 10 and not (len(first) >= 5 and first.endswith(_INFLECTED)):
            return None
    if set(parts) & glue_like:
        return _expand_web_glues(parts, glue_like)
    return parts


def _expand_web_glues(parts: tuple[str, ...], glue_like: frozenset[str]) -> tuple[str, ...]:
    """``('ofthe', 'former')`` → ``('of', 'the', 'former')``: a part that is a
    web glue wordfreq counted is split into its function words."""
    out: list[str] = []
    for p in parts:
        inner = best_split(p) if p in glue_like else None
        out.extend(inner or (p,))
    return tuple(out)


def _three_parts_ok(word: str, parts: tuple[str, ...], lex: dict[str, int], lowercase: bool) -> bool:
    """Whether a split into three parts is likely a glue: a stripped quotation
    glues a whole phrase to the words on both sides (`thehassleof`,
    `acompromiseproposal`, `Fridayitplans`).

    >>> _three_parts_ok('thehassleof', ('the', 'hassle', 'of'), lexicon(), True)
    True
    """
    first, mid, last = parts
    if not lowercase:
        # A capitalised word, a function word, a word: `Fridayitplans`,
        # `Moscowisready`; names are not built like that (`Edinburgh` is
        # known, `Amsterdam` too).
        return (
            mid in FUNCTION_WORDS and len(first) >= 5 and len(last) >= 4
            and len(word) >= 11 and lex[first] < 10000 and lex[last] < 10000
        )
    if first in _GLUING and last in _GLUING and len(mid) >= 4:
        return True  # `thehassleof`: function words on both sides, any word between
    # `isnostranger`, `acompromiseproposal`: a function word among them lets
    # the others be rarer.
    limit = 10000 if any(p in FUNCTION_WORDS for p in parts) else 3000
    return all(lex[p] < limit for p in parts)


# Function words that glue to a rarer word at its start (`torenegotiate`,
# `theouster`, `atempestuous`) or its end (`tauntedthe`, `urinatingin`). Few
# real words begin or end like that without being in the lexicon already;
# `in` as an ending must follow an inflection (names end in -in: `Rubin`).
_EDGE_PREFIXES = ("the", "to", "a", "an", "in", "of", "and", "with", "which", "would", "that", "for")
_EDGE_SUFFIXES = ("the", "and", "with", "was", "of", "to")
_EDGE_SUFFIXES_AND_IN = _EDGE_SUFFIXES + ("in",)
_EDGE_MIN_REST = 6


def _split_at_function_word(
    word: str, lowercase: bool, vocabulary: frozenset[str] | None = None
) -> tuple[str, ...] | None:
    """``word`` as a function word glued to a word of the vocabulary (Zipf ≥
    ``VOCABULARY``), which is too rare to be a part of an ordinary split."""
    vocabulary = _load()[3] if vocabulary is None else vocabulary
    if word.startswith(_EDGE_PREFIXES):  # most words start otherwise: one test in C
        for p in _EDGE_PREFIXES:
            if not lowercase and p != "the":
                continue
            rest = word[len(p):]
            if word.startswith(p) and len(rest) >= _EDGE_MIN_REST and rest in vocabulary:
                return (p, rest)
    if not lowercase or not word.endswith(_EDGE_SUFFIXES_AND_IN):
        return None
    for suffix in _EDGE_SUFFIXES_AND_IN:
        rest = word[: -len(suffix)]
        if not word.endswith(suffix) or len(rest) < _EDGE_MIN_REST or rest not in vocabulary:
            continue
        if suffix == "in" and not rest.endswith(("ing", "ed", "s")):
            continue
        return (rest, suffix)
    return None


def _split_between_function_words(
    word: str, lowercase: bool, vocabulary: frozenset[str] | None = None, frequent: dict[str, int] | None = None
) -> tuple[str, ...] | None:
    """``anddisparagedthe`` → ``('and', 'disparaged', 'the')``: a word of the
    vocabulary (Zipf ≥ ``VOCABULARY``) between two gluing function words, as
    a stripped quotation leaves it. Few real words start and end like that
    (`another`, `atheist` are known words)."""
    if not lowercase or not (word.startswith(_GLUING_LONGEST_FIRST) and word.endswith(_GLUING_LONGEST_FIRST)):
        return None  # (most words, answered in C)
    vocabulary = _load()[3] if vocabulary is None else vocabulary
    frequent = lexicon() if frequent is None else frequent
    for p in _GLUING_LONGEST_FIRST:
        if not word.startswith(p):
            continue
        for q in _GLUING_LONGEST_FIRST:
            mid = word[len(p) : len(word) - len(q)]
            if word.endswith(q) and len(mid) >= _EDGE_MIN_REST and (mid in vocabulary or mid in frequent):
                return (p, mid, q)
    return None


@lru_cache(maxsize=65536)
def _split_cached(word: str) -> tuple[str, ...] | None:
    return best_split(word)
