"""Big texts checked in chunks (detector/chunks.py): same findings, spans,
lines and columns as the unchunked check for damage inside a chunk; one
score; suppressions, fixes and file-level rules work on the whole file."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from detector import chunks
from detector.chunks import ChunkDocument, chunk_spans, check_in_chunks
from detector.config import Settings
from detector.engine import build_rules, check_bytes
from detector.fixes import fix_file
from detector.formats.jsonl import check_jsonl
from detector.parallel import check_data
from detector.reading import document_from_bytes

SEEDS = Path(__file__).resolve().parent.parent / "fixtures" / "seeds"

# Damage to plant in the middle of the text, each with the code it must raise.
MOJIBAKE = "The ministerâ€™s office declined to comment on the report."
ZERO_WIDTH = "Officials said the pass\u200bword had been changed twice."
STRAY_BYTE = b"The caf\xe9 on the corner reopened on Monday."


def _article_text() -> str:
    """Five real news copies, paragraphs apart: about 20,000 characters."""
    parts = [p.read_text("utf-8").strip() for p in sorted(SEEDS.glob("*.txt"))]
    return "\n\n".join(parts) + "\n"


def _damaged_bytes() -> bytes:
    text = _article_text()
    third = len(text) // 3
    # at paragraph starts well inside the text
    a = text.index("\n\n", third) + 2
    b = text.index("\n\n", 2 * third) + 2
    data = (text[:a] + MOJIBAKE + "\n\n" + text[a:b] + ZERO_WIDTH + "\n\n" + text[b:]).encode()
    return data + b"\n" + STRAY_BYTE + b"\n"


def _unchunked(data: bytes, settings: Settings):
    """The ordinary check of ``data``, whatever CHUNK_CHARS the test set."""
    saved = chunks.CHUNK_CHARS
    chunks.CHUNK_CHARS = len(data) + 1
    try:
        return check_bytes(data, "news.txt", settings)
    finally:
        chunks.CHUNK_CHARS = saved


def _key(f):
    return (f.code, f.start, f.end, f.start_pos, f.end_pos, f.match, f.message, repr(f.details), f.fix)


@pytest.fixture
def small_chunks(monkeypatch):
    """Chunks of 3,000 characters: the test text is cut into about seven."""
    monkeypatch.setattr(chunks, "CHUNK_CHARS", 3_000)
    return 3_000


# -- where chunks are cut ---------------------------------------------------------


def test_chunks_tile_the_text_and_end_at_blank_lines():
    text = _article_text()
    spans = chunk_spans(text, 3_000)
    assert len(spans) >= 6
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:]))  # consecutive, no gap
    at_blank_lines = 0
    for start, end in spans[:-1]:
        assert end - start <= 3_000
        assert text[end - 1] == "\n"  # never inside a line
        if "\n\n" in text[start + 1_500 : start + 3_000]:
            # after the last blank line of the chunk's second half
            assert text[end - 2 : end] == "\n\n" and "\n\n" not in text[end - 1 : start + 3_000]
            at_blank_lines += 1
    assert at_blank_lines >= 2


def test_chunk_falls_back_to_a_line_break_then_to_a_whole_long_line():
    # no blank line: cut after the last line break
    assert chunk_spans("aaaa\nbbbb\ncccc\n", 12) == [(0, 10), (10, 15)]
    # one line longer than a chunk is one chunk, never cut inside
    long_line = "word " * 10 + "\nnext line\n"
    assert chunk_spans(long_line, 8) == [(0, 51), (51, 61)]
    # a CRLF blank line is a blank line
    assert chunk_spans("one two\r\n\r\nthree four\r\n", 14) == [(0, 11), (11, 23)]


def test_chunk_document_gives_whole_text_lines():
    doc = ChunkDocument("abc\ndef ghi\n", first_line=9)
    assert doc.position(5).line == 11 and doc.position(5).column == 2
    assert doc.line_text(11) == "def ghi"


# -- same findings as unchunked ---------------------------------------------------


def test_damage_inside_chunks_gives_the_same_findings(small_chunks, monkeypatch):
    data = _damaged_bytes()
    settings = Settings()
    made = []

    class CountedChunk(ChunkDocument):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            made.append(self.first_line)

    monkeypatch.setattr(chunks, "ChunkDocument", CountedChunk)
    whole = check_bytes(data, "news.txt", settings)
    assert len(made) >= 6 and made[0] == 0  # it was checked in chunks
    chunked_keys = {_key(f) for f in whole.findings}

    unchunked = _unchunked(data, settings)
    unchunked_keys = {_key(f) for f in unchunked.findings}

    text = whole.document.text
    planted = {
        "MJ001": text.index("â€™"),
        "EN005": text.index("\u200b"),
        "EN002": text.index("\ufffd"),
    }
    for code, offset in planted.items():
        here = [k for k in chunked_keys if k[0] == code and k[1] <= offset < k[2] + 1]
        assert here, code
        assert set(here) == {k for k in unchunked_keys if k[0] == code and k[1] <= offset < k[2] + 1}
    # the spans index the whole text, and line/column are the whole text's
    for f in whole.findings:
        assert text[f.start : f.end] == f.match
        line_start = text.rfind("\n", 0, f.start) + 1
        assert (f.start_pos.line, f.start_pos.column) == (text.count("\n", 0, f.start) + 1, f.start - line_start + 1)
    # a repeat whose first copy is in the same chunk: same span, same offset of the first copy
    # (and not running up to the chunk's end: unchunked, the block may go on)
    ends = [end for _, end in chunk_spans(text, small_chunks)]
    repeats = [k for k in chunked_keys if k[0] == "DU001" and all(not (k[1] < e <= k[2] + 3) for e in ends)]
    assert repeats and set(repeats) <= unchunked_keys
    # the stray byte: its byte offset is the file's, its line the whole text's
    en002 = next(f for f in whole.findings if f.code == "EN002")
    assert en002.details["byte_offset"] == data.index(b"\xe9")
    assert f"line {text.count(chr(10), 0, planted['EN002']) + 1}" in en002.message


def test_encoding_and_mojibake_findings_are_all_the_same(small_chunks):
    """These categories look at a place, not at the document: chunking
    changes none of their findings."""
    data = _damaged_bytes()
    settings = Settings()
    chunked = check_bytes(data, "news.txt", settings)
    unchunked = _unchunked(data, settings)
    local = ("encoding", "mojibake", "punctuation")
    a = sorted(_key(f) for f in chunked.findings if f.category in local)
    b = sorted(_key(f) for f in unchunked.findings if f.category in local)
    assert a == b and len(a) >= 3


def test_one_score_over_the_whole_text(small_chunks):
    data = _damaged_bytes()
    result = check_bytes(data, "news.txt", Settings())
    from detector.engine import score_of

    assert result.text_length == len(result.document.text)
    assert result.score == score_of(result.findings, len(result.document.text))
    assert result.language == "en"


def test_file_level_rules_report_once(small_chunks):
    text = _article_text()
    # mixed line endings: the CRLF lines are in a later chunk only
    cut = text.index("\n\n", 4 * len(text) // 5)
    mixed = (text[:cut] + text[cut:].replace("\n", "\r\n")).encode()
    result = check_bytes(mixed, "news.txt", Settings())
    en013 = [f for f in result.findings if f.code == "EN013"]
    assert len(en013) == 1
    # the first of the rarer kind (CRLF is rarer: it is in the last fifth)
    assert en013[0].start == mixed.decode().index("\r\n")
    # UTF-16: reported once, at the start
    result = check_bytes(codecs_utf16(text), "news.txt", Settings())
    assert [(f.start, f.end) for f in result.findings if f.code == "EN010"] == [(0, 0)]


def codecs_utf16(text: str) -> bytes:
    return b"\xff\xfe" + text.encode("utf-16-le")


def test_suppression_comment_in_a_later_chunk_is_honoured(small_chunks):
    data = _damaged_bytes()
    text = data.decode("utf-8", errors="replace")
    assert "EN005" in {f.code for f in check_data(data, "news.txt", Settings()).findings}
    at = data.index(ZERO_WIDTH.encode())
    silenced = data[:at] + b"<!-- detector-disable-next-line EN005 -->\n" + data[at:]
    result = check_data(silenced, "news.txt", Settings())
    assert "EN005" not in {f.code for f in result.findings}
    assert "DT001" not in {f.code for f in result.findings}  # it did silence something
    assert text  # (the damage was there)


def test_fixes_apply_to_the_whole_file(small_chunks, tmp_path):
    data = _damaged_bytes()
    path = tmp_path / "news.txt"
    path.write_bytes(data)
    chunked = check_data(data, "news.txt", Settings(select=("MJ", "EN")))
    outcome = fix_file(path, "news.txt", data, chunked)
    fixed = path.read_bytes()
    assert outcome.written
    assert "The minister’s office".encode() in fixed
    assert "pass\u200bword".encode() not in fixed and b"password" in fixed
    # exactly what the unchunked check fixes
    unchunked = _unchunked(data, Settings(select=("MJ", "EN")))
    other = tmp_path / "other.txt"
    other.write_bytes(data)
    fix_file(other, "news.txt", data, unchunked)
    assert other.read_bytes() == fixed


def test_jsonl_records_are_not_chunked(small_chunks):
    text = _damaged_bytes().decode("utf-8", errors="replace")
    line = json.dumps({"id": "a", "text": text}).encode() + b"\n"

    def codes():
        results = list(check_jsonl(io.BytesIO(line), "c.jsonl", Settings(), "text", "id", lambda m: None))
        return sorted(_key(f) for r in results for f in r.findings)

    small = codes()
    chunks.CHUNK_CHARS = 10_000_000  # (restored by the fixture)
    assert codes() == small


def test_small_texts_are_not_chunked(monkeypatch):
    calls = []
    monkeypatch.setattr(chunks, "check_in_chunks", lambda *a, **k: calls.append(a))
    check_bytes(_damaged_bytes(), "news.txt", Settings())
    assert calls == []


@pytest.mark.parametrize("text", [
    "one\ntwo\n", "one\ntwo", "one\r\ntwo\r\n\r\nfour", "a\rb\nc\r", "\n\nx\n", "", "x",
])
def test_whole_text_lines_are_those_of_a_document(text):
    from detector.chunks import WholeText
    from detector.document import Document

    whole, doc = WholeText(text), Document(text)
    for line in range(1, len(doc.lines) + 1):
        assert whole.line_text(line) == doc.line_text(line)
    with pytest.raises(IndexError):
        whole.line_text(len(doc.lines) + 1)


def test_chunked_result_carries_a_light_whole_text(small_chunks):
    from detector.chunks import WholeText

    result = check_bytes(_damaged_bytes(), "news.txt", Settings())
    from detector.parallel import portable

    shown = portable(result).document  # the lines the reporters show
    assert isinstance(result.document, WholeText) and "lines" not in result.document.__dict__
    assert all(shown.line_text(f.start_pos.line) == result.document.text.splitlines()[f.start_pos.line - 1]
               for f in result.findings)
    assert result.document.decoding.invalid_bytes  # the file's own decoding, for fixes


def test_the_whole_file_rules_are_those_about_the_decoding():
    """Encoding, BOM and line endings: judged once per file, never per chunk."""
    from detector.registry import all_rules

    assert {r.code for r in all_rules() if r.whole_file} == {"EN010", "EN013", "EN014"}


@pytest.mark.parametrize("ending", ["\r", "\r\n"])
def test_cr_and_crlf_texts_are_cut_at_their_line_ends(small_chunks, ending):
    """A lone CR ends a line (detector.segment): a CR-only file is cut into
    chunks like an LF one, never between the CR and LF of a CRLF, and its
    findings keep the lines and columns of the unchunked check."""
    data = _damaged_bytes().replace(b"\n", ending.encode())
    text = data.decode("utf-8", "replace")
    spans = chunks.chunk_spans(text, small_chunks)
    assert len(spans) >= 5
    assert all(text[end - 1] in "\r\n" and not text.startswith("\n", end) for _, end in spans[:-1])
    settings = Settings()
    chunked = check_bytes(data, "news.txt", settings)
    unchunked = _unchunked(data, settings)
    local = ("encoding", "mojibake", "punctuation")
    a = sorted(_key(f) for f in chunked.findings if f.category in local)
    b = sorted(_key(f) for f in unchunked.findings if f.category in local)
    assert a == b and len(a) >= 3
