"""Thread safety: the same operations from 8 Python threads give the single-threaded results,
and the kernels' own thread count (``jaggy.set_num_threads`` / ``JAGGY_NUM_THREADS``) never
changes a result."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jaggy
import numpy as np
import pytest

THREADS = 8


def _data(seed: int, n: int = 300) -> list:
    rng = np.random.default_rng(seed)
    lengths = rng.integers(0, 6, n)
    values = rng.normal(size=int(lengths.sum())).round(3)
    out, at = [], 0
    for k, length in enumerate(lengths):
        row = [float(v) for v in values[at : at + length]]
        at += length
        out.append(None if k % 17 == 5 else row)
    return out


def _build(data: list) -> Any:
    builder = jaggy.ArrayBuilder()
    for row in data:
        if row is None:
            builder.null()
            continue
        builder.begin_list()
        for value in row:
            builder.real(value)
        builder.end_list()
    return builder.snapshot().to_list()


def _nan_safe(value: Any) -> Any:
    """to_list with NaN replaced by a marker, so results compare with ``==``."""
    if isinstance(value, list):
        return [_nan_safe(v) for v in value]
    if isinstance(value, tuple):
        return tuple(_nan_safe(v) for v in value)
    if isinstance(value, dict):
        return {k: _nan_safe(v) for k, v in value.items()}
    if isinstance(value, float) and value != value:
        return "nan"
    return value


def _present(array: Any) -> Any:
    return jaggy.drop_none(array, axis=0)


OPERATIONS: dict[str, Callable[[Any, list], Any]] = {
    "slice": lambda a, d: a[1:-1, ::-1].to_list(),
    "mask": lambda a, d: a[jaggy.num(jaggy.fill_none(a, []), axis=1) > 2].to_list(),
    "getitem_int": lambda a, d: a[jaggy.fill_none(jaggy.num(a, axis=1), 0) > 0, 0].to_list(),
    "sum": lambda a, d: jaggy.sum(a, axis=1).to_list(),
    "max": lambda a, d: jaggy.max(a, axis=-1).to_list(),
    "mean": lambda a, d: jaggy.mean(a, axis=1).to_list(),
    "count_all": lambda a, d: (jaggy.count(a), jaggy.sum(a)),
    "sort": lambda a, d: jaggy.sort(a, axis=1, ascending=False).to_list(),
    "argsort": lambda a, d: jaggy.argsort(a, axis=1).to_list(),
    "flatten": lambda a, d: jaggy.flatten(a).to_list(),
    "from_iter": lambda a, d: jaggy.from_iter(d).to_list(),
    "to_list": lambda a, d: a.to_list(),
    "builder": lambda a, d: _build(d),
    "ufunc": lambda a, d: (np.sqrt(np.abs(a)) * 2 + a).to_list(),
    "combinations": lambda a, d: jaggy.combinations(a, 2).to_list(),
    "cartesian": lambda a, d: jaggy.argcartesian([_present(a)] * 2, axis=1).to_list(),
    "local_index": lambda a, d: jaggy.local_index(a).to_list(),
}


def _run_threads(jobs: list[Callable[[], Any]]) -> list[Any]:
    results: list[Any] = [None] * len(jobs)
    errors: list[BaseException] = []
    barrier = threading.Barrier(len(jobs))

    def work(k: int) -> None:
        try:
            barrier.wait()
            for _ in range(3):  # repeat so that the threads overlap
                out = _nan_safe(jobs[k]())
                if results[k] is not None and out != results[k]:
                    msg = f"thread {k} got different results on repetition"
                    raise AssertionError(msg)
                results[k] = out
        except BaseException as err:  # reported in the main thread
            errors.append(err)

    threads = [threading.Thread(target=work, args=(k,)) for k in range(len(jobs))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if errors:
        raise errors[0]
    return results


@pytest.mark.parametrize("name", sorted(OPERATIONS))
def test_same_array_from_8_threads(name: str) -> None:
    data = _data(0)
    array = jaggy.Array(data)
    op = OPERATIONS[name]
    expected = _nan_safe(op(array, data))
    results = _run_threads([lambda: op(array, data)] * THREADS)
    assert all(r == expected for r in results)


def test_different_arrays_and_operations_from_8_threads() -> None:
    names = sorted(OPERATIONS)
    datasets = [_data(seed) for seed in range(THREADS)]
    arrays = [jaggy.Array(d) for d in datasets]
    jobs, expected = [], []
    for k in range(THREADS):
        for name in names[k::THREADS] or names[:1]:
            op = OPERATIONS[name]
            expected.append(_nan_safe(op(arrays[k], datasets[k])))
            jobs.append(lambda op=op, k=k: op(arrays[k], datasets[k]))
    assert _run_threads(jobs) == expected


# -- the kernels' thread count ------------------------------------------------------------------
BIG = (1 << 18) + 12345  # above the kernels' parallel threshold (kParallelThreshold = 2**18)


def _big_array() -> Any:
    rng = np.random.default_rng(7)
    counts = rng.integers(0, 5, BIG)
    offsets = np.concatenate([[0], np.cumsum(counts)])
    content = rng.normal(size=int(offsets[-1]))
    content[::97] = np.nan
    layout = jaggy.contents.ListOffsetArray(
        jaggy.index.Index64(offsets), jaggy.contents.NumpyArray(content)
    )
    return jaggy.Array(layout)


def _flat(result: Any) -> np.ndarray:
    if isinstance(result, jaggy.Array):
        result = jaggy.flatten(result, axis=None)
        return np.asarray(jaggy.to_numpy(result))
    return np.asarray(result)


BIG_OPERATIONS: dict[str, Callable[[Any], Any]] = {
    "num": lambda a: jaggy.num(a, axis=1),
    "sum": lambda a: jaggy.sum(a, axis=1),
    "nansum": lambda a: jaggy.nansum(a, axis=1),
    "max": lambda a: jaggy.fill_none(jaggy.max(a, axis=1), -1.0),
    "argmin": lambda a: jaggy.fill_none(jaggy.argmin(a, axis=1), -1),
    "total": lambda a: jaggy.sum(a, axis=None),
    "sort": lambda a: jaggy.sort(a, axis=1),
    "argsort": lambda a: jaggy.argsort(a, axis=1),
    "flatten": lambda a: jaggy.flatten(a),
    "slice": lambda a: a[jaggy.num(a, axis=1) > 1, 1:],
    "local_index": lambda a: jaggy.local_index(a),
    "combinations": lambda a: jaggy.flatten(jaggy.argcombinations(a, 2)["0"]),
    "select_lists": lambda a: a[jaggy.num(a, axis=1) > 2],
    "pad_clip_fill": lambda a: jaggy.fill_none(jaggy.pad_none(a, 3, clip=True), 0.0),
    "pad_fill": lambda a: jaggy.fill_none(jaggy.pad_none(a, 3), 0.0),
    "concatenate_axis1": lambda a: jaggy.concatenate([a, a * 2.0, a[:, :1]], axis=1),
    "concatenate_ints": lambda a: jaggy.concatenate([a, jaggy.num(a, axis=1)[:, None]], axis=1),
    "firsts": lambda a: jaggy.fill_none(jaggy.firsts(a), -1.0),
    "mask_fill_none": lambda a: jaggy.fill_none(jaggy.mask(a, a > 0.5), 0.0),
    "argmax_take": lambda a: jaggy.fill_none(a[jaggy.argmax(a, axis=1, keepdims=True)], -1.0),
    "ufunc": lambda a: np.sqrt(np.abs(a)) + a,
}


def test_num_threads_do_not_change_results() -> None:
    array = _big_array()
    before = jaggy.get_num_threads()
    try:
        results = {}
        for n in (1, 2, 4):
            jaggy.set_num_threads(n)
            assert jaggy.get_num_threads() == n
            results[n] = {name: _flat(op(array)) for name, op in BIG_OPERATIONS.items()}
        for n in (2, 4):
            for name in BIG_OPERATIONS:
                np.testing.assert_array_equal(results[n][name], results[1][name], err_msg=name)
    finally:
        jaggy.set_num_threads(before)


def test_set_num_threads_rejects_zero() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        jaggy.set_num_threads(0)


def test_environment_variable_sets_the_count() -> None:
    env = dict(os.environ, JAGGY_NUM_THREADS="3")
    # the jaggy this test imports (installed, or the source tree with a development build)
    package_parent = Path(jaggy.__file__).resolve().parents[1]
    env["PYTHONPATH"] = os.pathsep.join([str(package_parent), env.get("PYTHONPATH", "")])
    code = "import jaggy; print(jaggy.get_num_threads())"
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "3"
