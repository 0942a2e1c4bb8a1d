"""jaggy.to_regular against Awkward: Hypothesis-drawn layouts, every axis, and edge cases."""

from __future__ import annotations

import jaggy
import pytest
from hypothesis import given
from hypothesis import strategies as st
from jaggy.testing.strategies import array_pairs, numeric_lists
from structure_oracle import SETTINGS, compare

AXES = st.integers(-4, 4)


@SETTINGS
@given(array_pairs(), st.one_of(st.none(), AXES))
def test_to_regular_differential(pair, axis):
    a, j = pair
    compare(lambda ak: ak.to_regular(a, axis=axis), lambda jg: jg.to_regular(j, axis=axis))


@SETTINGS
@given(array_pairs(numeric_lists(3)), st.one_of(st.none(), AXES))
def test_to_regular_numeric(pair, axis):
    a, j = pair
    compare(lambda ak: ak.to_regular(a, axis=axis), lambda jg: jg.to_regular(j, axis=axis))


def test_to_regular_axis_error():
    with pytest.raises(jaggy.errors.AxisError, match="to_regular"):
        jaggy.to_regular(jaggy.Array([[1, 2]]), axis=5)



def test_to_regular_names_the_list():
    with pytest.raises(ValueError, match="list 2 has length 1"):
        jaggy.to_regular(jaggy.Array([[1, 2], [3, 4], [5]]))
