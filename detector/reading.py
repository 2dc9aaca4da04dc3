"""Reading: bytes from a file or standard input, decoded into a Document.

Undecodable bytes are not fatal: they are recorded on the document's
:class:`~detector.document.Decoding` (rules report them) and replaced with
U+FFFD so that the rest of the file is still checked.
"""

from __future__ import annotations

import codecs
import os
from pathlib import Path

import regex

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
        # Exact bytes: rounded, "52.4 MB is over the 52 MB limit" read as a contradiction.
        raise SkipFile(f"{path}: skipped, {size:,} bytes is over max-file-size ({max_size:,} bytes)")
    try:
        return path.read_bytes()
    except IsADirectoryError:
        raise DetectorError(f"{path}: is a directory") from None
    except OSError as exc:
        raise DetectorError(f"{path}: cannot read: {exc.strerror or exc}") from None


def looks_binary(data: bytes) -> bool:
    """True for data that is not text in any encoding we decode.

    NUL bytes and other control bytes are the classic sign, but UTF-16/32
    text is full of NULs, and a text file with a few stray NULs is still text
    (EN012 reports them). So data is binary when, in its first 8 KiB, more
    than one byte in ten is a NUL or a control byte other than whitespace and
    it is not BOM-less UTF-16/32.

    >>> looks_binary(b"\\x89PNG\\r\\n\\x1a\\n\\x00\\x00\\x00\\rIHDR\\x00\\x00\\x01")
    True
    >>> looks_binary(b"a text with one stray \\x00 NUL byte in it")
    False
    """
    head = data[:8192]
    if not head or any(head.startswith(bom) for bom, _ in _BOMS):
        return False
    if 0 in head and _unicode_without_bom(head):
        return False
    return _control_heavy(head) and _detected_utf16_or_32(head) is None


def _control_heavy(head: bytes) -> bool:
    """More than one byte in ten a NUL or another control byte than whitespace."""
    return sum(head.count(b) for b in _BINARY_BYTES) > 0.1 * len(head)


_UTF16_OR_32 = {"utf_16_le": "utf-16-le", "utf_16_be": "utf-16-be",
                "utf_32_le": "utf-32-le", "utf_32_be": "utf-32-be"}


def _detected_utf16_or_32(head: bytes) -> str | None:
    """BOM-less UTF-16/32 of text with little ASCII in it (Korean, Chinese):
    its NULs make no pattern and its bytes look like controls, so it was
    skipped as binary. charset-normalizer recognises it (and finds nothing in
    executables, archives or random bytes). Asked only of control-heavy data."""
    from charset_normalizer import from_bytes

    best = from_bytes(head).best()
    return _UTF16_OR_32.get(best.encoding) if best is not None else None


# Bytes that plain text in an ASCII-compatible encoding almost never holds.
_BINARY_BYTES = bytes(b for b in range(32) if b not in b"\t\n\r\f\x1b")


def _unicode_without_bom(head: bytes) -> str | None:
    """UTF-32 or UTF-16 recognised by where its NULs fall (mostly ASCII text)."""
    n = len(head) // 4 * 4
    if n >= 8:
        quads = [head[i::4][: n // 4] for i in range(4)]
        nul = [q.count(0) / (n // 4) for q in quads]
        # UTF-32: the top byte is always 0, the next almost always (above
        # U+FFFF only), the next mostly (ASCII and Latin-1).
        if nul[3] > 0.95 and nul[2] > 0.9 and nul[1] > 0.5 and nul[0] < 0.5:
            return "utf-32-le"
        if nul[0] > 0.95 and nul[1] > 0.9 and nul[2] > 0.5 and nul[3] < 0.5:
            return "utf-32-be"
    even_nuls = head[0::2].count(0)
    odd_nuls = head[1::2].count(0)
    half = len(head) // 2 or 1
    if odd_nuls > 0.4 * half and even_nuls < 0.05 * half:
        return "utf-16-le"
    if even_nuls > 0.4 * half and odd_nuls < 0.05 * half:
        return "utf-16-be"
    return None


def decode(data: bytes) -> tuple[str, Decoding]:
    """Decode bytes: BOM, BOM-less UTF-16/32, UTF-8, then a legacy encoding.

    Invalid UTF-8 sequences are recorded and decoded as U+FFFD. A file that
    is not UTF-8 at all (two or more bad sequences, more than the good
    multi-byte ones) is decoded with the encoding charset-normalizer detects.

    >>> decode(b"caf\\xc3\\xa9")[0]
    'café'
    >>> text, info = decode("Grüße, ça va — très bien, naïve résumé".encode("cp1252"))
    >>> text, info.encoding, info.detected
    ('Grüße, ça va — très bien, naïve résumé', 'cp1252', True)
    >>> text, info = decode("Ünïcödé und caf".encode("utf-8") + b"\\xe9")
    >>> text, info.invalid_bytes, info.invalid_raw
    ('Ünïcödé und caf\\ufffd', [(19, 15)], [b'\\xe9'])
    """
    text, decoding = _decode(data)
    decoding.line_endings = _line_endings(text)
    return text, decoding


def _decode(data: bytes) -> tuple[str, Decoding]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = data[len(bom) :].decode(encoding, errors="replace")
            return text, Decoding(encoding=encoding, bom=True)
    head = data[:8192]
    guessed = _unicode_without_bom(head) if 0 in head else None
    if guessed is None and _control_heavy(head):
        guessed = _detected_utf16_or_32(head)
    if guessed:
        return data.decode(guessed, errors="replace"), Decoding(encoding=guessed)
    try:
        return data.decode("utf-8"), Decoding()
    except UnicodeDecodeError:
        pass
    text, decoding = _decode_utf8_recording_errors(data)
    good_multibyte = sum(1 for ch in text if ord(ch) > 127 and ch != "\ufffd")
    # One stray byte is a damaged UTF-8 file (EN002); a file with more bad
    # sequences than good ones is in another encoding (EN014). A single-byte
    # encoding must also leave next to no good UTF-8 sequences (`caf\xe9 …
    # na\xc3\xafve` is UTF-8 with a stray byte), a CJK double-byte one need not
    # (its byte pairs are often valid UTF-8 by chance).
    invalid = len(decoding.invalid_bytes)
    if invalid >= 2 and good_multibyte < invalid:
        legacy = _detect_legacy(data)
        if legacy is not None and (
            good_multibyte * 10 < invalid or legacy[1].encoding in _CJK_ENCODINGS
        ):
            return legacy
    return text, decoding


# Multi-byte legacy encodings of Chinese, Japanese and Korean.
_CJK_ENCODINGS = frozenset({
    "cp932", "shift_jis", "shift_jisx0213", "shift_jis_2004", "euc_jp", "euc_jis_2004",
    "euc_jisx0213", "iso2022_jp", "gb2312", "gbk", "gb18030", "hz", "big5", "big5hkscs",
    "cp950", "cp949", "euc_kr", "johab", "iso2022_kr",
})


def _detect_legacy(data: bytes) -> tuple[str, Decoding] | None:
    """Decode with the encoding charset-normalizer finds; None if it finds none.

    Single-byte Latin encodings often decode the same bytes equally well;
    Windows-1252, by far the most common, wins when it is among the best.
    """
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    if not matches:
        return None
    encoding = matches[0].encoding
    if encoding != "cp1252" and _latin_only(str(matches[0])) and _plausible_cp1252(data):
        encoding = "cp1252"
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None
    return text, Decoding(encoding=encoding, detected=True)


# A letter of a script other than Latin (Greek, Cyrillic, Arabic, CJK, …).
_NON_LATIN_LETTER = regex.compile(r"(?=\p{L})\P{Latin}")
# A non-ASCII character that is not a letter, inside a word: `Za¿ó³æ` is
# Polish Windows-1250 read as Windows-1252.
_SYMBOL_INSIDE_WORD = regex.compile(r"(?<=\p{L})[^\x00-\x7f\p{L}\p{M}](?=\p{L})")


def _latin_only(text: str) -> bool:
    return not _NON_LATIN_LETTER.search(text)


def _plausible_cp1252(data: bytes) -> bool:
    """Does Windows-1252 read these bytes as clean text?

    Single-byte Latin encodings read the same bytes about as well, and the
    detector often names a rarer one (cp1257 for French); Windows-1252, by far
    the most common, wins unless it puts symbols inside words.
    """
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return False
    return not _SYMBOL_INSIDE_WORD.search(text)


def _line_endings(text: str) -> dict[str, int]:
    crlf = text.count("\r\n")
    counts = {"\r\n": crlf, "\n": text.count("\n") - crlf, "\r": text.count("\r") - crlf}
    return {k: v for k, v in counts.items() if v}


def _decode_utf8_recording_errors(data: bytes) -> tuple[str, Decoding]:
    parts: list[str] = []
    invalid: list[tuple[int, int]] = []
    raw: list[bytes] = []
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
            raw.append(data[pos + exc.start : pos + exc.end])
            parts.append("\ufffd")
            text_len += 1
            pos += exc.end
    return "".join(parts), Decoding(invalid_bytes=invalid, invalid_raw=raw)


def document_from_bytes(data: bytes, path: str, **kwargs) -> Document:
    """Decode ``data`` and build its Document; binary data raises SkipFile."""
    if looks_binary(data):
        raise SkipFile(f"{path}: skipped, looks like a binary file")
    text, decoding = decode(data)
    return Document(text, path=path, decoding=decoding, **kwargs)


def display_path(path: Path) -> str:
    """The path as users see it: relative to the working directory when inside
    it, otherwise as given (``/tmp/a.txt``, not ``../../../tmp/a.txt``).

    >>> import os
    >>> display_path(Path(os.getcwd()) / "docs" / "a.txt") == os.path.join("docs", "a.txt")
    True
    >>> display_path(Path("/") / "elsewhere-xyz" / "a.txt") == str(Path("/elsewhere-xyz/a.txt"))
    True
    """
    try:
        relative = os.path.relpath(path)
    except ValueError:  # a different drive on Windows
        relative = os.pardir
    shown = str(path) if relative == os.pardir or relative.startswith(os.pardir + os.sep) else relative
    return shown if shown.isascii() else _printable_name(shown)


def _printable_name(name: str) -> str:
    r"""A file name whose bytes are not UTF-8 (POSIX hands them to Python as
    lone surrogates) with those bytes as ``\xNN``: the JSON report would not
    be UTF-8 and SARIF's URI quoting failed on them.

    >>> _printable_name("caf\udce9.txt"), _printable_name("café.txt")
    ('caf\\xe9.txt', 'café.txt')
    """
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
