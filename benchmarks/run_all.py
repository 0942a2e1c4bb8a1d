"""Run every benchmark and write one Markdown results table per group.

    PYTHONPATH=python python benchmarks/run_all.py [--quick] [--out FILE.md]
        [--compare PATH] [--only sum,mask] [--groups workloads,threads,...]

Groups:

- ``workloads``: the side-by-side workloads against Awkward, taken from ``--compare PATH``, else
  ``shared/bench/compare.py`` beside the repository (or one of its parent folders), else this
  directory's ``workloads.py`` (the same definitions; ``--compare own`` picks it). Interleaved jaggy/Awkward runs, median seconds, results checked
  against Awkward, NumPy floors. ``--only`` picks workloads by substring.
- ``from_json``, ``parquet``, ``numba``, ``memory`` (peak memory of ``combinations``) and
  ``threads`` (1 against 2 threads): the project's own scripts, through their ``run(quick)``.

The output starts with the machine (CPU model, cores, ``jaggy.get_num_threads()``, versions);
each table has the columns workload, jaggy, awkward, speed-up, floor, vs floor and check, and
ends with the geometric-mean speed-up. A fast but wrong result is reported in the check column,
never counted as a speed-up. ``--quick`` runs 10x smaller data. Without ``--out`` the tables
go to standard output.
"""

from __future__ import annotations

import argparse
import importlib
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

from _harness import load_suite, machine, markdown_group, markdown_machine, samples  # noqa: E402

PROJECT_GROUPS = {
    "from_json": "bench_from_json",
    "parquet": "bench_parquet",
    "numba": "bench_numba",
    "memory": "bench_combinations_memory",
    "threads": "bench_threads",
}
GROUPS = ["workloads", *PROJECT_GROUPS]


def _error_text(err: Exception) -> str:
    text = str(err).splitlines()[0][:80] if str(err) else ""
    return f"FAIL {type(err).__name__}: {text}"


def _libraries(suite, data) -> dict:
    libs = {}
    for name in ("jaggy", "awkward"):
        module = importlib.import_module(name)
        if name == "jaggy":
            try:
                importlib.import_module("jaggy.numba")
            except ImportError:
                pass
        libs[name] = (module, suite.wrap(module, data, "cpu"))
    return libs


def run_workloads(suite, n_lists: int, mean_len: float = 10.0, repeats: int = 5, only=()) -> dict:
    """The suite's workloads with jaggy and Awkward, as a group (see ``_harness``)."""
    data = suite.Data(n_lists, mean_len)
    libs = _libraries(suite, data)
    wanted = [w for w in suite.WORKLOADS if not only or any(s in w for s in only)]
    rows = []
    for name in wanted:
        fn, kind = suite.WORKLOADS[name]
        min_seconds = 0.02 if kind == "small" else 0.0
        outputs, errors, times = {}, {}, {lib: [] for lib in libs}
        for lib, (module, arrays) in libs.items():  # warm-up (and JIT), keep the output
            try:
                outputs[lib] = fn(module, arrays, data)
            except Exception as err:
                errors[lib] = _error_text(err)
        for _ in range(repeats):  # interleaved: jaggy, awkward, jaggy, awkward, ...
            for lib, (module, arrays) in libs.items():
                if lib not in errors:
                    call = lambda m=module, a=arrays, f=fn: f(m, a, data)  # noqa: E731
                    times[lib] += samples(call, 1, min_seconds)
        check = "ok"
        if "jaggy" in errors:
            check = errors["jaggy"]
        elif "awkward" not in errors:
            try:
                mine = suite.to_comparable(libs["jaggy"][0], outputs["jaggy"])
                theirs = suite.to_comparable(libs["awkward"][0], outputs["awkward"])
                if not suite.same(mine, theirs):
                    check = "WRONG (differs from awkward)"
            except Exception as err:
                check = f"uncomparable: {type(err).__name__}"
        floor = None
        if name in suite.FLOORS:
            floor_fn = suite.FLOORS[name]
            try:
                floor_fn(data)
                floor = statistics.median(samples(lambda f=floor_fn: f(data), repeats, min_seconds))
            except Exception:
                floor = None
        rows.append({"workload": name, "kind": kind, "check": check, "floor": floor,
                     **{lib: statistics.median(t) if t else None for lib, t in times.items()}})
    return {"title": "Workloads against Awkward", "rows": rows,
            "note": f"{len(data.x):,} values in {n_lists:,} lists (Poisson({mean_len:g}) lengths); "
                    f"median of {repeats} interleaved runs; workloads from `{Path(suite.SOURCE).name}`; "
                    "floor: NumPy (or Numba) on the flat buffers, a lower bound."}


def run_groups(groups, quick: bool, compare=None, only=(), lists=None, repeats=None) -> list[dict]:
    """Every requested group, in order; a group that fails is reported as one FAIL row."""
    out = []
    for group in groups:
        t0 = time.perf_counter()
        try:
            if group == "workloads":
                n_lists = lists or (100_000 if quick else 1_000_000)
                result = run_workloads(load_suite(compare), n_lists, repeats=repeats or 5, only=only)
            else:
                result = importlib.import_module(PROJECT_GROUPS[group]).run(quick)
        except Exception as err:
            result = {"title": group, "rows": [{"workload": group, "jaggy": None, "awkward": None,
                                                 "floor": None, "check": _error_text(err)}]}
        result["seconds"] = time.perf_counter() - t0
        out.append(result)
        print(f"# {group}: {result['seconds']:.1f} s", file=sys.stderr)
    return out


def render(groups: list[dict], quick: bool) -> str:
    """The whole report in Markdown: title, machine, one section per group."""
    parts = [f"# jaggy benchmarks{' (--quick)' if quick else ''}", "",
             f"Run on {time.strftime('%Y-%m-%d %H:%M')}.", "", markdown_machine(machine())]
    parts += [markdown_group(group) for group in groups]
    return "\n".join(parts)


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--quick", action="store_true", help="10x smaller data")
    p.add_argument("--out", default="", help="Markdown file to write (default: standard output)")
    p.add_argument("--compare", default=None, help="workload file (default ../shared/bench/compare.py; 'own': workloads.py)")
    p.add_argument("--only", default="", help="workloads whose names contain one of these (comma-separated)")
    p.add_argument("--groups", default=",".join(GROUPS), help=f"comma-separated subset of {GROUPS}")
    p.add_argument("--lists", type=int, default=None, help="number of lists for the workloads group")
    p.add_argument("--repeats", type=int, default=None, help="interleaved runs per workload (default 5)")
    args = p.parse_args(argv)
    groups = [g for g in args.groups.split(",") if g]
    unknown = [g for g in groups if g not in GROUPS]
    if unknown:
        p.error(f"unknown group(s) {unknown}; choose from {GROUPS}")
    if args.compare and args.compare != "own" and not Path(args.compare).is_file():
        p.error(f"--compare: no such file: {args.compare}")
    only = tuple(s for s in args.only.split(",") if s)
    results = run_groups(groups, args.quick, args.compare, only, args.lists, args.repeats)
    text = render(results, args.quick)
    if args.out:
        Path(args.out).write_text(text)
        print(f"wrote {args.out}", file=sys.stderr)
    else:
        print(text)
    failed = sum(row["check"] != "ok" for group in results for row in group["rows"])
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
