"""Copy rules (CO002–CO004): copies of one story that disagree on a fact.

They run only under ``detector check --copies`` (scope ``copies``): every
file given is a copy of the same story, as a feed, a syndication partner or a
translation delivered it. Each rule compares the aligned sentences of the
copies (:mod:`detector.copies`) and reports the version that the majority of
the other copies contradicts; when only two copies disagree, both are
reported, because nothing tells which one is right.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from detector.finding import Finding, Severity
from detector.rule import Rule

if TYPE_CHECKING:  # imported when a check runs with --copies, not on every start
    from detector.copies import Copies


def _copy_names(copies: Copies, indices) -> str:
    paths = [copies.copies[j].document.path for j in indices]
    return ", ".join(paths[:3]) + (f" and {len(paths) - 3} more" if len(paths) > 3 else "")


class CopyNumberDiffers(Rule):
    """## What it does
    Compares the numbers of sentences that say the same thing in several
    copies of one story, and reports a number the other copies contradict:
    the same unit (`billion`, `percent`, a currency) with another value.

    ## Why it matters
    A number that changed between copies was damaged on the way: a currency
    sign read as a digit (`$147 billion` → `7 147 billion`), a digit lost in
    conversion, a translation error. Numbers are what readers quote.

    ## Example
    ```text
    copy A: trade volumes last year hitting $147 billion
    copy B: trade reaching 7 147 billion last year
                           ^^^^^^^^^^^^^ CO002 (copies A, C say $147 billion)
    ```

    ## How to silence it
    Check the number against the source and correct the copy; or
    `ignore = ["CO002"]`. Only `detector check --copies` runs it.
    """

    code = "CO002"
    name = "copy-number-differs"
    category = "consistency"
    severity = Severity.WARNING
    scope = "copies"
    summary = "A number that the other copies of the story state differently"

    def check_copies(self, copies: Copies, index: int) -> Iterator[Finding]:
        doc = copies.copies[index].document
        verdicts: dict[tuple, dict] = {}  # number span -> agreeing / disagreeing copies
        for j in copies.others(index):
            for left, right in copies.pairs(index, j):
                theirs = right.numbers
                for n in left.numbers:
                    if not n.unit:
                        continue  # a bare number has no meaning to compare
                    same_unit = [m for m in theirs if m.unit == n.unit]
                    if not same_unit:
                        continue
                    verdict = verdicts.setdefault(n, {"agree": [], "disagree": [], "said": []})
                    if any(m.value == n.value for m in same_unit):
                        verdict["agree"].append(j)
                        continue
                    ours = [m for m in left.numbers if m.unit == n.unit]
                    other = [m for m in same_unit if m.value not in {o.value for o in ours}]
                    unmatched = [m for m in ours if m.value not in {t.value for t in same_unit}]
                    # One on each side: each sentence states one such fact, so they must pair.
                    if len(other) == 1 and len(unmatched) == 1:
                        verdict["disagree"].append(j)
                        verdict["said"].append(other[0].text)
        for n, v in verdicts.items():
            if v["disagree"] and len(v["disagree"]) >= 1 + len(v["agree"]):
                said = max(set(v["said"]), key=v["said"].count)
                yield self.finding(
                    doc, n.start, n.end,
                    f"'{n.text}' here, but {_copy_names(copies, v['disagree'])} "
                    f"{'says' if len(v['disagree']) == 1 else 'say'} '{said}'",
                    confidence=0.9 if len(v["disagree"]) > 1 + len(v["agree"]) else 0.6,
                    details={"other_copies": [copies.copies[j].document.path for j in v["disagree"]],
                             "other_value": said, "agreeing_copies": len(v["agree"])},
                )


class CopyNameDiffers(Rule):
    """## What it does
    Finds a name that is spelled one letter or two differently in the other
    copies of one story (`Heihi` here, `Heihe` in the others), where this
    copy never uses the other spelling and the other copies never use this
    one.

    ## Why it matters
    A misspelt place or person is a factual error that a spell checker does
    not see: the name is not in its dictionary either way. Copies that
    disagree show which spelling is the odd one out.

    ## Example
    ```text
    copy A: the northern Chinese city of Heihe.
    copy B: the northern Chinese city of Heihi.
                                         ^^^^^ CO003 (copies A, C spell it Heihe)
    ```

    ## How to silence it
    A legitimate variant (a transliteration the house style prefers) can be
    allowed with `allow = ["Heihi"]`, or `ignore = ["CO003"]`. Only
    `detector check --copies` runs it.
    """

    code = "CO003"
    name = "copy-name-differs"
    category = "consistency"
    severity = Severity.WARNING
    scope = "copies"
    summary = "A name spelled differently from the other copies of the story"
    options = {"min_length": 4}

    def check_copies(self, copies: Copies, index: int) -> Iterator[Finding]:
        from detector.copies import edit_distance

        me = copies.copies[index]
        variants: dict[tuple, dict[str, set[int]]] = {}  # our name span -> their spelling -> copies
        for j in copies.others(index):
            them = copies.copies[j]
            for left, right in copies.pairs(index, j):
                for start, end, name in left.names:
                    if len(name) < self.min_length or name in them.words:
                        continue
                    for _, _, other in right.names:
                        if (
                            other[0] == name[0]
                            and other not in me.words
                            and edit_distance(name, other) <= (1 if len(name) < 8 else 2)
                        ):
                            variants.setdefault((start, end, name), {}).setdefault(other, set()).add(j)
        for (start, end, name), spellings in variants.items():
            other, holders = max(spellings.items(), key=lambda kv: len(kv[1]))
            with_ours = 1 + sum(1 for j in copies.others(index) if name in copies.copies[j].words)
            if len(holders) < with_ours:
                continue
            majority = len(holders) > with_ours
            yield self.finding(
                me.document, start, end,
                f"'{name}' here, but {_copy_names(copies, sorted(holders))} spell{'s' if len(holders) == 1 else ''} it '{other}'",
                confidence=0.9 if majority else 0.5,
                severity=self.severity if majority else Severity.INFO,
                details={"other_spelling": other,
                         "other_copies": [copies.copies[j].document.path for j in holders]},
            )


class CopyDateDiffers(Rule):
    """## What it does
    Compares the dates of sentences that say the same thing in several copies
    of one story: another day or year of the same month is a disagreement
    (warning); a year that only this copy gives (`February 24, 2014` where
    the others say `February 24`) is worth a look (info).

    ## Why it matters
    A wrong date misplaces the whole story in time; a year added by a
    translator or an editor is often a guess, and a wrong one.

    ## Example
    ```text
    copy A: since Putin launched his invasion of Ukraine on February 24.
    copy B: after Russia's offensive against Ukraine began on February 24, 2014.
                                                              ^^^^^^^^^^^^^^^^^ CO004 (info)
    ```

    ## How to silence it
    Check the date against the source, or `ignore = ["CO004"]`. Only
    `detector check --copies` runs it.
    """

    code = "CO004"
    name = "copy-date-differs"
    category = "consistency"
    severity = Severity.WARNING
    scope = "copies"
    summary = "A date that the other copies of the story give differently"

    def check_copies(self, copies: Copies, index: int) -> Iterator[Finding]:
        doc = copies.copies[index].document
        verdicts: dict[tuple, dict] = {}  # our date -> agreeing / disagreeing copies
        for j in copies.others(index):
            for left, right in copies.pairs(index, j):
                for d in left.dates:
                    same_month = [e for e in right.dates if e.month == d.month]
                    if len(same_month) != 1:
                        continue  # none, or several dates of the month: nothing to pair with
                    e = same_month[0]
                    verdict = verdicts.setdefault(d, {"agree": set(), "disagree": {}, "no_year": {}})
                    if e.day != d.day or d.year and e.year and d.year != e.year:
                        verdict["disagree"][j] = e.text
                    elif d.year and not e.year:
                        verdict["no_year"][j] = e.text
                    else:
                        verdict["agree"].add(j)
        for d, v in verdicts.items():
            if v["disagree"] and len(v["disagree"]) >= 1 + len(v["agree"]) + len(v["no_year"]):
                j, said = next(iter(v["disagree"].items()))
                message, severity = f"'{d.text}' here, but {_copy_names(copies, v['disagree'])} " \
                    f"{'says' if len(v['disagree']) == 1 else 'say'} '{said}'", self.severity
            elif v["no_year"] and not v["agree"] and not v["disagree"]:
                j, said = next(iter(v["no_year"].items()))
                message = f"'{d.text}': no other copy gives the year {d.year} ({copies.copies[j].document.path} says '{said}')"
                severity = Severity.INFO
            else:
                continue
            yield self.finding(doc, d.start, d.end, message, severity=severity,
                               confidence=0.8 if severity is not Severity.INFO else 0.5,
                               details={"other_copy": copies.copies[j].document.path, "other_date": said})
