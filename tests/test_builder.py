"""Differential tests of jaggy's C++ ArrayBuilder / from_iter against Awkward.

Our output (form JSON, length, buffers) is read back with ``awkward.from_buffers`` and
must equal ``awkward.from_iter`` / ``awkward.ArrayBuilder`` in values and type string.
"""

from __future__ import annotations

import datetime
import json
from typing import Any

import awkward as ak
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jaggy import _ext
from jaggy.builder import ArrayBuilder, _from_iter_layout


def _same(got: ak.Array, expected: ak.Array) -> None:
    assert str(got.type) == str(expected.type)
    assert got.to_list() == expected.to_list()


def check_from_iter(data: Any) -> None:
    form, length, buffers = _ext.from_iter(data)
    _same(ak.from_buffers(form, length, buffers), ak.from_iter(data))


CASES: list[Any] = [
    [],
    [1, 2, 3],
    [1, 2.5],
    [1.5, 2],
    [1, True],
    [True, False, None],
    [None],
    [None, None],
    [[], []],
    [[], [[]], [[[]]]],
    [1, None, 2.5],
    [None, 1, None],
    [1 + 2j, 1, 2.5],
    [1, 2.5, 3j],
    ["a", "bc", ""],
    ["héllo", "wörld", "日本"],
    [b"a", b"\x00\xff"],
    ["a", b"a"],
    ["a", 1],
    ["a", None, 1],
    [None, "a", 1],
    [1, "a", None, [1], {"x": 1}],
    [{"x": 1}, {"y": 2}],
    [{"x": 1}, {"x": 2, "y": 3}],
    [{"x": 1, "y": 2}, {"y": 3, "x": 4}],
    [{"x": 1}, None],
    [None, {"x": 1}],
    [{"x": 1}, {}],
    [{}, {}],
    [{"x": None}, {"x": [1]}, {"y": 1}],
    [{"x": 1}, {"x": 1.5, "y": "a"}, None],
    [{"a": {"b": {"c": [1, 2]}}}, {"a": {"b": None}}],
    [{"x": [{"y": 1}, {"y": None}]}, {"x": []}],
    [{'key "quoted"\\': 1}],
    [(1, 2), (3, 4)],
    [(1, 2), (3, 4, 5)],
    [(1, 2), {"x": 1}],
    [(1, "a"), None, (2.5, None)],
    [[1], (1,)],
    [[1, 2], 3],
    [[1, 2], None, 3],
    [[1, None], ["a"]],
    [[1 + 1j, None], 2.5, True, "s", b"b", None],
    [[[1, None, [2]]], None, [[{"a": [1, "x"]}]]],
    [None, 1, None, "a", [None], None],
    [[None]],
    [None, [1]],
    [None, []],
    [[1, 2, 3], [], [4, 5]],
    [[[1.5], []], [[2, 3]]],
    [-(2**63), 2**63 - 1],
    [np.float32(1.5), np.int32(3)],
    [np.bool_(True), np.bool_(False)],
    [np.complex64(1 + 2j)],
    [np.array([1, 2, 3]), np.array([4.0])],
    [np.array([[1, 2], [3, 4]])],
    np.array([[1, 2], [3, 4]]),
    (1, 2, 3),
    [range(3), range(2)],
    [np.datetime64("2020-01-01"), np.datetime64("2020-01-02")],
    [np.datetime64("2020-01-01"), np.datetime64("2020-01-01T00:00")],
    [np.timedelta64(5, "s"), None],
    [datetime.datetime(2020, 1, 1, 12, 30)],
    [datetime.date(2020, 1, 1)],
    [[[[[[[[1]]]]]]]],
    [{"x": [1, 2]}, {"x": [3.5]}, {"x": None}],
    [[{"x": 1}, {"x": 2}], [], [None]],
]


@pytest.mark.parametrize("data", CASES, ids=[repr(c)[:50] for c in CASES])
def test_from_iter_table(data: Any) -> None:
    check_from_iter(data)


def test_from_iter_generator_and_iterables() -> None:
    form, length, buffers = _ext.from_iter(x * 2 for x in range(5))
    assert ak.from_buffers(form, length, buffers).to_list() == [0, 2, 4, 6, 8]
    form, length, buffers = _ext.from_iter([iter([1, 2]), iter([])])
    assert ak.from_buffers(form, length, buffers).to_list() == [[1, 2], []]


def test_from_iter_buffer_names_and_form_keys() -> None:
    form, length, buffers = _ext.from_iter([[1.5, None], [], None])
    assert length == 3
    assert set(buffers) == {"node0-index", "node1-offsets", "node2-index", "node3-data"}
    parsed = json.loads(form)
    assert parsed["class"] == "IndexedOptionArray"
    assert parsed["form_key"] == "node0"
    assert parsed["content"]["content"]["content"]["primitive"] == "float64"
    assert buffers["node1-offsets"].dtype == np.int64
    assert buffers["node0-index"].tolist() == [0, 1, -1]


def test_from_iter_top_level_record() -> None:
    form, length, buffers = _ext.from_iter({"x": 1, "y": [1, 2]})
    assert length == 1
    assert ak.from_buffers(form, length, buffers)[0].to_list() == {"x": 1, "y": [1, 2]}
    with pytest.raises(ValueError, match="single dict"):
        _ext.from_iter({"x": 1}, allow_record=False)
    assert _from_iter_layout([1])[1] == 1


@pytest.mark.parametrize(
    ("data", "error"),
    [
        (5, TypeError),
        ("abc", TypeError),
        ([2**63], ValueError),
        ([[1, -(2**64)]], ValueError),
        ([object()], ValueError),
        ([{1: 2}], TypeError),
    ],
)
def test_from_iter_errors(data: Any, error: type[Exception]) -> None:
    with pytest.raises(error):
        _ext.from_iter(data)


def test_from_iter_deep_nesting_raises_recursion_error() -> None:
    deep: Any = 1
    for _ in range(100_000):
        deep = [deep]
    with pytest.raises(RecursionError):
        _ext.from_iter([deep])


# -- random data ---------------------------------------------------------------------------

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(allow_nan=False),
    st.complex_numbers(allow_nan=False, allow_infinity=False),
    st.text(max_size=5),
    st.binary(max_size=5),
)
nested = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.sampled_from(["x", "y", "z"]), inner, max_size=3),
        st.tuples(inner, inner),
    ),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None)
@given(st.lists(nested, max_size=6))
def test_from_iter_random(data: list[Any]) -> None:
    check_from_iter(data)


# A narrower strategy that produces more merging (same shapes with nulls and promotions).
numbers = st.one_of(st.none(), st.integers(-5, 5), st.floats(-5, 5, allow_nan=False))
shaped = st.one_of(
    st.lists(st.lists(numbers, max_size=3), max_size=4),
    st.lists(st.dictionaries(st.sampled_from(["a", "b"]), numbers), max_size=4),
    st.lists(st.one_of(st.none(), st.lists(numbers, max_size=3)), max_size=4),
)


@settings(max_examples=200, deadline=None)
@given(shaped)
def test_from_iter_random_regular_shapes(data: list[Any]) -> None:
    check_from_iter(data)


# -- builder call sequences ------------------------------------------------------------------


def _run(builder: Any, calls: list[tuple[Any, ...]]) -> None:
    for name, *args in calls:
        getattr(builder, name)(*args)


SEQUENCES: list[list[tuple[Any, ...]]] = [
    [],
    [("integer", 1), ("real", 2.5), ("null",)],
    [("boolean", True), ("integer", 1)],
    [("complex", 1 + 1j), ("integer", 3)],
    [("string", "abc"), ("bytestring", b"x"), ("null",)],
    [
        ("begin_list",),
        ("integer", 1),
        ("integer", 2),
        ("end_list",),
        ("begin_list",),
        ("end_list",),
    ],
    [("begin_list",), ("begin_list",), ("real", 1.5), ("end_list",), ("end_list",), ("null",)],
    [
        ("begin_record",),
        ("field", "x"),
        ("integer", 1),
        ("field", "y"),
        ("begin_list",),
        ("end_list",),
        ("end_record",),
        ("begin_record",),
        ("field", "z"),
        ("string", "s"),
        ("end_record",),
    ],
    [
        ("begin_record", "Point"),
        ("field", "x"),
        ("real", 1.0),
        ("end_record",),
        ("begin_record", "Other"),
        ("field", "x"),
        ("real", 1.0),
        ("end_record",),
    ],
    [
        ("begin_tuple", 2),
        ("index", 0),
        ("integer", 1),
        ("end_tuple",),
        ("begin_tuple", 2),
        ("end_tuple",),
    ],
    [
        ("begin_tuple", 2),
        ("index", 1),
        ("string", "a"),
        ("index", 0),
        ("real", 1.5),
        ("end_tuple",),
    ],
    [("integer", 1), ("begin_list",), ("integer", 1), ("end_list",), ("null",), ("string", "a")],
    [("append", [1, 2, {"x": None}]), ("extend", [None, [3]]), ("append", "s")],
    [("begin_list",), ("append", {"a": 1}), ("append", {"b": 2.5}), ("null",), ("end_list",)],
    [
        ("begin_record",),
        ("field", "x"),
        ("begin_record",),
        ("field", "y"),
        ("integer", 1),
        ("end_record",),
        ("field", "w"),
        ("null",),
        ("end_record",),
    ],
    [("datetime", np.datetime64("2021-05-06")), ("datetime", "2021-05-07"), ("null",)],
    [("timedelta", np.timedelta64(3, "s")), ("timedelta", np.timedelta64(1, "s"))],
    [("begin_list",), ("integer", 1), ("end_list",), ("begin_list",), ("integer", 2)],
    [
        ("begin_list",),
        ("begin_record",),
        ("field", "x"),
        ("integer", 1),
        ("end_record",),
        ("end_list",),
        ("begin_list",),
        ("begin_record",),
        ("field", "x"),
    ],
]


@pytest.mark.parametrize("calls", SEQUENCES, ids=[str(i) for i in range(len(SEQUENCES))])
def test_builder_sequences(calls: list[tuple[Any, ...]]) -> None:
    ours = _ext.ArrayBuilder()
    theirs = ak.ArrayBuilder()
    _run(ours, calls)
    _run(theirs, calls)
    assert len(ours) == len(theirs)
    form, length, buffers = ours.snapshot()
    _same(ak.from_buffers(form, length, buffers), theirs.snapshot())
    assert json.loads(ours.form()) == json.loads(form)


def test_builder_snapshot_does_not_stop_building() -> None:
    b = _ext.ArrayBuilder()
    b.integer(1)
    first = ak.from_buffers(*b.snapshot())
    b.real(2.5)
    assert first.to_list() == [1]
    assert ak.from_buffers(*b.snapshot()).to_list() == [1.0, 2.5]
    b.clear()
    assert len(b) == 0
    assert str(ak.from_buffers(*b.snapshot()).type) == "0 * unknown"


def test_builder_integer_accepts_numpy_and_rejects_overflow() -> None:
    b = _ext.ArrayBuilder()
    b.integer(np.int16(7))
    with pytest.raises(ValueError, match="int64"):
        b.integer(2**64)
    with pytest.raises(TypeError):
        b.integer(1.5)
    assert ak.from_buffers(*b.snapshot()).to_list() == [7]


ERROR_SEQUENCES: list[list[tuple[Any, ...]]] = [
    [("end_list",)],
    [("end_record",)],
    [("end_tuple",)],
    [("field", "x")],
    [("index", 0)],
    [("begin_record",), ("integer", 1)],
    [("begin_tuple", 2), ("integer", 1)],
    [("begin_tuple", 2), ("index", 5)],
    [("begin_tuple", 2), ("index", -1)],
    [("begin_list",), ("end_record",)],
    [("begin_record",), ("end_list",)],
    [("begin_record",), ("end_tuple",)],
    [("begin_list",), ("field", "x")],
    [("begin_record",), ("field", "x"), ("integer", 1), ("integer", 2)],
    [("begin_tuple", 1), ("index", 0), ("integer", 1), ("index", 0), ("integer", 2)],
]


@pytest.mark.parametrize(
    "calls", ERROR_SEQUENCES, ids=[str(i) for i in range(len(ERROR_SEQUENCES))]
)
def test_builder_errors(calls: list[tuple[Any, ...]]) -> None:
    b = _ext.ArrayBuilder()
    with pytest.raises(ValueError):
        _run(b, calls)
    # The builder is still usable for inspection afterwards.
    b.snapshot()
    b.form()


def test_builder_constructor_arguments() -> None:
    with pytest.raises(ValueError):
        _ext.ArrayBuilder(initial=0)
    with pytest.raises(ValueError):
        _ext.ArrayBuilder(resize=1)


# -- the high-level wrapper --------------------------------------------------------------------


def test_highlevel_builder_calls_and_context_managers() -> None:
    b = ArrayBuilder()
    with b.list():
        b.integer(1)
        b.real(2.5)
    with b.record("P"):
        b.field("x").integer(1)
    with b.tuple(2):
        b.index(0).string("a")
        b.index(1).null()
    b.append({"x": 2})
    b.extend([None, 3])
    assert len(b) == 6
    theirs = ak.ArrayBuilder()
    with theirs.list():
        theirs.integer(1)
        theirs.real(2.5)
    with theirs.record("P"):
        theirs.field("x").integer(1)
    with theirs.tuple(2):
        theirs.index(0).string("a")
        theirs.index(1).null()
    theirs.append({"x": 2})
    theirs.extend([None, 3])
    _same(ak.from_buffers(*b._buffers()), theirs.snapshot())
    assert json.loads(b.form())["class"] == "UnionArray"
    b.clear()
    assert len(b) == 0


def test_highlevel_context_manager_does_not_close_on_error() -> None:
    b = ArrayBuilder()
    with pytest.raises(KeyError), b.list():
        raise KeyError("boom")
    b.end_list()
    assert len(b) == 1


def test_builder_reentrant_call_raises() -> None:
    b = _ext.ArrayBuilder()

    def evil() -> Any:
        yield 1
        b.integer(5)
        yield 2

    with pytest.raises(ValueError, match="re-entrantly"):
        b.append(evil())
    b.integer(3)
    b.snapshot()
