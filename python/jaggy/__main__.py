"""Command line: ``python -m jaggy demo [--plot [PATH]]`` (a tour on the sample data) and
``python -m jaggy info`` (versions, threads, backends, optional packages)."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import time
from collections.abc import Callable
from typing import Any

DEFAULT_PLOT = "jaggy-demo.png"


def _timed(fn: Callable[[], Any], repeat: int = 5) -> tuple[Any, float]:
    best = float("inf")
    out = None
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - t0)
    return out, best


def _ms(seconds: float) -> str:
    return f"{seconds * 1e3:.2f} ms"


def _dimuon_mass(events: Any) -> Any:
    """Invariant mass of every opposite-charge muon pair (massless muons), one list per event."""
    import numpy as np

    import jaggy

    pairs = jaggy.combinations(events.muons, 2, fields=["a", "b"])
    pairs = pairs[pairs.a.charge != pairs.b.charge]
    a, b = pairs.a, pairs.b
    return np.sqrt(2 * a.pt * b.pt * (np.cosh(a.eta - b.eta) - np.cos(a.phi - b.phi)))


def _tour_basics(events: Any, t_build: float, sample: str) -> None:
    import jaggy

    print(f"jaggy {jaggy.__version__}: a tour of the bundled sample ({sample})\n")
    print(f"1. from_iter built {len(events):,} events from Python dicts in {_ms(t_build)}")
    print(f"   type: {events.type}")
    print(f"   fields: {events.fields}\n")
    print("2. The first event, as Python data again:")
    print(f"   {events[0].to_list()}\n")
    print("3. Columns are views, not copies:")
    print(f"   events.muons.pt  -> {events.muons.pt!r}")
    print(f"   events.met       -> {events.met!r}\n")


def _tour_analysis(events: Any) -> Any:
    import numpy as np

    import jaggy

    counts, t_num = _timed(lambda: jaggy.num(events.muons, axis=1))
    print(f"4. Muons per event (jaggy.num, {_ms(t_num)}): mean {float(np.mean(counts)):.2f}, "
          f"max {int(jaggy.max(counts))}; {int(jaggy.sum(counts == 0))} events have none")
    good, t_cut = _timed(lambda: events.muons[events.muons.pt > 20])
    print(f"5. A jagged cut, muons[muons.pt > 20] ({_ms(t_cut)}): "
          f"{int(jaggy.sum(jaggy.num(good)))} of {int(jaggy.sum(counts))} muons kept")
    lead, t_lead = _timed(lambda: jaggy.max(events.jets.pt, axis=1))
    print(f"6. Leading jet pt (jaggy.max over axis=1, {_ms(t_lead)}): "
          f"{lead[:4].to_list()} ... ({int(jaggy.sum(jaggy.is_none(lead)))} None)")
    masses, t_mass = _timed(lambda: _dimuon_mass(events))
    flat = jaggy.to_numpy(jaggy.flatten(masses))
    print(f"7. Opposite-charge dimuon masses (combinations + NumPy ufuncs, {_ms(t_mass)}):")
    print(f"   {len(flat):,} pairs, median {float(np.median(flat)) if len(flat) else float('nan'):.1f} GeV")
    met = events.met
    filled = jaggy.fill_none(met, 0.0)
    print(f"8. Missing values: {int(jaggy.sum(jaggy.is_none(met)))} events have no MET; "
          f"mean MET with None -> 0: {float(jaggy.mean(filled)):.2f} GeV\n")
    return flat


def _tour_io(events: Any, python_events: list) -> bool:
    import jaggy

    form, length, buffers = jaggy.to_buffers(events)
    again = jaggy.from_buffers(form, length, buffers)
    nbytes = sum(b.nbytes for b in buffers.values())
    print(f"9. to_buffers: {len(buffers)} flat buffers, {nbytes:,} bytes; "
          f"from_buffers rebuilds it: equal = {again.to_list() == events.to_list()}")
    as_list, t_list = _timed(events.to_list)
    print(f"10. to_list of all events: {_ms(t_list)}; validity_error: {jaggy.validity_error(events)!r}\n")
    return bool(as_list == python_events)


def write_plot(masses: Any, path: str) -> bool:
    """Writes a PNG histogram of the dimuon masses to ``path``; False if matplotlib is missing."""
    try:
        import matplotlib
    except ImportError:
        print("--plot: matplotlib is not installed (pip install matplotlib); no PNG written")
        return False
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(6, 4))
    ax.hist(masses, bins=40, range=(0, 200), histtype="stepfilled", alpha=0.7)
    ax.set_xlabel("opposite-charge dimuon mass [GeV]")
    ax.set_ylabel("pairs per 5 GeV")
    ax.set_title(f"jaggy demo: {len(masses):,} muon pairs")
    fig.tight_layout()
    fig.savefig(path, format="png", dpi=100)
    plt.close(fig)
    print(f"--plot: wrote a histogram of the dimuon mass to {path}")
    return True


def demo(plot: str | None = None) -> int:
    """The tour; with ``plot`` a file name, also a PNG histogram (when matplotlib is installed)."""
    import json

    import jaggy
    from jaggy.data import EVENTS

    lines = EVENTS.read_text(encoding="utf-8").splitlines()
    python_events = [json.loads(line) for line in lines]
    events, t_build = _timed(lambda: jaggy.from_iter(python_events))
    _tour_basics(events, t_build, EVENTS.name)
    masses = _tour_analysis(events)
    same = _tour_io(events, python_events)
    if plot is not None:
        write_plot(masses, plot)
    else:
        print(f"Add --plot [PATH] to draw the dimuon mass (default {DEFAULT_PLOT}; needs matplotlib).")
    print("Done. See README.md and the docs for more.")
    return 0 if same else 1


def _optional_version(module: str) -> str | None:
    """The module's version if it imports, else None."""
    try:
        mod = importlib.import_module(module)
    except ImportError:
        return None
    return str(getattr(mod, "__version__", "unknown version"))


def _cuda_status() -> str:
    from jaggy.backends.cuda import cuda_backend

    try:
        cuda_backend()
    except ImportError as err:  # includes CuPy's own import failures
        return f"not available (CuPy cannot be imported: {err})"
    except Exception as err:  # BackendError (no GPU) or NotImplementedError (no kernels yet)
        return f"not available ({err})"
    return "available"


def info() -> int:
    """Prints versions, threads, backends and optional packages; returns 0."""
    import platform

    import numpy as np

    import jaggy
    from jaggy import _ext

    ext = getattr(_ext, "__version__", "")
    ext_note = f" (extension {ext})" if ext and ext != jaggy.__version__ else ""
    print(f"jaggy {jaggy.__version__}{ext_note} at {os.path.dirname(jaggy.__file__)}")
    print(f"python {platform.python_version()} ({sys.executable}), numpy {np.__version__}")
    env = os.environ.get("JAGGY_NUM_THREADS")
    source = f"JAGGY_NUM_THREADS={env}" if env else "JAGGY_NUM_THREADS not set"
    print(f"threads: {jaggy.get_num_threads()} ({source}; OpenMP: {'yes' if _ext.openmp else 'no'}; "
          f"{os.cpu_count()} CPUs)")
    print("backends:")
    print("  cpu: available (NumPy + compiled kernels)")
    print(f"  cuda: {_cuda_status()}")
    numba = _optional_version("numba")
    print(f"numba: {numba + ' (jaggy.numba available)' if numba else 'not installed'}")
    for module in ("pyarrow", "dask"):
        version = _optional_version(module)
        print(f"{module}: {version or 'not installed'}")
    return 0


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m jaggy", description=__doc__)
    p.add_argument("command", choices=["demo", "info"])
    p.add_argument("--plot", nargs="?", const=DEFAULT_PLOT, default=None, metavar="PATH",
                   help=f"demo: write a PNG histogram (default {DEFAULT_PLOT}; needs matplotlib)")
    args = p.parse_args(argv)
    if args.command == "info":
        if args.plot is not None:
            p.error("--plot goes with the demo command")
        return info()
    return demo(args.plot)


if __name__ == "__main__":
    sys.exit(main())
