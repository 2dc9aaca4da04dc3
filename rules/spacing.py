"""Spacing rules (SP): white space lost or added by a paste or a conversion.

SP002 (glued words) lives in :mod:`._glued_words` with its helpers and is
public here too.
"""

from __future__ import annotations

import re
from itertools import compress
from operator import attrgetter, eq
from typing import Iterator

import regex

from detector.document import Document
from detector.finding import Finding, Fix, Severity
from detector.rule import Rule
from detector.rules._glued_words import GluedWords
from detector.segment import URL as URL_PATTERN

_LAST_WORD = regex.compile(r"[\p{L}\p{N}]+[^\s\p{L}\p{N}]*$")
_FIRST_WORD = regex.compile(r"[^\s\p{L}\p{N}]*[\p{L}\p{N}]+")

# A comma (or semicolon) and a closing quote glued to the next sentence's
# first word: `improving,”According`. The splitter does not see it (a comma
# ends no sentence), so the rule looks for it itself. Straight quotes are
# checked for being closing ones (odd count before them in the line).
_GLUED_AFTER_COMMA_QUOTE = regex.compile(
    r"(?<=\p{L})[,;](?P<quote>[\"”’])(?P<right>\p{Lu}\p{Ll}+)", regex.VERSION1
)
# A full stop glued to `I'm`, `I'll`, `I've`, `I'd` (after a lower-case
# letter) or to a capitalised word (after a digit): literal first.
_GLUED_AFTER_SPLITTER = re.compile(r"\.(?:(?P<pronoun>I['’](?:m|ll|ve|d)\b)|[A-Z][a-z]{2,}\b)")
# What `_GLUED_AFTER_COMMA_QUOTE` starts with, each pattern led by a literal
# character (a fast scan in the standard library's `re`), and a letter after
# the quote (`,” he said` is the common case, and needs no `regex` match).
_COMMA_QUOTE_STARTS = (re.compile(r",[\"”’](?=[^\W\d_])"), re.compile(r";[\"”’](?=[^\W\d_])"))

_WORD_BEFORE = regex.compile(r"\p{L}+$", regex.VERSION1)
# The final punctuation of a sentence, with closing quotes and brackets.
_END_PUNCT = regex.compile(r"[.!?…]+[\"'”’»)\]]*$")
# A `?` standing for a lost curly quote or dash, a common conversion damage:
# `It?s`, ` ?We are`, `said,? he`. A text with it has no trustworthy `?`.
_QUOTE_AS_QUESTION_MARK = regex.compile(
    r"\?(?:(?<=\p{L}\?)\p{Ll}|(?<=(?:^|\s)\?)\p{L}|(?<=[,.]\?)(?:\s|$))",
    regex.VERSION1 | regex.MULTILINE,
)

_START, _END = attrgetter("start"), attrgetter("end")


def _comma_quote_matches(text: str) -> Iterator:
    """The matches of `_GLUED_AFTER_COMMA_QUOTE`, tried only where a comma or
    semicolon stands before a quote (in no particular order)."""
    for first in _COMMA_QUOTE_STARTS:
        for hit in first.finditer(text):
            m = _GLUED_AFTER_COMMA_QUOTE.match(text, hit.start())
            if m:
                yield m


def _is_closing_straight_quote(text: str, line_start: int, at: int) -> bool:
    return text.count('"', line_start, at) % 2 == 1


class GluedSentence(Rule):
    """## What it does
    Finds a sentence that starts right after the previous one's final
    punctuation with no space: `state media.China is`, `changes."Beijing`,
    `improving,”According`. The fix inserts the space.

    ## Why it matters
    Glued sentences come from pastes that dropped line breaks and from HTML
    converters that joined blocks. They break sentence splitting, search and
    text-to-speech.

    ## Example
    ```text
    according to state media.China is "willing to continue"
                        ^^^^^^^^^^^ SP001 fix: media. China
    ```
    URLs, domains, e-mail addresses, file names, `.NET`, `Node.js`, `U.S.`,
    decimals, initials and version numbers are not sentence ends.

    ## How to silence it
    `ignore = ["SP001"]`.
    """

    code = "SP001"
    name = "glued-sentence"
    category = "spacing"
    severity = Severity.WARNING
    summary = "Two sentences glued together with no space after the full stop"

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        sentences = doc.sentences
        found: list[tuple[int, int, int]] = []  # (start, junction, end)
        question_marks_damaged = None  # looked up at the first glued `?`
        # Sentences that start where the previous one ends, found in C.
        ends = list(map(_END, sentences))
        starts = list(map(_START, sentences))
        for i in compress(range(len(sentences) - 1), map(eq, ends, starts[1:])):
            prev, cur = sentences[i], sentences[i + 1]
            end_punct = _END_PUNCT.search(text, prev.start, prev.end)
            if not end_punct or end_punct.start() == prev.start:
                continue  # no word before the punctuation: `?In` at a line start
            if not text[end_punct.start() - 1].isalnum():
                continue
            punct = end_punct.group()
            if punct.startswith(".."):
                continue  # an ellipsis run on to the next word: a style, not a paste
            if "?" in punct:
                # `?` often stands for a lost quote or dash (`FRANCISCO?Police`,
                # `Columbia?Keith`): a glued question counts only after a
                # lower-case word, and not in a text with that damage.
                if question_marks_damaged is None:
                    question_marks_damaged = bool(_QUOTE_AS_QUESTION_MARK.search(text))
                word = _WORD_BEFORE.search(text, max(prev.start, end_punct.start() - 50), end_punct.start())
                if question_marks_damaged or not word or not word.group().islower():
                    continue
            left = _LAST_WORD.search(text, prev.start, prev.end)
            right = _FIRST_WORD.match(text, cur.start, cur.end)
            start = left.start() if left else prev.end - 1
            end = right.end() if right else cur.start + 1
            found.append((start, prev.end, end))
        # The pattern scans slowly (`regex`, a look-behind first): it is only
        # tried where `str.find` sees a comma or semicolon before a quote.
        for m in _comma_quote_matches(text):
            quote_at = m.start("quote")
            if text[quote_at] == '"':
                line_start = text.rfind("\n", 0, quote_at) + 1
                if not _is_closing_straight_quote(text, line_start, quote_at):
                    continue
            left = _WORD_BEFORE.search(text, max(0, m.start() - 100), m.start())
            found.append((left.start(), m.end("quote"), m.end()))
        # Two glues the sentence splitter reads as one sentence: `year.I'll`
        # (an initial?) and `16-0.Just` (a decimal?).
        junctions = {junction for _s, junction, _e in found}
        for m in _GLUED_AFTER_SPLITTER.finditer(text):
            at = m.start()
            if at + 1 in junctions:
                continue  # the splitter saw it
            before = text[at - 1] if at else ""
            if m.group("pronoun") and not before.islower() or not m.group("pronoun") and not before.isdigit():
                continue
            if at >= 2 and (text[at - 2] == "." or text[at - 2].isdigit() and m.group("pronoun")):
                continue  # `1.2.Then`, `v2.I'm`: versions and lists
            start = at - 1
            while start > 0 and text[start - 1].isalnum():
                start -= 1
            found.append((start, at + 1, m.end()))
        for start, junction, end in sorted(set(found)):
            yield self.finding(
                doc, start, end,
                f"sentences glued without a space: '{text[start:end]}'",
                confidence=0.9,
                fix=Fix(
                    text[start:junction] + " " + text[junction:end],
                    safe=True,
                    description="insert a space between the sentences",
                ),
            )


# A comma glued to the next word: `Xinjiang,Hong Kong`, `security,which`.
# Two or more letters on each side, so `a,b` and numbers (`1,000`) are not
# matched (the letters before it are checked after `_COMMA_BEFORE_LETTERS`).
# ASCII letters only: in mojibake (`driving,вЂќ he`) the "letters" after the
# comma are a garbled quote, not a word.


class MissingSpaceAfterComma(Rule):
    """## What it does
    Finds a comma between two words with no space after it:
    `Xinjiang,Hong Kong`. The fix inserts the space.

    ## Why it matters
    A comma glued to the next word is left by converters that dropped a
    line break or by careless pastes; it also breaks tokenisation.

    ## Example
    ```text
    such as the situations in Xinjiang,Hong Kong and Taiwan
                                      ^ SP003 fix: ", "
    ```
    Numbers (`1,000`), URLs, e-mail addresses and lines that look like data
    (three or more such commas: `red,green,blue,yellow`) are left alone.

    ## How to silence it
    `ignore = ["SP003"]`.
    """

    code = "SP003"
    name = "missing-space-after-comma"
    category = "spacing"
    severity = Severity.WARNING
    summary = "A comma between two words with no space after it"
    options = {"max_per_line": 2}

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        if "," not in text:
            return
        # One scan for a comma before a letter (a literal first: fast), then
        # the letters before it and the count per line, on the few hits.
        per_line: dict[int, list[int]] = {}
        for m in _COMMA_BEFORE_LETTERS.finditer(text):
            at = m.start()
            if at >= 2 and _ASCII_LETTER(text[at - 2]) and _ASCII_LETTER(text[at - 1]):
                per_line.setdefault(text.rfind("\n", 0, at) + 1, []).append(at)
        for hits in per_line.values():
            if len(hits) > self.max_per_line:
                continue  # data, not prose: `red,green,blue`
            for at in hits:
                if _inside_url(text, at):
                    continue
                yield self.finding(
                    doc, at, at + 1,
                    "no space after the comma between two words",
                    confidence=0.85,
                    fix=Fix(", ", safe=True, description="insert a space after the comma"),
                )


_COMMA_BEFORE_LETTERS = re.compile(r",(?=[A-Za-z][a-z])")
_ASCII_LETTER = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ").__contains__
# The tokenizer's URL (a scheme or `www.` up to white space or a quote).
_URL = re.compile(URL_PATTERN)


def _inside_url(text: str, at: int) -> bool:
    """Whether offset ``at`` lies inside a URL (`https://example.com/a,b`)."""
    start = at
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    if ":" not in text[start:at] and "www." not in text[start:at]:
        return False
    end = at
    while end < len(text) and not text[end].isspace():
        end += 1
    return any(m.start() <= at < m.end() for m in _URL.finditer(text, start, end))


# A line starting with a space or tab (a literal first: a fast scan).
_NEWLINE_INDENT = re.compile(r"\n[ \t]")
# The indentation of a line that is not blank.
_INDENTED_LINE = re.compile(r"^[ \t\u00a0\u3000]+(?=[^\S\n]*[^\s])", re.MULTILINE)
# A line that is neither indented nor blank: it ends a run of indented lines.
_UNINDENTED_LINE = re.compile(r"^(?![ \t\u00a0\u3000])[^\S\n]*[^\s]", re.MULTILINE)


class PastedIndentation(Rule):
    """## What it does
    Finds prose lines indented by white space a paste left behind: lines of
    running text that start with spaces or tabs, often growing from one
    paragraph to the next. One finding per run of indented lines.

    ## Why it matters
    The indentation carries no meaning in prose; it shows the text was
    copied out of a web page or an editor, and it upsets tools that read
    indented blocks as code or quotations.

    ## Example
    ```text
    Speaking on his 69th birthday, Xi also pledged …
        The call is thought to be the second time …
          China has refused to …
    ^^^^^^^^^^ SP004 (info)
    ```
    Documents that look like Markdown or code (fences, list markers) are
    left alone.

    ## How to silence it
    `ignore = ["SP004"]`.
    """

    code = "SP004"
    name = "pasted-indentation"
    category = "spacing"
    severity = Severity.INFO
    summary = "Prose lines indented by white space left from a paste"
    options = {"min_lines": 3}

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        if not _NEWLINE_INDENT.search(text) or "```" in text:
            return
        run: list[tuple[int, int]] = []  # (line start, indentation end)

        def flush():
            if len(run) < self.min_lines:
                run.clear()
                return None
            widths = sorted({e - s for s, e in run})
            start, end = run[0]
            n = len(run)
            run.clear()
            width = f"{widths[0]}" if len(widths) == 1 else f"{widths[0]} to {widths[-1]}"
            return self.finding(
                doc, start, end,
                f"{n} lines of prose indented by {width} spaces; white space left by a paste",
                confidence=0.6,
                details={"lines": n, "widths": widths},
            )

        # Only the indented lines are looked at, with a search between two of
        # them for a line that breaks the run (not indented, not blank).
        previous_end = 0
        for m in _INDENTED_LINE.finditer(text):
            line_start, indent_end = m.start(), m.end()
            if run and _UNINDENTED_LINE.search(text, previous_end, line_start):
                found = flush()
                if found:
                    yield found
            line_end = text.find("\n", indent_end)
            line_end = len(text) if line_end < 0 else line_end
            previous_end = line_end
            if text[line_end - 1 : line_end] == "\r":
                line_end -= 1
            # Indented headings and captions neither count nor break a run:
            # prose starts with a letter and has four words or more.
            if text[indent_end].isalpha() and len(text[indent_end:line_end].split(None, 3)) == 4:
                run.append((line_start, indent_end))
        found = flush()
        if found:
            yield found


# The rules of this family, for the registry (which would otherwise take only
# the classes defined in this module, not SP002's).
RULES = (GluedSentence, GluedWords, MissingSpaceAfterComma, PastedIndentation)
