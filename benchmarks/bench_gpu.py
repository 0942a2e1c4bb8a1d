"""GPU benchmark: the large workloads of the shared suite on jaggy's CPU and CUDA backends, Awkward
on CUDA where it works, and the device's bandwidth floor.

    PYTHONPATH=python python benchmarks/bench_gpu.py [--lists N] [--repeats R] [--only a,b]
    PYTHONPATH=python python benchmarks/bench_gpu.py --emulate --lists 2000   # no GPU: a smoke run

Each workload runs on arrays moved to the device once (``jaggy.to_backend(x, "cuda")``); a GPU
timing waits for the device (``cupy.cuda.Device().synchronize()``) after the call. Results are
compared with the CPU backend's (``to_list`` after an explicit copy to the host). The floor is
the time the device needs to read the flat values once (``cupy.sum`` over them: a reduction that
reads every value, the lower bound for reductions and masks); "vs floor" is GPU time / floor.

Without a GPU the script says why and exits 0. ``--emulate`` runs the same code on jaggy's
strict fake CuPy with the CPU emulation of the CUDA kernels (tests/kernels/cuda_emu.py; needs a
C++ compiler): its timings mean nothing, it checks the script and the device paths.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from _harness import load_suite  # noqa: E402

_KEEP: list = []  # the emulated device's context, alive until the process ends

#: workloads that need the host (Numba, Python objects) or are per-call overhead
SKIP = ("numba", "from_iter", "to_list", "arrow", "small_")


def _device(emulate: bool) -> tuple[Any, Any, Any]:
    """(backend, xp, synchronize) of the CUDA backend, real or emulated; raises SystemExit with the
    reason when there is none."""
    import jaggy.backends.cuda as cuda

    if emulate:
        sys.path.insert(0, str(HERE.parent / "tests" / "kernels"))
        import ctypes

        from cuda_emu import EmuModule, build_library, compiler
        from jaggy._kernels.cuda_launch import CudaKernels
        from jaggy.testing.fake_cupy import FakeDeviceModule, xp

        if compiler() is None:
            raise SystemExit("bench_gpu --emulate: no C++ compiler for the CUDA emulation")
        lib = ctypes.CDLL(str(build_library()))
        backend = cuda.CUDABackend(xp, CudaKernels(FakeDeviceModule(EmuModule(lib, seed=0)), xp))
        _KEEP.append(cuda.use_backend(backend))  # for the rest of this process
        _KEEP[-1].__enter__()
        return backend, xp, lambda: None
    try:
        backend = cuda.cuda_backend()
    except Exception as err:
        print(f"bench_gpu: no CUDA backend here ({err}); nothing to measure")
        raise SystemExit(0) from None
    import cupy

    return backend, cupy, lambda: cupy.cuda.Device().synchronize()


def _time(fn: Any, sync: Any, repeats: int) -> float:
    fn()
    sync()
    out = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        sync()
        out.append(time.perf_counter() - t0)
    return statistics.median(out)


def _awkward_cuda(suite: Any, data: Any) -> tuple[Any, Any]:
    """(awkward, its arrays on CUDA), or (None, reason)."""
    try:
        import awkward

        return awkward, suite.wrap(awkward, data, "cuda")
    except Exception as err:  # no GPU, no awkward, or Awkward's CUDA backend refuses
        return None, f"{type(err).__name__}: {str(err).splitlines()[0][:60] if str(err) else ''}"


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--lists", type=int, default=1_000_000)
    p.add_argument("--repeats", type=int, default=5)
    p.add_argument("--only", default="", help="comma-separated substrings of workload names")
    p.add_argument("--emulate", action="store_true", help="fake CuPy + emulated kernels (no GPU)")
    p.add_argument("--compare", default=None, help="the workload file (default: the shared suite)")
    args = p.parse_args(argv)

    import jaggy
    import numpy as np

    backend, xp, sync = _device(args.emulate)
    suite = load_suite(args.compare)
    data = suite.Data(args.lists, 10.0)
    cpu_arrays = suite.wrap(jaggy, data, "cpu")
    gpu_arrays = {k: (backend.asarray(v) if isinstance(v, np.ndarray) else jaggy.to_backend(v, "cuda"))
                  for k, v in cpu_arrays.items()}
    ak_mod, ak_arrays = _awkward_cuda(suite, data) if not args.emulate else (None, "emulated run")
    flat = backend.asarray(data.x)
    floor = _time(lambda: xp.sum(flat), sync, args.repeats)
    only = [s for s in args.only.split(",") if s]
    print(f"# {len(data.x):,} values in {args.lists:,} lists; device: "
          f"{'emulated (timings meaningless)' if args.emulate else 'CUDA'}; median of {args.repeats}")
    print(f"# floor: cupy.sum over the {len(data.x):,} flat values, {floor * 1e3:.3f} ms"
          + ("" if ak_mod else f"; Awkward on CUDA: {ak_arrays}"))
    print(f"{'workload':20s} {'cpu':>10s} {'gpu':>10s} {'gpu/cpu':>8s} {'awkward-cuda':>13s} "
          f"{'vs floor':>9s}  check")
    failures = 0
    for name, (fn, kind) in suite.WORKLOADS.items():
        if kind != "large" or any(s in name for s in SKIP) or (only and not any(s in name for s in only)):
            continue
        try:
            expected = fn(jaggy, cpu_arrays, data)
            t_cpu = _time(lambda fn=fn: fn(jaggy, cpu_arrays, data), lambda: None, args.repeats)
            got = fn(jaggy, gpu_arrays, data)
            t_gpu = _time(lambda fn=fn: fn(jaggy, gpu_arrays, data), sync, args.repeats)
            host = jaggy.to_backend(got, "cpu") if isinstance(got, (jaggy.Array, jaggy.Record)) else got
            ok = suite.same(suite.to_comparable(jaggy, host), suite.to_comparable(jaggy, expected))
            check = "ok" if ok else "WRONG (differs from the CPU backend)"
        except Exception as err:
            failures += 1
            print(f"{name:20s} FAIL {type(err).__name__}: {str(err).splitlines()[0][:90] if str(err) else ''}")
            continue
        t_ak = "-"
        if ak_mod is not None:
            try:
                t_ak = f"{_time(lambda fn=fn: fn(ak_mod, ak_arrays, data), sync, args.repeats) * 1e3:.2f}ms"
            except Exception as err:
                t_ak = type(err).__name__
        failures += check != "ok"
        print(f"{name:20s} {t_cpu * 1e3:8.2f}ms {t_gpu * 1e3:8.2f}ms {t_cpu / t_gpu:7.2f}x "
              f"{t_ak:>13s} {t_gpu / floor:8.2f}x  {check}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
