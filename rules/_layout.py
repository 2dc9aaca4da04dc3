"""Line layout of a pasted page, shared by the boilerplate (BP) and injected
(IN) rules: which lines are prose, where the article body starts and ends,
and which short lines around or inside it are page furniture.

>>> from detector.document import Document
>>> doc = Document("Headline\\nEmail this article\\n" + "The minister said talks would resume in Geneva. " * 2)
>>> lines, first, last = layout(doc)
>>> [l.text for l in lines[:2]], first, last
(['Headline', 'Email this article'], 2, 2)
"""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files

import regex

from detector.document import Document

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


# -- line features ---------------------------------------------------------------
#
# BP002 looks at the layout of the whole text, not at one line: the article body
# is the stretch from the first to the last prose line; boilerplate sits in the
# runs of short, unpunctuated lines around and inside it (menus, share bars,
# lists of related headlines). A short line alone is not enough: an article's
# own headline, dateline, byline (`N.Taylor--TNT`), subheadings (`Trade ties`)
# and captions are short too. A line is reported only with a second piece of
# evidence: the vocabulary of page furniture, or a menu-like run at the edge
# of the article.

_WORD = regex.compile(r"[\p{L}\p{M}\p{Nd}]+(?:['’\-][\p{L}\p{M}\p{Nd}]+)*")
# Sentence-final punctuation, optionally followed by closing quotes/brackets.
# A colon or an ellipsis is not final: `Font:`, `Bookmark with:`, `Don't Miss . . .`
# are labels and teasers.
_FINAL = regex.compile(r"(?<![.…]\s?)[.!?。！？]['\"’”»)\]]*\s*$")
# A row of a list or table (`1. Bayliss (Ducati) 1'32.2`, `NEVADA 72, SAN JOSE 51`).
_LIST_ROW = regex.compile(r"^\s*[-*•]\s|\d+\D+\d+\D+\d+")
# An item of the article's own list: numbered (`9. Don Cheadle`), or ending
# like a clause (`lower business taxes;`, `topics included:`).
_LIST_ITEM = regex.compile(r"^\s*\d{1,3}[.)]\s|[;:,]\s*$")
_NUMBERED_ITEM = regex.compile(r"^\s*\d{1,3}[.)]\s|;\s*$")
# Words of page furniture: sharing, comments, navigation, accounts, ads, legal.
_FURNITURE = regex.compile(
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
# An article's own signature lines: byline with agency (`N.Taylor--TNT`), a
# plain `By …`, a credit, an e-mail address; never reported.
_SIGNATURE = regex.compile(
    r"""(?x)
    ^\s*(?:
      [\p{Lu}][\p{L}.\- ]{0,40}\s?--?\s?[\p{Lu}]{2,6}    # N.Taylor--TNT, J. Smith - AFP
    | (?i:by)\s+\p{Lu}.*                                # By Tobin Harshaw
    | \(?(?i:reporting|writing|editing|additional\ reporting)\ by\b.*
    | (?i:with\ files\ from)\b.*                        # With files from the Canadian Press
    | [\w.+-]+@[\w-]+(?:\.[\w-]+)+                       # jbotchford@png.canwest.com
    )\s*$
    """
)
# Rows of a scorecard or roster that ends an article: `Scott Bolkan (Stanford
# University)`, `c Martin b Mills`, `Oram 5-0-15-1 (1w)`, `New Zealand:`.
_DATA_ROW = regex.compile(r"\(.*\)|\d+\s?[-–/.:']\s?\d|^\W*\d+\W*$")
# Furniture that no article sentence says, even in a long line: copyright
# notices, "filed under" and comment counters, log-in prompts.
_STRONG_FURNITURE = regex.compile(
    r"""(?ix)
    ©|\bcopyright\s+(?:©|\(c\)|\d{4})|all\ rights\ reserved|\bfiled\ under\b|\bpermalink\b|\btrackback\b
    |\b\d+\ comments?\b|\bcomments?\ \(\d+\)|\bclick\ here\b|\b(?:log|sign)\ in\ to\b
    |\bterms\ (?:of\ (?:use|service)|and\ conditions)\b|\bprivacy\ (?:policy|statement)\b
    |<a\ href=|<img\b|\bmay\ not\ be\ (?:re)?published\b|\bfull\ article\ contains\ \d+\ words\b
    """
)
_TITLE_WORD = regex.compile(r"\b[\p{Lu}\d]")
# An article's own metadata: datelines, bylines, credits; never BP002.
_MONTH = (r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?")
_METADATA = regex.compile(
    rf"""(?ix)
    \b{_MONTH}\s+\d{{1,2}}\b|\b\d{{1,2}}\s+{_MONTH}\b|\b\d{{1,2}}[./-]\d{{1,2}}[./-]\d{{2,4}}\b
    |\b(?:writer|reporter|correspondent|columnist|contributor)\b
    |(?<!\bto\s)(?<!\bthe\s)\beditor\b(?!\s*:)              # not `Letter to the editor`, `Editor: …`
    |\bphoto\b|\bauthor\s*:|^\W*by\s|\b(?:associated\ press|agence\ france-presse|reuters|afp|ap|pti|dpa|xinhua|ians|upi)\b
    """
)
# A date (`December 16, 2007`, `08.01.2008`): lists of other stories carry them.
_DATE = regex.compile(
    rf"(?i)\b{_MONTH}\s+\d{{1,2}}\b|\b\d{{1,2}}\s+{_MONTH}\b|\b\d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}}\b"
)
# Code and markup of a plain-text document (Markdown source, config, shell):
# fences, headings, [sections], braces, assignments, inline code. (Pipes and
# `>` are left out: web menus use them too, `| Reprints | Single Page |`.)
_MARKUP = regex.compile(r"^(?:```|~~~|#{1,6}\s|\[[\w.\-]+\](?:\s|$))|[{}=`]|\"[\w-]+\":\s|\^{3,}")
# The separator row of a Markdown table: `| --- | :---: |`.
_TABLE_SEPARATOR = regex.compile(r"^\|?\s*:?-{3,}:?\s*\|")
_VIDEO_TIME = regex.compile(r"(?:^|\s)(\d{1,2}:\d{2}(?::\d{2})?)\s*$")


#: Lines longer than this (in characters) are prose and never boilerplate.
LONG_LINE = 300


class LineInfo:
    """What BP and IN rules need to know about one non-blank line."""

    __slots__ = ("index", "start", "end", "text", "words", "final", "prose", "phrase", "wrapped")

    def __init__(self, index: int, start: int, end: int, text: str) -> None:
        self.index, self.start, self.end, self.text = index, start, end, text
        # Long lines are prose whatever their details: spare the regexes
        # (and count words by spaces: the count only has to pass 12).
        long = len(text) > LONG_LINE
        self.words = text.count(" ") + 1 if len(text) > 100 else len(_WORD.findall(text))
        self.final = bool(_FINAL.search(text[-12:]))
        # Prose: a line that reads as running text of the article. A line in
        # title case without final punctuation is a headline, however long.
        if " | " in text and self.words <= 12:
            self.prose = False  # `Schedules: A.F.C. | N.F.C.`: a menu row
        elif long or self.final:
            self.prose = long or self.words >= 5
        else:
            titled = len(_TITLE_WORD.findall(text)) >= 0.7 * self.words
            self.prose = self.words >= 12 and not titled
        self.wrapped = False  # set by _join_wrapped
        self.phrase = False
        if len(text) <= 200:  # as BP001
            exact, prefixes = phrases()
            if len(text) > 80:  # longer than any whole-line phrase: prefixes only
                self.phrase = normalise_line(text[:100]).startswith(prefixes)
            else:
                norm = normalise_line(text)
                self.phrase = norm in exact or norm.startswith(prefixes)


def line_infos(doc: Document) -> list[LineInfo]:
    """The non-blank lines of the document, trimmed, with their features."""
    text = doc.text
    out = []
    for span in doc.lines:
        raw = text[span.start : span.end]
        stripped = raw.strip()
        if not stripped:
            continue
        start = span.start + (len(raw) - len(raw.lstrip()))
        out.append(LineInfo(len(out), start, start + len(stripped), stripped))
    _join_wrapped(text, out)
    return out


# A hard-wrapped line goes on in the next one: `… the two leaders since` /
# `the invasion began.` Menus do not wrap: their lines stand alone.
def _goes_on(text: str) -> bool:
    """The line stops mid-sentence: on a letter, a digit or `,;-–—(`."""
    last = text[-1]
    return last.isalnum() or last in ",;-–—("
_CONTINUES = regex.compile(r"^\p{Ll}\p{L}")


def _join_wrapped(text: str, lines: list[LineInfo]) -> None:
    """Mark the lines of hard-wrapped paragraphs as prose.

    A text wrapped at 72 or 80 columns has lines of 8 to 12 words that end
    mid-sentence: each looks like a short unpunctuated line, but together
    they are a paragraph.
    """
    i = 0
    while i < len(lines):
        j = i
        while (
            j + 1 < len(lines)
            and len(lines[j].text) >= 50
            and _goes_on(lines[j].text)
            and _CONTINUES.match(lines[j + 1].text)
            and "\n" not in text[lines[j].end : lines[j + 1].start].replace("\n", "", 1)
        ):
            j += 1
        if j > i and sum(l.words for l in lines[i : j + 1]) >= 12:
            for line in lines[i : j + 1]:
                line.prose = line.wrapped = True
        i = j + 1


#: A run of this many non-prose lines ends the article body: real articles
#: put at most a subheading, a caption and an ad slot between paragraphs.
ARTICLE_GAP = 4
#: Share of a prose block's words found in the body for it to carry the story on.
CARRY_ON = 0.5


def layout(doc: Document) -> tuple[list[LineInfo], int, int]:
    """(lines, index of the first body line, index of the last body line).

    Prose lines fall into blocks, split at a gap of ``ARTICLE_GAP`` non-prose
    lines or of two that hold page furniture. The body is the longest block,
    joined by its neighbours when they carry on the story's words; before it
    is the page's head, after it the page's tail (related stories, share
    bars, comment boxes), even when some of their lines read as prose. Both
    indexes are -1 when the text has no prose line.
    """
    lines = line_infos(doc)
    prose = [l.index for l in lines if l.prose]
    if not prose:
        return lines, -1, -1
    blocks = [[prose[0]]]
    for index in prose[1:]:
        gap = lines[blocks[-1][-1] + 1 : index]
        furniture = sum(1 for l in gap if l.phrase or _FURNITURE.search(l.text))
        if len(gap) >= ARTICLE_GAP or (len(gap) >= 2 and furniture):
            blocks.append([index])
        else:
            blocks[-1].append(index)
    if len(blocks) == 1:
        return lines, prose[0], _trim_teasers(lines, prose[0], prose[-1])
    size = [sum(lines[i].end - lines[i].start for i in block) for block in blocks]
    main = max(range(len(blocks)), key=size.__getitem__)
    body_stems = {w for i in blocks[main] for w in stems(lines[i].text)}

    def carries_on(block: list[int]) -> bool:
        own = {w for i in block for w in stems(lines[i].text)}
        return bool(own) and sum(1 for w in own if w in body_stems) >= CARRY_ON * len(own)

    lo = hi = main
    while hi + 1 < len(blocks) and carries_on(blocks[hi + 1]):
        hi += 1
        body_stems.update(w for i in blocks[hi] for w in stems(lines[i].text))
    while lo > 0 and carries_on(blocks[lo - 1]):
        lo -= 1
    return lines, blocks[lo][0], _trim_teasers(lines, blocks[lo][0], blocks[hi][-1])


def _trim_teasers(lines: list[LineInfo], first: int, last: int) -> int:
    """Move the end of the body back over title-and-teaser pairs.

    Pages end on pairs of a title and a one-sentence teaser (`Mr Food` / `Get
    the latest Mr. Food recipes as seen on 2News.`), and the teasers read as
    prose. Two or more such pairs at the end of the body, each teaser sharing
    under a quarter of its words with the rest of the body, are the page's
    tail.
    """
    if last - 3 <= first or lines[last - 1].prose:
        return last  # no title-and-teaser pair at the end: spare the counting
    counts: dict[str, int] = {}
    for line in lines[first : last + 1]:
        if line.prose:
            for w in set(stems(line.text)):
                counts[w] = counts.get(w, 0) + 1
    end, pairs = last, 0
    while end - 1 > first:
        teaser, title = lines[end], lines[end - 1]
        if not teaser.prose or title.prose or title.final:
            break
        own = set(stems(teaser.text))
        if len(own) < 3 or sum(1 for w in own if counts.get(w, 0) > 1) >= 0.25 * len(own):
            break
        end -= 2
        pairs += 1
    if pairs < 2:
        return last
    # Page furniture among or after the pairs (not a caption) confirms a
    # page's tail; a press review (`EDITORIAL IN EGYPT'S AL-AKHBAR` / its
    # quote) or an article with short subheadings has none.
    after = [l for l in lines[end + 1 :] if not l.prose and not _METADATA.search(l.text)]
    if any(l.phrase or _FURNITURE.search(l.text) for l in after):
        return end
    return last


_STEM_WORD = regex.compile(r"\p{L}{4,}")
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
    return [w[:5] for w in _STEM_WORD.findall(text.casefold()) if w not in _COMMON]


def is_subheading(lines: list[LineInfo], index: int) -> bool:
    """A short line whose words the next, prose line takes up (`Trade ties` → `trade`)."""
    if index + 1 >= len(lines) or not lines[index + 1].prose:
        return False
    own = set(stems(lines[index].text))
    return bool(own & set(stems(lines[index + 1].text)))


def _runs(lines: list[LineInfo]) -> dict[int, int]:
    """Length of the run of consecutive non-prose lines each line belongs to."""
    out: dict[int, int] = {}
    i = 0
    while i < len(lines):
        if lines[i].prose:
            i += 1
            continue
        j = i
        while j < len(lines) and not lines[j].prose:
            j += 1
        for k in range(i, j):
            out[k] = j - i
        i = j
    return out


_NAME = regex.compile(r"\b\p{Lu}\p{Ll}{2,}")


def _names(text: str) -> set[str]:
    """Capitalised words of ``text`` (sentence-initial ones too: lines are short)."""
    return set(_NAME.findall(text))


def _names_the_story(text: str, body_names: set[str]) -> bool:
    """Two names of the story, or the only name of the line is one."""
    names = _names(text)
    shared = len(names & body_names)
    return shared >= 2 or (shared == 1 and len(names) == 1)


def _next_to_short_line(lines: list[LineInfo], index: int) -> bool:
    """A teaser sits under its title or next to a menu, not among paragraphs."""
    return any(
        0 <= j < len(lines) and not lines[j].prose for j in (index - 1, index + 1)
    )


def _foreign_to(text: str, body: set[str]) -> bool:
    """Fewer than a quarter of the longer words of ``text`` occur in the body."""
    own = stems(text)
    return len(own) >= 4 and sum(1 for w in own if w in body) < 0.25 * len(own)


def _fenced_code(lines: list[LineInfo]) -> set[int]:
    """Indexes of the lines inside ``` or ~~~ fences (code, never furniture)."""
    inside, out = False, set()
    for line in lines:
        if line.text.startswith(("```", "~~~")):
            inside = not inside
        elif inside:
            out.add(line.index)
    return out


def _teaser_or_short(line: LineInfo) -> bool:
    return not line.prose or (line.words <= 60 and not line.wrapped)


def boilerplate_lines(doc: Document) -> list[tuple[LineInfo, float, str]]:
    """Lines that the layout marks as page furniture: (line, confidence, why).

    Lines of the shipped phrase list are left to BP001.
    """
    lines, first, last = doc.memo(layout)
    if first < 0:
        return []
    tail = len(lines) - last - 1
    # Names of the story: a list after it that names them (a scorecard, a
    # roster) continues the story; a list of other stories mostly does not.
    names_cache: list[set[str]] = []

    def body_names() -> set[str]:
        if not names_cache:
            names_cache.append({n for l in lines[first : last + 1] if l.prose for n in _names(l.text)})
        return names_cache[0]
    # A long run of short lines between the headline and the body, with page
    # furniture among them, is a menu; the headline, a dek, a byline and a
    # dateline make at most four.
    # The head runs up from the body over short lines and one-line teasers;
    # a real paragraph above (a long or a hard-wrapped one) ends it.
    head_start = first
    while head_start > 1 and _teaser_or_short(lines[head_start - 1]):
        head_start -= 1
    head = lines[head_start:first]
    head_menu = len(head) >= 8 or len(head) >= 5 and sum(
        1 for l in head if l.phrase or _FURNITURE.search(l.text)) >= 2
    runs = _runs(lines)
    markdown_table = any(_TABLE_SEPARATOR.match(l.text) for l in lines if l.text[0] in "|:-")
    fenced = _fenced_code(lines)
    # Rows among rows of figures belong to a table of the story (a
    # scorecard, results): `Tamim Iqbal` next to `c Styris b Mason 12`.
    # Only the tail (and the three body lines before it) can be table rows.
    figures = [False] * max(0, last - 2) + [
        bool(_DATA_ROW.search(l.text) or _LIST_ROW.search(l.text)) and not _DATE.search(l.text)
        for l in lines[max(0, last - 2) :]
    ] if last + 1 < len(lines) else []

    tabular_tail = sum(figures[last + 1 :]) >= 0.3 * max(1, len(lines) - last - 1)

    def in_table(index: int) -> bool:
        near = sum(figures[max(0, index - 3) : index + 4])
        return near >= 3 or (near >= 1 and tabular_tail)

    stem_cache: list[set[str]] = []

    def body_stems() -> set[str]:
        if not stem_cache:
            stem_cache.append({w for l in lines[first : last + 1] if l.prose for w in stems(l.text)})
        return stem_cache[0]

    out = []
    for line in lines:
        if line.phrase or line.index == 0 or line.words > 40:
            continue
        # Inside the body only its edges can hold a notice (`© 2008 AP. All
        # rights reserved.` ends it); spare the regex on every paragraph.
        edge = not (first + 1 < line.index < last - 1) or not line.prose
        if edge and line.words <= 30 and _STRONG_FURNITURE.search(line.text):
            out.append((line, 0.9, "copyright, comment or log-in furniture"))
            continue
        if line.index <= last and (line.prose or line.final or line.words > 8):
            continue  # the article's own sentences
        if _SIGNATURE.match(line.text) or _MARKUP.search(line.text):
            continue
        if markdown_table and line.text.startswith("|") and line.text.endswith("|"):
            continue
        if line.index in fenced:
            continue
        # Datelines and bylines sit next to the article; deep in the tail a
        # date heads a list of other stories.
        if line.words <= 8 and line.index <= last + 2 and _METADATA.search(line.text):
            continue
        furniture = bool(_FURNITURE.search(line.text))
        if not furniture and line.index <= last and is_subheading(lines, line.index):
            continue
        if line.index > last:
            # The page's tail: furniture words anywhere, or a menu-like run.
            # A line alone after the article needs two furniture words: an
            # article may end on `What happens next`.
            hits = len(_FURNITURE.findall(line.text)) if furniture else 0
            if (hits >= 2 or (hits and tail >= 2)) and (line.words <= 12 or "|" in line.text):
                out.append((line, 0.85, "page-furniture words after the end of the article"))
            elif (
                tail >= 3 and not line.prose and not in_table(line.index)
                and not _LIST_ROW.search(line.text) and not _DATA_ROW.search(line.text)
                # `9. Don Cheadle` of a top-ten list, not `1. NBC U, As In
                # University: Peacock Net Heads To College` of a most-read list
                and not (_NUMBERED_ITEM.search(line.text) and line.words <= 4)
                and not (line.words <= 3 and _names_the_story(line.text, body_names()))
            ):
                out.append((line, 0.8, f"one of {tail} short lines after the end of the article"))
            elif (
                tail >= 3 and line.prose and not line.wrapped and _next_to_short_line(lines, line.index)
                and _foreign_to(line.text, body_stems())
            ):
                out.append((line, 0.7, "a teaser of another story after the end of the article"))
        elif (
            first < line.index < last and runs.get(line.index, 0) >= ARTICLE_GAP
            and not _DATA_ROW.search(line.text) and not _LIST_ROW.search(line.text)
            and not _LIST_ITEM.search(line.text)
        ):
            out.append((line, 0.75, f"part of a menu of {runs[line.index]} short lines inside the article"))
        elif head_start <= line.index < first and head_menu and not _DATA_ROW.search(line.text):
            out.append((line, 0.8, f"part of a menu of {first - 1} short lines before the article"))
        elif furniture:
            where = "before the start of" if line.index < first else "inside"
            out.append((line, 0.85, f"page-furniture words in a short line {where} the article"))
    return out


