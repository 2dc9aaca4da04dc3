"""``detector corrupt``: every kind of damage is labelled with its exact span.

Each kind is checked by undoing it: putting back what the damage replaced
(or removing what it inserted) at the labelled span must give back the
original text, and the span must hold exactly the damage (the foreign word,
the donor sentence, the copy, the garbled characters, the entity…).
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from detector.cli import app
from detector.corrupt import Damager, Material, corrupt_text, load_material, sentence_spans
from detector.damage import BIDI, INVISIBLE, KINDS, MOJIBAKE_CODECS, _ENTITY_SITES, typeset

EVAL = Path(__file__).resolve().parent.parent / "fixtures" / "eval"
ARTICLE = (EVAL / "article.txt").read_text(encoding="utf-8")
MATERIAL = load_material(EVAL / "foreign", EVAL / "donors.txt")
SEEDS = range(12)


def damaged(kind: str, seed: int, text: str = ARTICLE) -> tuple[str, list]:
    record = corrupt_text(text, "article", [kind], rate=0.001, seed=seed, material=MATERIAL)
    assert record["spans"], f"{kind} found no place in the article (seed {seed})"
    for start, end, category, label in record["spans"]:
        assert label == kind and category == KINDS[kind].category
        assert 0 <= start < end <= len(record["text"])
    return record["text"], record["spans"]


def one_span(kind: str, seed: int) -> tuple[str, int, int]:
    text, spans = damaged(kind, seed)
    assert len(spans) == 1
    return text, spans[0][0], spans[0][1]


# -- insertions: removing the span (and its separator) gives the original back ----------

INSERTED = {
    # kind: (separator before the span, separator after it)
    "foreign-sentence": (" ", ""),
    "foreign-sentence-latin": (" ", ""),
    "injected-sentence": (" ", ""),
    "duplicate-sentence": (" ", ""),
    "duplicate-sentence-far": (" ", ""),
    "duplicate-paragraph": ("\n", ""),
    "duplicate-paragraph-far": ("", "\n"),
    "doubled-word": (" ", ""),
    "glued-double": ("", ""),
    "invisible-char": ("", ""),
    "bidi-control": ("", ""),
    "dangling-quote": ("", ""),
}


@pytest.mark.parametrize("kind", sorted(INSERTED))
@pytest.mark.parametrize("seed", SEEDS)
def test_inserted_damage_is_exactly_the_span(kind, seed):
    text, start, end = one_span(kind, seed)
    before, after = INSERTED[kind]
    assert text[start - len(before):start] == before
    assert text[end:end + len(after)] == after
    assert text[:start - len(before)] + text[end + len(after):] == ARTICLE
    inserted = text[start:end]
    if kind == "foreign-sentence":
        assert inserted in MATERIAL.sentences["ko"]
    elif kind == "foreign-sentence-latin":
        assert inserted in MATERIAL.sentences["de"]
    elif kind == "injected-sentence":
        assert inserted in MATERIAL.donors
    elif kind in ("duplicate-sentence", "duplicate-paragraph"):
        # The copy follows its original directly.
        assert text[start - len(before) - len(inserted):start - len(before)] == inserted
    elif kind == "duplicate-paragraph-far":
        # A whole line, copied from a line at least two lines away.
        assert text[start - 1] == "\n" or start == 0
        lines = ARTICLE.split("\n")
        assert inserted in lines
        new_line = text[:start].count("\n")
        assert abs(lines.index(inserted) - new_line) >= 2
    elif kind == "duplicate-sentence-far":
        first = ARTICLE.index(inserted)
        assert abs(first + len(inserted) - (start - 1)) >= 300 or first > start
    elif kind in ("doubled-word", "glued-double"):
        previous = re.search(r"[A-Za-z-]+$", text[:start - len(before)]).group()
        assert inserted.lower() == previous.lower() and inserted.replace("-", "").isalpha()
    elif kind == "invisible-char":
        assert inserted in INVISIBLE
    elif kind == "bidi-control":
        assert inserted in BIDI
    elif kind == "dangling-quote":
        assert inserted in ("“", "”", '"')


def test_boilerplate_line_is_a_whole_line_from_the_list():
    for seed in SEEDS:
        text, start, end = one_span("boilerplate-line", seed)
        line = text[start:end]
        assert line in MATERIAL.boilerplate
        assert (start == 0 or text[start - 1] == "\n") and (end == len(text) or text[end] == "\n")
        if end < len(text):
            assert text[:start] + text[end + 1:] == ARTICLE
        else:
            assert text[:start - 1] == ARTICLE


# -- replacements: putting the original piece back gives the original text --------------


@pytest.mark.parametrize("kind,language", [("foreign-word", "ko"), ("foreign-word-latin", "de")])
@pytest.mark.parametrize("seed", SEEDS)
def test_foreign_words_replace_one_or_two_words(kind, language, seed):
    text, start, end = one_span(kind, seed)
    foreign = text[start:end]
    assert foreign in MATERIAL.words[language] + MATERIAL.pairs[language]
    suffix = text[end:]
    assert ARTICLE.startswith(text[:start]) and ARTICLE.endswith(suffix)
    replaced = ARTICLE[start:len(ARTICLE) - len(suffix)]
    assert re.fullmatch(r"[A-Za-z'’-]{3,}( [A-Za-z'’-]{3,})?", replaced)
    assert replaced.count(" ") == foreign.count(" ")


@pytest.mark.parametrize("seed", SEEDS)
def test_lossy_quotes_turn_one_quote_apostrophe_or_dash_into_a_question_mark(seed):
    text, start, end = one_span("lossy-quotes", seed)
    assert text[start:end] == "?"
    assert any(text[:start] + lost + text[end:] == ARTICLE for lost in ("'", '"', "-", "--"))


@pytest.mark.parametrize("seed", SEEDS)
def test_lossy_quotes_text_turns_every_quote_apostrophe_and_dash_into_a_question_mark(seed):
    text, spans = damaged("lossy-quotes-text", seed)
    lost = [m.group() for m in re.finditer(r"(?<=[A-Za-z])'(?=[A-Za-z])|\"|(?<= )-(?= )|--", ARTICLE)]
    assert len(spans) == len(lost) == 8  # 4 quotes, 3 apostrophes, 1 dash
    assert all(text[s:e] == "?" for s, e, *_ in spans)
    for (start, end, *_), original in sorted(zip(spans, lost), reverse=True):
        text = text[:start] + original + text[end:]
    assert text == ARTICLE


@pytest.mark.parametrize("seed", SEEDS)
def test_replacement_character_replaces_exactly_one_character(seed):
    text, start, end = one_span("replacement-char", seed)
    assert text[start:end] == "\ufffd"
    assert len(text) == len(ARTICLE)
    assert text[:start] + ARTICLE[start] + text[end:] == ARTICLE


@pytest.mark.parametrize("seed", SEEDS)
def test_html_entity_stands_for_the_character_it_replaced(seed):
    text, start, end = one_span("html-entity", seed)
    entity = text[start:end]
    assert ARTICLE.startswith(text[:start]) and ARTICLE.endswith(text[end:])
    original = ARTICLE[start:len(ARTICLE) - len(text[end:])]
    assert entity in _ENTITY_SITES[original]


@pytest.mark.parametrize("seed", SEEDS)
def test_glued_sentence_span_is_the_full_stop_and_the_next_letter(seed):
    text, start, end = one_span("glued-sentence", seed)
    assert end - start == 2 and text[start] in ".!?" and text[start + 1].isupper()
    assert text[:start + 1] + " " + text[start + 1:] == ARTICLE


@pytest.mark.parametrize("seed", SEEDS)
def test_glued_quote_spans_are_the_two_gaps(seed):
    text, spans = damaged("glued-quote", seed)
    assert len(spans) == 2
    (s1, e1, *_), (s2, e2, *_) = spans
    assert e1 - s1 == 2 and e2 - s2 == 2
    inner = text[s1 + 1:e2 - 1]
    outer = (text[:s1 + 1], text[e2 - 1:])
    candidates = [f'{outer[0]} {q}{inner}{r} {outer[1]}' for q, r in (("", ""), ('"', '"'), ("“", "”"))]
    assert ARTICLE in candidates


def test_glued_quote_strips_real_quotes_when_the_text_has_them():
    text = 'The council took a "firm and final" stand on Monday. It was late.'
    seen = set()
    for seed in SEEDS:
        record = corrupt_text(text, "q", ["glued-quote"], rate=0.001, seed=seed, material=MATERIAL)
        seen.add(record["text"])
    assert 'The council took afirm and finalstand on Monday. It was late.' in seen


# -- mojibake: the span decodes back to the typeset characters -------------------------

UNDO = {
    "sloppy-windows-1252": "cp1252",
    "latin-1": "latin-1",
    "mac_roman": "mac_roman",
    "windows-1251": "cp1251",
}


def _encode_sloppy(text: str, codec: str) -> bytes:
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode(codec)
        except UnicodeEncodeError:
            out.append(ord(ch))
    return bytes(out)


def unmojibake(span: str) -> str:
    """The text the garbled span came from (tries each codec, and two layers)."""
    for codec in UNDO.values():
        for layers in (1, 2):
            text = span
            try:
                for _ in range(layers):
                    text = _encode_sloppy(text, codec).decode("utf-8")
            except (UnicodeDecodeError, ValueError):
                continue
            if text != span and not text.isascii():
                if layers == 2 or not _could_peel_again(text, codec):
                    return text
    raise AssertionError(f"{span!r} is not mojibake of any known codec")


def _could_peel_again(text: str, codec: str) -> bool:
    try:
        again = _encode_sloppy(text, codec).decode("utf-8")
    except (UnicodeDecodeError, ValueError):
        return False
    return again != text


UNTYPESET = {"’": "'", "“": '"', "”": '"', "–": "-", "—": "--", "…": "..."}


def undo_mojibake(text: str, spans) -> str:
    for start, end, *_ in sorted(spans, reverse=True):
        text = text[:start] + unmojibake(text[start:end]) + text[end:]
    return "".join(UNTYPESET.get(c, c) for c in text)


@pytest.mark.parametrize("kind", ["mojibake-word", "mojibake-sentence", "mojibake-text"])
@pytest.mark.parametrize("seed", SEEDS)
def test_mojibake_spans_are_exactly_the_garbled_characters(kind, seed):
    text, spans = damaged(kind, seed)
    for start, end, *_ in spans:
        span = text[start:end]
        assert not span.isascii()
        assert not span[0].isspace() and not span[-1].isspace()
        # Each span starts and ends with garbled (non-ASCII) characters.
        assert not span[0].isascii() and not span[-1].isascii()
    assert undo_mojibake(text, spans) == ARTICLE
    # Outside the spans, nothing is garbled.
    outside = "".join(text[e:s] for (_, e, *_), (s, *_) in zip([(0, 0)] + spans, spans + [(len(text),)]))
    assert all(c.isascii() or c in UNTYPESET for c in outside)


def test_mojibake_word_of_an_apostrophe_word():
    for seed in SEEDS:
        text, spans = damaged("mojibake-word", seed, "We can't stop now, he said.")
        assert text[:6] == "We can" and text.endswith("t stop now, he said.")
        assert text[spans[0][0]:spans[0][1]] in {codec("’") for codec in MOJIBAKE_CODECS.values()}


def test_every_codec_garbles_a_curly_apostrophe_as_expected():
    assert MOJIBAKE_CODECS["sloppy-windows-1252"]("’") == "â€™"
    assert MOJIBAKE_CODECS["latin-1"]("’") == "â\x80\x99"
    assert MOJIBAKE_CODECS["mac_roman"]("’") == "‚Äô"
    assert MOJIBAKE_CODECS["windows-1251"]("’") == "вЂ™"
    assert MOJIBAKE_CODECS["double-utf-8"]("’") == "Ã¢â‚¬â„¢"


def test_typeset():
    assert typeset('"It\'s here" - now...') == "“It’s here” – now…"


# -- records as a whole --------------------------------------------------------------


def test_every_kind_has_a_test():
    tested = set(INSERTED) | {"boilerplate-line", "foreign-word", "foreign-word-latin", "lossy-quotes",
                              "lossy-quotes-text", "replacement-char", "html-entity", "glued-sentence", "glued-quote",
                              "mojibake-word", "mojibake-sentence", "mojibake-text"}
    assert tested == set(KINDS)


def test_same_seed_same_output_and_other_seeds_differ():
    kinds = list(KINDS)
    a = corrupt_text(ARTICLE, "x", kinds, rate=4, seed=7, material=MATERIAL)
    b = corrupt_text(ARTICLE, "x", kinds, rate=4, seed=7, material=MATERIAL)
    c = corrupt_text(ARTICLE, "x", kinds, rate=4, seed=8, material=MATERIAL)
    assert a == b
    assert a["text"] != c["text"]


def test_global_random_state_does_not_matter():
    random.seed(1)
    a = corrupt_text(ARTICLE, "x", list(KINDS), rate=3, seed=5, material=MATERIAL)
    random.seed(2)
    b = corrupt_text(ARTICLE, "x", list(KINDS), rate=3, seed=5, material=MATERIAL)
    assert a == b


@pytest.mark.parametrize("seed", SEEDS)
def test_many_kinds_at_once_keep_spans_apart_and_ignored_regions_intact(seed):
    # A don't-care region ('province?s') must keep pointing at the same text.
    text = ARTICLE.replace("mayor's", "mayor?s")
    q = text.index("mayor?s") + 5
    record = corrupt_text(text, "x", list(KINDS), rate=20, seed=seed, material=MATERIAL, ignore=[[q, q + 1]])
    out = record["text"]
    (s, e), = record["ignore"]
    assert out[s:e] == "?" and re.search(r"may\W*o\W*r\W*\?", out)
    spans = record["spans"]
    assert len(spans) >= 8
    for (s1, e1, *_), (s2, e2, *_) in zip(spans, spans[1:]):
        assert e1 <= s2, "spans overlap"
    for start, end, category, kind in spans:
        assert 0 <= start < end <= len(out)
        assert KINDS[kind].category == category


def test_more_damage_at_a_higher_rate_includes_the_damage_at_a_lower_one():
    low = corrupt_text(ARTICLE, "x", list(KINDS), rate=1, seed=3, material=MATERIAL)
    high = corrupt_text(ARTICLE, "x", list(KINDS), rate=6, seed=3, material=MATERIAL)
    assert len(high["spans"]) > len(low["spans"]) >= 1
    low_damage = sorted(low["text"][s:e] for s, e, *_ in low["spans"])
    high_damage = [high["text"][s:e] for s, e, *_ in high["spans"]]
    assert all(piece in high_damage for piece in low_damage)


def test_rate_zero_changes_nothing_and_carries_ignore_spans():
    record = corrupt_text("Some text?s here.", "x", list(KINDS), rate=0, seed=1, material=MATERIAL,
                          ignore=[[9, 10]])
    assert record["text"] == "Some text?s here." and record["spans"] == [] and record["ignore"] == [[9, 10]]


def test_kinds_without_a_place_are_skipped():
    record = corrupt_text("Hi.", "x", ["duplicate-sentence-far"], rate=1, seed=1, material=MATERIAL)
    assert record["spans"] == [] and record["text"] == "Hi."


def test_sentence_spans_do_not_split_after_abbreviations():
    text = "Mr. Smith met Dr. Jones in the U.S. capital. They talked."
    assert [text[s:e] for s, e in sentence_spans(text)] == [
        "Mr. Smith met Dr. Jones in the U.S. capital.", "They talked."]


def test_damager_refuses_edits_over_labelled_spans():
    d = Damager("abcdef", random.Random(1), Material(), spans=[[2, 4, "spacing", "k"]])
    assert not d.free(3, 5)
    with pytest.raises(AssertionError):
        d.edit(3, 5, "x")
    d.edit(0, 1, "XYZ")
    assert d.spans == [[4, 6, "spacing", "k"]] and d.text[4:6] == "cd"


# -- the command ---------------------------------------------------------------------


def test_cli_writes_deterministic_labelled_jsonl(tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"id": "a", "body": ARTICLE}) + "\n", encoding="utf-8")
    runner = CliRunner()
    outputs = []
    for name in ("one.jsonl", "two.jsonl"):
        result = runner.invoke(app, ["corrupt", str(source), "--text-field", "body", "--foreign", str(EVAL / "foreign"),
                                     "--donors", str(EVAL / "donors.txt"), "--rate", "3", "--seed", "4",
                                     "-o", str(tmp_path / name)])
        assert result.exit_code == 0, result.output
        outputs.append((tmp_path / name).read_text(encoding="utf-8"))
    assert outputs[0] == outputs[1]
    record = json.loads(outputs[0])
    assert record["id"] == "a~r3~s4" and record["source"] == "in.jsonl:a"
    assert {s[2] for s in record["spans"]} <= set(KINDS[k].category for k in KINDS)


def test_cli_rejects_a_kind_without_its_material(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    from detector.errors import DetectorError

    result = CliRunner().invoke(app, ["corrupt", str(tmp_path / "a.txt"), "--kinds", "injected"])
    assert isinstance(result.exception, DetectorError) and "--donors" in str(result.exception)


def test_cli_default_kinds_are_those_with_material(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    result = CliRunner().invoke(app, ["corrupt", str(tmp_path / "a.txt"), "--rate", "10", "--seed", "1"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    kinds = {s[3] for s in record["spans"]}
    assert kinds and not kinds & {"foreign-word", "injected-sentence", "foreign-sentence"}


def test_cli_warns_about_records_it_could_not_damage(tmp_path):
    (tmp_path / "a.txt").write_text("No quotes here at all", encoding="utf-8")
    result = CliRunner().invoke(app, ["corrupt", str(tmp_path / "a.txt"), "--kinds", "mojibake-word"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["spans"] == []
    assert "1 of 1 records got no damage" in result.stderr


def test_cli_rejects_a_jsonl_record_without_text(tmp_path):
    from detector.errors import DetectorError

    (tmp_path / "a.jsonl").write_text('{"id": 1, "text": 5}\n', encoding="utf-8")
    result = CliRunner().invoke(app, ["corrupt", str(tmp_path / "a.jsonl")])
    assert isinstance(result.exception, DetectorError) and "a.jsonl:1" in str(result.exception)
