"""DU003's scan of plain text (``rules/_double_scan.py``) gives the findings
that the one pattern before every word (``_DOUBLE_CANDIDATE``) gives."""

from __future__ import annotations

import random

import pytest

from conftest import findings_of

PIECES = [
    "the", "The", "THE", "a", "am", "5", "1.5", "+5", "2,000", "km", "x", "and", "’s", "'s", "-", "'", "’",
    "werewere", "WereWere", "BeckBeck", "haha", "5haha", "couscous", "rich", "oil-rich", "nation's", "nation",
    "third", "third-party", "third-part", "don't", "don’t", "'the", "the'", "rich--oil", "OPEC", "Robinson",
    "had", "that", "(the", "the,", "the.", "Win", "0-1", "0-0", "a5b", "covid19", "“the", "the”",
]
SEPARATORS = [" ", " ", " ", "  ", "\t", "\u00a0", "\n", ""]


def _text(rnd: random.Random) -> str:
    words = [rnd.choice(PIECES) for _ in range(rnd.randint(2, 30))]
    for _ in range(rnd.randint(0, 3)):  # doubles, some with a joiner or a number before
        i = rnd.randrange(len(words))
        words.insert(i + 1, rnd.choice([words[i], words[i].lower(), words[i] + "'s", words[i].split("-")[-1]]))
    return "".join(w + rnd.choice(SEPARATORS) for w in words) + "end of the line."


TEXTS = [_text(random.Random(seed)) for seed in range(1500)] + [
    "It opened at 1.5am am sharp and at +5am am too.",
    "the third-part third-party deal, the don't don't and the 'the the end.",
    "Their relations werewere at a high, and 1.5haha haha werewere werewere.",
]


def _old_scan(doc):
    from detector.rules._repeat_scans import _scanned

    return _scanned(doc.text, doc.text.lower(), 0, 0, [])


@pytest.mark.parametrize("chunk", range(10))
def test_plain_scan_finds_what_the_one_pattern_finds(chunk, monkeypatch):
    from detector.rules import _double_scan

    texts = TEXTS[chunk::10]

    def all_findings():
        return [[(f.code, f.start, f.end, f.message) for f in findings_of(t, select=("DU003",), language="en")]
                for t in texts]

    new = all_findings()
    assert any(new)  # the texts hold doubles
    monkeypatch.setattr(_double_scan, "plain_double_candidates", _old_scan)
    assert all_findings() == new


def test_glued_key_words_are_the_words_of_two_equal_halves():
    from detector.rules._double_scan import _GLUED_KEY_WORD

    words = ["werewere", "5haha", "haha", "abab", "aa", "abcabc", "a5haha", "couscous", "the", "tartar",
             "hahah", "zz", "zzzz", "12", "1212", "ab12ab12", "byebye"]
    found = {m.group(1) for m in _GLUED_KEY_WORD.finditer(" ".join((" ", *words, " ")))}

    def glued(word):
        letters = word.lstrip("0123456789")
        half = len(letters) // 2
        return half >= 2 and not len(letters) % 2 and letters.isalpha() and letters[:half] == letters[half:]

    assert found == {w for w in words if glued(w)} == {"werewere", "5haha", "haha", "abab", "abcabc", "couscous",
                                                         "tartar", "zzzz", "byebye"}


def test_the_judged_words_are_kept_for_the_next_documents():
    from detector.rules import _double_scan

    findings_of("A rare zorblezorble word here.", select=("DU003",), language="en")
    assert "zorblezorble" in _double_scan._JUDGED and "zorblezorble" in _double_scan._GLUED
    assert "rare" in _double_scan._JUDGED and "rare" not in _double_scan._GLUED
