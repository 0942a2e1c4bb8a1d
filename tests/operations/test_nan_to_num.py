"""jaggy.nan_to_num against Awkward: Hypothesis-drawn layouts, every axis, and edge cases."""

from __future__ import annotations

import jaggy
import numpy as np
from hypothesis import given
from hypothesis import strategies as st
from jaggy.testing.strategies import array_pairs, numeric_lists
from structure_oracle import SETTINGS, compare

AXES = st.integers(-4, 4)


@SETTINGS
@given(array_pairs())
def test_nan_to_num_differential(pair):
    a, j = pair
    compare(lambda ak: ak.nan_to_num(a), lambda jg: jg.nan_to_num(j), allow_not_implemented=False)


@SETTINGS
@given(array_pairs(numeric_lists(2)))
def test_nan_to_num_numeric(pair):
    a, j = pair
    compare(lambda ak: ak.nan_to_num(a), lambda jg: jg.nan_to_num(j), allow_not_implemented=False)



def test_nan_to_num_arguments():
    arr = jaggy.Array([[1.0, np.nan, np.inf], [-np.inf]])
    out = jaggy.nan_to_num(arr, nan=-1.0, posinf=9.0, neginf=-9.0)
    assert out.to_list() == [[1.0, -1.0, 9.0], [-9.0]]
    assert jaggy.to_list(arr)[0][2] == np.inf
