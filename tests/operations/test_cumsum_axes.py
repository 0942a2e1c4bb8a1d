"""jaggy.cumsum/cumprod (jaggy extensions) at every axis, against a plain-Python oracle on
to_list(): an axis-k scan accumulates, in their order along the axis, the values at equal
coordinates below it (the values an axis-k reduction combines); None stays None."""

from __future__ import annotations

import awkward
import jaggy
import pytest
from _sortcomb_helpers import same
from hypothesis import given, settings
from hypothesis import strategies as st
from jaggy.testing.strategies import array_pairs, nested_data, numeric_lists

SMALL = st.one_of(st.none(), st.integers(-3, 3), st.sampled_from([0.5, -1.5, 2.0, float("nan")]))


def oracle(data, axis, op):
    """Scan ``data`` (nested Python lists) along ``axis`` (>= 0)."""
    def combine(a, b):
        return a + b if op == "cumsum" else a * b

    def along(elements):
        running = {}

        def walk(x, path):
            if x is None:
                return None
            if isinstance(x, list):
                return [walk(v, (*path, i)) for i, v in enumerate(x)]
            running[path] = x if path not in running else combine(running[path], x)
            return running[path]

        return [walk(e, ()) for e in elements]

    def descend(x, depth):
        if x is None:
            return None
        if depth == axis:
            return along(x)
        return [descend(v, depth + 1) for v in x]

    return descend(data, 0)


def check(ours, data, axis, op):
    result = getattr(jaggy, op)(ours, axis=axis)
    posaxis = axis + result.ndim if axis < 0 else axis
    expected = oracle(data, posaxis, op)
    assert same(result.to_list(), expected), (result.to_list(), expected)


@settings(max_examples=80, deadline=None)
@given(array_pairs(numeric_lists(max_depth=3, allow_none=True)), st.integers(-3, 2))
def test_cumsum_every_axis(pair, axis):
    theirs, ours = pair
    if not -theirs.ndim <= axis < theirs.ndim:
        return
    check(ours, theirs.to_list(), axis, "cumsum")


@settings(max_examples=80, deadline=None)
@given(array_pairs(nested_data(SMALL, allow_none=True, allow_records=False)), st.integers(-4, 3),
       st.sampled_from(["cumsum", "cumprod"]))
def test_options_at_every_depth(pair, axis, op):
    theirs, ours = pair
    if not -theirs.ndim <= axis < theirs.ndim:
        return
    check(ours, theirs.to_list(), axis, op)


@pytest.mark.parametrize("op", ["cumsum", "cumprod"])
@pytest.mark.parametrize(("data", "axis"), [
    ([[[1, 2], [10]], [[3]]], 1),
    ([[[1, 2], [10]], [[3]]], 0),
    ([[[1, 2], [10]], [[3]]], -2),
    ([[[1, None, 2], None, [10, 1]], None, [[3], [], [None]]], 1),
    ([[[1, None, 2], None, [10, 1]], None, [[3], [], [None]]], 0),
    ([[1, 2], None, [3, None, 4]], 0),
    ([[None, None], [None]], 0),
    ([[[]], []], 0),
    ([[], []], 0),
    ([], 0),
    ([[1.5, float("nan")], [2.0, 1.0]], 0),
    ([[True, False], [True]], 0),
])
def test_hand_written_edge_cases(data, axis, op):
    check(jaggy.Array(data), data, axis, op)


def test_types_and_regular_dims():
    import numpy as np

    x = jaggy.Array(np.arange(12, dtype=np.int32).reshape(2, 3, 2))
    out = jaggy.cumsum(x, axis=1)
    assert str(out.type) == "2 * var * var * int64"
    assert out.to_list() == np.cumsum(np.arange(12).reshape(2, 3, 2), axis=1).tolist()
    assert jaggy.cumsum(x, axis=0).to_list() == np.cumsum(np.arange(12).reshape(2, 3, 2), axis=0).tolist()
    assert str(jaggy.cumprod(jaggy.Array([[[1, None]], [[2, 3]]]), axis=0).type) == "2 * var * var * ?int64"


def test_reduction_consistency():
    """The last running value of every group is what the axis reduction gives."""
    data = [[[1, 2, 3], [4]], [[5], [6, 7]], [[8, 9]]]
    sums = awkward.sum(awkward.Array(data), axis=1).to_list()
    scanned = jaggy.cumsum(jaggy.Array(data), axis=1).to_list()
    for lists, total in zip(scanned, sums):
        last = {}
        for lst in lists:
            for j, v in enumerate(lst):
                last[j] = v
        assert [last[j] for j in range(len(total))] == total


def test_errors():
    with pytest.raises(jaggy.errors.AxisError, match=r"jaggy\.cumsum"):
        jaggy.cumsum(jaggy.Array([[[1]]]), axis=3)
    with pytest.raises(jaggy.errors.AxisError, match=r"jaggy\.cumprod"):
        jaggy.cumprod(jaggy.Array([[[1]]]), axis=-4)
    with pytest.raises(TypeError, match=r"jaggy\.cumsum"):
        jaggy.cumsum(jaggy.Array([[["a"]], [["b"]]]), axis=0)
