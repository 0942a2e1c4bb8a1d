"""Malformed layouts: validity_error names the node, its path and the position; nothing crashes."""

from __future__ import annotations

import jaggy
import numpy as np
import pytest

J, X = jaggy.contents, jaggy.index
NUM = J.NumpyArray(np.arange(5.0))


def lo(offsets, content=NUM, dtype=np.int64):
    return J.ListOffsetArray(X.Index(np.array(offsets, dtype)), content)


MALFORMED = {
    "offsets beyond content": (lo([0, 2, 9]), "at highlevel (ListOffsetArray): list 1 ends beyond the end of the content"),
    "decreasing offsets": (lo([0, 3, 1, 4]), "at highlevel (ListOffsetArray): offsets decrease at list 1"),
    "negative first offset": (lo([-2, 1]), "at highlevel (ListOffsetArray): offsets[0] is negative"),
    "decreasing offsets int32": (lo([0, 4, 2], dtype=np.int32), "offsets decrease at list 1"),
    "ListArray start > stop": (
        J.ListArray(X.Index64(np.array([0, 3])), X.Index64(np.array([1, 2])), NUM),
        "at highlevel (ListArray): start > stop at list 1",
    ),
    "ListArray stop beyond": (
        J.ListArray(X.Index64(np.array([0, 3])), X.Index64(np.array([1, 7])), NUM),
        "at highlevel (ListArray): stop is beyond the end of the content at list 1",
    ),
    "IndexedArray beyond": (
        J.IndexedArray(X.Index64(np.array([0, 4, 5, 1])), NUM),
        "at highlevel (IndexedArray): index is beyond the end of the content at position 2",
    ),
    "IndexedArray negative": (
        J.IndexedArray(X.Index64(np.array([0, -1])), NUM),
        "at highlevel (IndexedArray): index is negative at position 1",
    ),
    "IndexedOptionArray beyond": (
        J.IndexedOptionArray(X.Index32(np.array([-1, 0, 5], np.int32)), NUM),
        "at highlevel (IndexedOptionArray): index is beyond the end of the content at position 2",
    ),
    "Union tag": (
        J.UnionArray(X.Index8(np.array([0, 2], np.int8)), X.Index64(np.array([0, 0])), [NUM, lo([0, 1])]),
        "at highlevel (UnionArray): tag is out of range at position 1",
    ),
    "Union index": (
        J.UnionArray(X.Index8(np.array([0, 1], np.int8)), X.Index64(np.array([0, 3])), [NUM, lo([0, 1])]),
        "at highlevel (UnionArray): index is beyond the end of its content at position 1",
    ),
    "nested in record": (
        J.RecordArray([NUM, lo([0, 1, 0, 2, 2, 3])], ["x", "y"]),
        "at highlevel.content('y') (ListOffsetArray): offsets decrease at list 1",
    ),
    "nested in list": (
        lo([0, 1, 2], J.IndexedOptionArray(X.Index64(np.array([0, 9])), NUM)),
        "at highlevel.content (IndexedOptionArray): index is beyond the end of the content at position 1",
    ),
}


@pytest.mark.parametrize("name", sorted(MALFORMED))
def test_validity_error_names_node_and_position(name):
    layout, message = MALFORMED[name]
    err = jaggy.validity_error(jaggy.Array(layout))
    assert message in err
    assert not jaggy.is_valid(layout)


@pytest.mark.parametrize("name", sorted(MALFORMED))
def test_malformed_arrays_print_and_convert_without_crashing(name):
    layout, _ = MALFORMED[name]
    array = jaggy.Array(layout)
    text = repr(array)
    assert text.startswith("<Array ")
    str(array)
    repr(layout)
    with pytest.raises((ValueError, IndexError)):
        array.to_list()
    with pytest.raises(ValueError, match=r"ListOffsetArray|ListArray|IndexedArray|IndexedOptionArray|UnionArray"):
        jaggy.Array(layout, check_valid=True)


def test_valid_arrays_have_empty_validity_error():
    assert jaggy.validity_error(jaggy.Array([[1, 2], [], [3]])) == ""
    assert jaggy.is_valid(jaggy.Array([{"x": [1, None]}, None]))
