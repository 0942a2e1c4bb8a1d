"""Spec-driven kernel tests: every example of every kernel, on every specialization.

Three checks per kernel: the spec's Python reference reproduces the spec's examples; the compiled
CPU kernel agrees with the reference on the examples; and (Hypothesis) the compiled kernel agrees
with the reference on random inputs of the example's shapes, including invalid ones, where both
must report the same error at the same position.
"""

from __future__ import annotations

import pathlib
import textwrap

import numpy as np
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jaggy import _ext
from jaggy._kernels import KERNELS
from jaggy._kernels import api as kernel_api
from jaggy.errors import KernelError, KernelIndexError

SPEC_DIR = pathlib.Path(__file__).resolve().parents[2] / "kernels" / "spec"


def load_spec() -> list[dict]:
    out = []
    for path in sorted(SPEC_DIR.glob("*.yaml")):
        out.extend(yaml.safe_load(path.read_text()) or [])
    return out


SPEC = load_spec()


def bindings(kernel: dict) -> list[dict[str, str]]:
    types = kernel.get("types") or {}
    if not types:
        return [{}]
    import itertools

    names = list(types)
    return [dict(zip(names, combo)) for combo in itertools.product(*(types[n] for n in names))]


def reference_function(kernel: dict):
    names = [a["name"] for a in kernel["args"]]
    source = f"def reference({', '.join(names)}):\n" + textwrap.indent(kernel["reference"], "    ")
    namespace: dict = {}
    exec(source, namespace)
    return namespace["reference"]


def dtype_of(arg: dict, binding: dict[str, str]) -> np.dtype:
    name = arg.get("scalar") or arg["dtype"]
    return np.dtype(binding.get(name, name))


def out_length(arg: dict, scalars: dict) -> int:
    return int(eval(str(arg["len"]), {}, dict(scalars)))


def run_both(kernel: dict, binding: dict, inputs: dict):
    """Run reference and compiled kernel on the same inputs; return both (error, outputs)."""
    scalars = {a["name"]: inputs[a["name"]] for a in kernel["args"] if "scalar" in a}
    ref_args, ext_args = [], []
    for a in kernel["args"]:
        if "scalar" in a:
            ref_args.append(inputs[a["name"]])
            ext_args.append(inputs[a["name"]])
        elif a["dir"] == "in" or (a["dir"] == "inout" and a["name"] in inputs):
            arr = np.asarray(inputs[a["name"]], dtype=dtype_of(a, binding)).reshape(-1)
            ref_args.append([x.item() for x in arr])
            ext_args.append(arr)
        else:
            n = out_length(a, scalars)
            ref_args.append([0] * n)
            ext_args.append(np.zeros(n, dtype_of(a, binding)))
    ref_result = reference_function(kernel)(*ref_args)
    ext_result = getattr(_ext, kernel["name"])(*ext_args)
    outs = [i for i, a in enumerate(kernel["args"]) if "scalar" not in a and a["dir"] != "in"]
    ref_out = {kernel["args"][i]["name"]: ref_args[i] for i in outs}
    ext_out = {kernel["args"][i]["name"]: ext_args[i].tolist() for i in outs}
    return ref_result, ref_out, (None if ext_result is None else tuple(ext_result)), ext_out


CASES = [
    pytest.param(k, b, ex, id=f"{k['name']}-{'-'.join(b.values()) or 'plain'}-{i}")
    for k in SPEC
    for b in bindings(k)
    for i, ex in enumerate(k["examples"])
    if not (ex.get("signed_only") and any(np.dtype(t).kind == "u" for t in b.values()))
]


@pytest.mark.parametrize(("kernel", "binding", "example"), CASES)
def test_example(kernel, binding, example):
    ref_result, ref_out, ext_result, ext_out = run_both(kernel, binding, example["in"])
    if "error" in example:
        assert ref_result == (example["error"], example["index"]), "reference disagrees with the spec"
        assert ext_result == (example["error"], example["index"])
        return
    assert ref_result is None, f"reference failed: {ref_result}"
    assert ext_result is None, f"compiled kernel failed: {ext_result}"
    args = {a["name"]: a for a in kernel["args"]}
    for name, expected in example["out"].items():
        # examples are written for the widest type; each specialization sees them cast to its own
        expected = np.asarray(expected, dtype=dtype_of(args[name], binding)).tolist()
        assert ref_out[name][: len(expected)] == expected, f"reference {name}"
        assert ext_out[name][: len(expected)] == expected, f"compiled {name}"


@pytest.mark.parametrize("kernel", SPEC, ids=[k["name"] for k in SPEC])
def test_spec_entry_is_complete(kernel):
    assert kernel["doc"].strip()
    cuda = kernel["cuda"]  # an entry point (threads), glue with a reason, or a reason string
    if isinstance(cuda, dict):
        assert "threads" in cuda or ("glue" in cuda and cuda["reason"].strip())
    else:
        assert isinstance(cuda, str) and cuda.strip() and not cuda.startswith("pending")
    assert any(ex["in"].get("n") == 0 for ex in kernel["examples"]), "needs an example with n = 0"
    if kernel.get("errors"):
        assert any("error" in ex for ex in kernel["examples"])
    generated = KERNELS[kernel["name"]]
    assert len(generated["specializations"]) == len(bindings(kernel))
    assert hasattr(_ext, kernel["name"]) and hasattr(kernel_api, kernel["name"])


def test_generated_table_matches_spec():
    assert sorted(KERNELS) == sorted(k["name"] for k in SPEC)


def test_api_raises_spec_error():
    counts = np.zeros(2, np.int64)
    with pytest.raises(KernelError, match="offsets decrease at list 1") as info:
        kernel_api.offsets_to_counts(np.array([0, 3, 1], np.int64), counts, 2)
    assert info.value.index == 1
    with pytest.raises(KernelIndexError, match="position 2"):
        kernel_api.index_validity(np.array([0, 1, 3]), 3, 3, True)


def test_bindings_check_buffers():
    counts = np.zeros(2, np.int64)
    with pytest.raises(ValueError, match="has length 2, needs at least 3"):
        _ext.offsets_to_counts(np.array([0, 1], np.int64), counts, 2)
    with pytest.raises(TypeError, match="no specialization"):
        _ext.offsets_to_counts(np.array([0, 1, 2], np.float64), counts, 2)
    with pytest.raises(ValueError, match="C-contiguous"):
        _ext.offsets_to_counts(np.arange(6)[::2], counts, 2)
    with pytest.raises(ValueError, match="writable"):
        ro = np.zeros(2, np.int64)
        ro.flags.writeable = False
        _ext.offsets_to_counts(np.array([0, 1, 2]), ro, 2)
    with pytest.raises(ValueError, match="must not be negative"):
        _ext.offsets_to_counts(np.array([0, 1, 2]), counts, -1)
    with pytest.raises(ValueError, match="does not match"):
        _ext.offsets_to_counts(np.array([0, 1, 2]), np.zeros(2, np.int32), 2)


def test_parallel_path_gives_first_error():
    n = 1 << 18
    offsets = np.arange(n + 1, dtype=np.int64)
    offsets[200_001] = 0  # offsets decrease at list 200000 ...
    offsets[150_000] = 149_990  # ... and first at list 149999 (offsets[150000] < offsets[149999])
    counts = np.zeros(n, np.int64)
    for threads in (1, 2):
        _ext.set_num_threads(threads)
        assert _ext.offsets_to_counts(offsets, counts, n) == (1, 149_999)
    offsets = np.arange(n + 1, dtype=np.int64)
    offsets[70_005] = 0  # two failures in one block of the check loop: the first one is reported
    offsets[70_002] = 0
    for threads in (1, 2):
        _ext.set_num_threads(threads)
        assert _ext.offsets_validity(offsets, n, n) == (2, 70_001)
    _ext.set_num_threads(2)


def _random_inputs(kernel: dict, binding: dict, example: dict):
    """A strategy of inputs with the example's scalars and array lengths, random values."""
    parts = {}
    for a in kernel["args"]:
        if "scalar" in a or a["dir"] != "in":
            if "scalar" in a:
                parts[a["name"]] = st.just(example["in"][a["name"]])
            continue
        dt = dtype_of(a, binding)
        length = len(example["in"][a["name"]])
        if dt.kind == "b":
            elem = st.booleans()
        elif dt.kind == "f":  # small integral values: exact in every float dtype
            elem = st.integers(-4, 12)
        else:
            info = np.iinfo(dt)
            elem = st.integers(max(int(info.min), -4), min(int(info.max), 12))
        parts[a["name"]] = st.lists(elem, min_size=length, max_size=length)
    return st.fixed_dictionaries(parts)


PROPERTY_CASES = [
    pytest.param(k, b, ex, id=f"{k['name']}-{'-'.join(b.values()) or 'plain'}-{i}")
    for k in SPEC
    for b in bindings(k)[:2]
    for i, ex in enumerate(k["examples"][:2])
]


@pytest.mark.parametrize(("kernel", "binding", "example"), PROPERTY_CASES)
def test_random_inputs_agree_with_reference(kernel, binding, example):
    @settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
    @given(_random_inputs(kernel, binding, example))
    def check(inputs):
        ref_result, ref_out, ext_result, ext_out = run_both(kernel, binding, inputs)
        assert ref_result == ext_result
        if ref_result is None:
            assert ref_out == ext_out

    check()


def _validity_reference(offsets: np.ndarray, n: int, content_len: int) -> tuple[int, int]:
    """offsets_validity's (status, position) by the per-item rule, in Python integers."""
    o = [int(v) for v in offsets[: n + 1]]
    if o[0] < 0:
        return (1, 0)
    for i in range(n):
        if o[i + 1] < o[i]:
            return (2, i)
        if o[i + 1] > content_len:
            return (3, i)
    return (0, -1)


@settings(max_examples=200, deadline=None)
@given(st.sampled_from([np.int32, np.int64]), st.integers(0, 4200), st.data())
def test_offsets_validity_block_test_is_exact(dtype, n, data):
    """The vectorized block test (a sign bit over values and differences) finds the same first
    failure as the per-item rule, extreme values included (no overflow can hide a decrease)."""
    info = np.iinfo(dtype)
    offsets = np.zeros(n + 1, np.int64)
    np.cumsum(data.draw(st.lists(st.integers(0, 3), min_size=n, max_size=n)), out=offsets[1:])
    extremes = st.sampled_from([int(info.min), int(info.max), -1, 0, int(info.max) // 2 + 1,
                                -(int(info.max) // 2) - 2])
    for _ in range(data.draw(st.integers(0, 3))):  # single values and adjacent pairs (a big
        at = data.draw(st.integers(0, n))          # rise then a big fall wraps a difference)
        offsets[at] = data.draw(extremes)
        if at < n and data.draw(st.booleans()):
            offsets[at + 1] = data.draw(extremes)
    offsets = offsets.astype(dtype)
    content_len = max(0, int(offsets[-1])) if data.draw(st.booleans()) else data.draw(st.integers(0, 3 * n + 3))
    expected = _validity_reference(offsets, n, content_len)
    result = _ext.offsets_validity(offsets, n, content_len)  # None when valid
    assert (result if result is not None else (0, -1)) == expected


@pytest.mark.parametrize("dtype", [np.int32, np.int64])
def test_offsets_validity_wrapping_difference(dtype):
    """A rise to half the range then a fall below minus half: the difference wraps to a positive
    number, so the block test must also see the negative offset itself."""
    half = int(np.iinfo(dtype).max) // 2 + 1
    offsets = np.array([0, half, -half - 1, 5, 6], dtype)
    for n in (4, 3000):
        padded = np.concatenate([offsets, np.full(n - 4, 6, dtype)]) if n > 4 else offsets
        assert _ext.offsets_validity(padded, n, half) == (2, 1)
