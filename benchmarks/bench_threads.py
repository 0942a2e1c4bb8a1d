"""Benchmark: the same workloads with 1 and with 2 (or more) threads (``jaggy.set_num_threads``).

Run with ``PYTHONPATH=python python benchmarks/bench_threads.py [--lists N] [--threads 1,2]``.
The data are the shared benchmark's (``../shared/bench/compare.py``): Poisson(10) list lengths,
1M lists by default. Prints the best of several runs per thread count and the speed-up over one
thread, and checks that the results are identical whatever the thread count.
"""

from __future__ import annotations

import argparse
import time

import jaggy as ak
import numpy as np

WORKLOADS = {
    "sum_axis1": lambda a: ak.sum(a, axis=1),
    "max_axis1": lambda a: ak.max(a, axis=1),
    "mask_jagged": lambda a: a[a > 0.5],
    "sort_axis1": lambda a: ak.sort(a, axis=1),
    "ufunc_affine": lambda a: a * 2.0 + 1.0,
    "num": lambda a: ak.num(a, axis=1),
}


def best_time(fn, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--lists", type=int, default=1_000_000)
    p.add_argument("--threads", default="1,2")
    p.add_argument("--repeat", type=int, default=7)
    args = p.parse_args()
    rng = np.random.default_rng(0)
    counts = rng.poisson(10, args.lists)
    a = ak.unflatten(rng.random(int(counts.sum())), counts)
    threads = [int(t) for t in args.threads.split(",")]
    before = ak.get_num_threads()
    print(f"# {len(a):,} lists, {int(counts.sum()):,} values; best of {args.repeat}")
    print(f"{'workload':16s}" + "".join(f"{t:>9d} thr" for t in threads) + "   speed-up")
    try:
        for name, fn in WORKLOADS.items():
            times, results = [], []
            for t in threads:
                ak.set_num_threads(t)
                results.append(ak.to_list(fn(a)[:1000]))
                times.append(best_time(lambda fn=fn: fn(a), args.repeat))
            same = all(r == results[0] for r in results)
            row = "".join(f"{x * 1e3:10.2f}ms" for x in times)
            print(f"{name:16s}{row}   {times[0] / times[-1]:6.2f}x  {'ok' if same else 'DIFFERENT'}")
    finally:
        ak.set_num_threads(before)


if __name__ == "__main__":
    main()
