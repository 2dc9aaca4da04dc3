"""A self-contained HTML report for editors: each file's text with every
finding highlighted in place (hover for the message), its score, and a table
of findings. No scripts, no external resources."""

from __future__ import annotations

import html
from bisect import bisect_right

from detector.engine import FileResult

_CSS = """
body{font:15px/1.5 system-ui,sans-serif;margin:2em auto;max-width:70em;color:#222;padding:0 1em}
h1{font-size:1.4em}h2{font-size:1.15em;margin-top:2em;border-bottom:1px solid #ccc}
.score{font-weight:bold;padding:.1em .5em;border-radius:.3em;color:#fff}
.clean{background:#2a7d2a}.minor{background:#b58900}.degraded{background:#cb4b16}.reject{background:#b00020}
pre.text{white-space:pre-wrap;background:#fafafa;border:1px solid #ddd;padding:1em;font:14px/1.6 ui-monospace,monospace}
mark{border-radius:.2em;padding:0 .05em}
mark.error{background:#ffc9c9;border-bottom:2px solid #b00020}
mark.warning{background:#ffe8a3;border-bottom:2px solid #b58900}
mark.info{background:#d6ecff;border-bottom:2px dotted #1f6feb}
table{border-collapse:collapse;width:100%;font-size:.9em}td,th{border-bottom:1px solid #eee;padding:.3em .5em;text-align:left;vertical-align:top}
code{font:13px ui-monospace,monospace}.sev-error{color:#b00020}.sev-warning{color:#9a6700}.sev-info{color:#1f6feb}
"""

_RANK = {"error": 3, "warning": 2, "info": 1}


def _stand_in(cp: int) -> str:
    return chr(0x2400 + cp) if cp < 0x20 else f"<U+{cp:04X}>"  # ␛ for ESC, ␀ for NUL


# Control characters, which HTML cannot show (a browser drops or replaces
# them): everywhere, a visible stand-in of the same meaning. Tab, LF and CR
# are layout and stay.
_CONTROLS = {cp: _stand_in(cp) for cp in (*range(0x20), 0x7F, *range(0x80, 0xA0)) if cp not in (9, 10, 13)}
# Inside a highlighted finding, also the invisible format characters the
# encoding rules report (zero-width, bidirectional controls, soft hyphen,
# BOM): otherwise the editor sees an empty mark.
_IN_MARKS = str.maketrans({
    **_CONTROLS,
    **{cp: _stand_in(cp) for cp in (0xAD, 0x061C, *range(0x200B, 0x2010), *range(0x202A, 0x202F),
                                    *range(0x2060, 0x2070), 0xFEFF)},
})
_OUTSIDE_MARKS = str.maketrans(_CONTROLS)


def _highlighted(text: str, result: FileResult) -> str:
    """The text with findings wrapped in <mark>; overlaps split into segments."""
    cuts = sorted({0, len(text)} | {b for f in result.findings for b in (f.start, f.end)})
    covering: list[list] = [[] for _ in cuts]
    for f in result.findings:
        if f.start == f.end:
            continue
        i = bisect_right(cuts, f.start) - 1
        while i < len(cuts) - 1 and cuts[i] < f.end:
            covering[i].append(f)
            i += 1
    out = []
    for i in range(len(cuts) - 1):
        raw = text[cuts[i] : cuts[i + 1]]
        found = covering[i]
        if not found:
            out.append(html.escape(raw.translate(_OUTSIDE_MARKS)))
            continue
        piece = html.escape(raw.translate(_IN_MARKS))
        worst = max(found, key=lambda f: _RANK[f.severity.value])
        title = html.escape(" · ".join(f"{f.code}: {f.message}" for f in found), quote=True)
        out.append(f'<mark class="{worst.severity.value}" title="{title}">{piece}</mark>')
    return "".join(out)


def _file_section(result: FileResult) -> str:
    path = html.escape(result.path)
    if result.skipped or result.score is None:
        return f"<h2>{path}</h2><p>{html.escape(result.skipped or 'not checked')}</p>"
    s = result.score
    breakdown = ", ".join(f"{html.escape(c)} −{p:g}" for c, p in sorted(s.breakdown.items(), key=lambda kv: -kv[1]))
    def fix_cell(fix) -> str:
        if fix is None:
            return ""
        shown = f"<code>{html.escape(fix.replacement)}</code>" if fix.replacement else html.escape(fix.description or "delete")
        return shown + ("" if fix.safe else " (unsafe)")

    rows = "".join(
        f"<tr><td>{f.start_pos.line}:{f.start_pos.column}</td>"
        f"<td><code>{f.code}</code></td><td class=\"sev-{f.severity.value}\">{f.severity.value}</td>"
        f"<td>{html.escape(f.message)}</td>"
        f"<td>{fix_cell(f.fix)}</td></tr>"
        for f in result.findings
    )
    table = (
        "<table><tr><th>line:col</th><th>rule</th><th>severity</th><th>message</th><th>fix</th></tr>"
        f"{rows}</table>" if rows else "<p>No findings.</p>"
    )
    text = result.document.text if result.document is not None else ""
    return (
        f"<h2>{path}</h2>"
        f'<p><span class="score {s.band}">{s.value:g}</span> {s.band} · '
        f"{len(result.findings)} findings{(' · ' + breakdown) if breakdown else ''}</p>"
        f"{table}<pre class=\"text\">{_highlighted(text, result)}</pre>"
    )


def render(results: list[FileResult], ctx) -> str:
    checked = [r for r in results if r.score]
    lowest = min((r.score.value for r in checked), default=None)
    summary = (
        f"{len(checked)} files · {sum(len(r.findings) for r in results)} findings"
        + (f" · lowest score {lowest:g}" if lowest is not None else "")
    )
    body = "".join(_file_section(r) for r in results)
    return (
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        f"<title>corruption-detector report</title><style>{_CSS}</style></head><body>"
        f"<h1>corruption-detector report</h1><p>detector {html.escape(ctx.version)} · {summary}</p>"
        f"{body}</body></html>\n"
    )
