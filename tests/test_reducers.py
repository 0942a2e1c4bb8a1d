"""Differential tests of the reducers against Awkward: every reducer x axis x keepdims x
mask_identity on random layouts (Hypothesis), plus hand-written edge and error cases."""

from __future__ import annotations

import math

import awkward
import jaggy
import numpy as np
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from jaggy.errors import AxisError
from jaggy.testing.strategies import array_pairs, numeric_lists

REDUCERS = ["sum", "prod", "max", "min", "argmax", "argmin", "any", "all", "count",
            "count_nonzero", "nansum", "nanprod", "nanmax", "nanmin", "nanargmax", "nanargmin",
            "mean", "nanmean", "var", "nanvar", "std", "nanstd", "ptp"]


# Floats are compared with an explicit relative tolerance: jaggy and Awkward use the same
# formulas (two-pass variance where Awkward uses it, one-pass where it does not), but sums may
# be accumulated in a different order.
REL_TOL = 1e-9
ABS_TOL = 1e-12
# linear_fit/covar/corr subtract nearly equal sums on generated data with values near 1e9:
# summation order (jaggy's pairwise/windowed sums vs Awkward's) moves the last digits
STATS_REL_TOL = 1e-6


def _norm(x):
    """Floats as (float,) markers so that _close compares them with a tolerance."""
    if isinstance(x, float):
        return ("nan",) if math.isnan(x) else (x,)
    if isinstance(x, list):
        return [_norm(v) for v in x]
    if isinstance(x, dict):
        return {k: _norm(v) for k, v in x.items()}
    return x


def _close(a, b, rel_tol=REL_TOL):
    if isinstance(a, tuple) and isinstance(b, tuple) and len(a) == len(b) == 1:
        if a == ("nan",) or b == ("nan",):
            return a == b
        return math.isclose(a[0], b[0], rel_tol=rel_tol, abs_tol=ABS_TOL)
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return (type(a) is type(b) and len(a) == len(b)
                and all(_close(x, y, rel_tol) for x, y in zip(a, b)))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_close(a[k], b[k], rel_tol) for k in a)
    return a == b


def _same(name, pair, **kw):
    a, j = pair
    expected = _call(awkward, name, a, **kw)
    got = _call(jaggy, name, j, **kw)
    assert _close(got, expected), (name, kw, a.to_list(), got, expected)


@pytest.mark.parametrize("depth", [1, 2, 3])
@pytest.mark.parametrize("name", REDUCERS)
def test_reducers_match_awkward(name, depth):
    @settings(max_examples=6, deadline=None, suppress_health_check=list(HealthCheck))
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
        assert _close(_norm(a.to_list()), _norm(j.to_list()))
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


# --------------------------------------------------------------------------------------------
# weights, covar/corr/linear_fit and softmax (built on broadcasting)
# --------------------------------------------------------------------------------------------
X3 = [[[1.0, 2.0, 4.0], [3.0]], [[], [5.0, 7.0]]]
Y3 = [[[2.0, 1.0, 5.0], [1.0]], [[], [2.0, 9.0]]]
W3 = [[[1.0, 2.0, 1.0], [3.0]], [[], [1.0, 2.0]]]
X2 = [[1, 2, 3], [], [4, None, 6], None]
Y2 = [[2, 2, 5], [], [1, 2, 3], None]
W2 = [[1, 2, 1], [], [1, 1, 2], None]
OPTIONS = [{"axis": axis, "keepdims": keepdims, "mask_identity": mask_identity}
           for axis in (None, 0, 1, 2, -1) for keepdims in (False, True)
           for mask_identity in (False, True)]


def _same_many(name, arrays, **kw):
    expected = _call(awkward, name, *[awkward.Array(a) for a in arrays], **kw)
    got = _call(jaggy, name, *[jaggy.Array(a) for a in arrays], **kw)
    assert _close(got, expected), (name, kw, got, expected)


def _call(module, name, *arrays, **kw):
    try:
        with np.errstate(all="ignore"):
            out = getattr(module, name)(*arrays, **kw)
    except (ValueError, TypeError, NotImplementedError) as err:
        kinds = (NotImplementedError, ValueError, TypeError)
        return ("error", next(k.__name__ for k in kinds if isinstance(err, k)))
    if hasattr(out, "to_list"):
        return (_norm(out.to_list()), str(out.type))
    if isinstance(out, np.generic):
        out = out.item()
    if hasattr(out, "tolist"):
        out = out.tolist()
    if hasattr(out, "to_list"):
        out = out.to_list()
    return (_norm(out), None if out is None else type(out).__name__)


@pytest.mark.parametrize("name", ["mean", "nanmean", "var", "nanvar", "std", "nanstd"])
@pytest.mark.parametrize("data", [(X3, W3), (X2, W2)], ids=["floats", "options"])
def test_weighted(name, data):
    for kw in OPTIONS:
        _same_many(name, data, **kw)


@pytest.mark.parametrize("data", [(X3, W3), (X2, W2)], ids=["floats", "options"])
def test_weighted_moment(data):
    for n in (1, 2, 3):
        for axis in (None, 0, 1, -1):
            a = awkward.moment(awkward.Array(data[0]), n, awkward.Array(data[1]), axis=axis)
            j = jaggy.moment(jaggy.Array(data[0]), n, jaggy.Array(data[1]), axis=axis)
            if hasattr(a, "to_list"):
                assert _close(_norm(a.to_list()), _norm(j.to_list()))
                assert str(a.type) == str(j.type)
            else:
                assert _close(_norm(float(a)), _norm(float(j)))


@pytest.mark.parametrize("name", ["covar", "corr", "linear_fit"])
@pytest.mark.parametrize("data", [(X3, Y3, None), (X3, Y3, W3), (X2, Y2, None), (X2, Y2, W2)],
                         ids=["floats", "floats-weighted", "options", "options-weighted"])
def test_two_variable_statistics(name, data):
    x, y, w = data
    arrays = (x, y) if w is None else (x, y, w)
    for kw in OPTIONS:
        _same_many(name, arrays, **kw)


@pytest.mark.parametrize("data", [X3, X2, [[1.0, 2.0], [], [3.0]], [[]], []],
                         ids=range(5))
def test_softmax(data):
    for axis in (-1, 1, 2):
        for keepdims in (False, True):
            for mask_identity in (False, True):
                _same_many("softmax", (data,), axis=axis, keepdims=keepdims,
                           mask_identity=mask_identity)
    with pytest.raises(NotImplementedError, match=r"jaggy\.softmax"):
        jaggy.softmax(jaggy.Array([[[1.0]]]), axis=0)
    with pytest.raises(ValueError, match=r"jaggy\.softmax"):
        jaggy.softmax(jaggy.Array([[1.0]]), axis=None)


@pytest.mark.parametrize("name", ["mean", "var", "std", "covar", "corr", "linear_fit"])
@pytest.mark.parametrize("depth", [1, 2, 3])
def test_weighted_random(name, depth):
    """Weights (and y) derived from x so that they broadcast: 1 + local position."""

    @settings(max_examples=5, deadline=None, suppress_health_check=list(HealthCheck))
    @given(array_pairs(numeric_lists(max_depth=depth)), st.sampled_from([None, 0, 1, -1]),
           st.booleans(), st.booleans())
    def check(pair, axis, keepdims, mask_identity):
        a, j = pair
        if name in ("covar", "corr", "linear_fit"):
            # these subtract nearly equal sums: with values near 1e9 and more, the summation
            # order alone changes the intercept's leading digits (ill-conditioned, not a bug)
            biggest = awkward.max(abs(awkward.ravel(a)), axis=None) if len(a) else None
            assume(biggest is None or biggest < 1e6)
        arrays = {}
        for module, x in ((awkward, a), (jaggy, j)):
            w = module.local_index(x, axis=-1) * 0.5 + 1
            arrays[module] = (x, x * 0.5 - w) if name in ("covar", "corr", "linear_fit") else (x,)
            arrays[module] += (w,)
        kw = {"axis": axis, "keepdims": keepdims, "mask_identity": mask_identity}
        expected = _call(awkward, name, *arrays[awkward], **kw)
        got = _call(jaggy, name, *arrays[jaggy], **kw)
        rel_tol = STATS_REL_TOL if name in ("covar", "corr", "linear_fit") else REL_TOL
        assert _close(got, expected, rel_tol), (name, kw, a.to_list(), got, expected)

    check()


@pytest.mark.parametrize("name", [*REDUCERS, "moment", "softmax", "corr", "covar", "linear_fit"])
def test_signature_matches_awkward(name):
    import inspect

    def params(fn):
        return [(p.name, p.kind, p.default) for p in inspect.signature(fn).parameters.values()]

    assert params(getattr(jaggy, name)) == params(getattr(awkward, name))
