"""Spacing rules: glued sentences (SP001), glued words (SP002), comma without
space (SP003), pasted indentation (SP004)."""

from __future__ import annotations

import pytest

from conftest import findings_of, spans
from detector.rules._glue import split_glued


def run(text, code):
    return findings_of(text, select=(code,), language="en")


# -- SP001 ---------------------------------------------------------------------

def test_glued_sentences_and_fix():
    text = 'It was said by state media.China is "willing". They met on February 24.It was the second call.'
    found = run(text, "SP001")
    assert spans(found) == [("SP001", "media.China"), ("SP001", "24.It")]
    assert found[0].fix.replacement == "media. China" and found[0].fix.safe
    assert text[found[0].start : found[0].end] == "media.China"


def test_glued_after_quote_and_after_comma_quote():
    text = 'In the face of global turmoil and changes."Beijing was willing. Ties are improving,”According to the Kremlin.'
    assert spans(run(text, "SP001")) == [
        ("SP001", 'changes."Beijing'),
        ("SP001", "improving,”According"),
    ]


def test_opening_straight_quote_after_comma_is_not_glued():
    # the quote opens here ("He said,"), it is not a closing one
    assert run('He said,"We will win the match" and left.', "SP001") == []


@pytest.mark.parametrize(
    "text",
    [
        "The U.S. Army and the U.K. Navy met.",
        "Visit www.example.com/News.Today for more.",
        "Mail press@agency.com for Node.js and .NET help.",
        "Version 1.2.3 costs 3.5 dollars.",
        "J.R.R. Tolkien wrote it. Mr.Smith came too.",
        "Open README.md or report.PDF please.",
        "Scores: Columbus 3, St. Louis 2...The Blues won again.",
        "SAN FRANCISCO?Police said the man?s car was found.",
    ],
)
def test_not_glued_sentences(text):
    assert run(text, "SP001") == []


# -- SP002 ---------------------------------------------------------------------

@pytest.mark.parametrize(
    "word, parts",
    [
        ("onsovereignty", ("on", "sovereignty")),
        ("countriespartnership", ("countries", "partnership")),
        ("toconsistently", ("to", "consistently")),
        ("aproper", ("a", "proper")),
        ("situationin", ("situation", "in")),
        ("forall", ("for", "all")),
        ("inthe", ("in", "the")),
    ],
)
def test_split_glued(word, parts):
    assert split_glued(word) == parts


@pytest.mark.parametrize(
    "word",
    ["counterbalance", "nevertheless", "geoeconomics", "leaderless", "countrywide",
     "oilskin", "writedown", "blagoveshchensk", "heihe", "importantly",
     "goodwill", "inmost", "douse", "whereas", "therein"],
)
def test_real_words_are_not_split(word):
    assert split_glued(word) is None


def test_glued_words_in_text_with_fix():
    text = "Xi reiterated his support for Moscow onsovereignty and on the situationin Ukraine."
    found = run(text, "SP002")
    assert spans(found) == [("SP002", "onsovereignty"), ("SP002", "situationin")]
    assert found[0].fix.replacement == "on sovereignty" and not found[0].fix.safe


def test_capitalised_glue_keeps_case():
    text = "The call was not the first time that Xi and Putintwo strongmen met."
    found = run(text, "SP002")
    assert spans(found) == [("SP002", "Putintwo")]
    assert found[0].fix.replacement == "Putin two"


@pytest.mark.parametrize(
    "text",
    [
        # names, used twice or with rare parts
        "Justin Ontong played. Ontong scored and Chasetown won at Renforth Drive.",
        # hashtags, handles, code, paths, e-mail
        "Follow #prayforukraine and @newsdesk, run my_function or /usr/bin/startup.",
        "Write to janedoe@example.com about sitemap.xml today.",
        # capitals inside: brands
        "YouTube and PlayStation sold an iPhone.",
        # real compounds and new words
        "A counterbalance, nevertheless, geoeconomics and the goodwill writedown.",
    ],
)
def test_no_glued_words(text):
    assert run(text, "SP002") == []


def test_glued_double_is_left_to_du003():
    assert run("Their relations werewere at a high.", "SP002") == []


def test_glued_sentence_after_a_domain():
    text = "Read it on example.org.Then call us."
    assert spans(run(text, "SP001")) == [("SP001", "org.Then")]


def test_glued_words_only_for_english():
    text = "Der Kanzler sprach onsovereignty und vieles mehr über die Lage im Land."
    assert findings_of(text, select=("SP002",), language="de") == []


# -- SP003 ---------------------------------------------------------------------

def test_missing_space_after_comma():
    text = "Smit,who had never met him, said the situations in Xinjiang,Hong Kong differ."
    found = run(text, "SP003")
    assert [(f.code, f.start, f.match) for f in found] == [("SP003", 4, ","), ("SP003", 59, ",")]
    assert found[0].fix.replacement == ", "


@pytest.mark.parametrize(
    "text",
    [
        "It cost 1,000,000 dollars, or a,b in math.",
        "Colours: red,green,blue,yellow",  # data, not prose
        "See https://example.com/a,b,c for it.",
    ],
)
def test_comma_near_misses(text):
    assert run(text, "SP003") == []


# -- SP004 ---------------------------------------------------------------------

def test_pasted_indentation_one_finding_per_run():
    text = (
        "Title line\n\nSpeaking on his birthday, Xi pledged support.\n"
        "    The call is thought to be the second time they have spoken.\n"
        "      China has refrained from calling it an invasion at all.\n"
        "        Trade ties\n"
        "        During the call, Xi stressed China had assessed the situation.\n"
    )
    found = run(text, "SP004")
    assert [(f.code, f.match, f.severity.value) for f in found] == [("SP004", "    ", "info")]
    assert found[0].details["lines"] == 3


def test_indentation_in_markdown_or_lists_is_not_reported():
    text = "Intro text here.\n\n```\n    code line one\n    code line two\n    code line three\n```\n"
    assert run(text, "SP004") == []
    text = "Items:\n  - first item in the list\n  - second item in the list\n  - third item in the list\n"
    assert run(text, "SP004") == []


def test_glue_doctests():
    import doctest

    from detector.rules import _glue

    result = doctest.testmod(_glue)
    assert result.attempted >= 3 and result.failed == 0


def test_lexicon_is_compact_and_ships_with_the_package():
    from importlib import resources

    from detector.rules._glue import _load

    data = resources.files("detector.rules").joinpath("data/en_lexicon.txt")
    assert data.is_file()
    frequent, known, glue_like, vocabulary = _load()
    assert 20_000 < len(frequent) < 40_000
    assert "sovereignty" in frequent and "headscarf" in known
    assert "ofthe" in glue_like and "renegotiate" in vocabulary


@pytest.mark.parametrize(
    "text, match, fix",
    [
        ("KHI entersits fifth year in the series.", "entersits", "enters its"),
        ("It is a fifth year offull-time racing.", "offull", "of full"),
        ("He said: Assoon as the doors open I go.", "Assoon", "As soon"),
        ("They feature theindustry's first panel.", "theindustry", "the industry"),
        ("He said the Kremlin was calledStrategic by many.", "calledStrategic", "called Strategic"),
    ],
)
def test_glued_words_of_stripped_quotes(text, match, fix):
    found = run(text, "SP002")
    assert [(f.match, f.fix.replacement) for f in found] == [(match, fix)]


@pytest.mark.parametrize(
    "text",
    [
        "The rally brought norme and sobe words from abroad into the story.",
        "obj.style.lineHeight = lineHeight; function goPrint() {}",
        "Isso é apenas evasivas mas não surtirá efeito nenhum agora.",
        "Ng people add to their collecti\u200bon of songs every day.",
    ],
)
def test_glued_word_near_misses_from_evaluation(text):
    assert run(text, "SP002") == []


# A stripped quotation glues a whole phrase to the words on both sides: three
# parts, a capitalised word before a function word, an acronym at the end.
@pytest.mark.parametrize(
    "text, match, fix",
    [
        ("It will save customers thehassleof waiting in line.", "thehassleof", "the hassle of"),
        ("Iran rejected acompromiseproposal put forward by Russia.", "acompromiseproposal",
         "a compromise proposal"),
        ("Sprint Nextel said Fridayitplans to lay off 4,000 workers.", "Fridayitplans",
         "Friday it plans"),
        ("Youth players identifiedbyMLS, the federation and adidas.", "identifiedbyMLS",
         "identified by MLS"),
        ("He said theUN would send more troops next week.", "theUN", "the UN"),
        # an inflected first part may be followed by a rarer word
        ("There has been varyinginterpretations of what I said.", "varyinginterpretations",
         "varying interpretations"),
    ],
)
def test_glued_phrases_of_stripped_quotes(text, match, fix):
    found = run(text, "SP002")
    assert [(f.match, f.fix.replacement) for f in found] == [(match, fix)]
    assert text[found[0].start : found[0].end] == match


@pytest.mark.parametrize(
    "text",
    [
        # compounds of two content words, one rare: slang, not glues
        "A reluctance from blueliners to shoot and a ballhawking secondary.",
        'She suffered a "cerebralvascular" episode last year, it was reported.',
        # words starting with `a` that are real or names
        "The aforesaid anatomist spoke about aventurine and Aspinwall today.",
        # capitalised words of three parts that are names or words
        "Amsterdam, Edinburgh and Indianapolis hosted the tournament this year.",
        # lower-case letters before an acronym that are brands and science terms
        "Apple updated iOS, macOS and watchOS while labs sequenced mRNA and siRNA.",
        "The visionOS headset shipped; mtDNA and cDNA were measured on the way.",
        # real long words
        "A counterbalance, nevertheless, geoeconomics and the goodwill writedown.",
    ],
)
def test_glued_phrase_near_misses(text):
    assert run(text, "SP002") == []


@pytest.mark.parametrize(
    "word, parts",
    [
        ("thehassleof", ("the", "hassle", "of")),
        ("acompromiseproposal", ("a", "compromise", "proposal")),
    ],
)
def test_split_glued_three_parts(word, parts):
    assert split_glued(word) == parts


@pytest.mark.parametrize("word", ["blueliners", "ballhawking", "cerebralvascular", "aforesaid", "abasement"])
def test_rare_compounds_are_not_split(word):
    assert split_glued(word) is None


@pytest.mark.parametrize(
    "text, match, fix",
    [
        # a rarer word between two function words
        ("The senator anddisparagedthe report on Monday.", "anddisparagedthe", "and disparaged the"),
        # function words glued before a capitalised name
        ("He played intheNational league for two years.", "intheNational", "in the National"),
        # a web glue wordfreq counts (`ofthe`) is split into its words in the fix
        ("The leader oftheformer regime was arrested.", "oftheformer", "of the former"),
    ],
)
def test_glued_function_words_around_a_word(text, match, fix):
    found = run(text, "SP002")
    assert [(f.match, f.fix.replacement) for f in found] == [(match, fix)]


@pytest.mark.parametrize(
    "text",
    [
        # real words that start and end like function words
        "The antithesis of another atheist theory was presented in the inquest.",
        # a capitalised name after a lower-case prefix or brand letter
        "Neil deGrasse Tyson bought an iPhone and an eBook from the Guardian.",
    ],
)
def test_function_word_glue_near_misses(text):
    assert run(text, "SP002") == []


@pytest.mark.parametrize(
    "text, match, fix",
    [
        ("It was going tobe hard enough against them, he said.", "tobe", "to be"),
        ("The team put the game outof reach in the last minute.", "outof", "out of"),
        ("He emerged as oneof the favourite targets this season.", "oneof", "one of"),
        ("Processors running upto 3.2 GHz were shown on Monday.", "upto", "up to"),
    ],
)
def test_listed_web_glues(text, match, fix):
    found = run(text, "SP002")
    assert [(f.match, f.fix.replacement) for f in found] == [(match, fix)]


def test_listed_web_glues_capitalised_are_names():
    # Weare is a town in New Hampshire, Tobe Hooper a director
    assert run("The director Tobe Hooper grew up near Weare in New Hampshire.", "SP002") == []


# -- SP002: chains, names, capitals, acronyms, `'s` (issue #7) ----------------

@pytest.mark.parametrize(
    "text, match, fix",
    [
        # three or four words glued by a stripped quotation
        ("He ran an interceptionreturnof 90 yards in the third quarter.", "interceptionreturnof",
         "interception return of"),
        ("Police want to curbdrunkdriving in the city this year.", "curbdrunkdriving", "curb drunk driving"),
        ("He is on a comebackafternearly two years of injuries.", "comebackafternearly",
         "comeback after nearly"),
        ("The fans were Reactingtothe news of the trade on Monday.", "Reactingtothe", "Reacting to the"),
        # a name the document uses alone, glued to the words after it
        ("Magowan would stay. His lawyer said Magowanmisspokeabout the tests on Monday.",
         "Magowanmisspokeabout", "Magowan misspoke about"),
        ("Neuheisel was fined. The violations when Neuheiselwas coach were minor.", "Neuheiselwas",
         "Neuheisel was"),
        # two capitalised words that the text also writes apart
        ("The comedian Frank Skinner spoke. Later FrankSkinner joined the show on Monday.",
         "FrankSkinner", "Frank Skinner"),
        ("Iranians were held for days. TheIranians were travelling in open boats.", "TheIranians",
         "The Iranians"),
        ("Max won in 2004 and Biaggi was second. Ducati pilot MaxBiaggi finished seventh.", "MaxBiaggi",
         "Max Biaggi"),
        # a short name the document uses alone, after a lower-case word
        ("Mr Smit said no. The deal was signed withSmit on Friday in the capital.", "withSmit", "with Smit"),
        # an acronym the document uses alone, glued to a word
        ("HBO said it would let subscribers watch HBOprograms on their phones.", "HBOprograms",
         "HBO programs"),
    ],
)
def test_glued_chains_names_and_capitals(text, match, fix):
    found = run(text, "SP002")
    assert [(f.match, f.fix.replacement) for f in found] == [(match, fix)]
    assert text[found[0].start : found[0].end] == match


def test_glued_after_apostrophe_s():
    text = "He was the team'ssecond leading scorer this season, the coach said."
    found = run(text, "SP002")
    assert [(f.match, f.fix.replacement, f.start) for f in found] == [("'ssecond", "'s second", 15)]


@pytest.mark.parametrize(
    "text",
    [
        # long words cut at their endings are no chains
        "Their quirkiness, capitalising on globalisation, helped humanitarians fight gastroenteritis.",
        "Centralising, terrorising and civilising toxicities need characterisation and amortisation.",
        # a short frequent word before a name-like rest (`Mac|intoshes`), and a name
        # ending in a word (`Richard|son`, `Jackson|ville`, `Rol|and`)
        "A Mac user bought two Macintoshes from Richard and Jack in a Lookitme shop.",
        "Richardson met Jackson and Roland in Jacksonville with Marcus and Gordon on Tuesday.",
        # brands and names written in one, never apart
        "YouTube, PlayStation, JavaScript, McDonald, MacBook and LinkedIn all reported on Monday.",
        "BlackRock bought shares; the Black Rock desert is far away, BlackRock said on Monday.",
        # a brand of two common words, both also used alone; an acronym brand used twice
        "News from the Radio desk: NewsRadio now playing. Radio and News reports follow.",
        "TEAM news: TEAMtalk says the coach stays, and TEAMtalk will report again on Monday.",
        # a domain, a glued double (DU003's), a hashtag and a URL
        "Visit ZuneOriginals.net to see the Zune Originals range in the store today.",
        "The LadenLaden error came from the old site, and Laden Laden was fixed on Monday.",
        "Follow #FrankSkinner or https://example.com/interceptionreturnof for the Frank Skinner show.",
        # plural acronyms and an acronym the document never uses alone
        "The PCs and IDs of DIYers and CEOs were checked by ETonline staff on Monday.",
        # an apostrophe in a name, not a glued `'s`
        "The O'sullivan family and the rock'n'roll band met in Shea's garden today.",
        # camelCase in code
        "Call document.getElementById(name) and myVariable = getValue() in the script.",
    ],
)
def test_glued_chain_near_misses(text):
    assert run(text, "SP002") == []


def test_chain_and_scan_doctests():
    import doctest

    from detector.rules import _glue_chain, _glue_scan, _glued_words

    for module in (_glue_chain, _glue_scan, _glued_words):
        result = doctest.testmod(module)
        assert result.attempted >= 2 and result.failed == 0


def test_spacing_rules_do_not_build_the_shared_token_list():
    # The token list costs more than all four rules together: they scan the text.
    from detector.document import Document
    from detector.rules.spacing import GluedSentence, GluedWords, MissingSpaceAfterComma, PastedIndentation

    text = (
        "Xi reiterated his support onsovereignty and the situationin Ukraine.It was said,"
        "they met.\n    Indented line of prose here\n    and another one here\n    and a third one here\n"
    )
    for rule in (GluedSentence, GluedWords, MissingSpaceAfterComma, PastedIndentation):
        doc = Document(text, language="en")
        assert list(rule().check(doc))
        assert "tokens" not in doc.__dict__ and "words" not in doc.__dict__, rule.code


@pytest.mark.parametrize(
    "text, match, fix",
    [
        ("Dead trees don'tdrink as much water as living ones, he said.", "'tdrink", "'t drink"),
        ("They'regoing home early and the rest will follow on Monday.", "'regoing", "'re going"),
        ("I'dlike to stay a little longer, she told the reporters.", "'dlike", "'d like"),
        # a long lower-case word before a capitalised one, however rare the word
        ("Trade with the people of neighboringMalaysia grew last year.", "neighboringMalaysia",
         "neighboring Malaysia"),
    ],
)
def test_glued_contractions_and_long_words_before_names(text, match, fix):
    found = run(text, "SP002")
    assert [(f.match, f.fix.replacement) for f in found] == [(match, fix)]


@pytest.mark.parametrize(
    "text",
    [
        # one letter before the apostrophe (but `I`), names and loanwords
        "The Côte d'Ivoire team met O'sullivan and the rock'n'roll band at Shea's home.",
        # an ending after `'s` is no word
        "The company'sness and the island'sship were typos of a kind we never flag.",
        # a brand prefix or a rarer short word before a capital
        "She bought a macBook and an eReader and read about iPhones on Monday.",
    ],
)
def test_glued_contraction_near_misses(text):
    assert run(text, "SP002") == []


@pytest.mark.parametrize(
    "text, match",
    [
        ("It will be an exclusive world next year.I'll be going up and down the country.", "year.I'll"),
        ("The first team to go 16-0.Just don't call it a perfect season.", "0.Just"),
    ],
)
def test_glued_sentences_the_splitter_keeps_together(text, match):
    found = run(text, "SP001")
    assert [f.match for f in found] == [match]


@pytest.mark.parametrize(
    "text",
    [
        "Version 1.2.Then it broke; v2.I'm told, was fine. He scored 3.5 points.",
        "The score was 2.5 and the U.S. team won.",
    ],
)
def test_glued_sentence_after_splitter_near_misses(text):
    assert run(text, "SP001") == []


@pytest.mark.parametrize(
    "text, match, fix",
    [
        ("Athletes can be really competitive with eachother in the final.", "eachother", "each other"),
        ("The victory overthe Memphis Grizzlies was needed.", "overthe", "over the"),
        ("He left the stadium early inorder to catch the last train.", "inorder", "in order"),
    ],
)
def test_frequent_web_glues(text, match, fix):
    found = run(text, "SP002")
    assert [(f.match, f.fix.replacement) for f in found] == [(match, fix)]


def test_frequent_web_glues_capitalised_are_names():
    # `Alot` and `Incase` as names or brands, written with a capital
    assert run("The Alot toolbar and the Incase bag were shown at the fair on Monday.", "SP002") == []


@pytest.mark.parametrize(
    "text",
    [
        # foreign words spliced into an English sentence: ML's business
        "He was first in the queue, möglichkeit besuch outside since 11.30pm on Thursday night.",
        "I don't share the view that all is comptables débouché gloom, he said on Monday.",
    ],
)
def test_glued_word_next_to_a_foreign_word_is_left_alone(text):
    assert run(text, "SP002") == []


def test_the_other_end_of_a_stripped_quotation():
    # `impunity|despite` alone could be a compound; next to another glue on
    # the same line it is the other end of the stripped quotation
    text = "The regime acted onsovereignty with impunitydespite the protests."
    found = run(text, "SP002")
    assert [(f.match, f.fix.replacement) for f in found] == [
        ("onsovereignty", "on sovereignty"), ("impunitydespite", "impunity despite"),
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The regime acted with impunitydespite the protests of the people.", []),  # no glue near it
        ("The regime acted onsovereignty.\nIts impunitydespite the protests was clear.",
         ["onsovereignty"]),  # another line
    ],
)
def test_other_end_needs_a_glue_near_it_on_the_same_line(text, expected):
    assert [f.match for f in run(text, "SP002")] == expected


def test_other_end_is_no_long_word_cut_at_its_endings():
    text = "The regime acted onsovereignty with quirkiness and capitalising on it."
    assert [f.match for f in run(text, "SP002")] == ["onsovereignty"]
