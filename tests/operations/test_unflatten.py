"""jaggy.unflatten against Awkward: Hypothesis-drawn layouts, every axis, and edge cases."""

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
@given(st.lists(st.integers(0, 4), max_size=8), st.data())
def test_unflatten_axis0(counts, data):
    values = list(range(sum(counts)))
    compare(lambda ak: ak.unflatten(values, counts), lambda jg: jg.unflatten(values, counts))
    compare(lambda ak: ak.unflatten(np.array(values), np.array(counts, np.int64)),
            lambda jg: jg.unflatten(np.array(values), np.array(counts, np.int64)))
    size = data.draw(st.integers(1, 4))
    compare(lambda ak: ak.unflatten(values, size), lambda jg: jg.unflatten(values, size))


@SETTINGS
@given(array_pairs(numeric_lists(2)), st.data())
def test_unflatten_axis1(pair, data):
    a, j = pair
    import awkward as awk
    if a.ndim < 2:
        return  # no lists to split at axis=1 (Awkward's num(axis=1) below raises)
    inner = awk.num(a, axis=1)
    # split every list in two pieces (first element alone when it has one)
    counts = []
    for n in inner.to_list():
        if n is None:
            return
        counts += [min(n, 1), n - min(n, 1)]
    compare(lambda ak: ak.unflatten(a, counts, axis=1), lambda jg: jg.unflatten(j, counts, axis=1))


def test_unflatten_missing_and_errors():
    assert jaggy.unflatten([1, 2, 3], [2, None, 1]).to_list() == [[1, 2], None, [3]]
    with pytest.raises(ValueError, match="list 1"):
        jaggy.unflatten([1, 2, 3], [2, -1, 2])
    with pytest.raises(ValueError, match="does not fit"):
        jaggy.unflatten([1, 2, 3], [2, 2])
    # like Awkward, an int at axis 0 makes as many whole lists as fit
    assert jaggy.unflatten([1, 2, 3], 2).to_list() == [[1, 2]]
    with pytest.raises(ValueError, match="does not fit"):
        jaggy.unflatten([1, 2, 3], 4)
    with pytest.raises(ValueError, match="does not fit"):
        jaggy.unflatten(jaggy.Array([[1, 2, 3], [4]]), [2, 2], axis=1)
    with pytest.raises(jaggy.errors.AxisError, match="unflatten"):
        jaggy.unflatten([1, 2, 3], [3], axis=1)

