"""Spacing rules (SP): white space lost or added by a paste or a conversion."""

from __future__ import annotations

import re
from bisect import bisect_left
from itertools import compress
from operator import attrgetter, eq
from typing import Iterator

import regex

from detector.document import Document
from detector.finding import Finding, Fix, Severity
from detector.rule import Rule
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


# A lower-case word glued to a capitalised one: `saidWe`, `theKremlin`. Not
# after characters of code, handles or paths.
_CAMEL = regex.compile(r"(?<![\w#@/.\-])[a-z]{2,}[A-Z][a-z]+(?![\w/\-])")
# Two capitalised words glued: `FrankSkinner`, `NewZealand` (not in a
# domain: `ZuneOriginals.net`).
_CAPITALS = regex.compile(r"(?<![\w#@/.\-])([A-Z][a-z]+)([A-Z][a-z]+)(?![\w/\-]|\.\w)")
# An acronym glued to a lower-case word: `HBOprograms`, `USstadiums`.
_ACRONYM_WORD = regex.compile(r"(?<![\w#@/.\-])([A-Z]{2,5})([a-z]+)(?![\w/\-]|\.\w)")


def standalone_elsewhere_from(text: str, name: str, m) -> bool:
    """Whether the capitalised end ``name`` of the camel token ``m`` stands
    alone elsewhere in ``text``."""
    from detector.rules._glue_chain import standalone_elsewhere

    return standalone_elsewhere(text, name, m.end() - len(name))


# A lower-case word glued to an acronym: `identifiedbyMLS`, `theUN`. Not
# `iOS`, `mRNA`, `watchOS` (see split_acronym).
_LOWER_ACRONYM = regex.compile(r"(?<![\w#@/.\-])([a-z]{2,})([A-Z]{2,5})(?![\w/\-])")


def _pieces(original: str, parts: tuple[str, ...]) -> list[str]:
    """``parts`` (lower case) cut out of ``original`` (its own case)."""
    pieces, pos = [], 0
    for p in parts:
        pieces.append(original[pos : pos + len(p)])
        pos += len(p)
    return pieces


def _near(text: str, spans: list[tuple[int, int]], start: int, end: int, distance: int) -> bool:
    """Whether one of ``spans`` (sorted) lies within ``distance`` characters
    of ``text[start:end]`` with no line break between."""
    i = bisect_left(spans, (start - distance, 0))
    for s, e in spans[i:]:
        if s > end + distance:
            break
        if (s, e) == (start, end):
            continue
        lo, hi = (e, start) if e <= start else (end, s)
        if lo <= hi and "\n" not in text[lo:hi]:
            return True
    return False


class GluedWords(Rule):
    """## What it does
    Finds a token that is no English word but splits into English words:
    `onsovereignty` (`on sovereignty`), `countriespartnership`,
    `toconsistently`, `aproper`, `Putintwo`; chains of three words or more
    (`interceptionreturnof`, `Reactingtothe`); a name glued to the words
    after it (`Magowanmisspokeabout`) or after a word (`withSmit`) when the
    document uses the name alone elsewhere; two capitalised words the
    document also writes apart or uses alone (`FrankSkinner`); an acronym
    the document uses alone glued to a word (`HBOprograms`); a contraction
    glued to the next word (`team'ssecond`, `don'tdrink`); web glues
    wordfreq counts as words (`eachother`); and, next to another glue on
    the same line, the other end of a stripped quotation with looser rules
    (`impunitydespite`). The (unsafe) fix inserts the spaces.

    ## Why it matters
    Glued words come from converters that dropped the space at a line break
    or an inline tag (`<a>`, `<em>`), and from quotation marks stripped with
    the spaces around them. They are invisible to a spell checker that knows
    the parts and break search and word counts.

    ## Example
    ```text
    reiterated his support for Moscow onsovereignty and securitymatters
                                      ^^^^^^^^^^^^^ SP002 fix: on sovereignty
    ```
    A token is glued only when it is rarer than a Zipf frequency of 1.5 in
    wordfreq's English list and every part is at least 3.0 (a word in a
    million; rarer words only next to a function word or in a chain). A
    chain is the cheapest segmentation by word frequency, and must be long,
    hold a content word of five letters and not look like a word cut at its
    endings (`capital|i|sing`). Real compounds (`counterbalance`,
    `nevertheless`), new words built with a prefix or suffix
    (`geoeconomics`, `leaderless`), names and brands with capitals inside
    (`YouTube`, `PlayStation`, `McDonald`), hashtags, URLs, domains and code
    are left alone. English text only.

    ## How to silence it
    `ignore = ["SP002"]`, or a per-file ignore for word lists and code.
    """

    code = "SP002"
    name = "glued-words"
    category = "spacing"
    severity = Severity.WARNING
    summary = "Two or more words glued together with no space"

    def check(self, doc: Document) -> Iterator[Finding]:
        if doc.language != "en":
            return
        from detector.rules._glue import split_acronym, split_camel, split_glued
        from detector.rules._glue_chain import (
            PARTNER_DISTANCE, chain_split, partner_split, split_acronym_word, split_after_name, split_capitals,
        )
        from detector.rules._glue_scan import (
            after_contraction, english_sentence, foreign_neighbour, glue_candidates, in_prose, worth_a_look,
        )

        text = doc.text
        candidates, after_s, mixed = glue_candidates(doc, worth_a_look)
        seen: dict[str, int] = {}
        for _s, _e, word in candidates:
            seen[word] = seen.get(word, 0) + 1
        english: dict[int, bool] = {}
        found: list[Finding] = []
        unsure: list[tuple[int, int, str]] = []  # lower-case tokens no rule above splits
        for start, end, word in candidates:
            lowercase = text[start].islower()
            if not lowercase and seen[word] > 1:
                continue  # a capitalised token used twice is a name (`Ontong`)
            parts = split_glued(word, lowercase=lowercase) if lowercase or len(word) >= 5 else None
            if parts is None:
                parts = chain_split(word)
                if parts and not lowercase and len(parts[0]) < 4:
                    parts = None  # `Theodor|...`: a capitalised chain starts with a word
            if parts is None and not lowercase:
                parts = split_after_name(text, start, end, word)
            if parts is None:
                if lowercase:
                    unsure.append((start, end, word))
                continue
            if len(set(parts)) < len(parts) and len(parts) == 2:
                continue  # a doubled word (`werewere`) is DU003's
            if not english_sentence(doc, start, english) or foreign_neighbour(text, start, end):
                continue
            if not in_prose(text, start, min_words=2 if lowercase else 4):
                continue  # menus, user names, code: `Bingochecker |`, `thewidth)`
            found.append(self._glued(doc, start, end, _pieces(text[start:end], parts)))
        # A contraction glued to the next word: `industry'sfirst`,
        # `don'tdrink` (the span starts at the apostrophe).
        for start, end, word in after_s:
            split = after_contraction(word)
            if split is None or not text[start:end].islower():
                continue
            cut = start + len(split[0])
            if english_sentence(doc, start, english) and in_prose(text, start):
                found.append(self._glued(doc, start - 1, end, [text[start - 1 : cut], text[cut:end]]))
        # Letters with a capital inside (`saidWe`, `theUN`, `FrankSkinner`,
        # `HBOprograms`): the scan found them by their case.
        for start in mixed:
            parts = None
            m = _CAMEL.match(text, start)
            if m:
                parts = split_camel(m.group(), lambda name: standalone_elsewhere_from(text, name, m))
            elif m := _LOWER_ACRONYM.match(text, start):
                parts = split_acronym(m.group(1), m.group(2))
            elif m := _CAPITALS.match(text, start):
                parts = split_capitals(text, start, m.group(1), m.group(2))
            elif m := _ACRONYM_WORD.match(text, start):
                parts = split_acronym_word(text, start, m.group(1), m.group(2))
            if parts and in_prose(text, m.start()) and english_sentence(doc, m.start(), english):
                found.append(self._glued(doc, m.start(), m.end(), list(parts)))
        # The other end of a stripped quotation: an unknown token near a glue
        # found above, on the same line, split with looser rules.
        glues = sorted((f.start, f.end) for f in found)
        for start, end, word in unsure:
            parts = partner_split(word)
            if parts is None or not _near(text, glues, start, end, PARTNER_DISTANCE):
                continue
            if english_sentence(doc, start, english) and not foreign_neighbour(text, start, end) and in_prose(
                text, start, min_words=2
            ):
                found.append(self._glued(doc, start, end, _pieces(text[start:end], parts)))
        yield from found

    def _glued(self, doc: Document, start: int, end: int, pieces: list[str]) -> Finding:
        original = doc.text[start:end]
        fixed = " ".join(pieces)
        return self.finding(
            doc, start, end,
            f"'{original}' is not an English word; it reads as '{fixed}' with the "
            "spaces lost",
            confidence=0.8,
            fix=Fix(fixed, safe=False, description="insert the missing spaces"),
            details={"parts": list(pieces)},
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
