"""Fixes: apply the findings' replacements to a file, or show them as a diff.

``detector check --fix`` applies safe fixes; ``--unsafe-fixes`` adds the rest;
``--diff`` prints a unified diff and writes nothing.

The file is patched at the byte level: only the bytes of the fixed spans are
re-encoded, everything else (encoding, byte-order mark, line endings, even
undecodable bytes) is copied unchanged. Writing is atomic: a temporary file
in the same directory, flushed, given the original permissions (and owner,
where the user may set it), then renamed
over the original with :func:`os.replace`, so a crash leaves either the old or
the new content. A file that changed since it was read, or is read-only, is
not written.

>>> from detector.finding import Finding, Fix, Severity
>>> f = Finding("EN009", "html-entity", "encoding", Severity.WARNING, "", 5, 10, "&amp;",
...             fix=Fix("&", safe=True))
>>> apply_to_text("Rock &amp; Roll", select_fixes([f]))
'Rock & Roll'
"""

from __future__ import annotations

import codecs
import difflib
import os
import stat
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from detector.document import Decoding
from detector.errors import DetectorError
from detector.finding import Finding

_BOM_OF = {
    "utf-8": codecs.BOM_UTF8, "utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE,
    "utf-32-le": codecs.BOM_UTF32_LE, "utf-32-be": codecs.BOM_UTF32_BE,
}


class FixRefused(DetectorError):
    """The fixes cannot be written without damaging the file."""


@dataclass
class FixOutcome:
    """What fixing one file did (or, with ``--diff``, would do)."""

    path: str
    applied: list[Finding] = field(default_factory=list)
    old_text: str = ""
    new_text: str = ""
    new_bytes: bytes | None = None
    written: bool = False

    @property
    def changed(self) -> bool:
        return bool(self.applied) and self.new_text != self.old_text

    def diff(self) -> str:
        """A unified diff of the text (``a/path`` → ``b/path``; an absolute
        path, outside the working folder, as it is); empty if unchanged."""
        if not self.changed:
            return ""
        absolute = os.path.isabs(self.path)
        lines = difflib.unified_diff(
            _patch_lines(self.old_text), _patch_lines(self.new_text),
            fromfile=self.path if absolute else f"a/{self.path}",
            tofile=self.path if absolute else f"b/{self.path}",
        )
        out = []
        for line in lines:
            out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
        return "".join(out)


def _patch_lines(text: str) -> list[str]:
    r"""The lines of ``text`` as patch and git count them: ended by LF only.

    ``str.splitlines`` also ends lines at form feeds, U+2028, U+0085 and other
    separators, which made diffs whose hunk counts patch rejects.

    >>> _patch_lines("a\x0cb\u2028c\r\nd")
    ['a\x0cb\u2028c\r\n', 'd']
    """
    lines = [line + "\n" for line in text.split("\n")]
    lines[-1] = lines[-1][:-1]
    return lines if lines[-1] else lines[:-1]


def select_fixes(findings: list[Finding], unsafe: bool = False) -> list[Finding]:
    """The findings whose fixes are applied, in text order, none overlapping.

    Safe fixes only unless ``unsafe``. A fix replaces its finding's span or
    a span of its own (``Finding.fix_span``: a deleted line takes its line
    ending along). Overlaps are resolved deterministically: in (start, end,
    code) order of the replaced spans, a fix that overlaps one already taken
    is skipped (it is still reported, and a second run may apply it).
    """
    candidates = sorted(
        (f for f in findings if f.fix is not None and (f.fix.safe or unsafe)),
        key=lambda f: (*f.fix_span, f.code, f.fix.replacement),
    )
    chosen: list[Finding] = []
    last_start = last_end = -1
    for f in candidates:
        start, end = f.fix_span
        if chosen:
            if start < last_end or (start == last_start and start == end):
                continue
            if start == last_end == last_start:  # two insertions at one point
                continue
        if f.fix.start is None and f.fix.replacement == f.match:
            continue
        chosen.append(f)
        last_start, last_end = start, end
    return chosen


def apply_to_text(text: str, fixes: list[Finding]) -> str:
    """``text`` with the (non-overlapping, sorted) fixes applied."""
    parts, pos = [], 0
    for f in fixes:
        start, end = f.fix_span
        parts.append(text[pos:start])
        parts.append(f.fix.replacement)
        pos = end
    parts.append(text[pos:])
    return "".join(parts)


def patch_bytes(data: bytes, text: str, decoding: Decoding, fixes: list[Finding]) -> tuple[bytes, list[Finding]]:
    """The file's bytes with the fixes applied, and the fixes that could be.

    Text offsets are mapped to byte offsets by encoding the text between
    fixes; each U+FFFD that stands for undecodable bytes counts as those
    bytes. A fix whose replacement the file's encoding cannot hold, or that
    touches undecodable bytes (unless it is a fix of those bytes,
    ``Fix.replaces_undecodable``), is left out.
    """
    encoding = decoding.encoding
    bom = _BOM_OF.get(encoding, b"") if decoding.bom else b""
    invalid = {t: len(raw) for (_, t), raw in zip(decoding.invalid_bytes, decoding.invalid_raw)}

    def byte_length(start: int, end: int) -> int:
        n = len(text[start:end].encode(encoding, errors="surrogatepass"))
        for t, raw_len in invalid.items():
            if start <= t < end:
                n += raw_len - 3  # U+FFFD encodes to 3 bytes, the raw sequence had raw_len
        return n

    out = [data[: len(bom)]]
    text_pos, byte_pos = 0, len(bom)
    applied = []
    for f in fixes:
        start, end = f.fix_span
        if not f.fix.replaces_undecodable and any(start <= t < end for t in invalid):
            continue  # a fix that does not read them would drop undecodable bytes
        try:
            replacement = f.fix.replacement.encode(encoding)
        except UnicodeEncodeError:
            continue
        gap = byte_length(text_pos, start)
        span = byte_length(start, end)
        out.append(data[byte_pos : byte_pos + gap])
        out.append(replacement)
        byte_pos += gap + span
        text_pos = end
        applied.append(f)
    out.append(data[byte_pos:])
    if byte_pos + byte_length(text_pos, len(text)) != len(data):
        raise FixRefused("cannot map the text back to the file's bytes; not fixed")
    return b"".join(out), applied


def plan(path: str, data: bytes, text: str, decoding: Decoding, findings: list[Finding],
         unsafe: bool = False) -> FixOutcome:
    """Work out the fixed bytes and text of one file, writing nothing."""
    from detector.reading import decode

    chosen = select_fixes(findings, unsafe)
    outcome = FixOutcome(path=path, old_text=text, new_text=text)
    if not chosen:
        return outcome
    new_bytes, applied = patch_bytes(data, text, decoding, chosen)
    new_text = apply_to_text(text, applied)
    if decoding.detected:
        decoded = new_bytes.decode(decoding.encoding, errors="replace")
    else:
        decoded, _ = decode(new_bytes)
    if decoded != new_text:
        raise FixRefused("the fixed file would not decode to the fixed text; not fixed")
    outcome.applied, outcome.new_text, outcome.new_bytes = applied, new_text, new_bytes
    return outcome


def write_atomic(path: Path, original: bytes, new: bytes) -> None:
    """Replace the file's content with ``new`` if it still holds ``original``.

    A temporary file in the same directory gets the content and the original
    permissions, is flushed to disk, then renamed over the file: readers and
    a crash at any moment see the old or the new content, never a mix.
    """
    real = Path(os.path.realpath(path))
    try:
        before = real.stat()
        if real.read_bytes() != original:
            raise FixRefused(f"{path}: changed since it was read; not fixed")
    except OSError as exc:
        raise FixRefused(f"{path}: cannot read: {exc.strerror or exc}") from None
    # The rename needs only the folder to be writable, so it would replace a
    # file its owner made read-only (or that this user may not write).
    if not before.st_mode & 0o222 or not os.access(real, os.W_OK):
        raise FixRefused(f"{path}: read-only; not fixed")
    fd, tmp = tempfile.mkstemp(dir=real.parent, prefix=f".{real.name}.", suffix=".detector-fix")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(new)
            fh.flush()
            os.fsync(fh.fileno())
        if (before.st_uid, before.st_gid) != (os.geteuid(), os.getegid()):
            try:  # keep the owner (say, root fixing a user's file); chown before chmod
                os.chown(tmp, before.st_uid, before.st_gid)
            except (PermissionError, AttributeError):  # not allowed, or not POSIX: the new file is ours
                pass
        os.chmod(tmp, stat.S_IMODE(before.st_mode))
        now = real.stat()
        if (now.st_mtime_ns, now.st_size, now.st_ino) != (before.st_mtime_ns, before.st_size, before.st_ino):
            raise FixRefused(f"{path}: changed while being fixed; not fixed")
        os.replace(tmp, real)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def fix_file(path: Path | None, shown: str, data: bytes, result, *, unsafe: bool = False,
             write: bool = True) -> FixOutcome:
    """Plan the fixes of a checked file (a ``FileResult``) and write them.

    With ``write=False`` (``--diff``, or standard input) nothing is written.
    After writing, the applied findings are removed from ``result.findings``.
    """
    doc = result.document
    outcome = plan(shown, data, doc.text, doc.decoding, result.findings, unsafe)
    if write and outcome.changed and path is not None:
        write_atomic(path, data, outcome.new_bytes)
        outcome.written = True
        applied = {id(f) for f in outcome.applied}
        result.findings = [f for f in result.findings if id(f) not in applied]
        if result.score is not None:
            result.rescore()
    return outcome


def fix_for_check(path: Path | None, shown: str, data: bytes, result, *, unsafe: bool,
                  write: bool) -> str:
    """``--fix``/``--diff`` for one checked file: write the fixes (or not),
    say so on standard error, and return the diff (empty if nothing changes)."""
    import sys

    try:
        outcome = fix_file(path, shown, data, result, unsafe=unsafe, write=write)
    except FixRefused as exc:
        sys.stderr.write(f"detector: warning: {exc}\n")
        return ""
    if outcome.written:
        n = len(outcome.applied)
        sys.stderr.write(f"detector: fixed {n} finding{'s' if n != 1 else ''} in {shown}\n")
    return outcome.diff()
