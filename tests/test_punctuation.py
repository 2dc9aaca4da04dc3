"""Punctuation rules: unopened closing quote (PU001), dangling quote fragment
(PU002), unbalanced brackets and quotes (PU003)."""

from __future__ import annotations

import pytest

from conftest import findings_of, spans


def run(text, code):
    return findings_of(text, select=(code,), language="en")


# -- PU001 ---------------------------------------------------------------------

def test_closing_quote_without_opening():
    text = "He called for “peace” and a proper settlement of the crisis” — echoing Biden."
    found = run(text, "PU001")
    assert [(f.code, f.start) for f in found] == [("PU001", text.rindex("”"))]


def test_inches_and_balanced_quotes_are_fine():
    assert run("A 12” screen and a “quoted” word.", "PU001") == []


# -- PU002 ---------------------------------------------------------------------

def test_dangling_quote_fragment():
    text = (
        "Washington attempted to force Beijing to follow the Western example, though China "
        "has refused to make any hostile moves toward Russia. “strategic partner.”\n"
    )
    found = run(text, "PU002")
    assert spans(found) == [("PU002", "“strategic partner.”")]


@pytest.mark.parametrize(
    "text",
    [
        "He called it “a disaster.” Others disagreed.",  # inside the sentence
        "It was over. “We will win,” he said.",  # a quoted sentence
        "It was over. “we will win,” he said, and many agreed with him then.",  # attributed
        "“strategic partner.”\nThe talks went on.",  # a pull quote on its own line
        "The U.S. “special relationship” endures.",
    ],
)
def test_no_dangling_fragment(text):
    assert run(text, "PU002") == []


# -- PU003 ---------------------------------------------------------------------

def test_unclosed_opening_quote_and_bracket():
    text = "The Kremlin said: “the President noted the legitimacy of its actions.\nHe left (for good.\n"
    found = run(text, "PU003")
    assert [(f.code, f.match, f.start) for f in found] == [
        ("PU003", "“", text.index("“")),
        ("PU003", "(", text.index("(")),
    ]


def test_closing_bracket_without_opening():
    text = "He left for good) and never came back.\n"
    assert [(f.code, f.start) for f in run(text, "PU003")] == [("PU003", text.index(")"))]


@pytest.mark.parametrize(
    "text",
    [
        # a quotation over several paragraphs, news style
        "“We will not give in,” he said. “We never have.\n\n“And we never will,” he added.\n",
        '"We will not give in," he said. "We never have.\n\n"And we never will," he added.\n',
        'He said: "There were great goals.\n"It was great to see," he added.\n',
        "He was 6' 2\" tall and the 12\" screen cost more.\n",
        "“The first paragraph of a long quotation ends here.\n“The second one closes it.”\n",
        # list markers and emoticons
        "1) first point\n2) second point\nIt acts 1) as a speaker and 2) as a switch.\n",
        "Great game :) and a wink ;)\n",
        # hard-wrapped text: the pair closes on the next line
        "The report (published on\nMonday) was clear.\n",
        "He was at 7-under 133 with Jimmy Walker (68).\n",
        "Rebounds: San Jose State 33 (Powell, Brittany 8), Nevada 36 (Lombardi 8).\n",
        "Xi Jinping (习近平) spoke [briefly] to reporters.\n",
    ],
)
def test_balanced_or_allowed(text):
    assert run(text, "PU003") == []


def test_german_quotes_close_with_the_english_opening_mark():
    text = "Er sagte: „Wir kommen morgen.“ Dann ging er (schnell.\n"
    found = findings_of(text, select=("PU003",), language="de")
    assert [(f.code, f.match) for f in found] == [("PU003", "(")]


def test_lone_straight_quote():
    text = "Sir Alex Ferguson would \"not have had the funds for his summer buys.\nNext line here.\n"
    found = run(text, "PU003")
    assert [(f.code, f.start) for f in found] == [("PU003", text.index('"'))]


def test_stray_closing_curly_quote_without_any_opening_in_the_text():
    text = "The rally last week brought” key indices near their highs.\n"
    found = run(text, "PU001")
    assert [(f.code, f.start) for f in found] == [("PU001", text.index("”"))]


def test_swedish_quotes_are_left_alone():
    assert findings_of("Han sa ”hej” till henne.\n", select=("PU001",), language="sv") == []
