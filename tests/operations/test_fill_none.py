"""jaggy.fill_none against Awkward: Hypothesis-drawn layouts, every axis, and edge cases."""

from __future__ import annotations

import jaggy
import numpy as np
from hypothesis import given
from hypothesis import strategies as st
from jaggy.testing.strategies import array_pairs, numeric_lists
from structure_oracle import SETTINGS, compare

AXES = st.integers(-4, 4)


VALUES = st.one_of(st.integers(-5, 5), st.floats(allow_nan=False, width=64), st.booleans(), st.just("x"), st.just([]), st.just([1, 2]))


@SETTINGS
@given(array_pairs(), VALUES, st.one_of(st.none(), AXES))
def test_fill_none_differential(pair, value, axis):
    a, j = pair
    compare(lambda ak: ak.fill_none(a, value, axis=axis), lambda jg: jg.fill_none(j, value, axis=axis),
            allow_not_implemented=True)


@SETTINGS
@given(array_pairs(numeric_lists(2)), st.one_of(st.integers(-5, 5), st.floats(allow_nan=False, width=64)), st.one_of(st.none(), AXES))
def test_fill_none_numeric(pair, value, axis):
    a, j = pair
    compare(lambda ak: ak.fill_none(a, value, axis=axis), lambda jg: jg.fill_none(j, value, axis=axis))


def test_fill_none_mask_fused():
    arr = jaggy.unflatten(np.array([0.1, 0.9, 0.6, 0.2]), np.array([2, 0, 2]))
    m = jaggy.unflatten(np.array([False, True, True, False]), np.array([2, 0, 2]))
    out = jaggy.fill_none(jaggy.mask(arr, m), 0.0)
    assert out.to_list() == [[0.0, 0.9], [], [0.6, 0.0]]
    assert str(out.type) == "3 * var * float64"

