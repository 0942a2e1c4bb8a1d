"""Partition-wise fusion of jaggy.dask graphs: one task per partition instead of one per operation.

A layer is *aligned* when its keys are ``(name, 0) ... (name, n-1)`` and task i refers only to keys
``(other, i)`` of other layers (row-wise operations, Parquet reads, tree-reduction chunks).
Connected aligned layers with the same n form a group; for each partition the group runs as one
task (``_run_fused`` evaluates the small graph in order), and the layers read from outside the group
(outputs, tree-reduction combines, foreign layers) stay available under their names as picks
from that task's result. With Dask's per-task cost (about a millisecond on a distributed
scheduler), this keeps the overhead independent of the number of operations.
"""

from __future__ import annotations

import functools
import hashlib
import operator
from collections.abc import Mapping
from typing import Any

from dask.highlevelgraph import HighLevelGraph, MaterializedLayer

__all__ = ["fuse_partitionwise"]


class _Fused:
    """The tasks of one group for one partition (opaque to Dask, so it does not parse them)."""

    __slots__ = ("drops", "exports", "externals", "tasks")

    def __init__(self, tasks: tuple, externals: tuple, exports: tuple, drops: tuple) -> None:
        self.tasks, self.externals, self.exports, self.drops = tasks, externals, exports, drops

    def __reduce__(self) -> tuple:
        return (_Fused, (self.tasks, self.externals, self.exports, self.drops))


def _evaluate(task: Any, env: dict) -> Any:
    if isinstance(task, tuple):
        if task and callable(task[0]):
            return task[0](*[_evaluate(a, env) for a in task[1:]])
        try:
            if task in env:
                return env[task]
        except TypeError:  # unhashable contents: not a key
            pass
        return tuple(_evaluate(a, env) for a in task)
    if isinstance(task, list):
        return [_evaluate(a, env) for a in task]
    return task


def _run_fused(fused: _Fused, *external_values: Any) -> Any:
    env = dict(zip(fused.externals, external_values))
    for (key, task), drops in zip(fused.tasks, fused.drops):
        env[key] = _evaluate(task, env)
        for k in drops:  # intermediate results are released after their last use
            del env[k]
    return tuple(env[k] for k in fused.exports)


def _drops(member_tasks: tuple, keep: set) -> tuple:
    """For each step, the member keys whose last reader it is (not the exported ones)."""
    last: dict = {}
    for step, (_, task) in enumerate(member_tasks):
        refs: list = []
        _references(task, refs)
        for r in refs:
            last[r] = step
    members = {key for key, _ in member_tasks}
    out: list = [[] for _ in member_tasks]
    for key, step in last.items():
        if key in members and key not in keep:
            out[step].append(key)
    return tuple(tuple(d) for d in out)


def _references(task: Any, out: list) -> bool:
    """Collect the ``(name, i)`` tuples in ``task``; False when it holds something else that Dask
    could read as a key (a string key of the graph is checked by the caller)."""
    if isinstance(task, tuple):
        if len(task) == 2 and isinstance(task[0], str) and isinstance(task[1], int):
            out.append(task)
            return True
        return all(_references(a, out) for a in task)
    if isinstance(task, list):
        return all(_references(a, out) for a in task)
    if isinstance(task, dict):
        return False
    return True


def _aligned(layer: Any, name: str, layer_names: set, string_keys: set) -> tuple[int, set] | None:
    """(n, the layers it reads) when ``layer`` is aligned, else None."""
    if type(layer) is not MaterializedLayer and type(layer).__name__ != "ParquetSourceLayer":
        return None
    mapping = layer.mapping
    n = len(mapping)
    reads: set = set()
    for key, task in mapping.items():
        if not (isinstance(key, tuple) and len(key) == 2 and key[0] == name and isinstance(key[1], int)
                and 0 <= key[1] < n):
            return None
        refs: list = []
        if not _references(task, refs) or _has_string_key(task, string_keys):
            return None
        for ref in refs:
            if ref[0] in layer_names:
                if ref[1] != key[1]:
                    return None
                reads.add(ref[0])
    return n, reads


def _has_string_key(task: Any, string_keys: set) -> bool:
    if not string_keys:
        return False
    if isinstance(task, str):
        return task in string_keys
    if isinstance(task, (tuple, list)):
        return any(_has_string_key(a, string_keys) for a in task)
    return False


def _groups(aligned: Mapping, dependencies: Mapping) -> list[list[str]]:
    parent = {name: name for name in aligned}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for name, (n, reads) in aligned.items():
        for r in reads:
            if r in aligned and aligned[r][0] == n and r in dependencies.get(name, ()):
                parent[find(r)] = find(name)
    out: dict[str, list] = {}
    for name in aligned:
        out.setdefault(find(name), []).append(name)
    return [g for g in out.values() if len(g) > 1]


def _order(group: list, dependencies: Mapping) -> list:
    members, done, order = set(group), set(), []

    def visit(x: str) -> None:
        if x in done:
            return
        done.add(x)
        for d in sorted(dependencies.get(x, ())):
            if d in members:
                visit(d)
        order.append(x)

    for g in sorted(group):
        visit(g)
    return order


def fuse_partitionwise(dsk: HighLevelGraph, outputs: set) -> HighLevelGraph:
    """Fuse groups of aligned layers (see the module docstring); ``outputs`` are the layer names
    whose keys the caller asks for (kept under their names)."""
    layers, dependencies = dict(dsk.layers), dict(dsk.dependencies)
    names = set(layers)
    string_keys = {k for layer in layers.values() for k in layer if isinstance(k, str)}
    aligned = {}
    for name, layer in layers.items():
        info = _aligned(layer, name, names, string_keys)
        if info is not None:
            aligned[name] = info
    groups = _groups(aligned, dependencies)
    if not groups:
        return dsk
    dependents: dict[str, set] = {}
    for name, deps in dependencies.items():
        for d in deps:
            dependents.setdefault(d, set()).add(name)
    for group in groups:
        members = set(group)
        order = _order(group, dependencies)
        n = aligned[group[0]][0]
        exports = tuple(m for m in order if m in outputs or dependents.get(m, set()) - members)
        externals = {d for m in group for d in dependencies.get(m, ()) if d not in members}
        # the name covers the exports too: graphs optimized separately and merged later may fuse
        # the same layers but pick different results from them
        token = hashlib.md5(("|".join(order) + "->" + "|".join(exports)).encode(),
                            usedforsecurity=False).hexdigest()
        fused_name = f"jaggy-fused-{token}"
        tasks = {}
        for i in range(n):
            member_tasks = tuple(((m, i), layers[m].mapping[(m, i)]) for m in order)
            refs: list = []
            for _, task in member_tasks:
                _references(task, refs)
            outside = tuple(sorted({r for r in refs if r[0] in externals}))
            spec = _Fused(member_tasks, outside, tuple((m, i) for m in exports),
                          _drops(member_tasks, {(m, i) for m in exports}))
            tasks[(fused_name, i)] = (functools.partial(_run_fused, spec), *outside)
        for m in group:
            del layers[m]
            dependencies.pop(m, None)
        layers[fused_name] = MaterializedLayer(tasks)
        dependencies[fused_name] = externals
        for k, m in enumerate(exports):
            layers[m] = MaterializedLayer({(m, i): (operator.getitem, (fused_name, i), k) for i in range(n)})
            dependencies[m] = {fused_name}
    return HighLevelGraph(layers, dependencies)
