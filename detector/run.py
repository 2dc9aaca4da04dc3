"""``detector check``: collect files, read, check, score, report, exit code.

read → Document → rules → Findings → score → reporter
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from detector import __version__
from detector.config import FAIL_ON, Settings, load_file, settings_for_dir, with_overrides
from detector.engine import FileResult, check_bytes, validate_selectors
from detector.errors import DetectorError, SkipFile
from detector.files import collect
from detector.finding import Severity
from detector.formats import extractor, format_for
from detector.formats.jsonl import check_jsonl, open_stream
from detector.reading import display_path, read_bytes

EXIT_OK, EXIT_FAILED, EXIT_ERROR = 0, 1, 2


@dataclass
class CheckOptions:
    paths: list[str]
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None
    output_format: str = "text"
    output_file: Path | None = None
    fail_on: str | None = None
    min_score: float | None = None
    exit_zero: bool = False
    language: str | None = None
    quiet: bool = False
    statistics: bool = False
    stdin_filename: str | None = None
    config: Path | None = None
    include: tuple[str, ...] | None = None
    exclude: tuple[str, ...] | None = None
    color: bool | None = None
    # Input formats (detector.formats): txt, md, html, jsonl; None: by extension.
    input_format: str | None = None
    text_field: str = "text"
    id_field: str | None = None
    html_attributes: bool = False


def _base_settings(opts: CheckOptions, directory: Path) -> Settings:
    if opts.config is not None:
        if not opts.config.is_file():
            raise DetectorError(f"{opts.config}: config file not found")
        settings = load_file(opts.config)
        if settings is None:
            raise DetectorError(f"{opts.config}: has no [tool.detector] table")
    else:
        settings = settings_for_dir(directory.resolve())
    settings = with_overrides(
        settings,
        select=opts.select,
        ignore=(settings.ignore + opts.ignore) if opts.ignore else None,
        extend_select=opts.extend_select,
        fail_on=opts.fail_on,
        min_score=opts.min_score,
        language=opts.language,
        include=opts.include,
        exclude=opts.exclude,
    )
    for selectors in (settings.select or (), settings.extend_select, settings.ignore):
        validate_selectors(selectors)
    return settings


def _fails(result: FileResult, settings: Settings) -> bool:
    if result.score is None:
        return False
    if settings.min_score is not None and result.score.value < settings.min_score:
        return True
    if settings.fail_on == "never":
        return False
    floor = Severity(settings.fail_on).rank
    return any(f.severity.rank >= floor for f in result.findings)


def run_check(opts: CheckOptions) -> int:
    from detector.reporters import FORMATS, ReportContext, get_reporter

    if opts.output_format not in FORMATS:
        raise DetectorError(f"unknown format {opts.output_format!r} (choose from {', '.join(FORMATS)})")
    if opts.fail_on is not None and opts.fail_on not in FAIL_ON:
        raise DetectorError(f"--fail-on must be one of {', '.join(FAIL_ON)}")
    if not opts.paths:
        raise DetectorError("no paths given (use '-' for standard input); see 'detector check --help'")

    cwd_settings = _base_settings(opts, Path.cwd())
    results: list[FileResult] = []
    io_errors = 0
    failed = False

    def checked(data: bytes, shown: str, settings: Settings) -> None:
        nonlocal failed
        to_prose = extractor(format_for(shown, opts.input_format), opts.html_attributes)
        try:
            result = check_bytes(data, shown, settings, to_prose=to_prose)
        except SkipFile as skip:
            sys.stderr.write(f"detector: warning: {skip}\n")
            result = FileResult(path=shown, skipped=str(skip))
        failed = failed or _fails(result, settings)
        results.append(result)

    def checked_records(stream, shown: str, settings: Settings) -> None:
        """A JSONL corpus: one result per damaged record, streamed."""
        nonlocal failed
        warn = lambda message: sys.stderr.write(f"detector: warning: {message}\n")  # noqa: E731
        for result in check_jsonl(stream, shown, settings, opts.text_field, opts.id_field, warn):
            failed = failed or _fails(result, settings)
            results.append(result)

    if opts.paths == ["-"]:
        shown = opts.stdin_filename or "-"
        directory = Path(opts.stdin_filename).parent if opts.stdin_filename else Path.cwd()
        if format_for(opts.stdin_filename, opts.input_format) == "jsonl":
            checked_records(sys.stdin.buffer, shown, _base_settings(opts, directory))
        else:
            checked(sys.stdin.buffer.read(), shown, _base_settings(opts, directory))
    else:
        if "-" in opts.paths:
            raise DetectorError("'-' (standard input) cannot be mixed with other paths")
        for path in collect(opts.paths, cwd_settings.include, cwd_settings.exclude):
            settings = _base_settings(opts, path.parent)
            shown = display_path(path)
            if format_for(shown, opts.input_format) == "jsonl":
                try:
                    with open_stream(path) as stream:
                        checked_records(stream, shown, settings)
                except DetectorError as exc:
                    sys.stderr.write(f"detector: error: {exc}\n")
                    io_errors += 1
                continue
            try:
                data = read_bytes(path, settings.max_file_size)
            except SkipFile as skip:
                sys.stderr.write(f"detector: warning: {skip}\n")
                results.append(FileResult(path=shown, skipped=str(skip)))
                continue
            except DetectorError as exc:
                sys.stderr.write(f"detector: error: {exc}\n")
                io_errors += 1
                continue
            checked(data, shown, settings)

    color = opts.color if opts.color is not None else (opts.output_file is None and sys.stdout.isatty())
    ctx = ReportContext(
        version=__version__,
        color=bool(color) and opts.output_format == "text",
        failed=failed,
        statistics=opts.statistics,
        quiet=opts.quiet,
    )
    report = get_reporter(opts.output_format)(results, ctx)
    if opts.output_file is not None:
        try:
            opts.output_file.write_text(report, encoding="utf-8")
        except OSError as exc:
            raise DetectorError(f"{opts.output_file}: cannot write: {exc.strerror or exc}") from None
    else:
        sys.stdout.write(report)
        sys.stdout.flush()
    if io_errors:
        return EXIT_ERROR
    if failed and not opts.exit_zero:
        return EXIT_FAILED
    return EXIT_OK
