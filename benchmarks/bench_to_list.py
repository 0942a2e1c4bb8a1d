"""Benchmark: jaggy's C++ to_list against awkward.to_list on the same layouts.

Run with ``PYTHONPATH=python python benchmarks/bench_to_list.py``. Prints the best of several
runs for each case and the speed-up.
"""

from __future__ import annotations

import time

import awkward
import numpy as np
from jaggy._tolist import to_list


def best_time(fn, repeat: int = 5) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def cases() -> dict[str, object]:
    rng = np.random.default_rng(12345)
    n = 100_000

    counts = rng.poisson(10, n)
    offsets = np.concatenate([[0], np.cumsum(counts)])
    floats = awkward.contents.ListOffsetArray(
        awkward.index.Index64(offsets),
        awkward.contents.NumpyArray(rng.normal(size=offsets[-1])),
    )

    records = awkward.Array(
        {
            "x": rng.integers(0, 100, n),
            "y": awkward.unflatten(rng.normal(size=int(offsets[-1])), counts),
            "z": awkward.mask(rng.normal(size=n), rng.random(n) > 0.2),
        }
    )
    records = awkward.zip({"x": records.x, "y": records.y, "z": records.z}, depth_limit=1)

    words = np.array(["alpha", "beta", "gamma", "delta", "épsilon", "zeta"])
    strings = awkward.Array(words[rng.integers(0, len(words), n)].tolist())

    flat = awkward.contents.NumpyArray(rng.normal(size=1_000_000))

    return {
        "100k lists of ~10 float64": floats,
        "100k records {x: int64, y: var * float64, z: ?float64}": records.layout,
        "100k strings": strings.layout,
        "1M flat float64": flat,
    }


def main() -> None:
    print(f"{'case':<58} {'awkward':>10} {'jaggy':>10} {'speed-up':>9}")
    for name, layout in cases().items():
        assert to_list(layout) == awkward.to_list(layout)
        t_ak = best_time(lambda layout=layout: awkward.to_list(layout))
        t_jg = best_time(lambda layout=layout: to_list(layout))
        print(f"{name:<58} {t_ak * 1e3:8.1f}ms {t_jg * 1e3:8.1f}ms {t_ak / t_jg:8.1f}x")


if __name__ == "__main__":
    main()
