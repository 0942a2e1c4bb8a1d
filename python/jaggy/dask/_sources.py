"""More jaggy.dask sources: ``from_map`` (a function over an iterable), ``from_delayed`` (Dask
Delayed objects) and ``from_json`` (line-delimited JSON files, one partition per file)."""

from __future__ import annotations

import functools
import itertools
import os
import pathlib
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from dask.highlevelgraph import HighLevelGraph, MaterializedLayer

import jaggy
from jaggy.dask._core import Array, new_name

__all__ = ["from_delayed", "from_json", "from_map"]


def _rethrow(where: str, index: int, err: Exception) -> Exception:
    msg = f"jaggy.dask.{where}: partition {index}: {err}"
    try:
        new = type(err)(msg)
    except Exception:
        new = RuntimeError(msg)
    new.__cause__ = err
    return new


def _as_jaggy(value: Any, where: str, index: int) -> Any:
    if isinstance(value, jaggy.Array):
        return value
    try:
        return jaggy.Array(value)
    except Exception as err:
        msg = f"jaggy.dask.{where}: partition {index} is a {type(value).__name__}, not an array ({err})"
        raise TypeError(msg) from err


def _call_map(fn: Callable, args: tuple, index: int, *, kwargs: dict) -> Any:
    try:
        out = fn(*args, **kwargs)
    except Exception as err:
        raise _rethrow("from_map", index, err) from err
    return _as_jaggy(out, "from_map", index)


def _check_divisions(divisions: Sequence[int] | None, n: int, where: str) -> tuple | None:
    if divisions is None:
        return None
    divisions = tuple(int(d) for d in divisions)
    if len(divisions) != n + 1 or divisions[0] != 0 or any(b < a for a, b in itertools.pairwise(divisions)):
        msg = (f"jaggy.dask.{where}: divisions must be {n + 1} non-decreasing row offsets starting at 0, "
               f"not {divisions!r}")
        raise ValueError(msg)
    return divisions


def _meta_of(meta: Any, where: str) -> Any:
    if not isinstance(meta, jaggy.Array):
        msg = f"jaggy.dask.{where}: meta must be a jaggy.Array (any length) with the partitions' type"
        raise TypeError(msg)
    return meta[:0]


def from_map(fn: Callable, *iterables: Iterable, meta: Any = None, divisions: Sequence[int] | None = None,
             label: str | None = None, **kwargs: Any) -> Array:
    """One partition per item: partition i is ``fn(iterables[0][i], iterables[1][i], ..., **kwargs)``.

    Parameters:
        fn: a function returning a jaggy.Array (or anything ``jaggy.Array`` accepts).
        iterables: one or more iterables of the same length (the number of partitions).
        meta: a jaggy.Array with the partitions' type; when None, ``fn`` is called now on the first
            items to find it (that partition is read twice).
        divisions: the row offsets of the partitions when known (``npartitions + 1`` numbers).
        label: a prefix for the graph-layer name.
        kwargs: passed to every call of ``fn``.

    Result: a jaggy.dask.Array.

    Example:
        >>> import jaggy, jaggy.dask
        >>> arr = jaggy.dask.from_map(lambda n: jaggy.Array([[n] * n]), [1, 2, 3])
        >>> arr.compute().to_list()
        [[1], [2, 2], [3, 3, 3]]

    Raises ValueError when there is nothing to map or the iterables differ in length or the
    divisions are not ``npartitions + 1`` non-decreasing offsets, TypeError for a bad ``meta``.
    """
    if not iterables:
        msg = "jaggy.dask.from_map: give at least one iterable"
        raise ValueError(msg)
    columns = [list(it) for it in iterables]
    n = len(columns[0])
    if n == 0 or any(len(c) != n for c in columns):
        msg = f"jaggy.dask.from_map: the iterables must be non-empty and of equal length, not {[len(c) for c in columns]}"
        raise ValueError(msg)
    items = list(zip(*columns))
    divisions = _check_divisions(divisions, n, "from_map")
    meta = _call_map(fn, items[0], 0, kwargs=kwargs)[:0] if meta is None else _meta_of(meta, "from_map")
    fname = label or getattr(fn, "__name__", "from-map").replace("<", "").replace(">", "")
    name = new_name(f"{fname}-from-map", fn, items, kwargs)
    call = functools.partial(_call_map, fn, kwargs=kwargs)
    layer = {(name, i): (call, args, i) for i, args in enumerate(items)}
    graph = HighLevelGraph.from_collections(name, MaterializedLayer(layer), dependencies=())
    return Array(graph, name, meta, n, divisions)


def _check_delayed(value: Any, index: int) -> Any:
    return _as_jaggy(value, "from_delayed", index)


def from_delayed(source: Any, *, meta: Any = None, divisions: Sequence[int] | None = None) -> Array:
    """A jaggy.dask.Array whose partitions are the results of Dask Delayed objects.

    Parameters:
        source: a Delayed object or a list of them (one per partition), each giving a jaggy.Array.
        meta: a jaggy.Array with the partitions' type; when None, the first Delayed object is
            computed now to find it.
        divisions: the row offsets of the partitions when known.

    Result: a jaggy.dask.Array.

    Example:
        >>> import dask, jaggy, jaggy.dask
        >>> parts = [dask.delayed(jaggy.Array)([[1, 2]]), dask.delayed(jaggy.Array)([[3]])]
        >>> jaggy.dask.from_delayed(parts).compute().to_list()
        [[1, 2], [3]]

    Raises TypeError when ``source`` holds something other than Delayed objects or for a bad
    ``meta``, ValueError for an empty list or bad divisions.
    """
    from dask.delayed import Delayed

    parts = [source] if isinstance(source, Delayed) else list(source)
    if not parts:
        msg = "jaggy.dask.from_delayed: give at least one Delayed object"
        raise ValueError(msg)
    for i, p in enumerate(parts):
        if not isinstance(p, Delayed):
            msg = f"jaggy.dask.from_delayed: item {i} is a {type(p).__name__}, not a dask Delayed object"
            raise TypeError(msg)
    divisions = _check_divisions(divisions, len(parts), "from_delayed")
    if meta is None:
        meta = _check_delayed(parts[0].compute(), 0)[:0]
    else:
        meta = _meta_of(meta, "from_delayed")
    name = new_name("from-delayed", *[p.key for p in parts])
    layer = {(name, i): (_check_delayed, p.key, i) for i, p in enumerate(parts)}
    graph = HighLevelGraph.from_collections(name, MaterializedLayer(layer), dependencies=parts)
    return Array(graph, name, meta, len(parts), divisions)


def _json_files(source: Any) -> list[str]:
    import glob

    paths = [source] if isinstance(source, (str, os.PathLike)) else list(source)
    files: list[str] = []
    for p in paths:
        p = os.fspath(p)
        if os.path.isdir(p):
            files.extend(sorted(os.path.join(p, f) for f in os.listdir(p)
                                if os.path.isfile(os.path.join(p, f)) and not f.startswith((".", "_"))))
        elif any(c in p for c in "*?["):
            files.extend(sorted(glob.glob(p)))
        else:
            files.append(p)
    if not files:
        msg = f"jaggy.dask.from_json: no files found at {source!r}"
        raise FileNotFoundError(msg)
    return files


def _read_json(path: str, index: int, *, kwargs: dict) -> Any:
    try:
        return jaggy.from_json(pathlib.Path(path), line_delimited=True, **kwargs)
    except Exception as err:
        raise _rethrow("from_json", index, err) from err


def from_json(source: Any, *, schema: Any = None, meta: Any = None, nan_string: str | None = None,
              posinf_string: str | None = None, neginf_string: str | None = None,
              complex_record_fields: tuple[str, str] | None = None) -> Array:
    """Read line-delimited JSON files lazily, one partition per file.

    Parameters:
        source: a file, a directory (every visible file in it), a glob, or a list of them.
        schema: a JSONSchema, as in ``jaggy.from_json``.
        meta: a jaggy.Array with the partitions' type; when None, the first file is read now to
            find it.
        nan_string, posinf_string, neginf_string, complex_record_fields: as in ``jaggy.from_json``.

    Result: a jaggy.dask.Array (unknown divisions: the row counts need reading the files).

    Example:
        >>> import pathlib, jaggy, jaggy.dask
        >>> _ = pathlib.Path("/tmp/jaggy-dask-doc.jsonl").write_text('[1, 2]\\n[]\\n')
        >>> jaggy.dask.from_json("/tmp/jaggy-dask-doc.jsonl").compute().to_list()
        [[1, 2], []]

    Raises FileNotFoundError when nothing matches ``source``; errors while reading a file name
    its partition.
    """
    files = _json_files(source)
    kwargs = {"schema": schema, "nan_string": nan_string, "posinf_string": posinf_string,
              "neginf_string": neginf_string, "complex_record_fields": complex_record_fields}
    meta = _read_json(files[0], 0, kwargs=kwargs)[:0] if meta is None else _meta_of(meta, "from_json")
    name = new_name("from-json", tuple(files), kwargs)
    read = functools.partial(_read_json, kwargs=kwargs)
    layer = {(name, i): (read, f, i) for i, f in enumerate(files)}
    graph = HighLevelGraph.from_collections(name, MaterializedLayer(layer), dependencies=())
    return Array(graph, name, meta, len(files), None)
