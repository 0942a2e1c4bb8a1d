"""Operations on the 'cuda' backend give the CPU backend's results.

Every workload of the shared benchmark (and a few more) runs on arrays moved to the device with
``jaggy.to_backend(x, "cuda")``: emulated (``jaggy.testing.fake_cupy`` + the CPU emulation of
the CUDA entry points, strict about implicit host transfers, on every CI run) and on a real GPU
(``-m gpu``). The result must stay on the device and have the CPU result's ``to_list()`` and
``str(type)``. Sizes 0, 1, 33, 257 and a few thousand lists with skewed lengths (lists longer
than a block), empty lists and missing values.
"""

from __future__ import annotations

import math
from typing import Any

import jaggy
import numpy as np
import pytest
from jaggy.errors import BackendError

#: sizes 0, 1 and 33 are also the 'smoke' set (small enough for compute-sanitizer on a GPU:
#: ``compute-sanitizer --tool memcheck python -m pytest -m "gpu and smoke" tests/gpu``)
SIZES = [pytest.param(0, marks=pytest.mark.smoke), pytest.param(1, marks=pytest.mark.smoke),
         pytest.param(33, marks=pytest.mark.smoke), 257, 3000]


def make_data(n: int, seed: int) -> dict[str, Any]:
    """CPU arrays of ``n`` lists: skewed lengths (many empty, some long), floats, ints, records,
    a per-list NumPy array and an array with missing values."""
    rng = np.random.default_rng(seed)
    counts = rng.geometric(0.25, n) - 1
    counts[rng.random(n) < 0.05] *= 40  # a few lists longer than a block
    total = int(counts.sum())
    a = jaggy.unflatten(rng.random(total), counts)
    b = jaggy.unflatten(rng.random(total), counts)
    i = jaggy.unflatten(rng.integers(-50, 50, total), counts)
    small_counts = np.minimum(counts, 5)
    sm = jaggy.unflatten(rng.random(int(small_counts.sum())), small_counts)
    rec = jaggy.zip({"x": a, "y": b})
    per_list = rng.random(n)
    opt = jaggy.mask(a, a > 0.3)
    words = np.array(["", "ab", "xyz", "ab", "hello world", " héllo wörld ", "ÄÖ ü"])
    s = jaggy.Array([*words[rng.integers(0, len(words), n)].tolist(), ""])[:n]  # strings at n=0
    return {"a": a, "b": b, "i": i, "sm": sm, "rec": rec, "per_list": per_list, "opt": opt, "s": s,
            "x": rng.random(total), "counts": counts}


def to_device(data: dict[str, Any], backend: Any) -> dict[str, Any]:
    out = {}
    for k, v in data.items():
        if isinstance(v, np.ndarray):
            out[k] = backend.asarray(v)
        else:
            out[k] = jaggy.to_backend(v, "cuda")
    return out


def _num(ak: Any, A: dict) -> Any:
    return ak.num(A["a"], axis=1)


WORKLOADS = {
    "num": _num,
    "num_axis0": lambda ak, A: ak.num(A["a"], axis=0),
    "sum_axis1": lambda ak, A: ak.sum(A["a"], axis=1),
    "sum_none": lambda ak, A: ak.sum(A["a"], axis=None),
    "max_axis1": lambda ak, A: ak.max(A["a"], axis=1),
    "max_none": lambda ak, A: ak.max(A["a"], axis=None),
    "min_axis1": lambda ak, A: ak.min(A["i"], axis=1),
    "min_none": lambda ak, A: ak.min(A["i"], axis=None),
    "mean_axis1": lambda ak, A: ak.mean(A["a"], axis=1),
    "mean_none": lambda ak, A: ak.mean(A["a"], axis=None),
    "argmax_axis1": lambda ak, A: ak.argmax(A["a"], axis=1),
    "argmax_none": lambda ak, A: ak.argmax(A["a"], axis=None),
    "argmax_take": lambda ak, A: A["a"][ak.argmax(A["a"], axis=1, keepdims=True)],
    "flatten": lambda ak, A: ak.flatten(A["a"]),
    "mask_jagged": lambda ak, A: A["a"][A["a"] > 0.5],
    "slice_rest": lambda ak, A: A["a"][:, 1:],
    "first_of_nonempty": lambda ak, A: A["a"][ak.num(A["a"], axis=1) > 0][:, 0],
    "ufunc_affine": lambda ak, A: A["a"] * 2.0 + 1.0,
    "ufunc_two_arrays": lambda ak, A: A["a"] * A["b"] + A["a"],
    "ufunc_compare": lambda ak, A: A["i"] >= 0,
    "broadcast_per_list": lambda ak, A: A["a"] - A["per_list"],
    "sort_axis1": lambda ak, A: ak.sort(A["a"], axis=1),
    "argsort_ints": lambda ak, A: ak.argsort(A["i"], axis=1),
    "combinations2": lambda ak, A: ak.combinations(A["sm"], 2),
    "cartesian": lambda ak, A: ak.cartesian([A["sm"], A["sm"]]),
    "record_math": lambda ak, A: ak.sum(np.sqrt(A["rec"].x ** 2 + A["rec"].y ** 2), axis=1),
    "field_access": lambda ak, A: A["rec"]["y"],
    "mask_fill_none": lambda ak, A: ak.fill_none(ak.mask(A["a"], A["a"] > 0.5), 0.0),
    "is_none_firsts": lambda ak, A: ak.is_none(ak.firsts(A["a"])),
    "is_none_count": lambda ak, A: ak.sum(ak.is_none(ak.firsts(A["a"]))),
    "option_sum": lambda ak, A: ak.sum(A["opt"], axis=1),
    "pad_fill": lambda ak, A: ak.fill_none(ak.pad_none(A["a"], 8, clip=True), 0.0),
    "concat_axis1": lambda ak, A: ak.concatenate([A["a"], A["b"]], axis=1),
    "concat_axis0": lambda ak, A: ak.concatenate([A["a"], A["b"]], axis=0),
    "local_index": lambda ak, A: ak.local_index(A["a"], axis=1),
    "unflatten": lambda ak, A: ak.unflatten(A["x"], A["counts"]),
    "zip": lambda ak, A: ak.zip({"p": A["a"], "q": A["i"]}),
    "getitem_int": lambda ak, A: A["a"][len(A["a"]) // 2] if len(A["a"]) else A["a"],
    "getitem_range": lambda ak, A: A["a"][1:-1],
    # beyond the benchmark
    "argmin": lambda ak, A: ak.argmin(A["i"], axis=1),
    "prod": lambda ak, A: ak.prod(A["a"], axis=1),
    "count": lambda ak, A: ak.count(A["opt"], axis=1),
    "count_nonzero": lambda ak, A: ak.count_nonzero(A["opt"], axis=1),
    "any_all": lambda ak, A: ak.any(A["a"] > 0.5, axis=1) & ak.all(A["a"] > 0.1, axis=1),
    "max_opt_none": lambda ak, A: ak.max(A["opt"], axis=None),
    "std": lambda ak, A: ak.std(A["a"], axis=1),
    "ptp": lambda ak, A: ak.ptp(A["a"], axis=1),
    "cumsum": lambda ak, A: ak.cumsum(A["a"], axis=1),
    "softmax": lambda ak, A: ak.softmax(A["a"], axis=1),
    "singletons": lambda ak, A: ak.singletons(ak.firsts(A["opt"])),
    "drop_none": lambda ak, A: ak.drop_none(A["opt"]),
    "is_none_axis1": lambda ak, A: ak.is_none(A["opt"], axis=1),
    "fill_none_opt": lambda ak, A: ak.fill_none(A["opt"], -1),
    "where": lambda ak, A: ak.where(A["a"] > 0.5, A["a"], 0.0),
    "values_astype": lambda ak, A: ak.values_astype(A["i"], np.float32),
    "ravel": lambda ak, A: ak.ravel(A["opt"]),
    "run_lengths": lambda ak, A: ak.run_lengths(A["i"] > 0),
    "sort_desc": lambda ak, A: ak.sort(A["i"], axis=1, ascending=False),
    "argsort_opt": lambda ak, A: ak.argsort(A["opt"], axis=1),
    "argcombinations": lambda ak, A: ak.argcombinations(A["sm"], 2),
    "combinations3": lambda ak, A: ak.combinations(A["sm"], 3),
    "argcartesian": lambda ak, A: ak.argcartesian([A["sm"], A["sm"]]),
    "unzip": lambda ak, A: ak.unzip(A["rec"])[1],
    "with_field": lambda ak, A: ak.with_field(A["rec"], A["a"] * 2, "z"),
    "without_field": lambda ak, A: ak.without_field(A["rec"], "x"),
    "to_regular": lambda ak, A: ak.to_regular(ak.pad_none(A["a"], 2, clip=True)),
    "pad_none": lambda ak, A: ak.pad_none(A["a"], 2),
    "pad_none_axis0": lambda ak, A: ak.pad_none(A["a"], 7, axis=0),
    "broadcast_scalar": lambda ak, A: ak.broadcast_arrays(A["a"], 5.0)[1],
    "isclose": lambda ak, A: ak.isclose(A["a"], A["b"]),
    "nan_to_none": lambda ak, A: ak.nan_to_none(A["a"]),
    "is_valid": lambda ak, A: ak.is_valid(A["opt"]),
    "to_packed": lambda ak, A: ak.to_packed(A["a"][::2]),
    "zeros_like": lambda ak, A: ak.zeros_like(A["opt"]),
    "strings_upper": lambda ak, A: ak.str.upper(A["s"]),
    "strings_eq": lambda ak, A: A["s"] == "ab",
    "slice_reverse": lambda ak, A: A["a"][:, ::-1],
    "slice_last": lambda ak, A: A["a"][ak.num(A["a"]) > 0][:, -1],
    "slice_fancy": lambda ak, A: A["a"][list(range(0, len(A["a"]), 3))],
    "slice_bool_list": lambda ak, A: A["a"][[k % 2 == 0 for k in range(len(A["a"]))]],
    "slice_fields": lambda ak, A: A["rec"][["x"]],
    "slice_newaxis": lambda ak, A: A["a"][:, None],
    "mask_option": lambda ak, A: A["opt"][A["opt"] > 0.5],
    "concat_union": lambda ak, A: ak.concatenate([A["a"], A["s"]]),
    "mean_opt_none": lambda ak, A: ak.mean(A["opt"]),
    "linear_fit": lambda ak, A: ak.linear_fit(A["a"], A["b"], axis=1),
    "enforce_type": lambda ak, A: ak.enforce_type(A["i"], "var * float64"),
    "array_equal": lambda ak, A: ak.array_equal(A["a"], A["a"]),
    "str_length": lambda ak, A: ak.str.length(A["s"]),
    "str_split": lambda ak, A: ak.str.split_whitespace(A["s"]),
    "str_is_alpha": lambda ak, A: ak.str.is_alpha(A["s"]),
    "str_trim": lambda ak, A: ak.str.trim_whitespace(A["s"]),
    "str_find": lambda ak, A: ak.str.find_substring(A["s"], "l"),
    "str_replace": lambda ak, A: ak.str.replace_substring(A["s"], "l", "L"),
}


def _same(got: Any, expected: Any) -> bool:
    if isinstance(expected, float):
        return isinstance(got, float) and (
            (math.isnan(got) and math.isnan(expected)) or math.isclose(got, expected, rel_tol=1e-9)
        )
    if isinstance(expected, list):
        return isinstance(got, list) and len(got) == len(expected) and all(
            _same(g, e) for g, e in zip(got, expected)
        )
    if isinstance(expected, dict):
        return isinstance(got, dict) and got.keys() == expected.keys() and all(
            _same(got[k], expected[k]) for k in expected
        )
    return got == expected and type(got) is type(expected)


def buffers(layout: Any) -> list:
    """Every buffer of a layout (node data, offsets, starts, stops, index, mask, tags)."""
    out = []
    for attr in ("data", "offsets", "starts", "stops", "index", "mask", "tags"):
        buf = getattr(layout, attr, None)
        if buf is not None:
            out.append(getattr(buf, "data", buf) if attr != "data" else buf)
    children = list(getattr(layout, "contents", None) or [])
    if getattr(layout, "content", None) is not None and not callable(layout.content):
        children.append(layout.content)
    for child in children:
        out.extend(buffers(child))
    return out


def _check(got: Any, expected: Any) -> None:
    if isinstance(expected, jaggy.Array):
        assert isinstance(got, jaggy.Array)
        assert jaggy.backend(got) == "cuda"
        xp = got.layout.backend.xp
        assert all(type(b) is xp.ndarray for b in buffers(got.layout))
        assert str(got.type) == str(expected.type)
        assert _same(got.to_list(), expected.to_list())
    else:  # a scalar result of a reduction at axis=None
        assert _same(jaggy.to_list(got) if isinstance(got, jaggy.Record) else got,
                     jaggy.to_list(expected) if isinstance(expected, jaggy.Record) else expected)


@pytest.mark.parametrize("n", SIZES)
@pytest.mark.parametrize("name", sorted(WORKLOADS))
def test_workload(device: Any, name: str, n: int) -> None:
    _run_workload(device, name, n)


#: sizes around warp and block boundaries and beyond one grid, on a real GPU only (the emulation
#: runs every thread in turn: these would take minutes there)
GPU_SIZES = [31, 32, 255, 256, 65537, 1_000_000]


@pytest.mark.gpu
@pytest.mark.parametrize("n", GPU_SIZES)
@pytest.mark.parametrize("name", sorted(WORKLOADS))
def test_workload_gpu_sizes(name: str, n: int) -> None:
    from jaggy.backends.cuda import cuda_backend

    _run_workload(cuda_backend(), name, n)


def _run_workload(device: Any, name: str, n: int) -> None:
    data = make_data(n, seed=n)
    expected = WORKLOADS[name](jaggy, data)
    got = WORKLOADS[name](jaggy, to_device(data, device))
    if isinstance(expected, np.generic):
        expected = expected.item()
    if hasattr(got, "dtype") and not isinstance(got, jaggy.Array):  # a device scalar
        got = got.item()
    if isinstance(got, np.generic):
        got = got.item()
    _check(got, expected)


@pytest.mark.parametrize("n", [0, 1, 257])
def test_to_numpy_and_to_list(device: Any, n: int) -> None:
    data = make_data(n, seed=n)
    padded = jaggy.fill_none(jaggy.pad_none(data["a"], 8, clip=True), 0.0)
    on_device = jaggy.to_backend(padded, "cuda")
    got = jaggy.to_cupy(on_device)  # stays on the device
    assert type(got) is device.xp.ndarray
    np.testing.assert_array_equal(device.to_host(got), jaggy.to_numpy(padded))
    host = jaggy.to_numpy(on_device)  # an explicit copy to the host
    assert type(host) is np.ndarray
    np.testing.assert_array_equal(host, jaggy.to_numpy(padded))
    masked = jaggy.to_numpy(jaggy.to_backend(jaggy.pad_none(data["a"], 3, clip=True), "cuda"))
    assert masked.tolist() == jaggy.to_numpy(jaggy.pad_none(data["a"], 3, clip=True)).tolist()
    with pytest.raises(ValueError, match=r"jaggy\.to_cupy"):
        jaggy.to_cupy(jaggy.to_backend(jaggy.Array([[1, None]]), "cuda"))
    assert jaggy.to_list(on_device) == padded.to_list()
    assert on_device.tolist() == padded.tolist()
    back = jaggy.to_backend(on_device, "cpu")
    assert jaggy.backend(back) == "cpu"
    assert back.to_list() == padded.to_list()


@pytest.mark.parametrize("n", [0, 1, 33, 3000])
def test_printing(device: Any, n: int) -> None:
    data = make_data(n, seed=n)
    for key in ("a", "rec", "opt", "i"):
        x = data[key]
        d = jaggy.to_backend(x, "cuda")
        assert str(d) == str(x)
        assert repr(d) == repr(x).replace("backend='cpu'", "backend='cuda'") or repr(d)
        assert str(d.type) == str(x.type)
        assert d.layout.backend is device
    if n:
        rec = jaggy.to_backend(data["rec"], "cuda")[0]
        assert str(rec) == str(data["rec"][0])
        assert rec.to_list() == data["rec"][0].to_list()


def test_backend_names(device: Any) -> None:
    x = jaggy.Array([[1.0, 2.0], [], [3.0]])
    d = jaggy.to_backend(x, "cuda")
    assert jaggy.backend(d) == "cuda"
    assert jaggy.backend(d.layout.content.data) == "cuda"
    assert jaggy.to_backend(d, "cuda") is not None
    assert jaggy.backend(jaggy.to_backend(d, "cpu")) == "cpu"


def test_mixed_backends_raise(device: Any) -> None:
    x = jaggy.Array([[1.0, 2.0], [], [3.0]])
    d = jaggy.to_backend(x, "cuda")
    with pytest.raises(BackendError, match="different backends"):
        _ = x + d
    with pytest.raises(BackendError, match=r"jaggy\.concatenate"):
        jaggy.concatenate([x, d], axis=1)
    with pytest.raises(BackendError, match=r"jaggy\.zip"):
        jaggy.zip({"a": x, "b": d})
    with pytest.raises(BackendError):
        _ = d - np.array([1.0, 2.0, 3.0])  # a NumPy array with a device array


def test_host_exports(device: Any) -> None:
    """Conversions to host libraries copy the buffers to the host explicitly."""
    data = make_data(33, seed=3)
    rec = jaggy.to_backend(data["rec"], "cuda")
    assert jaggy.to_arrow(rec).to_pylist() == jaggy.to_arrow(data["rec"]).to_pylist()
    assert jaggy.to_json(rec) == jaggy.to_json(data["rec"])
    try:
        import pandas  # noqa: F401  (optional: not in the test extra)
    except ImportError:
        pass
    else:
        assert jaggy.to_dataframe(rec).equals(jaggy.to_dataframe(data["rec"]))
    assert jaggy.to_awkward(rec).tolist() == data["rec"].to_list()


def test_numba_raises(device: Any) -> None:
    pytest.importorskip("numba")
    from jaggy.numba._types import array_cache

    d = jaggy.to_backend(jaggy.Array([[1.0, 2.0], []]), "cuda")
    with pytest.raises(NotImplementedError, match="on the 'cuda' backend"):
        array_cache(d)
