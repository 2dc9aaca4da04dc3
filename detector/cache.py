"""A result cache for unchanged files.

An entry is keyed by the file's bytes, its displayed path, the resolved
settings (``Settings.fingerprint()``) and the tool: its version, Python's,
the registered rule entry points and the size and modification time of every
module of the ``detector`` and ``detector.rules`` packages (so editing a rule
in a development checkout invalidates the cache without a version bump).
Entries are :class:`FileResult` objects packed by :mod:`detector.packed`
(the form the pool's workers send back, written as it is), carrying only the
source lines the reporters need. A damaged or unreadable entry is a miss, never an
error.

Default folder: ``.detector_cache`` in the working directory (``--cache-dir``
or ``DETECTOR_CACHE_DIR`` to move it, ``--no-cache`` to skip it).
"""

from __future__ import annotations

import hashlib
import os
import sys
import time
from functools import lru_cache
from pathlib import Path

from detector import __version__
from detector.config import Settings
from detector.engine import FileResult
from detector.packed import pack, unpack

DEFAULT_CACHE_DIR = ".detector_cache"
#: Entries not used for this long are deleted (checked at most once a day).
MAX_AGE_SECONDS = 30 * 24 * 3600
PRUNE_EVERY_SECONDS = 24 * 3600
_FORMAT = 4  # bump when the stored shape changes (3: a fix carries its own span; 4: and whether it may replace undecodable bytes)


@lru_cache(maxsize=1)
def tool_key() -> str:
    """What identifies this build of the tool and its rules."""
    from importlib.metadata import entry_points

    import detector
    from detector.registry import ENTRY_POINT_GROUP

    h = hashlib.sha256(f"{_FORMAT}\x00{__version__}\x00{sys.version_info[:2]}".encode())
    for ep in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda e: (e.name, e.value)):
        h.update(f"{ep.name}={ep.value}\x00".encode())
    folders = [Path(detector.__file__).parent]
    try:
        import detector.rules as rules_pkg

        folders.append(Path(rules_pkg.__file__).parent)
    except ImportError:  # pragma: no cover
        pass
    for folder in folders:
        for root, dirs, files in os.walk(folder):
            dirs[:] = sorted(d for d in dirs if d != "__pycache__")
            for name in sorted(files):
                if name.endswith((".pyc", ".pyo")):
                    continue
                st = os.stat(os.path.join(root, name))
                h.update(f"{os.path.relpath(os.path.join(root, name), folder)}:{st.st_size}:{st.st_mtime_ns}\x00".encode())
    return h.hexdigest()


class Cache:
    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self._ready = False

    def key(self, data: bytes, shown: str, settings: Settings, options: dict | None = None) -> str:
        h = hashlib.sha256(tool_key().encode())
        h.update(b"\x00" + settings.fingerprint().encode("utf-8"))
        h.update(b"\x00" + repr(sorted((options or {}).items())).encode("utf-8"))
        h.update(b"\x00" + shown.encode("utf-8", "surrogateescape") + b"\x00")
        h.update(data)
        return h.hexdigest()

    def _path(self, key: str) -> Path:
        return self.directory / f"{key[:40]}.pickle"  # one flat folder: mkdir is slow on some file systems

    def get(self, key: str) -> FileResult | None:
        path = self._path(key)
        try:
            with open(path, "rb") as fh:
                result = unpack(fh.read())
        except Exception:  # missing, truncated or from another version: a miss
            return None
        try:
            os.utime(path)  # used: keep it past the next prune
        except OSError:
            pass
        return result

    def prune(self, now: float | None = None) -> int:
        """Delete entries unused for ``MAX_AGE_SECONDS`` (at most once every
        ``PRUNE_EVERY_SECONDS``); returns how many were deleted."""
        now = time.time() if now is None else now
        marker = self.directory / "last-prune"
        try:
            if now - marker.stat().st_mtime < PRUNE_EVERY_SECONDS:
                return 0
        except FileNotFoundError:
            pass
        except OSError:
            return 0
        deleted = 0
        try:
            with os.scandir(self.directory) as entries:
                for entry in entries:
                    if entry.name.endswith((".pickle", ".tmp")) and now - entry.stat().st_mtime > MAX_AGE_SECONDS:
                        os.unlink(entry.path)
                        deleted += 1
            marker.touch()
            os.utime(marker, (now, now))
        except OSError:
            pass
        return deleted

    def put(self, key: str, result: FileResult) -> None:
        """Store ``result``; failures are ignored."""
        self.put_packed(key, pack(result))

    def put_packed(self, key: str, blob: bytes) -> None:
        """Store a result packed by :func:`detector.packed.pack`; failures are ignored."""
        try:
            self._prepare()
            target = self._path(key)
            # Written aside and renamed: a reader never sees half an entry.
            tmp = target.with_name(f"{target.name}.{os.getpid()}.tmp")
            with open(tmp, "wb") as fh:
                fh.write(blob)
            os.replace(tmp, target)
        except OSError:
            pass

    def _prepare(self) -> None:
        if self._ready:
            return
        self.directory.mkdir(parents=True, exist_ok=True)
        # Keep the cache out of git and out of backups.
        ignore = self.directory / ".gitignore"
        if not ignore.exists():
            ignore.write_text("# Created by detector automatically.\n*\n", encoding="utf-8")
        tag = self.directory / "CACHEDIR.TAG"
        if not tag.exists():
            tag.write_text("Signature: 8a477f597d28d172789f06886806bc55\n# detector result cache\n", encoding="utf-8")
        self._ready = True


def cache_for(no_cache: bool, cache_dir: Path | None) -> Cache | None:
    if no_cache or os.environ.get("DETECTOR_NO_CACHE"):
        return None
    if cache_dir is None and os.environ.get("PYTEST_CURRENT_TEST"):
        # Inside a test suite, tests patch rules and data: a cache shared
        # between tests would hand one test another's results. Opt in with
        # --cache-dir.
        return None
    directory = cache_dir or Path(os.environ.get("DETECTOR_CACHE_DIR") or DEFAULT_CACHE_DIR)
    return Cache(directory)
