"""jaggy.dask sources and writers: from_map, from_delayed, from_json, to_parquet, persist, progress."""

from __future__ import annotations

import json

import pytest

dask = pytest.importorskip("dask")

import jaggy  # noqa: E402
import jaggy.dask as jd  # noqa: E402


@pytest.fixture(autouse=True)
def _sync():
    with dask.config.set(scheduler="sync"):
        yield


def _chunk(n):
    return jaggy.Array([{"x": [i] * (i % 3), "y": float(i)} for i in range(n, n + 4)])


def test_from_map():
    arr = jd.from_map(_chunk, [0, 10, 20])
    assert arr.npartitions == 3
    assert arr.divisions is None
    assert arr.fields == ["x", "y"]
    want = jaggy.concatenate([_chunk(0), _chunk(10), _chunk(20)])
    out = arr.compute()
    assert out.to_list() == want.to_list()
    assert str(out.type) == str(want.type)
    sized = jd.from_map(_chunk, [0, 10], meta=_chunk(0), divisions=(0, 4, 8))
    assert len(sized) == 8
    assert jd.sum(sized.y).compute() == sum(range(4)) + sum(range(10, 14))
    with pytest.raises(ValueError, match="divisions"):
        jd.from_map(_chunk, [0, 10], meta=_chunk(0), divisions=(0, 4))
    with pytest.raises(ValueError, match="equal length"):
        jd.from_map(lambda a, b: _chunk(a), [1, 2], [3])


def test_from_map_error_names_partition():
    def boom(n):
        if n == 10:
            msg = "bad chunk"
            raise RuntimeError(msg)
        return _chunk(n)

    arr = jd.from_map(boom, [0, 10, 20])
    with pytest.raises(RuntimeError, match="partition 1: bad chunk"):
        arr.compute()


def test_from_delayed():
    parts = [dask.delayed(_chunk)(n) for n in (0, 5)]
    arr = jd.from_delayed(parts)
    assert arr.npartitions == 2
    assert arr.compute().to_list() == jaggy.concatenate([_chunk(0), _chunk(5)]).to_list()
    assert jd.from_delayed(parts[0], meta=_chunk(0)).compute().to_list() == _chunk(0).to_list()
    with pytest.raises(TypeError, match="not a dask Delayed"):
        jd.from_delayed([_chunk(0)])


def test_from_json(tmp_path):
    rows = [[{"a": 1, "b": [1.5]}, {"a": 2, "b": []}], [], [{"a": 3, "b": [2.5, 3.5]}]]
    for i, r in enumerate(rows):
        (tmp_path / f"f{i}.jsonl").write_text("".join(json.dumps(x) + "\n" for x in r))
    arr = jd.from_json(sorted(tmp_path.glob("*.jsonl")), meta=jaggy.Array([{"a": 1, "b": [1.5]}]))
    assert arr.npartitions == 3
    out = arr.compute()
    assert out.to_list() == [x for r in rows for x in r]
    assert jd.from_json(tmp_path / "f0.jsonl").a.compute().to_list() == [1, 2]
    (tmp_path / "f1.jsonl").write_text("{not json\n")
    with pytest.raises(Exception, match="partition 1"):
        jd.from_json(sorted(tmp_path.glob("*.jsonl"))).compute()


def test_to_parquet_round_trip(tmp_path):
    data = jaggy.concatenate([_chunk(0), _chunk(10), _chunk(20)])
    arr = jd.from_jaggy(data, 3)
    assert jd.to_parquet(arr, tmp_path / "out") == len(data)
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["part0.parquet", "part1.parquet",
                                                                     "part2.parquet"]
    back = jd.from_parquet(tmp_path / "out")
    assert back.divisions == arr.divisions
    assert back.compute().to_list() == data.to_list()
    lazy = jd.to_parquet(arr.x, tmp_path / "lazy", compute=False)
    assert not (tmp_path / "lazy").joinpath("part0.parquet").exists()
    assert lazy.compute() == len(data)
    assert jd.from_parquet(tmp_path / "lazy").compute().to_list() == data.x.to_list()


def test_persist_partitions_and_progress(capsys):
    from dask.diagnostics import ProgressBar

    arr = jd.from_jaggy(_chunk(0), 2)
    kept = (arr.y * 2).persist()
    assert kept.npartitions == 2
    assert kept.compute().to_list() == (_chunk(0).y * 2).to_list()
    assert kept.partitions[1].compute().to_list() == (_chunk(0).y * 2)[2:].to_list()
    assert "jaggy.dask.Array" in repr(kept)
    with ProgressBar():
        jd.sum(arr.y).compute()
    assert "100%" in capsys.readouterr().out


def test_concatenate():
    a, b = jaggy.Array([[1], [2, 3], []]), jaggy.Array([[4.5], [None]])
    da, db = jd.from_jaggy(a, 2), jd.from_jaggy(b, 2)
    out = jd.concatenate([da, db])
    want = jaggy.concatenate([a, b])
    assert out.npartitions == 4
    assert out.divisions == (0, 2, 3, 4, 5)
    assert str(out.type) == str(want.type)
    got = out.compute()
    assert got.to_list() == want.to_list()
    assert str(got.type) == str(want.type)
    assert str(out.partitions[0].compute().type) == "2 * var * ?float64"
    inner = jd.concatenate([da, da * 10], axis=1)
    assert inner.compute().to_list() == jaggy.concatenate([a, a * 10], axis=1).to_list()
    with pytest.raises(TypeError, match="item 1"):
        jd.concatenate([da, a])


def test_scalar_arithmetic():
    import numpy as np

    data = jaggy.Array([[1.0, 2.0], [], [3.0, None]])
    arr = jd.from_jaggy(data, 2)
    ratio = jd.sum(arr) / jd.count(arr) + 1
    assert isinstance(ratio, jd.Scalar)
    assert ratio.compute() == jaggy.sum(data) / jaggy.count(data) + 1
    assert np.sqrt(jd.var(arr)).compute() == pytest.approx(float(jaggy.std(data)))
    assert (2 * jd.max(arr)).compute() == 6.0


def test_from_parquet_footer_cache_sees_rewritten_files(tmp_path):
    import os

    path = str(tmp_path / "f.parquet")
    jaggy.to_parquet(jaggy.Array([{"x": 1}, {"x": 2}]), path)
    first = jd.from_parquet(path)
    assert first.fields == ["x"] and first.compute().to_list() == [{"x": 1}, {"x": 2}]
    assert jd.from_parquet(path).fields == ["x"]  # served from the cache
    jaggy.to_parquet(jaggy.Array([{"y": 1.5}, {"y": 2.5}, {"y": 3.5}]), path)
    os.utime(path, ns=(1, 10**18))  # a different mtime even on coarse clocks
    again = jd.from_parquet(path)
    assert again.fields == ["y"] and again.npartitions == 1
    assert again.compute().to_list() == [{"y": 1.5}, {"y": 2.5}, {"y": 3.5}]
