"""Benchmark: jaggy.from_json vs awkward.from_json on line-delimited JSON of nested records.

    PYTHONPATH=python python benchmarks/bench_from_json.py [--mb 100] [--repeat 3]

Writes ~MB megabytes of lines like {"x": 1.5, "y": [1, 2, 3], "z": {"a": "str"}} to a temporary
file, parses it with both libraries (line_delimited=True, from the bytes in memory and from the
file), checks that the results agree, and prints the best times and the ratio.
``run(quick)`` returns the same measurements as a group for ``run_all.py``.
"""

from __future__ import annotations

import argparse
import os
import pathlib
import tempfile
import time

import numpy as np


def make_lines(mb: float, seed: int = 0) -> bytes:
    rng = np.random.default_rng(seed)
    words = ["str", "alpha", "beta gamma", "caf\u00e9", "a \\\"quoted\\\" word", ""]
    chunks = []
    size = 0
    target = int(mb * 1e6)
    while size < target:
        n = 20000
        xs = rng.normal(size=n).round(4)
        lens = rng.integers(0, 6, size=n)
        ys = rng.integers(-1000, 1000, size=int(lens.sum()))
        zs = rng.integers(0, len(words), size=n)
        pos = 0
        lines = []
        for i in range(n):
            y = ", ".join(str(v) for v in ys[pos:pos + lens[i]])
            pos += lens[i]
            lines.append(f'{{"x": {xs[i]}, "y": [{y}], "z": {{"a": "{words[zs[i]]}"}}}}\n')
        chunk = "".join(lines).encode()
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def best(fn, repeat: int) -> tuple[float, object]:
    times = []
    out = None
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t0)
    return min(times), out


def measure(mb: float, repeat: int) -> tuple[int, list[dict]]:
    """The size in bytes and, for bytes and file input, both libraries' best times and agreement."""
    import awkward
    import jaggy

    data = make_lines(mb)
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        path = pathlib.Path(tmp) / "bench.jsonl"
        path.write_bytes(data)
        for label, source in (("bytes", data), ("file", path)):
            tj, aj = best(lambda s=source: jaggy.from_json(s, line_delimited=True), repeat)
            ta, aa = best(lambda s=source: awkward.from_json(s, line_delimited=True), repeat)
            same = str(aj.type) == str(aa.type) and len(aj) == len(aa)
            same = same and aj[:1000].to_list() == aa[:1000].to_list()
            same = same and aj[-1000:].to_list() == aa[-1000:].to_list()
            out.append({"source": label, "jaggy": tj, "awkward": ta, "same": same})
        os.remove(path)
    return len(data), out


def run(quick: bool = False, mb: float | None = None, repeat: int | None = None) -> dict:
    """``from_json`` of JSON lines (bytes and file) as a ``run_all`` group."""
    mb = mb or (2.0 if quick else 20.0)
    repeat = repeat or (2 if quick else 3)
    size, results = measure(mb, repeat)
    rows = [{"workload": f"from_json({r['source']})", "kind": "large", "jaggy": r["jaggy"],
             "awkward": r["awkward"], "floor": None,
             "check": "ok" if r["same"] else "WRONG (differs from awkward)"} for r in results]
    return {"title": "from_json", "rows": rows,
            "note": f"{size / 1e6:.1f} MB of JSON lines of nested records (line_delimited=True), "
                    f"best of {repeat}."}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=100.0, help="megabytes of JSON to generate")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    size, results = measure(args.mb, args.repeat)
    print(f"{size / 1e6:.1f} MB")
    for r in results:
        tj, ta = r["jaggy"], r["awkward"]
        print(f"from_json({r['source']:5s}) jaggy {tj:7.3f} s   awkward {ta:7.3f} s   "
              f"speedup {ta / tj:5.2f}x   {size / 1e6 / tj:7.1f} MB/s   results agree: {r['same']}")


if __name__ == "__main__":
    main()
