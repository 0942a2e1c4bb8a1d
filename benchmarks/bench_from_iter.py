"""Benchmark: jaggy._ext.from_iter (+ awkward.from_buffers-free) vs awkward.from_iter.

Run: PYTHONPATH=python python benchmarks/bench_from_iter.py
Times are end-to-end: jaggy's number covers walking the data and building the buffers;
Awkward's covers its whole from_iter (builder + snapshot). Medians of interleaved runs.
"""

from __future__ import annotations

import random
import statistics
import time

import awkward as ak
from jaggy import _ext


def _time(fn, repeat: int = 7) -> float:
    out = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t0)
    return statistics.median(out)


def main() -> None:
    rng = random.Random(12345)
    datasets = {
        "100k lists of 10 floats": [[rng.random() for _ in range(10)] for _ in range(100_000)],
        "100k lists of 10 ints": [
            [rng.randint(-1000, 1000) for _ in range(10)] for _ in range(100_000)
        ],
        "10k records, nested lists, None": [
            {
                "x": rng.random(),
                "y": [rng.randint(0, 9) for _ in range(rng.randint(0, 5))],
                "z": None if rng.random() < 0.3 else {"a": rng.random(), "b": [[1.5], []]},
            }
            for _ in range(10_000)
        ],
        "100k strings": [f"word{rng.randint(0, 10**6)}" for _ in range(100_000)],
    }
    print(f"{'dataset':36s} {'jaggy (ms)':>11s} {'awkward (ms)':>13s} {'speedup':>8s}")
    for name, data in datasets.items():
        ja = _time(lambda d=data: _ext.from_iter(d))
        aw = _time(lambda d=data: ak.from_iter(d))
        print(f"{name:36s} {ja * 1e3:11.2f} {aw * 1e3:13.2f} {aw / ja:7.1f}x")


if __name__ == "__main__":
    main()
