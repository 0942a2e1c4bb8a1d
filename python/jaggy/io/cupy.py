"""Importing CuPy on demand, with the message users see when it is missing."""

from __future__ import annotations

from typing import Any

CUPY_MISSING = (
    "{function}: to use jaggy arrays with CUDA you must install cupy:\n\n"
    "    pip install cupy\n\n"
    "or\n\n"
    "    conda install -c conda-forge cupy\n\n"
    "(or pip install 'jaggy[cuda]' on a machine with an NVIDIA GPU)"
)


def import_cupy(function: str, need_gpu: bool = True) -> Any:
    """The ``cupy`` module, or ModuleNotFoundError naming ``function`` if it is not installed;
    with ``need_gpu``, jaggy.errors.BackendError naming ``function`` when CuPy finds no usable
    GPU (rather than CuPy's own CUDARuntimeError from the first allocation)."""
    try:
        import cupy
    except ImportError as err:
        msg = CUPY_MISSING.format(function=function)
        raise ModuleNotFoundError(msg, name="cupy") from err
    if need_gpu:
        try:
            available = bool(cupy.cuda.is_available())
        except Exception:  # a broken CUDA install raises from the probe itself
            available = False
        if not available:
            from jaggy.errors import BackendError

            msg = (f"{function}: CuPy is installed but found no usable NVIDIA GPU "
                   "(no device, or no driver); CUDA arrays cannot be created on this machine")
            raise BackendError(msg)
    return cupy
