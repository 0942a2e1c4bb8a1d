"""jaggy.nan_to_none against Awkward: Hypothesis-drawn layouts, every axis, and edge cases."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from jaggy.testing.strategies import array_pairs, numeric_lists
from structure_oracle import SETTINGS, compare

AXES = st.integers(-4, 4)


@SETTINGS
@given(array_pairs())
def test_nan_to_none_differential(pair):
    a, j = pair
    compare(lambda ak: ak.nan_to_none(a), lambda jg: jg.nan_to_none(j), allow_not_implemented=False)


@SETTINGS
@given(array_pairs(numeric_lists(2)))
def test_nan_to_none_numeric(pair):
    a, j = pair
    compare(lambda ak: ak.nan_to_none(a), lambda jg: jg.nan_to_none(j), allow_not_implemented=False)

