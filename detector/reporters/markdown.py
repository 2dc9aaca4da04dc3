"""Markdown for a job summary (``$GITHUB_STEP_SUMMARY``) or a PR comment: a
per-file score table (worst first) and the top findings."""

from __future__ import annotations

from collections import Counter

from detector.engine import FileResult
from detector.reporters._common import all_findings

TOP_FINDINGS = 20
TOP_FILES = 50  # job summaries are capped at 1 MiB: the worst files only
_RANK = {"error": 0, "warning": 1, "info": 2}
_ICON = {"clean": "🟢", "minor": "🟡", "degraded": "🟠", "reject": "🔴"}


def cell(text: str, limit: int = 120) -> str:
    """Text safe inside a table cell: one line, pipes and backticks escaped."""
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("`", "\\`").replace("<", "&lt;")


def render(results: list[FileResult], ctx) -> str:
    checked = [r for r in results if r.score]
    findings = list(all_findings(results))
    by_sev = Counter(f.severity.value for _, f in findings)
    status = "❌ failed" if ctx.failed else "✅ passed"
    out = [f"## detector {ctx.version}: {status}", ""]
    counts = ", ".join(f"{by_sev[s]} {s}{'s' if by_sev[s] != 1 and s != 'info' else ''}" for s in ("error", "warning", "info") if by_sev[s]) or "no findings"
    out += [f"{len(checked)} file{'s' if len(checked) != 1 else ''} checked; {counts}.", ""]
    if checked:
        out += ["| File | Score | Band | Findings | Worst categories |", "| --- | ---: | --- | ---: | --- |"]
        worst_first = sorted(checked, key=lambda r: (r.score.value, r.path))
        for r in worst_first[:TOP_FILES]:
            worst = ", ".join(f"{c} −{p:g}" for c, p in sorted(r.score.breakdown.items(), key=lambda kv: -kv[1])[:3])
            out.append(
                f"| `{cell(r.path)}` | {r.score.value:g} | {_ICON.get(r.score.band, '')} {r.score.band} "
                f"| {len(r.findings)} | {cell(worst) or '—'} |"
            )
        if len(worst_first) > TOP_FILES:
            out.append(f"\n…and {len(worst_first) - TOP_FILES} more files, all scoring at least {worst_first[TOP_FILES].score.value:g}.")
        out.append("")
    skipped = [r for r in results if r.skipped]
    if skipped:
        out += [f"{len(skipped)} file(s) skipped: " + ", ".join(f"`{cell(r.path)}`" for r in skipped), ""]
    if findings:
        top = sorted(findings, key=lambda rf: (_RANK[rf[1].severity.value], -rf[1].confidence))[:TOP_FINDINGS]
        title = "Top findings" if len(findings) > len(top) else "Findings"
        out += [f"### {title}", "", "| Location | Code | Severity | Message | Match |", "| --- | --- | --- | --- | --- |"]
        for r, f in top:
            out.append(
                f"| `{cell(r.path)}:{f.start_pos.line}:{f.start_pos.column}` | {f.code} | {f.severity.value} "
                f"| {cell(f.message)} | {cell(repr(f.match), 60)} |"
            )
        if len(findings) > len(top):
            out.append(f"\n…and {len(findings) - len(top)} more.")
        out.append("")
    return "\n".join(out) + "\n"
