"""Terminal output: ruff-style findings with the source line underlined, a
score line per file and a summary. Colour only when writing to a terminal."""

from __future__ import annotations

import io
import re
from collections import Counter

from rich.cells import cell_len

from detector.engine import FileResult
from detector.finding import Finding

_SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
_BAND_STYLE = {"clean": "green", "minor": "yellow", "degraded": "dark_orange", "reject": "bold red"}
_WINDOW = 100  # columns of source shown around a span on long lines
_MIN_WINDOW = 20  # however narrow the terminal


def _visible_form(cp: int) -> str:
    if cp < 0x20:
        return chr(0x2400 + cp)  # the Control Pictures block: ␛ for ESC, ␀ for NUL
    if cp == 0x7F:
        return "\u2421"  # ␡
    return f"<U+{cp:04X}>"


# Characters a terminal acts on instead of showing: C0 controls and DEL (ESC
# starts colour, cursor and window-title sequences, BEL rings, CR and form
# feed move the cursor), C1 controls (U+009B is a one-byte CSI), line and
# paragraph separators, and the bidirectional controls, which reorder the
# rest of the line on screen (Trojan Source). The report shows a visible
# stand-in for each, so the checked text can neither restyle nor rewrite
# the user's terminal, and the character a finding is about can be seen.
_TERMINAL_SAFE = str.maketrans({
    cp: _visible_form(cp)
    for cp in (
        *range(0x00, 0x20), 0x7F, *range(0x80, 0xA0),
        0x2028, 0x2029,
        0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A),
    )
})


_TERMINAL_UNSAFE = re.compile("[" + "".join(map(chr, _TERMINAL_SAFE)) + "]")


def _visible(text: str) -> str:
    """``text`` with every character a terminal would act on made visible.

    >>> _visible("red \x1b[31m, \u202eevil")
    'red ␛[31m, <U+202E>evil'
    """
    # Most text has none: one C-level search, not a per-character translation.
    return text.translate(_TERMINAL_SAFE) if _TERMINAL_UNSAFE.search(text) else text


def _painter(color: bool):
    """``paint(text, style)``: ANSI-styled text on a terminal, plain otherwise.

    Styles are rich Styles rendered once per style name; no markup is parsed
    per line, which made the report of a large run take longer than the
    check itself."""
    if not color:
        return lambda text, style: text
    from rich.color import ColorSystem
    from rich.style import Style

    styles: dict[str, Style] = {}

    def paint(text: str, style: str) -> str:
        st = styles.get(style)
        if st is None:
            st = styles[style] = Style.parse(style)
        return st.render(text, color_system=ColorSystem.STANDARD)

    return paint


def _width(text: str) -> int:
    """Terminal columns of ``text`` (wide CJK characters take two)."""
    return len(text) if text.isascii() else cell_len(text)


def _header(shown_path: str, f: Finding, paint) -> str:
    severity = f.severity.value
    style = _SEVERITY_STYLE[severity]
    return (
        f"{paint(shown_path, 'bold')}:{f.start_pos.line}:{f.start_pos.column}: "
        f"{paint(f.code, style)} {paint('[' + severity + ']', style)} {_visible(f.message)}"
    )


def _window(line: str, col0: int, col1: int, budget: int, cells: bool) -> tuple[int, int]:
    """``(lo, hi)``: the part of ``line`` shown around the span ``[col0, col1)``,
    about a third of ``budget`` before it, at most ``budget`` wide in all unless
    the span itself is wider.

    Widths are characters, or, on a terminal (``cells``), the columns the
    shown text takes there (a CJK character two, a control character's
    stand-in its length), so the line does not wrap and push the carets out of
    place."""
    if not cells:
        lo = max(0, col0 - budget // 3)
        return lo, min(len(line), max(col1, lo + budget))

    def measure(ch: str) -> int:
        return _width(_visible(ch))

    lo, before = col0, 0
    while lo > 0 and before + measure(line[lo - 1]) <= budget // 3:
        lo -= 1
        before += measure(line[lo])
    hi, used = lo, 0
    while hi < len(line) and (hi < col1 or used + measure(line[hi]) <= budget):
        used += measure(line[hi])
        hi += 1
    return lo, hi


def _snippet(result: FileResult, f: Finding, paint, terminal_width: int | None = None) -> list[str]:
    doc = result.document
    if doc is None:
        return []
    line_no = f.start_pos.line
    # Tabs as one space each, so that columns stay columns; the line ending is not shown.
    line = doc.line_text(line_no).replace("\t", " ").rstrip("\r\n")
    col0 = f.start_pos.column - 1
    col1 = f.end_pos.column - 1 if f.end_pos.line == line_no else len(line)
    col1 = max(col1, col0 + 1)
    # Long lines: show a window around the span; on a terminal, one that fits
    # beside the gutter and the two ellipses.
    if terminal_width is None:
        lo, hi = _window(line, col0, col1, _WINDOW, cells=False)
    else:
        budget = max(_MIN_WINDOW, min(_WINDOW, terminal_width - len(str(line_no)) - 5))
        lo, hi = _window(line, col0, col1, budget, cells=True)
    prefix = "…" if lo > 0 else ""
    suffix = "…" if hi < len(line) else ""
    # Made visible piece by piece: a stand-in may be wider than what it stands for.
    visible = _visible if _TERMINAL_UNSAFE.search(line, lo, hi) else str
    shown = prefix + visible(line[lo:hi]) + suffix
    pad = _width(prefix + visible(line[lo:col0]))
    width = max(1, _width(visible(line[col0 : min(col1, hi)])))
    gutter = paint(" " * len(str(line_no)) + " |", "blue")
    fix = f" {paint('fix: ' + _fix_label(f.fix), 'dim')}" if f.fix and f.fix.safe else ""
    return [
        gutter,
        f"{paint(f'{line_no} |', 'blue')} {shown}",
        f"{gutter} {' ' * pad}{paint('^' * width, _SEVERITY_STYLE[f.severity.value])}{fix}",
        gutter,
    ]


def _fix_label(fix) -> str:
    """The replacement as shown after ``fix:``; a deletion says so (an empty
    replacement printed nothing at all)."""
    return _visible(fix.replacement) if fix.replacement else "delete"


def _score_line(result: FileResult, paint) -> str:
    if result.skipped:
        return paint(_visible(result.skipped), "dim")
    s = result.score
    parts = ", ".join(f"{cat} −{pts:g}" for cat, pts in sorted(s.breakdown.items(), key=lambda kv: -kv[1]))
    count = len(result.findings)
    noun = "finding" if count == 1 else "findings"
    return (
        f"{paint(_visible(result.path), 'bold')}: score {paint(f'{s.value:g} ({s.band})', _BAND_STYLE[s.band])}"
        f" · {count} {noun}" + (f" · {parts}" if parts else "")
    )


def _summary(results: list[FileResult]) -> str:
    checked = [r for r in results if r.score]
    findings = [f for r in results for f in r.findings]
    by_sev = Counter(f.severity.value for f in findings)
    # "3 errors, 1 warning, 2 info" (info has no plural)
    sev = ", ".join(
        f"{by_sev[s]} {s}{'s' if by_sev[s] != 1 and s != 'info' else ''}"
        for s in ("error", "warning", "info")
        if by_sev[s]
    )
    low = min((r.score.value for r in checked), default=None)
    text = f"Found {len(findings)} finding{'s' if len(findings) != 1 else ''} in {len(checked)} file{'s' if len(checked) != 1 else ''}"
    if sev:
        text += f" ({sev})"
    if low is not None:
        text += f"; lowest score {low:g}"
    return text + "."


def _statistics(results: list[FileResult], color: bool) -> str:
    from rich.console import Console
    from rich.table import Table

    counts = Counter((f.code, f.name, f.severity.value) for r in results for f in r.findings)
    table = Table(box=None, show_header=True, pad_edge=False)
    for col in ("count", "code", "name", "severity"):
        table.add_column(col, justify="right" if col == "count" else "left")
    for (code, name, sev), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        table.add_row(str(n), code, name, sev)
    buf = io.StringIO()
    Console(file=buf, force_terminal=color, no_color=not color, width=200).print(table)
    return buf.getvalue().rstrip("\n")


def render(results: list[FileResult], ctx) -> str:
    paint = _painter(ctx.color)
    out: list[str] = []
    for result in results:
        shown_path = _visible(result.path)
        for f in result.findings:
            out.append(_header(shown_path, f, paint))
            if ctx.show_source and not ctx.quiet:
                out.extend(_snippet(result, f, paint, ctx.width))
        if not ctx.quiet:
            out.append(_score_line(result, paint))
            if result.findings:
                out.append("")
    if ctx.statistics:
        out.append(_statistics(results, ctx.color))
    if not ctx.quiet:
        out.append(_summary(results))
    return "\n".join(out) + ("\n" if out else "")


def render_concise(results: list[FileResult], ctx) -> str:
    """``path:line:col: CODE [severity] message``, one finding a line."""
    lines = []
    for result in results:
        for f in result.findings:
            lines.append(
                f"{_visible(result.path)}:{f.start_pos.line}:{f.start_pos.column}: "
                f"{f.code} [{f.severity.value}] {_visible(f.message)}"
            )
        if result.skipped and not ctx.quiet:
            lines.append(_visible(result.skipped))
    return "\n".join(lines) + ("\n" if lines else "")
