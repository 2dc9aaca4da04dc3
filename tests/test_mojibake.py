"""Mojibake (MJ001): damaged spans, their cause, and fixes that restore the original."""

from __future__ import annotations

import pytest

from conftest import findings_of
from rules.mojibake import redecode

# Our own sentences in many languages (not copied from any corpus).
ORIGINALS = [
    "It’s the province’s “new” budget — €12 m, up 5 %…",
    "Le café de l’Élysée coûte 3 € ; naïve élève, déjà vu, cœur.",
    "Die Straße in Köln: Grüße für Fußgänger, Bürger und Ärzte.",
    "¿Dónde está Señor Muñoz? ¡Qué día!",
    "Zażółć gęślą jaźń — Łódź i Kraków.",
    "Öğretmenler İstanbul’da toplandı; çocuklar şarkı söyledi.",
    "Hà Nội là thủ đô của Việt Nam.",
    "В Москве сегодня снег, «ёлки» стоят.",
    "Ο Ολυμπιακός κέρδισε στην Αθήνα.",
    "東京タワーは高いです。北京欢迎你。서울에 갑니다.",
    "Emoji 😀 and ✓ and → arrows.",
    "한국 정부는 전담 조직을 만들었다.",  # `전` holds byte 0xA0: a no-break space in the mojibake
]


def sloppy_cp1252(text: str) -> str:
    """UTF-8 bytes read as Windows-1252 (undefined bytes kept as Latin-1 controls)."""
    return "".join(
        bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in text.encode("utf-8")
    )


def apply_fixes(text: str, findings) -> str:
    for f in sorted(findings, key=lambda f: -f.start):
        if f.fix:
            text = text[: f.start] + f.fix.replacement + text[f.end :]
    return text


@pytest.mark.parametrize("original", ORIGINALS)
@pytest.mark.parametrize("damage", [sloppy_cp1252, lambda s: s.encode("utf-8").decode("latin-1")],
                         ids=["windows-1252", "latin-1"])
def test_fixes_restore_the_original_exactly(original, damage):
    damaged = damage(original)
    assert damaged != original
    found = findings_of(damaged, ("MJ",))
    assert found and all(f.fix is not None and f.fix.safe for f in found)
    assert apply_fixes(damaged, found) == original
    assert findings_of(original, ("MJ",)) == []  # and the result is clean


def test_cp1252_mojibake_span_and_cause():
    [f] = findings_of("He said Itâ€™s fine.", ("MJ001",))
    assert (f.start, f.end, f.match) == (8, 14, "Itâ€™s")
    assert f.fix.replacement == "It’s"
    assert "UTF-8 read as Windows-1252" in f.message


def test_adjacent_damaged_words_merge_into_one_span():
    [f] = findings_of("The â€œnew budgetâ€\x9d passed.", ("MJ001",))
    assert f.match == "â€œnew budgetâ€\x9d" and f.fix.replacement == "“new budget”"


def test_lossy_mojibake_is_reported_without_a_fix():
    # The last byte of `”` (0x9D, undefined in Windows-1252) was dropped.
    found = findings_of("The â€œnew budgetâ€ passed.", ("MJ001",))
    assert [(f.match, f.fix and f.fix.replacement, f.severity.value) for f in found] == [
        ("â€œnew", "“new", "error"), ("budgetâ€", None, "warning")]


def test_merged_words_damaged_differently_are_judged_one_by_one():
    found = findings_of("eÄŸitim dünyasÄ±nÄ±n", ("MJ001",))
    assert [(f.match, f.fix and f.fix.replacement) for f in found] == [
        ("eÄŸitim", "eğitim"), ("dünyasÄ±nÄ±n", None)]


def test_double_encoded_utf8():
    [f] = findings_of("It was Ã¢â‚¬Å“greatÃ¢â‚¬Â\x9d indeed.", ("MJ001",))
    assert f.fix.replacement == "“great”"
    assert "double-encoded UTF-8" in f.message


def test_utf8_read_as_windows_1251():
    [f] = findings_of("Заголовок: РџСЂРёРІРµС‚ РјРёСЂ", ("MJ001",))
    assert f.match == "РџСЂРёРІРµС‚ РјРёСЂ" and f.fix.replacement == "Привет мир"
    assert "UTF-8 read as Windows-1251" in f.message


def test_utf8_read_as_macroman():
    found = findings_of("Here‚Äôs the plan, caf√© included.", ("MJ001",))
    assert [(f.match, f.fix.replacement) for f in found] == [("Here‚Äôs", "Here’s"), ("caf√©", "café")]
    assert all("UTF-8 read as MacRoman" in f.message for f in found)


def test_windows_1252_punctuation_read_as_latin1():
    [f] = findings_of("the province\x92s budget", ("MJ001",))
    assert f.fix.replacement == "province’s"


def test_non_latin_text_read_as_windows_1252():
    damaged = sloppy_cp1252("Дом и сад")
    [f] = findings_of(damaged, ("MJ001",))
    assert f.fix.replacement == "Дом и сад"


@pytest.mark.parametrize("text", [
    "SÃO PAULO (Reuters) — the state of SÃO PAULO said",
    "Prices: £5, €10, © 2024 ACME™, ½ cup, ¼ inch, 30 °C",
    "Qu’à cela ne tienne, l’été sera chaud; L’ÉTÉ",
    "Öğretmenliğinde Enstitüsü‘dür Arınç’ın",
    "opportunità” and Zé” close quotes",
    "Ο «Παναθηναϊκός» και «Ολυμπιακός»",
    "Привет, «мир» — всё ёлки. СВЯЗЬ» Я»",
    "東京タワー 北京 한국어 😀 👍🏽",
    "————— a rule line and –– dashes",
    "naïve café résumé Zoë Brontë Øresund",
])
def test_clean_near_misses(text):
    assert findings_of(text, ("MJ",)) == []


def test_redecode_needs_every_run_to_decode():
    assert redecode("qu’à") is None  # `’à` alone would read as MacRoman `Ո`
    assert redecode("l’été") is None
    assert redecode("\ufffd\ufffd") is None


def test_unfixable_mojibake_is_a_warning_without_fix():
    # Mixed damage: a clean `ü` next to mojibake in the same word.
    [f] = findings_of("dünyasÄ±nÄ±n", ("MJ001",))
    assert f.fix is None and f.severity.value == "warning"


def test_lossy_mojibake_of_curly_quotes():
    text = "Camillaâ??s â??cursed cruise, she said â??Go.â?? Then wordâ??word and itâ€?s."
    found = findings_of(text, ("MJ",))
    assert [(f.code, f.start, f.fix.replacement if f.fix else None) for f in found] == [
        ("MJ002", 7, "’"), ("MJ002", 12, "“"), ("MJ002", 39, "“"), ("MJ002", 45, "”"),
        ("MJ002", 58, None), ("MJ002", 72, "’"),
    ]
    assert all(f.match in ("â??", "â€?") and not (f.fix and f.fix.safe) for f in found)


def test_a_re_decoding_that_leaves_a_symbol_inside_a_word_is_unsafe():
    [f] = findings_of("Sa gr\x89ce royale", ("MJ001",))
    assert f.fix.replacement == "gr‰ce" and not f.fix.safe


@pytest.mark.parametrize("damaged,original,safe", [
    ("// ¾îµðµç Á¢ÃËÇÏ¸é Æø¹ß", "// 어디든 접촉하면 폭발", True),  # Korean EUC-KR
    ("-- ÅÅÐòºó´ÓÇ°µ½ºó¾ÍÊÇÃû´ÎµÄÏÈºó", "-- 排序后从前到后就是名次的先后", False),  # Chinese GBK
])
def test_korean_and_chinese_legacy_encodings_read_as_windows_1252(damaged, original, safe):
    found = findings_of(damaged, ("MJ",))
    assert [f.code for f in found] == ["MJ003"]
    assert apply_fixes(damaged, found) == original and found[0].fix.safe == safe


def test_cjk_reading_needs_evidence():
    assert findings_of("Umlauts: ÄÖÜß and ÀÉÎÕ", ("MJ",)) == []
    # A text full of UTF-8 mojibake reads as Korean too (`Ã©` → `찾`): it stays MJ001's.
    text = "Le cafÃ© crÃ¨me, le thÃ©, la crÃªpe, Ã  cÃ´tÃ© de l'Ã©cole."
    assert {f.code for f in findings_of(text, ("MJ",))} == {"MJ001"}


@pytest.mark.parametrize("text", [
    "// ¾îµðµç Á¢ÃËÇÏ¸é Æø¹ß", "ÅÅÐòºó and ÅÅÐòºó", "naïve ÄÖÜß café", "Itâ€™s Ã© and ¾îµðµç Á¢ÃËÇÏ¸é",
    "plain ASCII only", "“quoted” — dash … and ÅÅÐòºó, Æø¹ß",
])
def test_cjk_mojibake_looking_only_in_the_non_ascii_runs_finds_the_same(text):
    """MJ001 and MJ003 give ``cjk_mojibake`` the document's runs of non-ASCII
    characters (shared): it must find there what a scan of the text finds."""
    from detector.document import Document
    from detector.rules._legacy_cjk import cjk_mojibake
    from detector.rules._non_ascii import non_ascii_runs

    assert cjk_mojibake(text, non_ascii_runs(Document(text))) == cjk_mojibake(text)


def test_non_ascii_characters_and_runs():
    from detector.document import Document
    from detector.rules._non_ascii import non_ascii_characters, non_ascii_runs

    doc = Document("a\u2019b \ud800 Москва x")
    assert non_ascii_runs(doc) == [(1, 2), (4, 5), (6, 12)]
    assert non_ascii_characters(doc) == "\u2019\ud800Москва"
    assert non_ascii_runs(Document("ascii")) == [] and non_ascii_characters(Document("ascii")) == ""
