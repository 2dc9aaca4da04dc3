"""Encoding rules (EN): damage done when bytes became text.

Fourteen rules in three groups, one private module each (this module
registers them, in ``RULES``, and keeps every name importable from here):

* what happened to the bytes (EN002 invalid UTF-8, EN010 UTF-16/32,
  EN012 NUL bytes, EN013 mixed line endings, EN014 legacy encoding), read from
  ``doc.decoding`` as recorded by :mod:`detector.reading`:
  :mod:`detector.rules._encoding_bytes`;
* characters that were lost (EN001 U+FFFD, EN003 ``?`` for a curly quote or
  dash): :mod:`detector.rules._encoding_lost`, with the analysis of lost
  characters in :mod:`detector.rules._lossy`;
* invisible and deceptive characters (EN004 controls, EN005 zero-width,
  EN006 bidi controls, EN007 soft hyphens, EN011 stray byte-order marks:
  :mod:`detector.rules._encoding_invisible`; EN008 look-alike letters,
  EN009 unrendered HTML entities: :mod:`detector.rules._encoding_deceptive`,
  with the look-alike tables in :mod:`detector.rules._lookalikes`).

Most texts give most of these rules nothing to look at (no U+FFFD, no `?`,
no `&`, nothing outside ASCII), and a C-level test tells. Each rule's
``check`` makes that test and answers the common case with an empty tuple,
without starting a generator (a third of the cost of a rule with nothing
to do); ``_findings`` does the work. (The same holds for the MJ rules.)
"""

from __future__ import annotations

from detector.rules._encoding_bytes import (
    InvalidUtf8,
    LegacyEncoding,
    MixedLineEndings,
    NulByte,
    WideUnicodeFile,
    encoding_label,
)
from detector.rules._encoding_deceptive import HomoglyphWord, HtmlEntity
from detector.rules._encoding_invisible import (
    BidiControl,
    ByteOrderMarkInText,
    ControlCharacter,
    SoftHyphen,
    ZeroWidthCharacter,
)
from detector.rules._encoding_lost import REPLACEMENT_RUN, LossyQuestionMark, ReplacementCharacter
from detector.rules._lookalikes import GREEK_OR_CYRILLIC, describe_mix, is_glued_across_scripts, mixed_script_words, unmix
from detector.rules._lossy import lossy_question_marks, may_be_strong, token_around
from detector.rules._redecode import has_mojibake_pair

#: The rules of the family, for the registry (``detector.registry``): they
#: are defined in the modules above, not in this one.
RULES = [
    ReplacementCharacter,  # EN001
    InvalidUtf8,  # EN002
    LossyQuestionMark,  # EN003
    ControlCharacter,  # EN004
    ZeroWidthCharacter,  # EN005
    BidiControl,  # EN006
    SoftHyphen,  # EN007
    HomoglyphWord,  # EN008
    HtmlEntity,  # EN009
    WideUnicodeFile,  # EN010
    ByteOrderMarkInText,  # EN011
    NulByte,  # EN012
    MixedLineEndings,  # EN013
    LegacyEncoding,  # EN014
]

__all__ = [
    "ReplacementCharacter", "InvalidUtf8", "LossyQuestionMark", "ControlCharacter", "ZeroWidthCharacter",
    "BidiControl", "SoftHyphen", "HomoglyphWord", "HtmlEntity", "WideUnicodeFile", "ByteOrderMarkInText",
    "NulByte", "MixedLineEndings", "LegacyEncoding",
    "RULES", "REPLACEMENT_RUN", "encoding_label",
    "GREEK_OR_CYRILLIC", "describe_mix", "is_glued_across_scripts", "mixed_script_words", "unmix",
    "lossy_question_marks", "may_be_strong", "token_around", "has_mojibake_pair",
]
