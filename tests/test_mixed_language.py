"""Mixed-language rules (ML001–ML006) and the injected foreign sentence (IN001).

Every expected span below was checked by hand against its text.
"""

from __future__ import annotations

import pytest

from conftest import findings_of
from detector.finding import Severity


def found(text, **settings):
    """[(code, match)] of the ML and IN001 findings, in text order."""
    settings.setdefault("language", "en")
    fs = findings_of(text, select=("ML", "IN001"), **settings)
    return [(f.code, f.match) for f in fs]


def severities(text, **settings):
    settings.setdefault("language", "en")
    return {f.match: f.severity for f in findings_of(text, select=("ML", "IN001"), **settings)}


# -- other script: fragments, sentences, lines --------------------------------------------


def test_korean_fragment_has_exact_boundaries():
    text = "The Chinese side stands ready to work with Russia,” Xi 말했다, in the call."
    assert found(text) == [("ML001", "말했다")]


def test_korean_run_joins_words_and_inner_comma_but_not_edges():
    text = "They spoke about 중국, 너무 and other things."
    assert found(text) == [("ML001", "중국, 너무")]


def test_russian_run_is_named_russian():
    fs = findings_of("Он сказал, что Moscow is ready.", select=("ML001",), language="en")
    assert [(f.code, f.match) for f in fs] == [("ML001", "Он сказал, что")]
    assert "Russian" in fs[0].message


@pytest.mark.parametrize(
    "text, language",
    [
        ("Officials said Той каза, че няма да дойде and left.", "Bulgarian"),  # no ъ: the letters say Russian
        ("Officials said Влада Србије је данас усвојила закон and left.", "Serbian"),
        ("Officials said у нас немає часу and left.", "Ukrainian"),  # є decides
    ],
)
def test_cyrillic_language_is_identified_where_letters_do_not_decide(text, language):
    fs = findings_of(text, select=("ML001",), language="en")
    assert len(fs) == 1 and fs[0].message.startswith(f"{language} text")


def test_sentence_sharing_a_number_is_untranslated_not_injected():
    text = "Xi spoke to Putin. 시진핑은 푸틴 대통령과 69번째 생일에 통화했습니다. It was his 69th birthday."
    assert found(text) == [("ML002", "시진핑은 푸틴 대통령과 69번째 생일에 통화했습니다.")]


def test_sentence_whose_numbers_appear_nowhere_else_is_also_injected():
    text = "Xi spoke to Putin. 알래스카 의사는 5명의 환자가 사망한 후 3년형을 선고받았습니다. It was his birthday."
    fs = findings_of(text, select=("ML", "IN001"), language="en")
    sentence = "알래스카 의사는 5명의 환자가 사망한 후 3년형을 선고받았습니다."
    assert sorted((f.code, f.match, f.category) for f in fs) == [
        ("IN001", sentence, "injected"),
        ("ML002", sentence, "mixed-language"),
    ]


def test_sentence_with_no_name_or_number_is_only_untranslated():
    text = "Xi spoke to Putin. 시진핑은 푸틴 대통령과 생일에 통화했습니다. It was his birthday."
    assert found(text) == [("ML002", "시진핑은 푸틴 대통령과 생일에 통화했습니다.")]


def test_foreign_script_line():
    text = "The Kremlin noted the conversation was warm.\n방금 본\nMore text."
    assert found(text) == [("ML003", "방금 본")]


# -- other script: legitimate foreign text --------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Xi Jinping (习近平) met the press.",
        "The mayor of Seoul (서울) spoke first.",
        "Vladimir Putin (Владимир Путин) answered.",
    ],
)
def test_native_script_gloss_after_a_name_is_fine(text):
    assert found(text) == []


def test_quoted_or_presented_foreign_text_is_info():
    assert severities("The sign read “출입금지” in red letters.") == {"출입금지": Severity.INFO}
    assert severities("The word Россия appears twice.") == {"Россия": Severity.INFO}


@pytest.mark.parametrize(
    "text",
    [
        "He said вЂњwe will winвЂќ and left.",  # curly quotes decoded as windows-1251
        "The coach said вЂ the team was ready.",
        "Fans chanted â€œFreddy, Freddyâ€ all night.",  # windows-1252 mojibake
        "TV perso\u2068nality Dr. Phil visited her, they said.",  # a word cut by a bidi control
    ],
)
def test_mojibake_and_cut_words_are_not_foreign_text(text):
    assert found(text) == []


def test_expected_language_and_allow_silence_findings():
    text = "Xi 말했다 in the call, and 러시아의 우크라이나 침공 was discussed."
    assert found(text) == [("ML001", "말했다"), ("ML001", "러시아의 우크라이나 침공")]
    assert found(text, languages=("ko",)) == []
    assert found(text, allow=("말했다",)) == [("ML001", "러시아의 우크라이나 침공")]


def test_korean_document_does_not_flag_hangul():
    text = "시진핑 주석은 푸틴 대통령과 통화했습니다. 두 정상은 협력을 약속했습니다."
    assert found(text, language="ko") == []


# -- same script: fragments, clauses, sentences, lines -----------------------------------------


def test_german_words_inside_an_english_sentence():
    text = "The minister said the talks were nicht einfach but useful."
    assert found(text) == [("ML004", "nicht einfach")]


def test_german_word_pair_with_umlaut():
    text = "The government will unterstützung finden for the plan."
    assert found(text) == [("ML004", "unterstützung finden")]


def test_fragment_message_names_the_language():
    fs = findings_of("The minister said the talks were nicht einfach but useful.", select=("ML004",), language="en")
    assert fs[0].message == "German words 'nicht einfach' inside an English sentence; likely left untranslated"
    assert fs[0].details["language"] == "de"


def test_german_sentence_between_english_sentences():
    text = "The talks ended on Friday. Die Regierung hat das Gesetz nicht verabschiedet. Both sides left."
    assert found(text) == [("ML005", "Die Regierung hat das Gesetz nicht verabschiedet.")]


def test_german_clause_between_commas():
    text = "He said the plan was, wie man so sagt, a good one."
    assert found(text) == [("ML005", "wie man so sagt")]


def test_spanish_line_in_an_english_document():
    text = "The talks ended on Friday.\nEl presidente dijo que no habrá cambios en el gobierno este año.\nBoth sides left."
    assert found(text) == [("ML006", "El presidente dijo que no habrá cambios en el gobierno este año.")]


def test_french_sentence_with_a_name_inside():
    text = "Results came late. Nous vous remercions de contacter Mme David au numéro suivant. Thanks."
    assert found(text) == [("ML005", "Nous vous remercions de contacter Mme David au numéro suivant.")]


# -- same script: near misses that must stay clean ---------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # established loanwords
        "The status quo is, per se, a déjà vu of Realpolitik at the café.",
        "It was a fait accompli, a coup d'état in all but name, said the bon vivant.",
        "The kindergarten teacher felt schadenfreude and angst about the zeitgeist.",
        # names, places, brands, titles
        "Angela Merkel met Emmanuel Macron at the Élysée Palace, the Süddeutsche Zeitung reported.",
        "Juan Carlos de la Cruz joined Deutsche Bank after a spell at Banco Santander.",
        "Salih al-Mutlak met officials of Le Monde and El País in São Paulo.",
        "She studied at the École normale supérieure; the Parti socialiste and the Assemblée nationale voted.",
        "Leonardo da Vinci, Alexis de Tocqueville and Ludwig van Beethoven won the Copa del Rey.",
        # acronyms, numbers, URLs, hashtags, handles
        "The SPD and the CDU agreed on 2,500 euros per head.",
        "See https://example.de/nachrichten/regierung-beschluss and #Bundesregierung or @spiegelonline.",
        # long or rare real English words, glued English words
        "They tried to counterbalance the underloved summiteers with antithetically haughtier moves.",
        "They signed ano limitspartnership last year.",
        # possessives of English words
        "The minister's plan and the premier's speech matched the club's view.",
    ],
)
def test_same_script_near_misses_are_clean(text):
    assert found(text) == []


def test_quoted_same_script_word_is_info():
    text = 'Sarkozy pledged to clear the streets of "racaille" last year.'
    assert severities(text) == {"racaille": Severity.INFO}


def test_expected_language_silences_same_script_findings():
    text = "The minister said the talks were nicht einfach but useful."
    assert found(text, languages=("de",)) == []


def test_german_document_is_not_checked_against_english_words():
    text = "Die Regierung hat das Gesetz nicht verabschiedet, sagte der Minister am Freitag."
    assert found(text, language="de") == []


def test_same_script_rules_are_deterministic():
    text = "The talks ended on Friday. Die Regierung hat das Gesetz nicht verabschiedet. The plan was nicht einfach."
    first = findings_of(text, select=("ML",), language="en")
    second = findings_of(text, select=("ML",), language="en")
    assert [(f.code, f.start, f.end, f.confidence) for f in first] == [
        (f.code, f.start, f.end, f.confidence) for f in second
    ]


def test_langdetect_backend_is_selectable():
    from detector.config import Settings
    from detector.engine import check_text

    text = "The talks ended on Friday. Die Regierung hat das Gesetz nicht verabschiedet. Both sides left."
    settings = Settings(select=("ML005",), language="en", rules=(("ML005", (("langid_backend", "langdetect"),)),))
    fs = check_text(text, settings).findings
    assert [(f.code, f.match) for f in fs] == [("ML005", "Die Regierung hat das Gesetz nicht verabschiedet.")]


def test_unknown_backend_is_reported_by_name():
    from detector.config import Settings
    from detector.engine import check_text
    from detector.errors import DetectorError

    text = "The talks ended on Friday. Die Regierung hat das Gesetz nicht verabschiedet. Both sides left."
    settings = Settings(select=("ML005",), language="en", rules=(("ML005", (("langid_backend", "bogus"),)),))
    with pytest.raises(DetectorError, match="bogus"):
        check_text(text, settings)


def test_message_article_agrees_with_the_language_name():
    from detector.config import Settings
    from detector.engine import check_text

    text = "El ministro dijo 말했다 hoy en la reunión con los otros países de la región."
    [f] = check_text(text, Settings(select=("ML001",))).findings
    assert "inside a Spanish sentence" in f.message
    [f] = check_text("The minister 말했다 today.", Settings(select=("ML001",))).findings
    assert "inside an English sentence" in f.message


# -- a set language the text is plainly not in --------------------------------------------

SEED_002 = "fixtures/seeds/002_cf4130f4cd584bf7.txt"


def _seed_002() -> str:
    from conftest import ROOT

    return (ROOT / SEED_002).read_text(encoding="utf-8")


@pytest.mark.parametrize("select", [("ML004",), ("ML005",), ("ML004", "ML005", "ML006")])
def test_english_text_set_to_german_is_said_once_not_flagged_word_by_word(select):
    # The reviewer's case: `--language de` on an English article made ML004
    # call English words Indonesian and French, sentence after sentence.
    fs = findings_of(_seed_002(), select=select, language="de")
    assert [(f.code, f.start, f.end, f.severity) for f in fs] == [(select[0], 0, 0, Severity.INFO)]
    assert fs[0].details == {"language": "en", "main_language": "de"}
    assert fs[0].message.startswith("the text reads as English, not German, its set language")


def test_text_in_its_set_language_gets_no_note():
    assert findings_of(_seed_002(), select=("ML004", "ML005", "ML006"), language="en") == []
    text = "Die Regierung hat das Gesetz nicht verabschiedet, sagte der Minister am Freitag."
    assert findings_of(text, select=("ML004", "ML005", "ML006"), language="de") == []


def test_english_words_in_a_german_text_are_named_english():
    # The words are in the French lists too (`continue`, `offer`, `mutual`);
    # the language identifier is sure they are English.
    text = (
        "Die Regierung hat am Montag gesagt, dass sie die Gespräche mit der Opposition fortsetzen wird. "
        "Der Minister sagte, man werde continue to offer mutual support in den kommenden Wochen. "
        "Die Verhandlungen seien schwierig, aber die Stimmung sei gut gewesen, sagte er am Abend.\n"
    )
    [f] = findings_of(text, select=("ML004", "ML005", "ML006"), language="de")
    assert (f.code, f.match, f.details) == ("ML004", "continue to offer mutual", {"language": "en"})
    assert f.message.startswith("English words 'continue to offer mutual' inside a German sentence")


def test_a_language_guess_the_model_does_not_share_is_not_plain(monkeypatch):
    from detector import langid_backends
    from detector.document import Document
    from detector.rules._text_language import text_language_differs

    doc = Document(_seed_002(), language="de")
    monkeypatch.setattr(langid_backends, "identify", lambda text, k, backend: [("en", 0.6)])
    assert text_language_differs(doc) is None  # the model is not sure
    doc = Document(_seed_002(), language="de")
    monkeypatch.setattr(langid_backends, "identify", lambda text, k, backend: [("nl", 0.99)])
    assert text_language_differs(doc) is None  # the model names another language than the guess
    doc = Document(_seed_002(), language="de")
    monkeypatch.setattr(langid_backends, "identify", lambda text, k, backend: [("en", 0.99)])
    assert text_language_differs(doc) == "en"


def test_a_short_or_mixed_text_is_never_plainly_in_another_language():
    # too few function words to tell: the rules look as usual, with no note
    short = "The minister said the talks were useful and that they would go on."
    assert [f for f in findings_of(short, select=("ML004", "ML005", "ML006"), language="de") if f.start == f.end] == []
    mixed = ("Die Regierung hat das Gesetz nicht verabschiedet, sagte der Minister. " * 3
             + "The talks ended on Friday and the two sides said that they would meet again. " * 3)
    assert [f for f in findings_of(mixed, select=("ML004", "ML005", "ML006"), language="en") if f.start == f.end] == []


@pytest.mark.parametrize("eol", ["\n", "\r\n", "\r"])
def test_a_german_line_is_a_line_whatever_its_line_ending(eol):
    text = (f"The Kremlin noted the conversation was warm.{eol}"
            f"Kommentare sind geschlossen und werden nicht mehr angezeigt.{eol}The talks lasted an hour.{eol}")
    fs = findings_of(text, select=("ML004", "ML005", "ML006"), language="en")
    assert [(f.code, f.match, f.start_pos.line) for f in fs] == [
        ("ML006", "Kommentare sind geschlossen und werden nicht mehr angezeigt.", 2)]
