"""The CUDA backend (CuPy). Created on first use; importing jaggy never imports CuPy.

The kernels of the CUDA backend are the subject of a later issue: for now this module only finds
out whether a GPU is usable and fails with a clear message when it is not.
"""

from __future__ import annotations

from typing import Any

from jaggy.backends.base import Backend
from jaggy.errors import BackendError

_instance: CUDABackend | None = None


class CUDABackend(Backend):
    name = "cuda"

    def __init__(self, cupy: Any) -> None:
        self.xp = cupy

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
    except Exception:
        available = False
    if not available:
        msg = "the 'cuda' backend needs an NVIDIA GPU and driver, and CuPy found none"
        raise BackendError(msg)
    msg = (
        "the 'cuda' backend's kernels are not built yet in this version of jaggy "
        "(CuPy and a GPU were found)"
    )
    raise NotImplementedError(msg)
