"""Scaling plot: time per element against data size (jaggy and Awkward) and against threads.

    PYTHONPATH=python python benchmarks/scaling.py --out docs/_static/scaling.png [--quick]
        [--compare PATH] [--workloads sum_axis1,max_axis1,...] [--threads 2]

Measures a few representative workloads of the side-by-side suite (the same ``--compare``
lookup as ``run_all.py``) at log-spaced sizes, 1e3 to 1e7 values (``--quick``: to 1e6), in
lists of Poisson(10) lengths, with jaggy and Awkward (median of a few runs, fast calls looped),
then jaggy with 1 and with ``--threads`` threads at the largest size. Draws a two-panel PNG:
nanoseconds per element against size for both libraries, and the speed-up over one thread.
Prints the measurements as well. Needs matplotlib.
"""

from __future__ import annotations

import argparse
import importlib
import statistics
import sys
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

from _harness import best_time, load_suite, machine, samples  # noqa: E402

DEFAULT_WORKLOADS = "sum_axis1,max_axis1,mask_jagged,sort_axis1,ufunc_affine"


def _require_matplotlib():
    try:
        import matplotlib
    except ImportError:
        msg = "scaling.py needs matplotlib to draw the plot (pip install matplotlib)"
        raise SystemExit(msg) from None
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def measure_sizes(suite, names, sizes, repeat: int = 3) -> dict:
    """``{library: {workload: [seconds per element at each size]}}``."""
    import awkward
    import jaggy

    libs = {"jaggy": jaggy, "awkward": awkward}
    out = {lib: {name: [] for name in names} for lib in libs}
    for n_values in sizes:
        data = suite.Data(max(1, int(n_values) // 10), 10.0)
        total = max(1, len(data.x))
        arrays = {lib: suite.wrap(module, data, "cpu") for lib, module in libs.items()}
        for name in names:
            fn = suite.WORKLOADS[name][0]
            for lib, module in libs.items():
                call = lambda m=module, a=arrays[lib], f=fn, d=data: f(m, a, d)  # noqa: E731
                call()
                out[lib][name].append(statistics.median(samples(call, repeat, 0.02)) / total)
        print(f"# {total:>10,} values: " + "  ".join(
            f"{name} {out['jaggy'][name][-1] * 1e9:.2f}/{out['awkward'][name][-1] * 1e9:.2f}"
            for name in names) + "  (ns per element, jaggy/awkward)", file=sys.stderr)
    return out


def measure_threads(suite, names, n_values: int, threads: int, repeat: int = 5) -> dict:
    """``{workload: (seconds with 1 thread, seconds with ``threads`` threads)}`` for jaggy."""
    import jaggy

    data = suite.Data(max(1, n_values // 10), 10.0)
    arrays = suite.wrap(jaggy, data, "cpu")
    before = jaggy.get_num_threads()
    out = {}
    try:
        for name in names:
            fn = suite.WORKLOADS[name][0]
            times = []
            for t in (1, threads):
                jaggy.set_num_threads(t)
                fn(jaggy, arrays, data)
                times.append(best_time(lambda fn=fn: fn(jaggy, arrays, data), repeat))
            out[name] = tuple(times)
    finally:
        jaggy.set_num_threads(before)
    return out


def draw(plt, sizes, per_element, threads_result, threads: int, title: str, out: str) -> None:
    """The two-panel figure, written to ``out``."""
    fig, (left, right) = plt.subplots(1, 2, figsize=(12, 4.8), gridspec_kw={"width_ratios": [3, 2]})
    colors = plt.rcParams["axes.prop_cycle"].by_key()["color"]
    names = list(per_element["jaggy"])
    for i, name in enumerate(names):
        color = colors[i % len(colors)]
        left.plot(sizes, np.array(per_element["jaggy"][name]) * 1e9, "-o", color=color, ms=3,
                  label=f"{name} (jaggy)")
        left.plot(sizes, np.array(per_element["awkward"][name]) * 1e9, "--", color=color, alpha=0.7,
                  label=f"{name} (awkward)")
    left.set_xscale("log")
    left.set_yscale("log")
    left.set_xlabel("values in the array (lists of Poisson(10) lengths)")
    left.set_ylabel("ns per value (lower is better)")
    left.set_title("Time per value: jaggy (solid) vs Awkward (dashed)")
    left.grid(True, which="both", alpha=0.3)
    left.legend(fontsize=7, ncol=2)

    speedups = [threads_result[name][0] / threads_result[name][1] for name in names]
    bars = right.bar(range(len(names)), speedups, color=[colors[i % len(colors)] for i in range(len(names))])
    right.bar_label(bars, fmt="%.2fx", fontsize=8)
    right.axhline(1.0, color="black", lw=0.8)
    right.axhline(float(threads), color="grey", lw=0.8, ls=":", label=f"ideal ({threads}x)")
    right.set_xticks(range(len(names)), names, rotation=30, ha="right", fontsize=8)
    right.set_ylabel(f"speed-up, {threads} threads over 1")
    right.set_title(f"jaggy, {threads} threads vs 1 at {sizes[-1]:,.0f} values")
    right.set_ylim(0, max(float(threads), *speedups) * 1.15)
    right.legend(fontsize=8)
    fig.suptitle(title, fontsize=9)
    fig.tight_layout()
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(out, dpi=110)
    plt.close(fig)


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--out", default="scaling.png", help="PNG file to write")
    p.add_argument("--quick", action="store_true", help="sizes up to 1e6 values instead of 1e7")
    p.add_argument("--compare", default=None, help="workload file (as in run_all.py)")
    p.add_argument("--workloads", default=DEFAULT_WORKLOADS)
    p.add_argument("--threads", type=int, default=2, help="thread count compared with 1")
    p.add_argument("--points", type=int, default=0, help="number of sizes (default: 2 per decade)")
    args = p.parse_args(argv)
    plt = _require_matplotlib()
    if args.compare and args.compare != "own" and not Path(args.compare).is_file():
        p.error(f"--compare: no such file: {args.compare}")
    suite = load_suite(args.compare)
    names = [n for n in args.workloads.split(",") if n]
    missing = [n for n in names if n not in suite.WORKLOADS]
    if missing:
        p.error(f"unknown workload(s) {missing}")
    top = 6 if args.quick else 7
    sizes = np.logspace(3, top, args.points or 2 * (top - 3) + 1)
    importlib.import_module("jaggy")
    per_element = measure_sizes(suite, names, sizes)
    threads_result = measure_threads(suite, names, int(sizes[-1]), args.threads)
    for name, (one, many) in threads_result.items():
        print(f"{name:16s} 1 thread {one * 1e3:9.2f} ms   {args.threads} threads {many * 1e3:9.2f} ms   "
              f"{one / many:5.2f}x")
    info = machine()
    title = (f"{info['cpu']}, {info['cores']} cores; jaggy {info['jaggy']}, awkward {info['awkward']}, "
             f"numpy {info['numpy']}; workloads from {Path(suite.SOURCE).name}")
    draw(plt, sizes, per_element, threads_result, args.threads, title, args.out)
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
