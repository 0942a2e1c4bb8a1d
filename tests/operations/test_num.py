"""jaggy.num against Awkward: Hypothesis-drawn layouts, every axis, and edge cases."""

from __future__ import annotations

import jaggy
import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from jaggy.testing.strategies import array_pairs, mixed_data, numeric_lists
from structure_oracle import SETTINGS, compare

AXES = st.integers(-4, 4)


@SETTINGS
@given(array_pairs(), AXES)
def test_num_differential(pair, axis):
    a, j = pair
    compare(lambda ak: ak.num(a, axis=axis), lambda jg: jg.num(j, axis=axis))


@SETTINGS
@given(array_pairs(numeric_lists(3)), AXES)
def test_num_numeric(pair, axis):
    a, j = pair
    compare(lambda ak: ak.num(a, axis=axis), lambda jg: jg.num(j, axis=axis))


@SETTINGS
@given(array_pairs(mixed_data()))
def test_num_unions_axis0(pair):
    a, j = pair
    compare(lambda ak: ak.num(a, axis=0), lambda jg: jg.num(j, axis=0))


def test_num_errors_and_edges():
    with pytest.raises(jaggy.errors.AxisError, match="num"):
        jaggy.num(jaggy.Array([[1, 2]]), axis=2)
    with pytest.raises(jaggy.errors.AxisError, match="num"):
        jaggy.num(jaggy.Array([[1, 2]]), axis=-3)
    assert jaggy.num(jaggy.Array([[1, 2], None, []])).to_list() == [2, None, 0]
    assert jaggy.num(np.zeros((2, 3, 4)), axis=2).to_list() == [[4, 4, 4], [4, 4, 4]]
    assert jaggy.num(jaggy.Array([]), axis=0) == 0

