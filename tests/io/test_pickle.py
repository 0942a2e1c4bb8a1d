"""pickle (protocol 5 with out-of-band buffers) and to_buffers/from_buffers round trips."""

from __future__ import annotations

import pickle

import awkward as awk
import jaggy
import numpy as np
from hypothesis import HealthCheck, given, settings
from jaggy.testing.strategies import array_pairs, mixed_data

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def same(ours, theirs):
    assert str(ours.type) == str(theirs.type)
    assert str(ours.to_list()) == str(theirs.to_list())


@SETTINGS
@given(array_pairs())
def test_pickle_protocol5_out_of_band(pair):
    theirs, ours = pair
    buffers = []
    data = pickle.dumps(ours, protocol=5, buffer_callback=buffers.append)
    back = pickle.loads(data, buffers=buffers)
    same(back, theirs)
    for protocol in (2, 4):
        same(pickle.loads(pickle.dumps(ours, protocol=protocol)), theirs)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(array_pairs(mixed_data(), vary=False))
def test_pickle_unions(pair):
    theirs, ours = pair
    same(pickle.loads(pickle.dumps(ours, protocol=5)), theirs)


def test_out_of_band_buffers_are_not_copied():
    content = np.arange(100_000, dtype=np.float64)
    ours = jaggy.Array(jaggy.contents.ListOffsetArray(jaggy.index.Index64(np.arange(0, 100_001, 10)),
                                                      jaggy.contents.NumpyArray(content)))
    buffers = []
    data = pickle.dumps(ours, protocol=5, buffer_callback=buffers.append)
    assert len(data) < 10_000  # the 800 kB of data travel out of band
    assert any(np.shares_memory(np.asarray(b.raw()), content) for b in buffers)
    assert pickle.loads(data, buffers=buffers).to_list() == ours.to_list()


@SETTINGS
@given(array_pairs())
def test_to_buffers_from_buffers_both_ways(pair):
    theirs, ours = pair
    form, length, container = jaggy.to_buffers(ours)
    same(jaggy.from_buffers(form, length, container), theirs)
    same(awk.from_buffers(form.to_json(), length, container), theirs)
    form2, length2, container2 = awk.to_buffers(theirs)
    same(jaggy.from_buffers(form2.to_json(), length2, container2), theirs)


def test_record_pickles():
    record = jaggy.Array([{"x": 1, "y": [1.5]}, {"x": 2, "y": []}])[1]
    back = pickle.loads(pickle.dumps(record, protocol=5))
    assert back.to_list() == {"x": 2, "y": []}
