"""Fixtures of the device tests: the 'cuda' backend, emulated (always) or on CuPy (with a GPU).

``device`` is parametrized: ``emu`` is ``jaggy.testing.fake_cupy`` (a strict CuPy stand-in)
with the CPU emulation of the CUDA entry points (tests/kernels/cuda_emu.py), registered as the
'cuda' backend for the test; ``cupy`` is the real backend, marked ``gpu`` (skipped without one).
"""

from __future__ import annotations

import ctypes
import pathlib
import sys
from collections.abc import Iterator
from typing import Any

import pytest

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "kernels"))

from cuda_emu import EmuModule, build_library, compiler


@pytest.fixture(scope="session")
def emu_lib() -> ctypes.CDLL:
    if compiler() is None:
        pytest.skip("no C++ compiler (g++/c++ or $CXX) to build the CUDA emulation")
    return ctypes.CDLL(str(build_library()))


def emulated_backend(lib: ctypes.CDLL, **config: Any) -> Any:
    from jaggy._kernels.cuda_launch import CudaKernels
    from jaggy.backends.cuda import CUDABackend
    from jaggy.testing.fake_cupy import FakeDeviceModule, xp

    return CUDABackend(xp, CudaKernels(FakeDeviceModule(EmuModule(lib, seed=1)), xp, **config))


@pytest.fixture
def emu_device(emu_lib: ctypes.CDLL) -> Iterator[Any]:
    """The emulated device only (for tests of the fake itself)."""
    from jaggy.backends.cuda import use_backend

    with use_backend(emulated_backend(emu_lib)) as backend:
        yield backend


@pytest.fixture(params=["emu", pytest.param("cupy", marks=pytest.mark.gpu)])
def device(request: pytest.FixtureRequest) -> Iterator[Any]:
    """The 'cuda' backend for this test (jaggy.to_backend(x, "cuda") gives arrays on it)."""
    from jaggy.backends.cuda import cuda_backend, use_backend

    if request.param == "cupy":
        yield cuda_backend()
        return
    lib = request.getfixturevalue("emu_lib")
    # a small block and grid: the grid-stride loops and several blocks are exercised
    with use_backend(emulated_backend(lib, block=32, grid=3)) as backend:
        yield backend
