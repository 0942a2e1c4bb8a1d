"""Partition-wise fusion: a chain of row-wise operations runs as one task per partition, with the
same results (every other test also runs through it)."""

from __future__ import annotations

import numpy as np
import pytest

dask = pytest.importorskip("dask")

import jaggy  # noqa: E402
import jaggy.dask as jd  # noqa: E402
from jaggy.dask._projection import optimize  # noqa: E402


def _optimized(collection):
    return optimize(collection.__dask_graph__(), collection.__dask_keys__())


def test_chain_is_one_task_per_partition():
    data = jaggy.Array([[1.0, 2.0], [], [3.0], [4.0, 5.0, 6.0], [7.0]])
    arr = jd.from_jaggy(data, 3)
    out = np.sqrt(arr * 2 + 1)[arr > 2]
    out = jd.num(out, axis=1) + jd.sum(out, axis=1)
    graph = _optimized(out)
    # 3 fused tasks + 3 picks of the output layer (kept under its name)
    assert len(dict(graph)) == 6
    assert out.name in graph.layers
    want = jaggy.num(np.sqrt(data * 2 + 1)[data > 2], axis=1) + jaggy.sum(np.sqrt(data * 2 + 1)[data > 2], axis=1)
    with dask.config.set(scheduler="sync"):
        assert out.compute().to_list() == want.to_list()


def test_shared_intermediate_and_reductions():
    data = jaggy.Array([[1, 2], [], [3], [4, 5, 6]])
    arr = jd.from_jaggy(data, 2)
    doubled = arr * 2
    total, firsts = dask.compute(jd.sum(doubled, axis=None), jd.firsts(doubled), scheduler="sync")
    assert total == 42
    assert firsts.to_list() == [2, None, 6, 8]
    assert jd.argmax(doubled, axis=None).compute(scheduler="sync") == 5


def test_partitions_and_persist_are_not_fused_wrongly():
    data = jaggy.Array([[1], [2, 3], [], [4]])
    arr = jd.from_jaggy(data, 4) + 1
    picked = arr.partitions[1:3] * 10
    assert picked.compute(scheduler="sync").to_list() == [[30, 40], []]
    kept = arr.persist(scheduler="sync")
    assert (kept * 2).compute(scheduler="sync").to_list() == [[4], [6, 8], [], [10]]
