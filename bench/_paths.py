"""Where the shared evaluation corpus is: read in place, never copied."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def corpus_dir() -> Path:
    """``$DETECTOR_CORPUS``, else ``../shared/corpus`` next to the checkout
    (or two levels up, for a git worktree kept in a sub-folder)."""
    env = os.environ.get("DETECTOR_CORPUS")
    if env:
        return Path(env)
    for base in (ROOT.parent, ROOT.parent.parent):
        candidate = base / "shared" / "corpus"
        if candidate.is_dir():
            return candidate
    return ROOT.parent / "shared" / "corpus"
