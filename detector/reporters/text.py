"""Terminal output: ruff-style findings with the source line underlined, a
score line per file and a summary. Colour only when writing to a terminal."""

from __future__ import annotations

import io
from collections import Counter

from rich.cells import cell_len
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from detector.engine import FileResult
from detector.finding import Finding

_SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
_BAND_STYLE = {"clean": "green", "minor": "yellow", "degraded": "dark_orange", "reject": "bold red"}
_WINDOW = 100  # columns of source shown around a span on long lines


def _console(buf: io.StringIO, color: bool) -> Console:
    return Console(
        file=buf,
        force_terminal=color,
        no_color=not color,
        color_system="standard" if color else None,
        width=10_000,
        highlight=False,
        emoji=False,
        soft_wrap=True,
    )


def _header(result: FileResult, f: Finding) -> str:
    style = _SEVERITY_STYLE[f.severity.value]
    return (
        f"[bold]{escape(result.path)}[/]:{f.start_pos.line}:{f.start_pos.column}: "
        f"[{style}]{f.code}[/] [{style}]\\[{f.severity.value}][/] {escape(f.message)}"
    )


def _snippet(result: FileResult, f: Finding) -> list[str]:
    doc = result.document
    if doc is None:
        return []
    line_no = f.start_pos.line
    line = doc.line_text(line_no).replace("\t", " ").replace("\r", "")
    col0 = f.start_pos.column - 1
    col1 = f.end_pos.column - 1 if f.end_pos.line == line_no else len(line)
    col1 = max(col1, col0 + 1)
    # Long lines: show a window around the span.
    lo = max(0, col0 - _WINDOW // 3)
    hi = min(len(line), max(col1, lo + _WINDOW))
    prefix = "…" if lo > 0 else ""
    suffix = "…" if hi < len(line) else ""
    shown = prefix + line[lo:hi] + suffix
    pad = cell_len(prefix + line[lo:col0])
    width = max(1, cell_len(line[col0 : min(col1, hi)]))
    gutter = " " * len(str(line_no))
    style = _SEVERITY_STYLE[f.severity.value]
    out = [
        f"[blue]{gutter} |[/]",
        f"[blue]{line_no} |[/] {escape(shown)}",
        f"[blue]{gutter} |[/] {' ' * pad}[{style}]{'^' * width}[/]"
        + (f" [dim]fix: {escape(f.fix.replacement)!s}[/]" if f.fix and f.fix.safe else ""),
        f"[blue]{gutter} |[/]",
    ]
    return out


def _score_line(result: FileResult) -> str:
    if result.skipped:
        return f"[dim]{escape(result.skipped)}[/]"
    s = result.score
    parts = ", ".join(f"{cat} −{pts:g}" for cat, pts in sorted(s.breakdown.items(), key=lambda kv: -kv[1]))
    count = len(result.findings)
    noun = "finding" if count == 1 else "findings"
    return (
        f"[bold]{escape(result.path)}[/]: score [{_BAND_STYLE[s.band]}]{s.value:g} ({s.band})[/]"
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


def _statistics(results: list[FileResult], console: Console) -> None:
    counts = Counter((f.code, f.name, f.severity.value) for r in results for f in r.findings)
    table = Table(box=None, show_header=True, pad_edge=False)
    for col in ("count", "code", "name", "severity"):
        table.add_column(col, justify="right" if col == "count" else "left")
    for (code, name, sev), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        table.add_row(str(n), code, name, sev)
    console.print(table)


def render(results: list[FileResult], ctx) -> str:
    buf = io.StringIO()
    console = _console(buf, ctx.color)
    for result in results:
        for f in result.findings:
            console.print(_header(result, f))
            if ctx.show_source and not ctx.quiet:
                for line in _snippet(result, f):
                    console.print(line)
        if not ctx.quiet:
            console.print(_score_line(result))
            if result.findings:
                console.print()
    if ctx.statistics:
        _statistics(results, console)
    if not ctx.quiet:
        console.print(_summary(results))
    return buf.getvalue()


def render_concise(results: list[FileResult], ctx) -> str:
    """``path:line:col: CODE [severity] message``, one finding a line."""
    lines = []
    for result in results:
        for f in result.findings:
            lines.append(
                f"{result.path}:{f.start_pos.line}:{f.start_pos.column}: "
                f"{f.code} [{f.severity.value}] {f.message}"
            )
        if result.skipped and not ctx.quiet:
            lines.append(result.skipped)
    return "\n".join(lines) + ("\n" if lines else "")
