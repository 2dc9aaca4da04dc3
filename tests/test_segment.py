"""The sentence splitter and tokenizer: glued sentences split, dotted things kept whole."""

from __future__ import annotations

import doctest

import pytest

from detector import segment
from detector import sentences as sentences_module
from detector.segment import Span, iter_tokens, line_spans, paragraph_spans
from detector.sentences import split_sentences


def sentences(text):
    return [text[s:e] for s, e in split_sentences(text)]


def tokens(text):
    return [(t.kind, text[t.start : t.end]) for t in iter_tokens(text)]


def test_doctests():
    result = doctest.testmod(segment)
    assert result.attempted >= 2 and result.failed == 0
    result = doctest.testmod(sentences_module)
    assert result.attempted >= 2 and result.failed == 0


@pytest.mark.parametrize(
    "text, expected",
    [
        ("according to state media.China is willing.", ["according to state media.", "China is willing."]),
        ('the face of changes."Beijing was willing.', ['the face of changes."', "Beijing was willing."]),
        ("It ended on February 24.China has refused.", ["It ended on February 24.", "China has refused."]),
        ("One. Two is here.", ["One.", "Two is here."]),
        ("Is it? Yes it is!", ["Is it?", "Yes it is!"]),
        # capitalised words that are also domain suffixes start sentences
        ("He said.It was. Visit Kyiv.In the news.", ["He said.", "It was.", "Visit Kyiv.", "In the news."]),
    ],
)
def test_sentence_ends_split(text, expected):
    assert sentences(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The U.S. Army said so.",
        "Dr. Smith and Mr. Jones met at 3.14 p.m. today.",
        "Download it from example.com today.",
        "See https://www.koreatimes.co.kr/www/world.html for more.",
        "Write to press@example.org now.",
        "It runs on .NET and Node.js in version 1.2.3 now.",
        "Reported by J. Smith for the paper.",
        "Open the file report.pdf now.",
        "N.Taylor wrote the story.",
        "FabriPaint.Com is based in Oregon.",
    ],
)
def test_dotted_things_are_not_sentence_ends(text):
    assert sentences(text) == [text]


def test_hard_wrapped_lines_are_one_sentence():
    text = "The two leaders spoke\nfor an hour on Wednesday.\nNext line."
    assert sentences(text) == ["The two leaders spoke\nfor an hour on Wednesday.", "Next line."]


def test_tokens_kinds():
    assert tokens("Go to example.com or mail a.b@x.org, don't face-to-face 3.5% O'Neil.") == [
        ("word", "Go"), ("word", "to"), ("domain", "example.com"), ("word", "or"),
        ("word", "mail"), ("email", "a.b@x.org"), ("punct", ","), ("word", "don't"),
        ("word", "face-to-face"), ("number", "3.5%"), ("word", "O'Neil"), ("punct", "."),
    ]


def test_tokens_urls_and_scripts():
    text = "See http://x.y/z?a=1. Xi 말했다 COVID-19"
    assert tokens(text) == [
        ("word", "See"), ("url", "http://x.y/z?a=1"), ("punct", "."), ("word", "Xi"),
        ("word", "말했다"), ("word", "COVID-19"),
    ]


def test_token_offsets_are_absolute():
    text = "ab cd ef"
    assert [(t.start, t.end) for t in iter_tokens(text, 3, 8)] == [(3, 5), (6, 8)]


def test_lines_and_paragraphs():
    text = "a\r\nb\n\n  c  \n"
    assert line_spans(text) == [Span(0, 1), Span(3, 4), Span(5, 5), Span(6, 11)]
    assert [text[s:e] for s, e in paragraph_spans(text)] == ["a\r\nb", "c"]


@pytest.mark.parametrize(
    "text, lines",
    [
        # a lone CR ends a line, as in an editor and as EN013 counts it
        ("a\rbc\r", [(0, 1), (2, 4)]),
        ("a\rb\r\nc\nd", [(0, 1), (2, 3), (5, 6), (7, 8)]),
        # CR CR LF: a line ending and a CRLF, so an empty line between
        ("a\r\r\nb", [(0, 1), (2, 2), (4, 5)]),
        ("\r\ra", [(0, 0), (1, 1), (2, 3)]),
        # form feed, vertical tab, NEL and U+2028 are no line endings here
        # (nor for --diff, which counts lines as patch does)
        ("a\x0cb\x0bc\x85d\u2028e\u2029f\x1cg", [(0, 13)]),
    ],
)
def test_line_endings_are_lf_crlf_and_lone_cr(text, lines):
    assert line_spans(text) == [Span(*s) for s in lines]
    assert segment.line_starts(text) == [0] + [e + (2 if text[e : e + 2] == "\r\n" else 1)
                                             for _, e in lines if e < len(text)]


def test_line_starts_without_cr_is_the_lf_split():
    text = "one\ntwo\n\nthree"
    assert segment.line_starts(text) == [0, 4, 8, 9]
    assert line_spans(text) == [Span(0, 3), Span(4, 7), Span(8, 8), Span(9, 14)]


def test_paragraphs_and_sentences_on_cr_text():
    for eol in ("\n", "\r\n", "\r"):
        text = eol.join(["Title", "", "A wrapped line that goes", "on until here. Next one.", "", "Last."]) + eol
        assert [text[s:e] for s, e in paragraph_spans(text)] == [
            "Title", f"A wrapped line that goes{eol}on until here. Next one.", "Last."
        ], repr(eol)
        assert sentences(text) == [
            "Title", f"A wrapped line that goes{eol}on until here.", "Next one.", "Last."
        ], repr(eol)
