"""Boilerplate rules (BP): web page furniture pasted along with an article."""

from __future__ import annotations

from operator import attrgetter
from typing import Iterator

from detector.document import Document
from detector.finding import Finding, Severity
from detector.rule import Rule
from detector.rules._deletion import deletion_fix
from detector.rules._lazy import lazy
from detector.rules._layout import (  # noqa: F401  (normalise_line, phrases: public helpers)
    _VIDEO_TIME,
    boilerplate_lines,
    layout,
    normalise_line,
    phrases,
)

_PHRASE = attrgetter("phrase")


class BoilerplateLine(Rule):
    """## What it does
    Finds whole lines of web boilerplate from a shipped phrase list: comment
    boxes (`Please enter your comment!`), share prompts (`Share this story via
    social media`), navigation (`Back to top button`, `Related Articles`),
    closed comments (`댓글이 닫혀 있습니다..`), in English and other languages.

    ## Why it matters
    A scraper or a copy-paste that keeps page furniture publishes it as part
    of the article, and a dataset learns it as language.

    ## Example
    ```text
    … according to Chinese customs figures.
    Please enter your comment!
    ^^^^^^^^^^^^^^^^^^^^^^^^^^ BP001
    ```

    ## How to silence it
    `ignore = ["BP001"]`, or `per-file-ignores` for pages where such lines are content.
    """

    code = "BP001"
    name = "boilerplate-line"
    category = "boilerplate"
    severity = Severity.WARNING
    summary = "A line of web boilerplate (comment box, share prompt, navigation)"

    def check(self, doc: Document) -> Iterator[Finding]:
        # The layout marks the lines of the phrase list (`LineInfo.phrase`,
        # for lines of at most 200 characters); it is shared with BP002/BP003.
        lines, _, _ = doc.memo(layout)
        text = doc.text
        for line in filter(_PHRASE, lines):
            if line.raw_len <= 200:
                yield self.finding(
                    doc, line.start, line.end,
                    f"web boilerplate line '{text[line.start : line.end]}'; not part of the article",
                    confidence=0.95,
                    fix=deletion_fix(doc, line.start, line.end, "delete the line"),
                )


class BoilerplateLayout(Rule):
    """## What it does
    Finds web page furniture that the phrase list of BP001 does not know, from
    the layout of the whole text. The article body is the longest block of
    prose lines; around and inside it, a line is reported when it is short,
    unpunctuated and carries the vocabulary of page furniture (`Email this to
    a friend`, `Tags: sport, tennis`), when it belongs to a menu-like run of
    short lines before or after the body (sections, lists of other stories'
    headlines), or when it is a title-and-teaser pair of another story after
    the body. Copyright and log-in notices are reported wherever they stand.

    Never reported: the first line (the headline), datelines and bylines
    (`N.Taylor--TNT`, `By Tobin Harshaw`, `June 16, 2022`), subheadings that
    the next paragraph takes up (`Trade ties`; `Market Share` over a
    paragraph about market share, although `share` is a furniture word),
    captions, tables and lists of the story (scorecards, `9. Don Cheadle`, a
    press release's contacts) and their labels right after the article
    (`SCOREBOARD`, `CONTACT:`), hard-wrapped paragraphs, code and markup of
    plain-text documents. A short line alone is never enough.

    ## Why it matters
    A copy-paste of a web page keeps its menus, share bars and lists of other
    stories; a dataset built from it learns them as language.

    ## Example
    ```text
    … according to Chinese customs data.
    Email this to a friend
    ^^^^^^^^^^^^^^^^^^^^^^ BP002
    Printer friendly
    ^^^^^^^^^^^^^^^^ BP001
    Knight earns 900th career win
    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ BP002 (a headline of a list of other stories)
    ```

    ## How to silence it
    `ignore = ["BP002"]`, or `per-file-ignores` for texts that are lists.
    """

    code = "BP002"
    name = "boilerplate-layout"
    category = "boilerplate"
    severity = Severity.WARNING
    summary = "A short line of page furniture around or inside the article"

    def check(self, doc: Document) -> Iterator[Finding]:
        for line, confidence, why in doc.memo(boilerplate_lines):
            yield self.finding(
                doc, line.start, line.end,
                f"likely web boilerplate '{line.text}': {why}",
                confidence=confidence,
                fix=deletion_fix(doc, line.start, line.end, "delete the line"),
            )


_NOT_ALNUM = lazy(r"[^\p{L}\p{N}]+")


def _has_running_time(text: str) -> bool:
    """Is there a digit, a colon and two digits (`2:54`), the least a running
    time holds? (`str.find` over the colons: much faster than a regex here.)"""
    pos = text.find(":")
    while pos >= 0:
        if pos and text[pos - 1].isdecimal() and text[pos + 1 : pos + 3].isdecimal() and pos + 3 <= len(text):
            return True
        pos = text.find(":", pos + 1)
    return False


def _caption_key(text: str) -> str:
    return _NOT_ALNUM.sub(" ", text.casefold()).strip()


class VideoPlayerText(Rule):
    """## What it does
    Finds the text of an embedded video player: a line that is only a running
    time (`02:54`), or a caption followed by a running time that repeats an
    earlier line (`China refusing to condemn Russia's actions (2022) 02:54`).
    The exact second copy of a caption is left to DU001; this rule reports
    the copy that carries the running time, so no line is reported twice.
    Player labels such as `Now playing` and `Just watched` are in BP001's list.

    ## Why it matters
    Pasting a page with a video keeps the player's caption, sometimes three
    times (teaser, player, playlist), and its running time.

    ## Example
    ```text
    China refusing to condemn Russia's actions in Ukraine (2022)
    …
    China refusing to condemn Russia's actions in Ukraine (2022) 02:54
    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ BP003
    ```

    ## How to silence it
    `ignore = ["BP003"]`.
    """

    code = "BP003"
    name = "video-player-text"
    category = "boilerplate"
    severity = Severity.WARNING
    summary = "A video player's running time or repeated caption"

    def check(self, doc: Document) -> Iterator[Finding]:
        if not _has_running_time(doc.text):
            return  # every finding needs a running time
        lines, _, _ = doc.memo(layout)
        seen: dict[str, int] = {}
        for line in lines:
            if line.final or line.words > 30:
                continue  # captions and player text are short, unpunctuated lines
            tail_from = max(0, len(line.text) - 9)  # a running time ends the line
            match = _VIDEO_TIME.search(line.text, tail_from)
            caption = line.text[: match.start()].strip() if match else line.text
            if match:
                if not caption:
                    yield self.finding(
                        doc, line.start, line.end,
                        f"video player running time '{line.text}'; not part of the article",
                        confidence=0.8,
                        fix=deletion_fix(doc, line.start, line.end, "delete the line"),
                    )
                elif _caption_key(caption) in seen:
                    first = doc.position(lines[seen[_caption_key(caption)]].start).line
                    yield self.finding(
                        doc, line.start, line.end,
                        f"video player caption with running time '{match.group(1)}', "
                        f"repeating line {first}; not part of the article",
                        confidence=0.9,
                        fix=deletion_fix(doc, line.start, line.end, "delete the line"),
                    )
            seen.setdefault(_caption_key(caption), line.index)
