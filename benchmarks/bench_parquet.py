"""Benchmark: jaggy.from_parquet vs awkward.from_parquet, with pyarrow.parquet.read_table as floor.

    PYTHONPATH=python python benchmarks/bench_parquet.py [--lists N] [--repeat 3]

Writes a Parquet file of records with a jagged float field, a jagged int field and a flat
field (Poisson(10) list lengths) with pyarrow, reads it back with both libraries, checks that
the results agree, and prints the best times. The floor is pyarrow's own ``read_table``, which
both libraries need to do at least. ``run(quick)`` returns a group for ``run_all.py``.
"""

from __future__ import annotations

import argparse
import pathlib
import tempfile

import numpy as np
from _harness import best_time


def write_file(path: pathlib.Path, lists: int) -> None:
    """A Parquet file with ``lists`` rows: ``x`` (list of float64), ``n`` (list of int64), ``w``."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    rng = np.random.default_rng(0)
    counts = rng.poisson(10, lists)
    offsets = pa.array(np.concatenate([[0], np.cumsum(counts)]).astype(np.int32))
    total = int(counts.sum())
    table = pa.table({
        "x": pa.ListArray.from_arrays(offsets, pa.array(rng.random(total))),
        "n": pa.ListArray.from_arrays(offsets, pa.array(rng.integers(0, 1000, total))),
        "w": pa.array(rng.random(lists)),
    })
    pq.write_table(table, path, row_group_size=max(1, lists // 4))


def measure(lists: int, repeat: int) -> dict:
    """Best seconds for jaggy, awkward and pyarrow, and whether the two arrays agree."""
    import awkward
    import jaggy
    import pyarrow.parquet as pq

    with tempfile.TemporaryDirectory() as tmp:
        path = pathlib.Path(tmp) / "bench.parquet"
        write_file(path, lists)
        aj, aa = jaggy.from_parquet(path), awkward.from_parquet(path)
        same = str(aj.type) == str(aa.type) and len(aj) == len(aa)
        same = same and aj[:500].to_list() == aa[:500].to_list()
        same = same and aj[-500:].to_list() == aa[-500:].to_list()
        return {"jaggy": best_time(lambda: jaggy.from_parquet(path), repeat),
                "awkward": best_time(lambda: awkward.from_parquet(path), repeat),
                "floor": best_time(lambda: pq.read_table(path), repeat),
                "same": same, "bytes": path.stat().st_size}


def run(quick: bool = False, lists: int | None = None, repeat: int | None = None) -> dict:
    """``from_parquet`` as a ``run_all`` group."""
    lists = lists or (100_000 if quick else 1_000_000)
    repeat = repeat or (3 if quick else 5)
    r = measure(lists, repeat)
    row = {"workload": "from_parquet", "kind": "large", "jaggy": r["jaggy"], "awkward": r["awkward"],
           "floor": r["floor"], "check": "ok" if r["same"] else "WRONG (differs from awkward)"}
    return {"title": "from_parquet", "rows": [row],
            "labels": ("jaggy", "awkward", "pyarrow read_table"),
            "note": f"{lists:,} records (two jagged fields of Poisson(10) lengths and a flat one), "
                    f"{r['bytes'] / 1e6:.1f} MB file, best of {repeat}."}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lists", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    r = measure(args.lists, args.repeat)
    print(f"{args.lists:,} records, {r['bytes'] / 1e6:.1f} MB")
    print(f"from_parquet jaggy {r['jaggy'] * 1e3:8.2f} ms   awkward {r['awkward'] * 1e3:8.2f} ms   "
          f"speed-up {r['awkward'] / r['jaggy']:5.2f}x   pyarrow read_table {r['floor'] * 1e3:8.2f} ms   "
          f"results agree: {r['same']}")


if __name__ == "__main__":
    main()
