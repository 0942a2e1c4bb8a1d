"""The broadcasting engine and the structure operations built on it, against Awkward."""

from __future__ import annotations

import math
from typing import Any

import awkward
import jaggy
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jaggy.testing.strategies import array_pairs, nested_data, numeric_lists, scalars


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    if isinstance(a, float) and isinstance(b, float):
        return (math.isnan(a) and math.isnan(b)) or math.isclose(a, b, rel_tol=1e-12) or a == b
    return a == b and type(a) is type(b)


def assert_same(expected: Any, got: Any) -> None:
    assert str(awkward.type(expected)) == str(got.type)
    assert _same(expected.to_list(), got.to_list()), (expected.to_list(), got.to_list())


def both(fn):
    return fn(awkward), fn(jaggy)


A = [[1, 2, 3], [], [4, 5]]
CASES = [
    lambda m: m.broadcast_arrays(m.Array(A), 5),
    lambda m: m.broadcast_arrays(m.Array(A), np.array([1, 2, 3])),
    lambda m: m.broadcast_arrays(m.Array(A), m.Array([{"x": 1}, {"x": 2}, {"x": 3}])),
    lambda m: m.broadcast_arrays(m.Array([[[1, 2], []], [[3]]]), m.Array([[10, 20], [30]])),
    lambda m: m.broadcast_arrays(m.Array(["ab", "c"]), m.Array([[1, 2], [3]])),
    lambda m: m.broadcast_arrays(m.Array([[1, None], None, [3]]), m.Array([[1, 2], [4], [5]])),
    lambda m: m.broadcast_arrays(m.Array([[1, 2], None, [3]]), m.Array([[1, 2], [4], [5]]), 5),
    lambda m: m.broadcast_arrays(m.Array([[1, 2], [], [3]]), m.Array([[1, 2], [], None])),
    lambda m: m.broadcast_arrays(m.Array([[1, 2], None]), m.Array([[[1], [2]], [[4]]])),
    lambda m: m.broadcast_arrays(m.Array([[], []]), m.Array([[1], []])[:, :0]),
    lambda m: m.broadcast_arrays(m.to_regular(m.Array([[[0, 0]]]), 2), np.arange(1.0)),
    lambda m: m.broadcast_fields(m.Array([[{"x": 1}]]), m.Array([{"y": 2}])),
    lambda m: m.broadcast_fields(m.Array([{"x": 1, "y": {"a": 1}}]), m.Array([{"z": 1, "y": {"b": 2}}])),
]
SINGLE = [
    lambda m: m.zip({"a": m.Array(A), "b": 5}),
    lambda m: m.zip({"a": m.Array(A), "b": np.array([1, 2, 3])}),
    lambda m: m.zip({"a": m.Array(A), "b": m.Array(A)}, depth_limit=1),
    lambda m: m.zip([m.Array(A), m.Array(A)]),
    lambda m: m.zip({"a": m.Array([[1, None], None]), "b": m.Array([[1, 2], [3]])}),
    lambda m: m.zip({"a": m.Array([[1, None], None]), "b": m.Array([[1, 2], [3]])}, optiontype_outside_record=True),
    lambda m: m.zip({"a": [1, 2], "b": [3, 4]}, with_name="P", parameters={"q": 1}),
    lambda m: m.zip({"a": m.Array(["x", "yz"]), "b": [1, 2]}),
    lambda m: m.where(m.Array([[True, False], [True]]), 1, m.Array([[1.5, 2.5], [3.5]])),
    lambda m: m.where(m.Array([[True, False], [True]]), m.Array([[1, None], [3]]), 0),
    lambda m: m.where(m.Array([True, False]), m.Array([1, 2]), m.Array([[1], [2, 3]])),
    lambda m: m.zip({"x": m.Array([]), "y": m.Array([])}),
    lambda m: m.zip({"x": m.Array([[], []]), "y": m.Array([[], []])}),
    lambda m: m.zip([m.Array([[], []]), m.Array([[1], []])[:, :0]]),
    lambda m: m.zip({"x": m.Array([[], [None]]), "y": m.Array([[], [2.5]])}),
    lambda m: m.where(m.Array([True, False, True]), m.Array(["a", "bb", "c"]), m.Array(["x", "y", "zz"])),
    lambda m: m.where(m.Array([True, False]), m.Array(["a", None]), m.Array(["x", "y"])),
    lambda m: m.where(m.Array([True, False]), m.Array([b"a", b"bb"]), m.Array(["x", "y"])),
    lambda m: m.where(m.Array([True, False]), m.Array([[1], [2]]), m.Array([[1.5], [2.5]])),
    lambda m: m.where(m.Array([True, False]), m.Array([1, 2]), m.Array([True, False]), mergebool=False),
    lambda m: m.where(m.Array([True, False]), m.Array([{"x": 1}, {"x": 2}]), m.Array([{"x": 1.5}, {"x": 2.5}])),
    lambda m: m.where(m.Array([True, False]), m.values_astype(m.Array([1, 2]), np.int8), 5),
    lambda m: m.where(m.Array([True, False]), True, 5.5, mergebool=False),
    lambda m: m.where(m.Array([False, True]), m.Array([[None, 1], [2]]), m.Array([[2, 3], None])),
    lambda m: m.isclose(m.Array([[1.0, 2.0], []]), m.Array([[1.0, 2.1], []])),
    lambda m: m.isclose(m.Array([{"x": 2, "y": [1.0]}, {"x": 3, "y": []}]),
                        m.Array([{"x": 2, "y": [1.5]}, {"x": 3.0, "y": []}])),
    lambda m: m.with_field(m.Array([{"x": 1, "y": [1, 2]}, {"x": 2, "y": []}]), 5, "z"),
    lambda m: m.with_field(m.Array([{"x": 1, "y": [1, 2]}, {"x": 2, "y": []}]), np.array([1, 2]), "y"),
    lambda m: m.with_field(m.Array([[{"x": 1}], []]), m.Array([[5], []]), "q"),
    lambda m: m.with_field(m.Array([[{"x": 1}, {"x": 2}], []]), m.Array([7, 8]), "q"),
    lambda m: m.with_field(m.Array([{"x": 1}]), m.Array([{"u": 1}]), "x"),
    lambda m: m.with_field(m.Array([{"x": 1}]), 3),
    lambda m: m.with_field(m.Array([{"a": {"b": 1}}, {"a": {"b": 2}}]), 5, ("a", "c")),
    lambda m: m.with_field(m.Array([{"x": 1}, {"x": 2}]), None, "n"),
]


@pytest.mark.parametrize("case", range(len(CASES)))
def test_multi_output(case):
    expected, got = both(CASES[case])
    assert len(expected) == len(got)
    for e, g in zip(expected, got):
        assert_same(e, g)


@pytest.mark.parametrize("case", range(len(SINGLE)))
def test_single_output(case):
    assert_same(*both(SINGLE[case]))


def test_setitem_field():
    a = awkward.Array([{"x": 1, "y": [1, 2]}, {"x": 2, "y": []}])
    j = jaggy.Array([{"x": 1, "y": [1, 2]}, {"x": 2, "y": []}])
    a["z"] = a.x * 2
    j["z"] = j.x * 2
    assert_same(a, j)
    a["y"] = 1
    j["y"] = 1
    assert_same(a, j)


def test_equality_functions():
    j = jaggy.Array([[1.0, 2.0], [], [None]])
    assert jaggy.array_equal(j, j)
    assert not jaggy.array_equal(j, jaggy.Array([[1.0, 2.0], [], [1.0]]))
    assert jaggy.almost_equal(j, jaggy.Array([[1.0, 2.0 + 1e-12], [], [None]]))
    assert not jaggy.almost_equal(jaggy.Array([[1, 2]]), jaggy.Array([[1.0, 2.0]]))
    # dtype_exact=False still requires one dtype family (Awkward: int vs float is not equal)
    assert not jaggy.almost_equal(jaggy.Array([[1, 2]]), jaggy.Array([[1.0, 2.0]]), dtype_exact=False)
    assert jaggy.almost_equal(jaggy.Array([[1, 2]]), jaggy.values_astype([[1, 2]], "int8"), dtype_exact=False)
    nan = jaggy.Array([[np.nan]])
    assert not jaggy.array_equal(nan, nan) and jaggy.array_equal(nan, nan, equal_nan=True)


def test_transform():
    def double(layout, **kwargs):
        if layout.is_numpy:
            return (awkward if isinstance(layout, awkward.contents.Content) else jaggy).contents.NumpyArray(layout.data * 2)
        return None

    assert_same(awkward.transform(double, [[1, 2], [3]]), jaggy.transform(double, [[1, 2], [3]]))
    assert_same(awkward.transform(double, [{"x": [1]}]), jaggy.transform(double, [{"x": [1]}]))

    def plus(layouts, **kwargs):
        if all(x.is_numpy for x in layouts):
            mod = awkward if isinstance(layouts[0], awkward.contents.Content) else jaggy
            return tuple(mod.contents.NumpyArray(x.data + 1) for x in layouts)
        return None

    for e, g in zip(awkward.transform(plus, [[1, 2], [3]], [5, 6]), jaggy.transform(plus, [[1, 2], [3]], [5, 6])):
        assert_same(e, g)


def test_errors():
    with pytest.raises(ValueError, match="no tuples or records"):
        jaggy.with_field(jaggy.Array([1, 2]), 5, "z")
    with pytest.raises(ValueError, match="cannot broadcast records"):
        jaggy.Array([{"x": 1}]) + jaggy.Array([{"y": 1}])
    with pytest.raises(ValueError, match=r"nested list at index 1 \(lengths 1 and 2\)"):
        jaggy.zip({"a": [[1], [2]], "b": [[1], [2, 3]]})
    with pytest.raises(TypeError, match="where"):
        jaggy.where(jaggy.Array([True]), 1)
    with pytest.raises(TypeError, match="with_field"):
        jaggy.with_field(jaggy.Array([{"x": 1}]), 1, 3)
    with pytest.raises(ValueError, match="return_value"):
        jaggy.transform(lambda layout, **kw: None, [1], return_value="bad")


@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
@given(array_pairs(numeric_lists()), array_pairs(numeric_lists(max_depth=1)))
def test_zip_and_broadcast_hypothesis(p1, p2):
    try:
        expected = awkward.zip({"a": p1[0], "b": p2[0]})
    except ValueError:
        with pytest.raises(ValueError):
            jaggy.zip({"a": p1[1], "b": p2[1]})
        return
    assert_same(expected, jaggy.zip({"a": p1[1], "b": p2[1]}))
    for e, g in zip(awkward.broadcast_arrays(p1[0], p2[0]), jaggy.broadcast_arrays(p1[1], p2[1])):
        assert_same(e, g)
    cond = p1[0] > 0
    assert_same(awkward.where(cond, p1[0], 0.5), jaggy.where(p1[1] > 0, p1[1], 0.5))
    assert awkward.array_equal(p1[0], p1[0]) == jaggy.array_equal(p1[1], p1[1])


@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
@given(array_pairs(nested_data(scalars("string"), allow_records=False)), st.booleans())
def test_where_strings_hypothesis(pair, mergebool):
    a, j = pair
    cond_a = awkward.Array(np.arange(len(a)) % 2 == 0)
    cond_j = jaggy.Array(np.arange(len(j)) % 2 == 0)
    try:
        expected = awkward.where(cond_a, a, a[::-1], mergebool=mergebool)
    except ValueError:
        with pytest.raises(ValueError):
            jaggy.where(cond_j, j, j[::-1], mergebool=mergebool)
        return
    assert_same(expected, jaggy.where(cond_j, j, j[::-1], mergebool=mergebool))


@pytest.mark.parametrize("call", [
    lambda m: abs(m.Array([[-6.5, False, True, None]])),
    lambda m: m.Array([[1, 2.5, True], [False]]) * 2,
    lambda m: m.Array([[1, 2], 3, [True]]) + 1,
    lambda m: np.sqrt(m.Array([1.0, 4, True, None])),
])
def test_ufunc_over_unions_keeps_booleans_apart(call):
    """A ufunc over a union merges the numeric results but keeps booleans apart, as Awkward."""
    expected, got = both(call)
    assert_same(expected, got)
