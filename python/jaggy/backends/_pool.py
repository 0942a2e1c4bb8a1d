"""A bounded cache of large host buffers for the outputs jaggy allocates.

A fresh buffer of many megabytes comes from the operating system as untouched pages: the first
write to each page costs a page fault and the kernel's zeroing of the page, which for an output
of 80 MB is a third of the time of a simple element-wise pass. Analyses repeat the same
operations on arrays of similar sizes, so jaggy keeps the buffers of large outputs that are no
longer referenced and hands them out again, the way CuPy's memory pool does on the GPU.

``empty(n, dtype)`` is ``numpy.empty`` for small sizes; from ``MIN_BYTES`` on it returns a plain
``numpy.ndarray`` whose ``base`` is a ``_Block``. When the last array viewing the block goes away,
the block's memory goes back to the pool (bounded by ``JAGGY_BUFFER_POOL_MB``, default 1024;
0 turns the pool off) instead of back to the system. Blocks are reused only for requests of
at most their size and more than about 7/8 of it, so little of a reused block is idle; a new
block has exactly the size asked for.
"""

from __future__ import annotations

import os
import threading
from typing import Any

import numpy as np

#: smallest request served from the pool (smaller buffers are cheap to allocate)
MIN_BYTES = 1 << 20
#: items below which a request cannot reach MIN_BYTES whatever its dtype (a cheap first test)
_MIN_ITEMS = MIN_BYTES // 16

_np_empty = np.empty
# re-entrant: a garbage collection inside a locked section may finalize another block
_lock = threading.RLock()
_free: dict[int, list] = {}  # capacity class -> raw uint8 buffers not in use
_held = 0  # bytes of the buffers in _free


def _limit() -> int:
    try:
        return max(0, int(os.environ.get("JAGGY_BUFFER_POOL_MB", "1024"))) << 20
    except ValueError:
        return 1024 << 20


_LIMIT = _limit()


def _step(nbytes: int) -> int:
    return 1 << max(nbytes.bit_length() - 4, 12)


def _class_up(nbytes: int) -> int:
    """The class searched for a request: its size rounded up on a grid of 1/8 of its power of
    two (every block stored in that class is at least this large)."""
    step = _step(nbytes)
    return -(-nbytes // step) * step


def _class_down(nbytes: int) -> int:
    """The class a released block is stored in: its size rounded down on the same grid."""
    step = _step(nbytes)
    return nbytes // step * step


class _Block:
    """Owner of one pooled buffer; NumPy arrays over it keep it alive through ``base``."""

    __slots__ = ("__array_interface__", "__weakref__", "raw")
    raw: np.ndarray
    __array_interface__: dict

    def __del__(self) -> None:
        try:
            _release(self.raw)
        except Exception:  # interpreter shutdown: module globals may be gone
            pass


def _release(raw: np.ndarray) -> None:
    global _held
    size = raw.shape[0]
    with _lock:
        if _held + size > _LIMIT:
            return  # dropped: freed by NumPy as usual
        _free.setdefault(_class_down(size), []).append(raw)
        _held += size


def _take(nbytes: int) -> np.ndarray | None:
    global _held
    with _lock:
        # blocks in the class above are all large enough; in the request's own class (blocks
        # down to 7/8 of the request), the first one that is large enough
        for cls in (_class_up(nbytes), _class_down(nbytes)):
            stack = _free.get(cls)
            if not stack:
                continue
            for k in range(len(stack) - 1, -1, -1):  # a few blocks at most
                if stack[k].shape[0] >= nbytes:
                    raw = stack.pop(k)
                    _held -= raw.shape[0]
                    return raw
        return None


def empty(shape: Any, dtype: Any = float) -> np.ndarray:
    """``numpy.empty(shape, dtype)``, served from the pool for one-dimensional sizes of
    ``MIN_BYTES`` or more."""
    if type(shape) is not int or shape < _MIN_ITEMS or not _LIMIT:
        return _np_empty(shape, dtype)
    dt = np.dtype(dtype)
    nbytes = shape * dt.itemsize
    if nbytes < MIN_BYTES or dt.hasobject:
        return _np_empty(shape, dt)
    raw = _take(nbytes)
    if raw is None:  # a new block of exactly the size asked for
        raw = _np_empty(nbytes, np.uint8)
    block = _Block()
    block.raw = raw
    block.__array_interface__ = {
        "data": (raw.__array_interface__["data"][0], False),
        "shape": (shape,),
        "typestr": dt.str,
        "descr": dt.descr,
        "version": 3,
    }
    return np.asarray(block)


def clear() -> int:
    """Drops every cached buffer; returns the bytes released."""
    global _held
    with _lock:
        released = _held
        _free.clear()
        _held = 0
    return released


def held_bytes() -> int:
    """Bytes of buffers cached and not in use."""
    return _held
