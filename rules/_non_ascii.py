"""Where a document leaves ASCII, found once and shared by the rules that only
look there (through ``doc.memo``).

Mojibake, look-alike letters and legacy CJK bytes are all made of non-ASCII
characters, and English text holds few of them: a rule that knows where
they are looks at a few spans instead of scanning the whole text with its
own pattern.

>>> from detector.document import Document
>>> doc = Document("Itâ€™s £5, naïve")
>>> non_ascii_runs(doc)
[(2, 5), (7, 8), (13, 14)]
>>> non_ascii_characters(doc)
'â€™£ï'
"""

from __future__ import annotations

from detector.rules._lazy import lazy

# A run of characters outside ASCII. The `regex` module finds it about eight
# times faster than `re`, which tests each character against the class.
_NON_ASCII_RUN = lazy(r"[^\x00-\x7f]+")
# Bytes 0x00-0x7F: deleting them from UTF-8 leaves the non-ASCII characters,
# whole (their bytes are all 0x80 or above).
_ASCII_BYTES = bytes(range(0x80))


def non_ascii_runs(doc) -> list[tuple[int, int]]:
    """(start, end) of each maximal run of non-ASCII characters of ``doc.text``."""
    text = doc.text
    if text.isascii():
        return []
    return [m.span() for m in _NON_ASCII_RUN.finditer(text)]


def non_ascii_characters(doc) -> str:
    """The non-ASCII characters of ``doc.text``, in order, without the ASCII
    ones: two passes in C (encode, delete the ASCII bytes), at memory speed.
    A pattern that matches only non-ASCII characters can be searched here to
    learn whether the text holds any match at all."""
    text = doc.text
    if text.isascii():
        return ""
    # surrogatepass: a lone surrogate (from a broken source) round-trips.
    data = text.encode("utf-8", "surrogatepass").translate(None, _ASCII_BYTES)
    return data.decode("utf-8", "surrogatepass")
