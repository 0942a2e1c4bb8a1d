"""jaggy.dask writers: ``to_parquet`` writes one Parquet file per partition."""

from __future__ import annotations

import functools
import os
from collections.abc import Mapping
from typing import Any

from dask.highlevelgraph import HighLevelGraph, MaterializedLayer

import jaggy
from jaggy.dask._core import Array, Scalar, new_name

__all__ = ["to_parquet"]


def _write_part(destination: str, prefix: str, width: int, kwargs: dict, index: int, part: Any) -> int:
    name = f"{prefix}{index:0{width}d}.parquet"
    path = f"{destination.rstrip('/')}/{name}" if "://" in destination else os.path.join(destination, name)
    try:
        jaggy.to_parquet(part, path, **kwargs)
    except Exception as err:
        msg = f"jaggy.dask.to_parquet: partition {index} ({path!r}): {err}"
        try:
            new = type(err)(msg)
        except Exception:
            new = RuntimeError(msg)
        raise new from err
    return len(part)


def _total(counts: list) -> int:
    return int(sum(counts))


def _make_directory(destination: str, storage_options: Mapping | None) -> None:
    if "://" in destination and not destination.startswith("file://"):
        import fsspec.core

        fs, inner = fsspec.core.url_to_fs(destination, **(storage_options or {}))
        fs.mkdirs(inner, exist_ok=True)
    else:
        os.makedirs(destination.removeprefix("file://"), exist_ok=True)


def to_parquet(array: Array, destination: Any, *, prefix: str = "part", compute: bool = True,
               storage_options: Mapping | None = None, **kwargs: Any) -> Any:
    """Write each partition of ``array`` to its own Parquet file ``<prefix><i>.parquet`` in the
    directory ``destination`` (created if needed).

    Parameters:
        array: a jaggy.dask.Array.
        destination: a directory path or URL.
        prefix: the start of each file name (the partition number follows, zero-padded).
        compute: write now (True) or return a lazy jaggy.dask.Scalar that writes when computed and
            gives the number of rows written.
        storage_options: passed to fsspec (for ``destination`` and every file).
        kwargs: passed to ``jaggy.to_parquet`` (compression, row_group_size, ...).

    Result: the number of rows written (compute=True), otherwise a jaggy.dask.Scalar.

    Example:
        >>> import jaggy, jaggy.dask
        >>> arr = jaggy.dask.from_jaggy(jaggy.Array([[1, 2], [], [3]]), 2)
        >>> jaggy.dask.to_parquet(arr, "/tmp/jaggy-dask-doc-out")
        3
        >>> jaggy.dask.from_parquet("/tmp/jaggy-dask-doc-out").npartitions
        2

    Raises TypeError when ``array`` is not a jaggy.dask.Array; errors while writing name the
    partition.
    """
    if not isinstance(array, Array):
        msg = f"jaggy.dask.to_parquet: expected a jaggy.dask.Array, not {type(array).__name__}"
        raise TypeError(msg)
    destination = os.fspath(destination)
    _make_directory(destination, storage_options)
    if storage_options is not None:
        kwargs["storage_options"] = storage_options
    width = max(1, len(str(array.npartitions - 1)))
    write = functools.partial(_write_part, destination, prefix, width, kwargs)
    name = new_name("to-parquet", array.name, destination, prefix, kwargs)
    layer = {(name, i): (write, i, (array.name, i)) for i in range(array.npartitions)}
    final = f"{name}-total"
    graph = HighLevelGraph.from_collections(name, MaterializedLayer(layer), dependencies=[array])
    graph = HighLevelGraph.from_collections(
        final, MaterializedLayer({(final, 0): (_total, [(name, i) for i in range(array.npartitions)])}),
        dependencies=[_Keys(graph, name, array.npartitions)])
    out = Scalar(graph, final)
    return out.compute() if compute else out


class _Keys:
    """A minimal collection (graph + keys) so ``HighLevelGraph.from_collections`` can depend on a layer."""

    def __init__(self, graph: HighLevelGraph, name: str, n: int) -> None:
        self._graph, self._name, self._n = graph, name, n

    def __dask_graph__(self) -> HighLevelGraph:
        return self._graph

    def __dask_layers__(self) -> tuple:
        return (self._name,)

    def __dask_keys__(self) -> list:
        return [(self._name, i) for i in range(self._n)]
