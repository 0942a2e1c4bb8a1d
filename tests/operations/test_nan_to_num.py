"""jaggy.nan_to_num against Awkward: Hypothesis-drawn layouts, every axis, and edge cases."""

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


@SETTINGS
@given(array_pairs(numeric_lists(2)), st.data())
def test_nan_to_num_array_valued(pair, data):
    """Array-valued nan/posinf/neginf broadcast against the array (one value per outer entry)."""
    a, j = pair
    values = st.lists(st.floats(-5, 5), min_size=len(a), max_size=len(a))
    nan, posinf = data.draw(values), data.draw(values)
    compare(lambda ak: ak.nan_to_num(a, nan=ak.Array(nan), posinf=np.array(posinf), neginf=-1.0),
            lambda jg: jg.nan_to_num(j, nan=jg.Array(nan), posinf=np.array(posinf), neginf=-1.0),
            allow_not_implemented=False)


def test_nan_to_num_array_valued_cases():
    import awkward as awk
    cases = [
        (awk.Array([[np.nan, 1.0], [np.inf, -np.inf]]), dict(nan=[[7.0, 8.0], [9.0, 0.0]])),
        (awk.Array([[np.nan, None], [np.inf]]), dict(nan=[1.0, 2.0], posinf=[3.0, 4.0])),
        (awk.Array([{"x": np.nan, "y": [np.inf]}]), dict(nan=[1.0], posinf=[2.0])),
        (awk.Array([[np.nan, 1.0], np.inf]), dict(nan=[3.0, 4.0])),  # a union
        (awk.Array([[1, 2], [3]]), dict(nan=[1.0, 2.0])),  # integers are kept
        (awk.Array(np.array([np.nan, np.inf], np.float32)), dict(nan=[1.5, 2.5])),  # float32 kept
        (awk.Array([[complex(np.nan, np.inf)]]), dict(nan=[1.0])),
        (awk.Array([[np.nan]]), dict(nan=[1.0, 2.0])),  # a length-1 array broadcasts
    ]
    for a, kw in cases:
        compare(lambda ak, a=a, kw=kw: ak.nan_to_num(a, **{k: ak.Array(v) for k, v in kw.items()}),
                lambda jg, a=a, kw=kw: jg.nan_to_num(jaggy.from_awkward(a),
                                                     **{k: jg.Array(v) for k, v in kw.items()}),
                allow_not_implemented=False)


def test_nan_to_num_union_scalars():
    out = jaggy.nan_to_num(jaggy.Array([[np.nan, 1.0], np.inf, "x"]))
    assert out.to_list() == [[0.0, 1.0], np.finfo(np.float64).max, "x"]


def test_nan_to_num_array_does_not_broadcast():
    with pytest.raises(ValueError, match=r"jaggy\.nan_to_num: cannot broadcast"):
        jaggy.nan_to_num(jaggy.Array([[np.nan], [1.0, 2.0]]), nan=jaggy.Array([[1.0, 2.0], [3.0]]))
