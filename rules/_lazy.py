"""Regular expressions compiled on first use, to keep the cold start short.

A rule module may hold a dozen patterns of the ``regex`` module; compiling
them all at import costs tens of milliseconds that a one-file check never
gets back. ``lazy(pattern, flags)`` stands in for the compiled pattern and
compiles it the first time one of its methods is looked up; after that the
methods are plain attributes, so a hot loop pays nothing extra.

>>> word = lazy(r"\\p{L}+")
>>> word.findall("Xi 말했다")
['Xi', '말했다']
"""

from __future__ import annotations

import re

#: The characters ``\\s`` matches in the ``regex`` module: Python's own idea
#: of white space (``str.isspace``, ``str.strip``) adds U+001C to U+001F.
REGEX_WHITE_SPACE = (
    "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
    "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)

_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "pattern", "flags")


class LazyPattern:
    """A compiled pattern of ``regex`` (or ``re``), compiled when first used."""

    def __init__(self, pattern: str, flags: int = 0, stdlib: bool = False) -> None:
        self._source, self._flags, self._stdlib = pattern, flags, stdlib

    def __getattr__(self, name: str):
        # Only called for attributes not set yet: compile, then copy the
        # compiled pattern's methods onto this object.
        if name.startswith("__") or name in ("_source", "_flags", "_stdlib"):
            raise AttributeError(name)
        if self._stdlib:
            compiled = re.compile(self._source, self._flags)
        else:
            import regex

            compiled = regex.compile(self._source, self._flags)
        for method in _METHODS:
            setattr(self, method, getattr(compiled, method))
        return getattr(compiled, name)


def lazy(pattern: str, flags: int = 0) -> LazyPattern:
    """A ``regex`` pattern compiled on first use."""
    return LazyPattern(pattern, flags)


def lazy_re(pattern: str, flags: int = 0) -> LazyPattern:
    """A stdlib ``re`` pattern compiled on first use."""
    return LazyPattern(pattern, flags, stdlib=True)
