"""Command line: ``python -m jaggy demo`` (a tour on the sample data) and ``python -m jaggy info``."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from typing import Any


def _timed(fn: Callable[[], Any], repeat: int = 5) -> tuple[Any, float]:
    best = float("inf")
    out = None
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - t0)
    return out, best


def demo() -> int:
    import json

    import numpy as np

    import jaggy
    from jaggy.data import EVENTS

    lines = EVENTS.read_text(encoding="utf-8").splitlines()
    python_events = [json.loads(line) for line in lines]
    events, t_build = _timed(lambda: jaggy.from_iter(python_events))
    print(f"jaggy {jaggy.__version__}: a tour of the bundled sample ({EVENTS.name})\n")
    print(f"1. from_iter built {len(events):,} events from Python dicts in {t_build * 1e3:.2f} ms")
    print(f"   type: {events.type}")
    print(f"   fields: {events.fields}\n")
    print("2. The first event, as Python data again:")
    print(f"   {events[0].to_list()}\n")
    print("3. Columns are views, not copies:")
    print(f"   events.muons.pt  -> {events.muons.pt!r}")
    print(f"   events.met       -> {events.met!r}")
    print(f"   events.triggers  -> {events.triggers!r}\n")
    print("4. Slicing and records:")
    print(f"   events[10:13].event -> {events[10:13].event.to_list()}")
    print(f"   events[-1]          -> {events[-1]!r}\n")
    layout = events.layout
    met = layout.content("met")
    missing = int(np.count_nonzero(met.mask_as_bool(valid_when=False)))
    jets = layout.content("jets")
    print("5. Missing values are masks, not objects:")
    print(f"   {missing} of {len(events)} events have no MET; "
          f"{int(np.count_nonzero(jets.mask_as_bool(valid_when=False)))} have no jets list\n")
    muon_pt = layout.content("muons").content.content("pt").data
    print(f"6. The muon pt column is one contiguous buffer of {len(muon_pt):,} float64 values;")
    print(f"   NumPy works on it directly: mean muon pt = {muon_pt.mean():.2f} GeV\n")
    form, length, buffers = jaggy.to_buffers(events)
    again = jaggy.from_buffers(form, length, buffers)
    print(f"7. to_buffers: {len(buffers)} flat buffers, {sum(b.nbytes for b in buffers.values()):,} bytes; "
          f"keys like {sorted(buffers)[:3]}")
    print(f"   from_buffers rebuilds it: equal = {again.to_list() == events.to_list()}\n")
    as_list, t_list = _timed(events.to_list)
    print(f"8. to_list of all events: {t_list * 1e3:.2f} ms; validity_error: {jaggy.validity_error(events)!r}\n")
    print("Done. See README.md for more.")
    return 0 if as_list == python_events else 1


def info() -> int:
    import platform

    import numpy as np

    import jaggy
    from jaggy import _ext

    print(f"jaggy {jaggy.__version__} (extension {_ext.__version__})")
    print(f"python {platform.python_version()}, numpy {np.__version__}")
    print(f"CPU threads: {_ext.get_num_threads()} (OpenMP: {'yes' if _ext.openmp else 'no'})")
    try:
        jaggy.backends.backend_by_name("cuda")
        print("CUDA backend: available")
    except Exception as err:
        print(f"CUDA backend: not available ({err})")
    try:
        import numba

        print(f"numba {numba.__version__}: installed")
    except ImportError:
        print("numba: not installed")
    return 0


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m jaggy", description=__doc__)
    p.add_argument("command", choices=["demo", "info"])
    args = p.parse_args(argv)
    return demo() if args.command == "demo" else info()


if __name__ == "__main__":
    sys.exit(main())
