"""Numba benchmarks: unboxing cost per call, loops vs raw buffers, typed builder vs ArrayBuilder.

Run: ``PYTHONPATH=python python benchmarks/bench_numba.py [--small]``. Timings are noisy on
shared machines: compare ratios from one run. ``run(quick)`` measures jaggy and Awkward side by
side (raw-buffer loops as the floor) as a group for ``run_all.py``.
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


@numba.njit
def noop(a):
    return 1


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


@numba.njit
def build(b, n, per):
    for i in range(n):
        b.begin_list()
        for j in range(per):
            b.real(i * 0.5 + j)
        b.end_list()


@numba.njit
def build_floats(b, n):
    for i in range(n):
        b.real(i * 0.5)


@numba.njit
def build_small_lists(b, n):
    for i in range(n):
        b.begin_list()
        for j in range(i % 3):
            b.integer(j)
        b.end_list()


@numba.njit
def build_records(b, n):
    for i in range(n):
        b.begin_record()
        b.field("x")
        b.integer(i)
        b.field("y")
        b.real(i * 0.5)
        b.field("z")
        b.boolean(i % 2 == 0)
        b.end_record()


BUILDS = {"floats": build_floats, "lists": build_small_lists, "records": build_records}
BUILD_NOTES = {"floats": "{n:,} reals", "lists": "{n:,} lists of 0-2 ints",
               "records": "{n:,} records of 3 fields"}


def _built(b, n, per=10):
    build(b, n, per)
    return b.snapshot()


def measure(scale: int, with_awkward: bool = False, number: int = 20000) -> dict:
    """All timings (seconds) and checks; Awkward's too when ``with_awkward``."""
    jaggy.numba.register()
    libs = {"jaggy": jaggy}
    if with_awkward:
        import awkward

        libs["awkward"] = awkward
    small = [[1.0, 2.0], [], [3.0]]
    res: dict = {"unbox": {}, "sum": {}, "records": {}, "builder": {}, "ok": {}}
    inputs = {"numpy": np.arange(3.0)} | {name: lib.Array(small) for name, lib in libs.items()}
    for name, x in inputs.items():
        noop(x)
        res["unbox"][name] = best(lambda x=x: noop(x), number=number)

    n_lists = 1_000_000 // scale
    counts = np.random.default_rng(0).integers(0, 20, n_lists)
    offsets = np.concatenate([[0], np.cumsum(counts)])
    content = np.random.default_rng(1).random(offsets[-1])
    yy = content[::-1].copy()
    res["n_values"], res["n_lists"] = int(offsets[-1]), n_lists
    raw_sum(offsets, content)
    raw_records(content, yy)
    res["sum"]["raw"] = best(lambda: raw_sum(offsets, content))
    res["records"]["raw"] = best(lambda: raw_records(content, yy))
    expect_sum, expect_rec = raw_sum(offsets, content), raw_records(content, yy)
    for name, lib in libs.items():
        arr = lib.unflatten(content, counts)
        recs = lib.Array({"x": content, "y": yy})
        res["ok"][f"sum {name}"] = abs(numba_sum(arr) - expect_sum) < 1e-6 * len(content)
        res["ok"][f"records {name}"] = numba_records(recs) == expect_rec
        res["sum"][name] = best(lambda arr=arr: numba_sum(arr))
        res["records"][name] = best(lambda recs=recs: numba_records(recs))

    n_out = 1_000_000 // scale
    res["n_out"] = n_out
    build(jaggy.numba.ListOffsetBuilder(np.float64), 2, 2)
    res["builder"]["typed"] = best(lambda: _built(jaggy.numba.ListOffsetBuilder(np.float64), n_out), repeat=3)
    expect = _built(jaggy.numba.ListOffsetBuilder(np.float64), 50).to_list()
    for name, lib in libs.items():
        build(lib.ArrayBuilder(), 2, 2)
        res["builder"][name] = best(lambda lib=lib: _built(lib.ArrayBuilder(), n_out), repeat=1)
        res["ok"][f"builder {name}"] = _built(lib.ArrayBuilder(), 50).to_list() == expect

    # ArrayBuilder method calls inside @njit: 1M of each (jaggy vs Awkward).
    res["n_build"] = n_build = 1_000_000 // scale
    for what, fn in BUILDS.items():
        res[f"build {what}"] = {}
        small = {}
        for name, lib in libs.items():
            b = lib.ArrayBuilder()
            fn(b, 100)
            small[name] = (b.snapshot().to_list(), str(b.snapshot().type))
            res[f"build {what}"][name] = best(lambda lib=lib, fn=fn: fn(lib.ArrayBuilder(), n_build),
                                              repeat=5)
        res["ok"][f"build {what} jaggy"] = res["ok"][f"build {what} awkward"] = (
            small["jaggy"] == small["awkward"] if with_awkward else True)
    return res


def run(quick: bool = False, scale: int | None = None) -> dict:
    """jaggy and Awkward inside Numba, raw-buffer loops as the floor, as a ``run_all`` group."""
    scale = scale or (10 if quick else 1)
    r = measure(scale, with_awkward=True, number=2000 if quick else 20000)
    ok = r["ok"]

    def check(key):
        return "ok" if ok[f"{key} jaggy"] and ok[f"{key} awkward"] else "WRONG"

    rows = [
        {"workload": "unbox (noop call)", "kind": "small", "jaggy": r["unbox"]["jaggy"],
         "awkward": r["unbox"]["awkward"], "floor": r["unbox"]["numpy"], "check": "ok"},
        {"workload": "numba_sum", "kind": "large", "jaggy": r["sum"]["jaggy"],
         "awkward": r["sum"]["awkward"], "floor": r["sum"]["raw"], "check": check("sum")},
        {"workload": "numba_records", "kind": "large", "jaggy": r["records"]["jaggy"],
         "awkward": r["records"]["awkward"], "floor": r["records"]["raw"], "check": check("records")},
        {"workload": "ArrayBuilder in numba", "kind": "large", "jaggy": r["builder"]["jaggy"],
         "awkward": r["builder"]["awkward"], "floor": r["builder"]["typed"], "check": check("builder")},
    ]
    for what in BUILDS:
        rows.append({"workload": f"ArrayBuilder {what} in numba", "kind": "large",
                     "jaggy": r[f"build {what}"]["jaggy"], "awkward": r[f"build {what}"]["awkward"],
                     "floor": None, "check": check(f"build {what}")})
    return {"title": "Numba", "rows": rows,
            "note": f"Loops over {r['n_values']:,} values in {r['n_lists']:,} lists; builders fill "
                    f"{r['n_out'] * 10:,} floats in {r['n_out']:,} lists. Floors: unboxing a NumPy "
                    "array, the same loop over raw buffers, jaggy.numba.ListOffsetBuilder."}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--small", action="store_true", help="10x smaller sizes")
    args = parser.parse_args()
    r = measure(10 if args.small else 1, with_awkward=True)
    print("unboxing cost per call (µs)")
    for name in ("numpy", "jaggy", "awkward"):
        print(f"  {name:8s} {r['unbox'][name] * 1e6:8.2f}")
    report = [("unboxing < 3 µs", r["unbox"]["jaggy"] * 1e6, r["unbox"]["jaggy"] * 1e6 < 3)]
    sizes = {"sum": f"{r['n_values']} floats in {r['n_lists']} lists", "records": f"{r['n_values']} records"}
    for key in ("sum", "records"):
        print(f"numba_{key} over {sizes[key]} (ms)")
        print(f"  jaggy view {r[key]['jaggy'] * 1e3:8.2f}")
        print(f"  raw loop   {r[key]['raw'] * 1e3:8.2f}")
        ratio = r[key]["jaggy"] / r[key]["raw"]
        report.append((f"numba_{key} view/raw <= 1.2", ratio, ratio <= 1.2))
    print(f"building {r['n_out'] * 10} floats in {r['n_out']} lists (s)")
    print(f"  ListOffsetBuilder {r['builder']['typed']:8.3f}")
    print(f"  ArrayBuilder      {r['builder']['jaggy']:8.3f}")
    ratio = r["builder"]["jaggy"] / r["builder"]["awkward"]
    report.append(("ArrayBuilder jaggy/awkward <= 1", ratio, ratio <= 1))
    print("ArrayBuilder calls inside @njit (ms)")
    for what in BUILDS:
        t = r[f"build {what}"]
        print(f"  {BUILD_NOTES[what].format(n=r['n_build']):28s} jaggy {t['jaggy'] * 1e3:8.2f}"
              f"  awkward {t['awkward'] * 1e3:8.2f}")
        ratio = t["jaggy"] / t["awkward"]
        report.append((f"{what}: jaggy/awkward <= 1", ratio, ratio <= 1))
    report.append(("results equal", 1.0, all(r["ok"].values())))
    print("targets")
    for what, value, ok in report:
        print(f"  {what:34s} {value:8.2f}  {'ok' if ok else 'MISSED'}")


if __name__ == "__main__":
    main()
