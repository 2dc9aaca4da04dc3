"""Static word vectors for IN002: the meaning of a sentence without torch.

``rules/data/word_vectors.bin`` holds one 64-dimensional int8 vector per
light stem (``sanction`` for `sanction`/`sanctions`) of the ~40,000 most
frequent English words, distilled from all-MiniLM-L6-v2 (Apache-2.0) by
``bench/distil_word_vectors.py`` (each word embedded on its own, PCA, int8).
It is read with the standard library on first use (about 2 MB).

A sentence's vector is the rarity-weighted sum of its content words'
vectors (SIF-style: the weights are the rarity weights of the sentence
profile of ``rules/_cohesion.py``, so `Blagoveshchensk` and `sanction` count,
`said` barely). Words outside the vocabulary (rare names, damaged words) add
nothing; names and numbers are the lexical features' job.

Speed without numpy: each stem's vector is packed once into one Python
integer with a 32-bit lane per dimension (value + 128, so lanes never go
negative), and a sentence's weighted sum is one multiply-add of such integers
per word; the lanes are read back with ``int.to_bytes`` and ``array``. The
weights are integers (quarters of the rarity weight), so the sums are exact
and the output is the same on every machine.
"""

from __future__ import annotations

import re
import struct
from array import array
from functools import lru_cache
from math import exp, sqrt
from operator import mul
from pathlib import Path

DATA_FILE = Path(__file__).resolve().parent / "data" / "word_vectors.bin"
#: The language of the vocabulary (and of the model it was distilled from).
STATIC_VECTORS_LANGUAGE = "en"
_MAGIC = b"DWV1"
_HEADER = struct.Struct("<IHfI")

#: A word's weight in its sentence vector is its rarity weight in steps of
#: 1/WEIGHT_STEPS, rounded: integers keep the packed sums exact.
WEIGHT_STEPS = 4
#: Lane width of the packed vectors: a sentence's lanes hold at most
#: 255 x its total integer weight, which must stay below 2**32.
_LANE_BYTES = 4
_MAX_WEIGHT_SUM = (1 << (8 * _LANE_BYTES)) // 256
#: Neighbours either side a sentence's neighbour cosine looks at (as IN004).
NEIGHBOURS = 2
# A web address inside a sentence: its parts count as words but say nothing
# of the sentence's topic.
_ADDRESS = re.compile(r"https?://|www\.")
# int8 byte b (two's complement) -> b + 128 as an unsigned byte.
_OFFSET_BYTES = bytes.maketrans(bytes(range(256)), bytes(b ^ 0x80 for b in range(256)))


class WordVectors:
    """The distilled table: stem -> packed vector (built on first use)."""

    def __init__(self, data: bytes) -> None:
        if data[:4] != _MAGIC:
            raise ValueError("not a word-vector file")
        # The scale turns the int8 values back into the PCA's; cosines do not need it.
        count, self.dims, self.scale, listing = _HEADER.unpack_from(data, 4)
        start = 4 + _HEADER.size
        stems = data[start : start + listing].decode("utf-8").split("\n")
        if len(stems) != count:
            raise ValueError("word-vector file: stem count does not match")
        self.row_of = {stem: i for i, stem in enumerate(stems)}
        self._matrix = data[start + listing :]
        if len(self._matrix) != count * self.dims:
            raise ValueError("word-vector file: truncated")
        self._packed: dict[str, int] = {}

    def __contains__(self, stem: str) -> bool:
        return stem in self.row_of

    def vector(self, stem: str) -> list[int]:
        """The int8 vector of ``stem`` (for tests and inspection)."""
        row = self.row_of[stem] * self.dims
        return list(array("b", self._matrix[row : row + self.dims]))

    def packed(self, stem: str) -> int | None:
        """``stem``'s vector as one integer, lane d = value_d + 128; None if unknown."""
        packed = self._packed.get(stem)
        if packed is None:
            row = self.row_of.get(stem)
            if row is None:
                return None
            lanes = bytearray(_LANE_BYTES * self.dims)
            lanes[::_LANE_BYTES] = self._matrix[row * self.dims : (row + 1) * self.dims].translate(_OFFSET_BYTES)
            packed = self._packed[stem] = int.from_bytes(lanes, "little")
        return packed


@lru_cache(maxsize=1)
def word_vectors() -> WordVectors:
    return WordVectors(DATA_FILE.read_bytes())


def sentence_vector(weights: dict[str, float], table: WordVectors) -> list[float] | None:
    """Unit-length rarity-weighted sum of the vectors of a profile's keys, or
    None when none of them is in the vocabulary."""
    total = 0
    weight_sum = 0
    for key, weight in weights.items():
        packed = table.packed(key)
        if packed is not None:
            w = round(weight * WEIGHT_STEPS)
            total += w * packed
            weight_sum += w
    if not weight_sum or weight_sum > _MAX_WEIGHT_SUM:
        return None  # no known word, or (never in prose) so many that a lane could overflow
    lanes = array("I")
    lanes.frombytes(total.to_bytes(_LANE_BYTES * table.dims, "little"))
    offset = 128 * weight_sum
    vector = [lane - offset for lane in lanes]
    norm = sqrt(sum(map(mul, vector, vector)))
    if not norm:
        return None
    inverse = 1.0 / norm
    return [v * inverse for v in vector]


def cohesion_cosines(weights_per_sentence: list[dict[str, float]]) -> tuple[list[float], list[float]]:
    """Per sentence: the cosine of its vector with the sum of all the others'
    (unit vectors, as IN004 does with the transformer's), and its best
    cosine with a neighbour (up to NEIGHBOURS either side). 0 where a
    sentence has no vector or no neighbour has one."""
    table = word_vectors()
    vectors = [sentence_vector(w, table) for w in weights_per_sentence]
    present = [v for v in vectors if v is not None]
    if not present:
        return [0.0] * len(vectors), [0.0] * len(vectors)
    total = [sum(column) for column in zip(*present)]
    total_sq = sum(map(mul, total, total))
    n = len(vectors)
    # Dots with the next NEIGHBOURS sentences, each pair computed once.
    near: list[list[float]] = [[] for _ in range(n)]
    for i, v in enumerate(vectors):
        if v is None:
            continue
        for j in range(i + 1, min(n, i + NEIGHBOURS + 1)):
            u = vectors[j]
            if u is not None:
                dot = sum(map(mul, v, u))
                near[i].append(dot)
                near[j].append(dot)
    to_rest, to_neighbour = [], []
    for i, v in enumerate(vectors):
        if v is None:
            to_rest.append(0.0)
            to_neighbour.append(0.0)
            continue
        with_total = sum(map(mul, v, total))
        rest_sq = total_sq - 2.0 * with_total + 1.0
        to_rest.append((with_total - 1.0) / sqrt(rest_sq) if rest_sq > 1e-9 else 0.0)
        to_neighbour.append(max(near[i]) if near[i] else 0.0)
    return to_rest, to_neighbour


# -- the static scorer of IN002: lexical features + word-vector cosines ---------------

#: Names of the model's inputs, in the order of :func:`static_vector`: the
#: lexical features of rules/_cohesion.py, then the cosines of this module.
STATIC_FEATURE_NAMES = (
    "shared_with_rest", "shared_with_neighbours", "own_names", "shared_names", "log_weight",
    "own_numbers", "rest_gap", "least_shared",
    "cosine_rest", "cosine_neighbour",
    # How much lower its cosine with the rest is than the other scored
    # sentences' on average, and 1 for the scored sentence of lowest cosine.
    "cosine_gap", "least_cosine",
)


def static_features(doc, min_words: int, min_sentences: int) -> list[tuple[object, list[float]]]:
    """(profile, model inputs) of every sentence of at least ``min_words``
    words; [] for a text of under ``min_sentences`` sentences with words.

    The lexical inputs are those of ``sentence_features`` (rules/_cohesion.py),
    except that sentences other damage explains are not left out here: that
    test (fastText on the sentence) is the costly part, so
    :func:`likeliest_intruder` asks it only of the sentences it would report.
    """
    from detector.rules._cohesion import lexical_features, profiles_and_key_counts

    profiles, counts = profiles_and_key_counts(doc, min_sentences)
    candidates = [i for i, p in enumerate(profiles) if p.words >= min_words]
    if not candidates:
        return []
    rows = lexical_features(profiles, counts, candidates)
    to_rest, to_neighbour = cohesion_cosines([p.weights for p in profiles])
    rest = [to_rest[i] for i in candidates]
    total_cosine = sum(rest)
    lowest = min(rest)
    out = []
    for i, features, cosine in zip(candidates, rows, rest):
        others = (total_cosine - cosine) / (len(rest) - 1) if len(rest) > 1 else cosine
        out.append((profiles[i], features.vector(False) + [
            cosine, to_neighbour[i], others - cosine, float(cosine == lowest and len(rest) > 1)]))
    return out


# Fitted by bench/fit_offtopic_static.py (L2-regularised logistic regression,
# Newton's method) on the sentences of evaluation-suite draws 41, 51, 61, 71,
# 81, 91 and 101, which are never reported: intercept first, then one
# coefficient per name of STATIC_FEATURE_NAMES. On those draws, best
# sentence per text: threshold 0.3 gives precision 0.55 at recall 0.20 (0.30
# flags per 20 clean articles), 0.2 gives 0.41 at 0.31. Cross-fitted by
# article (--split-articles: fitted on half the articles, shown on the
# other half) 0.3 gave 0.81 at 0.22: the precision depends much on which
# articles are drawn.
STATIC_COEFFICIENTS = (-7.647, -3.226, -3.203, 0.239, -1.025, 1.061, 0.004, 4.513, -0.323,
                       -0.889, -1.27, 3.157, -0.14)


def static_probability(inputs: list[float]) -> float:
    """The model's probability that the sentence was spliced in."""
    z = STATIC_COEFFICIENTS[0] + sum(map(mul, STATIC_COEFFICIENTS[1:], inputs))
    return 1.0 / (1.0 + exp(-z))


def likeliest_intruder(doc, min_words: int, min_sentences: int, min_probability: float):
    """(profile, probability) of the sentence most likely spliced in, if that
    probability reaches ``min_probability`` and no other damage explains the
    sentence (rules/_cohesion.py ``explained``); else None."""
    from detector.rules._cohesion import explained

    text = doc.text
    scored = [(static_probability(inputs), profile.index, profile)
              for profile, inputs in static_features(doc, min_words, min_sentences)]
    for chance, _, profile in sorted(scored, key=lambda row: (-row[0], row[1])):
        if chance < min_probability:
            return None
        if _ADDRESS.search(text, profile.start, profile.end):
            continue  # a link line (`http://www.koreatimes.co.kr/…`) is not prose
        if not explained(doc, profile):
            return profile, chance
    return None
