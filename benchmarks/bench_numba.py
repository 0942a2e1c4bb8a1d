"""Numba benchmarks: unboxing cost per call, loops vs raw buffers, typed builder vs ArrayBuilder.

Run: ``PYTHONPATH=python python benchmarks/bench_numba.py [--small]``. Timings are noisy on
shared machines: compare ratios from one run.
"""

from __future__ import annotations

import argparse
import time

import jaggy
import jaggy.numba
import numba
import numpy as np


def best(fn, repeat=5, number=1):
    out = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        for _ in range(number):
            fn()
        out.append((time.perf_counter() - t0) / number)
    return min(out)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--small", action="store_true", help="10x smaller sizes")
    args = parser.parse_args()
    scale = 10 if args.small else 1
    jaggy.numba.register()
    import awkward as ak

    @numba.njit
    def noop(a):
        return 1

    small = [[1.0, 2.0], [], [3.0]]
    print("unboxing cost per call (µs)")
    unbox = {}
    for name, x in [("numpy", np.arange(3.0)), ("jaggy", jaggy.Array(small)),
                    ("awkward", ak.Array(small))]:
        noop(x)
        unbox[name] = best(lambda x=x: noop(x), number=20000) * 1e6
        print(f"  {name:8s} {unbox[name]:8.2f}")
    report = [("unboxing < 3 µs", unbox["jaggy"], unbox["jaggy"] < 3)]

    n_lists = 1_000_000 // scale
    counts = np.random.default_rng(0).integers(0, 20, n_lists)
    offsets = np.concatenate([[0], np.cumsum(counts)])
    content = np.random.default_rng(1).random(offsets[-1])
    arr = jaggy.Array(jaggy.contents.ListOffsetArray(jaggy.index.Index(offsets),
                                                     jaggy.contents.NumpyArray(content)))

    @numba.njit
    def numba_sum(a):
        s = 0.0
        for x in a:
            for y in x:
                s += y
        return s

    @numba.njit
    def raw_sum(offsets, content):
        s = 0.0
        for i in range(len(offsets) - 1):
            for j in range(offsets[i], offsets[i + 1]):
                s += content[j]
        return s

    numba_sum(arr)
    raw_sum(offsets, content)
    print(f"numba_sum over {offsets[-1]} floats in {n_lists} lists (ms)")
    t_view, t_raw = best(lambda: numba_sum(arr)), best(lambda: raw_sum(offsets, content))
    assert abs(numba_sum(arr) - raw_sum(offsets, content)) < 1e-6 * offsets[-1]
    print(f"  jaggy view {t_view * 1e3:8.2f}")
    print(f"  raw loop   {t_raw * 1e3:8.2f}")
    report.append(("numba_sum view/raw <= 1.2", t_view / t_raw, t_view / t_raw <= 1.2))

    recs = jaggy.Array({"x": content, "y": content[::-1].copy()})

    @numba.njit
    def numba_records(a):
        s = 0.0
        for r in a:
            s += r.x * r.y
        return s

    @numba.njit
    def raw_records(x, y):
        s = 0.0
        for i in range(len(x)):
            s += x[i] * y[i]
        return s

    numba_records(recs)
    raw_records(content, content[::-1].copy())
    yy = content[::-1].copy()
    print(f"numba_records over {len(content)} records (ms)")
    t_view, t_raw = best(lambda: numba_records(recs)), best(lambda: raw_records(content, yy))
    assert numba_records(recs) == raw_records(content, yy)
    print(f"  jaggy view {t_view * 1e3:8.2f}")
    print(f"  raw loop   {t_raw * 1e3:8.2f}")
    report.append(("numba_records view/raw <= 1.2", t_view / t_raw, t_view / t_raw <= 1.2))

    n_out = 1_000_000 // scale
    per = 10

    @numba.njit
    def build(b, n, per):
        for i in range(n):
            b.begin_list()
            for j in range(per):
                b.real(i * 0.5 + j)
            b.end_list()

    def run(b, n):
        build(b, n, per)
        return b.snapshot()

    build(jaggy.numba.ListOffsetBuilder(np.float64), 2, 2)
    build(jaggy.ArrayBuilder(), 2, 2)
    print(f"building {n_out * per} floats in {n_out} lists (s)")
    t_typed = best(lambda: run(jaggy.numba.ListOffsetBuilder(np.float64), n_out), repeat=3)
    t_ab = best(lambda: run(jaggy.ArrayBuilder(), n_out), repeat=1)
    assert run(jaggy.numba.ListOffsetBuilder(np.float64), 50).to_list() == \
        run(jaggy.ArrayBuilder(), 50).to_list()
    print(f"  ListOffsetBuilder {t_typed:8.3f}")
    print(f"  ArrayBuilder      {t_ab:8.3f}")
    report.append(("ArrayBuilder/typed builder >= 5", t_ab / t_typed, t_ab / t_typed >= 5))
    print("targets")
    for what, value, ok in report:
        print(f"  {what:34s} {value:8.2f}  {'ok' if ok else 'MISSED'}")


if __name__ == "__main__":
    main()
