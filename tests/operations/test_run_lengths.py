"""jaggy.run_lengths against Awkward: Hypothesis-drawn layouts, every axis, and edge cases."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from jaggy.testing.strategies import array_pairs, numeric_lists
from structure_oracle import SETTINGS, compare

AXES = st.integers(-4, 4)


def without_inner_none(ak, a):
    """``a`` without None in its two innermost levels. Awkward's run_lengths means to skip those
    (it projects them away) but keeps the list offsets of the unprojected content, so its result
    is wrong whenever an inner list holds a None (e.g. [[None, 1], [2, 2]] gives [[1, 1], [1]]);
    the oracle is Awkward's result on the array with those None dropped."""
    try:
        out = ak.drop_none(a, axis=-1)
        return ak.drop_none(out, axis=-2) if out.ndim >= 2 else out
    except Exception:
        return a


@SETTINGS
@given(array_pairs())
def test_run_lengths_differential(pair):
    a, j = pair
    compare(lambda ak: ak.run_lengths(without_inner_none(ak, a)), lambda jg: jg.run_lengths(j),
            allow_not_implemented=True)


@SETTINGS
@given(array_pairs(numeric_lists(2)))
def test_run_lengths_numeric(pair):
    a, j = pair
    compare(lambda ak: ak.run_lengths(without_inner_none(ak, a)), lambda jg: jg.run_lengths(j),
            allow_not_implemented=True)



def test_run_lengths_skips_none():
    import jaggy

    out = jaggy.run_lengths(jaggy.Array([[None, 1], [2, 2], [1, None, 1]]))
    assert out.to_list() == [[1], [2], [2]]
    assert str(out.type) == "3 * var * int64"
    out = jaggy.run_lengths(jaggy.Array([None, [[1, 1]], [None]]))
    assert out.to_list() == [None, [[2]], []]
