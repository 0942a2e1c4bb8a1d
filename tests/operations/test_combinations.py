from __future__ import annotations

import awkward
import jaggy
import pytest
from _sortcomb_helpers import assert_matches
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from jaggy.errors import AxisError
from jaggy.testing.strategies import array_pairs, numeric_lists


@settings(max_examples=50, deadline=None)
@given(array_pairs(numeric_lists(max_depth=2)), st.integers(1, 3), st.booleans(),
       st.sampled_from([0, 1, -1]))
def test_combinations_matches_awkward(pair, n, replacement, axis):
    theirs, ours = pair
    assume(not ours.layout.is_unknown)  # known gap: an empty array of unknown type
    for fn in ("combinations", "argcombinations"):
        assert_matches(getattr(jaggy, fn)(ours, n, replacement=replacement, axis=axis),
                       getattr(awkward, fn)(theirs, n, replacement=replacement, axis=axis))


@settings(max_examples=30, deadline=None)
@given(array_pairs(st.lists(st.lists(st.fixed_dictionaries({"x": st.integers(-5, 5), "y": st.one_of(st.none(), st.floats(-9, 9))}), max_size=4), max_size=4)))
def test_combinations_of_records_and_nested(pair):
    theirs, ours = pair
    assume(not ours.layout.is_unknown)  # known gap: an empty array of unknown type
    assert_matches(jaggy.combinations(ours, 2), awkward.combinations(theirs, 2))


@pytest.mark.parametrize("kw", [dict(fields=["a", "b"]), dict(with_name="Pair"),
                                dict(parameters={"p": 1}), dict(axis=0)])
def test_combinations_options(kw):
    data = [[1, 2, 3], [], [4, 5], [None, 6]]
    for fn in ("combinations", "argcombinations"):
        assert_matches(getattr(jaggy, fn)(jaggy.Array(data), 2, **kw),
                       getattr(awkward, fn)(awkward.Array(data), 2, **kw))


def test_combinations_errors():
    a = jaggy.Array([[1, 2]])
    with pytest.raises(ValueError, match=r"jaggy\.combinations: n must be at least 1"):
        jaggy.combinations(a, 0)
    with pytest.raises(AxisError, match=r"jaggy\.combinations: axis=2"):
        jaggy.combinations(a, 2, axis=2)
    with pytest.raises(ValueError, match=r"jaggy\.argcombinations: fields"):
        jaggy.argcombinations(a, 2, fields=["x"])


def test_combinations_regular_outer_and_unknown():
    """Outer regular dimensions stay regular; an empty array of unknown type stays unknown."""
    import numpy as np

    def make(module):
        return [module.Array([]), module.Array([[[]]]),
                module.to_regular(module.to_regular(module.Array([[[None]]]), axis=1), axis=1)[:, :, :0],
                module.to_regular(module.Array([[[1, 2], [3], [4, 5, 6]], [[], [1], [2, 3]]]), axis=1),
                module.Array(np.arange(12).reshape(2, 2, 3))]

    for ours, theirs in zip(make(jaggy), make(awkward)):
        for n in (1, 2):
            for axis in (-1, 0, 1):
                try:
                    expected = awkward.combinations(theirs, n, axis=axis)
                except ValueError:
                    with pytest.raises(ValueError):
                        jaggy.combinations(ours, n, axis=axis)
                    continue
                assert_matches(jaggy.combinations(ours, n, axis=axis), expected)
                try:
                    expected = awkward.argcombinations(theirs, n, axis=axis)
                except ValueError:
                    with pytest.raises(ValueError):
                        jaggy.argcombinations(ours, n, axis=axis)
                    continue
                assert_matches(jaggy.argcombinations(ours, n, axis=axis), expected)
