"""No leaks: many calls of the common operations (and of Numba boxing/unboxing) leave the
number of live Python memory blocks and the resident memory bounded.

Each case warms up (caches fill), then runs many calls and compares ``sys.getallocatedblocks()``
(every Python object a C++ binding forgets to release stays allocated) and the resident set size
(raw buffers a kernel forgets to free) before and after. A leak of one object or one buffer per
call exceeds the allowance by far.
"""

from __future__ import annotations

import gc
import os
import sys
import tracemalloc
from collections.abc import Callable
from typing import Any

import jaggy
import numpy as np
import pytest

TOTAL_CALLS = 0


def _rss() -> int | None:
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError):
        return None


def _assert_bounded(fn: Callable[[], Any], calls: int, rss_slack: int = 24 << 20) -> None:
    global TOTAL_CALLS
    for _ in range(max(200, calls // 10)):
        fn()
    gc.collect()
    blocks0, rss0 = sys.getallocatedblocks(), _rss()
    for _ in range(calls):
        fn()
    gc.collect()
    blocks1, rss1 = sys.getallocatedblocks(), _rss()
    TOTAL_CALLS += calls
    assert blocks1 - blocks0 < calls // 20 + 500, (blocks0, blocks1)
    if rss0 is not None and rss1 is not None:
        assert rss1 - rss0 < rss_slack, (rss0, rss1)


# Small arrays for cheap calls, and one with 4096 items so that a leaked buffer shows in RSS.
SMALL = jaggy.Array([[1.0, 2.0], [], [3.0, None]])
RECORDS = jaggy.Array([{"x": [1, 2], "y": 1.5, "s": "ab"}, {"x": [], "y": None, "s": ""}])
MEDIUM = jaggy.Array([list(np.arange(k % 9, dtype=float)) for k in range(1024)])
MASK = np.array([True, False, True])

OPERATIONS: dict[str, tuple[Callable[[], Any], int]] = {
    "getitem_slice": (lambda: SMALL[1:], 15_000),
    "getitem_int": (lambda: SMALL[0], 15_000),
    "getitem_mask": (lambda: SMALL[MASK], 10_000),
    "getitem_jagged": (lambda: SMALL[:, :1], 5_000),
    "getitem_field": (lambda: RECORDS["x"], 10_000),
    "num": (lambda: jaggy.num(SMALL), 10_000),
    "sum": (lambda: jaggy.sum(SMALL, axis=1), 5_000),
    "sum_medium": (lambda: jaggy.sum(MEDIUM, axis=-1), 2_000),
    "flatten": (lambda: jaggy.flatten(SMALL), 5_000),
    "ufunc": (lambda: SMALL * 2 + 1, 5_000),
    "ufunc_medium": (lambda: np.sqrt(MEDIUM), 2_000),
    "to_list": (lambda: RECORDS.to_list(), 4_000),
    "from_iter": (lambda: jaggy.from_iter([[1, 2], [], [3.5, None], "x"]), 3_000),
    "builder": (lambda: _build(), 3_000),
}


def _build() -> Any:
    b = jaggy.ArrayBuilder()
    b.begin_list()
    b.integer(1)
    b.real(2.5)
    b.end_list()
    b.begin_record()
    b.field("x")
    b.string("abc")
    b.end_record()
    b.null()
    return b.snapshot()


@pytest.mark.parametrize("name", sorted(OPERATIONS))
def test_operation_does_not_leak(name: str) -> None:
    fn, calls = OPERATIONS[name]
    _assert_bounded(fn, calls)


def test_tracemalloc_bounded() -> None:
    """Python-level allocations traced over a mix of operations stay bounded."""
    def mix() -> None:
        jaggy.sum(SMALL, axis=1)
        SMALL[1:].to_list()
        jaggy.flatten(RECORDS["x"])

    for _ in range(300):
        mix()
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        for _ in range(3_000):
            mix()
        gc.collect()
        after = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    assert after - before < 256 << 10, (before, after)


def test_numba_boxing_does_not_leak() -> None:
    numba = pytest.importorskip("numba")
    import jaggy.numba

    jaggy.numba.register()

    @numba.njit
    def length(a: Any) -> int:
        return len(a)

    @numba.njit
    def part(a: Any, i: int, j: int) -> Any:
        return a[i:j]

    @numba.njit
    def first(a: Any) -> Any:
        return a[0]

    _assert_bounded(lambda: length(SMALL), 10_000)
    _assert_bounded(lambda: length(MEDIUM), 5_000)
    _assert_bounded(lambda: part(MEDIUM, 1, 500), 5_000)
    _assert_bounded(lambda: first(RECORDS), 5_000)


def test_total_calls() -> None:
    """Runs last in this file: the cases above made at least 100,000 calls in all."""
    if TOTAL_CALLS == 0:
        pytest.skip("run together with the other tests of this file")
    assert TOTAL_CALLS >= 100_000
