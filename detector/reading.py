"""Reading: bytes from a file or standard input, decoded into a Document.

Undecodable bytes are not fatal: they are recorded on the document's
:class:`~detector.document.Decoding` (rules report them) and replaced with
U+FFFD so that the rest of the file is still checked.
"""

from __future__ import annotations

import codecs
import os
from pathlib import Path

from detector.document import Decoding, Document
from detector.errors import DetectorError, SkipFile

#: Files larger than this are skipped unless ``max-file-size`` says otherwise.
DEFAULT_MAX_FILE_SIZE = 50 * 1024 * 1024

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def read_bytes(path: Path, max_size: int = DEFAULT_MAX_FILE_SIZE) -> bytes:
    """The file's bytes, or a one-line :class:`DetectorError` / :class:`SkipFile`."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise DetectorError(f"{path}: no such file or directory") from None
    except OSError as exc:
        raise DetectorError(f"{path}: cannot read: {exc.strerror or exc}") from None
    if size > max_size:
        raise SkipFile(
            f"{path}: skipped, {size / 1e6:.1f} MB is over the "
            f"{max_size / 1e6:.0f} MB limit (max-file-size)"
        )
    try:
        return path.read_bytes()
    except IsADirectoryError:
        raise DetectorError(f"{path}: is a directory") from None
    except OSError as exc:
        raise DetectorError(f"{path}: cannot read: {exc.strerror or exc}") from None


def looks_binary(data: bytes) -> bool:
    """True for data that is not text in any encoding we decode.

    A NUL byte is the classic sign, but UTF-16/32 text is full of them, so
    text with a UTF-16/32 byte-order mark, or with NULs only in every other
    byte (BOM-less UTF-16), is not binary.
    """
    head = data[:8192]
    if not head or any(head.startswith(bom) for bom, _ in _BOMS):
        return False
    nuls = head.count(0)
    if nuls == 0:
        return False
    if _utf16_without_bom(head):
        return False
    return True


def _utf16_without_bom(head: bytes) -> str | None:
    even_nuls = head[0::2].count(0)
    odd_nuls = head[1::2].count(0)
    half = len(head) // 2 or 1
    if odd_nuls > 0.4 * half and even_nuls < 0.05 * half:
        return "utf-16-le"
    if even_nuls > 0.4 * half and odd_nuls < 0.05 * half:
        return "utf-16-be"
    return None


def decode(data: bytes) -> tuple[str, Decoding]:
    """Decode bytes: BOM first, then UTF-8; invalid sequences are recorded.

    >>> decode(b"caf\\xc3\\xa9")[0]
    'café'
    >>> text, info = decode(b"bad \\xff byte")
    >>> text, info.invalid_bytes
    ('bad \\ufffd byte', [(4, 4)])
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = data[len(bom) :].decode(encoding, errors="replace")
            return text, Decoding(encoding=encoding, bom=True)
    guessed = _utf16_without_bom(data[:8192]) if 0 in data[:8192] else None
    if guessed:
        return data.decode(guessed, errors="replace"), Decoding(encoding=guessed)
    try:
        return data.decode("utf-8"), Decoding()
    except UnicodeDecodeError:
        pass
    return _decode_utf8_recording_errors(data)


def _decode_utf8_recording_errors(data: bytes) -> tuple[str, Decoding]:
    parts: list[str] = []
    invalid: list[tuple[int, int]] = []
    text_len = 0
    pos = 0
    while pos < len(data):
        try:
            chunk = data[pos:].decode("utf-8")
            parts.append(chunk)
            break
        except UnicodeDecodeError as exc:
            good = data[pos : pos + exc.start].decode("utf-8")
            parts.append(good)
            text_len += len(good)
            invalid.append((pos + exc.start, text_len))
            parts.append("\ufffd")
            text_len += 1
            pos += exc.end
    return "".join(parts), Decoding(invalid_bytes=invalid)


def document_from_bytes(data: bytes, path: str, **kwargs) -> Document:
    """Decode ``data`` and build its Document; binary data raises SkipFile."""
    if looks_binary(data):
        raise SkipFile(f"{path}: skipped, looks like a binary file")
    text, decoding = decode(data)
    return Document(text, path=path, decoding=decoding, **kwargs)


def display_path(path: Path) -> str:
    """The path as users see it: relative to the working directory when inside."""
    try:
        return os.path.relpath(path)
    except ValueError:  # a different drive on Windows
        return str(path)
