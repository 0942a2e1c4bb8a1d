"""Benchmark: the same workloads with 1 and with 2 (or more) threads (``jaggy.set_num_threads``).

Run with ``PYTHONPATH=python python benchmarks/bench_threads.py [--lists N] [--threads 1,2]``.
The data are the shared benchmark's (``../shared/bench/compare.py``): Poisson(10) list lengths,
1M lists by default. Prints the best of several runs per thread count and the speed-up over one
thread, and checks that the results are identical whatever the thread count.
``run(quick)`` returns the same measurements as a group for ``run_all.py``.
"""

from __future__ import annotations

import argparse

import jaggy as ak
import numpy as np
from _harness import best_time

WORKLOADS = {
    "sum_axis1": lambda a: ak.sum(a, axis=1),
    "max_axis1": lambda a: ak.max(a, axis=1),
    "mask_jagged": lambda a: a[a > 0.5],
    "sort_axis1": lambda a: ak.sort(a, axis=1),
    "ufunc_affine": lambda a: a * 2.0 + 1.0,
    "num": lambda a: ak.num(a, axis=1),
}


def measure(lists: int, threads: list[int], repeat: int, only=None) -> list[dict]:
    """Per workload: ``times`` (best seconds per thread count) and ``same`` (identical results)."""
    rng = np.random.default_rng(0)
    counts = rng.poisson(10, lists)
    a = ak.unflatten(rng.random(int(counts.sum())), counts)
    before = ak.get_num_threads()
    out = []
    try:
        for name, fn in WORKLOADS.items():
            if only and name not in only:
                continue
            times, results = [], []
            for t in threads:
                ak.set_num_threads(t)
                results.append(ak.to_list(fn(a)[:1000]))
                times.append(best_time(lambda fn=fn: fn(a), repeat))
            out.append({"workload": name, "times": times, "same": all(r == results[0] for r in results)})
    finally:
        ak.set_num_threads(before)
    return out


def run(quick: bool = False, lists: int | None = None, threads: int = 2, repeat: int | None = None,
        only=None) -> dict:
    """1 thread against ``threads`` threads as a ``run_all`` group (``awkward`` column: 1 thread)."""
    lists = lists or (100_000 if quick else 1_000_000)
    repeat = repeat or (3 if quick else 7)
    rows = []
    for r in measure(lists, [1, threads], repeat, only):
        rows.append({"workload": r["workload"], "kind": "large", "jaggy": r["times"][1],
                     "awkward": r["times"][0], "floor": None,
                     "check": "ok" if r["same"] else "DIFFERENT results"})
    return {"title": f"jaggy with 1 and {threads} threads", "rows": rows,
            "labels": (f"{threads} threads", "1 thread", "floor"),
            "note": f"{lists:,} lists of Poisson(10) values, best of {repeat}; speed-up = "
                    f"1-thread time / {threads}-thread time; check: identical results."}


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--lists", type=int, default=1_000_000)
    p.add_argument("--threads", default="1,2")
    p.add_argument("--repeat", type=int, default=7)
    args = p.parse_args()
    threads = [int(t) for t in args.threads.split(",")]
    print(f"# {args.lists:,} lists of Poisson(10) values; best of {args.repeat}")
    print(f"{'workload':16s}" + "".join(f"{t:>9d} thr" for t in threads) + "   speed-up")
    for r in measure(args.lists, threads, args.repeat):
        times = r["times"]
        row = "".join(f"{x * 1e3:10.2f}ms" for x in times)
        print(f"{r['workload']:16s}{row}   {times[0] / times[-1]:6.2f}x  {'ok' if r['same'] else 'DIFFERENT'}")


if __name__ == "__main__":
    main()
