"""Every kernel of the spec has a CUDA version: an entry point in the generated CUDA source, or
a reason (glue made of array-module calls, or why there is none); the exceptions are few."""

from __future__ import annotations

import pathlib

import pytest
from jaggy._kernels import KERNELS
from jaggy._kernels._cuda_api_generated import ENTRIES
from jaggy._kernels.cuda_launch import CudaKernels, runtime_source, source_dirs
from test_spec import SPEC, bindings

ROOT = pathlib.Path(__file__).resolve().parents[2]
MAX_EXCEPTIONS = 1  # kernels without an entry point of their own


def exceptions() -> dict[str, str]:
    out = {}
    for k in SPEC:
        c = k["cuda"]
        if isinstance(c, str):
            out[k["name"]] = f"no CUDA version: {c}"
        elif "threads" not in c:
            out[k["name"]] = f"no entry point, glue {c['glue']}: {c['reason']}"
    return out


def test_every_kernel_has_a_cuda_version_or_a_reason():
    found = exceptions()
    report = "\n".join(f"  {name}: {why}" for name, why in sorted(found.items()))
    print(f"\nCUDA exceptions ({len(found)} of {len(SPEC)} kernels):\n{report}")
    assert len(found) <= MAX_EXCEPTIONS, f"too many kernels without a CUDA entry point:\n{report}"
    for k in SPEC:
        if k["name"] not in found:
            assert set(ENTRIES[k["name"]]) == {tuple(b.values()) for b in bindings(k)}
    assert all(KERNELS[name]["cuda"] for name in KERNELS)


def test_every_entry_is_defined_in_the_runtime_source():
    code, options = runtime_source()
    for entries in ENTRIES.values():
        for entry in entries.values():
            assert f'extern "C" __global__ void {entry}(' in code
    include, cuda = source_dirs()
    assert f"-I{include}" in options and f"-I{cuda}" in options
    # the sources jaggy compiles at run time (installed package data, or the checkout) are this
    # checkout's
    for name in ("launch_generated.cu", "common.cuh", "offsets.cu"):
        assert (cuda / name).read_text() == (ROOT / "kernels" / "cuda" / name).read_text()
    assert (include / "jaggy" / "ops" / "offsets.h").read_text() == (
        ROOT / "kernels" / "include" / "jaggy" / "ops" / "offsets.h"
    ).read_text()


def test_every_kernel_has_a_launch_method():
    for k in SPEC:
        method = getattr(CudaKernels, k["name"])
        names = method.__code__.co_varnames[1 : method.__code__.co_argcount]
        assert list(names) == [a["name"] for a in k["args"]]


def test_a_kernel_without_cuda_raises_not_implemented():
    k = CudaKernels(None, None)
    with pytest.raises(NotImplementedError, match="has no CUDA version: why"):
        k._unavailable("x", "why")
