"""Injected-content rules (IN): text that does not belong to the story."""

from __future__ import annotations

from typing import Iterator

from detector.document import Document
from detector.finding import Finding, Severity
from detector.rule import Rule
from detector.rules._foreign import LANGUAGE_NAMES, foreign_runs, injected_sentence_end, is_injected


class InjectedForeignSentence(Rule):
    """## What it does
    Finds a complete sentence in a foreign script that carries numbers or
    Latin-script names, none of which appears anywhere else in the document.
    The sentence is also reported as untranslated (ML002); this rule adds
    that it probably comes from another text.

    ## Why it matters
    Such a sentence is not an untranslated piece of this story but a piece of
    another one, spliced in by a content spinner or a broken pipeline: in seed
    `003`, a Korean sentence about an Alaska doctor sits inside an article
    about Xi and Putin.

    ## Example
    ```text
    China is willing to play its role” 알래스카 의사는 5명의 환자가 … 선고받았습니다., 그는 말했다.
    ```

    ## How to silence it
    Add the language to `languages` if the document is meant to hold it, or
    ignore `IN001` for the file in `per-file-ignores`.
    """

    code = "IN001"
    name = "injected-foreign-sentence"
    category = "injected"
    severity = Severity.ERROR
    summary = "A foreign-language sentence unrelated to the rest of the document"

    def check(self, doc: Document) -> Iterator[Finding]:
        for run in foreign_runs(doc):
            if run.language in doc.expected_languages or not is_injected(doc, run):
                continue
            lang = LANGUAGE_NAMES.get(run.language, run.language)
            yield self.finding(
                doc, run.start, injected_sentence_end(doc, run),
                f"{lang} sentence that shares no name or number with the rest of "
                "the document; likely injected from another text",
                confidence=0.8,
                details={"language": run.language},
            )
