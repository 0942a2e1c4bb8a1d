"""ArrayBuilder / ListOffsetBuilder inside @njit, compile-time errors, and a leak check."""

from __future__ import annotations

import tracemalloc

import numpy as np
import pytest

numba = pytest.importorskip("numba")

import awkward as ak  # noqa: E402
import jaggy  # noqa: E402
import jaggy.numba  # noqa: E402

jaggy.numba.register()


@numba.njit
def fill(b, n):
    for i in range(n):
        b.begin_list()
        for j in range(i):
            b.begin_record()
            b.field("x")
            b.integer(j)
            b.field("y")
            b.real(j * 1.5)
            b.field("s")
            b.string("ab")
            b.field("t")
            b.begin_tuple(2)
            b.index(0)
            b.boolean(j % 2 == 0)
            b.index(1)
            b.null()
            b.end_tuple()
            b.end_record()
        b.end_list()


def test_arraybuilder_in_njit_matches_awkward():
    b = jaggy.ArrayBuilder()
    fill(b, 4)
    ab = ak.ArrayBuilder()
    fill.py_func(ab, 4)
    assert b.snapshot().to_list() == ab.snapshot().to_list()
    assert str(b.snapshot().type) == str(ab.snapshot().type)


def test_arraybuilder_errors_propagate():
    @numba.njit
    def bad(b):
        b.end_list()

    with pytest.raises(ValueError, match="end_list"):
        bad(jaggy.ArrayBuilder())


def test_listoffsetbuilder():
    @numba.njit
    def build(b, n):
        for i in range(n):
            b.begin_list()
            for j in range(i):
                b.append(j * 0.5)
            b.end_list()
        return b

    b = jaggy.numba.ListOffsetBuilder(np.float64, initial=1)
    out = build(b, 6).snapshot()
    assert out.to_list() == [[j * 0.5 for j in range(i)] for i in range(6)]
    assert str(out.type) == "6 * var * float64"
    assert len(b) == 6
    with pytest.raises(TypeError):
        jaggy.numba.ListOffsetBuilder(np.dtype("U3"))


@pytest.mark.parametrize(
    ("data", "body", "words"),
    [
        ([{"x": 1}], lambda a: a.nope, ["attribute .nope", "{x: int64}"]),
        ([[1, 2]], lambda a: a[0]["x"], ["field access", "var * int64"]),
        ([1, "a"], lambda a: a[0], ["integer indexing", "union"]),
        ([[1, 2]], lambda a: a[::2], ["slicing with a step"]),
        ([[True], None], lambda a: np.asarray(a), ["np.asarray", "option[var * bool]"]),
    ],
)
def test_compile_errors_name_type_and_operation(data, body, words):
    f = numba.njit(body)
    with pytest.raises(numba.core.errors.TypingError) as info:
        f(jaggy.Array(data))
    for w in words:
        assert w in str(info.value)


def test_no_leak_boxing_unboxing():
    a = jaggy.Array([[1.0, 2.0], [], [3.0]])

    @numba.njit
    def f(a):
        return a[0], len(a)

    f(a)
    tracemalloc.start()
    for _ in range(2000):
        f(a)
    before = tracemalloc.take_snapshot()
    for _ in range(100_000):
        f(a)
    after = tracemalloc.take_snapshot()
    tracemalloc.stop()
    grown = sum(s.size_diff for s in after.compare_to(before, "filename"))
    assert grown < 100_000


def _setitem(a):
    a[0] = 1.0


@pytest.mark.parametrize(
    ("data", "body", "words"),
    [
        ([{"x": 1}], lambda a: a[0][1.5], ["indexing a record by float64", "{x: int64}"]),
        ([[1.0]], lambda a: a[1.5], ["indexing by float64", "var * float64"]),
        ([[1.0]], lambda a: a + 1, ["arithmetic or comparison (+)", "var * float64"]),
        ([{"x": 1}], lambda a: a[0] < a[0], ["(<)", "{x: int64}"]),
        ([1.0], lambda a: -a, ["unary -", "float64"]),
        ([1.0], _setitem, ["assignment", "read-only", "float64"]),
        ([{"x": [1]}], lambda a: a[0].x.y, ["attribute .y", "var * int64"]),
    ],
)
def test_more_compile_errors(data, body, words):
    f = numba.njit(body)
    with pytest.raises(numba.core.errors.TypingError) as info:
        f(jaggy.Array(data))
    for w in words:
        assert w in str(info.value)


def test_operators_still_work_on_values():
    a = jaggy.Array([[1.0, 2.0], [3.0]])

    @numba.njit
    def f(a):
        x = a[0][0] + a[1][0] * 2
        return x, a[0][1] < a[1][0], np.asarray(a[0]) + 1

    x, lt, arr = f(a)
    assert x == 7.0
    assert lt
    assert arr.tolist() == [2.0, 3.0]
