"""array[where]: differential tests against Awkward (values and type strings), plus error cases."""

from __future__ import annotations

import math
from typing import Any

import awkward as ak
import jaggy
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jaggy.errors import FieldNotFoundError
from jaggy.testing.strategies import array_pairs, mixed_data, nested_data, numeric_lists


def same(a: Any, b: Any) -> bool:
    if isinstance(a, float) and isinstance(b, float):
        return (math.isnan(a) and math.isnan(b)) or a == b
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, tuple) and isinstance(b, tuple):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    return (a == b and type(a) is type(b)) or (isinstance(a, (int, float)) and a == b)


def as_py(x: Any) -> Any:
    if hasattr(x, "to_list"):
        return x.to_list()
    if isinstance(x, np.generic):
        return x.item()
    return x


def check(ak_array: Any, ours: Any, where: Any, where_ours: Any = None) -> None:
    """ours[where] equals ak_array[where]; if Awkward raises, jaggy must raise too."""
    where_ours = where if where_ours is None else where_ours
    try:
        expected = ak_array[where]
    except Exception as err:
        if "negative dimensions are not allowed" in str(err):
            return  # an Awkward bug on empty negative-step ranges (NumPy gives an empty array)
        with pytest.raises((IndexError, ValueError, TypeError, KeyError)):
            ours[where_ours]
        return
    got = ours[where_ours]
    assert same(as_py(got), as_py(expected)), (where, as_py(got), as_py(expected))
    if isinstance(expected, ak.Array):
        assert str(got.type) == str(expected.type), where


X = [[1.1, 2.2, 3.3], [], [4.4, 5.5], [6.6]]
R = [{"x": 1, "y": [1, 2]}, {"x": 2, "y": []}, {"x": 3, "y": [3]}]
NESTED = [[[1, 2], [3]], [], [[4], [5, 6, 7], []]]
OPT = [[1, None, 3], None, [4, 5], []]

CASES = [
    (X, 1), (X, -1), (X, slice(1, None)), (X, slice(None, None, -1)), (X, slice(None, None, 2)),
    (X, (slice(None), slice(1, None))), (X, (slice(None), slice(None, None, -1))),
    (X, (slice(None), slice(-2, None, -1))), (X, (slice(1, None), 0)), (X, (slice(None), 0)),
    (X, (Ellipsis, 0)), (X, (None, slice(None), slice(1, None))), (X, (slice(None), None)),
    (X, (slice(None), slice(None), None)), (X, [0, 2, 2, -1]), (X, np.array([3, 0])),
    (X, [True, False, True, True]), (X, []), (X, [[0, 1], [1, 0]]), (X, np.array([[0, 1], [3, 3]])),
    (X, (0, 1)), (X, (-1, -1)), (X, ([0, 2], [0, 1])), (X, ([0, 3], 0)), (X, (0, [0, 2, 1])),
    (X, ([0, 2], slice(None))), (X, ([0, None, 3],)),
    (R, "x"), (R, ["y", "x"]), (R, (slice(None), "y")), (R, ("y", slice(None), 0)), (R, (1, "y")),
    (R, ("y", [0, 2], 0)), (R, (0, "x")), (R, ([2, 0], "y", slice(1, None))),
    (NESTED, (slice(None), slice(None), 0)), (NESTED, (Ellipsis, -1)), (NESTED, (2, 1, slice(1, None))),
    (NESTED, ([0, 2], 0, [1, 0])), (NESTED, (slice(None), slice(1, None), slice(None, 1))),
    (NESTED, (Ellipsis, None)), (NESTED, (2, [0, 1, 1])), (NESTED, (slice(None), None, slice(None), 0)),
    (OPT, (slice(None), 0)), (OPT, (slice(None), slice(1, None))), (OPT, [1, 0]),
    (OPT, (slice(None), [0, 0])), (OPT, 2),
]


@pytest.mark.parametrize(("data", "where"), CASES)
def test_cases(data: list, where: Any) -> None:
    check(ak.Array(data), jaggy.Array(data), where)


JAGGED = [
    (X, [[True, False, True], [], [False, True], [True]]),
    (X, [[2, 0], [], [1], [0, 0, -1]]),
    (X, [[1], [], [None], [0]]),
    (X, [[0], None, [1], None]),
    (X, [[True, None, False], [], [None, True], [False]]),
    (NESTED, [[[True, False], [True]], [], [[False], [True, True, False], []]]),
    (NESTED, [[[1], [0, 0]], [], [[], [2], []]]),
    (NESTED, [[1], [], [0, 2]]),
    (OPT, [[True, False, True], None, [False, True], []]),
    (OPT, [[2], None, [None], []]),
    (R, [True, False, True]),
]


@pytest.mark.parametrize(("data", "index"), JAGGED)
def test_jagged_indexes(data: list, index: list) -> None:
    check(ak.Array(data), jaggy.Array(data), ak.Array(index), jaggy.Array(index))


def test_jagged_index_inside_tuple() -> None:
    data = [[[1, 2], [3]], [[4, 5, 6]]]
    check(ak.Array(data), jaggy.Array(data), (slice(None), ak.Array([[1], [0]])),
          (slice(None), jaggy.Array([[1], [0]])))
    check(ak.Array(R), jaggy.Array(R), ("y", ak.Array([[1], [], [0]])), ("y", jaggy.Array([[1], [], [0]])))


def test_regular_and_multidimensional_numpy() -> None:
    arr = np.arange(24).reshape(2, 3, 4)
    for where in [(slice(None), 1), (Ellipsis, 2), (1, slice(None), slice(None, None, -2)),
                  ([1, 0], [2, 0]), (slice(None), [0, 2], 1), (0, np.array([[0, 1], [2, 2]])),
                  (slice(None), slice(None), None, 0)]:
        check(ak.Array(arr), jaggy.Array(arr), where)
    reg = ak.to_regular(ak.Array([[1, 2, 3], [4, 5, 6]]))
    check(reg, jaggy.Array(np.array([[1, 2, 3], [4, 5, 6]])),
          (slice(None), slice(None, None, -1)))


def test_union_and_empty() -> None:
    data = [[1, 2], [{"a": 1}], [3]]
    check(ak.Array(data), jaggy.Array(data), (slice(None), 0))
    check(ak.Array([]), jaggy.Array([]), slice(None))
    check(ak.Array([[], []]), jaggy.Array([[], []]), (slice(None), slice(1, None)))
    check(ak.Array([[], []]), jaggy.Array([[], []]), (slice(None), 0))


def test_integer_then_more_on_none_or_record() -> None:
    """x[i, ...] where x[i] is None (the rest is checked against the type; the result is None) or a
    record (the rest applies to every field), as Awkward."""
    cases = [
        ([None, {"x": 0, "y": 0}], [(0, "x"), (0, 0), (0, slice(None)), (0, "x", "x"), (0, Ellipsis),
                                    (1, "x"), (0, None)]),
        ([None, [1, 2]], [(0, 1), (0, 5), (0, slice(None)), (0, 1, 1), (0, Ellipsis)]),
        ([None, [[1, 2]]], [(0, 0, 0), (0, 0, 0, 0)]),
        ([[None, [1]]], [(0, 0, 0)]),
        ([{"x": []}], [(0, slice(None)), (0, 0), (0, Ellipsis), (0, "x", slice(None))]),
        ([{"x": [1, 2], "y": 3}], [(0, slice(None)), (0, 1), (0, "x", 1)]),
        ([(1, [2])], [(0, 1), (0, "1", 0)]),
    ]
    for data, wheres in cases:
        for where in wheres:
            check(ak.Array(data), jaggy.Array(data), where)


def test_ellipsis_counts_dimensions_through_records() -> None:
    for data in ([{"x": [], "y": []}], [[{"x": [1], "y": [2]}]], [{"x": [1], "y": 2}], [{"x": [[1]], "y": [2]}]):
        for where in [(Ellipsis, 0), (Ellipsis, slice(1, None)), (0, Ellipsis, 0)]:
            check(ak.Array(data), jaggy.Array(data), where)


def test_all_none_range_over_option_content() -> None:
    """A range holding only None over an option of lists of options (nothing left to point into)."""
    c, i = ak.contents, ak.index
    inner = c.ListOffsetArray(i.Index64(np.array([0, 1])), c.UnmaskedArray(c.NumpyArray(np.array([0]))))
    layout = c.IndexedOptionArray(i.Index64(np.array([-1, 0])), inner)
    form, length, container = ak.to_buffers(layout)
    ours = jaggy.from_buffers(form.to_json(), length, container)
    for where in [(slice(None, 1), 0), (slice(None, 1), -1), (slice(0, 1), slice(None)), (slice(0, 1), 0, None)]:
        check(ak.Array(layout), ours, where)


# -- errors ------------------------------------------------------------------------------------
def test_out_of_range_messages() -> None:
    x = jaggy.Array([[1, 2, 3], [], [4, 5]])
    with pytest.raises(IndexError, match="index 7 is out of bounds for axis 0 with size 3"):
        x[7]
    with pytest.raises(IndexError, match="index 7 is out of bounds for axis 0 with size 3"):
        x[[0, 7]]
    with pytest.raises(IndexError, match="index 0 is out of range for list 1 of length 0"):
        x[:, 0]
    with pytest.raises(IndexError, match="index 5 is out of range for list 2 of length 2"):
        x[jaggy.Array([[0], [], [5]])]
    with pytest.raises(IndexError, match=r"jaggy\.Array\.__getitem__"):
        x[:, 0, 0]


def test_structure_errors() -> None:
    x = jaggy.Array([[1, 2, 3], [], [4, 5]])
    with pytest.raises(IndexError, match=r"jaggy\.Array\.__getitem__.*mask list 0"):
        x[jaggy.Array([[True], [], [True, False]])]
    with pytest.raises(IndexError, match=r"jaggy\.Array\.__getitem__.*jagged index of length 2"):
        x[jaggy.Array([[True], []])]
    with pytest.raises(IndexError, match=r"jaggy\.Array\.__getitem__.*boolean index has length 2"):
        x[np.array([True, False])]
    with pytest.raises(ValueError, match="separated by"):
        jaggy.Array([[[1]]])[[0], :, 0]
    with pytest.raises(TypeError, match=r"jaggy\.Array\.__getitem__"):
        x[1.5]
    with pytest.raises(IndexError, match="single ellipsis"):
        x[..., ...]


def test_missing_field() -> None:
    x = jaggy.Array(R)
    with pytest.raises(FieldNotFoundError, match=r"no field 'z'.*\['x', 'y'\]"):
        x["z"]
    with pytest.raises(FieldNotFoundError, match=r"no field 'z'.*\['x', 'y'\]"):
        x[:, "z"]
    with pytest.raises(FieldNotFoundError, match="no field 'z'"):
        x[["x", "z"]]


# -- Hypothesis --------------------------------------------------------------------------------
def _slices(n: int) -> st.SearchStrategy:
    bound = st.one_of(st.none(), st.integers(-n - 2, n + 2))
    step = st.one_of(st.none(), st.integers(-3, 3).filter(lambda s: s != 0))
    return st.builds(slice, bound, bound, step)


@st.composite
def simple_indexes(draw: Any, ak_array: Any) -> Any:
    n = len(ak_array)
    depth = ak_array.layout.minmax_depth[0]
    options = [_slices(n), st.sampled_from([None, Ellipsis])]
    if n:
        options.append(st.integers(-n, n - 1))
        options.append(st.lists(st.integers(-n, n - 1), max_size=5).map(np.array))
        options.append(st.lists(st.booleans(), min_size=n, max_size=n).map(np.array))
    fields = ak_array.fields
    if fields:
        options.append(st.sampled_from(fields))
    head = draw(st.one_of(*options))
    rest = draw(st.lists(st.one_of(_slices(3), st.integers(-2, 1), st.just(None)), max_size=max(0, depth - 1)))
    if fields and draw(st.booleans()):
        rest.insert(draw(st.integers(0, len(rest))), draw(st.sampled_from(fields)))
    return (head, *rest) if rest else head


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.data())
def test_hypothesis_simple(data: Any) -> None:
    ak_array, ours = data.draw(array_pairs())
    where = data.draw(simple_indexes(ak_array))
    # Known difference (see the closing note of the slicing work): an Ellipsis over records whose
    # fields end in `unknown` counts dimensions differently in Awkward depending on the layout.
    has_ellipsis = where is Ellipsis or (isinstance(where, tuple) and any(x is Ellipsis for x in where))
    if has_ellipsis and "unknown" in str(ak_array.type) and ak.fields(ak_array):
        return
    check(ak_array, ours, where)


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.data())
def test_hypothesis_numeric(data: Any) -> None:
    ak_array, ours = data.draw(array_pairs(numeric_lists()))
    where = data.draw(simple_indexes(ak_array))
    check(ak_array, ours, where)


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.data())
def test_hypothesis_jagged_masks(data: Any) -> None:
    ak_array, ours = data.draw(array_pairs(numeric_lists()))
    if ak_array.layout.purelist_depth < 2 or ak.fields(ak_array):
        return
    threshold = data.draw(st.floats(-10, 10))
    mask = (ak_array > threshold).to_list()
    check(ak_array, ours, ak.Array(mask), jaggy.Array(mask))
    filled = ak.fill_none(ak_array, 0, axis=-1)
    if ak_array.layout.purelist_depth == 2 and str(ak.type(filled)).count("?") == 0 and len(ak_array):
        index = ak.argmax(filled, axis=1, keepdims=True).to_list()
        check(ak_array, ours, ak.Array(index), jaggy.Array(index))
        local = ak.local_index(filled, axis=-1)[:, ::-1].to_list()
        check(ak_array, ours, ak.Array(local), jaggy.Array(local))


@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.data())
def test_hypothesis_records_and_unions(data: Any) -> None:
    source = data.draw(st.sampled_from(["records", "mixed"]))
    if source == "records":
        ak_array, ours = data.draw(array_pairs(nested_data(allow_none=True)))
    else:
        ak_array, ours = data.draw(array_pairs(mixed_data()))
    n = len(ak_array)
    if "string" in str(ak_array.type):
        return  # indexing into strings gives chars, which Awkward itself cannot convert to_list
    where = data.draw(st.one_of(_slices(n), st.tuples(st.just(slice(None)), st.integers(-1, 0))))
    check(ak_array, ours, where)


@pytest.mark.parametrize("data", [[[0.0, 1.0]], [[1.0, 2.0], [], [3.0]], [[[0]]], [[[0, 2]], [[1]]],
                                  [[[None, 0]]], [[1.5, None, 2.0], None, []]])
@pytest.mark.parametrize("regular", [False, True])
def test_option_typed_jagged_index_gives_option_type(data, regular):
    """An index whose leaves are option-typed (argmax with keepdims) makes option-typed results
    even where nothing is missing; regular dimensions above an option leaf do not make it a
    NumPy-style index."""
    a, j = ak.Array(data), jaggy.Array(data)
    if regular and a.ndim > 2 and None not in data:
        a, j = ak.to_regular(a, axis=1), jaggy.to_regular(j, axis=1)
    for name in ("argmax", "argmin"):
        ia = getattr(ak, name)(a, axis=-1, keepdims=True)
        ij = getattr(jaggy, name)(j, axis=-1, keepdims=True)
        assert str(ij.type) == str(ia.type)
        assert j[ij].to_list() == a[ia].to_list()
        assert str(j[ij].type) == str(a[ia].type)
