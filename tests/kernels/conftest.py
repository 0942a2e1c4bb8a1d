"""Fixtures of the kernel tests: the CPU emulation library of the CUDA entry points."""

from __future__ import annotations

import ctypes

import pytest
from cuda_emu import build_library, compiler


@pytest.fixture(scope="session")
def cuda_emu_lib() -> ctypes.CDLL:
    if compiler() is None:
        pytest.skip("no C++ compiler (g++/c++ or $CXX) to build the CUDA emulation")
    return ctypes.CDLL(str(build_library()))
