"""The CUDA backend (CuPy). Created on first use; importing jaggy never imports CuPy.

``cuda_backend()`` returns the backend of CuPy arrays and the CUDA kernels (compiled with NVRTC
at first use, ``jaggy._kernels.cuda_launch``), or raises BackendError saying what is missing.
``CUDABackend(xp, kernels)`` is the same backend over any CuPy-like array module: the tests run
it on ``jaggy.testing.fake_cupy`` with the CPU emulation of the kernels (``use_backend``).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

from jaggy.backends.base import Backend
from jaggy.errors import BackendError

_instance: CUDABackend | None = None


class CUDABackend(Backend):
    """A device backend: ``xp`` is CuPy (or a stand-in), ``kernels`` a ``CudaKernels``."""

    def __init__(self, xp: Any, kernels: Any, name: str = "cuda") -> None:
        self.xp = xp
        self.kernels = kernels
        self.name = name

    def asarray(self, data: Any, dtype: Any = None) -> Any:
        return self.xp.asarray(data, dtype=dtype)

    def to_host(self, data: Any) -> Any:
        return data.get()


def cuda_backend() -> CUDABackend:
    """The CUDA backend, or BackendError saying why it cannot be had."""
    global _instance
    if _instance is not None:
        return _instance
    try:
        import cupy
    except ImportError as err:
        msg = (
            "the 'cuda' backend needs CuPy, which is not installed "
            "(pip install 'jaggy[cuda]' on a machine with an NVIDIA GPU)"
        )
        raise BackendError(msg) from err
    try:
        available = bool(cupy.cuda.is_available())
    except Exception:  # a broken CUDA install raises anything
        available = False
    if not available:
        msg = "the 'cuda' backend needs an NVIDIA GPU and driver, and CuPy found none"
        raise BackendError(msg)
    from jaggy._kernels.cuda_launch import CudaKernels

    _instance = CUDABackend(cupy, CudaKernels.for_cupy())
    return _instance


@contextlib.contextmanager
def use_backend(backend: CUDABackend) -> Iterator[CUDABackend]:
    """Makes ``backend`` the 'cuda' backend inside the ``with`` block (for tests: an emulated
    device); the previous one, if any, comes back after it."""
    global _instance
    previous = _instance
    _instance = backend
    try:
        yield backend
    finally:
        _instance = previous
