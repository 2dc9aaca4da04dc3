"""Duplication rules: repeated sentences and blocks (DU001), repeated phrases
(DU002), doubled words (DU003)."""

from __future__ import annotations

import pytest

from conftest import findings_of, spans


def run(text, code):
    return findings_of(text, select=(code,), language="en")


A = "It was the second reported call between the two leaders since February 24."
B = "China has refused to condemn the invasion of Ukraine by its neighbour."
C = "Beijing is Moscow's largest trading partner, with trade volumes rising."
D = "The two sides last week unveiled the first road bridge linking the countries."


# -- DU001 ---------------------------------------------------------------------

def test_exact_repeat_reported_on_second_copy_with_pointer():
    text = f"{A}\n{B}\n{C}\n{A}\n"
    found = run(text, "DU001")
    assert spans(found) == [("DU001", A)]
    assert found[0].start == text.rindex(A)
    assert found[0].details["first"] == {"offset": 0, "line": 1}


def test_article_pasted_twice_is_one_block():
    text = f"{A} {B} {C} {D}\nAFP\n{B}\n{A}\nAFP\n{D}\n{C}\n"
    found = run(text, "DU001")
    second = text.index(f"\n{B}") + 1
    assert [(f.code, f.start, f.end) for f in found] == [("DU001", second, len(text) - 1)]
    assert found[0].details["sentences"] == 4


def test_near_duplicate_with_quote_style_and_one_word_changed():
    first = "China is “willing to continue to offer mutual support to Russia on issues of sovereignty and security,” he said."
    second = 'China is "willing to continue to offer mutual support to Russia on matters of sovereignty and security," he said.'
    found = run(f"{first}\n{B}\n{second}\n", "DU001")
    assert spans(found) == [("DU001", second)]
    assert "nearly" in found[0].message


@pytest.mark.parametrize(
    "text",
    [
        # short refrains are not sentences worth reporting
        "Thank you.\nYes.\nThank you.\n",
        # similar but different sentences
        f"{A}\nIt was the first reported call between the two leaders since the war began in May.\n",
        f"{A}\n{B}\n{C}\n{D}\n",
    ],
)
def test_no_duplicates(text):
    assert run(text, "DU001") == []


# -- DU002 ---------------------------------------------------------------------

def test_repeated_phrase_with_and():
    text = "China wants to advance global governance and global governance towards more just development."
    found = run(text, "DU002")
    assert spans(found) == [("DU002", "and global governance")]


def test_repeated_phrase_back_to_back():
    text = "The minister said in the in the statement that talks would go on."
    assert spans(run(text, "DU002")) == [("DU002", "in the")]


@pytest.mark.parametrize(
    "text",
    [
        "Prices rose more and more, again and again, step by step.",
        "This lady is as clean as clean can be.",
        "He found patterns and such and such properties.",
        "Good times, good times.",
        "I want to win and to win you need your best team.",
        "The Maestro Elite 5340, Maestro Elite 5360 and Maestro Elite 5390 ship today.",
        "The bridge links the countries. The countries agreed.",
    ],
)
def test_no_repeated_phrase(text):
    assert run(text, "DU002") == []


# -- DU003 ---------------------------------------------------------------------

def test_doubled_words():
    text = "He reduced the the sentence to to 39 years. The the court agreed."
    found = run(text, "DU003")
    assert spans(found) == [("DU003", "the the"), ("DU003", "to to"), ("DU003", "The the")]
    assert found[0].fix.replacement == "the"


def test_doubled_word_with_possessive_or_hyphen():
    text = "the nation nation's schools and the third third-party vendors"
    assert spans(run(text, "DU003")) == [("DU003", "nation nation's"), ("DU003", "third third-party")]


def test_glued_double():
    found = run("Their relations werewere at an all-time high.", "DU003")
    assert spans(found) == [("DU003", "werewere")]
    assert found[0].fix.replacement == "were"


@pytest.mark.parametrize(
    "text",
    [
        "What he had had was enough, and he said that that was fine.",
        "They flew to Bora Bora and then Walla Walla.",
        "Bye bye, so so, ha ha, very very good.",
        "In 2020 2021 was expected.",
        "They sang couscous songs about the dodo and a mahimahi.",
        "Hello.\nHello there, again.",
    ],
)
def test_no_doubled_words(text):
    assert run(text, "DU003") == []


def test_capitalised_glued_double():
    text = "Guests were entertained by Alexandria BeckBeck, the Canadian singer, and by bin LadenLaden."
    found = run(text, "DU003")
    assert spans(found) == [("DU003", "BeckBeck"), ("DU003", "LadenLaden")]
    assert found[0].fix.replacement == "Beck"


@pytest.mark.parametrize(
    "text",
    [
        # short halves and reduplicated place names are names, not slips
        "He played WiiWii games on a TomTom near BoraBora and ChaCha bars all night.",
        "The menu offered Puchipuchi candy and a DuranDuran tribute, said the owner.",
    ],
)
def test_capitalised_glued_double_near_misses(text):
    assert run(text, "DU003") == []


def test_doubled_name_used_alone_elsewhere():
    text = (
        "It was a bad night for England goalkeeper Paul Robinson Robinson.\n"
        "Robinson failed to deal with a long shot in the second half."
    )
    assert spans(run(text, "DU003")) == [("DU003", "Robinson Robinson")]


def test_doubled_acronym_used_alone_elsewhere():
    text = (
        "Saudi Arabia pumps the most oil in OPEC, the cartel said on Monday.\n"
        "OPEC OPEC oil accounts for about 40 percent of the world's supply."
    )
    found = run(text, "DU003")
    assert [(f.code, f.start, f.end) for f in found] == [("DU003", text.index("OPEC OPEC"), text.index("OPEC OPEC") + 9)]


@pytest.mark.parametrize(
    "text",
    [
        # an acronym the text never writes alone: no evidence of a slip
        "NATO NATO summit opens in Riga on Tuesday with leaders from all members.",
        # the acronym alone elsewhere only in lower case (a word, shouted)
        "OPEC OPEC oil accounts for most of the supply, and opec is a word here.",
        # a heading in capitals, not prose
        "Oil cartel OPEC meets today.\nOPEC OPEC\nThe ministers arrive in Vienna.",
    ],
)
def test_doubled_acronym_near_misses(text):
    assert run(text, "DU003") == []


@pytest.mark.parametrize(
    "text",
    [
        # a name only ever written doubled
        "Sirhan Sirhan was denied parole again on Wednesday, the board said. Sirhan is 77.",
        "They flew to Walla Walla on Monday and stayed the night there. Walla is small.",
        # short syllables of Chinese and Malay names
        "A state official Tan Kok Kok Hong told the newspaper on Monday. Kok said more.",
        # a name that is not used alone elsewhere: no evidence it is a slip
        "We are confident Magellan Magellan will continue to be a strong partner.",
        # the name doubled twice in the document: deliberate
        "Fans chanted Robinson Robinson at the start, and Robinson Robinson at the end. Robinson smiled.",
        # a heading
        "WELCOME WELCOME to the site of the club, where Welcome is our word.",
    ],
)
def test_doubled_name_near_misses(text):
    assert run(text, "DU003") == []


def test_runs_across_a_sentence_end_are_not_deliberate():
    # `Win Win Win` is a deliberate run; `the the. The` is a slip before a new sentence
    assert run("They shouted Win Win Win at the final whistle of the game.", "DU003") == []
    text = "He reduced it to to. To the court this was enough, they said."
    assert spans(run(text, "DU003")) == [("DU003", "to to")]


# -- the integrity fixtures: every family on one damaged and one clean text ------

INTEGRITY = ("DU", "SP", "PU", "CO")


def test_damaged_fixture_exact_findings():
    from conftest import FIXTURES

    text = (FIXTURES / "integrity" / "damaged.txt").read_text("utf-8")
    found = findings_of(text, select=INTEGRITY, language="en")
    assert [(f.code, f.match) for f in found] == [
        ("SP001", "countries.It"),
        ("SP001", "trade,”According"),
        ("PU001", "”"),
        ("PU003", "“"),
        ("DU003", "the the"),
        ("SP002", "andconstruction"),
        (
            "DU001",
            "The two sides last week unveiled the first road bridge linking the two countries.\n"
            "It connects the far eastern city of Blagoveshchensk with the northern Chinese city of Heihe.",
        ),
        ("DU002", "and long-term development"),
        ("PU002", "“landmark project.”"),
    ]
    for f in found:
        assert text[f.start : f.end] == f.match


def test_near_misses_fixture_is_clean():
    from conftest import FIXTURES

    text = (FIXTURES / "integrity" / "near_misses.txt").read_text("utf-8")
    assert findings_of(text, select=INTEGRITY, language="en") == []


def test_long_repeated_clause_after_comma():
    text = "Trade between the two countries rose sharply last year, and trade between the two countries rose sharply last year."
    assert spans(run(text, "DU002")) == [
        ("DU002", "and trade between the two countries rose sharply last year")
    ]


def test_doubled_words_by_language():
    assert findings_of("Die Frau, die die Zeitung liest, lacht.", select=("DU003",), language="de") == []
    assert findings_of("Ini anak anak saya yang paling kecil.", select=("DU003",), language="id") == []
    found = findings_of("Le chat a mangé le le poisson hier soir.", select=("DU003",), language="fr")
    assert spans(found) == [("DU003", "le le")]


@pytest.mark.parametrize(
    "text, match",
    [
        ("Jonah HillHill and Michael Cera starred in it.", "HillHill"),
        ("It was reallyreally going to be a landslide.", "reallyreally"),
        ("SAN FRANCISCO (APap) - One of the victims died.", "APap"),
    ],
)
def test_glued_doubles_of_any_case(text, match):
    assert spans(run(text, "DU003")) == [("DU003", match)]


@pytest.mark.parametrize(
    "text",
    [
        "Home\nLife & Style Travel Travel News\nWELCOME WELCOME MY PROTRADE\n",
        "Font Size: a a A A | Rank: 2,478 of 8,058\n",
        "Bills Bills Bills and a Gareth were there for the show today.\n",
        "Tech Digest\nWiiWii\nCHCH NEWS\nPosted By: meowmeow at 5 PM\n",
        "ZZzzzz give it a rest about Amir, the tomtom and the byebye.\n",
    ],
)
def test_no_doubled_words_in_menus_and_names(text):
    assert run(text, "DU003") == []


# -- the candidate scans find every line a word-by-word check would ---------------
# DU002 and DU003 tokenize only the lines or sentences that a scan of the
# lower-cased text marks; these cases sit at the edges of the scans.

SCAN_EDGES = [
    ("It opened at 1.5am am sharp, the report said today.", [("DU003", "am am")]),
    ("They are werewere werewere here now.",
     [("DU003", "werewere"), ("DU003", "werewere werewere"), ("DU003", "werewere")]),
    ("He said ‘global governance and global governance’ will come.", [("DU002", "and global governance")]),
    ("We want global governance and global governance--the end of it.", [("DU002", "and global governance")]),
    ("We want global  governance and global governance for all of us.", [("DU002", "and global governance")]),
    ("It was the the’ and more text here.", [("DU003", "the the")]),
    ("He bought third-party third-party-led services in the city.", [("DU003", "third-party third-party-led")]),
    ("He said don't don't do it again to the man.", [("DU003", "don't don't")]),
    ("The oil-rich rich state said that it was fine.", [("DU003", "oil-rich rich")]),
    # a word glued to a number: its key word is `5am`, not `am`
    ("It opened at 1.5am sharp am sharp today, the report said.", [("DU002", "am sharp")]),
    ("The 2,000km road and km road was built in a year and a half.", [("DU002", "and km road")]),
    # a document that is not plain: its plain sentences use the key words
    ("Der Straße nach.\nWe want global governance and global governance for all.",
     [("DU002", "and global governance")]),
    ("Die Straße wird global governance and global governance.",
     [("DU002", "and global governance")]),
    # and its lines: a plain one is scanned, the others checked whole
    ("In the café the the waiter\u00a0was was late.\nHe said that the the end was near.",
     [("DU003", "the the"), ("DU003", "was was"), ("DU003", "the the")]),  # a match shows spaces
]
SCAN_NEAR_MISSES = [
    "The COVID-19 COVID-19 case rose.",  # an all-capital run: a heading
    "He said that that was fine, and the nation's nation was calm.",
    "Go to www.the the.com now.\nthe\nthe end",
    "global governance.\nglobal governance and more",
    "It is what it is is what he said, more and more and more.",
    "Visit example.com/the the site or mail the@the.org the the",
    "Sumler, Sayja 1-7 1-5 3; Hicks, Alisha 0-1 0-0 0; the the-5 5 haha-5 5 abab 1 1a 1a",  # scores
]


@pytest.mark.parametrize("text, expected", SCAN_EDGES)
def test_scan_edge_cases(text, expected):
    assert spans(findings_of(text, select=("DU002", "DU003"), language="en")) == expected


def _every_line_checked(monkeypatch):
    from detector.rules import _doubled_words, _repeat_scans, duplication

    for module in (_repeat_scans, _doubled_words):
        monkeypatch.setattr(module, "_lowered", lambda doc: None)
    for module in (_repeat_scans, duplication):
        monkeypatch.setattr(module, "sentence_words", lambda doc: None)
    monkeypatch.setattr(duplication, "_phrase_sentences", lambda doc: [(s.start, s.end) for s in doc.sentences])


@pytest.mark.parametrize(
    "text", [t for t, _ in SCAN_EDGES] + SCAN_NEAR_MISSES
    + [f"{A} {A}\n{B}, and {B}\n{C}\n{C}\n{D} {B}\n{A}\n"]
)
def test_scans_find_what_a_check_of_every_line_finds(text, monkeypatch):
    def all_findings():
        return [(f.code, f.start, f.end, f.message) for f in findings_of(
            text, select=("DU001", "DU002", "DU003"), language="en")]

    scanned = all_findings()
    _every_line_checked(monkeypatch)
    assert all_findings() == scanned


def test_scans_on_the_fixtures_match_a_check_of_every_line(monkeypatch):
    from conftest import FIXTURES

    texts = [p.read_text("utf-8") for p in sorted(FIXTURES.rglob("*.txt"))]
    assert texts

    def all_findings():
        return [[(f.code, f.start, f.end, f.message) for f in findings_of(
            t, select=("DU001", "DU002", "DU003"), language="en")] for t in texts]

    scanned = all_findings()
    _every_line_checked(monkeypatch)
    assert all_findings() == scanned


def test_duplicate_blocks_split_by_a_new_long_sentence():
    text = f"{A}\n{B}\n{A}\n{D}\n{B}\n"
    found = run(text, "DU001")
    assert [(f.code, f.match) for f in found] == [("DU001", A), ("DU001", B)]
    assert [f.details["first"]["line"] for f in found] == [1, 2]
