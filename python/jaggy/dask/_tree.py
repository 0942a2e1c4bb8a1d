"""Tree reductions over the partitions of a jaggy.dask.Array (axis=None or axis=0).

Each partition is reduced by a ``chunk`` function to a partial result; partial results are combined
``split_every`` at a time by ``combine`` until one is left, which ``finalize`` turns into the answer.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, Protocol

import numpy as np
from dask.highlevelgraph import HighLevelGraph, MaterializedLayer

import jaggy
from jaggy.dask._core import Array, Scalar, new_name, run_partition

__all__ = ["Reducer", "tree_reduce"]

SPLIT_EVERY = 8


def _stack(results: list) -> Any:
    """Partial axis=0 results (arrays of different lengths) as the rows of one array."""
    lengths = np.array([len(r) for r in results], dtype=np.int64)
    return jaggy.unflatten(jaggy.concatenate(results), lengths)


def _add(parts: list) -> Any:
    return functools.reduce(lambda a, b: a + b, parts)


def _extreme(pick: Callable, parts: list) -> Any:
    valid = [p for p in parts if p is not None]
    return pick(valid) if valid else None


class ReducerLike(Protocol):
    """What ``tree_reduce`` uses (``Reducer`` and the reducers of ``_reductions``)."""

    name: str
    axis: Any
    kwargs: dict

    def chunk(self, part: Any) -> Any: ...
    def combine(self, parts: list) -> Any: ...
    def finalize(self, partial: Any) -> Any: ...


class Reducer:
    """How one reduction is split: ``chunk(partition)``, ``combine(list of partials)``,
    ``finalize(partial)``, and the ``meta`` of the result (an Array for axis=0 on nested data)."""

    def __init__(self, name: str, reducer: Callable, axis: Any, kwargs: dict) -> None:
        self.name = name
        self.reducer = reducer
        self.axis = axis
        self.kwargs = kwargs

    def chunk(self, part: Any) -> Any:
        if self.name == "mean":
            return (jaggy.sum(part, axis=self.axis), jaggy.count(part, axis=self.axis))
        if self.name == "num":
            return len(part)
        return self.reducer(part, axis=self.axis, **self.kwargs)

    def _combine_one(self, parts: list, op: str) -> Any:
        if self.axis is None:
            if op in ("sum", "count", "num"):
                return _add(parts)
            return _extreme(min if op == "min" else max, parts)
        stacked = _stack(parts)
        if op in ("sum", "count"):
            return jaggy.sum(stacked, axis=0)
        kwargs = dict(self.kwargs)
        return getattr(jaggy, op)(stacked, axis=0, **kwargs)

    def combine(self, parts: list) -> Any:
        if self.name == "mean":
            return (self._combine_one([p[0] for p in parts], "sum"), self._combine_one([p[1] for p in parts], "sum"))
        return self._combine_one(list(parts), self.name)

    def finalize(self, partial: Any) -> Any:
        if self.name == "mean":
            total, count = partial
            with np.errstate(divide="ignore", invalid="ignore"):
                if self.axis is None:
                    return np.float64(total) / np.float64(count)
                return total / count
        return partial


def tree_reduce(array: Array, reducer: ReducerLike, meta: Any, split_every: int = SPLIT_EVERY) -> Any:
    """Build the tree-reduction graph; a Scalar when ``meta`` is None, otherwise a one-partition Array."""
    token = new_name(f"{reducer.name}-chunk", array.name, reducer.axis, reducer.kwargs).split("-")[-1]
    label = reducer.name
    chunk_name = f"{label}-chunk-{token}"
    chunk = functools.partial(run_partition, reducer.chunk, (True,), (), {})
    layers: dict[str, dict] = {chunk_name: {(chunk_name, i): (chunk, i, (array.name, i)) for i in range(array.npartitions)}}
    deps = {chunk_name: {array.name}}
    keys, previous, level = [(chunk_name, i) for i in range(array.npartitions)], chunk_name, 0
    while len(keys) > 1:
        level += 1
        name = f"{label}-combine{level}-{token}"
        groups = [keys[i:i + split_every] for i in range(0, len(keys), split_every)]
        layers[name] = {(name, j): (reducer.combine, list(g)) for j, g in enumerate(groups)}
        deps[name] = {previous}
        keys, previous = [(name, j) for j in range(len(groups))], name
    final = f"{label}-{token}"
    layers[final] = {(final, 0): (reducer.finalize, keys[0])}
    deps[final] = {previous}
    for name, graph in array.__dask_graph__().layers.items():
        layers.setdefault(name, graph)
    for name, d in array.__dask_graph__().dependencies.items():
        deps.setdefault(name, set(d))
    graph = HighLevelGraph({k: v if not isinstance(v, dict) else MaterializedLayer(v) for k, v in layers.items()}, deps)
    if meta is None:
        return Scalar(graph, final)
    return Array(graph, final, meta, 1, None)
