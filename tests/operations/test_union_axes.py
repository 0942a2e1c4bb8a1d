"""Structure functions at an axis inside a union (each kind of entry on its own) against Awkward."""

from __future__ import annotations

import jaggy
import pytest
from hypothesis import given
from hypothesis import strategies as st
from jaggy.testing.strategies import array_pairs, mixed_data
from structure_oracle import SETTINGS, compare

UNIONS = [
    [[1, None], 2, [[None]]],
    [[1, None], "ab", None],
    [1, None, "x"],
    [[None, 1.5], [None, "x"]],
    [[1, None], [[2, None]]],
    [{"x": None}, 3, None],
    [[1, None, 2], [[3], [None]], "s"],
]
CALLS = {
    "fill_none": lambda m, a, ax: m.fill_none(a, 0, axis=ax),
    "pad_none": lambda m, a, ax: m.pad_none(a, 2, axis=ax),
    "singletons": lambda m, a, ax: m.singletons(a, axis=ax),
    "num": lambda m, a, ax: m.num(a, axis=ax),
    "local_index": lambda m, a, ax: m.local_index(a, axis=ax),
    "is_none": lambda m, a, ax: m.is_none(a, axis=ax),
    "from_regular": lambda m, a, ax: m.from_regular(a, axis=ax),
}


@pytest.mark.parametrize("data", UNIONS)
@pytest.mark.parametrize("name", sorted(CALLS))
@pytest.mark.parametrize("axis", [-1, 1])
def test_union_cases(data, name, axis):
    import awkward as awk

    a = awk.Array(data)
    j = jaggy.Array(data)
    call = CALLS[name]
    if name == "fill_none" and axis == 1 and any(isinstance(x, list) and any(isinstance(y, list) for y in x)
                                                 for x in data):
        pytest.skip("Awkward 2.14 also fills None nested deeper than axis=1 here; jaggy fills only "
                    "the entries at axis 1 (test_fill_none_inside_a_union_of_different_depths)")
    compare(lambda ak: call(ak, a, axis), lambda jg: call(jg, j, axis))


def test_fill_none_inside_a_union_of_different_depths():
    out = jaggy.fill_none(jaggy.Array([[1, None], 2, [[None]]]), 0, axis=-1)
    assert out.to_list() == [[1, 0], 2, [[0]]]
    out = jaggy.fill_none(jaggy.Array([[1, None], [[2, None]], [None]]), 0, axis=1)
    assert out.to_list() == [[1, 0], [[2, None]], [0]]


@SETTINGS
@given(array_pairs(mixed_data()), st.sampled_from(["num", "singletons", "from_regular"]),
       st.sampled_from([-2, -1, 1, 2]))
def test_union_hypothesis(pair, name, axis):
    a, j = pair
    call = CALLS[name]
    compare(lambda ak: call(ak, a, axis), lambda jg: call(jg, j, axis))


@pytest.mark.parametrize("data", [[True, None, 1.5], [[True, None], [1.5, None, float("nan")]],
                                  [1, None, "x", 2.5], [[1, None, "x"], None, [float("nan")]]])
@pytest.mark.parametrize("value", [0, 0.5, "z", True])
def test_fill_none_everywhere_and_nan_to_none_in_unions(data, value):
    """axis=None fills every kind of a union (booleans filled with numbers become numbers, as in
    Awkward); nan_to_none/nan_to_num work kind by kind."""
    import awkward as awk

    a, j = awk.Array(data), jaggy.Array(data)
    compare(lambda ak: ak.fill_none(a, value, axis=None), lambda jg: jg.fill_none(j, value, axis=None))
    compare(lambda ak: ak.nan_to_none(a), lambda jg: jg.nan_to_none(j))


@pytest.mark.parametrize("call", [
    lambda m: m.pad_none(m.Array([[1, "x"]]), 2, axis=-1),  # nothing to pad: still option-type
    lambda m: m.pad_none(m.Array([1, "x"]), 2, axis=0),
    lambda m: m.firsts(m.Array([[1, "x"], ["y"]]), axis=-1),
    lambda m: m.Array([1, "x", None])[[0, 1]],
    lambda m: m.Array([1, "x"])[[0, 1]],
])
def test_option_of_union_type_does_not_depend_on_the_data(call):
    """An option-typed result over a union is a union of options even when nothing is missing."""
    compare(lambda ak: call(ak), lambda jg: call(jg))
