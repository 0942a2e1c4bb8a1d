"""jaggy.dask on a 3-file Parquet dataset: the same results as plain jaggy, synchronous scheduler."""

from __future__ import annotations

import numpy as np
import pytest

dask = pytest.importorskip("dask")

import jaggy  # noqa: E402
import jaggy.dask as jd  # noqa: E402
from _dask_helpers import close  # noqa: E402


@pytest.fixture(autouse=True)
def _sync_scheduler():
    with dask.config.set(scheduler="sync"):
        yield


def _events(n, seed):
    rng = np.random.default_rng(seed)
    counts = rng.integers(0, 5, n)
    x = rng.normal(size=counts.sum()).round(3)
    y = rng.integers(-10, 10, counts.sum())
    return jaggy.zip({"x": jaggy.unflatten(x, counts), "y": jaggy.unflatten(y, counts)}, depth_limit=1)


@pytest.fixture
def dataset(tmp_path):
    parts = [_events(40, 1), _events(0, 2), _events(25, 3)]
    for i, p in enumerate(parts):
        jaggy.to_parquet(p, tmp_path / f"part{i}.parquet")
    return tmp_path, jaggy.concatenate(parts)


def _same(a, b):
    assert str(a.type) == str(b.type)
    assert close(a.to_list(), b.to_list(), abs_tol=1e-12)


def test_from_parquet_metadata(dataset):
    path, full = dataset
    arr = jd.from_parquet(path)
    assert arr.npartitions == 3
    assert arr.divisions == (0, 40, 40, 65)
    assert arr.fields == ["x", "y"]
    assert str(arr.type) == str(full.type)
    assert "npartitions=3" in repr(arr)
    _same(arr.compute(), full)
    _same(arr.partitions[2].compute(), full[40:])
    _same(jd.from_parquet(path, columns=["x"]).compute(), full[["x"]])
    assert jd.num(arr, axis=0).compute() == len(full)


def test_jagged_mask_and_ufuncs(dataset):
    path, full = dataset
    arr = jd.from_parquet(path)
    sel = arr.x[arr.y > 0]
    assert sel.npartitions == 3
    _same(sel.compute(), full.x[full.y > 0])
    _same((np.sqrt(arr.x**2) + arr["y"]).compute(), np.sqrt(full.x**2) + full["y"])
    _same(arr[:, ["x"]].compute() if False else arr[["x"]].compute(), full[["x"]])
    _same(arr[:, :1].compute(), full[:, :1])


def test_per_list_reductions(dataset):
    path, full = dataset
    arr = jd.from_parquet(path)
    _same(jd.sum(arr.x, axis=1).compute(), jaggy.sum(full.x, axis=1))
    _same(jd.max(arr.y, axis=-1).compute(), jaggy.max(full.y, axis=-1))
    _same(jd.min(arr.y, axis=1).compute(), jaggy.min(full.y, axis=1))
    _same(jd.count(arr.x, axis=1).compute(), jaggy.count(full.x, axis=1))
    _same(jd.num(arr.x, axis=1).compute(), jaggy.num(full.x, axis=1))
    _same(jd.firsts(arr.x).compute(), jaggy.firsts(full.x))
    _same(jd.mean(arr.x, axis=1).compute(), jaggy.mean(full.x, axis=1))


def test_axis0_and_none_reductions(dataset):
    path, full = dataset
    arr = jd.from_parquet(path)
    assert jd.mean(arr.x, axis=None).compute() == pytest.approx(jaggy.mean(full.x, axis=None))
    assert jd.sum(arr.y, axis=None).compute() == jaggy.sum(full.y, axis=None)
    assert jd.count(arr.x).compute() == jaggy.count(full.x)
    assert jd.min(arr.y).compute() == jaggy.min(full.y)
    assert jd.max(arr.x).compute() == jaggy.max(full.x)
    _same(jd.sum(arr.y, axis=0).compute(), jaggy.sum(full.y, axis=0))
    _same(jd.max(arr.y, axis=0).compute(), jaggy.max(full.y, axis=0))
    m0 = jd.mean(arr.x, axis=0).compute()
    assert np.allclose(m0.to_numpy(), jaggy.mean(full.x, axis=0).to_numpy())
    # 1-d data: axis=0 is a scalar
    assert jd.sum(jd.num(arr.x, axis=1), axis=0).compute() == jaggy.sum(jaggy.num(full.x, axis=1), axis=0)


def test_combinations(dataset):
    path, full = dataset
    arr = jd.from_parquet(path)
    pairs = jd.combinations(arr.x, 2, fields=["a", "b"])
    expected = jaggy.combinations(full.x, 2, fields=["a", "b"])
    _same(pairs.compute(), expected)
    _same((pairs.a * pairs.b).compute(), expected.a * expected.b)
    _same(jd.sum(pairs.a * pairs.b, axis=1).compute(), jaggy.sum(expected.a * expected.b, axis=1))


def test_numba_map_partitions(dataset):
    numba = pytest.importorskip("numba")
    import jaggy.numba

    jaggy.numba.register()

    @numba.njit
    def max_abs(events, out):
        for i in range(len(events)):
            best = 0.0
            for v in events[i].x:
                best = max(best, abs(v))
            out[i] = best
        return out

    def run(events):
        return jaggy.Array(max_abs(events, np.zeros(len(events))))

    path, full = dataset
    arr = jd.from_parquet(path)
    result = jd.map_partitions(run, arr, meta=jaggy.Array(np.zeros(0)))
    assert result.compute().to_list() == pytest.approx(run(full).to_list())


def test_from_jaggy_persist_and_partitions():
    data = jaggy.Array([[1, 2, 3], [], [4, 5], [6], [7, 8, 9, 10]])
    arr = jd.from_jaggy(data, 3)
    assert arr.npartitions == 3
    assert len(arr) == 5
    persisted = (arr * 2).persist()
    _same(persisted.compute(), data * 2)
    _same(arr.partitions[-1].compute(), data[arr.divisions[2]:])
    _same(jd.from_jaggy(data, 100).compute(), data)
    assert jd.sum(arr).compute() == 55


def test_errors(dataset):
    path, _ = dataset
    arr = jd.from_parquet(path)
    with pytest.raises(ValueError, match="npartitions"):
        jd.from_jaggy(jaggy.Array([1, 2]), 0)
    with pytest.raises(NotImplementedError, match="axis 0"):
        arr[0]
    with pytest.raises(AttributeError, match="nope"):
        arr.nope
    with pytest.raises(ValueError, match="partitions"):
        jd.map_partitions(lambda a, b: a, arr, jd.from_jaggy(jaggy.Array([1]), 1))
    with pytest.raises(IndexError, match="out of range"):
        arr.partitions[5]

    def boom(a):
        if len(a) == 25:
            msg = "bad data"
            raise ValueError(msg)
        return a

    with pytest.raises(ValueError, match="partition 2"):
        jd.map_partitions(boom, arr).compute()
    with pytest.raises(Exception, match="axis"):
        jd.sum(arr.x, axis=5)


def test_import_jaggy_does_not_import_dask():
    import subprocess
    import sys

    code = "import sys, jaggy; assert 'dask' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True, env={"PYTHONPATH": jaggy.__path__[0].rsplit("/", 1)[0]})


def test_distributed_local_cluster(dataset):
    distributed = pytest.importorskip("distributed")
    path, full = dataset
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as client:
        arr = jd.from_parquet(path)
        sel, total, mean = client.compute([arr.x[arr.y > 0], jd.sum(arr.y, axis=1), jd.mean(arr.x, axis=None)],
                                          sync=True)
        persisted = client.persist(jd.max(arr.x, axis=1))
        maxima = client.compute(persisted, sync=True)
    _same(sel, full.x[full.y > 0])
    _same(total, jaggy.sum(full.y, axis=1))
    assert mean == pytest.approx(jaggy.mean(full.x, axis=None))
    _same(maxima, jaggy.max(full.x, axis=1))
