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
    if t.__module__.startswith("cupy") or getattr(t, "_jaggy_device_", None) == "cuda":
        from jaggy.backends.cuda import cuda_backend

        return cuda_backend()
    return cpu


def backend_by_name(name: str) -> Backend:
    if name in ("cpu", "numpy"):
        return cpu
    if name in ("cuda", "cupy"):
        from jaggy.backends.cuda import cuda_backend

        return cuda_backend()
    msg = f"unknown backend {name!r}; jaggy has the backends 'cpu' and 'cuda'"
    raise ValueError(msg)


__all__ = ["Backend", "backend_by_name", "backend_of_buffer", "cpu"]
