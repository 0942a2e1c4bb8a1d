"""Launching jaggy's CUDA kernels: the run-time source, its compilation and the launch API.

``CudaKernels(module, xp)`` has one method per kernel with the same name and positional
arguments as ``jaggy._kernels.api`` (the CPU kernels); the methods are generated from the spec
(``_cuda_api_generated.py``). ``module`` is anything with ``get_function(name)`` returning a
callable ``f(grid, block, args)`` (CuPy's ``RawModule``/``RawKernel`` convention) and ``xp`` the
array module of the arrays (``cupy``; ``numpy`` with the CPU emulation used by the tests).

On a GPU::

    kernels = CudaKernels.for_cupy()          # compiles the source with NVRTC on first use
    kernels.offsets_to_counts(offsets, counts, n)   # cupy arrays; raises KernelError like the CPU

Each launch allocates an error slot (one uint64, ``ULLONG_MAX``), runs the entry point's
grid-stride loop over the number of threads the spec names (no launch when that is 0), reads the
slot back (a synchronization) and raises the CPU kernel's ``KernelError``/``KernelIndexError``
for the smallest failing index. Nothing here imports CuPy unless ``for_cupy``/``load_module``
is called.
"""

from __future__ import annotations

import hashlib
import pathlib
from typing import Any

import numpy as np

from jaggy._kernels._cuda_api_generated import BINDINGS, ENTRIES, CudaKernelsGenerated
from jaggy._kernels._errors import raise_kernel_error

__all__ = ["ENTRIES", "NVRTC_OPTIONS", "CudaKernels", "load_module", "runtime_source", "source_dirs"]

ERR_EMPTY = (1 << 64) - 1
DEFAULT_BLOCK = 256
MAX_GRID = 1 << 16  # grid-stride loops cover the rest
# --device-int128: the shared bodies use __int128 for overflow checks; 186: "pointless comparison
# of unsigned integer with zero" from the templates instantiated for unsigned index types.
NVRTC_OPTIONS = ("-std=c++17", "--device-int128", "--diag-suppress=186")

_HERE = pathlib.Path(__file__).resolve().parent


def source_dirs() -> tuple[pathlib.Path, pathlib.Path]:
    """The directories of the CUDA source: (headers, .cu files). An installed jaggy carries them
    as package data in ``jaggy/_kernels/{include,cuda}``; a source checkout in ``kernels/``."""
    for include, cuda in (
        (_HERE / "include", _HERE / "cuda"),
        (_HERE.parents[2] / "kernels" / "include", _HERE.parents[2] / "kernels" / "cuda"),
    ):
        if (cuda / "launch_generated.cu").is_file() and (include / "jaggy" / "common.h").is_file():
            return include, cuda
    msg = "jaggy's CUDA sources are missing (expected jaggy/_kernels/cuda/launch_generated.cu)"
    raise FileNotFoundError(msg)


def runtime_source() -> tuple[str, tuple[str, ...]]:
    """The code and NVRTC options that ``load_module`` compiles. The code starts with a hash of
    every source file, so that CuPy's kernel cache (keyed by code and options, blind to included
    files) never serves a kernel built from other headers."""
    include, cuda = source_dirs()
    digest = hashlib.sha256()
    for path in sorted([*include.rglob("*.h"), *cuda.glob("*.cu*")]):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    code = f"// jaggy sources {digest.hexdigest()}\n" + (cuda / "launch_generated.cu").read_text()
    return code, (*NVRTC_OPTIONS, f"-I{include}", f"-I{cuda}")


_MODULE: Any = None


def load_module() -> Any:
    """The ``cupy.RawModule`` of every entry point, compiled by NVRTC at first use (needs a GPU)."""
    global _MODULE
    if _MODULE is None:
        import cupy

        code, options = runtime_source()
        _MODULE = cupy.RawModule(code=code, options=options)
    return _MODULE


class CudaKernels(CudaKernelsGenerated):
    """The CUDA kernels, launched through ``module`` on arrays of ``xp``.

    ``block`` and ``grid`` override the launch configuration (threads per block; blocks, by
    default enough to give every thread one element, at most 65536)."""

    def __init__(self, module: Any, xp: Any, *, block: int = DEFAULT_BLOCK, grid: int | None = None):
        if not 1 <= block <= 1024:
            msg = f"CudaKernels: block must be between 1 and 1024, got {block}"
            raise ValueError(msg)
        if grid is not None and grid < 1:
            msg = f"CudaKernels: grid must be positive, got {grid}"
            raise ValueError(msg)
        self.module = module
        self.xp = xp
        self.block = block
        self.grid = grid
        self._functions: dict[str, Any] = {}

    @classmethod
    def for_cupy(cls, **config: Any) -> CudaKernels:
        """The kernels on CuPy arrays, compiled with NVRTC (``load_module``)."""
        import cupy

        return cls(load_module(), cupy, **config)

    # -- used by the generated methods ----------------------------------------------------------
    def _binding(self, kernel: str, arrays: tuple) -> tuple[str, ...]:
        key = tuple(np.dtype(a.dtype).name for a in arrays)
        bindings: Any = BINDINGS[kernel]
        if key not in bindings:
            msg = f"kernel '{kernel}' has no specialization for dtype ({', '.join(key)})"
            raise TypeError(msg)
        return key

    @staticmethod
    def _scalar(kernel: str, name: str, value: Any, dtype: str, nonnegative: bool) -> Any:
        if dtype == "bool":
            return bool(value)
        if np.dtype(dtype).kind == "f":
            return float(value)
        value = int(value)
        if nonnegative and value < 0:
            msg = f"kernel '{kernel}': argument '{name}' must not be negative, got {value}"
            raise ValueError(msg)
        return value

    @staticmethod
    def _array(kernel: str, name: str, a: Any, dtype: str, min_len: int, writable: bool) -> None:
        def fail(what: str) -> None:
            msg = f"kernel '{kernel}': argument '{name}' {what}"
            raise ValueError(msg)

        if getattr(a, "ndim", None) != 1:
            fail("must be a one-dimensional array")
        if not a.flags.c_contiguous:
            fail("must be C-contiguous")
        if not a.dtype.isnative:
            fail("must be in native byte order")
        if a.dtype.name != dtype:
            fail(f"has dtype {a.dtype}, which does not match")
        if writable and not getattr(a.flags, "writeable", True):
            fail("must be writable")
        if a.shape[0] < min_len:
            fail(f"has length {a.shape[0]}, needs at least {max(min_len, 0)}")

    def _function(self, entry: str) -> Any:
        f = self._functions.get(entry)
        if f is None:
            f = self._functions[entry] = self.module.get_function(entry)
        return f

    def _launch(self, entry: str, threads: int, args: tuple) -> int | None:
        """Runs ``entry`` over ``threads`` threads; the error slot's value, or None."""
        if threads <= 0:  # a launch of 0 blocks is an error on a GPU
            return None
        grid = self.grid or min(-(-threads // self.block), MAX_GRID)
        err = self.xp.full(1, ERR_EMPTY, dtype=self.xp.uint64)
        self._function(entry)((grid,), (self.block,), (*args, err))
        value = int(err[0])
        return None if value == ERR_EMPTY else value

    @staticmethod
    def _finish(kernel: str, err: int | None) -> None:
        if err is not None:
            raise_kernel_error(kernel, err & 0xFF, err >> 8)

    @staticmethod
    def _unavailable(kernel: str, reason: str) -> None:
        msg = f"kernel '{kernel}' has no CUDA version: {reason}"
        raise NotImplementedError(msg)
