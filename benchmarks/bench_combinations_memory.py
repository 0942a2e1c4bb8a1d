"""Peak memory of jaggy.combinations against the size of its output.

10,000 lists of 50 float64 values; n=2 gives 12.25M pairs. Prints the output's nbytes and the
peak traced (tracemalloc, which sees NumPy buffers) and RSS growth, and their ratio: the
count -> scan -> fill design allocates the output plus one carry of the same size at most.

    PYTHONPATH=python python benchmarks/bench_combinations_memory.py
"""

from __future__ import annotations

import resource
import tracemalloc

import jaggy
import numpy as np


def main() -> None:
    nlists, length = 10_000, 50
    offsets = np.arange(nlists + 1, dtype=np.int64) * length
    values = np.random.default_rng(0).random(nlists * length)
    array = jaggy.Array(jaggy.contents.ListOffsetArray(jaggy.index.Index64(offsets),
                                                       jaggy.contents.NumpyArray(values)))
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    tracemalloc.start()
    out = jaggy.combinations(array, 2)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss1 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    nbytes = out.layout.nbytes
    pairs = int(out.layout.offsets.data[-1])
    print(f"output: {pairs:,} pairs, nbytes {nbytes / 1e6:.1f} MB")
    print(f"tracemalloc peak: {peak / 1e6:.1f} MB  ({peak / nbytes:.2f} x output)")
    print(f"max RSS growth:   {(rss1 - rss0) / 1e3:.1f} MB  ({(rss1 - rss0) * 1e3 / nbytes:.2f} x output)")


if __name__ == "__main__":
    main()
