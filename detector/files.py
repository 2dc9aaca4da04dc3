"""Which files to check: explicit files always, directories walked recursively
with include/exclude globs, in a deterministic (sorted) order."""

from __future__ import annotations

import fnmatch
import os
from pathlib import Path

from detector.errors import DetectorError

# Folders never walked into (explicitly named files inside them are still checked).
SKIP_DIRS = frozenset({".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", "venv", ".tox", ".detector_cache"})


def _excluded(rel: str, name: str, exclude: tuple[str, ...]) -> bool:
    return any(fnmatch.fnmatch(rel, p) or fnmatch.fnmatch(name, p) for p in exclude)


def collect(paths: list[str], include: tuple[str, ...], exclude: tuple[str, ...]) -> list[Path]:
    """Files to check, in order: each argument in turn, directories sorted."""
    out: list[Path] = []
    seen: set[Path] = set()
    for arg in paths:
        path = Path(arg)
        if path.is_dir():
            found = []
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith("."))
                for name in sorted(files):
                    full = Path(root) / name
                    rel = full.relative_to(path).as_posix()
                    if any(fnmatch.fnmatch(name, p) for p in include) and not _excluded(rel, name, exclude):
                        found.append(full)
            if not found:
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
