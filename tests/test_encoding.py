"""Encoding rules (EN): raw bytes, lost characters, invisible and deceptive characters."""

from __future__ import annotations

import codecs

import pytest

from conftest import FIXTURES, findings_of, spans
from detector.config import Settings
from detector.engine import check_bytes
from detector.errors import SkipFile
from detector.reading import decode, looks_binary

ENCODING_FIXTURES = FIXTURES / "encoding"


def en(text: str, code: str | None = None, path: str = "<text>"):
    """(code, match) of EN findings in ``text``."""
    from detector.engine import check_text

    result = check_text(text, Settings(select=("EN", "MJ")), path=path)
    return spans(result.findings, code)


def from_bytes(data: bytes, select=("EN", "MJ")):
    result = check_bytes(data, "x.txt", Settings(select=select))
    return result


# -- bytes → text -------------------------------------------------------------------

@pytest.mark.parametrize("encoding,bom", [
    ("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE),
    ("utf-32-le", codecs.BOM_UTF32_LE), ("utf-32-be", codecs.BOM_UTF32_BE),
])
@pytest.mark.parametrize("with_bom", [True, False])
def test_utf16_and_utf32_are_decoded_and_reported(encoding, bom, with_bom):
    text = "Grüße aus Köln, the city’s — 東京 too.\n"
    data = (bom if with_bom else b"") + text.encode(encoding)
    result = from_bytes(data)
    assert result.document.text == text
    assert result.document.decoding.encoding == encoding
    assert [(f.code, f.start, f.end) for f in result.findings] == [("EN010", 0, 0)]
    assert encoding.upper().replace("-LE", " little-endian").replace("-BE", " big-endian") in result.findings[0].message


def test_invalid_utf8_reports_byte_offset_and_line_then_continues():
    data = "first line\nthe caf".encode() + b"\xe9" + " is open. Itâ€™s fine.\n".encode()
    result = from_bytes(data)
    codes = [(f.code, f.match) for f in result.findings]
    assert codes == [("EN002", "\ufffd"), ("MJ001", "Itâ€™s")]
    message = result.findings[0].message
    assert "0xE9" in message and "at byte 18" in message and "line 2" in message
    assert "Windows-1252 'é'" in message


@pytest.mark.parametrize("text,encoding,label", [
    ("Le café crème coûte 3 € ; naïve “élève” — déjà vu.\n" * 3, "cp1252", "Windows-1252"),
    ("日本語のテキストです。東京都に住んでいます。\n" * 3, "shift_jis", "Shift-JIS"),
    ("中文文本测试，北京市欢迎你。我们今天去公园。\n" * 3, "gb18030", "GB18030"),
    ("한국어 텍스트입니다. 서울에 살고 있습니다.\n" * 3, "euc_kr", "EUC-KR"),
    ("Привет, как дела? Всё хорошо, спасибо.\n" * 3, "cp1251", "Windows-1251"),
    ("Zażółć gęślą jaźń, w Łodzi pada śnieg.\n" * 3, "cp1250", "Windows-1250"),
])
def test_legacy_encoding_is_detected_decoded_and_reported(text, encoding, label):
    result = from_bytes(text.encode(encoding))
    assert result.document.text == text
    assert result.document.decoding.detected
    assert [(f.code, f.start, f.end) for f in result.findings] == [("EN014", 0, 0)]
    assert label in result.findings[0].message


def test_one_stray_byte_is_invalid_utf8_not_a_legacy_file():
    text, info = decode(b"ok \xe9 ok")
    assert text == "ok \ufffd ok" and not info.detected and info.invalid_raw == [b"\xe9"]


def test_nul_bytes_in_utf8_text_are_reported_not_skipped():
    data = b"Total\x00\x00 12 items in the basket and more text around it.\n"
    assert not looks_binary(data)
    result = from_bytes(data)
    assert [(f.code, f.match) for f in result.findings] == [("EN012", "\x00\x00")]
    assert result.findings[0].fix.replacement == "" and result.findings[0].fix.safe


def test_binary_files_are_still_skipped():
    with pytest.raises(SkipFile):
        check_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", "x.png", Settings())


def test_bom_in_the_middle():
    data = codecs.BOM_UTF8 + "Part one.\n".encode() + codecs.BOM_UTF8 + "Part two.\n".encode()
    result = from_bytes(data)
    assert [(f.code, f.start, f.end) for f in result.findings] == [("EN011", 10, 11)]


def test_mixed_line_endings_reported_once_at_the_rarer_kind():
    data = b"one\r\ntwo\r\nthree\nfour\r\n"
    result = from_bytes(data)
    [f] = result.findings
    assert (f.code, f.start, f.end, f.match) == ("EN013", 15, 16, "\n")
    assert "3 × CRLF, 1 × LF" in f.message and f.start_pos.line == 3


def test_consistent_line_endings_are_fine():
    assert from_bytes(b"one\r\ntwo\r\n").findings == []
    assert from_bytes(b"one\ntwo\n").findings == []


# -- EN001 ------------------------------------------------------------------------------

def test_replacement_character():
    assert en("The province\ufffds budget and \ufffd\ufffd more.") == [
        ("EN001", "\ufffd"), ("EN001", "\ufffd\ufffd")]


# -- EN003: `?` for a lost quote, apostrophe or dash ----------------------------------

def test_lossy_question_marks_in_syndicated_news():
    text = ("The province?s budget rose. ?We have to act,? the minister said. "
            "They?re not sure. CAIRO (AFP) ? France will help.\n? Super Bowl XLII")
    found = [(f.code, f.start, f.details["lost"]) for f in findings_of(text, ("EN003",))]
    assert found == [
        ("EN003", 12, "apostrophe"), ("EN003", 28, "opening quote"), ("EN003", 44, "closing quote"),
        ("EN003", 69, "apostrophe"), ("EN003", 95, "dash"), ("EN003", 115, "bullet or dash"),
    ]
    assert all(text[o] == "?" for _, o, _ in found)


def test_lossy_question_mark_fixes_are_unsafe():
    [f] = findings_of("It?s here.", ("EN003",))
    assert f.fix.replacement == "\u2019" and not f.fix.safe


@pytest.mark.parametrize("text", [
    "Why? Because it is there. Really?! He asked \"what?\" and left.",
    "Who said that? Nobody knows. (Why?) [sic?] Is it 5? Or 6?",
    "See https://example.com/page.php?id=3&x=it?s and www.x.com/?q=a for more. It?s odd.",
    "Is it true?? I can't believe it!?",
])
def test_real_questions_and_urls_are_not_lossy(text):
    found = [f.start for f in findings_of(text, ("EN003",))]
    assert found == ([text.index("It?s") + 2] if "It?s" in text else [])


def test_weak_patterns_need_strong_evidence_in_the_same_text():
    # A lone ` ? ` between words is not enough on its own.
    assert findings_of("Options: tea ? coffee. Choose one.", ("EN003",)) == []
    assert [f.start for f in findings_of("It?s tea ? coffee.", ("EN003",))] == [2, 9]


def test_french_space_before_question_mark_is_not_a_dash():
    text = ("Qu’est-ce que c’est ? Je ne sais pas. Pourquoi ? Parce que la province?s "
            "budget a augmenté. Vraiment ? Oui, c’est vrai et nous sommes d’accord avec vous.")
    assert [text[f.start - 8 : f.start + 2] for f in findings_of(text, ("EN003",), language="fr")] == [
        "province?s"]


# -- EN004 controls ------------------------------------------------------------------

def test_c0_controls_are_reported_tab_and_newlines_are_not():
    assert en("bell\x07 and escape \x1b[31m red\tok\r\nend\x7f.") == [
        ("EN004", "\x07"), ("EN004", "\x1b"), ("EN004", "\x7f")]


def test_c1_controls_are_mojibake_not_controls():
    assert en("the province\x92s budget") == [("MJ001", "province\x92s")]


# -- EN005 zero-width --------------------------------------------------------------------

def test_zero_width_next_to_words_and_spaces():
    found = findings_of("the trailer of\u200b the movie, US\u200c defense and word \u2060 word", ("EN005",))
    assert [(f.match, f.start) for f in found] == [("\u200b", 14), ("\u200c", 29), ("\u2060", 48)]
    assert "inside a word" not in found[0].message


def test_direction_marks_only_in_lines_without_rtl_text():
    found = findings_of("plain\u200e English\nשלום\u200f עולם", ("EN006",))
    assert [(f.match, f.start, f.severity.value, f.fix.safe) for f in found] == [
        ("\u200e", 5, "warning", True)]


def test_soft_hyphen_and_lookalikes_inside_mojibake_are_left_to_mj001():
    assert [f.code for f in findings_of("la categorÃ\xada and the вЂњquoteвЂќ", ("EN", "MJ"))] == [
        "MJ001", "MJ001"]


def test_zero_width_inside_latin_words():
    found = findings_of("pass\u200bword and Mo\u2060scow and na\u200dive", ("EN005",))
    assert [(f.match, f.fix.replacement) for f in found] == [("\u200b", ""), ("\u2060", ""), ("\u200d", "")]


@pytest.mark.parametrize("text", [
    "family 👨\u200d👩\u200d👧 emoji",   # ZWJ sequence
    "می\u200cخواهم بروم",                # Persian ZWNJ
    "क्\u200dष Devanagari",               # Indic ZWJ
])
def test_zero_width_with_a_function_is_left_alone(text):
    assert findings_of(text, ("EN005",)) == []


# -- EN006 bidi -----------------------------------------------------------------------

def test_bidi_controls_trojan_source():
    found = findings_of('access = "user\u202e \u2066// admin\u2069\u2066"', ("EN006",))
    assert [f.match for f in found] == ["\u202e", "\u2066", "\u2069\u2066"]
    assert all(f.severity.value == "error" and not f.fix.safe for f in found)


def test_bidi_controls_in_rtl_text_are_warnings():
    found = findings_of("שלום \u202bעולם\u202c end", ("EN006",))
    assert [(f.match, f.severity.value) for f in found] == [("\u202b", "warning"), ("\u202c", "warning")]


# -- EN007 soft hyphens ----------------------------------------------------------------

def test_soft_hyphen_inside_words():
    found = findings_of("infor\u00admation and a real-world hyphen", ("EN007",))
    assert [(f.match, f.start) for f in found] == [("\u00ad", 5)]


# -- EN008 look-alikes ------------------------------------------------------------------

def test_latin_words_with_cyrillic_lookalikes_and_the_reverse():
    found = findings_of("Flights to Mоscow and Pаris. В Москвa идёт снег.", ("EN008",))
    assert [(f.match, f.fix.replacement) for f in found] == [
        ("Mоscow", "Moscow"), ("Pаris", "Paris"), ("Москвa", "Москва")]
    assert "Cyrillic look-alike 'о'" in found[0].message


@pytest.mark.parametrize("text", [
    "a 5 μm filter and an α-helix, the β-version",
    "Xi Jinping (习近平) met Путин in Москва and Αθήνα.",
    "Ελληνικά and English and русский side by side.",
    "The Δ-variant and ΩmegaCorp",  # Greek letters that are no look-alikes
])
def test_real_mixed_script_text_is_not_a_homoglyph(text):
    assert findings_of(text, ("EN008",)) == []


# -- EN009 HTML entities --------------------------------------------------------------------

def test_unrendered_html_entities():
    found = findings_of("Rock &amp; Roll, don&#8217;t, caf&#xE9;, a&nbsp;b, &amp;quot;hi&amp;quot;", ("EN009",))
    assert [(f.match, f.fix.replacement) for f in found] == [
        ("&amp;", "&"), ("&#8217;", "\u2019"), ("&#xE9;", "é"), ("&nbsp;", "\xa0"),
        ("&amp;quot;", '"'), ("&amp;quot;", '"')]
    assert all(f.fix.safe for f in found)


@pytest.mark.parametrize("text,path", [
    ("AT&T and R&D; Q&A; a && b; x &y; &nosuch;", "<text>"),
    ("Rock &amp; Roll", "page.html"),
    ("Rock &amp; Roll", "README.md"),
    ("ad.php?site=x&amp;section=1 and x.cgi?a=1&#38;b=2", "<text>"),  # leaked markup, not prose
])
def test_not_entities_or_markup_files(text, path):
    assert en(text, "EN009", path=path) == []


# -- clean text: no finding at all --------------------------------------------------------

CLEAN = [
    "SÃO PAULO (Reuters) — O governador disse que a economia cresceu.",
    "Prices: £5, €10, © 2024 ACME™, ½ cup, 30 °C, ± 2 µm.",
    "Ο «Παναθηναϊκός» κέρδισε. Ο Ζαΐρ και η Ελλάδα.",
    "Привет, «мир» — всё хорошо, ёлки-палки.",
    "北京欢迎你。東京タワーに行きました。한국어 문장입니다.",
    "Emoji: 😀 👍🏽 👨\u200d👩\u200d👧 🇫🇷 ✅",
    "naïve café résumé Zoë Brontë Øresund Łódź Ñandú İstanbul Öğretmenliğinde",
    "Qu’à cela ne tienne, l’été sera chaud. It’s “fine” – really.",
    "Xi Jinping (习近平) said counterbalance, 3.14159 and https://example.org/?q=1",
    "Why? Because. Really?! He asked \"what?\" (Why?)",
]


@pytest.mark.parametrize("text", CLEAN)
def test_clean_multilingual_text_has_no_finding(text):
    assert en(text) == []


def test_clean_fixture_file_has_no_finding():
    data = (ENCODING_FIXTURES / "clean_multilingual.txt").read_bytes()
    assert from_bytes(data).findings == []


def test_lossy_runs_lone_lines_and_dashes_after_a_full_stop():
    text = "It?s here.\nPortuguês | ??? | ????\n?\nSport in school. ? AFP\nWhat??? Really?"
    found = [(f.match, f.details["lost"]) for f in findings_of(text, ("EN003",))]
    assert found == [
        ("?", "apostrophe"), ("???", "characters of another script"),
        ("????", "characters of another script"), ("?", "symbol"), ("?", "dash"),
    ]


def test_a_question_before_lossy_mojibake_is_left_to_mj002():
    text = "She asked what to do with it?â??, and It?s fine."
    found = [(f.code, f.start) for f in findings_of(text, ("EN003", "MJ002"))]
    assert found == [("MJ002", 29), ("EN003", 40)]


def test_words_glued_across_scripts_are_not_homoglyphs():
    assert findings_of("компаниейT.T.A. и MoscowАэропорт", ("EN008",)) == []
    assert [f.match for f in findings_of("Tο πρώτο", ("EN008",))] == ["Tο"]


def test_utf8_with_stray_bytes_is_not_taken_for_a_legacy_file():
    result = from_bytes(b"caf\xe9 and na\xc3\xafve, \x81 and more\n")
    assert not result.document.decoding.detected
    assert [(f.code, f.start) for f in result.findings] == [("EN002", 3), ("EN002", 16)]


@pytest.mark.parametrize("text,lost", [
    ("WASHINGTON (Reuters) ? The Bush administration said.", "dash"),
    ("GLENDALE ? Oklahoma started well.", "dash"),
    ("left without paying for the jacket,? Mike Horn said.", "closing quote"),
    ("It failed and went back down.?\nAir Canada said so.", "closing quote"),
    ("She cemented the actress/singer?s place.", "apostrophe"),
])
def test_lossy_patterns_no_question_takes_count_on_their_own(text, lost):
    [f] = findings_of(text, ("EN003",))
    assert text[f.start] == "?" and f.details["lost"] == lost


@pytest.mark.parametrize("text", [
    "Is it legal in the U.S.?", "Who? Me? Not sure.", "NEW YORK? Really? Yes.",
    "He asked: \"Why me?\" and \"Why now?\"",
])
def test_questions_that_look_like_lossy_patterns(text):
    assert findings_of(text, ("EN003",)) == []


def test_a_right_to_left_mark_alone_does_not_make_a_line_rtl():
    found = findings_of("the work sch\u200fedule might change", ("EN006",))
    assert [(f.match, f.start) for f in found] == [("\u200f", 12)]


# -- EN003: a real question mark inside a quotation opened by a lost quote --------
# (clean articles of the seed-11 suite: `?Sound like heaven? ? asks`, `?What for? You …`)


def test_en003_question_inside_a_lost_quotation_is_not_its_closing_quote():
    # `? ?` stays ambiguous (a question and a lost closing quote, or a lost
    # closing quote and a lost dash): the first `?` closes, as before.
    text = "he had grown up on ?tuppenny bloods? ? the children?s comics.\n"
    found = [(f.start, f.details["lost"]) for f in findings_of(text, ("EN003",))]
    assert found == [(19, "opening quote"), (35, "closing quote"), (37, "dash"), (51, "apostrophe")]
    text = "He replied, ?What for? You have given us one of the best days of our lives?. It?s humbling.\n"
    found = [(f.start, f.details["lost"]) for f in findings_of(text, ("EN003",))]
    assert found == [(12, "opening quote"), (text.index("lives?") + 5, "closing quote"), (text.index("It?s") + 2, "apostrophe")]


def test_en003_closing_quote_before_a_capital_when_nothing_else_closes():
    text = "He said ?No? Then he left. It?s over.\n"
    found = [(f.start, f.details["lost"]) for f in findings_of(text, ("EN003",))]
    assert found == [(8, "opening quote"), (11, "closing quote"), (29, "apostrophe")]


def test_en003_quoted_word_in_a_title_case_headline_closes_at_once():
    # The quotation asks nothing: `Liberal?` closes it although a capital follows.
    text = "Recent Posts\nA ?Liberal? Victory for Romney? It?s early.\n"
    found = [(f.start, f.details["lost"]) for f in findings_of(text, ("EN003",))]
    assert found == [(15, "opening quote"), (23, "closing quote"), (text.index("It?s") + 2, "apostrophe")]


def test_the_registry_gets_every_encoding_rule_from_the_split_modules():
    """The EN rules live in four private modules and are registered through
    ``RULES`` of ``detector.rules.encoding``: a rule added to one of those
    modules but not to ``RULES`` would silently never run."""
    import inspect

    import detector.rules.encoding as encoding
    from detector.registry import all_rules
    from detector.rule import Rule
    from detector.rules import _encoding_bytes, _encoding_deceptive, _encoding_invisible, _encoding_lost

    defined = {
        cls for module in (_encoding_bytes, _encoding_deceptive, _encoding_invisible, _encoding_lost)
        for cls in vars(module).values()
        if inspect.isclass(cls) and issubclass(cls, Rule) and cls.__module__ == module.__name__
    }
    assert set(encoding.RULES) == defined
    assert [r.code for r in encoding.RULES] == [f"EN{n:03d}" for n in range(1, 15)]
    registered = [r.code for r in all_rules() if r.code.startswith("EN")]
    assert registered == [f"EN{n:03d}" for n in range(1, 15)]
    # Public names stay importable from where they were.
    for name in ("REPLACEMENT_RUN", "encoding_label", "has_mojibake_pair", "lossy_question_marks", "unmix"):
        assert hasattr(encoding, name)


_QUESTION_CONTEXTS = [
    "It?s", "They?RE here", "Dadullah?who", "?We have", "(?Step Up", "CAIRO (AFP) ? France",
    "WASHINGTON (Reuters) ? The", "jacket,? Mike", "went back down.?\n", "Português | ??? | ????",
    "\n?\n", "\n? Super Bowl", "the Lakers? locker", "1990?2000", "restaurant,? reports", "x;?)",
    "Why? The", "what???", "(why?)", "it?â??s", "5?6", "a ? b", "? ?", "http://a.b/c?d=1&e=2", "\u00e9?\u00e0",
]


@pytest.mark.parametrize("context", _QUESTION_CONTEXTS)
def test_the_joined_lossy_pattern_picks_the_first_pattern_that_matches(context):
    """``_first_lossy`` joins ``_LOSSY_PATTERNS`` into one pattern: at every `?`
    it must pick the pattern (and the end) the patterns tried in order pick."""
    import regex

    from detector.rules._lossy import _LOSSY_PATTERNS, _first_lossy

    for skip in (False, True):
        patterns, joined = _first_lossy(skip)
        assert [p for p in _LOSSY_PATTERNS if not (skip and p[3])] == list(patterns)
        alone = [regex.compile(source, regex.MULTILINE) for source, *_ in patterns]
        for text in (context, f"Some words {context} more words.", f"{context}\nNEXT ? line"):
            for pos, char in enumerate(text):
                if char != "?":
                    continue
                expected = next(((i, m.end()) for i, p in enumerate(alone) if (m := p.match(text, pos))), None)
                m = joined.match(text, pos)
                assert (m and (m.lastindex - 1, m.end())) == expected, (text, pos)


def _token_around_char_by_char(text, offset, limit=200):
    start = offset
    while start > 0 and not text[start - 1].isspace() and offset - start < limit:
        start -= 1
    end = offset + 1
    while end < len(text) and not text[end].isspace() and end - offset < limit:
        end += 1
    return text[start:end]


@pytest.mark.parametrize("text", [
    "see http://a.b/c?d=1 now", "?", "a?", "?b", " ? ", "x\x1cy?z\x1fw", "a\xa0b?c\u2028d", "a\u3000b?c\x85d",
    "w" * 300 + "?" + "v" * 300, "é?ü", "line\n?next",
])
def test_token_around_is_the_whitespace_delimited_token(text):
    from detector.rules._lossy import token_around

    for offset, char in enumerate(text):
        if char == "?":
            for limit in (1, 2, 5, 200):
                assert token_around(text, offset, limit) == _token_around_char_by_char(text, offset, limit)


# -- EN004 fixes: never glue two words ----------------------------------------------

@pytest.mark.parametrize("text, replacement", [
    ("bell\x07 and more", ""),  # a space follows: just remove
    ("\x07Start of text", ""),  # at the start
    ("end of text\x1b", ""),  # at the end
    ("line one\x0b\nline two", ""),  # a line break follows
    ("Page one.\x0cThe state.", "\n"),  # form feed between words: a line break
    ("one\x0btwo", "\n"),  # vertical tab
    ("one\x1ftwo", " "),  # unit separator between words: a space
    ("one\x1b\x7ftwo", " "),  # a run of controls
    ("end.\x07\x0cNext", "\n"),  # a run holding a form feed
])
def test_control_fix_keeps_words_apart(text, replacement):
    (f,) = findings_of(text, ("EN004",))
    assert f.fix.safe and f.fix.replacement == replacement
    assert text[f.start : f.end].strip("\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f\x10\x11\x12\x13\x14"
                                       "\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f\x7f") == ""


def test_fix_of_a_form_feed_between_sentences_keeps_them_apart(tmp_path):
    import subprocess
    import sys

    path = tmp_path / "a.txt"
    path.write_bytes(b"Page one.\x0cThe state.\n")
    subprocess.run([sys.executable, "-m", "detector", "check", "--fix", "-q", str(path)],
                   capture_output=True, cwd=tmp_path)
    assert path.read_bytes() == b"Page one.\nThe state.\n"
    second = subprocess.run([sys.executable, "-m", "detector", "check", "--format", "concise", str(path)],
                            capture_output=True, cwd=tmp_path)
    assert second.stdout == b"" and second.returncode == 0  # no SP001 on the second run
