"""Golden tests: the findings on the five seed copies, compared exactly.

``fixtures/golden/<seed>/<category>.jsonl`` lists, one JSON object a line,
every finding of that category expected in the seed: ``code``, ``start``,
``end`` (code-point offsets) and ``match``, reviewed by hand against the
text. A category with no file expects no finding at all.
"""

from __future__ import annotations

import json

import pytest

from conftest import FIXTURES, SEEDS
from detector.config import Settings
from detector.engine import check_bytes
from detector.finding import CATEGORIES

GOLDEN = FIXTURES / "golden"


def golden(seed_stem: str, category: str) -> list[dict]:
    path = GOLDEN / seed_stem / f"{category}.jsonl"
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def results():
    settings = Settings(language="en")
    return {seed.stem: check_bytes(seed.read_bytes(), str(seed), settings) for seed in SEEDS}


@pytest.mark.parametrize("seed", [s.stem for s in SEEDS])
def test_golden_matches_text(seed):
    """The golden files themselves: every span holds the text it claims."""
    text = (FIXTURES / "seeds" / f"{seed}.txt").read_text("utf-8")
    for category in CATEGORIES:
        for entry in golden(seed, category):
            assert text[entry["start"] : entry["end"]] == entry["match"], entry


@pytest.mark.parametrize("category", CATEGORIES)
@pytest.mark.parametrize("seed", [s.stem for s in SEEDS])
def test_seed_findings_match_golden(results, seed, category):
    expected = sorted((e["code"], e["start"], e["end"]) for e in golden(seed, category))
    actual = sorted(
        (f.code, f.start, f.end) for f in results[seed].findings if f.category == category
    )
    assert actual == expected
