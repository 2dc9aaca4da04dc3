"""Checking many files: a process pool, the result cache and a progress bar.

:func:`check_files` returns one :class:`Outcome` per file, in the order the
files were given, whatever ``jobs`` is: the report of ``--jobs 4`` is
byte-for-byte that of ``--jobs 1``. Results that cross a process boundary or
go into the cache carry a :class:`SourceLines` instead of the Document: just
the lines that the reporters show and that baseline fingerprints hash.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import sys
from dataclasses import dataclass, replace
from pathlib import Path

from detector.cache import Cache
from detector.config import Settings
from detector.engine import FileResult, check_bytes
from detector.errors import DetectorError, SkipFile
from detector.packed import SourceLines, pack, source_lines, unpack
from detector.reading import read_bytes

#: Fewer files than this to check are done in this process (a pool costs more).
MIN_FILES_FOR_POOL = 4
#: Files at which the progress bar appears (on a terminal only).
MIN_FILES_FOR_PROGRESS = 20


def portable(result: FileResult) -> FileResult:
    """``result`` with its Document replaced by the :class:`SourceLines` it needs."""
    doc = result.document
    if doc is None or isinstance(doc, SourceLines):
        return result
    return replace(result, document=source_lines(result))


def check_data(
    data: bytes,
    shown: str,
    settings: Settings,
    input_format: str | None = None,
    html_attributes: bool = False,
) -> FileResult:
    """Check one file's bytes: its prose (Markdown and HTML through
    :mod:`detector.formats`, chosen by ``input_format`` or the extension),
    then suppression comments (score recomputed without the silenced
    findings). Raises SkipFile/DetectorError.

    Findings of Markdown/HTML files are mapped back to the source, whose
    Document the result carries, so suppressions are read from its text."""
    from detector.formats import extractor, format_for

    to_prose = extractor(format_for(shown, input_format), html_attributes)
    result = check_bytes(data, shown, settings, to_prose=to_prose)
    doc = result.document
    source = getattr(doc, "source_text", None) or doc.text
    if "detector-" in source:
        from detector.engine import selected_rule_classes
        from detector.registry import all_rules
        from detector.suppressions import apply_suppressions

        findings = apply_suppressions(
            result.findings, source, doc.text, selected_rule_classes(settings, shown), all_rules()
        )
        if findings is not result.findings:
            result.findings = findings
            result.rescore()
    return result


@dataclass
class Outcome:
    """What became of one file: a result, a skip (warning) or an I/O error."""

    path: Path
    shown: str
    settings: Settings
    result: FileResult | None = None
    warning: str | None = None
    error: str | None = None


def _work(job: tuple[bytes, str, Settings, dict]) -> tuple[str, object]:
    """Pool worker: never raises, so one bad file cannot kill the pool.

    A result comes back packed (:mod:`detector.packed`): cheap to send, to
    read in the main process and to store in the cache as it is."""
    data, shown, settings, options = job
    try:
        return "packed", pack(check_data(data, shown, settings, **options))
    except SkipFile as skip:
        return "skip", str(skip)
    except DetectorError as exc:
        return "fatal", str(exc)


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def _context():
    methods = multiprocessing.get_all_start_methods()
    # fork shares the rules already imported (and the caches the first file
    # warmed) with the workers; macOS' fork is unsafe with system libraries.
    if "fork" in methods and sys.platform != "darwin":
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


class Progress:
    """``checking 120/500 files [#####     ]`` on standard error, redrawn in place."""

    def __init__(self, total: int, enabled: bool) -> None:
        self.total, self.done, self.enabled = total, 0, enabled
        self._last = -1

    def advance(self, n: int = 1) -> None:
        self.done += n
        if not self.enabled:
            return
        width = 30
        filled = width * self.done // max(1, self.total)
        if filled == self._last and self.done != self.total:
            return
        self._last = filled
        sys.stderr.write(f"\rchecking {self.done}/{self.total} files [{'#' * filled}{' ' * (width - filled)}]")
        sys.stderr.flush()

    def close(self) -> None:
        if self.enabled:
            sys.stderr.write("\r\x1b[2K")
            sys.stderr.flush()


def show_progress(total: int, quiet: bool) -> bool:
    return total >= MIN_FILES_FOR_PROGRESS and not quiet and sys.stderr.isatty() and not os.environ.get("CI")


def check_files(
    files: list[tuple[Path, str, Settings]],
    jobs: int | None = None,
    cache: Cache | None = None,
    progress: bool = False,
    keep_documents: bool = False,
    after_check=None,
    **options,
) -> list[Outcome]:
    """Read, check (or fetch from ``cache``) every file; outcomes in input order.

    ``options`` are passed to :func:`check_data` (and are part of the cache key).

    A rule's internal error (DetectorError while checking) stops the run, as
    with one process."""
    jobs = default_jobs() if not jobs or jobs < 1 else jobs
    outcomes: list[Outcome] = []
    pending: list[int] = []  # indexes into outcomes still to check
    payloads: dict[int, tuple[bytes, str, Settings, dict]] = {}
    keys: dict[int, str] = {}
    bar = Progress(len(files), progress)
    for path, shown, settings in files:
        out = Outcome(path, shown, settings)
        outcomes.append(out)
        try:
            data = read_bytes(path, settings.max_file_size)
        except SkipFile as skip:
            out.warning = str(skip)
            out.result = FileResult(path=shown, skipped=str(skip))
            bar.advance()
            continue
        except DetectorError as exc:
            out.error = str(exc)
            bar.advance()
            continue
        i = len(outcomes) - 1
        if cache is not None:
            keys[i] = cache.key(data, shown, settings, options)
            cached = cache.get(keys[i])
            if cached is not None:
                out.result = cached
                bar.advance()
                continue
        pending.append(i)
        payloads[i] = (data, shown, settings, options)

    def settle(i: int, status: str, payload) -> None:
        out = outcomes[i]
        if status == "fatal":
            bar.close()
            raise DetectorError(payload)
        if status == "skip":
            out.warning = payload
            out.result = FileResult(path=out.shown, skipped=payload)
        elif status == "packed":  # from a worker
            out.result = unpack(payload)
            if cache is not None:
                cache.put_packed(keys[i], payload)
        else:
            # Keep only the source lines the reporters show, so memory does not
            # grow with the number of files, unless a report needs the text.
            out.result = payload if keep_documents else portable(payload)
            if cache is not None:
                cache.put(keys[i], payload)
        bar.advance()

    try:
        if jobs == 1 or len(pending) < MIN_FILES_FOR_POOL or after_check is not None:
            for i in pending:
                data, shown, settings, _ = payloads.pop(i)
                try:
                    result = check_data(data, shown, settings, **options)
                    if after_check is not None:
                        # e.g. --fix: needs the Document and the bytes it was made from
                        after_check(outcomes[i].path, shown, data, result)
                    settle(i, "ok", result)
                except SkipFile as skip:
                    settle(i, "skip", str(skip))
                except DetectorError as exc:
                    settle(i, "fatal", str(exc))
        else:
            # The first file in this process warms every lazy cache (rules,
            # word lists) before the workers are forked from it.
            first, rest = pending[0], pending[1:]
            settle(first, *_work(payloads.pop(first)))
            # Frozen objects are left alone by the garbage collector, so the
            # forked workers do not copy every page of the word lists when a
            # collection touches them.
            gc.freeze()
            with _context().Pool(min(jobs, len(rest)), initializer=gc.enable) as pool:
                chunk = max(1, min(8, len(rest) // (jobs * 8)))
                stream = pool.imap(_work, [payloads.pop(i) for i in rest], chunksize=chunk)
                # The results read here make no reference cycles, but their
                # many small objects would set off collections that walk all
                # the results read so far (reading 500 news pages' results: 0.11 s → 0.07 s).
                collecting = gc.isenabled()
                gc.disable()
                try:
                    for i, (status, payload) in zip(rest, stream):
                        settle(i, status, payload)
                finally:
                    if collecting:
                        gc.enable()
    finally:
        bar.close()
    if cache is not None and cache.directory.is_dir():
        cache.prune()
    return outcomes
