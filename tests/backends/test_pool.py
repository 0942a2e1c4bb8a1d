"""The pool of large host buffers (jaggy.backends._pool): reuse, no aliasing, bounds."""

from __future__ import annotations

import gc
import subprocess
import sys
from pathlib import Path

import jaggy
import numpy as np
from jaggy.backends import _pool, cpu


def test_small_requests_are_plain_numpy():
    out = _pool.empty(10, np.float64)
    assert type(out) is np.ndarray and out.base is None and out.shape == (10,)
    assert _pool.empty((3, 4), np.int8).shape == (3, 4)


def test_large_buffers_are_reused_after_release():
    _pool.clear()
    n = (_pool.MIN_BYTES // 8) + 12345
    first = _pool.empty(n, np.float64)
    assert type(first) is np.ndarray and first.dtype == np.float64 and first.shape == (n,)
    assert first.flags.writeable and first.flags.c_contiguous
    address = first.__array_interface__["data"][0]
    del first
    gc.collect()
    assert _pool.held_bytes() >= n * 8
    again = _pool.empty(n - 3, np.float64)  # a little smaller: the same block
    assert again.__array_interface__["data"][0] == address
    assert _pool.held_bytes() == 0
    del again
    gc.collect()
    same = _pool.empty(n, np.float64)  # the same size again
    assert same.__array_interface__["data"][0] == address
    bigger = _pool.empty(n + 3, np.float64)  # larger than any free block: a new one, exact size
    assert bigger.__array_interface__["data"][0] != address
    assert bigger.base.raw.nbytes == (n + 3) * 8


def test_live_buffers_and_views_are_never_handed_out():
    _pool.clear()
    n = _pool.MIN_BYTES // 4
    a = _pool.empty(n, np.int32)
    a[:] = 7
    view = a[10:20]
    del a
    gc.collect()
    b = _pool.empty(n, np.int32)  # the block is still referenced through the view
    b[:] = 1
    assert view.tolist() == [7] * 10
    assert not np.shares_memory(view, b)


def test_every_dtype_and_results_through_jaggy():
    _pool.clear()
    n = 1 << 18
    for dtype in (np.bool_, np.int8, np.uint16, np.int64, np.float32, np.complex128, "M8[ns]"):
        out = cpu.xp.empty(n, dtype)
        assert out.dtype == np.dtype(dtype) and out.shape == (n,)
    values = np.arange(3 * n, dtype=np.float64)
    array = jaggy.unflatten(values, np.full(n, 3))
    for _ in range(3):  # the second and third rounds run on reused buffers
        doubled = array * 2.0 + 1.0
        assert np.array_equal(jaggy.flatten(doubled).to_numpy(), values * 2.0 + 1.0)
        assert np.array_equal(jaggy.sum(array, axis=1).to_numpy(), values.reshape(-1, 3).sum(axis=1))


def test_pool_is_bounded_and_can_be_turned_off():
    root = Path(jaggy.__file__).parents[1]
    code = (
        "import gc, numpy as np\n"
        "from jaggy.backends import _pool\n"
        "xs = [_pool.empty(1 << 18, np.float64) for _ in range(8)]\n"
        "del xs; gc.collect()\n"
        "print(_pool.held_bytes(), _pool._LIMIT)\n"
    )
    for setting, expect in (("0", 0), ("3", 1 << 21)):  # one 2 MiB block fits in 3 MiB, not two
        env = {"PYTHONPATH": str(root), "JAGGY_BUFFER_POOL_MB": setting, "PATH": "/usr/bin:/bin"}
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                             check=True).stdout.split()
        held, limit = int(out[0]), int(out[1])
        assert limit == int(setting) << 20
        assert held == expect
