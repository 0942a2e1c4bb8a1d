"""jaggy.concatenate against Awkward: axis=0 merging of different types, deeper axes."""

from __future__ import annotations

import awkward as awk
import jaggy
import numpy as np
import pytest
from _compare import assert_same
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jaggy.testing.strategies import array_pairs, mixed_data, nested_data, numeric_lists

SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))


def both(fn, *pairs, **kwargs):
    """Run ``fn`` on the Awkward and jaggy sides; both raise or both give the same result."""
    try:
        expected = fn(awk, [p[0] for p in pairs], **kwargs)
    except AssertionError:
        fn(jaggy, [p[1] for p in pairs], **kwargs)  # an internal Awkward bug: jaggy must still work
        return
    except Exception:
        with pytest.raises(Exception, match="concatenate"):
            fn(jaggy, [p[1] for p in pairs], **kwargs)
        return
    assert_same(expected, fn(jaggy, [p[1] for p in pairs], **kwargs))


def concat(lib, arrays, **kwargs):
    return lib.concatenate(arrays, **kwargs)


@SETTINGS
@given(array_pairs(), array_pairs())
def test_axis0_pairs(one, two):
    both(concat, one, two)


@SETTINGS
@given(array_pairs(mixed_data()), array_pairs(mixed_data()), st.booleans())
def test_axis0_mixed(one, two, mergebool):
    both(concat, one, two, mergebool=mergebool)


@SETTINGS
@given(array_pairs(nested_data()), array_pairs(nested_data()), array_pairs(numeric_lists()))
def test_axis0_three(one, two, three):
    both(concat, one, two, three)


@st.composite
def same_length_lists(draw):
    n = draw(st.integers(0, 6))
    leaf = st.one_of(st.none(), st.integers(-5, 5), st.floats(allow_nan=False, width=64), st.booleans(),
                     st.text(max_size=2))
    typed = st.sampled_from([st.integers(-5, 5), st.floats(allow_nan=False, width=64), st.booleans(), leaf])
    items = [draw(st.lists(st.lists(draw(typed), max_size=4), min_size=n, max_size=n)) for _ in range(2)]
    pairs = [draw(array_pairs(st.just(x))) for x in items]
    return pairs


@SETTINGS
@given(same_length_lists(), st.sampled_from([1, -1]), st.booleans())
def test_axis1_pairs(pairs, axis, mergebool):
    both(concat, *pairs, axis=axis, mergebool=mergebool)


@SETTINGS
@given(array_pairs(numeric_lists(max_depth=2)))
def test_axis1_with_itself(pair):
    both(lambda lib, arrays, **kw: lib.concatenate([arrays[0], arrays[0], arrays[0]], **kw), pair, axis=1)


@SETTINGS
@given(array_pairs(numeric_lists(max_depth=3)))
def test_axis2_with_itself(pair):
    both(lambda lib, arrays, **kw: lib.concatenate([arrays[0], arrays[0]], **kw), pair, axis=2)
    both(lambda lib, arrays, **kw: lib.concatenate([arrays[0], arrays[0]], **kw), pair, axis=-1)


CASES = [
    ([[1, None], ["a"]], {}),
    ([[1, 2], [True]], {}),
    ([[1, 2], [True]], {"mergebool": False}),
    ([[[1]], [2.5], [[3]]], {}),
    ([[{"x": 1}], [{"y": 2}]], {}),
    ([[{"x": 1, "y": [1]}], [{"y": [2.5], "x": None}]], {}),
    ([[], [1]], {}),
    ([[], []], {}),
    ([[True], [1], ["x"], [2.5]], {}),
    ([["ab"], [b"a"]], {}),
    ([[[1]], ["a"]], {}),
    ([[(1, 2.5)], [(3, None)]], {}),
    ([[[1, 2], [3]], [[4], [5.5]]], {"axis": 1}),
    ([[[1, 2], None], [[4], [5.5]]], {"axis": 1}),
    ([[[1, 2], [3]], [["a"], [5.5]]], {"axis": 1}),
    ([[[], []], [[], [1]]], {"axis": 1}),
    ([[[[1, 2], [3]]], [[[4], []]]], {"axis": 2}),
    ([[{"x": [1]}], [{"x": [2]}]], {"axis": 1}),
    ([[[1, "a"], []], [[2.5], [None]]], {"axis": 1}),
]


@pytest.mark.parametrize(("data", "kwargs"), CASES)
def test_cases(data, kwargs):
    expected = awk.concatenate([awk.Array(x) for x in data], **kwargs)
    assert_same(expected, jaggy.concatenate([jaggy.Array(x) for x in data], **kwargs))


def test_regular():
    a = np.arange(6).reshape(3, 2)
    b = np.arange(3).reshape(3, 1) * 1.5
    for axis in (0, 1, -1):
        if axis == 0:
            a2, b2 = a, a
        else:
            a2, b2 = a, b
        expected = awk.concatenate([awk.from_numpy(a2), awk.from_numpy(b2)], axis=axis)
        assert_same(expected, jaggy.concatenate([jaggy.from_numpy(a2), jaggy.from_numpy(b2)], axis=axis))
    reg = awk.to_regular(awk.Array([[1, 2], [3, 4]]))
    lists = awk.Array([[5], []])
    expected = awk.concatenate([reg, lists], axis=1)
    got = jaggy.concatenate([jaggy.from_numpy(np.array([[1, 2], [3, 4]])), jaggy.Array([[5], []])], axis=1)
    assert_same(expected, got)


def test_scalar_axis1():
    expected = awk.concatenate([awk.Array([[1, 2], []]), 5], axis=1)
    assert_same(expected, jaggy.concatenate([jaggy.Array([[1, 2], []]), 5], axis=1))


def test_single_array():
    expected = awk.concatenate(awk.Array([[1, 2], [], [3]]))
    assert_same(expected, jaggy.concatenate(jaggy.Array([[1, 2], [], [3]])))


def test_errors():
    with pytest.raises(ValueError, match=r"jaggy\.concatenate: need at least one array"):
        jaggy.concatenate([])
    with pytest.raises(ValueError, match=r"jaggy.concatenate.*axis=2"):
        jaggy.concatenate([jaggy.Array([[1]]), jaggy.Array([[2]])], axis=2)
    with pytest.raises(ValueError, match=r"jaggy\.concatenate: all arrays must have the same length"):
        jaggy.concatenate([jaggy.Array([[1], [2]]), jaggy.Array([[2], [3], [4]])], axis=1)
    with pytest.raises(ValueError, match=r"jaggy.concatenate.*not deep enough"):
        jaggy.concatenate([jaggy.Array([[1], [2]]), jaggy.Array([2, 3])], axis=1)
    with pytest.raises(ValueError, match=r"jaggy.concatenate.*nested list at index 0"):
        jaggy.concatenate([jaggy.Array([[[1]]]), jaggy.Array([[[2], [3]]])], axis=2)
