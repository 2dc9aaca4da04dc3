"""corruption-detector: a linter for translation artifacts and corruption in text.

The data path reads like a sentence::

    read → Document → rules → Findings → score → reporter

``detector.reading`` turns bytes into a :class:`~detector.document.Document`,
``detector.engine`` runs every selected rule over it, ``detector.scoring``
turns the findings into a 0–100 quality score and ``detector.reporters``
writes them out.
"""

__version__ = "0.1.0"
