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


# -- fast paths agree with the regexes they stand in for ----------------------------

MARKER_LINES = [
    "1) first", "  12) twelve", "123) no", "a) one", "ii) two", "iv) four", "xiii) x", "é) accent",
    "\t3) tab", "see :) and ;-) and =] here", "x:) no", " :( sad", "list 1) a 2) b c)", "(x) 1)",
    "a1) no", "٣) arabic digit", "²) superscript", "word) here", "end.)", "::)", ":-)", "'-)",
]


def test_closing_bracket_markers_agree_with_the_regexes():
    from detector.rules.punctuation import (
        _EMOTICON, _INLINE_MARKER, _LIST_MARKER, _closes_no_bracket, _is_inline_marker,
    )

    for line in MARKER_LINES:
        text = "Intro line.\n" + line + "\n"
        start, end = text.index(line), text.index(line) + len(line)
        marker = _LIST_MARKER.match(text, start, end)
        skip = {marker.end() - 1} if marker else set()
        skip |= {m.end() - 1 for m in _EMOTICON.finditer(text, start, end)}
        inline = {m.end() - 1 for m in _INLINE_MARKER.finditer(text, start, end)}
        for i in range(start, end):
            if text[i] in ")]":
                assert _closes_no_bracket(text, start, i) == (i in skip), (line, i)
            if text[i] == ")":
                assert _is_inline_marker(text, start, i) == (i in inline), (line, i)


def test_quote_fragment_candidates_cover_every_match():
    from detector.rules.punctuation import _QUOTE_FRAGMENT, _quote_fragments

    text = (
        "He left. “strategic partner.” Then. \"a deal\" Later.  ‘quiet word’ It was.\n"
        "Yes.” “not this one.” No. “again.” “and again.”\n“no sentence before.”\n"
    )
    assert [m.span() for m in _quote_fragments(text)] == [m.span() for m in _QUOTE_FRAGMENT.finditer(text)]
    assert len(list(_quote_fragments(text))) >= 3


def test_regex_white_space_is_what_backslash_s_matches():
    import regex

    from detector.rules._lazy import REGEX_WHITE_SPACE

    matched = "".join(chr(c) for c in range(0x10000) if regex.match(r"\s", chr(c)))
    assert matched == REGEX_WHITE_SPACE


def test_a_line_ending_in_an_information_separator_runs_on():
    # U+001C is white space to str.strip but not to `\s`: the line ends on it,
    # not on its full stop, so it runs on and the bracket closes in the next line.
    assert run("He said (it ended.\x1c\nthen it was over) nothing.\n", "PU003") == []
    assert [f.code for f in run("He said (it ended.\n\nthen it was over) nothing.\n", "PU003")] == ["PU003", "PU003"]
