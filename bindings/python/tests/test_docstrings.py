"""The examples in the docstrings (native module, package, Polars helper) run."""

from __future__ import annotations

import doctest
from decimal import Decimal

import chiffre
import chiffre.polars
from chiffre import _chiffre


def test_docstring_examples():
    finder = doctest.DocTestFinder(exclude_empty=True)
    globs = {"chiffre": chiffre, "Decimal": Decimal}
    tests = []
    for mod in (chiffre, chiffre.polars):
        tests += finder.find(mod, globs=dict(globs))
    for name in dir(_chiffre):
        obj = getattr(_chiffre, name)
        if getattr(obj, "__doc__", None) and not name.startswith("__"):
            tests += finder.find(obj, name=f"chiffre.{name}", module=False, globs=dict(globs))
            if isinstance(obj, type):
                for attr, member in vars(obj).items():
                    if getattr(member, "__doc__", None) and ">>>" in member.__doc__:
                        tests.append(doctest.DocTestParser().get_doctest(
                            member.__doc__, dict(globs), f"chiffre.{name}.{attr}", None, 0))
    examples = sum(len(t.examples) for t in tests)
    assert examples >= 25, examples
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    for t in tests:
        runner.run(t)
    result = runner.summarize(verbose=False)
    assert result.failed == 0, f"{result.failed} docstring example(s) failed (see the output above)"
