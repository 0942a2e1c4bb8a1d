"""NumPy ufuncs on jaggy arrays, differential against Awkward."""

from __future__ import annotations

import math
import warnings
from typing import Any

import awkward
import jaggy
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jaggy.testing.strategies import array_pairs, nested_data, numeric_lists, scalars


def same_values(a: Any, b: Any) -> bool:
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same_values(a[k], b[k]) for k in a)
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return len(a) == len(b) and all(same_values(x, y) for x, y in zip(a, b))
    if isinstance(a, float) or isinstance(b, float):
        if a is None or b is None:
            return a is b
        if math.isnan(a) or math.isnan(b):
            return math.isnan(a) and math.isnan(b)
        return math.isclose(a, b, rel_tol=1e-12, abs_tol=1e-300) or a == b
    return a == b and type(a) is type(b)


def assert_same(ak_result: Any, jg_result: Any) -> None:
    import awkward

    assert str(awkward.type(ak_result)) == str(jg_result.type), (str(awkward.type(ak_result)), str(jg_result.type))
    exp, got = ak_result.to_list(), jg_result.to_list()
    assert same_values(exp, got), (exp, got)

UNARY = [np.negative, np.absolute, np.sqrt, np.isnan, np.exp, np.sin, np.floor, np.isfinite,
         np.logical_not, np.square]
BINARY = [np.add, np.subtract, np.multiply, np.true_divide, np.power, np.greater, np.less_equal,
          np.equal, np.not_equal, np.logical_and, np.logical_or, np.maximum, np.minimum]
SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))


def _both(fn, *args):
    """fn on Awkward and on jaggy operands; the exception types must match where Awkward fails."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            expected = fn(*[a[0] if isinstance(a, tuple) else a for a in args])
        except Exception as err:
            with pytest.raises((ValueError, TypeError)):
                fn(*[a[1] if isinstance(a, tuple) else a for a in args])
            return err
        got = fn(*[a[1] if isinstance(a, tuple) else a for a in args])
    assert_same(expected, got)
    return None


@SETTINGS
@given(array_pairs(numeric_lists()), st.sampled_from(UNARY))
def test_unary(pair, ufunc):
    _both(ufunc, pair)


@SETTINGS
@given(array_pairs(numeric_lists()), st.sampled_from(BINARY), scalars("numeric"))
def test_binary_scalar(pair, ufunc, scalar):
    if isinstance(scalar, int):
        scalar = scalar % 7
    _both(lambda a: ufunc(a, scalar), pair)
    _both(lambda a: ufunc(scalar, a), pair)


@SETTINGS
@given(array_pairs(numeric_lists()), st.sampled_from(BINARY))
def test_binary_self(pair, ufunc):
    _both(lambda a, b: ufunc(a, b), pair, pair)


@SETTINGS
@given(array_pairs(numeric_lists(max_depth=2)), array_pairs(numeric_lists(max_depth=1)),
       st.sampled_from([np.add, np.multiply, np.greater]))
def test_binary_jagged_pairs(p1, p2, ufunc):
    _both(ufunc, p1, p2)


@SETTINGS
@given(array_pairs(nested_data(allow_records=False)), st.sampled_from([np.add, np.multiply]))
def test_nested_options(pair, ufunc):
    _both(lambda a: ufunc(a, a), pair)
    _both(lambda a: ufunc(a, 3), pair)


@SETTINGS
@given(array_pairs(numeric_lists(allow_none=False)))
def test_per_list_numpy(pair):
    per_list = np.arange(len(pair[0]), dtype=np.float64)
    _both(lambda a: a - per_list, pair)


def test_left_and_right_broadcasting():
    cases = [
        (lambda m: m.Array([[1, 2, 3], [], [4, 5]]) + np.array([10, 20, 30])),
        (lambda m: m.Array(np.arange(6).reshape(2, 3)) + np.array([10, 20, 30])),
        (lambda m: m.Array([[1, 2, 3], [], [4, 5]]) + m.Array(np.arange(3).reshape(3, 1))),
        (lambda m: m.Array([1]) + m.Array([1, 2, 3])),
        (lambda m: m.Array([[1, 2, 3], [], [4, 5]]) + m.Array([[1, None, 3], None, [4, 5]])),
        (lambda m: m.Array([[]]) + 1),
        (lambda m: m.Array([1, [2, 3], None]) + 1),
        (lambda m: m.Array([[[1, 2], []], [[3]]]) * m.Array([[10, 20], [30]])),
        (lambda m: m.Array([[1.5, None], [], None]) > m.Array([1, 2, 3])),
    ]
    for case in cases:
        assert_same(case(awkward), case(jaggy))


def test_strings_compare_as_atoms():
    cases = [
        lambda m: m.Array(["ab", "c", ""]) == "ab",
        lambda m: m.Array(["ab", "c", ""]) != m.Array(["ab", "d", ""]),
        lambda m: m.Array([["ab", "c"], [], ["x"]]) == m.Array(["ab", "q", "x"]),
    ]
    for case in cases:
        assert_same(case(awkward), case(jaggy))
    with pytest.raises(TypeError, match="string"):
        jaggy.Array(["a", "b"]) + 1


def test_errors():
    a = jaggy.Array([[1, 2, 3], [], [4, 5]])
    with pytest.raises(ValueError, match=r"cannot broadcast nested list at index 0 \(lengths 3 and 2\)"):
        a + jaggy.Array([[1, 2], [], [3, 4]])
    with pytest.raises(ValueError, match="cannot broadcast"):
        a + jaggy.Array([1, 2])
    with pytest.raises(ValueError, match="cannot broadcast"):
        jaggy.Array(np.arange(6).reshape(2, 3)) + jaggy.Array(np.arange(4).reshape(2, 2))
    with pytest.raises(ValueError, match="cannot broadcast records"):
        jaggy.Array([{"x": 1}]) + 1
    with pytest.raises(TypeError, match="reduce"):  # Awkward: TypeError too
        np.add.reduce(a)
    with pytest.raises(NotImplementedError, match="out"):
        np.add(a, 1, out=np.zeros(3))
    big = jaggy.Array([[1.0] * 3] * 1233 + [[1.0, 2.0, 3.0]])
    other = jaggy.Array([[1.0] * 3] * 1233 + [[1.0, 2.0]])
    with pytest.raises(ValueError, match="index 1233 \\(lengths 3 and 2\\)"):
        big + other


def test_multiple_outputs_and_parameters():
    a = awkward.Array([[1, 2, 3], [], [4, 5]])
    j = jaggy.Array([[1, 2, 3], [], [4, 5]])
    for x, y in zip(np.divmod(a, 2), np.divmod(j, 2)):
        assert_same(x, y)
    ap = awkward.with_parameter(a, "foo", 1)
    jp = jaggy.Array(jaggy.from_buffers(*awkward.to_buffers(ap)))
    assert_same(ap + 1, jp + 1)
    assert_same(ap + ap, jp + jp)


def test_array_function():
    a = awkward.Array([[1.0, 2.0], [], [3.0]])
    j = jaggy.Array([[1.0, 2.0], [], [3.0]])
    assert_same(np.where(a > 1, a, 0), np.where(j > 1, j, 0))
    assert_same(np.isclose(a, a + 1e-12), np.isclose(j, j + 1e-12))
    assert np.array_equal(j, j) and not np.array_equal(j, j + 1)
    for x, y in zip(np.broadcast_arrays(a, 5), np.broadcast_arrays(j, 5)):
        assert_same(x, y)
    # other NumPy functions run on the array converted to NumPy: jagged lists cannot be (as Awkward)
    with pytest.raises(ValueError, match="not regular"):
        np.partition(j, 1)


def _lists(m, offsets, content):
    c = m.contents
    return m.Array(c.ListOffsetArray(m.index.Index64(np.array(offsets, np.int64)),
                                     c.NumpyArray(np.array(content, np.float64))))


def test_shared_structure_short_path():
    """Arrays of one plain structure (equal but distinct offsets buffers, contents longer than
    the lists, regular dimensions, several outputs) against Awkward."""
    cases = [
        lambda m: _lists(m, [0, 2, 2, 5], [1, 2, 3, 4, 5, 6]) * _lists(m, [0, 2, 2, 5], [6, 5, 4, 3, 2])
        + _lists(m, [0, 2, 2, 5], [1, 2, 3, 4, 5, 6]),
        lambda m: _lists(m, [0, 2, 2, 5], [1, 2, 3, 4, 5, 6, 7]) > 2.5,
        lambda m: np.divmod(_lists(m, [0, 2, 2, 5], [1, 2, 3, 4, 5]), 2)[1],
        lambda m: np.divmod(_lists(m, [0, 2, 2, 5], [1, 2, 3, 4, 5]), 2)[0],
        lambda m: m.to_regular(m.Array([[1, 2], [3, 4]]), axis=1) * m.to_regular(m.Array([[1, 2], [3, 4]]), axis=1),
        lambda m: m.to_regular(m.Array([[[1.5], [2]], [[3], [4]]]), axis=2) - 1,
        lambda m: _lists(m, [0], []) + 1,
        lambda m: m.Array([1, 2, 3]) + np.int8(1),
        lambda m: np.negative(_lists(m, [0, 1, 3], [1, 2, 3])),
    ]
    for case in cases:
        assert_same(case(awkward), case(jaggy))
    a = jaggy.Array([[1.0, 2.0], [3.0]])
    twice = a * 2
    assert a.to_list() == [[1.0, 2.0], [3.0]] and twice.to_list() == [[2.0, 4.0], [6.0]]
    with pytest.raises(ValueError, match="cannot broadcast"):
        _lists(jaggy, [0, 2, 3], [1, 2, 3]) + _lists(jaggy, [0, 1, 3], [1, 2, 3])


def test_short_path_keeps_behaviors_and_attrs():
    class Mine(jaggy.Array):
        pass

    behavior = {"*": None, ("*", "mine"): Mine}
    a = jaggy.Array([[1, 2], [3]], behavior=behavior, attrs={"k": 1})
    out = a + 1
    assert out.behavior is behavior and out.attrs == {"k": 1} and type(out) is jaggy.Array
    named = jaggy.with_parameter(a, "__list__", "mine")
    with pytest.raises(TypeError, match="overloads for custom types"):
        named + 1
