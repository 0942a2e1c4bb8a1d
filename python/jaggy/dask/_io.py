"""jaggy.dask sources: an in-memory jaggy.Array split into partitions, and Parquet files."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Any

import numpy as np
from dask.highlevelgraph import HighLevelGraph, MaterializedLayer

import jaggy
from jaggy.dask._core import Array, new_name

__all__ = ["from_jaggy", "from_parquet"]


def from_jaggy(array: Any, npartitions: int) -> Array:
    """Split a jaggy.Array (or anything ``jaggy.Array`` accepts) into ``npartitions`` partitions of
    nearly equal length along axis 0.

    Parameters:
        array: the data.
        npartitions: the number of partitions (at least 1; fewer when the array is shorter).

    Result: a jaggy.dask.Array with known divisions.

    Example:
        >>> import jaggy, jaggy.dask
        >>> jaggy.dask.from_jaggy(jaggy.Array([[1], [2, 3], []]), 2).npartitions
        2

    Raises ValueError when ``npartitions`` is not a positive integer.
    """
    if not isinstance(npartitions, (int, np.integer)) or isinstance(npartitions, bool) or npartitions < 1:
        msg = f"jaggy.dask.from_jaggy: npartitions must be a positive integer, not {npartitions!r}"
        raise ValueError(msg)
    if not isinstance(array, jaggy.Array):
        array = jaggy.Array(array)
    length = len(array)
    n = max(1, min(int(npartitions), length))
    divisions = np.linspace(0, length, n + 1).round().astype(np.int64).tolist()
    name = new_name("from-jaggy")
    layer = {(name, i): array[divisions[i]:divisions[i + 1]] for i in range(n)}
    graph = HighLevelGraph.from_collections(name, MaterializedLayer(layer), dependencies=())
    return Array(graph, name, array[:0], n, divisions)


def _read_file(path: str, columns: Any, storage_options: Mapping | None) -> Any:
    return jaggy.from_parquet(path, columns=columns, storage_options=storage_options)


def from_parquet(path: Any, *, columns: Any = None, storage_options: Mapping | None = None) -> Array:
    """Read Parquet files lazily, one partition per file.

    Parameters:
        path: a file, a directory of ``.parquet`` files, a glob or a list of paths.
        columns: the fields to read, as in ``jaggy.from_parquet``.
        storage_options: passed to fsspec.

    Result: a jaggy.dask.Array whose divisions come from the row counts in the file footers (the
    footers are read now; the data when the array is computed).

    Example:
        >>> import jaggy, jaggy.dask
        >>> _ = jaggy.to_parquet(jaggy.Array([[1, 2], [3]]), "/tmp/jaggy-dask-doc.parquet")
        >>> jaggy.dask.from_parquet("/tmp/jaggy-dask-doc.parquet").compute().to_list()
        [[1, 2], [3]]

    Raises FileNotFoundError when nothing matches ``path``, ValueError for column patterns that
    match nothing.
    """
    from jaggy.io.parquet import _expand

    _, files = _expand(path, storage_options, "jaggy.dask.from_parquet")
    if not files:
        msg = f"jaggy.dask.from_parquet: no files match {path!r}"
        raise FileNotFoundError(msg)
    counts = [jaggy.metadata_from_parquet(f, storage_options=storage_options)["num_rows"] for f in files]
    meta = jaggy.from_parquet(files[0], columns=columns, row_groups=[], storage_options=storage_options)
    name = new_name("from-parquet", tuple(files), columns, counts)
    layer = {(name, i): (functools.partial(_read_file, f, columns, storage_options),) for i, f in enumerate(files)}
    graph = HighLevelGraph.from_collections(name, MaterializedLayer(layer), dependencies=())
    divisions = (0, *np.cumsum(counts).tolist())
    return Array(graph, name, meta, len(files), divisions)
