"""jaggy.flatten against Awkward: Hypothesis-drawn layouts, every axis, and edge cases."""

from __future__ import annotations

import jaggy
import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from jaggy.testing.strategies import array_pairs, numeric_lists
from structure_oracle import SETTINGS, compare

AXES = st.integers(-4, 4)


@SETTINGS
@given(array_pairs(), st.one_of(st.none(), AXES))
def test_flatten_differential(pair, axis):
    a, j = pair
    compare(lambda ak: ak.flatten(a, axis=axis), lambda jg: jg.flatten(j, axis=axis))


@SETTINGS
@given(array_pairs(numeric_lists(3)), st.one_of(st.none(), AXES))
def test_flatten_numeric(pair, axis):
    a, j = pair
    compare(lambda ak: ak.flatten(a, axis=axis), lambda jg: jg.flatten(j, axis=axis))


def test_flatten_view_and_errors():
    content = np.arange(10.0)
    arr = jaggy.unflatten(content, np.array([3, 0, 7]))
    flat = jaggy.flatten(arr)
    assert np.shares_memory(flat.layout.data, content)
    with pytest.raises(jaggy.errors.AxisError, match="flatten"):
        jaggy.flatten(arr, axis=2)
    with pytest.raises(ValueError, match="records"):
        jaggy.flatten(jaggy.Array([[{"x": 1}]]), axis=2)

