"""CI commands: ``detector baseline write`` and ``detector baseline prune``,
and the parser of ``--report FORMAT[=PATH]``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import List, Optional

import typer

from detector.errors import DetectorError

baseline_app = typer.Typer(
    help="Record today's findings so that 'check --baseline' reports only new ones.",
    no_args_is_help=True,
)


def report_targets(
    specs: Optional[List[str]], output_format: Optional[str], output_file: Optional[Path]
) -> tuple[tuple[str, Optional[Path]], ...]:
    """``--report`` values as (format, path or None for standard output).

    With ``--report``, the ``--format``/``-o`` report is written only when one
    of them is given too; without, the CLI's single report applies (empty)."""
    if not specs:
        return ()
    targets: list[tuple[str, Optional[Path]]] = []
    if output_format is not None or output_file is not None:
        targets.append((output_format or "text", output_file))
    for spec in specs:
        fmt, sep, path = spec.partition("=")
        fmt = fmt.strip()
        if not fmt or (sep and not path):
            raise DetectorError(f"--report {spec!r}: expected FORMAT or FORMAT=PATH")
        targets.append((fmt, Path(path) if sep and path != "-" else None))
    if sum(1 for _, p in targets if p is None) > 1:
        raise DetectorError("only one report can go to standard output; give the others a =PATH")
    return tuple(targets)


def _check(paths: list[str], select, ignore, config, jobs, no_cache):
    """Results of checking ``paths`` as 'detector check' would (suppressions
    applied, no baseline)."""
    from detector.cache import cache_for
    from detector.cli import _split
    from detector.files import collect
    from detector.parallel import check_files, show_progress
    from detector.reading import display_path
    from detector.run import CheckOptions, _base_settings

    if select and not _split(select):
        raise DetectorError("--select is empty; give rule codes, prefixes, categories or names (ALL for every rule)")
    opts = CheckOptions(paths=paths, select=_split(select), ignore=_split(ignore), config=config)
    cwd_settings = _base_settings(opts, Path.cwd())
    files = [
        (p, display_path(p), _base_settings(opts, p.parent))
        for p in collect(paths, cwd_settings.include, cwd_settings.exclude)
    ]
    results = []
    for out in check_files(files, jobs, cache_for(no_cache, None), show_progress(len(files), False)):
        if out.error is not None:
            raise DetectorError(out.error)
        if out.warning is not None:
            sys.stderr.write(f"detector: warning: {out.warning}\n")
        results.append(out.result)
    return results


_PATHS = typer.Argument(None, help="Files or directories to check.", show_default=".")
_SELECT = typer.Option(None, "--select", help="Rules to run (as for 'check').")
_IGNORE = typer.Option(None, "--ignore", help="Rules to skip (as for 'check').")
_CONFIG = typer.Option(None, "--config", help="Use this detector.toml or pyproject.toml.")
_JOBS = typer.Option(None, "--jobs", "-j", min=0, help="Files checked in parallel.", show_default="one per CPU")
_NO_CACHE = typer.Option(False, "--no-cache", help="Neither read nor write the result cache.")


@baseline_app.command("write")
def write(
    paths: List[str] = _PATHS,
    output: Path = typer.Option(Path("detector-baseline.json"), "--output", "-o", help="The baseline file to write."),
    select: Optional[List[str]] = _SELECT,
    ignore: Optional[List[str]] = _IGNORE,
    config: Optional[Path] = _CONFIG,
    jobs: Optional[int] = _JOBS,
    no_cache: bool = _NO_CACHE,
) -> None:
    """Record every current finding (by path, code and a fingerprint of the text)."""
    from detector.baseline import Baseline

    results = _check(list(paths or ["."]), select, ignore, config, jobs, no_cache)
    baseline = Baseline.from_results(results)
    baseline.save(output)
    total = sum(baseline.counts.values())
    typer.echo(f"Wrote {output}: {total} finding{'s' if total != 1 else ''} in {len(baseline.counts)} entr{'ies' if len(baseline.counts) != 1 else 'y'}.")


@baseline_app.command("prune")
def prune(
    paths: List[str] = _PATHS,
    baseline_file: Path = typer.Option(Path("detector-baseline.json"), "--baseline", "-b", help="The baseline file to prune in place."),
    select: Optional[List[str]] = _SELECT,
    ignore: Optional[List[str]] = _IGNORE,
    config: Optional[Path] = _CONFIG,
    jobs: Optional[int] = _JOBS,
    no_cache: bool = _NO_CACHE,
) -> None:
    """Drop entries that no longer match a finding (fixed text, deleted files).

    Without PATHS, the files named in the baseline that still exist are checked."""
    from detector.baseline import Baseline

    old = Baseline.load(baseline_file)
    targets = list(paths or sorted({p for p, _, _ in old.counts if Path(p).is_file()}))
    results = _check(targets, select, ignore, config, jobs, no_cache) if targets else []
    new = old.pruned(results)
    new.save(baseline_file)
    dropped = sum(old.counts.values()) - sum(new.counts.values())
    typer.echo(f"Pruned {baseline_file}: dropped {dropped} stale finding{'s' if dropped != 1 else ''}, kept {sum(new.counts.values())}.")
