"""Differential tests of max/min/argmax/argmin against Awkward on float lists full of the values
that the vectorized kernels must treat exactly like the sequential loop: NaN (first or later in
a list), -0.0 next to 0.0, +-inf, ties, empty lists and every list length from 0 to 40 (the
vector windows hold 16 doubles or 32 floats), in float64 and float32."""

from __future__ import annotations

import math

import awkward
import jaggy
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jaggy.errors import KernelError
from jaggy.testing.strategies import array_pairs

NAMES = ["max", "min", "argmax", "argmin"]
SPECIAL = [math.nan, -0.0, 0.0, -math.inf, math.inf, 1.0, -1.0, 2.5, 1e-40, 3e38]


def _norm(x):
    """NaN as a marker (NaN != NaN) and -0.0 kept apart from 0.0 by its sign."""
    if isinstance(x, float):
        return ("nan",) if math.isnan(x) else (x, math.copysign(1.0, x))
    if isinstance(x, list):
        return [_norm(v) for v in x]
    return x


def _pair(counts, values, dtype, start=0):
    """(awkward.Array, jaggy.Array) of ListOffsetArray(NumpyArray(values)) with offsets from
    ``start`` (a buffer that does not begin at the first list)."""
    offsets = np.zeros(len(counts) + 1, np.int64)
    np.cumsum(counts, out=offsets[1:])
    offsets += start
    data = np.asarray(values, dtype)
    assert len(data) >= offsets[-1]
    a = awkward.Array(awkward.contents.ListOffsetArray(
        awkward.index.Index64(offsets), awkward.contents.NumpyArray(data)))
    j = jaggy.Array(jaggy.contents.ListOffsetArray(
        jaggy.index.Index64(offsets), jaggy.contents.NumpyArray(data)))
    return a, j


def _check(name, a, j, *, exact_zero_sign=False, **kw):
    expected = getattr(awkward, name)(a, **kw)
    got = getattr(jaggy, name)(j, **kw)
    assert str(got.type) == str(expected.type), (name, kw)
    e, g = expected.to_list(), got.to_list()
    if not exact_zero_sign:  # which of -0.0/0.0 a max returns is not part of the contract
        e, g = _strip_zero_sign(e), _strip_zero_sign(g)
    assert _norm(g) == _norm(e), (name, kw, a.to_list(), g, e)


def _strip_zero_sign(x):
    if isinstance(x, float) and x == 0.0:
        return 0.0
    if isinstance(x, list):
        return [_strip_zero_sign(v) for v in x]
    return x


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
@pytest.mark.parametrize("name", NAMES)
def test_every_length_with_special_values(name, dtype):
    rng = np.random.default_rng(7)
    counts = np.repeat(np.arange(41), 12)  # every length 0..40, twelve lists each
    rng.shuffle(counts)
    values = np.asarray(SPECIAL)[rng.integers(0, len(SPECIAL), int(counts.sum()) + 5)]
    a, j = _pair(counts, values, dtype, start=3)
    for kw in ({"axis": 1}, {"axis": -1, "keepdims": True}, {"axis": 1, "mask_identity": False},
               {"axis": -1, "keepdims": True, "mask_identity": False}):
        _check(name, a, j, **kw)


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
@pytest.mark.parametrize("name", ["argmax", "argmin"])
def test_hand_written_positions(name, dtype):
    nan, inf = math.nan, math.inf
    lists = [
        [nan, 1.0, 2.0],  # a first NaN is the answer
        [1.0, nan, 2.0],  # later NaNs are skipped
        [1.0, nan, nan],
        [nan, nan],
        [-0.0, 0.0],  # equal: the first wins
        [0.0, -0.0, -1.0, 1.0, 1.0],
        [-inf, -inf, -inf],
        [inf, inf],
        [],
        [3.0],
        [1.0] * 17,  # past the float64 window
        [*([0.0] * 33), 5.0, nan],  # past the float32 window
        [*([nan] * 20), 1.0],
    ]
    counts = [len(x) for x in lists]
    a, j = _pair(counts, [v for x in lists for v in x], dtype)
    _check(name, a, j, axis=1)
    _check(name, a, j, axis=-1, keepdims=True)
    _check(name, a, j, axis=1, mask_identity=False)


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
@pytest.mark.parametrize("name", NAMES)
def test_many_lists_in_parallel(name, dtype):
    """Enough lists for the threaded loops (and long lists past the windows): same answers
    as Awkward's sequential kernels whatever the thread count."""
    rng = np.random.default_rng(11)
    counts = rng.poisson(10, 270_000)
    counts[::997] = rng.integers(40, 300, len(counts[::997]))
    total = int(counts.sum())
    values = rng.integers(0, 50, total).astype(np.float64)
    values[rng.random(total) < 0.02] = math.nan
    values[rng.random(total) < 0.02] = -0.0
    a, j = _pair(counts, values, dtype)
    _check(name, a, j, axis=1)
    _check(name, a, j, axis=1, keepdims=True, mask_identity=False)


@pytest.mark.parametrize("name", NAMES)
def test_integers_and_booleans(name):
    rng = np.random.default_rng(3)
    counts = rng.integers(0, 40, 300)
    total = int(counts.sum())
    for dtype in (np.int64, np.int8, np.uint16, np.bool_):
        a, j = _pair(counts, rng.integers(0, 4, total), dtype)
        _check(name, a, j, axis=1)
        _check(name, a, j, axis=-1, keepdims=True, mask_identity=False)


special_lists = st.lists(st.lists(st.sampled_from(SPECIAL), max_size=40), min_size=1, max_size=12)


@pytest.mark.parametrize("name", NAMES)
def test_varied_layouts(name):
    @settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
    @given(array_pairs(special_lists), st.sampled_from([1, -1]), st.booleans(), st.booleans())
    def check(pair, axis, keepdims, mask_identity):
        a, j = pair
        _check(name, a, j, axis=axis, keepdims=keepdims, mask_identity=mask_identity)

    check()


def test_argmax_take_keepdims():
    counts = [3, 0, 2, 1]
    a, j = _pair(counts, [1.0, math.nan, 3.0, -0.0, 0.0, math.nan], np.float64)
    expected = a[awkward.argmax(a, axis=1, keepdims=True)]
    got = j[jaggy.argmax(j, axis=1, keepdims=True)]
    assert _norm(got.to_list()) == _norm(expected.to_list())
    assert str(got.type) == str(expected.type)


@pytest.mark.parametrize("kernel", ["reduce_argmax", "reduce_argmin", "reduce_max",
                                    "reduce_min_masked"])
@pytest.mark.parametrize("nlists", [3, 300_000])
def test_bad_offsets_smallest_group_reported(kernel, nlists):
    """The vectorized, threaded loops report the first bad group, as the sequential ones."""
    data = np.arange(float(nlists))
    offsets = np.arange(nlists + 1, dtype=np.int64)
    bad = [nlists - 1, nlists // 2 + 1]
    offsets[bad] = nlists + 5  # these groups leave the content (and the next ones decrease)
    first = min(bad) - 1
    kernels = jaggy.contents.NumpyArray(data).backend.kernels
    args = [offsets, data]
    if "arg" not in kernel:
        args.append(np.array([0.0]))  # the identity
    args.append(np.empty(nlists, np.int64 if "arg" in kernel else np.float64))
    if kernel.endswith("masked"):
        args.append(np.empty(nlists, np.bool_))
    with pytest.raises(KernelError) as info:
        getattr(kernels, kernel)(*args, nlists, len(data))
    assert info.value.index == first


def _close(got, expected):
    if isinstance(got, list):
        return len(got) == len(expected) and all(map(_close, got, expected))
    if got is None or expected is None:
        return got is expected
    if math.isnan(expected):
        return math.isnan(got)
    return math.isclose(got, expected, rel_tol=1e-9, abs_tol=1e-300)


@pytest.mark.parametrize("name", ["mean", "var", "moment"])
def test_means_every_length(name):
    """mean (and var/moment, built on the same one-pass kernel) over every list length, with
    empty lists (NaN, or None with mask_identity), infinities and NaN."""
    rng = np.random.default_rng(5)
    counts = np.repeat(np.arange(41), 6)
    rng.shuffle(counts)
    values = np.asarray(SPECIAL)[rng.integers(0, len(SPECIAL), int(counts.sum()) + 2)]
    values[np.abs(values) > 1e30] = 3.0
    a, j = _pair(counts, values, np.float64, start=2)
    extra = {"n": 2} if name == "moment" else {}
    for kw in ({"axis": 1}, {"axis": -1, "keepdims": True, "mask_identity": True}):
        expected = getattr(awkward, name)(a, **kw, **extra)
        got = getattr(jaggy, name)(j, **kw, **extra)
        assert str(got.type) == str(expected.type)
        assert _close(got.to_list(), expected.to_list()), (name, kw)


_ONE_DIM = {
    "flat": lambda m: m.Array([1.0, np.nan, 0.5]),
    "option": lambda m: m.Array([1.0, None, np.nan, 0.5]),
    "float32": lambda m: m.values_astype(m.Array([1.0, np.nan, 0.5]), np.float32),
    "field": lambda m: m.Array([{"x": 1.0}, {"x": np.nan}]).x,
    "sliced": lambda m: m.Array([5.0, 1.0, np.nan, 0.5])[1:],
    "jagged": lambda m: m.Array([[1.0, np.nan], [2.0, 0.5, 7.0]]),  # segments: NaN skipped
}


@pytest.mark.parametrize("make", sorted(_ONE_DIM))
@pytest.mark.parametrize("name", ["min", "max", "ptp"])
@pytest.mark.parametrize("kwargs", [dict(axis=0), dict(axis=-1), dict(axis=0, keepdims=True),
                                    dict(axis=-1, mask_identity=False)])
def test_nan_in_a_whole_one_dimensional_array(make, name, kwargs):
    """A 1-D array reduced whole (axis 0 or -1) lets NaN win, as axis=None does and as Awkward
    does (it reduces with NumPy there); reductions of lists skip NaN as Awkward's kernels do."""
    import awkward

    expected = getattr(awkward, name)(_ONE_DIM[make](awkward), **kwargs)
    got = getattr(jaggy, name)(_ONE_DIM[make](jaggy), **kwargs)
    if isinstance(expected, awkward.Array):
        assert str(got.type) == str(expected.type)
        expected, got = expected.to_list(), got.to_list()
    assert np.array_equal(np.asarray(expected, dtype=float), np.asarray(got, dtype=float), equal_nan=True)


_SPECIAL = [np.nan, np.inf, -np.inf, -0.0]


@settings(max_examples=200, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(st.integers(0, 90).flatmap(lambda n: st.lists(
           st.tuples(st.integers(0, 40), st.floats(-1e6, 1e6, width=32)).map(
               lambda t: _SPECIAL[t[0]] if t[0] < len(_SPECIAL) else t[1]),  # specials: rare
           min_size=n, max_size=n)), min_size=1, max_size=12),
       st.sampled_from(["min", "max"]), st.sampled_from([np.float64, np.float32]))
def test_extrema_of_long_lists(lists, name, dtype):
    """Lists longer than a vector window (16 doubles, 32 floats) with NaN, infinities and -0.0:
    the full-vector path against Awkward."""
    a = awkward.values_astype(awkward.Array(lists), dtype)
    j = jaggy.from_awkward(a)
    for mask_identity in (True, False):
        expected = getattr(awkward, name)(a, axis=-1, mask_identity=mask_identity)
        got = getattr(jaggy, name)(j, axis=-1, mask_identity=mask_identity)
        assert str(got.type) == str(expected.type)
        e = np.asarray(awkward.fill_none(expected, 123.0), dtype=float)
        g = np.asarray(jaggy.fill_none(got, 123.0), dtype=float)
        assert np.array_equal(e, g, equal_nan=True), (lists, e, g)
