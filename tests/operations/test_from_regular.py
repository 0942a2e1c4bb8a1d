"""jaggy.from_regular against Awkward: Hypothesis-drawn layouts, every axis, and edge cases."""

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
def test_from_regular_differential(pair, axis):
    a, j = pair
    compare(lambda ak: ak.from_regular(a, axis=axis), lambda jg: jg.from_regular(j, axis=axis))


@SETTINGS
@given(array_pairs(numeric_lists(3)), st.one_of(st.none(), AXES))
def test_from_regular_numeric(pair, axis):
    a, j = pair
    compare(lambda ak: ak.from_regular(a, axis=axis), lambda jg: jg.from_regular(j, axis=axis))


def test_from_regular_axis_error():
    with pytest.raises(jaggy.errors.AxisError, match="from_regular"):
        jaggy.from_regular(jaggy.Array([[1, 2]]), axis=5)

