"""Deletion fixes (BP001-BP003, DU001, DU002): the span a fix deletes takes
the line ending (and blank lines, or spaces) along, so no empty line is left."""

from __future__ import annotations

import pytest

from conftest import findings_of
from detector.document import Document
from detector.finding import Fix
from detector.fixes import apply_to_text, select_fixes
from detector.rules._deletion import deletion_fix, deletion_span

BOILER = "Please enter your comment!"


def _marked(marked: str) -> tuple[str, int, int]:
    """The text without its ``[[``/``]]`` and the span they mark."""
    start = marked.index("[[")
    end = marked.index("]]") - 2
    return marked.replace("[[", "").replace("]]", ""), start, end


@pytest.mark.parametrize(
    "marked, expected",
    [
        # inside a paragraph: the line and its ending; the paragraph stays one
        ("One.\n[[Share this]]\nTwo.\n", "One.\nTwo.\n"),
        ("One.\r\n[[Share this]]\r\nTwo.\r\n", "One.\r\nTwo.\r\n"),
        ("One.\r[[Share this]]\rTwo.\r", "One.\rTwo.\r"),
        # a paragraph of its own: the blank lines after it too
        ("One.\n\n[[Share this]]\n\n\nTwo.\n", "One.\n\nTwo.\n"),
        ("[[Share this]]\n\nOne.", "One."),
        # the last paragraph: the blank lines before it
        ("One.\n\n[[Share this]]\n", "One.\n"),
        ("One.\r\n\r\n[[Share this]]", "One.\r\n"),
        # the last line of a paragraph, with no line ending
        ("One.\n[[Share this]]", "One.\n"),
        # white space around the line's text goes with it
        ("One.\n  [[Share this]] \t\nTwo.", "One.\nTwo."),
        # part of a line: the spaces after it, or before it at the line's end
        ("A one. B two. [[A one.]] C three.", "A one. B two. C three."),
        ("A one. B two. [[A one.]]\nNext.", "A one. B two.\nNext."),
        # a form feed ends no line: the span is part of a line
        ("One.\x0c[[Share this]]\x0cTwo.", "One.\x0c\x0cTwo."),
    ],
)
def test_deletion_leaves_no_empty_line_nor_double_space(marked, expected):
    text, start, end = _marked(marked)
    del_start, del_end = deletion_span(Document(text), start, end)
    assert text[:del_start] + text[del_end:] == expected


def test_fix_keeps_the_finding_span_when_it_is_all_to_delete():
    text = "Share this"
    assert deletion_fix(Document(text), 0, 10, "delete the line") == Fix("", safe=False, description="delete the line")
    fix = deletion_fix(Document("One.\n\nShare this"), 6, 16, "delete the line")
    assert fix == Fix("", safe=False, description="delete the line", start=5, end=16)  # the blank line before


def test_bp001_fix_deletes_the_line_with_its_ending():
    text = f"The minister spoke on Monday.\n{BOILER}\nShe left on Tuesday.\n"
    [f] = findings_of(text, select=("BP001",))
    start = text.index(BOILER)
    assert (f.code, f.start, f.end, f.match) == ("BP001", start, start + len(BOILER), BOILER)
    assert f.fix_span == (start, start + len(BOILER) + 1)
    assert f.to_dict()["fix"]["offset"] == {"start": start, "end": start + len(BOILER) + 1}
    assert apply_to_text(text, select_fixes([f], unsafe=True)) == (
        "The minister spoke on Monday.\nShe left on Tuesday.\n"
    )


def test_du001_fix_deletes_a_repeated_paragraph_and_one_blank_line():
    para = "It was the second call between the two leaders since February 24."
    text = f"{para}\n\nThe talks lasted an hour.\n\n{para}\n\nBoth sides said little more.\n"
    [f] = findings_of(text, select=("DU001",))
    assert (f.code, f.start, f.match) == ("DU001", text.rindex(para), para)
    assert apply_to_text(text, select_fixes([f], unsafe=True)) == (
        f"{para}\n\nThe talks lasted an hour.\n\nBoth sides said little more.\n"
    )


def test_du001_fix_of_a_sentence_inside_a_line_takes_one_space():
    s = "It was the second call between the two leaders since February 24."
    text = f"{s} The talks lasted an hour. {s} Both sides said little more.\n"
    [f] = findings_of(text, select=("DU001",))
    assert (f.code, f.start, f.match) == ("DU001", text.rindex(s), s)
    assert apply_to_text(text, select_fixes([f], unsafe=True)) == (
        f"{s} The talks lasted an hour. Both sides said little more.\n"
    )


def test_adjacent_boilerplate_lines_are_both_deleted():
    text = f"The minister spoke on Monday.\n{BOILER}\nPlease enter your name here\nShe left.\n"
    found = findings_of(text, select=("BP001",))
    assert [f.match for f in found] == [BOILER, "Please enter your name here"]
    assert apply_to_text(text, select_fixes(found, unsafe=True)) == "The minister spoke on Monday.\nShe left.\n"


def test_fix_span_survives_packing_chunks_and_markdown():
    from detector.chunks import check_in_chunks
    from detector.config import Settings
    from detector.engine import build_rules
    from detector.packed import pack, unpack
    from detector.parallel import check_data

    body = "The minister spoke on Monday.\n" + BOILER + "\nShe left on Tuesday.\n\n"
    text = body * 3
    settings = Settings(select=("BP001",))
    chunked = check_in_chunks(Document(text), build_rules(settings, "<text>"), settings, chunk_chars=60)
    starts = [i for i in range(len(text)) if text.startswith(BOILER, i)]
    assert [(f.start, f.fix_span) for f in chunked.findings] == [(s, (s, s + len(BOILER) + 1)) for s in starts]
    assert [(f.start, f.fix_span) for f in unpack(pack(chunked)).findings] == [
        (f.start, f.fix_span) for f in chunked.findings]
    # Markdown: the prose line maps onto the same source text, line ending included
    source = "# Title\n\nThe minister spoke on **Monday**.\n" + BOILER + "\nShe left.\n"
    [f] = check_data(source.encode(), "a.md", settings).findings
    start = source.index(BOILER)
    assert (f.start, f.fix_span) == (start, (start, start + len(BOILER) + 1))
    # where the source around the line is not the prose's (a list item's
    # marker, a CRLF that the Markdown reader reads as LF), the fix is cut
    # back to the finding's span, as before
    for source in ("# T\n\n- item one\n- " + BOILER + "\n- She left.\n",
                   "# T\r\n\r\nThe minister spoke.\r\n" + BOILER + "\r\nShe left.\r\n"):
        [f] = check_data(source.encode(), "a.md", settings).findings
        start = source.index(BOILER)
        assert (f.start, f.fix_span, f.fix.start) == (start, (start, start + len(BOILER)), None)
