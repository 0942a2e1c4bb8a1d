"""Everyday data-handling snippets (construction, conversion, printing) run with Awkward and jaggy.

Each case is user code written once and run with ``ak`` bound to each library; the printed
results (lists, types, repr/str) must be the same.
"""

from __future__ import annotations

import awkward as awk
import jaggy
import pytest

pa = pytest.importorskip("pyarrow")


def both(run):
    """``run(ak)`` for Awkward and for jaggy."""
    return run(awk), run(jaggy)


def check(run):
    theirs, ours = both(run)
    assert ours == theirs


def test_arrow_table_metadata_without_parameters():
    check(lambda ak: ak.to_arrow_table(ak.Array([{"x": 1, "y": [1.5]}])).schema.metadata)
    check(lambda ak: ak.to_arrow_table(ak.Array([[1.5], []])).schema.metadata)


def test_arrow_table_metadata_with_parameters():
    check(lambda ak: ak.to_arrow_table(ak.with_parameter(ak.Array([{"x": 1}]), "p", 1)).schema.metadata)
    check(lambda ak: ak.to_arrow_table(ak.Array([{"x": 1}, None])).schema.metadata)
