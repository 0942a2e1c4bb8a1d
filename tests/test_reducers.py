"""Differential tests of the reducers against Awkward: every reducer x axis x keepdims x
mask_identity on random layouts (Hypothesis), plus hand-written edge and error cases."""

from __future__ import annotations

import math

import awkward
import jaggy
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jaggy.errors import AxisError
from jaggy.testing.strategies import array_pairs, numeric_lists

REDUCERS = ["sum", "prod", "max", "min", "argmax", "argmin", "any", "all", "count",
            "count_nonzero", "nansum", "nanprod", "nanmax", "nanmin", "nanargmax", "nanargmin",
            "mean", "nanmean", "var", "nanvar", "std", "nanstd", "ptp"]


def _norm(x):
    if isinstance(x, float):
        return "nan" if math.isnan(x) else round(x, 6)
    if isinstance(x, list):
        return [_norm(v) for v in x]
    if isinstance(x, dict):
        return {k: _norm(v) for k, v in x.items()}
    return x


def _call(module, name, array, **kw):
    try:
        with np.errstate(all="ignore"):
            out = getattr(module, name)(array, **kw)
    except (ValueError, TypeError) as err:
        return ("error", type(err).__mro__[1:] and isinstance(err, ValueError))
    if hasattr(out, "to_list"):
        return (_norm(out.to_list()), str(out.type))
    if isinstance(out, np.generic):
        out = out.item()
    return (_norm(out), None if out is None else type(out).__name__)


def _same(name, pair, **kw):
    a, j = pair
    expected = _call(awkward, name, a, **kw)
    got = _call(jaggy, name, j, **kw)
    assert got == expected, (name, kw, a.to_list())


@pytest.mark.parametrize("depth", [1, 2, 3])
@pytest.mark.parametrize("name", REDUCERS)
def test_reducers_match_awkward(name, depth):
    @settings(max_examples=4, deadline=None, suppress_health_check=list(HealthCheck))
    @given(array_pairs(numeric_lists(max_depth=depth)), st.sampled_from([None, 0, 1, 2, -1, -2]),
           st.booleans(), st.booleans())
    def check(pair, axis, keepdims, mask_identity):
        _same(name, pair, axis=axis, keepdims=keepdims, mask_identity=mask_identity)

    check()


EDGE = [
    [[1, 2], None, [3], []],
    [[True, False], [True]],
    [[[1, 2], None, [3]], [[4]]],
    [[[1], []], [[2, 3]]],
    [[1, None, 5], [None, None]],
    [[1], None, [5, 6]],
    [[1], [], [5]],
    [[1.5, float("nan")], [], [float("nan")]],
    [[], []],
    [],
    [None, None],
    [1, 2, 3],
]


@pytest.mark.parametrize("data", EDGE, ids=range(len(EDGE)))
@pytest.mark.parametrize("name", REDUCERS)
def test_edge_cases(name, data):
    for axis in (None, 0, 1, -1, 2, -3):
        for keepdims in (False, True):
            for mask_identity in (False, True):
                _same(name, (awkward.Array(data), jaggy.Array(data)), axis=axis,
                      keepdims=keepdims, mask_identity=mask_identity)


def test_regular_dimensions():
    data = np.arange(24.0).reshape(2, 3, 4)
    for axis in (None, 0, 1, 2, -1):
        for keepdims in (False, True):
            _same("sum", (awkward.Array(data), jaggy.Array(data)), axis=axis, keepdims=keepdims)
            _same("argmax", (awkward.Array(data), jaggy.Array(data)), axis=axis, keepdims=keepdims)


def test_dtypes():
    for dtype in (np.int8, np.int32, np.uint8, np.uint32, np.uint64, np.float32, np.bool_):
        data = np.array([1, 0, 1, 1], dtype)
        for name in ("sum", "prod", "max", "min", "count_nonzero", "any", "mean"):
            _same(name, (awkward.Array(data), jaggy.Array(data)), axis=0)


def test_initial():
    data = [[1, 2], [], [7]]
    for name in ("max", "min"):
        for mask_identity in (False, True):
            _same(name, (awkward.Array(data), jaggy.Array(data)), axis=1, initial=5,
                  mask_identity=mask_identity)


def test_ddof_and_moment():
    data = [[1, 2, 4], [], [3], [2, 2]]
    for ddof in (0, 1):
        _same("var", (awkward.Array(data), jaggy.Array(data)), axis=1, ddof=ddof)
        _same("std", (awkward.Array(data), jaggy.Array(data)), axis=1, ddof=ddof)
    for n in (1, 2, 3):
        a = awkward.moment(awkward.Array(data), n, axis=1)
        j = jaggy.moment(jaggy.Array(data), n, axis=1)
        assert _norm(a.to_list()) == _norm(j.to_list())
        assert str(a.type) == str(j.type)


def test_axis_errors():
    with pytest.raises(AxisError, match=r"jaggy.sum: axis=2 exceeds the depth of this array \(2\)"):
        jaggy.sum(jaggy.Array([[1, 2]]), axis=2)
    with pytest.raises(AxisError, match=r"jaggy\.max: axis=-3"):
        jaggy.max(jaggy.Array([[1, 2]]), axis=-3)
    with pytest.raises(TypeError, match=r"jaggy\.sum: axis must be"):
        jaggy.sum(jaggy.Array([[1, 2]]), axis=1.5)


def test_records_raise():
    with pytest.raises(TypeError, match=r"jaggy\.sum: cannot reduce records"):
        jaggy.sum(jaggy.Array([[{"x": 1}]]), axis=1)
    with pytest.raises(TypeError):
        awkward.sum(awkward.Array([[{"x": 1}]]), axis=1)


def test_bad_offsets_raise():
    layout = jaggy.contents.ListOffsetArray(jaggy.index.Index64(np.array([0, 3, 9])),
                                            jaggy.contents.NumpyArray(np.arange(4.0)))
    with pytest.raises(ValueError):
        jaggy.sum(layout, axis=1)


@pytest.mark.parametrize("name", ["softmax", "corr", "covar", "linear_fit"])
def test_not_implemented(name):
    args = [jaggy.Array([[1.0, 2.0]])] * (1 if name == "softmax" else 2)
    with pytest.raises(NotImplementedError, match=f"jaggy.{name}"):
        getattr(jaggy, name)(*args, axis=1)
