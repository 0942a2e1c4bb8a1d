"""jaggy.drop_none against Awkward: Hypothesis-drawn layouts, every axis, and edge cases."""

from __future__ import annotations

import awkward
import jaggy
import pytest
from hypothesis import given
from hypothesis import strategies as st
from jaggy.testing.strategies import array_pairs, numeric_lists
from structure_oracle import SETTINGS, compare

AXES = st.integers(-4, 4)


@SETTINGS
@given(array_pairs(), st.one_of(st.none(), AXES))
def test_drop_none_differential(pair, axis):
    a, j = pair
    compare(lambda ak: ak.drop_none(a, axis=axis), lambda jg: jg.drop_none(j, axis=axis))


@SETTINGS
@given(array_pairs(numeric_lists(3)), st.one_of(st.none(), AXES))
def test_drop_none_numeric(pair, axis):
    a, j = pair
    compare(lambda ak: ak.drop_none(a, axis=axis), lambda jg: jg.drop_none(j, axis=axis))


def test_drop_none_axis_error():
    with pytest.raises(jaggy.errors.AxisError, match="drop_none"):
        jaggy.drop_none(jaggy.Array([[1, 2]]), axis=5)



@pytest.mark.parametrize("axis", [1, -1])
@pytest.mark.parametrize(("data", "extra"), [
    ([[{"a": 1, "b": 2, "c": 3}, {"a": 4, "b": 5, "c": 6}]], [[{"a": 0, "b": 0, "c": None}]]),
    ([[{"r": {"c": 1}, "x": 1}]], [[{"r": None, "x": None}]]),
    ([[(1, 2)]], [[(None, 2)]]),
    ([[{"c": 1}], None], [[{"c": None}]]),
])
def test_drop_none_option_fields_of_records_at_axis(data, extra, axis):
    """Records holding the entries of ``axis``: their option fields lose the option type (Awkward)."""
    n = len(data)
    a = awkward.Array(data + extra)[:n]
    j = jaggy.Array(data + extra)[:n]
    compare(lambda ak: ak.drop_none(a, axis=axis), lambda jg: jg.drop_none(j, axis=axis))


def test_drop_none_missing_field_entry_at_axis_raises():
    j = jaggy.Array([[{"a": 1, "c": None}, {"a": 2, "c": 3}]])
    with pytest.raises(ValueError, match=r"jaggy\.drop_none: axis=1 .*field 'c'"):
        jaggy.drop_none(j, axis=1)
