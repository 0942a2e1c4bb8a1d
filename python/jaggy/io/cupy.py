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


def import_cupy(function: str) -> Any:
    """The ``cupy`` module, or ModuleNotFoundError naming ``function`` if it is not installed."""
    try:
        import cupy
    except ImportError as err:
        msg = CUPY_MISSING.format(function=function)
        raise ModuleNotFoundError(msg, name="cupy") from err
    return cupy
