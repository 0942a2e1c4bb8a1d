"""jaggy operations inside @njit on views (num, sum/prod/max/min/mean/count, np.asarray) and
the exported C kernels, compared with plain Python over to_list()."""

from __future__ import annotations

import math

import numpy as np
import pytest

numba = pytest.importorskip("numba")

import jaggy  # noqa: E402
import jaggy.numba  # noqa: E402
from hypothesis import HealthCheck, given, settings  # noqa: E402
from jaggy import contents as C  # noqa: E402
from jaggy.index import Index  # noqa: E402
from jaggy.testing.strategies import array_pairs, numeric_lists  # noqa: E402

jaggy.numba.register()


@numba.njit
def reductions(a):
    return (jaggy.sum(a), jaggy.prod(a), jaggy.max(a), jaggy.min(a), jaggy.mean(a),
            jaggy.count(a))


@numba.njit
def per_list(a):
    return jaggy.num(a), jaggy.num(a, axis=0), jaggy.sum(a, axis=-1), jaggy.count(a, axis=1), \
        jaggy.prod(a, axis=1)


def _flat(x):
    if isinstance(x, list):
        return [z for y in x for z in _flat(y)]
    return [] if x is None else [x]


def python_reductions(values):
    vals = _flat(values)
    prod = 1
    for v in vals:
        prod *= v
    nan = any(isinstance(v, float) and math.isnan(v) for v in vals)
    mx = math.nan if nan else max(vals) if vals else None
    mn = math.nan if nan else min(vals) if vals else None
    return (sum(vals), prod, mx, mn,
            sum(vals) / len(vals) if vals else math.nan, len(vals))


def same(x, y):
    if x is None or y is None:
        return x is y
    if isinstance(y, float) and math.isnan(y):
        return math.isnan(x)
    return x == pytest.approx(y, rel=1e-9, abs=1e-12)


def check(array):
    got = reductions(array)
    expect = python_reductions(array.to_list())
    assert all(same(g, e) for g, e in zip(got, expect)), (got, expect)
    for name, g in zip(["sum", "prod", "max", "min", "mean", "count"], got):
        oracle = getattr(jaggy, name)(array, axis=None)
        assert same(g, None if oracle is None else oracle.item() if hasattr(oracle, "item")
                    else oracle)


@pytest.mark.parametrize("data", [
    [[1.5, 2.0], [], [3.0, None], None],
    [[1, 2], [], [3]],
    [[True, False], [True]],
    [[]],
    [],
    [1.0, 2.5, None],
    [[[1, 2], []], [[3]]],
])
def test_flat_reductions_match_python(data):
    check(jaggy.Array(data))


def test_reduction_result_types():
    assert isinstance(reductions(jaggy.Array([[1, 2]]))[0], int)
    i32 = jaggy.Array(C.ListOffsetArray(Index(np.array([0, 2])),
                                        C.NumpyArray(np.array([1, 2], np.int32))))
    s, _, mx, *_ = reductions(i32)
    assert s == 3
    assert mx == 2
    f32 = jaggy.Array(np.array([1.5, 2.25], np.float32))

    @numba.njit
    def typed(a):
        return jaggy.sum(a)

    assert typed(f32) == 3.75
    assert typed.nopython_signatures[0].return_type == numba.float32


@settings(max_examples=6, deadline=None, suppress_health_check=list(HealthCheck))
@given(array_pairs(numeric_lists()))
def test_hypothesis_reductions(pair):
    _, array = pair
    check(array)


def test_per_list_num_sum_count():
    data = [[1, 2], [], [3, 4, 5]]
    a = jaggy.Array(data)
    num, n0, sums, counts, prods = per_list(a)
    assert num.tolist() == [len(x) for x in data] == jaggy.num(a).to_list()
    assert n0 == 3
    assert sums.tolist() == [sum(x) for x in data] == jaggy.sum(a, axis=-1).to_list()
    assert counts.tolist() == [len(x) for x in data]
    assert prods.tolist() == [2, 1, 60] == jaggy.prod(a, axis=1).to_list()
    assert per_list(a[1:])[0].tolist() == [0, 3]

    @numba.njit
    def inner(a, i):
        return jaggy.sum(a[i]), jaggy.sum(a[i], axis=0), jaggy.num(a[i], axis=0)

    assert inner(a, 2) == (12, 12, 3)


def test_np_asarray_views():
    data = np.arange(12.0)
    a = jaggy.Array(C.ListOffsetArray(Index(np.array([0, 5, 5, 12])), C.NumpyArray(data)))

    @numba.njit
    def f(a, i):
        x = np.asarray(a[i])
        return x, np.sum(x)

    for i, expect in enumerate([data[:5], data[5:5], data[5:]]):
        x, s = f(a, i)
        assert x.tolist() == expect.tolist()
        assert s == sum(expect.tolist())
    assert np.shares_memory(f(a, 2)[0], data)

    reg = jaggy.Array(np.arange(12).reshape(3, 4))

    @numba.njit
    def g(r):
        return np.asarray(r), np.asarray(r[1:]), np.asarray(r[2])

    full, tail, row = g(reg)
    assert full.tolist() == reg.to_list()
    assert tail.tolist() == reg.to_list()[1:]
    assert row.tolist() == reg.to_list()[2]

    b = jaggy.Array([True, False, True])
    assert np.asarray(numba.njit(lambda b: np.asarray(b))(b)).tolist() == [True, False, True]
    idx = jaggy.Array(C.IndexedArray(Index(np.array([2, 0, 0])), C.NumpyArray(np.array([1., 2., 3.]))))
    assert numba.njit(lambda b: np.asarray(b))(idx).tolist() == [3.0, 1.0, 1.0]


@pytest.mark.parametrize(("body", "data", "words"), [
    (lambda a: jaggy.max(a, axis=1), [[1.0]], ["jaggy.max(axis=1) per list", "var * float64"]),
    (lambda a: jaggy.sum(a, axis=2), [[1.0]], ["jaggy.sum(axis=2)", "exceeds the depth"]),
    (lambda a: jaggy.sum(a), [{"x": 1}], ["jaggy.sum (records)", "{x: int64}"]),
    (lambda a: jaggy.sum(a), ["ab"], ["jaggy.sum", "string"]),
    (lambda a: jaggy.num(a), [1, 2], ["jaggy.num(axis=1)", "exceeds the depth", "int64"]),
    (lambda a: jaggy.num(a), ["ab"], ["jaggy.num(axis=1)", "string"]),
    (lambda a: np.asarray(a), [[1.0], [2.0, 3.0]], ["np.asarray", "var * float64"]),
    (lambda a: np.asarray(a), [1.0, None], ["np.asarray", "missing values", "?float64"]),
])
def test_operation_errors_name_type(body, data, words):
    f = numba.njit(body)
    with pytest.raises(numba.core.errors.TypingError) as info:
        f(jaggy.Array(data))
    for w in words:
        assert w in str(info.value)


def test_non_constant_axis_is_a_compile_error():
    @numba.njit
    def f(a, axis):
        return jaggy.sum(a, axis=axis)

    with pytest.raises(numba.core.errors.TypingError, match="constant integer"):
        f(jaggy.Array([[1.0]]), 1)


def test_kernel_reduce_sum_in_njit():
    offsets = np.array([0, 2, 2, 5, 9], np.int64)
    data = np.random.default_rng(0).random(9)
    k = jaggy.numba.kernel("reduce_sum", np.float64)
    assert k.signature == "int64(int64*, float64*, float64*, int64, int64, int64*)"

    @numba.njit
    def sums(offsets, data):
        out = np.empty(len(offsets) - 1)
        err = np.zeros(1, np.int64)
        rc = k(offsets.ctypes, data.ctypes, out.ctypes, len(out), len(data), err.ctypes)
        return rc, out

    rc, out = sums(offsets, data)
    assert rc == 0
    expect = [sum(data[offsets[i]:offsets[i + 1]].tolist()) for i in range(4)]
    assert out.tolist() == pytest.approx(expect)
    assert sums(np.array([0, 3, 2], np.int64), data)[0] != 0


def test_kernel_counts_to_offsets_and_max_int():
    c2o = jaggy.numba.kernel("counts_to_offsets", np.int64)
    kmax = jaggy.numba.kernel("reduce_max", np.int32)
    counts = np.array([2, 0, 3], np.int64)
    data = np.array([5, -1, 7, 2, 9], np.int32)

    @numba.njit
    def f(counts, data):
        offsets = np.empty(len(counts) + 1, np.int64)
        err = np.zeros(1, np.int64)
        c2o(counts.ctypes, offsets.ctypes, len(counts), err.ctypes)
        out = np.empty(len(counts), np.int32)
        identity = np.full(1, -100, np.int32)
        kmax(offsets.ctypes, data.ctypes, identity.ctypes, out.ctypes, len(counts), len(data), err.ctypes)
        return offsets, out

    offsets, out = f(counts, data)
    assert offsets.tolist() == [0, 2, 2, 5]
    assert out.tolist() == [5, -100, 9]


def test_kernel_unknown_name():
    with pytest.raises(ValueError, match="reduce_sum_float64"):
        jaggy.numba.kernel("reduce_sum", np.int8)
    with pytest.raises(ValueError, match="families"):
        jaggy.numba.kernel("nope")
    assert "local_index" in jaggy.numba.kernels()
