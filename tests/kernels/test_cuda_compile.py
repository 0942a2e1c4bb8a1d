"""The CUDA run-time source compiles, without a GPU: NVRTC (the compiler CuPy uses at run time)
to cubin for sm_75, sm_80 and sm_90, and nvcc for sm_90 when it is on PATH; every generated entry
point must be in each cubin.

NVRTC comes from CuPy's low-level API with CuPy's CCCL include flags (``pip install
jaggy[cuda-check]``: cupy-cuda12x + nvidia-cuda-nvrtc-cu12), or from the NVRTC wheel alone
through ctypes. Without a compiler the tests skip; ``JAGGY_REQUIRE_CUDA_COMPILE=1`` (set by CI)
turns the skips into failures.
"""

from __future__ import annotations

import ctypes
import os
import pathlib
import shutil
import subprocess

import pytest
from jaggy._kernels._cuda_api_generated import ENTRIES
from jaggy._kernels.cuda_launch import runtime_source

ARCHS = ("sm_75", "sm_80", "sm_90")
REQUIRE = os.environ.get("JAGGY_REQUIRE_CUDA_COMPILE", "0") not in ("", "0")
NAMES = [entry for entries in ENTRIES.values() for entry in entries.values()]


def skip(reason: str) -> None:
    if REQUIRE:
        pytest.fail(f"JAGGY_REQUIRE_CUDA_COMPILE=1 but {reason}")
    pytest.skip(reason)


def _nvrtc_cupy(code: str, options: list[str], arch: str) -> bytes:
    from cupy._core.core import _get_cccl_include_options
    from cupy.cuda import nvrtc

    prog = nvrtc.createProgram(code, "launch_generated.cu", (), ())
    try:
        try:
            nvrtc.compileProgram(prog, [*options, f"-arch={arch}", *_get_cccl_include_options()])
        except nvrtc.NVRTCError as err:
            msg = f"{err}\n{nvrtc.getProgramLog(prog)}"
            raise AssertionError(msg) from None
        return nvrtc.getCUBIN(prog)
    finally:
        nvrtc.destroyProgram(prog)


def _nvrtc_library() -> ctypes.CDLL | None:
    try:
        import nvidia.cuda_nvrtc as pkg
    except ImportError:
        return None
    for d in pkg.__path__:
        for lib in sorted(pathlib.Path(d, "lib").glob("libnvrtc.so*")):
            return ctypes.CDLL(str(lib))
    return None


def _nvrtc_ctypes(lib: ctypes.CDLL, code: str, options: list[str], arch: str) -> bytes:
    prog = ctypes.c_void_p()
    assert lib.nvrtcCreateProgram(ctypes.byref(prog), code.encode(), b"launch_generated.cu",
                                  0, None, None) == 0
    try:
        opts = [o.encode() for o in [*options, f"-arch={arch}"]]
        status = lib.nvrtcCompileProgram(prog, len(opts), (ctypes.c_char_p * len(opts))(*opts))
        if status != 0:
            size = ctypes.c_size_t()
            lib.nvrtcGetProgramLogSize(prog, ctypes.byref(size))
            log = ctypes.create_string_buffer(size.value)
            lib.nvrtcGetProgramLog(prog, log)
            raise AssertionError(f"NVRTC error {status}\n{log.value.decode(errors='replace')}")
        size = ctypes.c_size_t()
        assert lib.nvrtcGetCUBINSize(prog, ctypes.byref(size)) == 0
        cubin = ctypes.create_string_buffer(size.value)
        assert lib.nvrtcGetCUBIN(prog, cubin) == 0
        return cubin.raw
    finally:
        lib.nvrtcDestroyProgram(ctypes.byref(prog))


def nvrtc_compiler():
    """A function (code, options, arch) -> cubin, or None with the reason."""
    try:
        from cupy.cuda import nvrtc

        nvrtc.getVersion()
        return _nvrtc_cupy, None
    except Exception as err:  # ImportError, or CuPy without a loadable NVRTC
        cupy_reason = f"{type(err).__name__}: {err}"
    lib = _nvrtc_library()
    if lib is not None:
        return (lambda code, options, arch: _nvrtc_ctypes(lib, code, options, arch)), None
    return None, f"no NVRTC (cupy: {cupy_reason}; no nvidia-cuda-nvrtc-cu12 wheel)"


def assert_entries(cubin: bytes, what: str) -> None:
    missing = [n for n in NAMES if n.encode() + b"\0" not in cubin]
    assert not missing, f"{what}: {len(missing)} entry points missing, e.g. {missing[:5]}"


@pytest.mark.parametrize("arch", ARCHS)
def test_nvrtc_compiles_every_entry(arch):
    compile_, reason = nvrtc_compiler()
    if compile_ is None:
        skip(reason)
    code, options = runtime_source()
    assert_entries(compile_(code, list(options), arch), f"NVRTC {arch}")


def test_nvcc_compiles_every_entry(tmp_path):
    nvcc = shutil.which("nvcc")
    if nvcc is None:
        pytest.skip("nvcc is not on PATH")  # optional even under JAGGY_REQUIRE_CUDA_COMPILE
    code, options = runtime_source()
    src = tmp_path / "jaggy_kernels.cu"
    src.write_text(code)
    flags = [o for o in options if o != "--device-int128"]  # an NVRTC flag; nvcc has int128
    cmd = [nvcc, "-cubin", "-arch=sm_90", *flags, str(src), "-o", str(tmp_path / "k.cubin")]
    result = subprocess.run(cmd, capture_output=True, text=True, check=False)
    assert result.returncode == 0, f"{' '.join(cmd)}\n{result.stderr[-5000:]}"
    assert_entries((tmp_path / "k.cubin").read_bytes(), "nvcc sm_90")
