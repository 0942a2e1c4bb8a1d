"""Leaf reducers: one value per group of a flat buffer, through the ``reduce_*`` kernels.

A reducer's ``apply(data, offsets, pos, backend)`` gets a 1-d buffer, int64 group offsets into
it and, for argmin/argmax, optionally every element's position along the reduced axis (where
that is not simply its place in its group). Dtypes follow Awkward: sums and products of
booleans and signed integers are int64, of unsigned integers uint64; min/max keep the dtype;
counts and arg-positions are int64; any/all are bool; means and variances are float64.
"""

from __future__ import annotations

from typing import Any

import numpy as np

__all__ = ["REDUCERS", "Reducer"]


def _widened(data: Any, xp: Any) -> Any:
    """Integers/booleans as int64 (uint64 for unsigned): Awkward's accumulator dtypes."""
    kind = data.dtype.kind
    if kind == "b" or (kind == "i" and data.dtype != xp.int64):
        return data.astype(xp.int64)
    if kind == "u" and data.dtype != xp.uint64:
        return data.astype(xp.uint64)
    return data


def _check_numeric(data: Any, name: str) -> None:
    if data.dtype.kind not in "biuf":
        msg = f"jaggy.{name}: cannot reduce values of dtype {data.dtype}"
        raise TypeError(msg)


class Reducer:
    """Base class: subclasses set ``name`` and implement ``apply``."""

    name = ""
    needs_position = False
    mask_default = False
    fuses_mask = False  # True: has apply_masked(...) -> (values, non-empty groups)

    def apply(self, data: Any, offsets: Any, pos: Any, backend: Any) -> Any:
        raise NotImplementedError

    def apply_masked(self, data: Any, offsets: Any, pos: Any, backend: Any) -> tuple[Any, Any]:
        """(values, non-empty groups) in one pass; only called when ``fuses_mask`` is True."""
        raise NotImplementedError


class Sum(Reducer):
    name = "sum"

    def apply(self, data: Any, offsets: Any, pos: Any, backend: Any) -> Any:
        xp = backend.xp
        _check_numeric(data, self.name)
        n = len(offsets) - 1
        if data.dtype.kind == "b":  # a sum of booleans counts the True ones (no int64 copy)
            out = xp.empty(n, xp.int64)
            if n == 1 and len(data) and int(offsets[0]) == 0 and int(offsets[1]) == len(data):
                out[0] = xp.count_nonzero(data)  # one whole-buffer group (axis=None): NumPy's SIMD count
            else:
                backend.kernels.reduce_count_nonzero(offsets, data, out, n, len(data))
            return out
        data = _widened(data, xp)
        out = xp.empty(n, data.dtype)
        backend.kernels.reduce_sum(offsets, data, out, n, len(data))
        return out


class Prod(Reducer):
    name = "prod"

    def apply(self, data: Any, offsets: Any, pos: Any, backend: Any) -> Any:
        xp = backend.xp
        _check_numeric(data, self.name)
        data = _widened(data, xp)
        n = len(offsets) - 1
        out = xp.empty(n, data.dtype)
        backend.kernels.reduce_prod(offsets, data, out, n, len(data))
        return out


class _Extremum(Reducer):
    kernel = ""
    masked_kernel = ""
    mask_default = True
    fuses_mask = True

    def __init__(self, initial: Any = None) -> None:
        self.initial = initial
        self.propagate_nan = False

    def identity(self, dtype: Any) -> Any:
        raise NotImplementedError

    def apply(self, data: Any, offsets: Any, pos: Any, backend: Any) -> Any:
        return self._run(data, offsets, backend, None)

    def apply_masked(self, data: Any, offsets: Any, pos: Any, backend: Any) -> tuple[Any, Any]:
        """(values, valid): valid says which groups are non-empty, found in the same pass."""
        valid = backend.xp.empty(len(offsets) - 1, backend.xp.bool_)
        return self._run(data, offsets, backend, valid), valid

    def _run(self, data: Any, offsets: Any, backend: Any, valid: Any) -> Any:
        xp = backend.xp
        _check_numeric(data, self.name)
        n = len(offsets) - 1
        out = xp.empty(n, data.dtype)
        start = self.identity(data.dtype) if self.initial is None else self.initial
        ident = xp.asarray([start]).astype(data.dtype)
        if valid is None:
            getattr(backend.kernels, self.kernel)(offsets, data, ident, out, n, len(data))
        else:
            getattr(backend.kernels, self.masked_kernel)(offsets, data, ident, out, valid, n, len(data))
        if self.propagate_nan and data.dtype.kind == "f" and n == 1 and bool(xp.isnan(data).any()):
            out[:] = xp.nan  # a whole-array max/min propagates NaN, like NumPy's
        return out


class Max(_Extremum):
    name = "max"
    kernel = "reduce_max"
    masked_kernel = "reduce_max_masked"

    def identity(self, dtype: Any) -> Any:
        if dtype.kind == "f":
            return -np.inf
        if dtype.kind == "b":
            return False
        return np.iinfo(dtype).min


class Min(_Extremum):
    name = "min"
    kernel = "reduce_min"
    masked_kernel = "reduce_min_masked"

    def identity(self, dtype: Any) -> Any:
        if dtype.kind == "f":
            return np.inf
        if dtype.kind == "b":
            return True
        return np.iinfo(dtype).max


class _Arg(Reducer):
    kernel = ""
    needs_position = True
    mask_default = True

    def apply(self, data: Any, offsets: Any, pos: Any, backend: Any) -> Any:
        xp = backend.xp
        _check_numeric(data, self.name)
        n = len(offsets) - 1
        best = xp.empty(n, xp.int64)
        getattr(backend.kernels, self.kernel)(offsets, data, best, n, len(data))
        if pos is None:  # positions within the groups, -1 for empty groups
            # (an empty group's -1 - start is <= -1: clipped back to -1, two unmasked passes)
            xp.subtract(best, offsets[:-1], out=best)
            xp.maximum(best, -1, out=best)
            return best
        found = best >= 0
        safe = xp.where(found, best, 0)
        local = pos[safe] if len(pos) else safe
        return xp.where(found, local, -1)


class ArgMax(_Arg):
    name = "argmax"
    kernel = "reduce_argmax"


class ArgMin(_Arg):
    name = "argmin"
    kernel = "reduce_argmin"


class Count(Reducer):
    name = "count"

    def apply(self, data: Any, offsets: Any, pos: Any, backend: Any) -> Any:
        return offsets[1:] - offsets[:-1]


class _Flag(Reducer):
    kernel = ""
    out_dtype = "bool"

    def apply(self, data: Any, offsets: Any, pos: Any, backend: Any) -> Any:
        xp = backend.xp
        _check_numeric(data, self.name)
        n = len(offsets) - 1
        out = xp.empty(n, self.out_dtype)
        getattr(backend.kernels, self.kernel)(offsets, data, out, n, len(data))
        return out


class CountNonzero(_Flag):
    name = "count_nonzero"
    kernel = "reduce_count_nonzero"
    out_dtype = "int64"


class Any_(_Flag):
    name = "any"
    kernel = "reduce_any"


class All(_Flag):
    name = "all"
    kernel = "reduce_all"


def _float_sums(data: Any, offsets: Any, backend: Any) -> Any:
    xp = backend.xp
    n = len(offsets) - 1
    out = xp.empty(n, xp.float64)
    backend.kernels.reduce_sum(offsets, data.astype(xp.float64, copy=False), out, n, len(data))
    return out


def _float_means(data: Any, offsets: Any, backend: Any) -> Any:
    """sum / count of every group in float64 (NaN for an empty group), in one kernel pass."""
    xp = backend.xp
    n = len(offsets) - 1
    out = xp.empty(n, xp.float64)
    empty = xp.asarray([xp.nan])  # what 0 / 0 gives
    backend.kernels.reduce_mean(offsets, data.astype(xp.float64, copy=False), empty, out, n, len(data))
    return out


class Mean(Reducer):
    """sum(x) / count(x) in float64 (NaN for an empty group unless masked)."""

    name = "mean"

    def apply(self, data: Any, offsets: Any, pos: Any, backend: Any) -> Any:
        _check_numeric(data, self.name)
        return _float_means(data, offsets, backend)


class Moment(Reducer):
    """sum(x**n) / count(x) (raw moment), float64."""

    name = "moment"

    def __init__(self, n: Any) -> None:
        self.n = n

    def apply(self, data: Any, offsets: Any, pos: Any, backend: Any) -> Any:
        _check_numeric(data, self.name)
        return _float_means(_widened(data, backend.xp) ** self.n, offsets, backend)


class Var(Reducer):
    """sum((x - mean)**2) / (count - ddof), two passes; ``sqrt`` of it for std."""

    name = "var"

    def __init__(self, ddof: Any = 0, sqrt: bool = False) -> None:
        self.ddof = ddof
        self.sqrt = sqrt

    def apply(self, data: Any, offsets: Any, pos: Any, backend: Any) -> Any:
        xp = backend.xp
        _check_numeric(data, self.name)
        counts = offsets[1:] - offsets[:-1]
        lo, hi = int(offsets[0]), int(offsets[-1])
        with np.errstate(invalid="ignore", divide="ignore"):
            mean = _float_means(data, offsets, backend)
            dev = xp.zeros(len(data), xp.float64)
            dev[lo:hi] = data[lo:hi] - xp.repeat(mean, counts)
            out = _float_sums(dev * dev, offsets, backend) / (counts - self.ddof)
            out[counts == 0] = xp.nan
            return xp.sqrt(out) if self.sqrt else out


class PeakToPeak(Reducer):
    """max - min (in the values' dtype)."""

    name = "ptp"
    mask_default = True

    def __init__(self) -> None:
        self.propagate_nan = False

    def apply(self, data: Any, offsets: Any, pos: Any, backend: Any) -> Any:
        hi, lo = Max(), Min()
        hi.propagate_nan = lo.propagate_nan = self.propagate_nan
        hi = hi.apply(data, offsets, pos, backend)
        lo = lo.apply(data, offsets, pos, backend)
        with np.errstate(invalid="ignore", over="ignore"):
            out = hi - lo
        empty = offsets[1:] == offsets[:-1]
        out[empty] = 0
        return out


REDUCERS = {
    "sum": Sum, "prod": Prod, "max": Max, "min": Min, "argmax": ArgMax, "argmin": ArgMin,
    "count": Count, "count_nonzero": CountNonzero, "any": Any_, "all": All, "mean": Mean,
    "moment": Moment, "var": Var, "ptp": PeakToPeak,
}
