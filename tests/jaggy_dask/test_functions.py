"""jaggy.dask wrappers and reductions give plain jaggy's results on a multi-file Parquet dataset,
on the synchronous scheduler and on a 2-process distributed LocalCluster."""

from __future__ import annotations

import numpy as np
import pytest

dask = pytest.importorskip("dask")
distributed = pytest.importorskip("distributed")

import jaggy  # noqa: E402
import jaggy.dask as jd  # noqa: E402
from _dask_helpers import close  # noqa: E402


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None) as c:
        yield c


@pytest.fixture(params=["sync", "distributed"])
def scheduler(request):
    if request.param == "sync":
        with dask.config.set(scheduler="sync"):
            yield "sync"
    else:
        with distributed.Client(request.getfixturevalue("cluster")):
            yield "distributed"


def _events(n, seed):
    rng = np.random.default_rng(seed)
    counts = rng.integers(0, 6, n)
    pt = rng.exponential(20, counts.sum()).round(2)
    eta = rng.normal(size=counts.sum()).round(3)
    charge = rng.choice([-1, 1], counts.sum())
    muons = jaggy.zip({"pt": jaggy.unflatten(pt, counts), "eta": jaggy.unflatten(eta, counts),
                       "charge": jaggy.unflatten(charge, counts)})
    met = rng.exponential(30, n).round(2)
    return jaggy.zip({"muons": muons, "met": met}, depth_limit=1)


@pytest.fixture(scope="module")
def dataset(tmp_path_factory):
    path = tmp_path_factory.mktemp("events")
    parts = [_events(60, 1), _events(3, 2)[:0], _events(45, 3), _events(30, 4)]
    for i, p in enumerate(parts):
        jaggy.to_parquet(p, path / f"part{i}.parquet")
    return path, jaggy.concatenate(parts)




def _same(lazy, expected):
    assert str(lazy.type.content) == str(expected.type.content)
    got = lazy.compute()
    assert str(got.type) == str(expected.type)
    assert close(got.to_list(), expected.to_list())


def test_wrapped_functions(dataset, scheduler):
    path, full = dataset
    arr = jd.from_parquet(path)
    mu, fmu = arr.muons, full.muons
    _same(jd.flatten(mu.pt), jaggy.flatten(fmu.pt))
    _same(jd.cartesian([mu.pt, mu.eta]), jaggy.cartesian([fmu.pt, fmu.eta]))
    _same(jd.argcombinations(mu, 2), jaggy.argcombinations(fmu, 2))
    _same(jd.with_field(arr, arr.met * 2, "met2").met2, jaggy.with_field(full, full.met * 2, "met2").met2)
    _same(jd.zip({"a": mu.pt, "b": mu.charge}), jaggy.zip({"a": fmu.pt, "b": fmu.charge}))
    _same(jd.sort(mu.pt, ascending=False), jaggy.sort(fmu.pt, ascending=False))
    _same(jd.fill_none(jd.pad_none(mu.pt, 2, axis=1), -1.0), jaggy.fill_none(jaggy.pad_none(fmu.pt, 2, axis=1), -1.0))
    _same(jd.local_index(mu.pt), jaggy.local_index(fmu.pt))
    _same(jd.singletons(jd.firsts(mu.pt)), jaggy.singletons(jaggy.firsts(fmu.pt)))
    x, y = jd.unzip(mu[["pt", "eta"]])
    _same(x + y, fmu.pt + fmu.eta)


def test_partitionwise_reductions(dataset, scheduler):
    path, full = dataset
    pt, fpt = jd.from_parquet(path).muons.pt, full.muons.pt
    for name in ("prod", "any", "all", "var", "std", "argmin", "argmax", "ptp", "count_nonzero"):
        _same(getattr(jd, name)(pt, axis=1), getattr(jaggy, name)(fpt, axis=1))
    _same(jd.moment(pt, 2, axis=-1), jaggy.moment(fpt, 2, axis=-1))


@pytest.mark.parametrize("name", ["argmax", "argmin", "var", "std", "any", "all", "prod"])
def test_axis0_and_none_tree_reductions(dataset, scheduler, name):
    path, full = dataset
    arr = jd.from_parquet(path)
    fn, lazy = getattr(jaggy, name), getattr(jd, name)
    for data, fdata in ((arr.met, full.met), (arr.muons.pt, full.muons.pt), (arr.muons.charge > 0,
                                                                               full.muons.charge > 0)):
        got = lazy(data, axis=None).compute()
        assert close(got, fn(fdata, axis=None)), (name, got, fn(fdata, axis=None))
        if name == "prod" and data.ndim > 1:
            continue  # products of ~100 values overflow the comparison tolerance
        out = lazy(data, axis=0)
        got = out.compute()
        want = fn(fdata, axis=0)
        assert close(got if not hasattr(got, "to_list") else got.to_list(),
                      want if not hasattr(want, "to_list") else want.to_list()), (name, got, want)


def test_argmax_positions_are_global(scheduler):
    data = jaggy.Array([[1.0, 9.0], [], [3.0], [9.5, None], [None], [2.0, 0.0, 11.0]])
    arr = jd.from_jaggy(data, 4)
    assert jd.argmax(arr, axis=None).compute() == jaggy.argmax(data, axis=None) == 8  # None values count
    assert jd.argmax(arr, axis=0).compute().to_list() == jaggy.argmax(data, axis=0).to_list()
    assert jd.argmin(arr, axis=0).compute().to_list() == jaggy.argmin(data, axis=0).to_list()
    flat = jaggy.Array([3, None, 7, 7, 1])
    assert jd.argmax(jd.from_jaggy(flat, 3), axis=0).compute() == jaggy.argmax(flat, axis=0) == 2
    assert jd.argmin(jd.from_jaggy(jaggy.Array([[], []]), 2), axis=None).compute() is None


def test_not_partitionwise_raises(dataset):
    path, _ = dataset
    arr = jd.from_parquet(path)
    with pytest.raises(NotImplementedError, match=r"jaggy\.dask\.sort: axis=0"):
        jd.sort(arr.met, axis=0)
    with pytest.raises(NotImplementedError, match=r"jaggy\.dask\.local_index"):
        jd.local_index(arr.met)
    with pytest.raises(TypeError, match=r"jaggy\.dask\.flatten: no argument"):
        jd.flatten(jaggy.Array([[1]]))
    with pytest.raises(NotImplementedError, match="weight"):
        jd.var(arr.met, arr.met, axis=None)


def test_analysis_with_numba_map_partitions(dataset, scheduler):
    numba = pytest.importorskip("numba")

    @numba.njit
    def leading_pt(pt, out):
        for i in range(len(pt)):
            best = 0.0
            for v in pt[i]:
                best = max(best, v)
            out[i] = best
        return out

    def run(events):
        import jaggy.numba

        jaggy.numba.register()  # in every worker process
        pt = events.muons.pt
        return jaggy.Array(leading_pt(pt, np.zeros(len(pt))))

    path, full = dataset
    arr = jd.from_parquet(path)
    good = arr.muons[arr.muons.pt > 20]
    pairs = jd.combinations(good, 2, fields=["a", "b"])
    fgood = full.muons[full.muons.pt > 20]
    fpairs = jaggy.combinations(fgood, 2, fields=["a", "b"])
    _same(pairs.a.pt + pairs.b.pt, fpairs.a.pt + fpairs.b.pt)
    lead = jd.map_partitions(run, arr, meta=jaggy.Array(np.zeros(0)))
    got, mean, where = dask.compute(lead, jd.mean(lead), jd.argmax(lead, axis=0))
    want = run(full)
    assert close(got.to_list(), want.to_list())
    assert close(mean, jaggy.mean(want))
    assert where == jaggy.argmax(want, axis=0)
