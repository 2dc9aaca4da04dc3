"""Which files to check: explicit files always, directories walked recursively
with include/exclude globs, in a deterministic (sorted) order.

A walk checks regular files only: a FIFO, socket or device whose name
matches is left out (reading a FIFO waits for a writer forever; an explicitly
named one is read, as ``<(command)`` needs). A folder that cannot be listed
is a problem to report, not a folder to skip in silence."""

from __future__ import annotations

import fnmatch
import os
import stat
from pathlib import Path

from detector.errors import DetectorError

# Folders never walked into (explicitly named files inside them are still checked).
SKIP_DIRS = frozenset({".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", "venv", ".tox", ".detector_cache"})


def _excluded(rel: str, name: str, exclude: tuple[str, ...]) -> bool:
    return any(fnmatch.fnmatch(rel, p) or fnmatch.fnmatch(name, p) for p in exclude)


def _not_a_regular_file(path: Path) -> bool:
    """A FIFO, socket or device (a broken link is not: reading reports it)."""
    try:
        return not stat.S_ISREG(path.stat().st_mode)
    except OSError:
        return False


def collect(paths: list[str], include: tuple[str, ...], exclude: tuple[str, ...],
            problems: list[str] | None = None) -> list[Path]:
    """Files to check, in order: each argument in turn, directories sorted.

    A folder that cannot be listed is added to ``problems`` as a one-line
    message, or, without that list, raises :class:`DetectorError`."""
    out: list[Path] = []
    seen: set[Path] = set()

    def unlistable(exc: OSError) -> None:
        message = f"{exc.filename}: cannot read folder: {exc.strerror or exc}"
        if problems is None:
            raise DetectorError(message)
        problems.append(message)

    for arg in paths:
        path = Path(arg)
        if path.is_dir():
            found = []
            problems_before = len(problems or ())
            for root, dirs, files in os.walk(path, onerror=unlistable):
                dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith("."))
                for name in sorted(files):
                    full = Path(root) / name
                    rel = full.relative_to(path).as_posix()
                    if (any(fnmatch.fnmatch(name, p) for p in include) and not _excluded(rel, name, exclude)
                            and not _not_a_regular_file(full)):
                        found.append(full)
            if not found:
                if problems is not None and len(problems) > problems_before:
                    continue  # the folder's problem is reported; "no files" would be a second error
                raise DetectorError(
                    f"{arg}: no files to check (include: {', '.join(include)})"
                )
            new = [f for f in found if f.resolve() not in seen]
        elif path.exists() or path.is_symlink():
            new = [path] if path.resolve() not in seen else []
        else:
            raise DetectorError(f"{arg}: no such file or directory")
        for f in new:
            seen.add(f.resolve())
            out.append(f)
    return out
