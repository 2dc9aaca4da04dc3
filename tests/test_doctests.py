"""The examples in docstrings are tests too (ftfy style)."""

import doctest
import importlib
import pkgutil

import pytest

import detector
import detector.rules


def _modules():
    for package in (detector, detector.rules):
        for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
            if info.name.endswith("__main__") or ".cli" in info.name:
                continue
            yield info.name


@pytest.mark.parametrize("name", sorted(set(_modules())))
def test_docstring_examples(name):
    module = importlib.import_module(name)
    failures, _ = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert failures == 0
