"""The fast paths for ASCII (and typographic) text give exactly what the
`regex` paths give: tokens, sentences, the main language, DU001 keys."""

import random
import sys

import pytest
import regex

from detector import segment, sentences
from detector.document import Document
from detector.langid import _WORDS, _ASCII_NON_LETTERS
from detector.scripts import script_of
from detector.segment import TYPOGRAPHIC, fast_tokenizable
from detector.sentences import split_sentences
from detector.rules.duplication import _ascii_folded, sentence_key

SAMPLES = [
    "Go to example.com now, or www.example.org/path. Mail a.b@c.co.uk!",
    "It was said, according to state media.China is \"willing\". U.S. Dr. Smith said.It rose 3.5% to $1,200.",
    "The don’t-stop COVID-19 face-to-face Boeing-737 “quoted” — dash… end. FabriPaint.Com report.PDF",
    "said.It Kyiv.In profit.Net http://x.y/z’ “http://a.b” ’s e-mail foo@bar x@y.io.",
    "Mr. J. Smith met N.Taylor--TNT at 10:30 a.m. in Node.js.\nwrapped line\nnext line. ABC said",
    "\x1c odd \x1f control \x0b chars \x0c here.\r\nWindows line.  Two spaces.",
]


def _regex_tokens(text):
    out = []
    for m in segment._TOKEN.finditer(text):
        word, kind = m.group(), m.lastgroup
        if kind in ("word", "word_"):
            out.append((m.start(), m.end(), word, "word", "Latin" if word.isascii() else script_of(word)))
        else:
            out.append((m.start(), m.end(), word, kind, "Common"))
    return out


def _fuzz(seed, n=3000):
    rnd = random.Random(seed)
    pieces = list("ab Z09_.-+@:/'\"%,;!?)(<>]}{[\t\n\r") + list(TYPOGRAPHIC) + [
        "www.", "http://", ".com", "x.io", "a@b.co", "-19", "1.5", "don’t", "U.S.",
        "said.It", "Mr.", "ABC ", "I ", "media.China",
    ]
    return ["".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 25))) for _ in range(n)]


@pytest.mark.parametrize("text", SAMPLES + _fuzz(1))
def test_tokens_match_the_regex_tokenizer(text):
    assert fast_tokenizable(text)
    assert [tuple(t) for t in Document(text).tokens] == _regex_tokens(text)


def test_typographic_characters_are_no_word_characters():
    for c in TYPOGRAPHIC:
        for cls in (r"\w", r"\s", r"\p{L}", r"\p{M}", r"\p{N}"):
            assert not regex.match(cls, c, regex.VERSION1), (c, cls)
    assert not fast_tokenizable("café") and not fast_tokenizable("a\u00a0b")


@pytest.mark.parametrize("text", [s for s in SAMPLES + _fuzz(2) if s.isascii()])
def test_ascii_sentences_match_the_regex_splitter(text, monkeypatch):
    fast = split_sentences(text)
    monkeypatch.setattr(sentences, "_ASCII_BOUNDARY", sentences._BOUNDARY)
    assert fast == split_sentences(text)


def _latin_fuzz(seed, n):
    rnd = random.Random(seed)
    pieces = list("ab Z09.!?\"'()[]\t\n") + list(TYPOGRAPHIC) + list("ÀÉÖØÞßàéöøÿµªº¹²½¿¡«»×÷\xa0\x85") + [
        "É. Élan", "é. Été", "said.Élan", "Mr. É", "ÉÉÉ ", "x.\xa0Y", "a.\xa0b", "U.S.", "ß.", "½.", "e.g.",
        "word. ", "Word ", " ª", "º. ", "A ", "I ", "media.China",
    ]
    return ["".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 30))) for _ in range(n)]


@pytest.mark.parametrize("text", [s for s in SAMPLES + _fuzz(2) + _latin_fuzz(6, 3000) if not s.isascii()])
def test_latin1_and_typographic_sentences_match_the_regex_splitter(text, monkeypatch):
    assert sentences._scanner(text)[0] is sentences._LATIN_TEXT
    fast = split_sentences(text)
    monkeypatch.setattr(sentences, "_scanner", lambda text: (sentences._ANY_TEXT, text, sentences._BOUNDARY, None))
    assert fast == split_sentences(text)


@pytest.mark.parametrize(
    "text",
    [
        "It ended.A \nNew line.",  # a glued capital whose lookahead needs the trailing space
        "It ended.ABC \nx",
        "It ended..ABC \n",
        "Ends.\t \nNext. \x0cOdd space. Then more.",
        "One. Two!? Three… “Four.” Five.\n\n  six wraps\nhere. Seven.",
    ],
)
def test_one_scan_of_the_text_splits_as_a_scan_of_each_block(text):
    # the splitter before the whole-text scan: each block scanned alone
    def per_block(text):
        out = []
        for block_start, block_end in zip(*sentences._blocks(text, segment.line_spans(text), sentences._CONTINUES.match)):
            sub = split_sentences(text[:block_end])  # the block is the text's end: nothing after it to see
            out += [s for s in sub if s.start >= block_start]
        return out

    assert split_sentences(text) == per_block(text)


@pytest.mark.parametrize("text", [s for s in SAMPLES + _fuzz(3, 500) if s.isascii()])
def test_ascii_keys_and_language_words(text):
    doc = Document(text)
    folded = _ascii_folded(doc)
    for s in doc.sentences:
        assert " ".join(folded[s.start : s.end].split()) == sentence_key(text[s.start : s.end])
    low = text.lower()
    assert low.translate(_ASCII_NON_LETTERS).split() == _WORDS.findall(low)


# -- the language guess: the byte-table path gives what the general path gives

LATIN_SENTENCES = [
    "The cat sat on the mat and it was happy, said the owner.",
    "Der Hund und die Katze sind nicht im Haus, sagte er.",
    "Le chat est dans la maison et il ne sort pas pour le moment.",
    "El perro y el gato están en la casa con los niños.",
    "Il gatto è nella casa con il cane e non esce per la notte.",
    "O cão e o gato estão na casa com as crianças e não saem.",
    "De hond en de kat zijn niet in het huis, maar op straat.",
    "Pies i kot nie są w domu, ale jest to tylko na chwilę.",
    "Köpek ve kedi bu evde değil, ama çok daha sonra gelecek.",
    "Hunden och katten är inte i huset, men det var en gång.",
    "Anjing dan kucing tidak ada di dalam rumah ini untuk itu.",
    "Con chó và con mèo không có trong nhà của những người này.",
    "“Quoted” — a dash… £5 and €6 ‘single’ • bullets © ® ™ ° in the text.",
    "", "123 456 !!!", "“—”",
]


@pytest.mark.parametrize("text", LATIN_SENTENCES + [a + "\n" + b for a, b in zip(LATIN_SENTENCES, LATIN_SENTENCES[1:])])
def test_language_byte_table_path_matches_the_general_path(text):
    from detector.langid import _guess_any_script, guess_main_language

    assert guess_main_language(Document(text)) == _guess_any_script(text.lower())


def test_language_guess_of_typographic_english_takes_the_fast_path(monkeypatch):
    from detector import langid

    text = "“The minister said that it was not the end,” the agency reported — £5m."
    monkeypatch.setattr(langid, "_guess_any_script", lambda sample: pytest.fail("general path"))
    assert langid.guess_main_language(Document(text)) == "en"
    assert langid.guess_main_language(Document("Der Mann sagte, „das ist nicht gut“ – und ging.")) == "de"


@pytest.mark.parametrize("text", [s for s in SAMPLES + _fuzz(4, 500) if not s.isascii()])
def test_typographic_keys_match_the_regex_keys(text):
    from detector.rules._repeat_scans import sentence_words

    doc = Document(text)
    assert sentence_words(doc) == [sentence_key(text[s.start : s.end]).split() for s in doc.sentences]


@pytest.mark.parametrize(
    "text",
    SAMPLES + ["Straße STRASSE ﬁne Σίσυφος ΟΔΟΣ İstanbul", "e\u0301te\u0301 café ½am x²y 漢字かな 말했다.",
               "Şi ţară. Ünïcödé—“quoted”\u00a0nbsp\u2028line ٣٤ Ⅻ no"]
    + [s for s in _fuzz(5, 500) if not fast_tokenizable(s)]
    + ["".join(random.Random(i).choice("aß İ.Σ\u0301½é ,x") for _ in range(30)) for i in range(300)],
)
def test_keys_of_any_text_match_the_regex_keys(text):
    from detector.rules._repeat_scans import sentence_words

    doc = Document(text)
    assert sentence_words(doc) == [sentence_key(text[s.start : s.end]).split() for s in doc.sentences]


@pytest.mark.parametrize(
    "text",
    [
        "the the der die das",  # 2 English votes, 3 German: German
        "the and der die",  # a tie between English and German: English
        "die die die the",  # German
        "de la the",  # Spanish/French/… words outnumber English
        "Pies i kot nie są w domu, the end.",
    ],
)
def test_english_shortcut_gives_the_vote_result(text):
    from detector.langid import _STOPWORD_BYTES, _vote_latin, guess_main_language
    from collections import Counter

    words = text.lower().encode("utf-8").split()
    expected = _vote_latin(Counter(w for w in words if w in _STOPWORD_BYTES), _STOPWORD_BYTES)
    assert guess_main_language(Document(text)) == expected


# -- the plainly English start of a document settles the guess

ENGLISH_START = (
    "The minister said that the plan was not ready, and that the cabinet would "
    "meet again with the unions, who have said they will not accept it. "
) * 5  # 18 English function words and none of another language per copy
GERMAN = "Der Minister sagte, dass der Plan nicht fertig ist und die Regierung mit den Gewerkschaften spricht. " * 60


def test_a_plainly_english_start_settles_the_guess():
    from detector import langid

    assert len(ENGLISH_START) > langid.ENGLISH_START_CHARS
    # the whole sample alone would be German; the start says English
    assert langid._vote_latin(
        __import__("collections").Counter((ENGLISH_START + GERMAN)[:6000].lower().split())
    ) == "de"
    assert langid.guess_main_language(Document(ENGLISH_START + GERMAN)) == "en"


def test_a_start_that_is_not_plainly_english_leaves_the_guess_to_the_sample():
    from detector import langid

    short_english = "The minister said that the plan was not ready. "  # 4 English function words
    assert not langid._plainly_english(short_english + "Der Plan ist nicht fertig und wird nicht kommen. ")
    assert langid.guess_main_language(Document(short_english + GERMAN)) == "de"
    # a start with letters that are not ASCII is never settled so
    assert not langid._plainly_english("Café " + ENGLISH_START)
    assert langid._plainly_english("Cafe " + ENGLISH_START)


def test_the_start_needs_five_more_english_function_words():
    from detector import langid

    assert langid.ENGLISH_START_MARGIN == 5
    assert langid._function_word_counts("the the the the the to to")[:2] == (7, 2)  # 'to' is also Polish
    assert langid._plainly_english("the the the the the to to")  # 7 to 2
    assert not langid._plainly_english("the the the the to to")  # 6 to 2


def test_latin1_classes_are_the_unicode_ones():
    for c in map(chr, range(256)):
        for mine, theirs in (
            (sentences._UPPER, r"\p{Lu}"),
            (sentences._LOWER, r"\p{Ll}"),
            (sentences._LETTER, r"\p{L}"),
            (sentences._OTHER_LETTER, r"\p{Lo}"),
            (sentences._DIGIT, r"\p{Nd}"),
        ):
            assert (c in mine) == bool(regex.match(theirs, c)), (c, theirs)
        assert (c in sentences._ALPHANUMERIC) == c.isalnum()
    for c in TYPOGRAPHIC:  # none of them is in a class
        assert not regex.match(r"[\p{L}\p{N}\s]", c) and not c.isalnum()


# -- DU003's scan: the character before a word is matched instead of looked
# behind (a faster scan); the matches are those of the look-behind form.

@pytest.mark.skipif(sys.version_info < (3, 11), reason="the reference form is written with possessive repeats (re of 3.11)")
def test_doubled_word_scan_matches_its_look_behind_form():
    import re

    from detector.rules._repeat_scans import _DOUBLE_CANDIDATE

    look_behind = re.compile(
        r"(?<![a-z])(?:(?=[0-9]*+[a-z])([a-z0-9]++)[a-z0-9'’-]*+[ \t\xa0]++\1|([a-z]{2,})\2)(?![a-z0-9])"
    )
    rnd = random.Random(7)
    pieces = ["the", "the ", "a", "a ", "am", "5", "1.5", " ", "  ", "\t", "\n", "werewere", "wewe", "haha",
              "-", "'", "’", "rich", "oil-rich", "nation's", "x", "z9", "9z", ".", "abab", "abc", "ab", "\xa0"]
    texts = ["", "the the", "werewere", "5am am", "oil-rich rich", "0-1 0-0 0", "5-abab 5"] + [
        "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 30))) for _ in range(20000)
    ]
    for text in texts:
        expected = [m.span() for m in look_behind.finditer(text)]
        assert [(m.start(), m.end() - 1) for m in _DOUBLE_CANDIDATE.finditer(" " + text)] == expected, text
