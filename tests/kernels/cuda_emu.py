"""The CPU emulation of jaggy's CUDA entry points, as a module CudaKernels can launch through.

``build_library()`` compiles kernels/cuda/*.cu with g++ (``-x c++``, tests/kernels/cuda_emu.h)
into a shared library of ``emu_<entry>(grid, block, seed, args..., err)`` functions (generated
into cuda_emu_generated.cpp), cached by a hash of the sources and flags under the temp directory.
``JAGGY_EMU_SANITIZE=1`` builds it with AddressSanitizer + UBSan (tools/sanitize.sh sets it, and
preloads the sanitizer runtimes). ``EmuModule(lib, seed)`` has CuPy's ``RawModule`` calling
convention: ``module.get_function(name)(grid, block, args)`` with NumPy arrays and scalars.
"""

from __future__ import annotations

import ctypes
import hashlib
import os
import pathlib
import shutil
import subprocess
import tempfile
from typing import Any

import numpy as np

ROOT = pathlib.Path(__file__).resolve().parents[2]
HERE = pathlib.Path(__file__).resolve().parent
SOURCE = HERE / "cuda_emu_generated.cpp"


def compiler() -> str | None:
    return shutil.which(os.environ.get("CXX", "g++")) or shutil.which("c++")


def sanitized() -> bool:
    return os.environ.get("JAGGY_EMU_SANITIZE", "0") not in ("", "0")


def build_library() -> pathlib.Path:
    """Compiles (once per source state) and returns the emulation library's path."""
    cxx = compiler()
    if cxx is None:
        msg = "no C++ compiler"
        raise FileNotFoundError(msg)
    flags = ["-std=c++17", "-shared", "-fPIC", "-fvisibility=hidden", "-x", "c++"]
    if sanitized():
        flags += ["-O1", "-g", "-fno-omit-frame-pointer", "-fsanitize=address,undefined",
                  "-fno-sanitize-recover=all"]
    else:
        flags += ["-O1"]
    includes = [f"-I{ROOT / 'kernels' / 'include'}", f"-I{ROOT / 'kernels' / 'cuda'}", f"-I{HERE}"]
    digest = hashlib.sha256(" ".join([cxx, *flags]).encode())
    files = [SOURCE, HERE / "cuda_emu.h", *sorted((ROOT / "kernels" / "cuda").glob("*.cu*")),
             *sorted((ROOT / "kernels" / "include").rglob("*.h"))]
    for path in files:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    out_dir = pathlib.Path(tempfile.gettempdir()) / f"jaggy-cuda-emu-{os.getuid()}"
    out_dir.mkdir(parents=True, exist_ok=True)
    lib = out_dir / f"emu-{digest.hexdigest()[:16]}.so"
    if not lib.exists():
        tmp = out_dir / f".{lib.name}.{os.getpid()}.tmp"
        cmd = [cxx, *flags, *includes, str(SOURCE), "-o", str(tmp)]
        result = subprocess.run(cmd, capture_output=True, text=True, check=False)
        if result.returncode != 0:
            msg = f"building the CUDA emulation failed:\n{' '.join(cmd)}\n{result.stderr[-5000:]}"
            raise RuntimeError(msg)
        os.replace(tmp, lib)
    return lib


def _c_arg(a: Any) -> Any:
    if isinstance(a, np.ndarray):
        return ctypes.c_void_p(a.ctypes.data)
    if isinstance(a, np.bool_):
        return ctypes.c_bool(bool(a))
    if isinstance(a, np.integer):
        return ctypes.c_int64(int(a)) if a.dtype == np.int64 else ctypes.c_uint64(int(a))
    if isinstance(a, np.floating):
        return ctypes.c_double(float(a)) if a.dtype == np.float64 else ctypes.c_float(float(a))
    msg = f"the emulation takes NumPy arrays and NumPy scalars, got {type(a).__name__}"
    raise TypeError(msg)


class EmuFunction:
    def __init__(self, fn: Any, seed: int):
        self.fn = fn
        self.seed = seed
        self.launches = 0

    def __call__(self, grid: Any, block: Any, args: tuple) -> None:
        g = grid[0] if isinstance(grid, tuple) else grid
        b = block[0] if isinstance(block, tuple) else block
        cargs = [ctypes.c_uint(g), ctypes.c_uint(b), ctypes.c_uint64(self.seed)]
        cargs += [_c_arg(a) for a in args]
        self.launches += 1
        if self.fn(*cargs) != 0:
            msg = f"invalid launch configuration grid={g} block={b}"
            raise RuntimeError(msg)


class EmuModule:
    """Entry points of the emulation library, looked up like ``cupy.RawModule.get_function``."""

    def __init__(self, lib: ctypes.CDLL, seed: int = 0):
        self.lib = lib
        self.seed = seed
        self.functions: dict[str, EmuFunction] = {}

    def get_function(self, name: str) -> EmuFunction:
        fn = getattr(self.lib, f"emu_{name}")
        fn.restype = ctypes.c_int
        f = self.functions[name] = EmuFunction(fn, self.seed)
        return f
