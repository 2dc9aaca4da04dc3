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

from operator import attrgetter

from detector.document import Document
from detector.rules._lazy import lazy
from detector.rules._lines import (  # noqa: F401  (LineInfo, normalise_line, phrases…: used by BP and IN)
    _FINAL,
    _FURNITURE,
    _FURNITURE_WORDS,
    LONG_LINE,
    LineInfo,
    ends_sentence,
    furniture_in,
    has_furniture,
    has_strong_furniture,
    is_phrase,
    line_infos,
    line_stems,
    normalise_line,
    phrases,
    stems,
)

_PROSE, _INDEX = attrgetter("prose"), attrgetter("index")

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

# A row of a list or table (`1. Bayliss (Ducati) 1'32.2`, `NEVADA 72, SAN JOSE 51`).
_LIST_ROW = lazy(r"^\s*[-*•]\s|\d+\D+\d+\D+\d+")
# An item of the article's own list: numbered (`9. Don Cheadle`), or ending
# like a clause (`lower business taxes;`, `topics included:`).
_LIST_ITEM = lazy(r"^\s*\d{1,3}[.)]\s|[;:,]\s*$")
_NUMBERED_ITEM = lazy(r"^\s*\d{1,3}[.)]\s|;\s*$")
# An article's own signature lines: byline with agency (`N.Taylor--TNT`), a
# plain `By …`, a credit, an e-mail address; never reported.
_SIGNATURE = lazy(
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
# A line that is only an e-mail address: a press release's contact.
_EMAIL_LINE = lazy(r"^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$")
# Rows of a scorecard or roster that ends an article: `Scott Bolkan (Stanford
# University)`, `c Martin b Mills`, `Oram 5-0-15-1 (1w)`, `New Zealand:`.
_DATA_ROW = lazy(r"\(.*\)|\d+\s?[-–/.:']\s?\d|^\W*\d+\W*$")
# An article's own metadata: datelines, bylines, credits; never BP002.
_MONTH = (r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?")
_METADATA = lazy(
    rf"""(?ix)
    \b{_MONTH}\s+\d{{1,2}}\b|\b\d{{1,2}}\s+{_MONTH}\b|\b\d{{1,2}}[./-]\d{{1,2}}[./-]\d{{2,4}}\b
    |\b(?:writer|reporter|correspondent|columnist|contributor)\b
    |(?<!\bto\s)(?<!\bthe\s)\beditor\b(?!\s*:)              # not `Letter to the editor`, `Editor: …`
    |\bphoto\b|\bauthor\s*:|^\W*by\s|\b(?:associated\ press|agence\ france-presse|reuters|afp|ap|pti|dpa|xinhua|ians|upi)\b
    """
)
# A date (`December 16, 2007`, `08.01.2008`): lists of other stories carry them.
_DATE = lazy(
    rf"(?i)\b{_MONTH}\s+\d{{1,2}}\b|\b\d{{1,2}}\s+{_MONTH}\b|\b\d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}}\b"
)
# Code and markup of a plain-text document (Markdown source, config, shell):
# fences, headings, [sections], braces, assignments, inline code. (Pipes and
# `>` are left out: web menus use them too, `| Reprints | Single Page |`.)
_MARKUP = lazy(r"^(?:```|~~~|#{1,6}\s|\[[\w.\-]+\](?:\s|$))|[{}=`]|\"[\w-]+\":\s|\^{3,}")
# The separator row of a Markdown table: `| --- | :---: |`.
_TABLE_SEPARATOR = lazy(r"^\|?\s*:?-{3,}:?\s*\|")
_VIDEO_TIME = lazy(r"(?:^|\s)(\d{1,2}:\d{2}(?::\d{2})?)\s*$")


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
    prose = list(map(_INDEX, filter(_PROSE, lines)))
    if not prose:
        return lines, -1, -1
    if len(prose) == len(lines):  # every line is prose: one block
        return lines, 0, _trim_teasers(lines, 0, len(lines) - 1)
    blocks = [[prose[0]]]
    for index in prose[1:]:
        gap = index - blocks[-1][-1] - 1  # non-prose lines since the last prose line
        if gap >= ARTICLE_GAP or (
            gap >= 2 and any(l.phrase or has_furniture(l) for l in lines[index - gap : index])
        ):
            blocks.append([index])
        else:
            blocks[-1].append(index)
    if len(blocks) == 1:
        return lines, prose[0], _trim_teasers(lines, prose[0], prose[-1])
    size = [sum(lines[i].end - lines[i].start for i in block) for block in blocks]
    main = max(range(len(blocks)), key=size.__getitem__)
    body_stems = {w for i in blocks[main] for w in line_stems(lines[i])}

    def carries_on(block: list[int]) -> bool:
        own = {w for i in block for w in line_stems(lines[i])}
        return bool(own) and sum(1 for w in own if w in body_stems) >= CARRY_ON * len(own)

    lo = hi = main
    while hi + 1 < len(blocks) and carries_on(blocks[hi + 1]):
        hi += 1
        body_stems.update(w for i in blocks[hi] for w in line_stems(lines[i]))
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
    # Two pairs laid out as title and teaser, before counting any words.
    if any(
        not teaser.prose or title.prose or title.final
        for teaser, title in ((lines[end], lines[end - 1]) for end in (last, last - 2))
    ):
        return last
    counts: dict[str, int] = {}
    for line in lines[first : last + 1]:
        if line.prose:
            for w in set(line_stems(line)):
                counts[w] = counts.get(w, 0) + 1
    end, pairs = last, 0
    while end - 1 > first:
        teaser, title = lines[end], lines[end - 1]
        if not teaser.prose or title.prose or title.final:
            break
        own = set(line_stems(teaser))
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
    if any(l.phrase or has_furniture(l) for l in after):
        return end
    return last


def is_subheading(lines: list[LineInfo], index: int) -> bool:
    """A short line whose words the next, prose line takes up (`Trade ties` → `trade`)."""
    if index + 1 >= len(lines) or not lines[index + 1].prose:
        return False
    own = set(line_stems(lines[index]))
    return bool(own & set(line_stems(lines[index + 1])))


def takes_up(lines: list[LineInfo], index: int) -> bool:
    """A subheading that holds words of page furniture (`Market Share`,
    `First Flat-Panel Auto Navigation Solutions`): the next, prose line takes
    up those very words (`market share`, `navigation devices`) in a real
    paragraph (12 words or more). `Listen to Gollust report`, `Video extract`
    over `… condemned a videotape …`, `Post Your Comment:` over `Login or
    Register to comment.` and `>> News - Apple …` stay furniture."""
    if not is_subheading(lines, index) or lines[index + 1].words < 12:
        return False
    words = [w.casefold() for w in _FURNITURE.findall(lines[index].text)]
    if not all(w.isalpha() for w in words):
        return False  # symbols (`>>`, `|`, `©`) are never a subheading's
    taken = set(_ANY_WORD.findall(lines[index + 1].text.casefold()))
    return all(w in taken for w in words)


_ANY_WORD = lazy(r"\w+")
_NAME = lazy(r"\b\p{Lu}\p{Ll}{2,}")


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
    if first == 0 and last == len(lines) - 1 and all(map(_PROSE, lines)):
        # The common case: every line is a paragraph of the story. Of the
        # checks below only the notices at the body's edges can apply.
        return [
            (line, 0.9, "copyright, comment or log-in furniture")
            for line in (lines[i] for i in sorted({1, last - 1, last}) if 1 <= i <= last)
            if not line.phrase and line.words <= 30 and has_strong_furniture(line.text)
        ]
    return _general_layout_lines(doc, lines, first, last)


def _general_layout_lines(doc: Document, lines: list[LineInfo], first: int, last: int) -> list:
    """:func:`boilerplate_lines` of a text with short lines. Each analysis of
    the whole text is made when a line first needs it."""
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
        1 for l in head if l.phrase or has_furniture(l)) >= 2
    cache: dict[str, object] = {}

    def run_length(index: int) -> int:
        """Length of the run of non-prose lines holding line ``index`` (0 for a prose line)."""
        if lines[index].prose:
            return 0
        lo = hi = index
        while lo > 0 and not lines[lo - 1].prose:
            lo -= 1
        while hi + 1 < len(lines) and not lines[hi + 1].prose:
            hi += 1
        return hi - lo + 1

    def markdown_table() -> bool:
        if "table" not in cache:
            cache["table"] = any(_TABLE_SEPARATOR.match(l.text) for l in lines if l.text[0] in "|:-")
        return cache["table"]

    def fenced() -> set[int]:
        if "fenced" not in cache:
            text = doc.text
            cache["fenced"] = _fenced_code(lines) if "```" in text or "~~~" in text else set()
        return cache["fenced"]

    # Rows among rows of figures belong to a table of the story (a
    # scorecard, results, a press release's contacts): `Tamim Iqbal` next to
    # `c Styris b Mason 12`. Only the tail (and the three body lines before
    # it) can be table rows.
    def figures() -> list[bool]:
        if "figures" not in cache:
            cache["figures"] = [False] * max(0, last - 2) + [
                bool(_DATA_ROW.search(l.text) or _LIST_ROW.search(l.text) or _EMAIL_LINE.match(l.text))
                and not _DATE.search(l.text)
                for l in lines[max(0, last - 2) :]
            ] if last + 1 < len(lines) else []
            cache["tabular"] = sum(cache["figures"][last + 1 :]) >= 0.3 * max(1, len(lines) - last - 1)
        return cache["figures"]

    def in_table(index: int) -> bool:
        near = sum(figures()[max(0, index - 3) : index + 4])
        return near >= 3 or (near >= 1 and cache["tabular"])

    def table_label(line: LineInfo) -> bool:
        """`CONTACT:`, `SCOREBOARD`: the label of a table of the story that
        follows the article (as datelines do, within two lines of its end)."""
        text = line.text
        return (
            last < line.index <= last + 2 and line.words <= 3 and (text.endswith(":") or text.isupper())
            and line.index + 1 < len(lines) and in_table(line.index + 1)
        )

    stem_cache: list[set[str]] = []

    def body_stems() -> set[str]:
        if not stem_cache:
            stem_cache.append({w for l in lines[first : last + 1] if l.prose for w in line_stems(l)})
        return stem_cache[0]

    def verdict(line: LineInfo, furniture: bool) -> tuple[float, str] | None:
        """What the layout says about a short line: (confidence, why) or None."""
        if line.index > last:
            # The page's tail: furniture words anywhere, or a menu-like run.
            # A line alone after the article needs two furniture words: an
            # article may end on `What happens next`.
            hits = len(_FURNITURE.findall(line.text)) if furniture else 0
            if (hits >= 2 or (hits and tail >= 2)) and (line.words <= 12 or "|" in line.text):
                return 0.85, "page-furniture words after the end of the article"
            if (
                tail >= 3 and not line.prose and not in_table(line.index)
                and not _LIST_ROW.search(line.text) and not _DATA_ROW.search(line.text)
                # `9. Don Cheadle` of a top-ten list, not `1. NBC U, As In
                # University: Peacock Net Heads To College` of a most-read list
                and not (_NUMBERED_ITEM.search(line.text) and line.words <= 4)
                and not (line.words <= 3 and _names_the_story(line.text, body_names()))
            ):
                return 0.8, f"one of {tail} short lines after the end of the article"
            if (
                tail >= 3 and line.prose and not line.wrapped and _next_to_short_line(lines, line.index)
                and _foreign_to(line.text, body_stems())
            ):
                return 0.7, "a teaser of another story after the end of the article"
            return None
        if (
            first < line.index < last and run_length(line.index) >= ARTICLE_GAP
            and not _DATA_ROW.search(line.text) and not _LIST_ROW.search(line.text)
            and not _LIST_ITEM.search(line.text)
        ):
            return 0.75, f"part of a menu of {run_length(line.index)} short lines inside the article"
        if head_start <= line.index < first and head_menu and not _DATA_ROW.search(line.text):
            return 0.8, f"part of a menu of {first - 1} short lines before the article"
        if furniture:
            where = "before the start of" if line.index < first else "inside"
            return 0.85, f"page-furniture words in a short line {where} the article"
        return None

    def story_line(line: LineInfo, furniture: bool) -> bool:
        """A line of the story itself, whatever the layout says: a signature,
        markup, a table row, a dateline, a subheading, a table's label."""
        text = line.text
        if _SIGNATURE.match(text) or _MARKUP.search(text):
            return True
        if text.startswith("|") and text.endswith("|") and markdown_table():
            return True
        if line.index in fenced():
            return True
        # Datelines and bylines sit next to the article; deep in the tail a
        # date heads a list of other stories.
        if line.words <= 8 and line.index <= last + 2 and _METADATA.search(text):
            return True
        if line.index <= last and (
            takes_up(lines, line.index) if furniture else is_subheading(lines, line.index)
        ):
            return True  # `Market Share` over `Sony BMG's market share of albums …`
        return table_label(line)

    out = []
    for line in lines:
        if line.phrase or line.index == 0 or line.words > 40:
            continue
        # Inside the body only its edges can hold a notice (`© 2008 AP. All
        # rights reserved.` ends it); spare the regex on every paragraph.
        edge = not (first + 1 < line.index < last - 1) or not line.prose
        if edge and line.words <= 30 and has_strong_furniture(line.text):
            out.append((line, 0.9, "copyright, comment or log-in furniture"))
            continue
        if line.index <= last and (line.prose or line.final or line.words > 8):
            continue  # the article's own sentences
        furniture = has_furniture(line)
        found = verdict(line, furniture)
        # The exceptions are checked only for the few lines the layout
        # reports: they cost more than the verdict.
        if found is not None and not story_line(line, furniture):
            out.append((line, *found))
    return out
