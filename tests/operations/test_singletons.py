"""jaggy.singletons against Awkward: Hypothesis-drawn layouts, every axis, and edge cases."""

from __future__ import annotations

import jaggy
import pytest
from hypothesis import given
from hypothesis import strategies as st
from jaggy.testing.strategies import array_pairs, numeric_lists
from structure_oracle import SETTINGS, compare

AXES = st.integers(-4, 4)


@SETTINGS
@given(array_pairs(), AXES)
def test_singletons_differential(pair, axis):
    a, j = pair
    compare(lambda ak: ak.singletons(a, axis=axis), lambda jg: jg.singletons(j, axis=axis))


@SETTINGS
@given(array_pairs(numeric_lists(3)), AXES)
def test_singletons_numeric(pair, axis):
    a, j = pair
    compare(lambda ak: ak.singletons(a, axis=axis), lambda jg: jg.singletons(j, axis=axis))


def test_singletons_axis_error():
    with pytest.raises(jaggy.errors.AxisError, match="singletons"):
        jaggy.singletons(jaggy.Array([[1, 2]]), axis=5)

