"""Element-wise ufuncs and gathers over large buffers on several threads.

NumPy runs a ufunc's inner loop without the GIL but on one thread. For a leaf buffer of at least
``THRESHOLD`` items, ``call`` splits the buffers into one contiguous chunk per thread (the
count of ``jaggy.set_num_threads``) and runs the ufunc on each chunk into one preallocated
output, so large element-wise expressions use every core the way jaggy's kernels do. Each item
is computed exactly as NumPy computes it (the same loop on a sub-range), so results don't
depend on the thread count. Output dtypes come from NumPy's own type resolution (a call on
empty slices), and each worker runs in a copy of the caller's context so that
``numpy.errstate`` settings apply inside the threads too.

Anything else (small inputs, one thread, broadcasting shapes, several outputs, keyword
arguments, GPU arrays) is a plain ``ufunc(*args, **kwargs)``.
"""

from __future__ import annotations

import contextvars
import itertools
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import numpy as np

from jaggy._threads import get_num_threads
from jaggy.backends._pool import empty as _empty

#: smallest leaf buffer (items) split across threads
THRESHOLD = 1 << 18

_pool: ThreadPoolExecutor | None = None
_pool_size = 0


def _executor(n: int) -> ThreadPoolExecutor:
    global _pool, _pool_size
    if _pool is None or _pool_size < n:
        if _pool is not None:
            _pool.shutdown(wait=False)
        _pool = ThreadPoolExecutor(max_workers=n, thread_name_prefix="jaggy-ufunc")
        _pool_size = n
    return _pool


def call(ufunc: Any, args: list, kwargs: dict) -> Any:
    """``ufunc(*args, **kwargs)``, split across threads when the buffers are large."""
    if kwargs:
        return ufunc(*args, **kwargs)
    for a in args:  # small buffers, the common case, leave at the first array seen
        if type(a) is np.ndarray:
            if a.ndim != 1 or a.shape[0] < THRESHOLD:
                return ufunc(*args)
            n = a.shape[0]
            break
    else:
        return ufunc(*args)
    arrays = [a for a in args if isinstance(a, np.ndarray)]
    nthreads = get_num_threads()
    if ufunc.nout != 1 or any(a.ndim != 1 or a.shape[0] != n for a in arrays):
        return ufunc(*args)
    probe = ufunc(*[a[:0] if isinstance(a, np.ndarray) else a for a in args])
    out = _empty(n, probe.dtype)
    if nthreads < 2:
        return ufunc(*args, out=out)
    bounds = [n * k // nthreads for k in range(nthreads + 1)]

    def run(lo: int, hi: int) -> None:
        ufunc(*[a[lo:hi] if isinstance(a, np.ndarray) else a for a in args], out=out[lo:hi])

    pool = _executor(nthreads)
    futures = [pool.submit(contextvars.copy_context().run, run, lo, hi)
               for lo, hi in itertools.pairwise(bounds)]
    for f in futures:
        f.result()
    return out


def take(data: Any, positions: Any) -> Any:
    """``data[positions]`` for a 1-d buffer and int64 positions already known to be in range,
    gathered in one chunk of ``positions`` per thread when large (NumPy's take releases the
    GIL); anything else is NumPy's own indexing."""
    n = positions.shape[0] if type(positions) is np.ndarray else 0
    nthreads = get_num_threads() if n >= THRESHOLD and type(data) is np.ndarray and data.ndim == 1 else 1
    if nthreads < 2:
        return data[positions]
    out = _empty(n, data.dtype)
    bounds = [n * k // nthreads for k in range(nthreads + 1)]

    def run(lo: int, hi: int) -> None:
        np.take(data, positions[lo:hi], out=out[lo:hi])

    pool = _executor(nthreads)
    for f in [pool.submit(run, lo, hi) for lo, hi in itertools.pairwise(bounds)]:
        f.result()
    return out
