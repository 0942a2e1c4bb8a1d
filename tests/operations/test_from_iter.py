"""from_iter / to_list against Awkward on Hypothesis-generated nested Python data."""

from __future__ import annotations

import awkward as awk
import jaggy
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

FIELDS = st.sampled_from([("x",), ("x", "y"), ("a", "b", "c")])
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**62), 2**62),
    st.floats(allow_nan=False, width=64),
    st.text(max_size=5),
    st.binary(max_size=5),
)


def records(children):
    return FIELDS.flatmap(lambda names: st.fixed_dictionaries({n: children for n in names}))


NESTED = st.recursive(
    SCALARS,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        records(children),
        st.tuples(children, children),
    ),
    max_leaves=20,
)


def homogeneous(leaf):
    """Data of one consistent type (so that to_list(from_iter(x)) == x exactly)."""
    return st.recursive(
        leaf,
        lambda children: st.one_of(
            st.lists(children, max_size=4),
            st.builds(lambda v: {"x": v, "y": 1}, children),
        ),
        max_leaves=15,
    )


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(NESTED, max_size=6))
def test_matches_awkward_on_random_data(data):
    ours = jaggy.from_iter(data)
    theirs = awk.from_iter(data)
    assert ours.to_list() == theirs.to_list()
    assert str(ours.type) == str(theirs.type)
    assert ours.layout.form.to_dict() == theirs.layout.form.to_dict()
    assert jaggy.validity_error(ours) == ""


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(homogeneous(st.one_of(st.none(), st.integers(-100, 100))), max_size=6)
       | st.lists(homogeneous(st.one_of(st.none(), st.text(max_size=3))), max_size=6)
       | st.lists(homogeneous(st.floats(allow_nan=False)), max_size=6))
def test_round_trip_is_identity(data):
    assert jaggy.to_list(jaggy.from_iter(data)) == data
    assert str(jaggy.from_iter(data).type) == str(awk.from_iter(data).type)


@pytest.mark.parametrize(
    "data",
    [
        [[1, 2], [], [3]],
        [1, 2.5, None],
        [1, True],
        [[1, "a"], None, [{"x": 1}]],
        [{"x": 1}, {"y": 2}],
        [{"x": 1}, {"x": 2, "y": 3}],
        [1j, 2],
        [[[1, 2], [3]], [], [[]]],
        [np.int32(5), np.float32(1.5)],
        [np.arange(3), np.arange(2)],
        [(1, 2), (3, 4)],
        [b"x", "y"],
        [None, None],
        [[], []],
        [{}],
    ],
)
def test_examples_match_awkward(data):
    ours, theirs = jaggy.from_iter(data), awk.from_iter(data)
    assert ours.to_list() == theirs.to_list()
    assert str(ours.type) == str(theirs.type)


def test_top_level_record_and_errors():
    r = jaggy.from_iter({"x": 1, "y": [2]})
    assert isinstance(r, jaggy.Record) and r.to_list() == {"x": 1, "y": [2]}
    with pytest.raises(ValueError):
        jaggy.from_iter({"x": 1}, allow_record=False)
    with pytest.raises(TypeError):
        jaggy.from_iter("abc")
    assert jaggy.from_iter([], highlevel=False).length == 0
