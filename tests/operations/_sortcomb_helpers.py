"""Shared assertions for the sorting/combinatorics operation tests."""

from __future__ import annotations

import math


def same(x, y):
    if isinstance(x, float) and isinstance(y, float):
        return (math.isnan(x) and math.isnan(y)) or math.isclose(x, y, rel_tol=1e-9, abs_tol=1e-12)
    if isinstance(x, dict) and isinstance(y, dict):
        return x.keys() == y.keys() and all(same(x[k], y[k]) for k in x)
    if isinstance(x, (list, tuple)) and isinstance(y, (list, tuple)):
        return len(x) == len(y) and all(same(a, b) for a, b in zip(x, y))
    return x == y


def assert_matches(ours, theirs):
    assert same(ours.to_list(), theirs.to_list()), (ours.to_list(), theirs.to_list())
    assert str(ours.type) == str(theirs.type)
