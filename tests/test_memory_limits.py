"""Operations asked for absurd sizes raise MemoryError naming the size (or a ValueError for
inconsistent input) at once, instead of allocating until the process is killed."""

from __future__ import annotations

import jaggy
import numpy as np
import pytest
from jaggy.contents import ListOffsetArray, NumpyArray, RecordArray, RegularArray
from jaggy.index import Index64

N = 1 << 20


def _one_long_list() -> jaggy.Array:
    return jaggy.Array(ListOffsetArray(Index64(np.array([0, N])), NumpyArray(np.zeros(N))))


def test_combinations_too_many() -> None:
    with pytest.raises(MemoryError, match=r"jaggy\.combinations: the result needs \d+ carry"):
        jaggy.combinations(_one_long_list(), 3)
    with pytest.raises(MemoryError, match=r"jaggy\.combinations"):
        jaggy.argcombinations(_one_long_list(), 3)


def test_cartesian_too_many() -> None:
    a = _one_long_list()
    with pytest.raises(MemoryError, match=r"jaggy\.cartesian: the result needs \d+ carry"):
        jaggy.cartesian([a, a, a])
    with pytest.raises(MemoryError, match=r"jaggy\.cartesian"):
        jaggy.argcartesian({"x": a, "y": a, "z": a})


def test_pad_none_too_long() -> None:
    a = jaggy.Array([[1, 2], [], [3]])
    for kwargs in ({}, {"clip": True}, {"axis": 0}, {"axis": 0, "clip": True}):
        with pytest.raises(MemoryError, match=r"jaggy\.pad_none: the result needs \d+"):
            jaggy.pad_none(a, 1 << 50, **kwargs)


def test_small_requests_still_work() -> None:
    a = jaggy.Array([[1, 2, 3], []])
    assert jaggy.pad_none(a, 4).to_list() == [[1, 2, 3, None], [None] * 4]
    assert jaggy.combinations(a, 2).to_list() == [[(1, 2), (1, 3), (2, 3)], []]


def test_unflatten_absurd_counts() -> None:
    a = jaggy.Array(np.zeros(10))
    with pytest.raises(ValueError, match="unflatten"):
        jaggy.unflatten(a, np.array([1 << 50, -(1 << 50) + 10]))
    with pytest.raises(ValueError, match="unflatten"):
        jaggy.unflatten(a, np.array([1 << 62, 1 << 62]))
    with pytest.raises(ValueError, match="unflatten"):
        jaggy.unflatten(a, 1 << 40)


def test_from_buffers_absurd_lengths() -> None:
    form = {"class": "NumpyArray", "primitive": "float64", "form_key": "node0"}
    with pytest.raises(ValueError, match="from_buffers"):
        jaggy.from_buffers(form, 1 << 50, {"node0-data": np.zeros(3)})
    form = {"class": "RegularArray", "size": 1 << 40, "form_key": "node0",
            "content": {"class": "NumpyArray", "primitive": "float64", "form_key": "node1"}}
    with pytest.raises(ValueError, match="from_buffers"):
        jaggy.from_buffers(form, 1 << 40, {"node1-data": np.zeros(3)})


def test_to_list_of_huge_dataless_layouts() -> None:
    records = RecordArray([], [], length=1 << 40)
    for layout in (RegularArray(records, 1 << 40, zeros_length=1), records):
        with pytest.raises(MemoryError, match=r"to_list: the result needs at least \d+ Python"):
            jaggy.Array(layout).to_list()
