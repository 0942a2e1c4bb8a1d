"""to_awkward / from_awkward: equal values and types, shared buffers."""

from __future__ import annotations

import awkward as awk
import jaggy
import numpy as np
from hypothesis import HealthCheck, given, settings
from jaggy.testing.strategies import array_pairs, mixed_data


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(array_pairs())
def test_round_trip_through_awkward(pair):
    theirs, ours = pair
    back = jaggy.to_awkward(ours)
    assert back.to_list() == theirs.to_list() or str(back.to_list()) == str(theirs.to_list())
    assert str(back.type) == str(theirs.type)
    again = jaggy.from_awkward(theirs)
    assert str(again.type) == str(ours.type)
    assert str(again.to_list()) == str(ours.to_list())


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(array_pairs(mixed_data(), vary=False))
def test_round_trip_unions(pair):
    theirs, ours = pair
    assert jaggy.to_awkward(ours).to_list() == theirs.to_list()
    assert str(jaggy.from_awkward(theirs).type) == str(theirs.type)


def test_buffers_are_shared():
    content = np.arange(1_000_000, dtype=np.float64)
    offsets = np.arange(0, 1_000_001, 10, dtype=np.int64)
    ours = jaggy.Array(jaggy.contents.ListOffsetArray(jaggy.index.Index64(offsets), jaggy.contents.NumpyArray(content)))
    theirs = jaggy.to_awkward(ours)
    assert np.shares_memory(theirs.layout.content.data, content)
    assert np.shares_memory(theirs.layout.offsets.data, offsets)
    back = jaggy.from_awkward(theirs)
    assert np.shares_memory(back.layout.content.data, content)


def test_records():
    r = awk.Record({"x": 1, "y": [1, 2]})
    ours = jaggy.from_awkward(r)
    assert isinstance(ours, jaggy.Record) and ours.to_list() == {"x": 1, "y": [1, 2]}
    assert isinstance(jaggy.to_awkward(ours), awk.Record)
