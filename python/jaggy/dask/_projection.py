"""Column projection for Parquet sources of jaggy.dask graphs.

A Parquet source layer (``ParquetSourceLayer``) reads whole files or row groups. Layers that use
their input only through record fields are marked (``mark_fields``), layers that use only the
length of their input are marked ``mark_length``, and layers that pass partitions through
unchanged (``partitions[i]``) are marked ``mark_passthrough``; every unmarked layer uses all of
its input. ``optimize`` (the collections' ``__dask_optimize__``) walks from each source to the
graph's outputs, collects the field paths actually used, and replaces the source by one that reads
only those columns. It never reads zero columns: a length-only graph reads the first leaf column.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from dask.base import tokenize
from dask.highlevelgraph import HighLevelGraph, MaterializedLayer

__all__ = [
    "ParquetSourceLayer", "leaf_paths", "mark_fields", "mark_length", "mark_length_dependents", "mark_passthrough", "optimize", "used_paths",
]

_ALL = ()  # the empty path: the whole input is used


def _layer_of(array: Any) -> Any:
    return array.__dask_graph__().layers[array.name]


def mark_fields(array: Any, where: Any) -> Any:
    """Record that the output layer of ``array`` is its only collection input's field ``where`` (a
    string) or the record of fields ``where`` (a list of strings)."""
    if isinstance(where, str):
        _layer_of(array).jaggy_use = ("field", where)
    elif isinstance(where, list) and all(isinstance(w, str) for w in where):
        _layer_of(array).jaggy_use = ("select", tuple(where))
    return array


def mark_length(array: Any) -> Any:
    """Record that the output layer of ``array`` (or a layer name in its graph) uses only lengths."""
    _layer_of(array).jaggy_use = ("length",)
    return array


def mark_length_dependents(result: Any, array: Any) -> Any:
    """Record that the layers of ``result``'s graph that read ``array`` directly (the chunk layer
    of a tree reduction such as ``num(axis=0)``) use only its lengths."""
    graph = result.__dask_graph__()
    for name, deps in graph.dependencies.items():
        if array.name in deps and name != array.name:
            graph.layers[name].jaggy_use = ("length",)
    return result


def mark_passthrough(array: Any) -> Any:
    """Record that the output layer of ``array`` passes partitions of its input through unchanged."""
    _layer_of(array).jaggy_use = ("pass",)
    return array


def leaf_paths(form: Any) -> list[tuple]:
    """The field paths of the leaves under ``form`` (lists, options and indexes are transparent;
    strings and unions are leaves)."""
    if form.is_record:
        return [(f, *p) for f, c in zip(form.fields, form.contents) for p in leaf_paths(c)]
    if form.parameter("__array__") in ("string", "bytestring") or form.is_union or form.is_numpy \
            or form.is_unknown:
        return [()]
    return leaf_paths(form.content)


class ParquetSourceLayer(MaterializedLayer):
    """One task per partition, each reading one file (or some of its row groups) with
    ``read(path, row_groups, columns, index)``; ``columns`` is None for every column of ``meta``.

    ``leaf_paths`` lists the field paths of ``meta``'s leaves (used to pick one column when only
    lengths are needed); ``project(paths)`` gives a new layer reading only those field paths.
    """

    def __init__(self, name: str, pieces: Sequence[tuple], columns: Any, read: Callable,
                 leaf_paths: Sequence[tuple]) -> None:
        self.source_name = name
        self.pieces = list(pieces)
        self.columns = columns
        self.read = read
        self.leaf_paths = [tuple(p) for p in leaf_paths]
        tasks = {(name, i): (functools.partial(read, path, groups, columns), i)
                 for i, (path, groups) in enumerate(self.pieces)}
        super().__init__(tasks)

    def project(self, paths: Iterable[tuple]) -> ParquetSourceLayer:
        """A copy that reads only the columns under ``paths`` (a set of field-name tuples)."""
        # (reading part of a nested record makes Arrow give an option-type record, ``?{pt}``
        # instead of ``{pt, eta}``; the reader drops those options again, see _io._restore)
        paths = sorted({tuple(p) for p in paths})
        if not paths:  # lengths only: never read zero columns
            paths = self.leaf_paths[:1]
        if not paths or any(p == _ALL for p in paths):
            return self
        if all(any(leaf[:len(p)] == p for p in paths) for leaf in self.leaf_paths):
            return self  # every column is needed: read as the source says (Arrow is faster so)
        columns = [list(p) for p in paths]  # lists of strings: literal parts, not dotted patterns
        return ParquetSourceLayer(self.source_name, self.pieces, columns, self.read, self.leaf_paths)


def _paths(name: str, layers: Mapping, dependents: Mapping, outputs: set, memo: dict) -> set:
    """The field paths through which layer ``name``'s result is used (``()``: all of it)."""
    if name in memo:
        return memo[name]
    out: set = {_ALL} if name in outputs else set()
    for dep in dependents.get(name, ()):
        use: Any = getattr(layers[dep], "jaggy_use", None)
        kind = None if use is None else use[0]
        if kind == "length":
            continue
        if kind == "pass":
            out |= _paths(dep, layers, dependents, outputs, memo)
        elif kind == "field":  # one field: the result is the field's content
            out |= {(use[1], *p) for p in _paths(dep, layers, dependents, outputs, memo)}
            if not memo[dep]:
                out.add((use[1],))
        elif kind == "select":  # several fields: the selection needs each of them to exist
            out |= {(f,) for f in use[1]}
        else:
            out.add(_ALL)
    memo[name] = out
    return out


def _minimal(paths: set) -> set:
    """Drop paths that lie under another path in the set (the shorter one reads them anyway)."""
    return {p for p in paths if not any(len(q) < len(p) and p[:len(q)] == q for q in paths)}


def used_paths(graph: HighLevelGraph, source: str, output_layers: Iterable[str],
               dependents: Mapping | None = None) -> set:
    """The field paths through which the outputs use layer ``source`` (``{()}``: all of it)."""
    if dependents is None:
        dependents = _dependents(graph)
    return _minimal(_paths(source, graph.layers, dependents, set(output_layers), {}))


def _output_layers(keys: Any) -> set:
    names: set = set()
    stack = [keys]
    while stack:
        k = stack.pop()
        if isinstance(k, list):
            stack.extend(k)
        elif isinstance(k, tuple) and k:
            names.add(k[0])
        elif isinstance(k, str):
            names.add(k)
    return names


def _dependents(graph: HighLevelGraph) -> dict[str, set]:
    dependents: dict[str, set] = {}
    for name, deps in graph.dependencies.items():
        for d in deps:
            dependents.setdefault(d, set()).add(name)
    return dependents


def _downstream(dependents: Mapping, source: str) -> set:
    seen, stack = set(), [source]
    while stack:
        for d in dependents.get(stack.pop(), ()):
            if d not in seen:
                seen.add(d)
                stack.append(d)
    return seen


def _substitute(task: Any, rename: Mapping) -> Any:
    """``task`` with every key ``(name, i)`` of a renamed layer pointing to the new name."""
    if isinstance(task, tuple):
        if len(task) == 2 and isinstance(task[0], str) and task[0] in rename:
            return (rename[task[0]], task[1])
        return tuple(_substitute(t, rename) for t in task)
    if isinstance(task, list):
        return [_substitute(t, rename) for t in task]
    return task


def _foreign(layer: Any) -> bool:
    """Whether a layer was not built by jaggy.dask (its tasks cannot be rewritten here)."""
    if not isinstance(layer, MaterializedLayer):
        return True
    try:
        from dask._task_spec import GraphNode
    except ImportError:  # older Dask: every task is a tuple
        return False
    return any(isinstance(v, GraphNode) for v in layer.mapping.values())


def optimize(dsk: Any, keys: Any, **kwargs: Any) -> Any:
    """``__dask_optimize__`` of jaggy.dask collections: project every Parquet source onto the
    columns its dependents use; other graphs are returned unchanged.

    The projected source and every layer computed from it (except the output layers, whose
    values do not depend on the projection) get new names, so that graphs optimized separately
    and merged later (``client.compute([a, b])``) never mix differently projected layers."""
    if not isinstance(dsk, HighLevelGraph):
        return dsk
    from jaggy.dask._fusion import fuse_partitionwise

    outputs = _output_layers(keys)
    return fuse_partitionwise(_project(dsk, outputs), outputs)


def _project(dsk: HighLevelGraph, outputs: set) -> HighLevelGraph:
    sources = [n for n, layer in dsk.layers.items() if isinstance(layer, ParquetSourceLayer)]
    if not sources:
        return dsk
    outputs = set(outputs)
    foreign = {name for name, layer in dsk.layers.items() if _foreign(layer)}
    for name in dsk.layers:  # what other layers read keeps its name
        if name in outputs or name in foreign:
            outputs |= set(dsk.dependencies.get(name, ()))
    layers = dict(dsk.layers)
    dependents = _dependents(dsk)
    rename: dict[str, str] = {}
    touched: set = set()
    for name in sources:
        projected = layers[name].project(used_paths(dsk, name, outputs, dependents))
        if projected is layers[name]:
            continue
        suffix = "-cols-" + tokenize(projected.columns)[:12]
        rename[name] = name + suffix
        layers[name] = ParquetSourceLayer(name + suffix, projected.pieces, projected.columns, projected.read,
                                          projected.leaf_paths)
        below = _downstream(dependents, name)
        touched |= below | {name}
        for d in below - outputs:
            rename.setdefault(d, d + suffix)
    if not rename:
        return dsk
    new_layers, new_deps = {}, {}
    for name, layer in layers.items():
        new = rename.get(name, name)
        if name in touched and not isinstance(layer, ParquetSourceLayer) and name not in foreign:
            layer = MaterializedLayer({(rename.get(k[0], k[0]), *k[1:]) if isinstance(k, tuple) else k:
                                       _substitute(v, rename) for k, v in layer.items()})
        new_layers[new] = layer
        new_deps[new] = {rename.get(d, d) for d in dsk.dependencies.get(name, ())}
    return HighLevelGraph(new_layers, new_deps)
