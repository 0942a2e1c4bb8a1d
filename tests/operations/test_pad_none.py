"""jaggy.pad_none against Awkward: Hypothesis-drawn layouts, every axis, and edge cases."""

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
@given(array_pairs(), st.integers(0, 4), AXES, st.booleans())
def test_pad_none_differential(pair, target, axis, clip):
    a, j = pair
    compare(lambda ak: ak.pad_none(a, target, axis=axis, clip=clip),
            lambda jg: jg.pad_none(j, target, axis=axis, clip=clip))


@SETTINGS
@given(array_pairs(numeric_lists(2)), st.integers(0, 4), AXES, st.booleans())
def test_pad_none_numeric(pair, target, axis, clip):
    a, j = pair
    compare(lambda ak: ak.pad_none(a, target, axis=axis, clip=clip),
            lambda jg: jg.pad_none(j, target, axis=axis, clip=clip))


def test_pad_none_to_numpy_is_a_view():
    arr = jaggy.unflatten(np.arange(6.0), np.array([1, 3, 2]))
    out = jaggy.fill_none(jaggy.pad_none(arr, 2, clip=True), 0.0)
    np_out = jaggy.to_numpy(out)
    assert np_out.tolist() == [[0.0, 0.0], [1.0, 2.0], [4.0, 5.0]]
    assert np.shares_memory(np_out, out.layout.content.data)
    with pytest.raises(ValueError, match="pad_none"):
        jaggy.pad_none(arr, -1)

