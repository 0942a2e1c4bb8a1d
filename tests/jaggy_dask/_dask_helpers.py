"""Shared by the jaggy.dask tests: nested results compared with a float tolerance."""

from __future__ import annotations

import math
from typing import Any

import numpy as np


def close(a: Any, b: Any, abs_tol: float = 1e-9) -> bool:
    """Equal lists/dicts/tuples of equal values; floats (NaN equal to NaN) within rel_tol 1e-9."""
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(close(x, y, abs_tol) for x, y in zip(a, b))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(close(a[k], b[k], abs_tol) for k in a)
    if isinstance(a, tuple) and isinstance(b, tuple):
        return close(list(a), list(b), abs_tol)
    if isinstance(a, (float, np.floating)) or isinstance(b, (float, np.floating)):
        if a is None or b is None:
            return a is b
        return (math.isnan(a) and math.isnan(b)) or math.isclose(a, b, rel_tol=1e-9, abs_tol=abs_tol)
    return a == b
