"""HTML input: the rules see the visible text only; findings land on the source."""

from __future__ import annotations

from conftest import FIXTURES
from test_formats_markdown import SELECT, expected, placed

from detector.config import Settings
from detector.engine import check_bytes
from detector.formats import extractor
from detector.formats.html import html_prose

FORMATS = FIXTURES / "formats"


def check_html(source: str, select=SELECT, attributes=False, path="page.html"):
    return check_bytes(
        source.encode("utf-8"), path, Settings(select=select), to_prose=extractor("html", attributes)
    )


def test_golden_html_fixture():
    path = FORMATS / "article.html"
    result = check_html(path.read_text("utf-8"), path=str(path))
    assert placed(result) == expected("article.html.expected.jsonl")


def test_golden_offsets_index_the_source_file():
    source = (FORMATS / "article.html").read_text("utf-8")
    for f in check_html(source).findings:
        assert source[f.start : f.end] == f.match


def test_nothing_from_head_scripts_pre_code_template_comments_or_attributes():
    source = (FORMATS / "article.html").read_text("utf-8")
    prose = html_prose(source).text
    for not_prose in ("정상회담", "content:", "var note", "preformatted", "detector 말했다.txt",
                      "그는", "편집자", "detector-disable", "대표단", "사진", "https://"):
        assert not_prose not in prose, not_prose
    assert "The first block ends here.\n\nThe second block starts here." in prose


def test_alt_and_title_linted_when_asked():
    source = '<p>Photo: <img src="p.png" alt="The envoy 대표단 arriving" title=\'Shot &amp; 사진\'></p>'
    assert "대표단" not in html_prose(source).text
    m = html_prose(source, attributes=True)
    assert m.text == "Photo:\n\nThe envoy 대표단 arriving\n\nShot & 사진"
    result = check_html(source, attributes=True)
    assert [(f.code, f.match, f.start_pos.column) for f in result.findings] == [
        ("ML001", "대표단", 43),  # '<p>Photo: <img src="p.png" alt="The envoy ' is 42 code points
        ("ML001", "사진", 75),
    ]
    for f in result.findings:
        assert source[f.start : f.end] == f.match


def test_entities_decoded_and_mapped_to_their_source():
    source = "<p>Caf&eacute; &#8220;open&#x201D; &amp; AT&T&nbsp;too</p>"
    m = html_prose(source)
    assert m.text == "Café “open” & AT&T\u00a0too"
    i = m.text.index("“open”")
    start, end = m.source_span(i, i + len("“open”"))
    assert source[start:end] == "&#8220;open&#x201D;"


def test_block_elements_never_glue_but_inline_ones_do():
    assert html_prose("<div>One ends.</div><div>Two starts.</div>").text == "One ends.\n\nTwo starts."
    assert html_prose("<li>One.</li><li>Two.</li>").text == "One.\n\nTwo."
    assert html_prose("<p>state media.<b>China</b> is</p>").text == "state media.China is"
    assert not check_html("<h2>Results ended.</h2><p>Then it began.</p>").findings
    [f] = check_html("<p>It rained, according to state media.<b>China</b> is ready.</p>").findings
    assert f.code == "SP001" and f.match == "media.<b>China" and f.fix is None


def test_white_space_collapses_and_br_breaks_lines():
    source = "<p>\n   Hello\n      world,   said\tshe.<br/>Next  line.\n</p>"
    assert html_prose(source).text == "Hello\nworld, said she.\nNext line."


def test_table_cells_are_lines_rows_are_paragraphs():
    source = "<table><tr><td>a</td><td>b</td></tr><tr><th>c</th></tr></table>"
    assert html_prose(source).text == "a\nb\n\nc"


def test_findings_line_and_column_in_a_multiline_page():
    source = (
        "<html>\n<body>\n  <section>\n    <p>First paragraph.</p>\n"
        "    <p>The minister\n       말했다 that talks resume.</p>\n  </section>\n</body>\n</html>\n"
    )
    [f] = check_html(source).findings
    assert (f.code, f.start_pos.line, f.start_pos.column, f.match) == ("ML001", 6, 8, "말했다")


def test_unclosed_tags_and_stray_brackets_do_not_crash():
    source = "<p>Broken <b>markup < here & there <i>still 말했다 text"
    m = html_prose(source)
    assert "still 말했다 text" in m.text
    for f in check_html(source).findings:
        assert source[f.start : f.end] == f.match


def test_cli_html_by_extension_and_attributes_flag(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from detector.cli import app

    monkeypatch.chdir(tmp_path)
    (tmp_path / "page.htm").write_text(
        '<p>The minister\n <img alt="The envoy 대표단 arriving"> said 말했다 so.</p>\n', "utf-8"
    )
    base = ["check", "page.htm", "--select", "ML001", "--format", "concise"]
    out = CliRunner().invoke(app, base)
    assert [line.split(": ML001")[0] for line in out.stdout.splitlines()] == ["page.htm:2:42"]
    out = CliRunner().invoke(app, [*base, "--html-attributes"])
    assert [line.split(": ML001")[0] for line in out.stdout.splitlines()] == ["page.htm:2:22", "page.htm:2:42"]


def test_an_unclosed_code_inside_pre_ends_with_the_pre():
    source = "<pre><code>x 말했다</pre><p>After the block.</p><p>A stray </code> end tag.</p>"
    assert html_prose(source).text == "After the block.\n\nA stray end tag."
