"""The project's own copy of the side-by-side workload definitions.

``run_all.py`` and ``scaling.py`` prefer the shared suite (``../shared/bench/compare.py`` or
``--compare PATH``); when that file is absent they use this module, which defines the same
workloads: the same names, the same expressions, the same data (Poisson list lengths, uniform
floats) and the same NumPy floors. Every workload is ``fn(ak, arrays, data)`` where ``ak`` is
the library module (``jaggy`` or ``awkward``), ``arrays`` the dict built by :func:`wrap` and
``data`` the :class:`Data` holding the raw buffers.
"""

from __future__ import annotations

import math

import numpy as np


class Data:
    """Raw NumPy buffers shared by every library: ``n_lists`` lists of Poisson(``mean_len``) values."""

    def __init__(self, n_lists: int, mean_len: float, seed: int = 0) -> None:
        rng = np.random.default_rng(seed)
        self.counts = rng.poisson(mean_len, n_lists).astype(np.int64)
        self.offsets = np.concatenate([[0], np.cumsum(self.counts)]).astype(np.int64)
        total = int(self.offsets[-1])
        self.x = rng.random(total)
        self.y = rng.random(total)
        self.ints = rng.integers(0, 1000, total).astype(np.int64)
        self.per_list = rng.random(n_lists)
        n_small = max(1, n_lists // 5)
        self.small_counts = rng.poisson(min(mean_len, 6), n_small).astype(np.int64)
        self.small_x = rng.random(int(self.small_counts.sum()))
        lengths = rng.poisson(mean_len, min(100_000, n_lists))
        self.py_lists = [rng.random(c).tolist() for c in lengths]


def wrap(ak, d: Data, backend: str = "cpu") -> dict:
    """The library's arrays built from the shared buffers through its public API."""
    a = ak.unflatten(d.x, d.counts)
    b = ak.unflatten(d.y, d.counts)
    tiny = ak.Array([[1.0, 2.0, 3.0], [], [4.0, 5.0], [6.0, 7.0, 8.0, 9.0]])
    arrays = {
        "a": a,
        "b": b,
        "i": ak.unflatten(d.ints, d.counts),
        "rec": ak.zip({"x": a, "y": b}),
        "sm": ak.unflatten(d.small_x, d.small_counts),
        "tiny": tiny,
        "tiny_rec": ak.zip({"x": tiny, "y": tiny}),
        "per_list": d.per_list,
    }
    if backend != "cpu":
        arrays = {k: v if k == "per_list" else ak.to_backend(v, backend) for k, v in arrays.items()}
    return arrays


_JITTED: dict = {}


def _numba_loop(ak, kind: str):
    """A Numba loop over the library's own arrays, compiled once per library."""
    key = (ak.__name__, kind)
    if key not in _JITTED:
        import numba

        if kind == "sum":
            def loop(arr):
                total = 0.0
                for row in arr:
                    for v in row:
                        total += v
                return total
        else:
            def loop(arr):
                best = 0.0
                for event in arr:
                    for p in event:
                        best = max(best, p.x * p.x + p.y * p.y)
                return best
        _JITTED[key] = numba.njit(loop)
    return _JITTED[key]


WORKLOADS = {
    "num": (lambda ak, A, d: ak.num(A["a"], axis=1), "large"),
    "sum_axis1": (lambda ak, A, d: ak.sum(A["a"], axis=1), "large"),
    "max_axis1": (lambda ak, A, d: ak.max(A["a"], axis=1), "large"),
    "mean_axis1": (lambda ak, A, d: ak.mean(A["a"], axis=1), "large"),
    "argmax_take": (lambda ak, A, d: A["a"][ak.argmax(A["a"], axis=1, keepdims=True)], "large"),
    "flatten": (lambda ak, A, d: ak.flatten(A["a"]), "large"),
    "mask_jagged": (lambda ak, A, d: A["a"][A["a"] > 0.5], "large"),
    "slice_rest": (lambda ak, A, d: A["a"][:, 1:], "large"),
    "first_of_nonempty": (lambda ak, A, d: A["a"][ak.num(A["a"], axis=1) > 0][:, 0], "large"),
    "ufunc_affine": (lambda ak, A, d: A["a"] * 2.0 + 1.0, "large"),
    "ufunc_two_arrays": (lambda ak, A, d: A["a"] * A["b"] + A["a"], "large"),
    "broadcast_per_list": (lambda ak, A, d: A["a"] - A["per_list"], "large"),
    "sort_axis1": (lambda ak, A, d: ak.sort(A["a"], axis=1), "large"),
    "argsort_ints": (lambda ak, A, d: ak.argsort(A["i"], axis=1), "large"),
    "combinations2": (lambda ak, A, d: ak.combinations(A["sm"], 2), "large"),
    "cartesian": (lambda ak, A, d: ak.cartesian([A["sm"], A["sm"]]), "large"),
    "record_math": (
        lambda ak, A, d: ak.sum(np.sqrt(A["rec"].x ** 2 + A["rec"].y ** 2), axis=1), "large"),
    "mask_fill_none": (lambda ak, A, d: ak.fill_none(ak.mask(A["a"], A["a"] > 0.5), 0.0), "large"),
    "is_none_count": (lambda ak, A, d: ak.sum(ak.is_none(ak.firsts(A["a"]))), "large"),
    "pad_to_numpy": (
        lambda ak, A, d: ak.to_numpy(ak.fill_none(ak.pad_none(A["a"], 8, clip=True), 0.0)), "large"),
    "concat_axis1": (lambda ak, A, d: ak.concatenate([A["a"], A["b"]], axis=1), "large"),
    "local_index": (lambda ak, A, d: ak.local_index(A["a"], axis=1), "large"),
    "unflatten": (lambda ak, A, d: ak.unflatten(d.x, d.counts), "large"),
    "from_iter_100k": (lambda ak, A, d: ak.from_iter(d.py_lists), "large"),
    "to_list_100k": (lambda ak, A, d: ak.to_list(A["a"][:100_000]), "large"),
    "arrow_roundtrip": (lambda ak, A, d: ak.from_arrow(ak.to_arrow(A["rec"])), "large"),
    "numba_sum": (lambda ak, A, d: _numba_loop(ak, "sum")(A["a"]), "large"),
    "numba_records": (lambda ak, A, d: _numba_loop(ak, "records")(A["rec"]), "large"),
    "small_num": (lambda ak, A, d: ak.num(A["tiny"], axis=1), "small"),
    "small_sum": (lambda ak, A, d: ak.sum(A["tiny"], axis=1), "small"),
    "small_mask": (lambda ak, A, d: A["tiny"][A["tiny"] > 2.0], "small"),
    "small_ufunc": (lambda ak, A, d: A["tiny"] * 2.0 + 1.0, "small"),
    "small_field": (lambda ak, A, d: A["tiny_rec"].x, "small"),
    "small_ctor": (lambda ak, A, d: ak.Array([[1.0, 2.0], [3.0]]), "small"),
    "small_getitem_int": (lambda ak, A, d: A["tiny"][2], "small"),
}


def _mask_floor(d: Data):
    keep = d.x > 0.5
    per_list = np.add.reduceat(keep.astype(np.int64), d.offsets[:-1]) if len(d.x) else keep
    return d.x[keep], per_list


# NumPy on the flat buffers: a lower bound for the same result (reductions: the flat reduction)
FLOORS = {
    "num": lambda d: np.diff(d.offsets),
    "sum_axis1": lambda d: np.add.reduce(d.x),
    "max_axis1": lambda d: np.maximum.reduce(d.x),
    "mean_axis1": lambda d: np.add.reduce(d.x) / len(d.counts),
    "flatten": lambda d: d.x[d.offsets[0]:d.offsets[-1]],
    "mask_jagged": _mask_floor,
    "ufunc_affine": lambda d: d.x * 2.0 + 1.0,
    "ufunc_two_arrays": lambda d: d.x * d.y + d.x,
    "broadcast_per_list": lambda d: d.x - np.repeat(d.per_list, d.counts),
    "local_index": lambda d: np.arange(len(d.x)) - np.repeat(d.offsets[:-1], d.counts),
    "unflatten": lambda d: np.cumsum(d.counts),
}


def to_comparable(ak, result):
    """A result reduced to NumPy or Python values (its first 2000 entries) through ``ak.to_list``."""
    if isinstance(result, (bool, int, float, np.generic)):
        return np.asarray(result, dtype=np.float64)
    if isinstance(result, np.ndarray):
        return result
    return ak.to_list(result[:2000])


def same(x, y) -> bool:
    """Whether two comparable results are equal (floats with a tolerance, NaN equal to NaN)."""
    if isinstance(x, np.ndarray) or isinstance(y, np.ndarray):
        x, y = np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64)
        return x.shape == y.shape and bool(np.allclose(x, y, equal_nan=True))
    if isinstance(x, float) or isinstance(y, float):
        if x is None or y is None:
            return False
        both_nan = math.isnan(x) and math.isnan(y)
        return both_nan or math.isclose(float(x), float(y), rel_tol=1e-9, abs_tol=1e-12)
    if isinstance(x, dict) and isinstance(y, dict):
        return x.keys() == y.keys() and all(same(x[k], y[k]) for k in x)
    if isinstance(x, (list, tuple)) and isinstance(y, (list, tuple)):
        return len(x) == len(y) and all(same(a, b) for a, b in zip(x, y))
    return x == y
