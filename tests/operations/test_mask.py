"""jaggy.mask against Awkward: Hypothesis-drawn layouts, every axis, and edge cases."""

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
@given(array_pairs(), st.data(), st.booleans())
def test_mask_flat(pair, data, valid_when):
    a, j = pair
    m = data.draw(st.lists(st.booleans(), min_size=len(a), max_size=len(a)))
    compare(lambda ak: ak.mask(a, m, valid_when=valid_when), lambda jg: jg.mask(j, m, valid_when=valid_when))


@SETTINGS
@given(array_pairs(numeric_lists(2, allow_none=False)), st.booleans())
def test_mask_jagged(pair, valid_when):
    a, j = pair
    import awkward as awk
    am = awk.local_index(a, axis=-1) % 2 == 0
    jm = jaggy.from_awkward(am)  # the same mask, typed (a to_list() of an empty mask loses its bool type)
    compare(lambda ak: ak.mask(a, am, valid_when=valid_when), lambda jg: jg.mask(j, jm, valid_when=valid_when))


def test_mask_errors():
    with pytest.raises(ValueError, match="length"):
        jaggy.mask(jaggy.Array([1, 2, 3]), [True, False])
    with pytest.raises(ValueError, match="list 1"):
        jaggy.mask(jaggy.Array([[1, 2], [3]]), jaggy.Array([[True, False], [True, True]]))



@pytest.mark.parametrize("data", [[[[None]]], [[None, None], []], [None], [[[None], []], None]])
def test_mask_of_all_missing_values_then_fill(data):
    """A mask over values that are all None (an option of an empty content) composes, and
    fill_none of the result is equal to Awkward's."""
    import awkward

    theirs, ours = awkward.Array(data), jaggy.Array(data)
    masked_theirs, masked_ours = awkward.mask(theirs, theirs > 0), jaggy.mask(ours, ours > 0)
    assert str(masked_ours.type) == str(masked_theirs.type)
    assert masked_ours.to_list() == masked_theirs.to_list()
    assert jaggy.fill_none(masked_ours, 0).to_list() == awkward.fill_none(masked_theirs, 0).to_list()
    assert str(jaggy.fill_none(masked_ours, 0).type) == str(awkward.fill_none(masked_theirs, 0).type)


@pytest.mark.parametrize("mask", [[True], [False], np.array([False]), [[True, False]], [[True]]])
def test_mask_length_one_broadcasts(mask):
    """A length-1 mask repeats over the array (as a length-1 array broadcasts in Awkward)."""
    import awkward as awk
    a = awk.Array([[1, 2], [3], []])
    compare(lambda ak: ak.mask(a, ak.Array(mask)), lambda jg: jg.mask(jaggy.from_awkward(a), jg.Array(mask)))
