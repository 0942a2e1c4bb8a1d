"""The CUDA entry points under the CPU emulation, through the generated launch API.

Every spec example and random inputs (the machinery of test_spec.py) run through
``CudaKernels(EmuModule(lib, seed), numpy, grid=..., block=...)`` for grids {1, 2, 3} (and the
default), blocks {1, 7, 32, 256} and shuffled thread orders (seeds {0, 1, 7}); outputs and errors
(code and index) must equal the CPU kernels'. This runs the real kernels/cuda/*.cu code and the
real Python glue (grid sizing, the n = 0 guard, argument order, dtype dispatch, error decoding).
"""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from cuda_emu import EmuModule
from hypothesis import HealthCheck, given, settings
from jaggy import _ext
from jaggy._kernels.cuda_launch import CudaKernels
from jaggy.errors import KernelError, KernelIndexError
from test_spec import SPEC, _random_inputs, bindings, dtype_of, out_length

CONFIGS = [(g, b) for g in (1, 2, 3, None) for b in (1, 7, 32, 256)]
SEEDS = (0, 1, 7)
# Kernels whose outputs depend on the order of the lists when the inputs break a precondition that
# the kernel does not check (overlapping cursor ranges): random inputs compare only the errors.
ORDER_DEPENDENT_ON_BAD_INPUT = {"merge_interleave_index", "merge_interleave_fill"}

CUDA_KERNELS = [k for k in SPEC if isinstance(k["cuda"], dict)]


def _arrays(kernel: dict, binding: dict, inputs: dict) -> list:
    scalars = {a["name"]: inputs[a["name"]] for a in kernel["args"] if "scalar" in a}
    args = []
    for a in kernel["args"]:
        if "scalar" in a:
            args.append(inputs[a["name"]])
        elif a["dir"] == "in" or (a["dir"] == "inout" and a["name"] in inputs):
            args.append(np.asarray(inputs[a["name"]], dtype=dtype_of(a, binding)).reshape(-1).copy())
        else:
            args.append(np.zeros(out_length(a, scalars), dtype_of(a, binding)))
    return args


def _outputs(kernel: dict, args: list) -> dict:
    return {
        a["name"]: args[i].tolist()
        for i, a in enumerate(kernel["args"])
        if "scalar" not in a and a["dir"] != "in"
    }


def run_cpu(kernel: dict, binding: dict, inputs: dict):
    args = _arrays(kernel, binding, inputs)
    r = getattr(_ext, kernel["name"])(*args)
    return (None if r is None else tuple(r)), _outputs(kernel, args)


def run_cuda(kernels: CudaKernels, kernel: dict, binding: dict, inputs: dict):
    args = _arrays(kernel, binding, inputs)
    try:
        getattr(kernels, kernel["name"])(*args)
    except (KernelError, KernelIndexError) as err:
        return (err.status, err.index), _outputs(kernel, args)
    return None, _outputs(kernel, args)


def _check(kernels, kernel, binding, inputs, compare_outputs=True):
    cpu_err, cpu_out = run_cpu(kernel, binding, inputs)
    gpu_err, gpu_out = run_cuda(kernels, kernel, binding, inputs)
    where = f"{kernel['name']} {binding} grid={kernels.grid} block={kernels.block} " \
            f"seed={kernels.module.seed} inputs={inputs}"
    assert gpu_err == cpu_err, where
    if cpu_err is None and compare_outputs:
        assert gpu_out == cpu_out, where


@pytest.mark.parametrize("kernel", CUDA_KERNELS, ids=[k["name"] for k in CUDA_KERNELS])
def test_examples_match_cpu(kernel, cuda_emu_lib):
    examples = [
        (b, ex)
        for b in bindings(kernel)
        for ex in kernel["examples"]
        if not (ex.get("signed_only") and any(np.dtype(t).kind == "u" for t in b.values()))
    ]
    for seed in SEEDS:
        module = EmuModule(cuda_emu_lib, seed)
        for grid, block in CONFIGS:
            kernels = CudaKernels(module, np, grid=grid, block=block)
            for b, ex in examples:
                _check(kernels, kernel, b, ex["in"])


PROPERTY_CASES = [
    pytest.param(k, b, ex, id=f"{k['name']}-{'-'.join(b.values()) or 'plain'}-{i}")
    for k in CUDA_KERNELS
    for b in bindings(k)[:2]
    for i, ex in enumerate(k["examples"][:2])
]


@pytest.mark.parametrize(("kernel", "binding", "example"), PROPERTY_CASES)
def test_random_inputs_match_cpu(kernel, binding, example, cuda_emu_lib):
    configs = list(itertools.product(SEEDS, [(1, 1), (2, 7), (3, 32), (None, 256)]))
    compare = kernel["name"] not in ORDER_DEPENDENT_ON_BAD_INPUT
    modules = {seed: EmuModule(cuda_emu_lib, seed) for seed in SEEDS}

    @settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
    @given(_random_inputs(kernel, binding, example))
    def check(inputs):
        for seed, (grid, block) in configs:
            kernels = CudaKernels(modules[seed], np, grid=grid, block=block)
            _check(kernels, kernel, binding, inputs, compare)

    check()


def test_larger_inputs_cross_blocks(cuda_emu_lib):
    """Lists spread over many blocks and grid-stride rounds; the first error wins."""
    rng = np.random.default_rng(5)
    counts = rng.integers(0, 5, 3001)
    offsets = np.concatenate([[0], np.cumsum(counts)]).astype(np.int64)
    module = EmuModule(cuda_emu_lib, 3)
    for grid, block in [(1, 32), (3, 7), (None, 256)]:
        k = CudaKernels(module, np, grid=grid, block=block)
        out = np.zeros(3001, np.int64)
        k.offsets_to_counts(offsets, out, 3001)
        assert out.tolist() == counts.tolist()
        local = np.zeros(int(offsets[-1]), np.int64)
        k.local_index(offsets, local, 3001, int(offsets[-1]))
        assert local.tolist() == (np.arange(offsets[-1]) - np.repeat(offsets[:-1], counts)).tolist()
        bad = offsets.copy()
        bad[2500] = 0
        bad[1700] = 0
        with pytest.raises(KernelError, match="offsets decrease at list 1699") as info:
            k.offsets_to_counts(bad, out, 3001)
        assert info.value.index == 1699
        back = np.zeros(3002, np.int64)
        k.counts_to_offsets(counts, back, 3001)
        assert back.tolist() == offsets.tolist()


def test_no_launch_for_zero_threads(cuda_emu_lib):
    module = EmuModule(cuda_emu_lib, 0)
    k = CudaKernels(module, np)
    k.offsets_to_counts(np.zeros(1, np.int64), np.zeros(0, np.int64), 0)
    assert not module.functions  # never looked up: no launch
    offsets = np.full(1, 7, np.int64)
    k.counts_to_offsets(np.zeros(0, np.int32), offsets, 0)  # the glue still writes offsets[0]
    assert offsets.tolist() == [0] and not module.functions
    k.ascii_case(np.zeros(0, np.uint8), np.zeros(0, np.uint8), 0, 1)  # 1 thread: the mode check
    assert module.functions["jaggy_ascii_case"].launches == 1


def test_launch_api_checks_buffers(cuda_emu_lib):
    k = CudaKernels(EmuModule(cuda_emu_lib, 0), np)
    counts = np.zeros(2, np.int64)
    with pytest.raises(ValueError, match="has length 2, needs at least 3"):
        k.offsets_to_counts(np.array([0, 1], np.int64), counts, 2)
    with pytest.raises(TypeError, match="no specialization"):
        k.offsets_to_counts(np.array([0, 1, 2], np.float64), counts, 2)
    with pytest.raises(ValueError, match="C-contiguous"):
        k.offsets_to_counts(np.arange(6)[::2], counts, 2)
    with pytest.raises(ValueError, match="does not match"):
        k.offsets_to_counts(np.array([0, 1, 2]), np.zeros(2, np.int32), 2)
    with pytest.raises(ValueError, match="must not be negative"):
        k.offsets_to_counts(np.array([0, 1, 2]), counts, -1)
    ro = np.zeros(2, np.int64)
    ro.flags.writeable = False
    with pytest.raises(ValueError, match="writable"):
        k.offsets_to_counts(np.array([0, 1, 2]), ro, 2)
    with pytest.raises(ValueError, match="block"):
        CudaKernels(None, np, block=2048)


def test_emulation_rejects_invalid_launches(cuda_emu_lib):
    f = EmuModule(cuda_emu_lib, 0).get_function("jaggy_offsets_to_counts__int64")
    err = np.full(1, np.iinfo(np.uint64).max, np.uint64)
    args = (np.zeros(2, np.int64), np.zeros(1, np.int64), np.int64(1), err)
    for grid, block in [(0, 32), (1, 0), (1, 1025)]:
        with pytest.raises(RuntimeError, match="invalid launch configuration"):
            f((grid,), (block,), args)
