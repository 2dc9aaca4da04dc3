"""The command line: ``detector check``, ``detector rules``, ``detector rules explain``.

The CLI reads options, collects files and hands them to the engine; it knows
no rule internals. Every problem ends in one line on standard error and exit
code 2, never a traceback.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path
from typing import List, Optional

import typer

from detector import __version__
from detector.errors import DetectorError

app = typer.Typer(
    name="detector",
    help="Find translation artifacts and corruption in text before it is published.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)
rules_app = typer.Typer(
    help="List the rules, or explain one with 'detector rules explain CODE'.",
    invoke_without_command=True,
)
app.add_typer(rules_app, name="rules")


def _split(values: Optional[List[str]]) -> Optional[tuple[str, ...]]:
    """Option values given as 'A,B' and/or repeated, flattened; None if not given."""
    if not values:
        return None
    return tuple(v.strip() for value in values for v in value.split(",") if v.strip())


def _version(value: bool) -> None:
    if value:
        typer.echo(f"detector {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version and exit."),
) -> None:
    pass


@app.command()
def check(
    paths: List[str] = typer.Argument(None, help="Files or directories to check; '-' reads standard input.", show_default=False),
    select: Optional[List[str]] = typer.Option(None, "--select", help="Rules to run: codes, prefixes, categories, names or ALL (comma-separated)."),
    extend_select: Optional[List[str]] = typer.Option(None, "--extend-select", help="Rules to run in addition to the selected ones."),
    ignore: Optional[List[str]] = typer.Option(None, "--ignore", help="Rules to skip: codes, prefixes, categories or names."),
    output_format: Optional[str] = typer.Option(None, "--format", help="Output format: text, concise, json, jsonl, sarif, github, gitlab, rdjson, junit, checkstyle, markdown or html.", show_default="text"),
    output_file: Optional[Path] = typer.Option(None, "--output-file", "-o", help="Write the report to this file instead of standard output."),
    fail_on: Optional[str] = typer.Option(None, "--fail-on", help="Lowest severity that fails the check: error, warning, info or never.", show_default="error"),
    min_score: Optional[float] = typer.Option(None, "--min-score", min=0, max=100, help="Fail when any file scores below this."),
    exit_zero: bool = typer.Option(False, "--exit-zero", help="Exit 0 even when the check fails."),
    language: Optional[str] = typer.Option(None, "--language", help="The expected main language (ISO 639-1); default: detected per file."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print findings only: no source lines, scores or summary."),
    statistics: bool = typer.Option(False, "--statistics", help="Print a count of findings per rule."),
    stdin_filename: Optional[str] = typer.Option(None, "--stdin-filename", help="The name to report for standard input."),
    config: Optional[Path] = typer.Option(None, "--config", help="Use this detector.toml or pyproject.toml instead of the closest one."),
    include: Optional[List[str]] = typer.Option(None, "--include", help="File-name globs to check inside directories.", show_default="*.txt *.md *.markdown *.html *.htm"),
    exclude: Optional[List[str]] = typer.Option(None, "--exclude", help="Globs of files or folders to leave out."),
    color: Optional[bool] = typer.Option(None, "--color/--no-color", help="Force colour on or off.", show_default="on a terminal"),
    report: Optional[List[str]] = typer.Option(None, "--report", metavar="FORMAT[=PATH]", help="Also write a report in FORMAT to PATH (standard output without =PATH); repeatable."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=0, help="Files checked in parallel.", show_default="one per CPU"),
    no_cache: bool = typer.Option(False, "--no-cache", help="Neither read nor write the result cache."),
    cache_dir: Optional[Path] = typer.Option(None, "--cache-dir", help="Folder of the result cache.", show_default=".detector_cache"),
    baseline: Optional[Path] = typer.Option(None, "--baseline", help="Report only findings not recorded in this baseline file (see 'detector baseline write'); the score and --min-score/--fail-on count only the findings that remain."),
    fix: bool = typer.Option(False, "--fix", help="Apply safe fixes to the files (atomic rewrite)."),
    unsafe_fixes: bool = typer.Option(False, "--unsafe-fixes", help="With --fix or --diff, apply unsafe fixes too."),
    diff: bool = typer.Option(False, "--diff", help="Print the fixes as a unified diff; write nothing."),
    input_format: Optional[str] = typer.Option(None, "--input-format", help="Read files as txt, md, html or jsonl.", show_default="by extension"),
    text_field: str = typer.Option("text", "--text-field", help="JSONL: the field holding each record's text."),
    id_field: Optional[str] = typer.Option(None, "--id-field", help="JSONL: the field naming each record in the report.", show_default="its line number"),
    html_attributes: bool = typer.Option(False, "--html-attributes", help="HTML: also check the alt and title attributes."),
    copies: bool = typer.Option(False, "--copies", help="The files are copies of one story: also report numbers, names and dates they disagree on (CO002–CO004)."),
) -> None:
    """Check files and report findings with a 0–100 quality score per file."""
    from detector.run import CheckOptions, run_check

    if select and not _split(select):
        # `--select "$RULES"` with RULES unset selected no rule, and every check passed.
        raise DetectorError("--select is empty; give rule codes, prefixes, categories or names (ALL for every rule)")
    options = CheckOptions(
        paths=list(paths or []),
        select=_split(select),
        extend_select=_split(extend_select),
        ignore=_split(ignore),
        output_format=output_format or "text",
        output_file=output_file,
        fail_on=fail_on,
        min_score=min_score,
        exit_zero=exit_zero,
        language=language,
        quiet=quiet,
        statistics=statistics,
        stdin_filename=stdin_filename,
        config=config,
        include=_split(include),
        exclude=_split(exclude),
        color=color,
        reports=report_targets(report, output_format, output_file),
        jobs=jobs,
        no_cache=no_cache,
        cache_dir=cache_dir,
        baseline=baseline,
        fix=fix,
        unsafe_fixes=unsafe_fixes,
        diff=diff,
        input_format=input_format,
        text_field=text_field,
        id_field=id_field,
        html_attributes=html_attributes,
        copies=copies,
    )
    raise typer.Exit(run_check(options))


@rules_app.callback()
def rules(
    ctx: typer.Context,
    output_format: str = typer.Option("text", "--format", help="text or json."),
    scoring: bool = typer.Option(False, "--scoring", help="Print the score formula instead."),
) -> None:
    """List every rule with its code, category and default severity."""
    if ctx.invoked_subcommand is not None:
        return
    from detector.ruledocs import render_rule_table, render_scoring

    if scoring:
        typer.echo(render_scoring())
        return
    if output_format not in ("text", "json"):
        raise DetectorError(f"unknown format {output_format!r} for 'rules' (text or json)")
    from detector.reporters import default_color

    width = shutil.get_terminal_size().columns if sys.stdout.isatty() else None
    typer.echo(render_rule_table(output_format, color=default_color(sys.stdout), width=width), nl=False)


@rules_app.command("explain")
def explain(code: str = typer.Argument(..., help="A rule code (ML001) or name.")) -> None:
    """Print a rule's documentation: what it does, why it matters, an example."""
    from detector.ruledocs import render_explanation

    typer.echo(render_explanation(code))


def _one_line_warning(message, category, filename, lineno, file=None, line=None) -> None:
    """Warnings from rules (e.g. a missing optional extra) as one plain line."""
    sys.stderr.write(f"detector: warning: {message}\n")


def main() -> None:
    """Console-script entry point: typer app with one-line errors, exit 2."""
    import warnings

    warnings.showwarning = _one_line_warning
    try:
        # Without standalone mode click returns typer.Exit's code instead of raising it.
        code = app(standalone_mode=False)
    except DetectorError as exc:
        _fail(str(exc))
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except typer.Abort:
        _fail("aborted")
    except KeyboardInterrupt:
        _fail("interrupted", code=130)
    except BrokenPipeError:
        # Output closed early (e.g. piped into head): not an error of ours.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(1)
    except Exception as exc:  # click usage errors and anything unforeseen
        # typer bundles its own click; its exceptions carry format_message().
        if hasattr(exc, "format_message"):
            _fail(exc.format_message().replace("\n", " "), code=getattr(exc, "exit_code", 2) or 2)
        if os.environ.get("DETECTOR_DEBUG"):
            raise
        _fail(f"internal error: {type(exc).__name__}: {exc} (set DETECTOR_DEBUG=1 for a traceback)")
    sys.exit(code if isinstance(code, int) else 0)


def _fail(message: str, code: int = 2) -> None:
    sys.stderr.write(f"detector: error: {message}\n")
    sys.exit(code)


from detector import cli_eval  # noqa: E402,F401  registers 'corrupt' and 'evaluate'

# CI integration: `detector baseline write|prune` and the --report parser.
from detector.cli_ci import baseline_app, report_targets  # noqa: E402

app.add_typer(baseline_app, name="baseline")
