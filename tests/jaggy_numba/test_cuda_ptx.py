"""The same jaggy views compile in numba.cuda kernels (PTX only: no GPU needed).

Needs numba-cuda with NVVM (``pip install "numba-cuda[cu12]"``); skipped with the reason
otherwise."""

from __future__ import annotations

import numpy as np
import pytest

numba = pytest.importorskip("numba")

import jaggy  # noqa: E402
import jaggy.numba  # noqa: E402
from jaggy.numba._types import array_cache  # noqa: E402

jaggy.numba.register()


def _cuda():
    try:
        from numba import cuda, types

        def probe(out):
            out[0] = 1.0

        cuda.compile_ptx(probe, (types.float64[:],), cc=(7, 5))
    except Exception as err:  # ImportError, NvvmSupportError, missing libdevice, ...
        pytest.skip(f"numba.cuda with NVVM is not available: {type(err).__name__}: {err}")
    return cuda, types


def _ptx(kernel, *args):
    cuda, types = _cuda()
    argtypes = tuple(array_cache(a)[4] if isinstance(a, jaggy.Array) else a for a in args)
    ptx, _ = cuda.compile_ptx(kernel, (*argtypes, types.float64[:]), cc=(7, 5))
    assert ".entry" in ptx
    return ptx


def test_list_loop_len_and_indexing():
    cuda, _ = _cuda()

    def kernel(a, out):
        i = cuda.grid(1)
        if i < len(a):
            s = 0.0
            for x in a[i]:
                s += x
            n = len(a[i])
            if n > 0:
                s += a[i][n - 1] + a[i][-1]
            out[i] = s

    _ptx(kernel, jaggy.Array([[1.0, 2.0], [], [3.0]]))


def test_records_fields_and_options():
    cuda, _ = _cuda()
    events = jaggy.Array({
        "muons": jaggy.Array([[{"pt": 1.0, "q": 1}], [], [{"pt": 2.0, "q": -1}]]),
        "met": [1.5, None, 2.5],
    })

    def kernel(events, out):
        i = cuda.grid(1)
        if i < len(events):
            ev = events[i]
            s = 0.0
            for m in ev.muons:
                s += m.pt * m["q"]
            if ev.met is not None:
                s += ev.met
            out[i] = s + len(events.muons[i])

    _ptx(kernel, events)


def test_regular_union_and_indexed_nodes():
    cuda, _ = _cuda()
    from jaggy import contents as C
    from jaggy.index import Index

    num = C.NumpyArray(np.array([1.5, 2.5, 3.5, 4.5]))
    reg = jaggy.Array(C.RegularArray(C.IndexedArray(Index(np.array([3, 2, 1, 0])), num), 2))
    union = jaggy.Array(C.UnionArray(Index(np.array([0, 1], np.int8)), Index(np.array([0, 0])),
                                     [num, C.NumpyArray(np.array([7, 8]))]))

    def kernel(r, u, out):
        i = cuda.grid(1)
        if i < len(r):
            out[i] = r[i][0] + r[i][1] + u[i % len(u)]

    _ptx(kernel, reg, union)
