"""Reports of hostile or unusual text: the terminal report never passes the
checked text's control characters to the terminal, and the XML reports stay
well-formed whatever a file name or a message holds."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from ci_helpers import result_of

from detector.finding import Fix
from detector.reporters import ReportContext, get_reporter

CTX = ReportContext(version="1.2.3")
# ESC sequences that would turn the terminal red, then a right-to-left
# override that would show "evil" reversed (Trojan Source).
HOSTILE = "He said \x1b[31mred\x1b[0m and \u202eevil\u202c.\n"


def hostile_result(path="a.txt"):
    return result_of(HOSTILE, path, [
        ("EN004", "\x1b", "control character U+001B in text", {"fix": Fix("", safe=True)}),
        ("EN006", "\u202e", "bidirectional control U+202E"),
    ])


def test_text_report_shows_control_characters_instead_of_sending_them():
    out = get_reporter("text")([hostile_result()], CTX)
    # Column 26 is the override: 8 + 8 ("\x1b[31mred") + 4 ("\x1b[0m") + 5 (" and ") = 25 before it.
    expected_line = "1 | He said \u241b[31mred\u241b[0m and <U+202E>evil<U+202C>."
    assert out.splitlines()[:10] == [
        "a.txt:1:9: EN004 [warning] control character U+001B in text",
        "  |",
        expected_line,
        "  |         ^ fix: delete",
        "  |",
        "a.txt:1:26: EN006 [error] bidirectional control U+202E",
        "  |",
        expected_line,
        "  |" + " " * 26 + "^" * len("<U+202E>"),
        "  |",
    ]
    assert "\x1b" not in out and "\u202e" not in out and "\u202c" not in out


def test_file_names_and_messages_are_made_visible_too():
    result = result_of("Fine.\n", "a\x1b]0;title\x07.txt", [("EN004", ".", "odd \x9b2J message")])
    concise = get_reporter("concise")([result], CTX)
    assert concise == "a\u241b]0;title\u2407.txt:1:5: EN004 [warning] odd <U+009B>2J message\n"
    text = get_reporter("text")([result], CTX)
    assert text.splitlines()[0] == "a\u241b]0;title\u2407.txt:1:5: EN004 [warning] odd <U+009B>2J message"
    assert not any(ord(ch) < 0x20 and ch != "\n" or 0x7F <= ord(ch) < 0xA0 for ch in text)


def test_wide_and_non_bmp_characters_are_underlined_by_terminal_cells():
    # '𝐀' (U+1D400, outside the BMP) is one column wide, '한' two.
    result = result_of("𝐀 한국 text.China is\n", "a.txt", [("SP001", "text.China", "glued")])
    out = get_reporter("text")([result], CTX).splitlines()
    assert out[0] == "a.txt:1:6: SP001 [warning] glued"
    assert out[2] == "1 | 𝐀 한국 text.China is"
    assert out[3] == "  |" + " " * (1 + 1 + 1 + 4 + 1) + "^" * 10


def test_junit_and_checkstyle_stay_well_formed_with_control_characters():
    result = result_of("Fine text.\n", "a\x1bb.txt", [("SP001", "text.", "bad \x0b message")])
    junit = ET.fromstring(get_reporter("junit")([result], CTX))
    suite = junit.find("testsuite")
    assert suite.get("name") == "a\\x1bb.txt"
    failure = suite.find("testcase/failure")
    assert failure.get("message") == "bad \\x0b message"
    assert failure.text == "line 1, col 6, bad \\x0b message"
    checkstyle = ET.fromstring(get_reporter("checkstyle")([result], CTX))
    file = checkstyle.find("file")
    assert file.get("name") == "a\\x1bb.txt"
    assert file.find("error").get("message") == "SP001 bad \\x0b message"


def test_on_a_narrow_terminal_the_source_line_fits_its_width():
    text = "a" * 50 + " media.China " + "b" * 50 + "\n"
    result = result_of(text, "a.txt", [("SP001", "media.China", "glued", {"fix": Fix("media. China", safe=True)})])
    out = get_reporter("text")([result], ReportContext(version="1", width=40)).splitlines()
    # 40 columns: "1 | " and two ellipses leave 34 for the text, a third of it before the span.
    assert out[2] == "1 | …" + "a" * 10 + " media.China " + "b" * 11 + "…"
    assert len(out[2]) == 40
    assert out[3] == "  | " + " " * 12 + "^" * 11 + " fix: media. China"
    # Not on a terminal: the 100-character window, as before (33 characters
    # before the span, the rest of the line after it).
    piped = get_reporter("text")([result], CTX).splitlines()
    assert piped[2] == "1 | …" + "a" * 32 + " media.China " + "b" * 50


def test_on_a_narrow_terminal_wide_characters_count_twice():
    text = "한국어 " * 10 + "media.China" + " 한국어" * 10 + "\n"
    result = result_of(text, "a.txt", [("SP001", "media.China", "glued")])
    out = get_reporter("text")([result], ReportContext(version="1", width=40)).splitlines()
    # Before the span: 11 columns at most ("어 한국어 " is 10); after it, up to 34 in all.
    assert out[2] == "1 | …어 한국어 media.China 한국어 한국…"
    assert out[3] == "  | " + " " * 11 + "^" * 11
