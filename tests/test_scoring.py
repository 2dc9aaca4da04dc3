"""The score: monotone, length-robust, explainable."""

from detector.finding import Finding, Severity
from detector.scoring import band_of, score


def finding(sev=Severity.ERROR, category="mixed-language", n=3, confidence=1.0):
    return Finding("ML001", "x", category, sev, "m", 0, n, "x" * n, confidence)


def test_no_findings_is_100():
    assert score([], 10_000).value == 100.0
    assert score([], 0).value == 100.0


def test_monotone():
    values = [score([finding()] * k, 5000).value for k in range(0, 40)]
    assert all(a >= b for a, b in zip(values, values[1:]))
    assert values[-1] < values[0]
    assert score([finding(Severity.ERROR)], 5000).value < score([finding(Severity.INFO)], 5000).value


def test_length_robust_same_density_same_score():
    short = score([finding()] * 2, 2_000).value
    long = score([finding()] * 20, 20_000).value
    assert abs(short - long) < 0.5


def test_breakdown_splits_the_points_lost():
    s = score([finding(category="spacing"), finding(category="mixed-language"), finding(category="mixed-language")], 1000)
    assert set(s.breakdown) == {"spacing", "mixed-language"}
    assert s.breakdown["mixed-language"] > s.breakdown["spacing"]
    assert abs(sum(s.breakdown.values()) - (100 - s.value)) < 0.2


def test_bands():
    assert [band_of(v) for v in (100, 90, 89.9, 70, 69.9, 40, 39.9, 0)] == [
        "clean", "clean", "minor", "minor", "degraded", "degraded", "reject", "reject"
    ]
