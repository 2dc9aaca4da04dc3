"""``detector check``: collect files, read, check, score, report, exit code.

read → Document → rules → Findings → score → reporter
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from detector import __version__
from detector.config import FAIL_ON, Settings, language_code, load_file, settings_for_dir, with_overrides
from detector.engine import FileResult, check_copies, validate_selectors
from detector.errors import DetectorError, SkipFile
from detector.files import collect
from detector.finding import Severity
from detector.formats import format_for
from detector.formats.jsonl import check_jsonl, open_stream
from detector.reading import display_path

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
    # CI integration (detector/parallel.py, cache.py, baseline.py):
    reports: tuple[tuple[str, Path | None], ...] = ()  # --report FORMAT[=PATH]; empty: --format/-o
    jobs: int | None = None  # None: one per CPU
    no_cache: bool = False
    cache_dir: Path | None = None
    baseline: Path | None = None
    fix: bool = False  # apply safe fixes (--fix)
    unsafe_fixes: bool = False  # with --fix/--diff, unsafe fixes too
    diff: bool = False  # print fixes as a unified diff, write nothing
    # Input formats (detector.formats): txt, md, html, jsonl; None: by extension.
    input_format: str | None = None
    text_field: str = "text"
    id_field: str | None = None
    html_attributes: bool = False
    # The files are copies of one story: run the rules of scope "copies" too.
    copies: bool = False


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
        # A --select on the command line replaces the file's selection and its
        # ignores (as in ruff); --ignore adds to whatever remains.
        ignore=(() if opts.select else settings.ignore) + (opts.ignore or ()),
        extend_select=opts.extend_select,
        fail_on=opts.fail_on,
        min_score=opts.min_score,
        language=None if opts.language is None else language_code(opts.language, "--language"),
        include=opts.include,
        exclude=opts.exclude,
    )
    for selectors in (settings.select or (), settings.extend_select, settings.ignore):
        validate_selectors(selectors)
    # A typo there silenced nothing, without a word, while the same typo in --ignore is an error.
    try:
        validate_selectors(tuple(code for _, codes in settings.per_file_ignores for code in codes))
    except DetectorError as exc:
        raise DetectorError(f"{settings.source or 'config'}: per-file-ignores: {exc}") from None
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


def _terminal_width() -> int:
    import shutil

    return shutil.get_terminal_size().columns


def run_check(opts: CheckOptions) -> int:
    from detector.reporters import FORMATS, ReportContext, default_color, get_reporter

    outputs = list(opts.reports) or [(opts.output_format, opts.output_file)]
    for fmt, _ in outputs:
        if fmt not in FORMATS:
            raise DetectorError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
    if opts.fail_on is not None and opts.fail_on not in FAIL_ON:
        raise DetectorError(f"--fail-on must be one of {', '.join(FAIL_ON)}")
    if not opts.paths:
        raise DetectorError("no paths given (use '-' for standard input); see 'detector check --help'")

    cwd_settings = _base_settings(opts, Path.cwd())
    baseline = None
    if opts.baseline is not None:  # read first: a missing file fails before the work
        from detector.baseline import Baseline

        baseline = Baseline.load(opts.baseline)
    results: list[FileResult] = []
    settings_of: list[Settings] = []
    io_errors = 0

    # Input format options go with every file to check_data (and into the cache key).
    format_options = {"input_format": opts.input_format, "html_attributes": opts.html_attributes}

    if opts.fix and opts.paths == ["-"] and not opts.diff:
        raise DetectorError("--fix cannot rewrite standard input; use --diff")
    fixing = opts.fix or opts.diff
    diffs: list[str] = []

    def apply_fixes(path: Path | None, shown: str, data: bytes, result: FileResult) -> None:
        if result.document is not None:
            from detector.fixes import fix_for_check

            diffs.append(fix_for_check(path, shown, data, result, unsafe=opts.unsafe_fixes, write=not opts.diff))

    def checked(data: bytes, shown: str, settings: Settings) -> None:
        from detector.parallel import check_data

        try:
            result = check_data(data, shown, settings, **format_options)
        except SkipFile as skip:
            sys.stderr.write(f"detector: warning: {skip}\n")
            result = FileResult(path=shown, skipped=str(skip))
        if fixing:
            apply_fixes(None, shown, data, result)
        results.append(result)
        settings_of.append(settings)

    def checked_records(stream, shown: str, settings: Settings) -> None:
        """A JSONL corpus: one result per damaged record, streamed."""
        warn = lambda message: sys.stderr.write(f"detector: warning: {message}\n")  # noqa: E731
        for result in check_jsonl(stream, shown, settings, opts.text_field, opts.id_field, warn):
            results.append(result)
            settings_of.append(settings)

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
        from detector.cache import cache_for
        from detector.parallel import check_files, show_progress

        per_directory: dict[Path, Settings] = {}  # the closest config of each folder, read once

        def settings_of_folder(directory: Path) -> Settings:
            if directory not in per_directory:
                per_directory[directory] = _base_settings(opts, directory)
            return per_directory[directory]

        unlistable: list[str] = []  # folders that cannot be read: reported, the rest checked
        files = [
            (path, display_path(path), settings_of_folder(path.parent))
            for path in collect(opts.paths, cwd_settings.include, cwd_settings.exclude, unlistable)
        ]
        for message in unlistable:
            sys.stderr.write(f"detector: error: {message}\n")
        io_errors += len(unlistable)
        # The HTML report shows each file's whole text, and fixes need the
        # Document and the bytes it came from: check those in this process,
        # without the cache.
        needs_text = any(fmt == "html" for fmt, _ in outputs) or opts.copies
        in_process = needs_text or fixing
        cache = None if in_process else cache_for(opts.no_cache, opts.cache_dir)
        progress = show_progress(len(files), opts.quiet)

        def check_batch(batch) -> None:
            nonlocal io_errors
            if not batch:
                return
            for out in check_files(
                batch,
                1 if in_process else opts.jobs,
                cache,
                progress,
                keep_documents=needs_text,
                after_check=apply_fixes if fixing else None,
                **format_options,
            ):
                if out.error is not None:
                    sys.stderr.write(f"detector: error: {out.error}\n")
                    io_errors += 1
                    continue
                if out.warning is not None:
                    sys.stderr.write(f"detector: warning: {out.warning}\n")
                results.append(out.result)
                settings_of.append(out.settings)

        # JSONL corpora stream in this process; the other files go in batches
        # to the pool, in the order they were given.
        batch: list = []
        for path, shown, settings in files:
            if format_for(shown, opts.input_format) != "jsonl":
                batch.append((path, shown, settings))
                continue
            check_batch(batch)
            batch = []
            if opts.copies:
                sys.stderr.write(f"detector: warning: {shown}: --copies compares whole files; "
                                 "the records of a JSONL corpus are not compared\n")
            try:
                with open_stream(path) as stream:
                    checked_records(stream, shown, settings)
            except DetectorError as exc:
                sys.stderr.write(f"detector: error: {exc}\n")
                io_errors += 1
        check_batch(batch)

    if opts.copies:
        check_copies([r for r in results if r.skipped is None], cwd_settings)
    if opts.diff:
        sys.stdout.write("".join(diffs))
        sys.stdout.flush()
        return EXIT_ERROR if io_errors else (EXIT_FAILED if any(diffs) else EXIT_OK)
    if baseline is not None:
        baseline.filter(results)
    failed = any(_fails(result, settings) for result, settings in zip(results, settings_of))
    for fmt, path in outputs:
        color = opts.color if opts.color is not None else (path is None and default_color(sys.stdout))
        ctx = ReportContext(
            version=__version__,
            color=bool(color) and fmt == "text",
            failed=failed,
            statistics=opts.statistics,
            quiet=opts.quiet,
            width=_terminal_width() if path is None and fmt == "text" and sys.stdout.isatty() else None,
        )
        report = get_reporter(fmt)(results, ctx)
        if path is not None:
            try:
                path.write_text(report, encoding="utf-8")
            except OSError as exc:
                raise DetectorError(f"{path}: cannot write: {exc.strerror or exc}") from None
        else:
            sys.stdout.write(report)
            sys.stdout.flush()
    if io_errors:
        return EXIT_ERROR
    if failed and not opts.exit_zero:
        return EXIT_FAILED
    return EXIT_OK
