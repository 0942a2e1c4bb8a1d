"""jaggy.ravel against Awkward: Hypothesis-drawn layouts, every axis, and edge cases."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from jaggy.testing.strategies import array_pairs, numeric_lists
from structure_oracle import SETTINGS, compare

AXES = st.integers(-4, 4)


@SETTINGS
@given(array_pairs())
def test_ravel_differential(pair):
    a, j = pair
    compare(lambda ak: ak.ravel(a), lambda jg: jg.ravel(j))


@SETTINGS
@given(array_pairs(numeric_lists(3)))
def test_ravel_numeric(pair):
    a, j = pair
    compare(lambda ak: ak.ravel(a), lambda jg: jg.ravel(j))

