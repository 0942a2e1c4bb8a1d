"""The fake device array module behaves like CuPy where jaggy's device code depends on it."""

from __future__ import annotations

import jaggy
import numpy as np
import pytest
from jaggy.errors import BackendError
from jaggy.testing.fake_cupy import FakeArray, FakeDeviceModule, asnumpy, xp


def test_no_implicit_host_conversion() -> None:
    a = xp.arange(5)
    assert type(a) is FakeArray
    with pytest.raises(TypeError, match="implicit conversion"):
        np.asarray(a)
    with pytest.raises(TypeError, match="implicit conversion"):
        np.ascontiguousarray(a)
    with pytest.raises(TypeError, match="mixed"):
        a + np.arange(5)
    with pytest.raises(TypeError, match="mixed"):
        np.concatenate([a, np.arange(2)])
    with pytest.raises(TypeError, match="mixed"):
        xp.concatenate([a, np.arange(2)])
    with pytest.raises(TypeError, match="mixed"):
        a[np.array([0, 1])] = 3


def test_explicit_host_copies() -> None:
    a = xp.asarray([1.5, 2.5, 3.5])
    host = a.get()
    assert type(host) is np.ndarray
    assert host.tolist() == [1.5, 2.5, 3.5]
    assert asnumpy(a).tolist() == [1.5, 2.5, 3.5]
    assert a.tolist() == [1.5, 2.5, 3.5]
    assert a[1].item() == 2.5
    assert float(a[1]) == 2.5
    assert int(xp.sum(xp.arange(4))) == 6
    assert bool(a[0] > 1)
    with pytest.raises(TypeError):
        int(a)


def test_results_stay_on_the_device() -> None:
    a = xp.arange(6, dtype=xp.int64)
    for out in (a + 1, a * a, a > 2, np.sqrt(a), np.cumsum(a), xp.cumsum(a), a[1:], a[a > 2],
                xp.repeat(a, 2), xp.searchsorted(a, xp.asarray([2, 3])), xp.flatnonzero(a),
                xp.unique(a), xp.argsort(a), a.view(xp.uint64), a.astype(np.float32), a.copy(),
                a.reshape(2, 3), xp.empty(3), xp.zeros(2), xp.full(2, 7), a[2], xp.sum(a),
                np.sum(a), a.max(), xp.nonzero(a)[0], xp.where(a > 2, a, 0), xp.isnan(a * 1.0)):
        assert type(out) is FakeArray, out
    assert xp.ndarray is FakeArray
    assert a.flags.c_contiguous
    assert a.dtype == np.int64 and a.shape == (6,) and a.ndim == 1 and a.size == 6 and len(a) == 6


def test_device_module_unwraps() -> None:
    calls = []

    class Inner:
        def get_function(self, name: str) -> object:
            return lambda grid, block, args: calls.append((name, args))

    module = FakeDeviceModule(Inner())
    a = xp.arange(3)
    module.get_function("k")((1,), (32,), (a, np.int64(3)))
    assert type(calls[0][1][0]) is np.ndarray
    with pytest.raises(TypeError, match="mixed"):
        module.get_function("k")((1,), (32,), (np.arange(3),))


def test_backend_of_fake_buffers(emu_device: object) -> None:
    a = xp.asarray([1.0, 2.0])
    assert jaggy.backend(a) == "cuda"
    assert jaggy.Array(a).layout.backend is emu_device


def test_cuda_backend_without_gpu() -> None:
    from jaggy.backends.cuda import cuda_backend

    try:
        import cupy

        if cupy.cuda.is_available():
            pytest.skip("a GPU is available")
    except ImportError:
        pass
    with pytest.raises(BackendError, match="'cuda' backend needs"):
        cuda_backend()
    with pytest.raises(BackendError):
        jaggy.to_backend(jaggy.Array([1, 2]), "cuda")
