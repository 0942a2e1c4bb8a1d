"""``jaggy.numba.ListOffsetBuilder``: a fast builder of lists of numbers for ``@njit`` code.

Its form is fixed (``var * <dtype>``), so appending is a store into a growable NumPy
buffer, with no type discovery. Create it in Python (or pass ``dtype`` as a NumPy dtype),
fill it in compiled code with ``begin_list`` / ``append`` / ``end_list``, and call
``snapshot()`` in Python (or return the builder from the compiled function).
"""

from __future__ import annotations

from typing import Any

import numpy as np
from numba import njit
from numba.core import types
from numba.experimental import structref
from numba.extending import overload_method

__all__ = ["ListOffsetBuilder"]


@structref.register
class ListOffsetBuilderType(types.StructRef):
    """The Numba type of ``jaggy.numba.ListOffsetBuilder`` (one per content dtype)."""

    def preprocess_fields(self, fields: Any) -> tuple:
        return tuple((name, types.unliteral(typ)) for name, typ in fields)


class ListOffsetBuilder(structref.StructRefProxy):
    """Builds ``var * dtype`` lists: ``begin_list()``, ``append(x)``, ``end_list()``.

    Parameters: ``dtype`` (NumPy dtype of the numbers, default float64), ``initial``
    (initial capacity; buffers double when full).

    Example::

        b = jaggy.numba.ListOffsetBuilder(np.float64)

        @numba.njit
        def fill(b):
            for i in range(3):
                b.begin_list()
                for j in range(i):
                    b.append(j * 0.5)
                b.end_list()

        fill(b); b.snapshot()   # [[], [0.0], [0.0, 0.5]]
    """

    def __new__(cls, dtype: Any = np.float64, initial: int = 1024) -> ListOffsetBuilder:
        if initial < 1:
            msg = "jaggy.numba.ListOffsetBuilder: initial must be at least 1"
            raise ValueError(msg)
        dtype = np.dtype(dtype)
        if dtype.kind not in "biuf":
            msg = f"jaggy.numba.ListOffsetBuilder: dtype must be numeric or bool, not {dtype}"
            raise TypeError(msg)
        content = np.empty(initial, dtype)
        offsets = np.zeros(initial + 1, np.int64)
        return structref.StructRefProxy.__new__(cls, content, offsets, 0, 0)

    @property
    def _state(self) -> tuple:
        return _get_state(self)

    def __len__(self) -> int:
        return int(self._state[3])

    def snapshot(self) -> Any:
        """The lists completed so far as a ``jaggy.Array`` (copies of the buffers)."""
        from jaggy.highlevel import Array
        from jaggy.index import Index64
        from jaggy.layout import ListOffsetArray, NumpyArray

        content, offsets, _ncontent, nlists = self._state
        layout = ListOffsetArray(Index64(offsets[: nlists + 1].copy()),
                                 NumpyArray(content[: offsets[nlists]].copy()))
        return Array(layout)


@njit(cache=False)
def _get_state(b: Any) -> tuple:
    return b.content, b.offsets, b.ncontent, b.nlists


structref.define_proxy(ListOffsetBuilder, ListOffsetBuilderType,
                       ["content", "offsets", "ncontent", "nlists"])


@njit(inline="always")
def _grow(a: Any, need: int) -> Any:
    n = len(a)
    while n < need:
        n *= 2
    out = np.empty(n, a.dtype)
    out[: len(a)] = a
    return out


@overload_method(ListOffsetBuilderType, "append", inline="always")
def _append(b, x):
    def impl(b, x):
        n = b.ncontent
        if n == len(b.content):
            b.content = _grow(b.content, n + 1)
        b.content[n] = x
        b.ncontent = n + 1

    return impl


@overload_method(ListOffsetBuilderType, "real", inline="always")
def _real(b, x):
    return lambda b, x: b.append(x)


@overload_method(ListOffsetBuilderType, "integer", inline="always")
def _integer(b, x):
    return lambda b, x: b.append(x)


@overload_method(ListOffsetBuilderType, "begin_list", inline="always")
def _begin_list(b):
    return lambda b: None


@overload_method(ListOffsetBuilderType, "end_list", inline="always")
def _end_list(b):
    def impl(b):
        k = b.nlists + 1
        if k == len(b.offsets):
            b.offsets = _grow(b.offsets, k + 1)
        b.offsets[k] = b.ncontent
        b.nlists = k

    return impl


@overload_method(ListOffsetBuilderType, "__len__")
def _len(b):
    return lambda b: b.nlists
