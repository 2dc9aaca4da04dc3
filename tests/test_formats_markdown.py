"""Markdown input: the rules see the prose only; findings land on the source."""

from __future__ import annotations

import json

import pytest
from conftest import FIXTURES

from detector.config import Settings
from detector.engine import check_bytes
from detector.formats import extractor, format_for
from detector.formats.markdown import markdown_prose
from detector.formats.sourcemap import ProseBuilder

FORMATS = FIXTURES / "formats"
SELECT = ("ML001", "SP001")


def check_md(source: str, select=SELECT, path="doc.md"):
    data = source.encode("utf-8")
    return check_bytes(data, path, Settings(select=select), to_prose=extractor("md"))


def placed(result):
    return [
        {
            "code": f.code,
            "line": f.start_pos.line,
            "column": f.start_pos.column,
            "end_line": f.end_pos.line,
            "end_column": f.end_pos.column,
            "match": f.match,
        }
        for f in result.findings
    ]


def expected(name: str) -> list[dict]:
    lines = (FORMATS / name).read_text("utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


# -- the golden fixture ------------------------------------------------------------

def test_golden_markdown_fixture():
    source_path = FORMATS / "article.md"
    result = check_md(source_path.read_text("utf-8"), path=str(source_path))
    assert placed(result) == expected("article.md.expected.jsonl")


def test_golden_offsets_index_the_source_file():
    source = (FORMATS / "article.md").read_text("utf-8")
    result = check_md(source)
    lines = source.split("\n")
    for f in result.findings:
        assert source[f.start : f.end] == f.match
        line = lines[f.start_pos.line - 1]
        assert line[f.start_pos.column - 1 :].startswith(f.match.split("\n")[0])


def test_nothing_from_code_front_matter_urls_comments_or_raw_html():
    source = (FORMATS / "article.md").read_text("utf-8")
    prose = markdown_prose(source).text
    for not_prose in (
        "정상회담",  # front matter
        "그는",  # fenced code
        "회담이",  # indented code
        "raw HTML block",
        "메모",  # HTML comment
        "detector-disable",  # suppression comment stays in the source only
        "--check",  # inline code
        "https://",  # link destinations
        "가이드",
        "사진",  # image title
    ):
        assert not_prose not in prose, not_prose
    for kept in ("Summit talks resume", "대표단 arriving", "the guide", "Relations are improving",
                 "The editor's note 편집자 was added later."):  # visible text of an HTML block
        assert kept in prose, kept


# -- what is prose -------------------------------------------------------------------

def test_blocks_are_separated_by_blank_lines():
    m = markdown_prose("# Title\nFirst para\nwraps here.\n\n- one\n- two\n")
    assert m.text == "Title\n\nFirst para\nwraps here.\n\none\n\ntwo"


def test_html_blocks_give_their_visible_text_only():
    source = 'Intro.\n\n<div align="center">\n  <b>Bold</b> text &amp; more\n  <script>x 말했다</script>\n</div>\n\n<!-- c -->\n\nOutro.\n'
    m = markdown_prose(source)
    assert m.text == "Intro.\n\nBold text & more\n\nOutro."
    start, end = m.source_span(m.text.index("Bold"), m.text.index("more") + 4)
    assert source[start:end] == "Bold</b> text &amp; more"


def test_table_cells_are_lines_and_rows_paragraphs():
    m = markdown_prose("| a | b |\n|---|---|\n| c | d |\n")
    assert m.text == "a\nb\n\nc\nd"


def test_link_text_and_alt_kept_destinations_dropped():
    m = markdown_prose('See [the docs](http://a.b/c(d) "t)") and ![a cat](c.png) or [ref][r] <http://x.y>.\n\n[r]: http://r.s\n')
    assert m.text == "See the docs and a cat or ref ."


def test_autolink_in_block_quote_is_skipped_to_its_end():
    source = "> please open an issue at\n> <https://x.org/issues> describing 말했다 it\n"
    m = markdown_prose(source)
    assert m.text == "please open an issue at\ndescribing 말했다 it"
    i = m.text.index("describing")
    assert m.source_span(i, i + 10) == (source.index("describing"), source.index("describing") + 10)


def test_inline_br_is_a_line_break():
    assert markdown_prose("| LGPL-2.1<br>restrictive |\n|---|\n").text == "LGPL-2.1\nrestrictive"


def test_inline_code_dropped_without_double_space():
    m = markdown_prose("Run `make 말했다` now.")
    assert m.text == "Run now."
    assert m.source_span(4, 7) == (15, 18)  # 'now'


def test_yaml_and_toml_front_matter_skipped_lines_kept():
    for fence in ("---", "+++"):
        source = f"{fence}\ntitle: 말했다\n{fence}\nThe minister 말했다 said.\n"
        result = check_md(source)
        assert [(f.code, f.start_pos.line, f.start_pos.column) for f in result.findings] == [("ML001", 4, 14)]


def test_horizontal_rule_is_not_front_matter_when_not_first():
    m = markdown_prose("Intro.\n\n---\n\nOutro.\n")
    assert m.text == "Intro.\n\nOutro."


def test_escapes_and_entities_map_to_their_source_form():
    source = "Tom &amp; Jerry \\*really\\* left."
    m = markdown_prose(source)
    assert m.text == "Tom & Jerry *really* left."
    start, end = m.source_span(0, len(m.text))
    assert source[start:end] == source
    assert m.source_span(4, 5) == (4, 9)  # '&' ← '&amp;'


def test_crlf_source_positions():
    source = "# Title\r\n\r\nThe minister 말했다 said so.\r\nNext line.\r\n"
    result = check_md(source)
    [f] = result.findings
    assert (f.start_pos.line, f.start_pos.column, f.match) == (3, 14, "말했다")
    assert source[f.start : f.end] == "말했다"


def test_blockquote_and_list_columns():
    source = "> Quoted 말했다 here.\n\n1. Item 말했다 here.\n   Wrapped 말했다 line.\n"
    result = check_md(source)
    assert [(f.start_pos.line, f.start_pos.column) for f in result.findings] == [(1, 10), (3, 9), (4, 12)]


# -- findings that cross markup ----------------------------------------------------

def test_span_across_markup_keeps_source_slice_and_drops_fix():
    source = "It rained, according to state media.[China](http://x.cn) said so."
    [f] = check_md(source).findings
    assert f.code == "SP001"
    assert f.match == "media.[China" == source[f.start : f.end]
    assert f.details["prose_match"] == "media.China"
    assert f.fix is None


def test_span_inside_plain_text_keeps_its_fix():
    [f] = check_md("It rained, according to state media.China is ready.").findings
    assert f.fix is not None and f.fix.replacement == "media. China"
    assert "prose_match" not in f.details


def test_positions_rules_compute_name_source_lines():
    """DU001 says where the first copy is: a line of the .md file, not of the prose."""
    sentence = "The delegation arrived in Beijing on Monday for three days of talks."
    source = f"# Talks\n\n```\ncode\n```\n\n{sentence}\n\n<!-- c -->\n\n{sentence}\n"
    [f] = check_md(source, select=("DU001",)).findings
    assert (f.start_pos.line, f.match) == (11, sentence)
    assert f.details["first"] == {"offset": source.index(sentence), "line": 7}
    assert "at line 7" in f.message


def test_invalid_bytes_in_code_not_reported_but_in_prose_reported():
    # Mostly valid UTF-8 (so it is not taken for a legacy encoding) with one
    # stray byte in prose (line 3, column 5) and one in a code block.
    data = "Café — naïve “quotes” are fine.\n\nBad ".encode() + b"\xff here.\n\n```\nbad \xff byte\n```\n"
    result = check_bytes(data, "x.md", Settings(select=("EN002",)), to_prose=extractor("md"))
    assert [(f.code, f.start_pos.line, f.start_pos.column, f.match) for f in result.findings] == [
        ("EN002", 3, 5, "\ufffd")
    ]


def test_plain_text_path_unchanged():
    data = "The minister 말했다 said.\n```\nx\n```\n".encode()
    result = check_bytes(data, "x.txt", Settings(select=SELECT))
    assert result.document.text.startswith("The minister")
    assert [(f.start, f.end) for f in result.findings] == [(13, 16)]


# -- the map itself ----------------------------------------------------------------

def test_builder_separator_and_reverse_map():
    b = ProseBuilder("<p>ab</p><p>cd</p>")
    b.add(3, 5)
    b.block_break()
    b.add(12, 14)
    m = b.build()
    assert m.text == "ab\n\ncd"
    assert m.source_span(0, 6) == (3, 14)
    assert [m.prose_offset(i) for i in (3, 4, 5, 9, 12, 13)] == [0, 1, None, None, 4, 5]


@pytest.mark.parametrize(
    "path,override,fmt",
    [("a.md", None, "md"), ("a.MARKDOWN", None, "md"), ("a.htm", None, "html"), ("a.txt", None, "txt"),
     ("a.rst", None, "txt"), (None, None, "txt"), ("-", "md", "md"), ("a.md", "txt", "txt"),
     ("c.jsonl", None, "jsonl")],
)
def test_format_choice(path, override, fmt):
    assert format_for(path, override) == fmt


def test_unknown_input_format_is_an_error():
    from detector.errors import DetectorError

    with pytest.raises(DetectorError, match="unknown input format 'rst'"):
        format_for("a.md", "rst")


def test_docstring_examples_of_the_format_modules():
    import doctest

    import detector.formats as formats
    from detector.formats import html, jsonl, markdown, sourcemap

    for module in (formats, html, jsonl, markdown, sourcemap):
        assert doctest.testmod(module).failed == 0, module.__name__


def test_offsets_in_a_findings_details_point_into_the_source():
    """DU001 names the first copy by an offset and a span: both are moved
    from the prose onto the Markdown source, like the finding's own span."""
    from detector.parallel import check_data

    sentence = "The trade volume hit a record high last year, the ministry said on Monday.\n"
    source = ("# Trade\n\n**Note:** a *short* intro with [a link](http://example.com/x).\n\n"
              + sentence + "\nOther words follow here for a while in this piece.\n\n" + sentence)
    (found,) = check_data(source.encode(), "doc.md", Settings(language="en")).findings
    first = source.index(sentence)
    assert (found.code, found.start) == ("DU001", source.rindex(sentence))
    assert found.details["first"] == {"offset": first, "line": 5}
    start, end = found.details["first_span"]
    assert (start, end) == (first, first + len(sentence) - 1)
    assert source[start:end] == sentence.strip()
