"""Backends: one object per device, owning the array library (``xp``) and the kernel table.

``cpu`` (NumPy + jaggy._ext) is always there. ``cuda`` (CuPy + CUDA kernels) is created on first
use only; importing jaggy never imports CuPy.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from jaggy.backends.base import Backend
from jaggy.backends.cpu import cpu


def backend_of_buffer(data: Any) -> Backend:
    """The backend that owns an array buffer (NumPy arrays and anything array-like: cpu)."""
    t = type(data)
    if t is np.ndarray:
        return cpu
    if is_device_buffer(data):
        from jaggy.backends.cuda import cuda_backend

        return cuda_backend()
    return cpu


def is_device_buffer(data: Any) -> bool:
    """True for an array of the 'cuda' backend (a CuPy array, or the tests' stand-in)."""
    t = type(data)
    return t.__module__.startswith("cupy") or getattr(t, "_jaggy_device_", None) == "cuda"


def check_same_backend(layouts: Any, function_name: str) -> None:
    """BackendError naming ``function_name`` when the layouts are not all on one backend."""
    first = layouts[0].backend
    for x in layouts:
        if x.backend is not first:
            names = ", ".join(sorted({y.backend.name for y in layouts}))
            msg = (f"{function_name}: arrays are on different backends ({names}); move them to "
                   f"one with jaggy.to_backend")
            from jaggy.errors import BackendError

            raise BackendError(msg)


def scalars_to_backend(layouts: list, scalar: list) -> list:
    """``layouts`` with those made from Python scalars (where ``scalar`` is True, on the CPU)
    moved to the backend of the other arrays, if that is not the CPU."""
    from jaggy.layout import Content

    if True not in scalar:
        return layouts
    others = [x.backend for x, s in zip(layouts, scalar) if not s and isinstance(x, Content)]
    if not others or others[0] is cpu:
        return layouts
    return [x.to_backend(others[0]) if s and isinstance(x, Content) else x
            for x, s in zip(layouts, scalar)]


def require_cpu(function: str, backend: Backend) -> None:
    """NotImplementedError for an operation that has no device version yet, called at its
    entry with the backend of its input (nothing happens on the CPU)."""
    if backend is not cpu:
        msg = f"{function} on the {backend.name!r} backend"
        raise NotImplementedError(msg)


def backend_by_name(name: str) -> Backend:
    if name in ("cpu", "numpy"):
        return cpu
    if name in ("cuda", "cupy"):
        from jaggy.backends.cuda import cuda_backend

        return cuda_backend()
    msg = f"unknown backend {name!r}; jaggy has the backends 'cpu' and 'cuda'"
    raise ValueError(msg)


__all__ = ["Backend", "backend_by_name", "backend_of_buffer", "check_same_backend", "cpu", "is_device_buffer",
           "require_cpu", "scalars_to_backend"]
