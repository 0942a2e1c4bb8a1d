"""jaggy.dask versions of jaggy functions: partition-wise along inner axes, tree reductions along
axis 0 / None."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import jaggy
from jaggy.dask._core import Array, map_partitionwise
from jaggy.dask._projection import mark_length_dependents
from jaggy.dask._tree import Reducer, tree_reduce

__all__ = ["combinations", "count", "firsts", "max", "mean", "min", "num", "sum"]


def _check(array: Any, fname: str) -> Array:
    if not isinstance(array, Array):
        msg = f"jaggy.dask.{fname}: expected a jaggy.dask.Array, not {type(array).__name__}"
        raise TypeError(msg)
    return array


def _posaxis(array: Array, axis: Any, fname: str) -> Any:
    if axis is None:
        return None
    if not isinstance(axis, int) or isinstance(axis, bool):
        msg = f"jaggy.dask.{fname}: axis must be an integer or None, not {axis!r}"
        raise TypeError(msg)
    if axis >= 0:
        return axis
    pos = array.ndim + axis
    # an out-of-range negative axis is left for jaggy to report (on the meta, before any computing)
    return pos if pos >= 0 else axis


def _rowwise(fn: Any, array: Array, kwargs: dict, label: str) -> Array:
    meta = fn(array.meta, **kwargs)  # errors (bad axis, wrong type) surface here, before computing
    return map_partitionwise(fn, (array,), kwargs, meta=meta, label=label, keep_divisions=True)


def _reduction(name: str, fn: Any, array: Any, axis: Any, keepdims: bool, kwargs: dict) -> Any:
    array = _check(array, name)
    pos = _posaxis(array, axis, name)
    if pos is not None and pos != 0:
        return _rowwise(fn, array, {"axis": axis, "keepdims": keepdims, **kwargs}, name)
    if keepdims:
        msg = f"jaggy.dask.{name}: keepdims=True with axis={axis} is not implemented"
        raise NotImplementedError(msg)
    reduce_axis = None if pos is None or array.ndim == 1 else 0
    meta = None
    if reduce_axis == 0:
        meta = fn(array.meta, axis=0, **kwargs)
    else:
        fn(array.meta, axis=None, **kwargs)  # type errors surface now
    return tree_reduce(array, Reducer(name, fn, reduce_axis, kwargs), meta)


def sum(array: Any, axis: Any = None, *, keepdims: bool = False, mask_identity: bool = False,
        highlevel: bool = True, behavior: Mapping | None = None, attrs: Mapping | None = None) -> Any:
    """Sum, as ``jaggy.sum``: partition-wise for inner axes, a tree reduction for axis=0/None.

    Result: a jaggy.dask.Array, or a jaggy.dask.Scalar for axis=None (and axis=0 of 1-d data).

    Example:
        >>> import jaggy, jaggy.dask
        >>> arr = jaggy.dask.from_jaggy(jaggy.Array([[1, 2], [], [3]]), 2)
        >>> jaggy.dask.sum(arr, axis=1).compute().to_list()
        [3, 0, 3]

    Raises what ``jaggy.sum`` raises (before computing, from the meta), NotImplementedError for
    keepdims=True along axis 0/None.
    """
    kwargs = {"mask_identity": mask_identity, "behavior": behavior, "attrs": attrs}
    return _reduction("sum", jaggy.sum, array, axis, keepdims, kwargs)


def count(array: Any, axis: Any = None, *, keepdims: bool = False, mask_identity: bool = False,
          highlevel: bool = True, behavior: Mapping | None = None, attrs: Mapping | None = None) -> Any:
    """Count the non-None values, as ``jaggy.count`` (see ``jaggy.dask.sum`` for the partitioning).

    Example:
        >>> import jaggy, jaggy.dask
        >>> arr = jaggy.dask.from_jaggy(jaggy.Array([[1, None], [], [3]]), 2)
        >>> int(jaggy.dask.count(arr).compute())
        2
    """
    kwargs = {"mask_identity": mask_identity, "behavior": behavior, "attrs": attrs}
    return _reduction("count", jaggy.count, array, axis, keepdims, kwargs)


def min(array: Any, axis: Any = None, *, keepdims: bool = False, initial: Any = None, mask_identity: bool = True,
        highlevel: bool = True, behavior: Mapping | None = None, attrs: Mapping | None = None) -> Any:
    """Minimum, as ``jaggy.min`` (see ``jaggy.dask.sum`` for the partitioning).

    Example:
        >>> import jaggy, jaggy.dask
        >>> arr = jaggy.dask.from_jaggy(jaggy.Array([[4, 2], [], [3]]), 2)
        >>> int(jaggy.dask.min(arr, axis=None).compute())
        2
    """
    kwargs = {"initial": initial, "mask_identity": mask_identity, "behavior": behavior, "attrs": attrs}
    return _reduction("min", jaggy.min, array, axis, keepdims, kwargs)


def max(array: Any, axis: Any = None, *, keepdims: bool = False, initial: Any = None, mask_identity: bool = True,
        highlevel: bool = True, behavior: Mapping | None = None, attrs: Mapping | None = None) -> Any:
    """Maximum, as ``jaggy.max`` (see ``jaggy.dask.sum`` for the partitioning).

    Example:
        >>> import jaggy, jaggy.dask
        >>> arr = jaggy.dask.from_jaggy(jaggy.Array([[4, 2], [], [3]]), 2)
        >>> jaggy.dask.max(arr, axis=1).compute().to_list()
        [4, None, 3]
    """
    kwargs = {"initial": initial, "mask_identity": mask_identity, "behavior": behavior, "attrs": attrs}
    return _reduction("max", jaggy.max, array, axis, keepdims, kwargs)


def mean(x: Any, weight: Any = None, axis: Any = None, *, keepdims: bool = False, mask_identity: bool = False,
         highlevel: bool = True, behavior: Mapping | None = None, attrs: Mapping | None = None) -> Any:
    """Mean, as ``jaggy.mean``; axis=0/None is a tree reduction of sums and counts.

    Example:
        >>> import jaggy, jaggy.dask
        >>> arr = jaggy.dask.from_jaggy(jaggy.Array([[1, 2], [], [3]]), 2)
        >>> float(jaggy.dask.mean(arr, axis=None).compute())
        2.0

    Raises NotImplementedError for ``weight`` along axis 0/None.
    """
    x = _check(x, "mean")
    pos = _posaxis(x, axis, "mean")
    if pos is not None and pos != 0:
        if weight is not None:
            _check(weight, "mean")
            kwargs = {"axis": axis, "keepdims": keepdims, "mask_identity": mask_identity}
            meta = jaggy.mean(x.meta, weight.meta, **kwargs)
            return map_partitionwise(_weighted_mean, (x, weight), kwargs, meta=meta, label="mean",
                                     keep_divisions=True)
        return _rowwise(jaggy.mean, x, {"axis": axis, "keepdims": keepdims, "mask_identity": mask_identity}, "mean")
    if weight is not None:
        msg = "jaggy.dask.mean: weight with axis=0/None is not implemented"
        raise NotImplementedError(msg)
    return _reduction("mean", jaggy.mean, x, axis, keepdims, {})


def _weighted_mean(x: Any, weight: Any, **kwargs: Any) -> Any:
    return jaggy.mean(x, weight, **kwargs)


def num(array: Any, axis: int = 1, *, highlevel: bool = True, behavior: Mapping | None = None,
        attrs: Mapping | None = None) -> Any:
    """Lengths of the lists at ``axis``, as ``jaggy.num``; axis=0 gives the total length (a Scalar).

    Example:
        >>> import jaggy, jaggy.dask
        >>> arr = jaggy.dask.from_jaggy(jaggy.Array([[1, 2], [], [3]]), 2)
        >>> jaggy.dask.num(arr, axis=0).compute()
        3
    """
    array = _check(array, "num")
    pos = _posaxis(array, axis, "num")
    if pos == 0:
        return mark_length_dependents(tree_reduce(array, Reducer("num", jaggy.num, None, {}), None), array)
    return _rowwise(jaggy.num, array, {"axis": axis, "behavior": behavior, "attrs": attrs}, "num")


def firsts(array: Any, axis: int = 1, *, highlevel: bool = True, behavior: Mapping | None = None,
           attrs: Mapping | None = None) -> Any:
    """First item of each list at ``axis`` (None for empty lists), as ``jaggy.firsts``.

    Example:
        >>> import jaggy, jaggy.dask
        >>> arr = jaggy.dask.from_jaggy(jaggy.Array([[1, 2], [], [3]]), 2)
        >>> jaggy.dask.firsts(arr).compute().to_list()
        [1, None, 3]

    Raises NotImplementedError for axis=0 (not partition-wise).
    """
    array = _check(array, "firsts")
    if _posaxis(array, axis, "firsts") == 0:
        msg = "jaggy.dask.firsts: axis=0 is not implemented (it is not partition-wise)"
        raise NotImplementedError(msg)
    return _rowwise(jaggy.firsts, array, {"axis": axis, "behavior": behavior, "attrs": attrs}, "firsts")


def combinations(array: Any, n: int, *, replacement: bool = False, axis: int = 1, fields: Any = None,
                 parameters: Any = None, with_name: Any = None, highlevel: bool = True,
                 behavior: Mapping | None = None, attrs: Mapping | None = None) -> Any:
    """Combinations of ``n`` items within each list at ``axis``, as ``jaggy.combinations``.

    Example:
        >>> import jaggy, jaggy.dask
        >>> arr = jaggy.dask.from_jaggy(jaggy.Array([[1, 2, 3], [], [4]]), 2)
        >>> jaggy.dask.combinations(arr, 2).compute().to_list()
        [[(1, 2), (1, 3), (2, 3)], [], []]

    Raises NotImplementedError for axis=0 (not partition-wise).
    """
    array = _check(array, "combinations")
    if _posaxis(array, axis, "combinations") == 0:
        msg = "jaggy.dask.combinations: axis=0 is not implemented (it is not partition-wise)"
        raise NotImplementedError(msg)
    kwargs = {"replacement": replacement, "axis": axis, "fields": fields, "parameters": parameters,
              "with_name": with_name, "behavior": behavior, "attrs": attrs}
    return _rowwise(_combinations, array, {"n": n, **kwargs}, "combinations")


def _combinations(array: Any, n: int, **kwargs: Any) -> Any:
    return jaggy.combinations(array, n, **kwargs)
