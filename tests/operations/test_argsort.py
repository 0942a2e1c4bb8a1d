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
def test_argsort_innermost_matches_awkward(pair, ascending):
    theirs, ours = pair
    assert_matches(jaggy.argsort(ours, ascending=ascending),
                   awkward.argsort(theirs, ascending=ascending))


@pytest.mark.parametrize("data", [
    [[3, None, 1, 2], [None, None], [], [5.0, NAN, -1, None, NAN, 2]],
    [[1, 1, 2, None, 1]],
    [["b", "a", "ab"], ["z", ""]],
    [3, 1, None, 2],
    [[], []],
])
@pytest.mark.parametrize("ascending", [True, False])
def test_argsort_edge_cases(data, ascending):
    assert_matches(jaggy.argsort(jaggy.Array(data), ascending=ascending),
                   awkward.argsort(awkward.Array(data), ascending=ascending))


def test_argsort_strings_with_none_are_correct():
    # Awkward 2.14 returns [1, 0, 1] here (a bug); the right answer puts None last
    assert jaggy.argsort(jaggy.Array([["z", None, ""]])).to_list() == [[2, 0, 1]]


def test_argsort_errors():
    with pytest.raises(AxisError, match=r"jaggy\.argsort: axis=5"):
        jaggy.argsort(jaggy.Array([[1]]), axis=5)
    with pytest.raises(TypeError, match=r"jaggy\.argsort"):
        jaggy.argsort(jaggy.Array([[{"x": 1}]]))


@pytest.mark.parametrize("ascending", [True, False])
@pytest.mark.parametrize("data", [
    [["b", "a", "b", "c", "a"], ["x", "x"], []],
    ["b", "a", "b"],
    [["b", None, "a", "b", None], [None], [None, "c"]],
])
def test_equal_strings_descending(data, ascending):
    """Awkward's descending string argsort puts equal strings in reverse order (still a valid
    argsort); without None we match it exactly."""
    ours = jaggy.argsort(jaggy.Array(data), axis=-1, ascending=ascending)
    assert_matches(jaggy.sort(jaggy.Array(data), axis=-1, ascending=ascending),
                   awkward.sort(awkward.Array(data), axis=-1, ascending=ascending))
    assert jaggy.Array(data)[ours].to_list() == jaggy.sort(jaggy.Array(data), ascending=ascending).to_list()
    if "None" not in repr(data):
        assert_matches(ours, awkward.argsort(awkward.Array(data), axis=-1, ascending=ascending))
