"""Comparison helpers for the structure-operation tests (jaggy vs Awkward)."""

from __future__ import annotations

import math
from typing import Any


def same_values(x: Any, y: Any) -> bool:
    """Equal nested Python values; floats compared with a tolerance, NaN equal to NaN."""
    if isinstance(x, float) or isinstance(y, float):
        if isinstance(x, bool) or isinstance(y, bool) or x is None or y is None:
            return x == y and type(x) is type(y)
        if isinstance(x, (int, float)) and isinstance(y, (int, float)):
            return (math.isnan(x) and math.isnan(y)) or math.isclose(x, y, rel_tol=1e-12, abs_tol=0.0)
        return False
    if isinstance(x, dict) and isinstance(y, dict):
        return list(x) == list(y) and all(same_values(x[k], y[k]) for k in x)
    if isinstance(x, (list, tuple)) and isinstance(y, (list, tuple)):
        return len(x) == len(y) and all(same_values(a, b) for a, b in zip(x, y))
    return type(x) is type(y) and x == y


def assert_same(expected: Any, got: Any) -> None:
    """Same str(type) and same to_list() (NaN-aware) for an Awkward and a jaggy array."""
    assert str(got.type) == str(expected.type), (str(got.type), str(expected.type))
    assert same_values(expected.to_list(), got.to_list()), (expected.to_list(), got.to_list())
