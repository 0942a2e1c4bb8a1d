"""Benchmark: one dimuon-style analysis with plain jaggy and with jaggy.dask.

Run with ``PYTHONPATH=python python benchmarks/bench_dask.py [--events N] [--files K]``.

1. The same analysis on a Parquet dataset of K files, with jaggy.dask on a
   ``dask.distributed.LocalCluster`` of 1 and of 2 worker processes (one thread each), against
   plain jaggy reading the same files in one process.
2. The overhead of jaggy.dask against plain jaggy on ONE partition (one file, the synchronous
   scheduler; the analysis uses every column, so both read the same data): the cost of graphs,
   metas, the optimization pass and Dask's scheduling, a few milliseconds per compute whatever
   the size. Measured on one file of the dataset (N/K events) and on one file of all N events
   (a partition of the size Dask recommends, ~100 MB).

Prints the best of ``--repeat`` runs and checks that every variant gives the same answers.
"""

from __future__ import annotations

import argparse
import math
import tempfile
import time
from pathlib import Path

import dask
import jaggy
import jaggy.dask as jd
import numpy as np


def make_dataset(path: Path, events: int, files: int, seed: int = 0) -> None:
    rng = np.random.default_rng(seed)
    per = -(-events // files)
    for i in range(files):
        n = min(per, events - i * per)
        counts = rng.poisson(3, n)
        total = int(counts.sum())
        muons = jaggy.zip({
            "pt": jaggy.unflatten(rng.exponential(20, total), counts),
            "eta": jaggy.unflatten(rng.normal(0, 1.5, total), counts),
            "phi": jaggy.unflatten(rng.uniform(-math.pi, math.pi, total), counts),
        })
        events_ = jaggy.zip({"muons": muons, "met": rng.exponential(30, n)}, depth_limit=1)
        jaggy.to_parquet(events_, path / f"part{i:03d}.parquet")


def analysis(events, ak):
    """The same code for ``ak = jaggy`` and ``ak = jaggy.dask``."""
    mu = events.muons
    good = mu[mu.pt > 10]
    pairs = ak.combinations(good, 2, fields=["a", "b"])
    a, b = pairs.a, pairs.b
    mass = np.sqrt(2 * a.pt * b.pt * (np.cosh(a.eta - b.eta) - np.cos(a.phi - b.phi)))
    best = ak.max(mass, axis=1)
    return (ak.sum(ak.num(good, axis=1), axis=None), ak.mean(events.met, axis=None),
            ak.argmax(best, axis=0), ak.sum(ak.sum(mass, axis=1), axis=None))


def plain(files: list) -> tuple:
    return analysis(jaggy.from_parquet(files), jaggy)


def lazy(files: list, **compute_kwargs) -> tuple:
    return dask.compute(*analysis(jd.from_parquet(files), jd), **compute_kwargs)


def best_time(fn, repeat: int) -> tuple[float, object]:
    best, out = float("inf"), None
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - t0)
    return best, out


def one_partition(one: list, repeat: int) -> tuple[float, float, str]:
    """Best times of plain jaggy and jaggy.dask (synchronous scheduler) on the files ``one`` read
    as one partition, interleaved so that both see the same machine state."""
    plain(one)
    lazy(one, scheduler="sync")
    t1 = t2 = float("inf")
    for _ in range(repeat):
        b1, want = best_time(lambda: plain(one), 1)
        b2, got = best_time(lambda: lazy(one, scheduler="sync"), 1)
        t1, t2 = min(t1, b1), min(t2, b2)
    return t1, t2, "same" if _same(got, want) else f"DIFFERENT {got} vs {want}"


def _same(x: tuple, y: tuple) -> bool:
    return all(math.isclose(float(a), float(b), rel_tol=1e-9) for a, b in zip(x, y))


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--events", type=int, default=1_000_000)
    p.add_argument("--files", type=int, default=8)
    p.add_argument("--repeat", type=int, default=3)
    args = p.parse_args()

    from distributed import Client, LocalCluster

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp)
        make_dataset(path, args.events, args.files)
        files = sorted(str(f) for f in path.glob("*.parquet"))
        print(f"{args.events} events in {args.files} files; best of {args.repeat}")

        threads = jaggy.get_num_threads()
        t_plain, want = best_time(lambda: plain(files), args.repeat)
        print(f"plain jaggy, {threads} kernel thread(s)      {t_plain * 1e3:9.1f} ms")
        jaggy.set_num_threads(1)  # what each worker uses (the nanny sets OMP_NUM_THREADS=1)
        t_plain1, _ = best_time(lambda: plain(files), args.repeat)
        jaggy.set_num_threads(threads)
        print(f"plain jaggy, 1 kernel thread        {t_plain1 * 1e3:9.1f} ms")
        # (measured before any cluster exists in this process): on one file of the dataset and
        # on one file holding all the events (a partition of a typical size for Dask, ~100 MB)
        whole = path / "one"
        whole.mkdir()
        make_dataset(whole, args.events, 1)
        for label, one in ((f"one partition ({-(-args.events // args.files):,} events)", files[:1]),
                           (f"one partition ({args.events:,} events)", [str(next(whole.glob("*.parquet")))])):
            t1, t2, same = one_partition(one, max(15, args.repeat * 5))
            print(f"{label}: plain {t1 * 1e3:.1f} ms, jaggy.dask (sync) {t2 * 1e3:.1f} ms, "
                  f"overhead {100 * (t2 / t1 - 1):+.1f}%  {same}")
        # Dask's nanny starts workers with MALLOC_TRIM_THRESHOLD_=65536. Setting it switches off
        # glibc's adaptive mmap threshold, so every large temporary is a fresh mmap and costs page
        # faults: the same analysis runs ~1.7x slower in such a worker than in a plain process.
        # Measured with Dask's default worker environment and with that variable left out
        # (through Dask's own configuration, keeping the other thread settings).
        spawn = "distributed.nanny.pre-spawn-environ"
        default_env = dict(dask.config.get(spawn))
        glibc_env = {k: v for k, v in default_env.items() if k != "MALLOC_TRIM_THRESHOLD_"}
        for environ, env in (("dask's default worker env", default_env),
                             ("without MALLOC_TRIM_THRESHOLD_", glibc_env)):
            for workers in (1, 2):
                with dask.config.set({spawn: env}), \
                        LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                     host="127.0.0.1", dashboard_address=None) as cluster, \
                        Client(cluster):
                    lazy(files)  # warm the workers (imports)
                    t, got = best_time(lambda: lazy(files), args.repeat)
                ok = "same" if _same(got, want) else f"DIFFERENT {got} vs {want}"
                print(f"jaggy.dask, {workers} worker(s) x 1 thread {t * 1e3:9.1f} ms  "
                      f"({t_plain1 / t:.2f}x plain 1-thread, {t_plain / t:.2f}x plain)  {ok}  "
                      f"[{environ}]")



if __name__ == "__main__":
    main()
