"""sort/argsort at an axis above the innermost (values at equal coordinates sorted among
themselves), against Awkward on generated nested lists of numbers."""

from __future__ import annotations

import awkward
import jaggy
import numpy as np
import pytest
from _sortcomb_helpers import assert_matches
from hypothesis import given, settings
from hypothesis import strategies as st
from jaggy.testing.strategies import array_pairs, nested_data, numeric_lists


def _check_outer_axis(pair, axis, ascending):
    """sort and argsort at ``axis`` (an outer one; others are skipped) equal Awkward's."""
    theirs, ours = pair
    depth = theirs.ndim
    if not -depth <= axis < depth or axis in (-1, depth - 1):
        return
    for fn in ("sort", "argsort"):
        assert_matches(getattr(jaggy, fn)(ours, axis=axis, ascending=ascending),
                       getattr(awkward, fn)(theirs, axis=axis, ascending=ascending))


NUMBERS = st.one_of(st.integers(-5, 5), st.sampled_from([-1.5, 0.0, 2.5, float("nan")]))


@settings(max_examples=80, deadline=None)
@given(array_pairs(numeric_lists(max_depth=3, allow_none=False)), st.integers(-3, 2), st.booleans())
def test_outer_axes_match_awkward(pair, axis, ascending):
    _check_outer_axis(pair, axis, ascending)


@settings(max_examples=40, deadline=None)
@given(nested_data(st.integers(0, 9), allow_none=False, allow_records=False), st.booleans())
def test_axis0_of_nested_lists(data, ascending):
    theirs, ours = awkward.Array(data), jaggy.Array(data)
    if theirs.ndim < 2:
        return
    for fn in ("sort", "argsort"):
        assert_matches(getattr(jaggy, fn)(ours, axis=0, ascending=ascending),
                       getattr(awkward, fn)(theirs, axis=0, ascending=ascending))


@pytest.mark.parametrize("axis", [0, 1])
@pytest.mark.parametrize("ascending", [True, False])
def test_regular_dims_and_nan(axis, ascending):
    data = np.array([[[3.0, np.nan], [2.0, 1.0]], [[0.0, 5.0], [np.nan, -1.0]]])
    for fn in ("sort", "argsort"):
        assert_matches(getattr(jaggy, fn)(jaggy.Array(data), axis=axis, ascending=ascending),
                       getattr(awkward, fn)(awkward.Array(data), axis=axis, ascending=ascending))
    ragged = [[[True, False], [True]], [], [[False, False, True]]]
    assert_matches(jaggy.sort(jaggy.Array(ragged), axis=1, ascending=ascending),
                   awkward.sort(awkward.Array(ragged), axis=1, ascending=ascending))


def test_outer_axis_errors():
    with pytest.raises(TypeError, match=r"jaggy\.sort: cannot sort records"):
        jaggy.sort(jaggy.Array([[[{"x": 1}]]]), axis=1)
    with pytest.raises(ValueError, match=r"jaggy\.argsort: cannot sort a union"):
        jaggy.argsort(jaggy.Array([[[1, "a"]], [[2]]]), axis=0)
    with pytest.raises(jaggy.errors.AxisError, match=r"jaggy\.sort"):
        jaggy.sort(jaggy.Array([[[1]]]), axis=3)
    with pytest.raises(jaggy.errors.AxisError, match=r"jaggy\.argsort"):
        jaggy.argsort(jaggy.Array([[[1]]]), axis=-4)


def _both(data, axis, ascending=True):
    theirs, ours = awkward.Array(data), jaggy.Array(data)
    for fn in ("sort", "argsort"):
        assert_matches(getattr(jaggy, fn)(ours, axis=axis, ascending=ascending),
                       getattr(awkward, fn)(theirs, axis=axis, ascending=ascending))


@settings(max_examples=100, deadline=None)
@given(array_pairs(numeric_lists(max_depth=3, allow_none=True)), st.integers(-3, 2), st.booleans())
def test_outer_axes_with_none_match_awkward(pair, axis, ascending):
    _check_outer_axis(pair, axis, ascending)


@settings(max_examples=100, deadline=None)
@given(array_pairs(nested_data(NUMBERS, allow_none=True, allow_records=False)), st.integers(-4, 3),
       st.booleans())
def test_options_at_every_depth(pair, axis, ascending):
    theirs, ours = pair
    depth = theirs.ndim
    if not -depth <= axis < depth:
        return
    for fn in ("sort", "argsort"):
        assert_matches(getattr(jaggy, fn)(ours, axis=axis, ascending=ascending),
                       getattr(awkward, fn)(theirs, axis=axis, ascending=ascending))


@settings(max_examples=60, deadline=None)
@given(array_pairs(nested_data(st.one_of(st.none(), st.text(alphabet="abc", max_size=3)),
                               allow_none=True, allow_records=False)), st.integers(-3, 2),
       st.booleans())
def test_strings_below_the_axis(pair, axis, ascending):
    theirs, ours = pair
    depth = theirs.ndim
    if not -depth <= axis < depth or axis in (-1, depth - 1):
        return  # innermost: jaggy deliberately differs from Awkward 2.14 with None (test_argsort)
    for fn in ("sort", "argsort"):
        assert_matches(getattr(jaggy, fn)(ours, axis=axis, ascending=ascending),
                       getattr(awkward, fn)(theirs, axis=axis, ascending=ascending))


@pytest.mark.parametrize("ascending", [True, False])
@pytest.mark.parametrize(("data", "axis"), [
    ([[[3, None, 1]], None, [[2], []]], 1),
    ([[[3, None, 1]], None, [[2], []]], 0),
    ([[[3, None, 1]], None, [[2], []]], -3),
    ([[[3, None, 1], [2, 5]], [[None, 4], [1]], [[2], []]], 0),
    ([[[3, None, 1], [2, 5]], [[None, 4], [1]], [[2], []]], -2),
    ([[3, None, 1], None, [None, 2]], 0),
    ([[[1, 2], None, [3]], [None, [0]]], 0),
    ([[[1, 2], None, [3]], [None, [0]]], 1),
    ([[[[1, 2], None], [[3]]], [None, [[0]]]], 1),
    ([[[[1, 2], None], [[3]]], [None, [[0]]]], 0),
    ([[None, None], [None]], 0),
    ([[[None, None]], [[None]]], 1),
    ([[None], None, []], 0),
    ([[[1.5, float("nan")], [None, 2.0]], [[None], [1.0, float("nan")]]], 0),
    ([[[True, False]], [[None, True]]], 0),
    ([["b", "a"], None, ["a", None], ["c", "d", "e"]], 0),
    ([[["b", "a"]], [["a"], ["c", "d", "e"]]], 1),
    ([[], []], 0),
    ([[[]], [[], []]], 0),
    ([], 0),
])
def test_hand_written_edge_cases(data, axis, ascending):
    _both(data, axis, ascending)
