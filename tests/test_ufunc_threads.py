"""Element-wise ufuncs split across threads (jaggy._ufunc_threads) give NumPy's results."""

from __future__ import annotations

import warnings

import jaggy as ak
import numpy as np
import pytest
from jaggy import _ufunc_threads

N = _ufunc_threads.THRESHOLD + 12345


@pytest.fixture(params=[1, 2, 3])
def threads(request):
    before = ak.get_num_threads()
    ak.set_num_threads(request.param)
    yield request.param
    ak.set_num_threads(before)


def _lists(data):
    counts = np.full(len(data) // 4, 4)
    counts[-1] += len(data) - counts.sum()
    return ak.unflatten(data, counts)


@pytest.mark.parametrize(("ufunc", "scalar"), [(np.add, 1), (np.multiply, 2.5), (np.subtract, 3),
                                              (np.greater, 0.5), (np.power, 2)])
def test_same_as_numpy(threads, ufunc, scalar):
    rng = np.random.default_rng(1)
    x = rng.random(N)
    y = rng.random(N)
    a, b = _lists(x), _lists(y)
    out = ufunc(a, b)
    np.testing.assert_array_equal(ak.flatten(out).to_numpy(), ufunc(x, y))
    out = ufunc(a, scalar)
    np.testing.assert_array_equal(ak.flatten(out).to_numpy(), ufunc(x, scalar))
    assert str(out.type) == f"{len(a)} * var * {ufunc(x[:1], scalar).dtype}"


def test_dtype_resolution_like_numpy(threads):
    x = np.arange(N, dtype=np.uint8)
    a = _lists(x)
    for other in (1, 300, 2.0, np.int64(3)):
        try:
            expected = x + other
        except OverflowError:
            with pytest.raises(OverflowError):
                a + other
            continue
        got = ak.flatten(a + other).to_numpy()
        assert got.dtype == expected.dtype
        np.testing.assert_array_equal(got, expected)


def test_errstate_applies_in_threads(threads):
    x = np.zeros(N)
    a = _lists(x)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with np.errstate(divide="ignore", invalid="ignore"):
            out = a / 0.0
    assert np.isnan(ak.flatten(out).to_numpy()).all()
    with np.errstate(invalid="raise"), pytest.raises(FloatingPointError):
        a / 0.0


def test_small_arrays_not_split(monkeypatch):
    calls = []
    monkeypatch.setattr(_ufunc_threads, "_executor", lambda n: calls.append(n))
    a = ak.Array([[1.0, 2.0], [], [3.0]])
    assert (a * 2).to_list() == [[2.0, 4.0], [], [6.0]]
    assert calls == []


def test_take_matches_numpy(threads):
    rng = np.random.default_rng(2)
    data = rng.random(N)
    positions = rng.integers(0, N, N)
    np.testing.assert_array_equal(_ufunc_threads.take(data, positions), data[positions])
    x = _lists(data)
    out = x[x > 0.5]
    np.testing.assert_array_equal(ak.flatten(out).to_numpy(), data[data > 0.5])
