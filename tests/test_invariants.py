"""The autouse fixture of tests/conftest.py validates every result returned through wrap."""

from __future__ import annotations

import jaggy
import jaggy.highlevel
import numpy as np
import pytest
from jaggy.contents import ListOffsetArray, NumpyArray
from jaggy.index import Index64


def _invalid() -> ListOffsetArray:
    return ListOffsetArray(Index64(np.array([0, 5])), NumpyArray(np.arange(3.0)))


def test_invalid_result_fails_the_test() -> None:
    with pytest.raises(AssertionError, match="invalid layout"):
        jaggy.highlevel.wrap(_invalid())
    assert jaggy.highlevel.wrap(ListOffsetArray(Index64(np.array([0, 3])), NumpyArray(np.arange(3.0)))).to_list() == [[0.0, 1.0, 2.0]]


@pytest.mark.invalid_layouts
def test_marker_turns_the_check_off() -> None:
    assert len(jaggy.highlevel.wrap(_invalid())) == 1
