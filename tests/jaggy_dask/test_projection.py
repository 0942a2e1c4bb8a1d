"""Column projection: a Parquet-sourced jaggy.dask.Array reads only the columns its result needs
(spying on the per-partition reader), never zero columns, and gives the same results as jaggy."""

from __future__ import annotations

import pytest

dask = pytest.importorskip("dask")

import jaggy  # noqa: E402
import jaggy.dask as jd  # noqa: E402
from jaggy.dask import _io  # noqa: E402


def _data(n, shift):
    return jaggy.zip({
        "x": jaggy.Array([[i + shift, i * 2] if i % 3 else [] for i in range(n)]),
        "y": jaggy.Array([[i * 0.5 - shift, 1.0 - i] if i % 3 else [] for i in range(n)]),
        "z": jaggy.Array([{"p": i, "q": f"s{i}"} for i in range(n)]),
    }, depth_limit=1)


@pytest.fixture
def dataset(tmp_path):
    parts = [_data(7, 0), _data(3, 1)[:0], _data(5, 2)]
    for i, p in enumerate(parts):
        jaggy.to_parquet(p, tmp_path / f"part{i}.parquet", row_group_size=3)
    return tmp_path, jaggy.concatenate(parts)


@pytest.fixture
def reads(monkeypatch):
    """The ``columns`` argument of every partition read (None: all columns)."""
    seen = []
    original = _io._read_piece

    def spy(path, row_groups, columns, index, **kwargs):
        seen.append(None if columns is None else sorted(".".join(c) for c in columns))
        return original(path, row_groups, columns, index, **kwargs)

    monkeypatch.setattr(_io, "_read_piece", spy)
    with dask.config.set(scheduler="sync"):
        yield seen


def _columns(seen):
    assert seen, "no partition was read"
    assert all(s == seen[0] for s in seen), seen
    return seen[0]


def test_field_reads_only_its_column(dataset, reads):
    path, full = dataset
    arr = jd.from_parquet(path)
    out = arr.x.compute()
    assert _columns(reads) == ["x"]
    assert out.to_list() == full.x.to_list()
    assert str(out.type) == str(full.x.type)
    reads.clear()
    assert (arr["x"] * 2).compute().to_list() == (full.x * 2).to_list()
    assert _columns(reads) == ["x"]


def test_length_reads_one_column(dataset, reads):
    path, full = dataset
    arr = jd.from_parquet(path)
    assert len(arr) == len(full) == 12
    assert not reads  # len comes from the footers
    assert jd.num(arr, axis=0).compute() == 12
    assert len(_columns(reads)) == 1
    reads.clear()
    assert jd.num(arr.x, axis=0).compute() == 12
    assert _columns(reads) == ["x"]


def test_nested_field_and_mask(dataset, reads):
    path, full = dataset
    arr = jd.from_parquet(path)
    out = arr.z.p.compute()
    assert out.to_list() == full.z.p.to_list()
    assert str(out.type) == str(full.z.p.type)
    assert _columns(reads) == ["z.p"]  # and the type stays {p: int64} (no option added by Arrow)
    reads.clear()
    assert arr.x[arr.y > 0].compute().to_list() == full.x[full.y > 0].to_list()
    assert _columns(reads) == ["x", "y"]
    reads.clear()
    assert jd.sum(arr.y, axis=1).compute().to_list() == jaggy.sum(full.y, axis=1).to_list()
    assert _columns(reads) == ["y"]


def test_whole_array_and_selections(dataset, reads):
    path, full = dataset
    arr = jd.from_parquet(path)
    assert arr.compute().to_list() == full.to_list()
    assert _columns(reads) is None
    reads.clear()
    assert arr[["x", "y"]].y.compute().to_list() == full.y.to_list()
    assert _columns(reads) == ["x", "y"]
    reads.clear()
    assert arr.partitions[2].z.compute().to_list() == full.z[7:].to_list()
    assert _columns(reads) == ["z"]


def test_several_outputs_share_one_read(dataset, reads):
    path, full = dataset
    arr = jd.from_parquet(path)
    x, q = dask.compute(arr.x, arr.z.q)
    assert x.to_list() == full.x.to_list()
    assert q.to_list() == full.z.q.to_list()
    assert _columns(reads) == ["x", "z.q"]
    assert len(reads) == arr.npartitions


def test_user_columns_and_row_groups(dataset, reads):
    path, full = dataset
    arr = jd.from_parquet(path, columns=["x", "y"], split_row_groups=True)
    assert arr.fields == ["x", "y"]
    assert str(arr.form.type) == str(full[["x", "y"]].type.content)
    # 7 rows in row groups of 3 -> 3 partitions, the empty file -> 1, 5 rows -> 2
    assert arr.divisions == (0, 3, 6, 7, 7, 10, 12)
    assert arr.y.compute().to_list() == full.y.to_list()
    assert _columns(reads) == ["y"]
    reads.clear()
    assert arr.compute().to_list() == full[["x", "y"]].to_list()
    assert _columns(reads) == ["x", "y"]


def test_read_error_names_the_partition(dataset, reads):
    path, _ = dataset
    arr = jd.from_parquet(path)
    (path / "part2.parquet").unlink()
    with pytest.raises(Exception, match="partition 2"):
        arr.x.compute()


def test_nested_list_of_records_keeps_its_type(tmp_path, reads):
    events = jaggy.zip({
        "muons": jaggy.zip({"pt": jaggy.Array([[1.5, 2.5], [], [3.5]]), "eta": jaggy.Array([[0.1, 0.2], [], [0.3]])}),
        "met": jaggy.Array([1.0, 2.0, 3.0]),
    }, depth_limit=1)
    jaggy.to_parquet(events, tmp_path / "a.parquet")
    jaggy.to_parquet(events[1:], tmp_path / "b.parquet")
    full = jaggy.concatenate([events, events[1:]])
    arr = jd.from_parquet(tmp_path)
    out = (arr.muons.pt * 2).compute()
    assert _columns(reads) == ["muons.pt"]
    assert str(out.type) == str((full.muons.pt * 2).type) == "5 * var * float64"
    assert out.to_list() == (full.muons.pt * 2).to_list()
    reads.clear()
    mu = arr.muons[["pt"]].compute()
    assert _columns(reads) == ["muons.pt"]
    assert str(mu.type) == str(full.muons[["pt"]].type)
