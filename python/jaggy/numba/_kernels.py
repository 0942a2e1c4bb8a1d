"""``jaggy.numba.kernel(name, dtype)``: jaggy's compiled C kernels as Numba-callable functions.

``jaggy._ext.kernel_addresses()`` lists selected C-ABI kernels (the ``reduce_*`` family and
the offsets kernels) with their addresses and C signatures; this module turns one of them
into a ``ctypes`` function pointer, which ``@numba.njit`` code calls directly (no Python in
between). Pointer arguments take ``array.ctypes`` of a matching NumPy array. Every kernel
returns 0 on success, else an error code with the failing position in ``err_index``.

This module does not import Numba.
"""

from __future__ import annotations

import ctypes
from typing import Any

import numpy as np

_CTYPES = {"bool": ctypes.c_bool, "int8": ctypes.c_int8, "uint8": ctypes.c_uint8,
           "int16": ctypes.c_int16, "uint16": ctypes.c_uint16, "int32": ctypes.c_int32,
           "uint32": ctypes.c_uint32, "int64": ctypes.c_int64, "uint64": ctypes.c_uint64,
           "float32": ctypes.c_float, "float64": ctypes.c_double}

_CACHE: dict[str, Any] = {}


def _ctype(name: str) -> Any:
    name = name.strip()
    if name.endswith("*"):
        return ctypes.POINTER(_ctype(name[:-1]))
    return _CTYPES[name]


def kernels() -> dict[str, tuple[int, str]]:
    """All exported kernels: ``{name: (address, signature)}`` (e.g. ``"reduce_sum_float64"``)."""
    from jaggy import _ext

    return dict(_ext.kernel_addresses())


def kernel(name: str, dtype: Any = None) -> Any:
    """A jaggy kernel as a ``ctypes`` function that ``@numba.njit`` code can call.

    Parameters:
        name: the kernel family, e.g. ``"reduce_sum"``, ``"counts_to_offsets"``,
            ``"local_index"`` (see ``jaggy.numba.kernels()`` for all names).
        dtype: the NumPy dtype of the kernel's typed argument (``np.float64`` selects
            ``reduce_sum_float64``); ``None`` for kernels with a single version.

    Returns:
        A ``ctypes.CFUNCTYPE`` instance with ``argtypes``/``restype`` set from the kernel's
        C signature, and ``.signature`` (e.g. ``"int64(int64*, float64*, float64*, int64,
        int64, int64*)"``). Pass ``array.ctypes`` for pointers.

    Example::

        reduce_sum = jaggy.numba.kernel("reduce_sum", np.float64)

        @numba.njit
        def sums(offsets, data, out, err):
            return reduce_sum(offsets.ctypes, data.ctypes, out.ctypes, len(out), len(data),
                              err.ctypes)

    Raises:
        ValueError: no kernel of that name and dtype.
    """
    key = name if dtype is None else f"{name}_{np.dtype(dtype).name}"
    fn = _CACHE.get(key)
    if fn is not None:
        return fn
    table = kernels()
    if key not in table:
        close = sorted(k for k in table if k.startswith(name))
        msg = (f"jaggy.numba.kernel: no kernel {key!r}"
               + (f"; available: {', '.join(close)}" if close else
                  f"; families: {', '.join(sorted({k.rsplit('_', 1)[0] for k in table}))}"))
        raise ValueError(msg)
    address, signature = table[key]
    restype, _, args = signature.partition("(")
    argtypes = [_ctype(a) for a in args.rstrip(")").split(",") if a.strip()]
    fn = ctypes.CFUNCTYPE(_ctype(restype), *argtypes)(address)
    fn.signature = signature  # type: ignore[attr-defined]
    _CACHE[key] = fn
    return fn
