"""Building ``data/en_lexicon.txt``, the splitter's lexicon (see :mod:`._glue`),
from the installed wordfreq: run by hand (``python -m detector.rules._glue_build
[PATH]``), never at check time.
"""

from __future__ import annotations

import math

from detector.rules._glue import (
    _EDGE_MIN_REST, _GLUING, _KNOWN_WEB_GLUES, _MIN_LENGTH, FREQUENT, FUNCTION_WORDS, KNOWN, VOCABULARY,
    _split_at_function_word, _split_between_function_words, best_split,
)

# The rarer "words" made of function words are web glues (`inthe`) below
# this frequency.
GLUE_LIKE_MAX_ZIPF = 3.5

# Archaic or formal words that are made of two function words all the same.
_REAL_FUNCTION_COMPOUNDS = frozenset(
    """thereabout thereabouts wherefrom whereat thereat herewith therewith
    wherewith therefrom whereof hereto hereof howbeit inasmuch insomuch forasmuch
    whereon thereon hereon whereto therefor hereby whereby whereas thereto
    hereat therein herein wherein douse doused nother herat canis ismay hashim
    thani theseus soweto athen heras inmost whoso themis anywho thisbe atone amore
    canto willa botha coulda woulda abut heme wean onus noor thea hera hebe theban
    theism theist theists thearchy""".split()
)


def _looks_like_web_glue(w: str, z: float, frequent: dict[str, int]) -> bool:
    """A lexicon word that is really two words a web page glued, so common
    that wordfreq counts it (`ofthe`, `inthe`, `thefirst`, `forall`)."""
    for i in range(1, len(w)):
        a, b = w[:i], w[i:]
        if (a in FUNCTION_WORDS and b in FUNCTION_WORDS and z < (3.0 if len(w) > 4 else 2.0)
                and (a in _GLUING or b in _GLUING)):
            return True  # `forall`, `isthe`; not `norme` or `sobe` (foreign words)
        if a in ("the", "of") and len(b) >= 3 and frequent.get(b, 1 << 30) < 3000:
            if not (a == "of" and b.startswith("f")):  # `offish`, `offed`
                return True
        if b == "the" and a in FUNCTION_WORDS:
            return True
    return False


def build_lexicon(path: str) -> None:  # pragma: no cover - run by hand
    """Write the lexicon file from the installed wordfreq (English, large list)."""
    import wordfreq

    freqs = wordfreq.get_frequency_dict("en", "large")
    zipf = {w: math.log10(f * 1e9) for w, f in freqs.items() if w.isalpha() and w.isascii()}
    by_freq = sorted((w for w, z in zipf.items() if z >= FREQUENT), key=lambda w: (-zipf[w], w))
    frequent = dict(zip(by_freq, range(len(by_freq))))
    vocabulary = frozenset(
        w for w, z in zipf.items() if VOCABULARY <= z < FREQUENT and len(w) >= _EDGE_MIN_REST
    )
    known = sorted(
        w for w, z in zipf.items()
        if KNOWN <= z < FREQUENT and len(w) >= _MIN_LENGTH
        and (
            best_split(w, frequent) or _split_at_function_word(w, True, vocabulary)
            or _split_between_function_words(w, True, vocabulary, frequent)
        )
    )
    glue_like = sorted(
        w for w, z in zipf.items()
        if KNOWN <= z < GLUE_LIKE_MAX_ZIPF and len(w) >= _MIN_LENGTH
        and w not in _REAL_FUNCTION_COMPOUNDS
        and (_looks_like_web_glue(w, z, frequent) or w in _KNOWN_WEB_GLUES)
    )
    lines = [
        "# English lexicon for glued-word splitting, from wordfreq (data CC BY-SA 4.0, "
        f"Robyn Speer et al.): words with Zipf >= {FREQUENT} by frequency, then rarer "
        f"words (Zipf >= {KNOWN}) that split into frequent ones, then the rare ones "
        f"(Zipf < {GLUE_LIKE_MAX_ZIPF}) made of two function words (web glues like 'inthe')",
        " ".join(by_freq),
        " ".join(known),
        " ".join(glue_like),
        " ".join(sorted(vocabulary)),
    ]
    with open(path, "wb") as fh:
        fh.write("\n".join(lines).encode("utf-8") + b"\n")


if __name__ == "__main__":  # pragma: no cover
    import sys

    build_lexicon(sys.argv[1] if len(sys.argv) > 1 else "rules/data/en_lexicon.txt")
