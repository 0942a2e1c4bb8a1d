"""Helpers shared by the benchmark scripts: the workload suite, timing, machine, Markdown tables.

A benchmark *row* is a dict with the keys ``workload``, ``kind`` (``"large"``/``"small"``),
``jaggy`` and ``awkward`` (seconds, or megabytes when ``unit == "MB"``; ``None`` when not
measured), ``floor`` (the same quantity for a lower-bound computation, or ``None``), ``check``
(``"ok"`` or what went wrong) and optionally ``unit``. A *group* is a dict with ``title``,
``rows`` and optionally ``labels`` (the names of the jaggy/awkward/floor columns) and ``note``.
"""

from __future__ import annotations

import importlib.util
import math
import os
import platform
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def shared_compare() -> Path | None:
    """``shared/bench/compare.py`` beside the repository (or beside one of its parent folders)."""
    for folder in HERE.parent.parents:
        candidate = folder / "shared" / "bench" / "compare.py"
        if candidate.is_file():
            return candidate
    return None


def load_suite(path: str | os.PathLike | None = None):
    """The workload module: ``path``, else ``../shared/bench/compare.py``, else ``workloads.py``.

    The module provides ``Data``, ``wrap``, ``WORKLOADS``, ``FLOORS``, ``to_comparable`` and
    ``same``. A ``path`` given explicitly must exist. ``path="own"`` picks ``workloads.py``.
    """
    if path == "own":
        candidate = HERE / "workloads.py"
    elif path is not None:
        candidate = Path(path)
        if not candidate.is_file():
            msg = f"benchmarks: no workload file at {path}"
            raise FileNotFoundError(msg)
    else:
        candidate = shared_compare() or HERE / "workloads.py"
    name = "_jaggy_bench_suite_" + candidate.stem
    spec = importlib.util.spec_from_file_location(name, candidate)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    module.SOURCE = str(candidate)
    return module


def samples(fn, repeat: int, min_seconds: float = 0.0) -> list[float]:
    """Seconds per call of ``fn``, ``repeat`` samples; fast calls are looped for ``min_seconds``."""
    inner = 1
    if min_seconds > 0:
        t0 = time.perf_counter()
        fn()
        once = time.perf_counter() - t0
        inner = max(1, min(100_000, int(min_seconds / max(once, 1e-7))))
    out = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        for _ in range(inner):
            fn()
        out.append((time.perf_counter() - t0) / inner)
    return out


def median_time(fn, repeat: int, min_seconds: float = 0.0) -> float:
    """The median of :func:`samples`."""
    return statistics.median(samples(fn, repeat, min_seconds))


def best_time(fn, repeat: int) -> float:
    """The fastest of ``repeat`` single calls, in seconds."""
    return min(samples(fn, repeat))


def geomean(values) -> float | None:
    """The geometric mean of the positive values, ``None`` when there are none."""
    values = [v for v in values if v and v > 0]
    return math.exp(sum(map(math.log, values)) / len(values)) if values else None


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _version(name: str) -> str:
    try:
        module = __import__(name)
    except Exception:
        return "absent"
    return getattr(module, "__version__", "?")


def machine() -> dict:
    """CPU model, cores, jaggy's thread count and the versions of the packages involved."""
    import jaggy

    info = {
        "cpu": _cpu_model(),
        "cores": os.cpu_count(),
        "jaggy threads": jaggy.get_num_threads(),
        "python": platform.python_version(),
        "platform": platform.platform(terse=True),
    }
    for name in ("jaggy", "awkward", "numpy", "pyarrow", "numba"):
        info[name] = _version(name)
    return info


def _fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "-"
    if unit == "MB":
        return f"{value:.1f} MB"
    if value < 1e-3:
        return f"{value * 1e6:.2f} us"
    if value < 1.0:
        return f"{value * 1e3:.2f} ms"
    return f"{value:.3f} s"


def ratio(num: float | None, den: float | None) -> float | None:
    """``num / den`` when both are known and positive."""
    return num / den if num and den else None


def markdown_group(group: dict) -> str:
    """One group as a Markdown section: a table and the geometric-mean speed-ups."""
    cand, ref, floor = group.get("labels", ("jaggy", "awkward", "floor"))
    lines = [f"## {group['title']}", ""]
    if group.get("note"):
        lines += [group["note"], ""]
    lines.append(f"| workload | {cand} | {ref} | speed-up | {floor} | vs floor | check |")
    lines.append("|---|--:|--:|--:|--:|--:|---|")
    by_kind: dict[str, list[float]] = {}
    for row in group["rows"]:
        unit = row.get("unit", "s")
        ok = row["check"] == "ok"
        speed = ratio(row.get("awkward"), row.get("jaggy")) if ok else None
        vs_floor = ratio(row.get("jaggy"), row.get("floor")) if ok else None
        if speed:
            by_kind.setdefault(row.get("kind", "large"), []).append(speed)
        lines.append(
            f"| {row['workload']} | {_fmt(row.get('jaggy'), unit)} | {_fmt(row.get('awkward'), unit)} "
            f"| {f'{speed:.2f}x' if speed else '-'} | {_fmt(row.get('floor'), unit)} "
            f"| {f'{vs_floor:.2f}x' if vs_floor else '-'} | {row['check']} |")
    n_ok = sum(row["check"] == "ok" for row in group["rows"])
    summary = [f"{n_ok}/{len(group['rows'])} correct"]
    every = geomean([s for values in by_kind.values() for s in values])
    if every:
        summary.append(f"geometric-mean speed-up {every:.2f}x")
        if len(by_kind) > 1:
            summary += [f"{kind} {geomean(v):.2f}x" for kind, v in sorted(by_kind.items())]
    lines += ["", "; ".join(summary) + ".", ""]
    return "\n".join(lines)


def markdown_machine(info: dict) -> str:
    """The machine description as a Markdown list."""
    return "\n".join(f"- **{key}**: {value}" for key, value in info.items()) + "\n"
