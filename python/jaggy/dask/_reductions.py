"""More jaggy.dask reductions: prod, any, all, var, std, argmin, argmax.

Along inner axes they run partition-wise; along axis 0 / None they are tree reductions (see
``_tree.tree_reduce``): each partition is reduced to a partial result (``chunk``), partial results
are merged in partition order (``combine``) and the last one gives the answer (``finalize``).
argmin/argmax keep each partial's length so that local positions become global ones without
knowing the divisions.
"""

from __future__ import annotations

import functools
import operator
from collections.abc import Callable, Mapping
from typing import Any

import numpy as np

import jaggy
from jaggy.dask._core import Array, map_partitionwise
from jaggy.dask._tree import _stack, tree_reduce

__all__ = ["all", "any", "argmax", "argmin", "prod", "std", "var"]


def _check(array: Any, fname: str) -> Array:
    if not isinstance(array, Array):
        msg = f"jaggy.dask.{fname}: expected a jaggy.dask.Array, not {type(array).__name__}"
        raise TypeError(msg)
    return array


def _is_outer(array: Array, axis: Any, fname: str) -> bool:
    if axis is None:
        return True
    if not isinstance(axis, (int, np.integer)) or isinstance(axis, bool):
        msg = f"jaggy.dask.{fname}: axis must be an integer or None, not {axis!r}"
        raise TypeError(msg)
    return axis == 0 or axis + array.ndim == 0


def _rowwise(fn: Any, array: Array, args: tuple, kwargs: dict, label: str) -> Array:
    call = functools.partial(fn, **kwargs)
    call.__name__ = label  # type: ignore[attr-defined]
    return map_partitionwise(call, (array, *args), {}, label=label, keep_divisions=True)


class _Reducer:
    """Base: ``name``, ``axis`` (None or 0 for the partition reduction) and ``kwargs`` name the graph."""

    def __init__(self, name: str, axis: Any, kwargs: dict) -> None:
        self.name, self.axis, self.kwargs = name, axis, kwargs

    def finalize(self, partial: Any) -> Any:
        return partial


class _Logical(_Reducer):
    """prod/any/all: the same reducer for chunks and for merging partials."""

    _scalar: dict[str, Callable[[list], Any]] = {"prod": functools.partial(functools.reduce, operator.mul),
               "any": lambda xs: bool(np.any(xs)), "all": lambda xs: bool(np.all(xs))}

    def chunk(self, part: Any) -> Any:
        return getattr(jaggy, self.name)(part, axis=self.axis, **self.kwargs)

    def combine(self, parts: list) -> Any:
        if self.axis is None:
            values = [p for p in parts if p is not None]
            with np.errstate(over="ignore", invalid="ignore"):
                return self._scalar[self.name](values) if values else None
        return getattr(jaggy, self.name)(_stack(list(parts)), axis=0, **self.kwargs)


class _Moments(_Reducer):
    """var/std: axis=None merges (count, mean, sum of squared deviations) pairwise (Chan et al.);
    axis=0 merges per-position sums of x and x**2 and counts."""

    def __init__(self, name: str, axis: Any, ddof: int, kwargs: dict) -> None:
        super().__init__(name, axis, kwargs)
        self.ddof = ddof

    def chunk(self, part: Any) -> Any:
        if self.axis is None:
            flat = np.asarray(jaggy.to_numpy(jaggy.flatten(part, axis=None)), dtype=np.float64)
            n = flat.size
            mean = flat.mean() if n else 0.0
            return (n, mean, float(((flat - mean) ** 2).sum()) if n else 0.0)
        return (jaggy.count(part, axis=0), jaggy.sum(part, axis=0), jaggy.sum(part * part, axis=0))

    def combine(self, parts: list) -> Any:
        if self.axis is None:
            n, mean, m2 = parts[0]
            for nb, mb, m2b in parts[1:]:
                total = n + nb
                if total:
                    delta = mb - mean
                    mean, m2 = mean + delta * nb / total, m2 + m2b + delta * delta * n * nb / total
                n = total
            return (n, mean, m2)
        return tuple(jaggy.sum(_stack([p[k] for p in parts]), axis=0) for k in range(3))

    def finalize(self, partial: Any) -> Any:
        with np.errstate(divide="ignore", invalid="ignore"):
            if self.axis is None:
                n, _, m2 = partial
                out = np.float64(m2) / np.float64(n - self.ddof)
            else:
                n, s, s2 = partial
                out = (s2 - s * s / n) / (n - self.ddof)
            return np.sqrt(out) if self.name == "std" else out


def _leaves(part: Any) -> Any:
    """The values of ``part`` as one flat array, keeping None values (positions along axis=None
    count them, as jaggy.argmax does)."""
    while part.ndim > 1:
        part = jaggy.flatten(part, axis=1)
    return part


class _Arg(_Reducer):
    """argmin/argmax: partials are (best value, its position, length); positions are shifted by
    the lengths of the partials before them."""

    def __init__(self, name: str, axis: Any, flat: bool, kwargs: dict) -> None:
        super().__init__(name, axis, kwargs)
        self.flat = flat  # axis=None: positions in the flattened values; else rows
        self.pick = getattr(jaggy, self.name)
        self.best = jaggy.min if name == "argmin" else jaggy.max

    def chunk(self, part: Any) -> Any:
        if self.axis is None or self.flat:
            data = _leaves(part) if self.axis is None else part
            where = self.pick(data, axis=0)
            return (None if where is None else data[where], where, len(data))
        return (self.best(part, axis=0), self.pick(part, axis=0), len(part))

    def _combine_flat(self, parts: list) -> Any:
        offset, best, where = 0, None, None
        for value, pos, length in parts:
            if pos is not None and (best is None or (value < best if self.name == "argmin" else value > best)):
                best, where = value, offset + pos
            offset += length
        return (best, where, offset)

    def combine(self, parts: list) -> Any:
        if self.axis is None or self.flat:
            return self._combine_flat(parts)
        lengths = np.array([p[2] for p in parts], dtype=np.int64)
        offsets = np.concatenate([[0], np.cumsum(lengths)[:-1]])
        values = _stack([p[0] for p in parts])
        positions = _stack([p[1] + int(off) for p, off in zip(parts, offsets)])
        winner = self.pick(values, axis=0)  # which partial holds the best value of each column
        counts = np.asarray(jaggy.to_numpy(jaggy.num(values, axis=1)), dtype=np.int64)
        starts = np.concatenate([[0], np.cumsum(counts)[:-1]])
        valid = ~np.asarray(jaggy.to_numpy(jaggy.is_none(winner)), dtype=bool)
        chosen = np.asarray(jaggy.to_numpy(jaggy.fill_none(winner, 0)), dtype=np.int64)
        flat_index = starts[chosen] + np.arange(len(chosen), dtype=np.int64)
        flat_positions = jaggy.flatten(positions, axis=1)
        new_positions = jaggy.mask(flat_positions[flat_index], valid)
        return (self.best(values, axis=0), new_positions, int(lengths.sum()))

    def finalize(self, partial: Any) -> Any:
        return partial[1]


def _logical(name: str, array: Any, axis: Any, keepdims: bool, mask_identity: bool,
             behavior: Mapping | None, attrs: Mapping | None) -> Any:
    array = _check(array, name)
    fn = getattr(jaggy, name)
    if not _is_outer(array, axis, name):
        return _rowwise(fn, array, (), {"axis": axis, "keepdims": keepdims, "mask_identity": mask_identity,
                                        "behavior": behavior, "attrs": attrs}, name)
    if keepdims:
        msg = f"jaggy.dask.{name}: keepdims=True with axis={axis} is not implemented"
        raise NotImplementedError(msg)
    reduce_axis = None if axis is None or array.ndim == 1 else 0
    meta = fn(array.meta, axis=reduce_axis, mask_identity=mask_identity) if reduce_axis == 0 else None
    if reduce_axis is None:
        fn(array.meta, axis=None)  # type errors surface now
    return tree_reduce(array, _Logical(name, reduce_axis, {"mask_identity": mask_identity}), meta)


def prod(array: Any, axis: Any = None, *, keepdims: bool = False, mask_identity: bool = False,
         highlevel: bool = True, behavior: Mapping | None = None, attrs: Mapping | None = None) -> Any:
    """Product, as ``jaggy.prod``: partition-wise along inner axes, a tree reduction along axis 0/None.

    Result: a jaggy.dask.Array, or a jaggy.dask.Scalar for axis=None (and axis=0 of 1-d data).

    Example:
        >>> import jaggy, jaggy.dask
        >>> arr = jaggy.dask.from_jaggy(jaggy.Array([[1, 2], [], [3]]), 2)
        >>> int(jaggy.dask.prod(arr).compute())
        6

    Raises what ``jaggy.prod`` raises (from the meta, before computing), NotImplementedError for
    keepdims=True along axis 0/None.
    """
    return _logical("prod", array, axis, keepdims, mask_identity, behavior, attrs)


def any(array: Any, axis: Any = None, *, keepdims: bool = False, mask_identity: bool = False,
        highlevel: bool = True, behavior: Mapping | None = None, attrs: Mapping | None = None) -> Any:
    """Whether any value is true, as ``jaggy.any`` (partitioning as ``jaggy.dask.prod``).

    Example:
        >>> import jaggy, jaggy.dask
        >>> arr = jaggy.dask.from_jaggy(jaggy.Array([[0, 2], [], [0]]), 2)
        >>> jaggy.dask.any(arr, axis=1).compute().to_list()
        [True, False, False]

    Raises as ``jaggy.dask.prod``.
    """
    return _logical("any", array, axis, keepdims, mask_identity, behavior, attrs)


def all(array: Any, axis: Any = None, *, keepdims: bool = False, mask_identity: bool = False,
        highlevel: bool = True, behavior: Mapping | None = None, attrs: Mapping | None = None) -> Any:
    """Whether every value is true, as ``jaggy.all`` (partitioning as ``jaggy.dask.prod``).

    Example:
        >>> import jaggy, jaggy.dask
        >>> arr = jaggy.dask.from_jaggy(jaggy.Array([[1, 2], [], [0]]), 2)
        >>> bool(jaggy.dask.all(arr).compute())
        False

    Raises as ``jaggy.dask.prod``.
    """
    return _logical("all", array, axis, keepdims, mask_identity, behavior, attrs)


def _weighted(name: str, x: Any, weight: Any, **kwargs: Any) -> Any:
    return getattr(jaggy, name)(x, weight, **kwargs)


def _moment(name: str, x: Any, weight: Any, ddof: int, axis: Any, keepdims: bool, mask_identity: bool,
            behavior: Mapping | None, attrs: Mapping | None) -> Any:
    x = _check(x, name)
    fn = getattr(jaggy, name)
    kwargs = {"ddof": ddof, "axis": axis, "keepdims": keepdims, "mask_identity": mask_identity,
              "behavior": behavior, "attrs": attrs}
    if not _is_outer(x, axis, name):
        if weight is None:
            return _rowwise(fn, x, (), kwargs, name)
        _check(weight, name)
        return map_partitionwise(_weighted, (name, x, weight), kwargs, label=name, keep_divisions=True)
    if weight is not None or keepdims:
        msg = f"jaggy.dask.{name}: weight or keepdims=True with axis={axis} is not implemented"
        raise NotImplementedError(msg)
    reduce_axis = None if axis is None or x.ndim == 1 else 0
    meta = fn(x.meta, axis=0, ddof=ddof) if reduce_axis == 0 else None
    if reduce_axis is None:
        fn(x.meta, axis=None)  # type errors surface now
    return tree_reduce(x, _Moments(name, reduce_axis, ddof, {"ddof": ddof}), meta)


def var(x: Any, weight: Any = None, ddof: int = 0, axis: Any = None, *, keepdims: bool = False,
        mask_identity: bool = False, highlevel: bool = True, behavior: Mapping | None = None,
        attrs: Mapping | None = None) -> Any:
    """Variance, as ``jaggy.var``; along axis 0/None a tree reduction of counts, means and squared
    deviations (axis=None) or of sums of x and x**2 (axis=0).

    Example:
        >>> import jaggy, jaggy.dask
        >>> arr = jaggy.dask.from_jaggy(jaggy.Array([[1.0, 2.0], [], [3.0]]), 2)
        >>> round(float(jaggy.dask.var(arr).compute()), 4)
        0.6667

    Raises NotImplementedError for ``weight`` or keepdims=True along axis 0/None.
    """
    return _moment("var", x, weight, ddof, axis, keepdims, mask_identity, behavior, attrs)


def std(x: Any, weight: Any = None, ddof: int = 0, axis: Any = None, *, keepdims: bool = False,
        mask_identity: bool = False, highlevel: bool = True, behavior: Mapping | None = None,
        attrs: Mapping | None = None) -> Any:
    """Standard deviation, as ``jaggy.std`` (partitioning as ``jaggy.dask.var``).

    Example:
        >>> import jaggy, jaggy.dask
        >>> arr = jaggy.dask.from_jaggy(jaggy.Array([[1.0, 3.0], [4.0], [5.0, 7.0]]), 2)
        >>> jaggy.dask.std(arr, axis=1).compute().to_list()
        [1.0, 0.0, 1.0]

    Raises as ``jaggy.dask.var``.
    """
    return _moment("std", x, weight, ddof, axis, keepdims, mask_identity, behavior, attrs)


def _arg(name: str, array: Any, axis: Any, keepdims: bool, mask_identity: bool,
         behavior: Mapping | None, attrs: Mapping | None) -> Any:
    array = _check(array, name)
    fn = getattr(jaggy, name)
    if not _is_outer(array, axis, name):
        return _rowwise(fn, array, (), {"axis": axis, "keepdims": keepdims, "mask_identity": mask_identity,
                                        "behavior": behavior, "attrs": attrs}, name)
    if keepdims or not mask_identity:
        msg = f"jaggy.dask.{name}: keepdims=True or mask_identity=False with axis={axis} is not implemented"
        raise NotImplementedError(msg)
    if axis is None or array.ndim == 1:
        fn(array.meta, axis=axis)  # type errors surface now
        return tree_reduce(array, _Arg(name, axis if axis is None else 0, True, {}), None)
    if array.ndim != 2:
        msg = f"jaggy.dask.{name}: axis=0 of {array.ndim}-dimensional data is not implemented (only 1 or 2)"
        raise NotImplementedError(msg)
    return tree_reduce(array, _Arg(name, 0, False, {}), fn(array.meta, axis=0))


def argmin(array: Any, axis: Any = None, *, keepdims: bool = False, mask_identity: bool = True,
           highlevel: bool = True, behavior: Mapping | None = None, attrs: Mapping | None = None) -> Any:
    """Position of the minimum, as ``jaggy.argmin``; along axis 0/None the positions are global
    (shifted by the lengths of the partitions before), found by a tree reduction.

    Example:
        >>> import jaggy, jaggy.dask
        >>> arr = jaggy.dask.from_jaggy(jaggy.Array([[4, 2], [], [1]]), 2)
        >>> int(jaggy.dask.argmin(arr).compute())
        2

    Raises NotImplementedError for keepdims=True or mask_identity=False along axis 0/None, and
    for axis=0 of data with more than 2 dimensions.
    """
    return _arg("argmin", array, axis, keepdims, mask_identity, behavior, attrs)


def argmax(array: Any, axis: Any = None, *, keepdims: bool = False, mask_identity: bool = True,
           highlevel: bool = True, behavior: Mapping | None = None, attrs: Mapping | None = None) -> Any:
    """Position of the maximum, as ``jaggy.argmax`` (partitioning as ``jaggy.dask.argmin``).

    Example:
        >>> import jaggy, jaggy.dask
        >>> arr = jaggy.dask.from_jaggy(jaggy.Array([[4, 2], [], [9]]), 2)
        >>> jaggy.dask.argmax(arr, axis=0).compute().to_list()
        [2, 0]

    Raises as ``jaggy.dask.argmin``.
    """
    return _arg("argmax", array, axis, keepdims, mask_identity, behavior, attrs)
