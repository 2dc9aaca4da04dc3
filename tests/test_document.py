"""The Document model: positions, lines, paragraphs, sentences, tokens."""

import pytest

from detector.document import Document
from detector.finding import Position
from detector.reading import decode, document_from_bytes, looks_binary
from detector.errors import SkipFile


def test_positions_are_one_based_code_points_end_exclusive():
    doc = Document("ab\n홍콩 xy\r\nz")
    assert doc.position(0) == Position(1, 1)
    assert doc.position(3) == Position(2, 1)      # '홍'
    assert doc.position(5) == Position(2, 3)      # the space after '홍콩'
    assert doc.position(len(doc.text)) == Position(3, 2)
    assert doc.line_text(2) == "홍콩 xy"           # no '\r'


def test_a_lone_cr_ends_a_line():
    # the reviewer's case: SP001 was reported at 1:23, an editor shows line 2
    text = "First line.\rThe state media.China is big.\r"
    doc = Document(text)
    assert doc.position(text.index("media.China")) == Position(2, 11)
    assert doc.line_text(2) == "The state media.China is big."
    assert [text[s:e] for s, e in doc.lines] == ["First line.", "The state media.China is big."]
    assert [text[s:e] for s, e in doc.sentences] == ["First line.", "The state media.", "China is big."]
    assert [t.text for t in doc.line_words(1)] == ["The", "state", "media", "China", "is", "big"]
    assert doc.line_index(text.index("The")) == 1


def test_mixed_line_endings_positions():
    text = "a\rb\r\nc\nd\x0ce\u2028f"
    doc = Document(text)
    assert [doc.position(text.index(c)) for c in "abcdef"] == [
        Position(1, 1), Position(2, 1), Position(3, 1), Position(4, 1), Position(4, 3), Position(4, 5)
    ]
    assert [doc.line_text(i) for i in (1, 2, 3, 4)] == ["a", "b", "c", "d\x0ce\u2028f"]
    assert [t.text for t in doc.line_words(1)] == ["b"]


def test_findings_on_cr_text_are_placed_as_an_editor_shows_them():
    from conftest import findings_of

    for eol in ("\n", "\r\n", "\r"):
        text = f"First line.{eol}The state media.China is big.{eol}"
        [f] = findings_of(text, select=("SP001",))
        assert (f.code, f.match, f.start_pos, f.end_pos) == (
            "SP001", "media.China", Position(2, 11), Position(2, 22)
        ), repr(eol)


def test_lines_and_paragraphs():
    text = "Title\n\nFirst para line one\nline two.\n\n\n  Second para.  \n"
    doc = Document(text)
    assert [text[s:e] for s, e in doc.paragraphs] == [
        "Title", "First para line one\nline two.", "Second para."
    ]
    assert len(doc.lines) == 7


@pytest.mark.parametrize(
    "text, expected",
    [
        ("according to state media.China is big.", ["according to state media.", "China is big."]),
        ('in the face of changes."Beijing was willing.', ['in the face of changes."', "Beijing was willing."]),
        ("He flew to the U.S. on Monday. Then home.", ["He flew to the U.S. on Monday.", "Then home."]),
        ("Dr. Smith met Mr. Jones at 3.5 km from home.", ["Dr. Smith met Mr. Jones at 3.5 km from home."]),
        ("Install Node.js and ASP.NET today. Done.", ["Install Node.js and ASP.NET today.", "Done."]),
        ("See https://example.com/a.B and mail a.b@example.org now.", ["See https://example.com/a.B and mail a.b@example.org now."]),
        ("Read report.pdf and koreatimes.co.kr daily.", ["Read report.pdf and koreatimes.co.kr daily."]),
        ("J. R. R. Tolkien wrote it. N.Taylor--TNT", ["J. R. R. Tolkien wrote it.", "N.Taylor--TNT"]),
        ("Version 2.0.1 is out! Why? Because.", ["Version 2.0.1 is out!", "Why?", "Because."]),
        ("Headline without stop\nBody starts here.", ["Headline without stop", "Body starts here."]),
        ("a wrapped line that goes\non until here.", ["a wrapped line that goes\non until here."]),
    ],
)
def test_sentence_splitter(text, expected):
    doc = Document(text)
    assert [text[s:e] for s, e in doc.sentences] == expected


def test_tokens_carry_their_script():
    doc = Document("Xi 말했다 at https://x.org/a.b, 2022 Mоscow")
    kinds = [(t.text, t.kind, t.script) for t in doc.tokens]
    assert ("Xi", "word", "Latin") in kinds
    assert ("말했다", "word", "Hangul") in kinds
    assert ("https://x.org/a.b", "url", "Common") in kinds
    assert ("2022", "number", "Common") in kinds
    assert ("Mоscow", "word", "Latin") in kinds  # mostly Latin; the mixed script is EN's business


def test_memo_computes_once():
    doc = Document("x")
    calls = []

    def analysis(d):
        calls.append(1)
        return 42

    assert doc.memo(analysis) == 42 and doc.memo(analysis) == 42
    assert calls == [1]


def test_decode_utf8_bom_and_invalid_bytes():
    text, info = decode(b"\xef\xbb\xbfhello")
    assert text == "hello" and info.bom
    text, info = decode("héllo".encode("utf-16"))
    assert text == "héllo" and info.encoding.startswith("utf-16")
    text, info = decode(b"ok \xe9 ok")
    assert text == "ok \ufffd ok" and info.invalid_bytes == [(3, 3)]


def test_binary_is_skipped_but_utf16_without_bom_is_text():
    assert looks_binary(b"\x00\x01\x02PNG\x00\x00")
    assert not looks_binary("plain text".encode("utf-16-le"))
    with pytest.raises(SkipFile):
        document_from_bytes(b"\x7fELF\x00\x00\x00", "a.out")


LINE_WORD_TEXTS = [
    "Go to example.com now, or www.example.org/path.\r\nMail a.b@c.co.uk! 1.5am am\n\n  don’t “stop” COVID-19 \n",
    "Xi 말했다 (习近平) and Mоscow.\nsaid.It was\tfine café\u00a0time\n",
    "no newline at the end http://x.y/z’s e-mail",
    "\n\n\n",
    "",
]


@pytest.mark.parametrize("text", LINE_WORD_TEXTS)
@pytest.mark.parametrize("words_first", [False, True])
@pytest.mark.parametrize("piecewise_share", [1.0, 0.3, 0.0])
def test_line_words_are_the_words_of_each_line(text, words_first, piecewise_share):
    doc = Document(text)
    doc.PART_TOKENIZED_AT_MOST = piecewise_share
    if words_first:
        doc.words  # then line_words slices them
    expected = Document(text).words
    got = [w for i in range(len(doc.line_starts)) for w in doc.line_words(i)]
    assert got == expected
    for i, start in enumerate(doc.line_starts):
        assert all(doc.line_index(w.start) == i for w in doc.line_words(i))
    if not words_first and piecewise_share == 1.0:
        assert "tokens" not in doc.__dict__  # the lines were tokenized on their own


@pytest.mark.parametrize("text", LINE_WORD_TEXTS)
def test_words_in_any_span(text):
    doc = Document(text)
    doc.PART_TOKENIZED_AT_MOST = 1e9
    expected = Document(text).words
    for start in range(len(text) + 1):
        for end in range(start, min(len(text), start + 12) + 1):
            assert doc.words_in(start, end) == [w for w in expected if start <= w.start < end]
    assert "tokens" not in doc.__dict__


def test_line_words_do_not_tokenize_the_whole_text():
    doc = Document("First line here.\nSecond line, the the end.\n" + "More text.\n" * 20)
    assert [w.text for w in doc.line_words(1)] == ["Second", "line", "the", "the", "end"]
    assert doc.line_words(1)[0].start == 17
    assert "tokens" not in doc.__dict__ and "words" not in doc.__dict__


def test_words_in_tokenizes_the_whole_text_once_most_of_it_was_asked_for():
    doc = Document("one two three\n" * 10)
    for i in range(10):
        doc.line_words(i)
    assert "words" in doc.__dict__  # 15% asked for: the whole text is tokenized once


def test_chunked_cr_text_is_placed_as_the_whole_text():
    from detector.chunks import WholeText, check_in_chunks
    from detector.config import Settings
    from detector.engine import build_rules, check_text

    text = "First line.\rThe state media.China is big.\r\n\r\nMore text here.It was.\rAnd the the end.\n" * 3
    settings = Settings(select=("SP001", "DU003"))
    whole = [(f.code, f.start, f.start_pos) for f in check_text(text, settings).findings]
    chunked = check_in_chunks(Document(text), build_rules(settings, "<text>"), settings, chunk_chars=60)
    assert [(f.code, f.start, f.start_pos) for f in chunked.findings] == whole
    assert [(code, pos) for code, _, pos in whole[:3]] == [
        ("SP001", Position(2, 11)), ("SP001", Position(4, 11)), ("DU003", Position(5, 5))
    ]
    assert [WholeText(text).line_text(i) for i in range(1, 6)] == [
        "First line.", "The state media.China is big.", "", "More text here.It was.", "And the the end."
    ]
