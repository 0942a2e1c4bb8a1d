"""Layouts are immutable: operations never write into their inputs' buffers.

Every buffer of the input arrays is made read-only (``flags.writeable = False``), so an operation
that writes into one raises NumPy's "assignment destination is read-only"; the buffers are also
compared with copies afterwards, in case a kernel writes through the raw pointer.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import jaggy
import numpy as np
import pytest
from jaggy.contents import (
    ByteMaskedArray,
    IndexedOptionArray,
    ListArray,
    ListOffsetArray,
    NumpyArray,
    RecordArray,
    RegularArray,
)
from jaggy.index import Index8, Index64


def _ro(values: Any, dtype: Any) -> np.ndarray:
    out = np.array(values, dtype=dtype)
    out.flags.writeable = False
    return out


def _arrays() -> tuple[dict[str, jaggy.Array], list[np.ndarray]]:
    data = _ro([3.0, 1.0, 2.0, 5.0, 4.0, 0.5, 7.0, 6.0], np.float64)
    offsets = _ro([0, 3, 3, 5, 8], np.int64)
    starts, stops = _ro([5, 0, 3, 3], np.int64), _ro([8, 3, 5, 3], np.int64)
    index = _ro([3, -1, 0, 2], np.int64)
    mask = _ro([1, 0, 1, 1], np.int8)
    ints = _ro([4, 2, 9, 1, 1, 0, 3, 8], np.int64)
    lists = ListOffsetArray(Index64(offsets), NumpyArray(data))
    arrays = {
        "listoffset": jaggy.Array(lists),
        "list": jaggy.Array(ListArray(Index64(starts), Index64(stops), NumpyArray(data))),
        "regular": jaggy.Array(RegularArray(NumpyArray(ints), 2)),
        "option": jaggy.Array(IndexedOptionArray(Index64(index), lists)),
        "masked": jaggy.Array(ByteMaskedArray(Index8(mask), lists, valid_when=True)),
        "record": jaggy.Array(
            ListOffsetArray(Index64(offsets), RecordArray([NumpyArray(data), NumpyArray(ints)], ["x", "y"]))
        ),
    }
    return arrays, [data, offsets, starts, stops, index, mask, ints]


OPERATIONS: dict[str, Callable[[jaggy.Array], Any]] = {
    "getitem": lambda a: a[::-1, :1],
    "getitem_mask": lambda a: a[np.array([True, False, True, True])],
    "num": lambda a: jaggy.num(a, axis=1),
    "sum": lambda a: jaggy.sum(a, axis=-1),
    "max": lambda a: jaggy.max(a, axis=1),
    "argmin": lambda a: jaggy.argmin(a, axis=1),
    "sort": lambda a: jaggy.sort(a, axis=-1),
    "argsort": lambda a: jaggy.argsort(a, axis=-1, ascending=False),
    "flatten": lambda a: jaggy.flatten(a, axis=None),
    "ufunc": lambda a: np.negative(a),
    "fill_none": lambda a: jaggy.fill_none(a, 0),
    "pad_none": lambda a: jaggy.pad_none(a, 4, clip=True),
    "combinations": lambda a: jaggy.combinations(a, 2),
    "local_index": lambda a: jaggy.local_index(a),
    "to_list": lambda a: a.to_list(),
    "to_packed": lambda a: jaggy.to_packed(a),
    "concatenate": lambda a: jaggy.concatenate([a, a], axis=1),
    "repr": lambda a: repr(a),
}


@pytest.mark.parametrize("operation", sorted(OPERATIONS))
def test_inputs_are_never_written(operation: str) -> None:
    arrays, buffers = _arrays()
    copies = [b.copy() for b in buffers]
    for name, array in arrays.items():
        if name == "record" and operation in ("sum", "max", "argmin", "sort", "argsort", "ufunc"):
            array = array.x  # reducers and ufuncs need numbers
        OPERATIONS[operation](array)  # a write into a read-only buffer raises ValueError
    for buffer, copy in zip(buffers, copies):
        np.testing.assert_array_equal(buffer, copy)
        assert not buffer.flags.writeable
