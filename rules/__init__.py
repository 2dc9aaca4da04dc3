"""Rule families shipped with corruption-detector, one module per family.

Installed as ``detector.rules``; each module is registered in the entry-point
group ``detector.rules`` (see pyproject.toml).
"""
