"""Peak memory of jaggy.combinations against the size of its output.

10,000 lists of 50 float64 values; n=2 gives 12.25M pairs. Prints the output's nbytes and the
peak traced (tracemalloc, which sees NumPy buffers) and RSS growth, and their ratio: the
count -> scan -> fill design allocates the output plus one carry of the same size at most.
``run(quick)`` compares the traced peak with Awkward's as a group for ``run_all.py``.

    PYTHONPATH=python python benchmarks/bench_combinations_memory.py
"""

from __future__ import annotations

import resource
import tracemalloc

import jaggy
import numpy as np


def _array(lib, nlists: int, length: int):
    offsets = np.arange(nlists + 1, dtype=np.int64) * length
    values = np.random.default_rng(0).random(nlists * length)
    return lib.Array(lib.contents.ListOffsetArray(lib.index.Index64(offsets), lib.contents.NumpyArray(values)))


def traced_peak(lib, array, n: int = 2):
    """The result of ``lib.combinations(array, n)`` and the peak bytes traced while computing it."""
    tracemalloc.start()
    try:
        out = lib.combinations(array, n)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return out, peak


def run(quick: bool = False, nlists: int | None = None, length: int = 50) -> dict:
    """Traced peak memory of ``combinations(n=2)``, jaggy and Awkward, as a ``run_all`` group."""
    import awkward

    nlists = nlists or (2_000 if quick else 10_000)
    rows = []
    out_j, peak_j = traced_peak(jaggy, _array(jaggy, nlists, length))
    out_a, peak_a = traced_peak(awkward, _array(awkward, nlists, length))
    same = out_j[:20].to_list() == out_a[:20].to_list() and len(out_j) == len(out_a)
    same = same and out_j[-5:].to_list() == out_a[-5:].to_list()
    rows.append({"workload": "combinations n=2, peak", "kind": "large", "unit": "MB",
                 "jaggy": peak_j / 1e6, "awkward": peak_a / 1e6, "floor": out_j.layout.nbytes / 1e6,
                 "check": "ok" if same else "WRONG (differs from awkward)"})
    return {"title": "combinations: peak memory", "rows": rows,
            "labels": ("jaggy peak", "awkward peak", "output nbytes"),
            "note": f"{nlists:,} lists of {length} float64; peak traced by tracemalloc while "
                    "combinations(array, 2) runs; speed-up = awkward peak / jaggy peak; "
                    "vs floor = jaggy peak / jaggy output nbytes."}


def main() -> None:
    array = _array(jaggy, 10_000, 50)
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    out, peak = traced_peak(jaggy, array)
    rss1 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    nbytes = out.layout.nbytes
    pairs = int(out.layout.offsets.data[-1])
    print(f"output: {pairs:,} pairs, nbytes {nbytes / 1e6:.1f} MB")
    print(f"tracemalloc peak: {peak / 1e6:.1f} MB  ({peak / nbytes:.2f} x output)")
    print(f"max RSS growth:   {(rss1 - rss0) / 1e3:.1f} MB  ({(rss1 - rss0) * 1e3 / nbytes:.2f} x output)")


if __name__ == "__main__":
    main()
