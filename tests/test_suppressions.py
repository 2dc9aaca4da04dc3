"""Suppression comments: file, range and next-line; codes, prefixes,
categories and names; reasons; unused suppressions reported as DT001."""

from __future__ import annotations

from ci_helpers import result_of

from detector.config import Settings
from detector.finding import Position
from detector.parallel import check_data
from detector.registry import all_rules, rule_by_code
from detector.ruledocs import render_explanation
from detector.suppressions import apply_suppressions, parse

ALL = list(all_rules())


def run(text, specs, active=ALL):
    result = result_of(text, "a.md", specs)
    return apply_suppressions(result.findings, text, text, active, tuple(ALL))


def codes(findings):
    return [(f.code, f.start_pos.line) for f in findings]


def test_parse_kinds_lines_and_reason():
    text = (
        "<!-- detector-disable-file BP -->\n"          # 1
        "<!-- detector-disable ML001, encoding -- quoted on purpose -->\n"  # 2
        "x\n"                                           # 3
        "<!-- detector-enable -->\n"                    # 4
        "<!-- detector-disable-next-line -->\n"         # 5
        "y\n"                                           # 6
    )
    file, rng, nxt = parse(text)
    assert (file.kind, file.selectors, file.first_line, file.last_line) == ("file", ("BP",), 1, 7)
    assert (rng.kind, rng.selectors, rng.first_line, rng.last_line, rng.reason) == (
        "range", ("ML001", "encoding"), 2, 4, "quoted on purpose")
    assert (nxt.kind, nxt.selectors, nxt.first_line, nxt.last_line) == ("next-line", (), 6, 6)


def test_next_line_silences_only_the_next_line():
    text = "<!-- detector-disable-next-line ML001 -->\nSaid 말했다.\nSaid 말했다 again.\n"
    out = run(text, [("ML001", "말했다", "m"), ("ML001", "말했다", "m", {"occurrence": 2})])
    assert codes(out) == [("ML001", 3)]


def test_range_until_enable_by_prefix_category_and_name():
    text = (
        "Before 말했다.\n"                                   # 1: reported
        "<!-- detector-disable ML -->\n"                     # 2
        "Inside 말했다.\n"                                   # 3: silenced (prefix)
        "<!-- detector-enable -->\n"                         # 4
        "After 말했다.\n"                                    # 5: reported
        "<!-- detector-disable mixed-language -->\n"         # 6
        "Cat 말했다.\n"                                      # 7: silenced (category), to the end
    )
    specs = [("ML001", "말했다", "m", {"occurrence": n}) for n in (1, 2, 3, 4)]
    assert codes(run(text, specs)) == [("ML001", 1), ("ML001", 5)]
    name = rule_by_code("ML001").name
    text2 = text.replace("mixed-language", name)
    assert codes(run(text2, specs)) == [("ML001", 1), ("ML001", 5)]


def test_file_wide_and_other_codes_untouched():
    text = "<!-- detector-disable-file SP001 -->\nSaid 말했다.now\n"
    out = run(text, [("ML001", "말했다", "m"), ("SP001", ".now", "glued")])
    assert codes(out) == [("ML001", 2)]


def test_unused_suppressions_are_reported_as_dt001():
    text = (
        "<!-- detector-disable-next-line ML001, MJ001 -- reason -->\n"  # MJ001 unused
        "Said 말했다.\n"
        "<!-- detector-disable-next-line -->\n"                         # silences nothing
        "Plain English.\n"
        "<!-- detector-disable-file XX999 -->\n"                        # unknown code
    )
    out = run(text, [("ML001", "말했다", "m")])
    assert [(f.code, f.start_pos.line, f.start_pos.column) for f in out] == [
        ("DT001", 1, 1), ("DT001", 3, 1), ("DT001", 5, 1)]
    assert [f.severity.value for f in out] == ["info"] * 3
    assert "'MJ001' silenced no finding" in out[0].message
    assert out[0].match == text.splitlines()[0]
    assert "silenced no finding" in out[1].message
    assert "'XX999', which matches no rule" in out[2].message


def test_unused_not_reported_for_rules_switched_off_or_without_dt001():
    text = "<!-- detector-disable-next-line MJ001 -->\nPlain English.\n"
    active = [r for r in ALL if r.code != "MJ001"]
    assert run(text, [], active=active) == []
    no_dt = [r for r in ALL if r.code != "DT001"]
    assert run(text, [], active=no_dt) == []


def test_text_without_comments_is_untouched():
    findings = result_of("Said 말했다.\n", "a.md", [("ML001", "말했다", "m")]).findings
    assert apply_suppressions(findings, "Said 말했다.\n", "Said 말했다.\n", ALL, tuple(ALL)) is findings


def test_end_to_end_with_real_rules_and_score():
    damaged = "The minister said 말했다 yesterday in Seoul.\n"
    plain = check_data(damaged.encode(), "a.md", Settings())
    assert [f.code for f in plain.findings] == ["ML001"]
    silenced = check_data(("<!-- detector-disable-next-line ML001 -- a quoted example -->\n" + damaged).encode(), "a.md", Settings())
    assert silenced.findings == [] and silenced.score.value == 100


def test_dt001_is_documented():
    rule = rule_by_code("DT001")
    assert rule.category == "consistency" and rule.severity.value == "info"
    assert "unused-suppression" in render_explanation("DT001")


def test_source_other_than_the_checked_text():
    # Text extracted from HTML: the comments are only in the source; findings
    # carry source line numbers (the input-format reader maps them).
    source = "<p>Intro</p>\n<!-- detector-disable-next-line ML001 -->\n<p>Said 말했다.</p>\n<!-- detector-disable-next-line MJ -->\n<p>Plain.</p>\n"
    text = "Intro\nSaid 말했다.\nPlain.\n"
    result = result_of(text, "a.html", [("ML001", "말했다", "m")])
    (f,) = result.findings
    from detector.finding import Position

    f.start_pos, f.end_pos = Position(3, 9), Position(3, 12)  # its place in the source
    out = apply_suppressions([f], source, text, ALL, tuple(ALL))
    (dt,) = out
    assert (dt.code, dt.start, dt.end, dt.match) == ("DT001", 0, 0, "")
    assert (dt.start_pos.line, dt.start_pos.column) == (4, 1)


def test_lines_of_cr_text_are_counted_as_the_findings_count_them():
    # a lone CR ends a line for the findings' positions, so for the comments too
    damaged = "The minister said 말했다 yesterday in Seoul.\r"
    for eol in ("\n", "\r\n", "\r"):
        comment = f"<!-- detector-disable-next-line ML001 -- quoted -->{eol}"
        data = (f"Intro.{eol}" + comment + damaged + "Again 말했다 here.\r").encode()
        out = check_data(data, "a.txt", Settings(select=("ML001", "DT001")))
        assert [(f.code, f.start_pos.line) for f in out.findings] == [("ML001", 4)], repr(eol)
        unused = check_data((f"Intro.{eol}" + comment + "Plain English.\r").encode(), "a.txt",
                            Settings(select=("ML001", "DT001")))
        assert [(f.code, f.start_pos, f.end_pos) for f in unused.findings] == [
            ("DT001", Position(2, 1), Position(2, len(comment) - len(eol) + 1))], repr(eol)


def test_markdown_score_after_suppression_counts_the_prose_as_the_first_score_did():
    """Rescoring after a suppression uses the length the first score used
    (the prose's), not the Markdown source's with its comments."""
    from conftest import FIXTURES

    from detector.engine import score_of

    seed = (FIXTURES / "seeds" / "002_cf4130f4cd584bf7.txt").read_text("utf-8")
    prose = "The state media.China is big and the the talks went on for hours.\n\n" + seed
    note = "\n<!-- " + "an editor's long note, not prose. " * 100 + "-->\n"
    silenced = "<!-- detector-disable-next-line ML001 -->\nXi 말했다 on Monday in Beijing.\n\n"
    plain = check_data((prose + note).encode(), "doc.md", Settings(language="en"))
    suppressed = check_data((silenced + prose + note).encode(), "doc.md", Settings(language="en"))
    assert [f.code for f in suppressed.findings] == [f.code for f in plain.findings] == ["SP001", "DU003"]
    source_length = len(silenced + prose + note)
    assert suppressed.text_length < source_length
    assert suppressed.score == score_of(suppressed.findings, suppressed.text_length)
    assert suppressed.score.value < score_of(suppressed.findings, source_length).value
