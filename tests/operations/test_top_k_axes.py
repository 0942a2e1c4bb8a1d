"""jaggy.top_k (a jaggy extension) at every axis: Awkward's sort along the axis, cut to the
first k entries along it."""

from __future__ import annotations

import awkward
import jaggy
import pytest
from _sortcomb_helpers import same
from hypothesis import given, settings
from hypothesis import strategies as st
from jaggy.testing.strategies import array_pairs, numeric_lists


def expected(theirs, k, axis, ascending):
    posaxis = axis + theirs.ndim if axis < 0 else axis
    srt = awkward.sort(theirs, axis=posaxis, ascending=ascending)
    return srt[(slice(None),) * posaxis + (slice(None, k),)].to_list()


@settings(max_examples=80, deadline=None)
@given(array_pairs(numeric_lists(max_depth=3, allow_none=True)), st.integers(0, 3),
       st.integers(-3, 2), st.booleans())
def test_top_k_every_axis(pair, k, axis, ascending):
    theirs, ours = pair
    if not -theirs.ndim <= axis < theirs.ndim:
        return
    got = jaggy.top_k(ours, k, axis=axis, ascending=ascending).to_list()
    want = expected(theirs, k, axis, ascending)
    assert same(got, want), (got, want)


@pytest.mark.parametrize("axis", [0, 1, 2, -1, -2])
def test_top_k_with_missing_lists(axis):
    data = [[[3, None, 1]], None, [[2], []], [[5, 0]]]
    got = jaggy.top_k(jaggy.Array(data), 1, axis=axis).to_list()
    assert same(got, expected(awkward.Array(data), 1, axis, False))
