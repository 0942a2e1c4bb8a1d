from __future__ import annotations

import awkward
import jaggy
import pytest
from _sortcomb_helpers import assert_matches
from hypothesis import given, settings
from hypothesis import strategies as st
from jaggy.errors import AxisError
from jaggy.testing.strategies import array_pairs, numeric_lists

NAN = float("nan")


@settings(max_examples=60, deadline=None)
@given(array_pairs(numeric_lists(max_depth=2)), st.booleans())
def test_sort_innermost_matches_awkward(pair, ascending):
    theirs, ours = pair
    assert_matches(jaggy.sort(ours, ascending=ascending), awkward.sort(theirs, ascending=ascending))


@pytest.mark.parametrize("data", [
    [[3, None, 1, 2], [None, None], [], [5.0, NAN, -1, None, NAN, 2]],
    [[True, False, True], []],
    [["b", "a", "ab"], ["z", ""], []],
    [[[3, 1], [2]], [], [[0, -1, 5]]],
    [3, 1, 2],
    [[], []],
])
@pytest.mark.parametrize("ascending", [True, False])
def test_sort_edge_cases(data, ascending):
    assert_matches(jaggy.sort(jaggy.Array(data), ascending=ascending),
                   awkward.sort(awkward.Array(data), ascending=ascending))


def test_sort_regular_and_option_outer():
    import numpy as np
    data = np.array([[3, 1, 2], [0, 5, 4]])
    assert_matches(jaggy.sort(jaggy.Array(data)), awkward.sort(awkward.Array(data)))
    data = [[[1, 2], [0]], None, [[3, None, 1]]]
    assert_matches(jaggy.sort(jaggy.Array(data), axis=2), awkward.sort(awkward.Array(data), axis=2))


def test_sort_errors():
    with pytest.raises(AxisError, match=r"jaggy.sort: axis=2"):
        jaggy.sort(jaggy.Array([[1, 2]]), axis=2)
    with pytest.raises(AxisError, match=r"jaggy.sort: axis=-3"):
        jaggy.sort(jaggy.Array([[1, 2]]), axis=-3)
    with pytest.raises(TypeError, match=r"jaggy\.sort: cannot sort records"):
        jaggy.sort(jaggy.Array([[{"x": 1}]]))
    with pytest.raises(ValueError, match=r"jaggy\.sort: cannot sort a union"):
        jaggy.sort(jaggy.Array([[1, "a"]]))
    assert_matches(jaggy.sort(jaggy.Array([[[1, None]]]), axis=1),
                   awkward.sort(awkward.Array([[[1, None]]]), axis=1))


@pytest.mark.parametrize("ascending", [True, False])
@pytest.mark.parametrize("data", [[0, 3, 1], []])
def test_sort_unmasked_values(data, ascending):
    """An UnmaskedArray (option type with nothing missing) sorts to plain values, as in Awkward."""
    import numpy as np

    def make(module):
        c = module.contents
        inner = c.UnmaskedArray(c.NumpyArray(np.array(data, np.int64)))
        lay = c.ListOffsetArray(module.index.Index64(np.array([0, len(data)])), inner)
        return [module.Array(lay),
                module.Array(c.ListOffsetArray(module.index.Index64(np.array([0, 1])), lay))]

    for ours, theirs in zip(make(jaggy), make(awkward)):
        assert_matches(jaggy.sort(ours, ascending=ascending), awkward.sort(theirs, ascending=ascending))
        assert_matches(jaggy.argsort(ours, ascending=ascending),
                       awkward.argsort(theirs, ascending=ascending))
