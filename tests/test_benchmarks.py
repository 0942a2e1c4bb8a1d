"""benchmarks/run_all.py runs end to end on tiny sizes and writes its Markdown tables.

No timing is asserted (timings belong in the benchmarks): only that the tables are produced,
that every result check says ok, and that the project's own workload copy matches the shared
suite's names when both are present.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

pytest.importorskip("awkward")

BENCH = Path(__file__).resolve().parent.parent / "benchmarks"


@pytest.fixture(scope="module")
def run_all():
    spec = importlib.util.spec_from_file_location("_test_run_all", BENCH / "run_all.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("suite", [None, "own"])
def test_workloads_table(run_all, tmp_path, suite):
    out = tmp_path / "results.md"
    argv = ["--groups", "workloads", "--lists", "300", "--repeats", "1",
            "--only", "sum_axis1,mask_jagged,small_num", "--out", str(out)]
    if suite:
        argv += ["--compare", suite]
    assert run_all.main(argv) == 0
    text = out.read_text()
    assert "| workload | jaggy | awkward | speed-up | floor | vs floor | check |" in text
    assert "jaggy threads" in text
    assert "geometric-mean speed-up" in text
    rows = [line for line in text.splitlines() if line.startswith("| ") and "workload" not in line]
    names = [row.split("|")[1].strip() for row in rows]
    assert names == ["sum_axis1", "mask_jagged", "small_num"]
    assert all(row.rstrip().endswith("| ok |") for row in rows), rows


def test_threads_group(run_all):
    sys.path.insert(0, str(BENCH))
    import bench_threads

    group = bench_threads.run(lists=500, repeat=1, only={"sum_axis1", "sort_axis1"})
    assert [row["workload"] for row in group["rows"]] == ["sum_axis1", "sort_axis1"]
    assert all(row["check"] == "ok" for row in group["rows"])
    assert "| sum_axis1 |" in run_all.markdown_group(group)


def test_own_workloads_match_shared(run_all):
    harness = sys.modules["_harness"]
    shared = harness.shared_compare()
    if shared is None:
        pytest.skip("no shared/bench/compare.py beside the repository")
    assert list(harness.load_suite(shared).WORKLOADS) == list(harness.load_suite("own").WORKLOADS)


def test_missing_compare_file_is_an_error(run_all, tmp_path, capsys):
    with pytest.raises(SystemExit):
        run_all.main(["--groups", "workloads", "--compare", str(tmp_path / "nope.py")])
    assert "no such file" in capsys.readouterr().err


def test_gpu_benchmark_runs_on_the_emulated_device(capsys):
    """benchmarks/bench_gpu.py: without a GPU it says so and exits 0; ``--emulate`` runs its
    workloads on the fake CuPy with the emulated kernels and checks them against the CPU."""
    spec = importlib.util.spec_from_file_location("_test_bench_gpu", BENCH / "bench_gpu.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    try:
        import cupy

        has_gpu = bool(cupy.cuda.is_available())
    except Exception:
        has_gpu = False
    if not has_gpu:
        with pytest.raises(SystemExit) as exit_info:
            module.main(["--lists", "50", "--repeats", "1"])
        assert exit_info.value.code == 0
        assert "no CUDA backend here" in capsys.readouterr().out
    assert module.main(["--emulate", "--lists", "60", "--repeats", "1", "--compare", "own",
                        "--only", "sum_axis1,mask_jagged,sort_axis1,combinations2,record_math"]) == 0
    out = capsys.readouterr().out
    assert out.count("  ok") == 5 and "FAIL" not in out and "WRONG" not in out
