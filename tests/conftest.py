"""Shared test helpers. The default suite never reads ../shared: a user's
fresh clone does not have it."""

from __future__ import annotations

from pathlib import Path

import pytest

from detector.config import Settings
from detector.engine import check_text

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SEEDS = sorted((FIXTURES / "seeds").glob("*.txt"))


def findings_of(text: str, select=("ALL",), **settings):
    """Findings for ``text`` with the given rules selected."""
    result = check_text(text, Settings(select=tuple(select), **settings))
    return result.findings


def spans(findings, code=None):
    """[(code, match)] of findings, optionally of one code, in text order."""
    return [(f.code, f.match) for f in findings if code is None or f.code == code]


@pytest.fixture
def seeds():
    return SEEDS
