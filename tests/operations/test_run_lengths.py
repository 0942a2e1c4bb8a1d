"""jaggy.run_lengths against Awkward: Hypothesis-drawn layouts, every axis, and edge cases."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from jaggy.testing.strategies import array_pairs, numeric_lists
from structure_oracle import SETTINGS, compare

AXES = st.integers(-4, 4)


@SETTINGS
@given(array_pairs())
def test_run_lengths_differential(pair):
    a, j = pair
    compare(lambda ak: ak.run_lengths(a), lambda jg: jg.run_lengths(j), allow_not_implemented=True)


@SETTINGS
@given(array_pairs(numeric_lists(2)))
def test_run_lengths_numeric(pair):
    a, j = pair
    compare(lambda ak: ak.run_lengths(a), lambda jg: jg.run_lengths(j), allow_not_implemented=True)

