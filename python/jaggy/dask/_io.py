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


def _restore(layout: Any, form: Any) -> Any:
    """Undo the option types Arrow adds to records read with only some of their columns: where
    ``form`` (the file's full form) has no option, the all-valid option node is dropped."""
    if layout.is_option and not form.is_option:
        inner = layout.content if type(layout).__name__ == "UnmaskedArray" else layout.project()
        if inner.length != layout.length:
            msg = "a projected column holds missing values where the file's type has none"
            raise ValueError(msg)
        layout = inner
    if layout.is_record and form.is_record:
        contents = [_restore(layout.content(f), form.content(f)) for f in layout.fields]
        return layout.copy(contents=contents)
    if hasattr(layout, "content") and not layout.is_record and hasattr(form, "content") and not form.is_record:
        content = layout.content
        restored = _restore(content, form.content)
        return layout if restored is content else layout.copy(content=restored)
    return layout


def _read_piece(path: str, row_groups: Any, columns: Any, index: int, *,
                storage_options: Mapping | None = None, form: Any = None) -> Any:
    try:
        out = jaggy.from_parquet(path, columns=columns, row_groups=row_groups, storage_options=storage_options)
        if form is not None and columns is not None and any(not isinstance(c, str) and len(c) > 1 for c in columns):
            try:
                out = jaggy.Array(_restore(out.layout, form), behavior=out.behavior, attrs=out.attrs)
            except Exception:  # an unexpected structure: read whole top-level fields instead
                top = sorted({c[0] for c in columns})
                out = jaggy.from_parquet(path, columns=[[t] for t in top], row_groups=row_groups,
                                         storage_options=storage_options)
        return out
    except Exception as err:
        msg = f"jaggy.dask.from_parquet: partition {index} ({path!r}): {err}"
        try:
            new = type(err)(msg)
        except Exception:
            new = RuntimeError(msg)
        raise new from err


#: footer facts of local files, keyed by (path, size, mtime) so that a rewritten file is read anew
_FOOTERS: dict[tuple, Any] = {}
_FOOTERS_MAX = 1024


def _local_key(path: str, storage_options: Mapping | None, *extra: Any) -> tuple | None:
    """A cache key for a plain local file, or None (remote files, unhashable arguments)."""
    import os

    if storage_options or "://" in str(path):
        return None
    try:
        st = os.stat(path)
        key = (str(path), st.st_size, st.st_mtime_ns, *extra)
        hash(key)
    except (OSError, TypeError):
        return None
    return key


def _cached(key: tuple | None, compute: Any) -> Any:
    if key is None:
        return compute()
    found = _FOOTERS.get(key)
    if found is None:
        found = compute()
        if len(_FOOTERS) >= _FOOTERS_MAX:
            _FOOTERS.clear()
        _FOOTERS[key] = found
    return found


def _row_group_counts(path: str, storage_options: Mapping | None) -> list:
    return list(_cached(_local_key(path, storage_options, "row-groups"),
                        lambda: _read_row_group_counts(path, storage_options)))


def _read_row_group_counts(path: str, storage_options: Mapping | None) -> list:
    from jaggy.io.parquet import _filesystem, _import, _open

    _, pq = _import("dask.from_parquet")
    fs, inner = _filesystem(path, storage_options)
    with _open(fs, inner, "rb") as f:
        md = pq.ParquetFile(f).metadata
        return [md.row_group(i).num_rows for i in range(md.num_row_groups)]


def from_parquet(path: Any, *, columns: Any = None, split_row_groups: bool | int = False,
                 storage_options: Mapping | None = None) -> Array:
    """Read Parquet files lazily, one partition per file (or per group of row groups).

    Parameters:
        path: a file, a directory of ``.parquet`` files, a glob or a list of paths.
        columns: the fields to read, as in ``jaggy.from_parquet``; when the array is computed, only
            the columns its result depends on are read (column projection).
        split_row_groups: False for one partition per file; True for one per row group; an int n
            for one per n row groups of a file.
        storage_options: passed to fsspec.

    Result: a jaggy.dask.Array whose divisions come from the row counts in the file footers (the
    footers are read now; the data when the array is computed).

    Example:
        >>> import jaggy, jaggy.dask
        >>> _ = jaggy.to_parquet(jaggy.Array([[1, 2], [3]]), "/tmp/jaggy-dask-doc.parquet")
        >>> jaggy.dask.from_parquet("/tmp/jaggy-dask-doc.parquet").compute().to_list()
        [[1, 2], [3]]

    Raises FileNotFoundError when nothing matches ``path``, ValueError for column patterns that
    match nothing or a bad ``split_row_groups``.
    """
    from jaggy.dask._projection import ParquetSourceLayer, leaf_paths
    from jaggy.io.parquet import _expand

    if isinstance(split_row_groups, bool):
        step = 1 if split_row_groups else 0
    elif isinstance(split_row_groups, (int, np.integer)) and split_row_groups > 0:
        step = int(split_row_groups)
    else:
        msg = f"jaggy.dask.from_parquet: split_row_groups must be a bool or a positive int, not {split_row_groups!r}"
        raise ValueError(msg)
    _, files = _expand(path, storage_options, "jaggy.dask.from_parquet")
    pieces: list[tuple[str, list[int] | None]] = []
    counts: list[int] = []
    for f in files:
        groups = _row_group_counts(f, storage_options)
        if step == 0 or not groups:
            pieces.append((f, None))
            counts.append(sum(groups))
            continue
        for start in range(0, len(groups), step):
            pieces.append((f, list(range(start, min(start + step, len(groups))))))
            counts.append(sum(groups[start:start + step]))
    wanted = tuple(columns) if isinstance(columns, (list, tuple)) else columns
    meta = _cached(_local_key(files[0], storage_options, "meta", wanted),
                   lambda: jaggy.from_parquet(files[0], columns=columns, row_groups=[],
                                              storage_options=storage_options))
    name = new_name("from-parquet", tuple(files), columns, counts, step)
    read = functools.partial(_read_piece, storage_options=storage_options, form=meta.layout.form)
    layer = ParquetSourceLayer(name, pieces, columns, read, leaf_paths(meta.layout.form))
    graph = HighLevelGraph.from_collections(name, layer, dependencies=())
    divisions = (0, *np.cumsum(counts).tolist())
    return Array(graph, name, meta, len(pieces), divisions)
