"""Consistency rules: mixed apostrophe styles (CO001)."""

from __future__ import annotations

from conftest import findings_of


def run(text):
    return findings_of(text, select=("CO001",), language="en")


def test_rare_straight_apostrophe_among_curly():
    text = "China’s move, Russia’s war, Beijing’s tie, Moscow’s gas, Xi’s call and Putin's reply."
    found = run(text)
    assert [(f.code, f.start, f.match) for f in found] == [("CO001", text.index("'"), "'")]
    assert found[0].fix.replacement == "’" and found[0].severity.value == "info"


def test_consistent_or_balanced_styles_are_fine():
    assert run("China’s move, Russia’s war, Beijing’s tie, Moscow’s gas and Xi’s call.") == []
    # too few to call a majority
    assert run("China’s move and Russia's war.") == []
    # quotes are not apostrophes
    assert run("China’s move, Russia’s war, Beijing’s tie, Moscow’s gas, Xi’s call, 'quoted'.") == []


def test_foreign_elisions_and_other_scripts_are_not_apostrophes():
    text = (
        "China’s move, Russia’s war, Beijing’s tie, Moscow’s gas and Xi’s call. "
        "Anche il Rally d'Italia è finito. 외교관'으로도 인기."
    )
    assert run(text) == []
