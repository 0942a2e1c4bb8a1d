"""from_numpy / to_numpy (masked, structured, strings, regular) against Awkward."""

from __future__ import annotations

import inspect

import awkward as awk
import hypothesis.extra.numpy as hnp
import jaggy
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jaggy.testing.strategies import array_pairs, numeric_lists

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def signature(f):
    return [(p.name, p.kind, p.default) for p in inspect.signature(f).parameters.values()]


def same(ours, theirs):
    assert str(ours.type) == str(theirs.type)
    assert str(ours.to_list()) == str(theirs.to_list())


def same_numpy(ours, theirs):
    assert type(ours) is type(theirs)
    assert ours.dtype == theirs.dtype
    assert ours.shape == theirs.shape
    assert str(ours.tolist()) == str(theirs.tolist())
    assert np.ma.getmaskarray(ours).tolist() == np.ma.getmaskarray(theirs).tolist()


@pytest.mark.parametrize("name", ["from_numpy", "to_numpy"])
def test_signature(name):
    assert signature(getattr(jaggy, name)) == signature(getattr(awk, name))


CASES = {
    "masked-1d": np.ma.array([1, 2, 3], mask=[0, 1, 0]),
    "masked-2d": np.ma.array([[1, 2], [3, 4]], mask=[[0, 1], [0, 0]]),
    "masked-3d": np.ma.array(np.arange(12.0).reshape(2, 3, 2), mask=np.arange(12).reshape(2, 3, 2) % 5 == 0),
    "mask-false": np.ma.array([1, 2, 3], mask=False),
    "nomask": np.ma.array([1, 2, 3]),
    "nomask-2d": np.ma.array([[1, 2], [3, 4]]),
    "structured": np.array([(1, 2.0), (3, 4.0)], dtype=[("x", "i4"), ("y", "f8")]),
    "structured-2d": np.array([[(1, 2.0), (3, 4.0)]], dtype=[("x", "i4"), ("y", "f8")]),
    "structured-subarray": np.array([(1, [2.0, 3])], dtype=[("x", "i4"), ("y", "f8", (2,))]),
    "strings": np.array(["a", "bc", "", "dé"]),
    "strings-2d": np.array([["a", "bc"], ["d", ""]]),
    "bytes": np.array([b"a", b"bc\x00d", b""]),
    "masked-strings": np.ma.array(["a", "bc"], mask=[1, 0]),
    "3d": np.arange(24).reshape(2, 3, 4),
    "empty": np.zeros((0, 3)),
    "datetime": np.array(["2020-01-01", "2021-02-03"], "M8[D]"),
    "bool": np.array([True, False]),
}


@pytest.mark.parametrize("name", sorted(CASES))
@pytest.mark.parametrize("regulararray", [False, True])
def test_from_numpy_cases(name, regulararray):
    ours = jaggy.from_numpy(CASES[name], regulararray=regulararray)
    theirs = awk.from_numpy(CASES[name], regulararray=regulararray)
    same(ours, theirs)
    assert type(ours.layout).__name__ == type(theirs.layout).__name__


def test_mask_at_the_leaf():
    layout = jaggy.from_numpy(CASES["masked-2d"], highlevel=False)
    assert type(layout).__name__ == "RegularArray"
    assert type(layout.content).__name__ == "ByteMaskedArray"


def test_zero_copy():
    x = np.arange(12.0).reshape(3, 4)
    assert np.shares_memory(jaggy.from_numpy(x).layout.data, x)
    assert np.shares_memory(jaggy.from_numpy(x, regulararray=True).layout.content.data, x)
    s = CASES["structured"]
    assert np.shares_memory(jaggy.from_numpy(s).layout.content("y").data, s)


def test_errors():
    with pytest.raises(TypeError, match="recordarray"):
        jaggy.from_numpy(CASES["structured"], recordarray=False)
    with pytest.raises(TypeError, match="zero-dimensional"):
        jaggy.from_numpy(np.array(5))
    assert jaggy.from_numpy(np.array(5), primitive_policy="promote").to_list() == [5]
    with pytest.raises(ValueError, match="primitive_policy"):
        jaggy.from_numpy(np.array([5]), primitive_policy="nonsense")
    with pytest.raises(TypeError, match="dtype=object"):
        jaggy.from_numpy(np.array([None, 1], dtype=object))


TO_CASES = [
    [1, 2, None], [[1, 2], [3, None]], [[1, 2], None], [{"x": 1, "y": 2.0}, {"x": 3, "y": 4.0}],
    ["a", "bc"], ["aé", None, "xyz"], [b"ab", b"c"], [[1, 2], [3]], [], [None, None], [{"x": 1, "y": None}],
    [(1, 2.0)], [[[1], [2]], [[3], [4]]], [1, 2.5], [True, None], [{"x": {"a": 1}}], [["a", "bc"], ["d", None]],
    [[{"x": 1, "y": None}], [{"x": 2, "y": 3}]], [{"x": 1, "y": 2}, None], [{"x": "a", "y": 1}],
]


@pytest.mark.parametrize("data", TO_CASES, ids=range(len(TO_CASES)))
@pytest.mark.parametrize("allow_missing", [True, False])
def test_to_numpy_cases(data, allow_missing):
    try:
        theirs = awk.to_numpy(awk.Array(data), allow_missing=allow_missing)
    except ValueError:
        with pytest.raises(ValueError):
            jaggy.to_numpy(jaggy.Array(data), allow_missing=allow_missing)
        return
    same_numpy(jaggy.to_numpy(jaggy.Array(data), allow_missing=allow_missing), theirs)


DTYPES = st.sampled_from(["i1", "i4", "i8", "u2", "f4", "f8", "?", "c16", "M8[s]", "m8[ms]"])


@SETTINGS
@given(st.data())
def test_masked_random(data):
    dtype = data.draw(DTYPES)
    shape = data.draw(hnp.array_shapes(min_dims=1, max_dims=3, min_side=1, max_side=4))
    values = data.draw(hnp.arrays(dtype, shape))
    mask = data.draw(hnp.arrays(bool, shape))
    array = np.ma.array(values, mask=mask)
    ours, theirs = jaggy.from_numpy(array), awk.from_numpy(array)
    assert str(ours.type) == str(theirs.type)
    assert ours.to_list() == theirs.to_list() or str(ours.to_list()) == str(theirs.to_list())
    back = jaggy.to_numpy(ours)
    assert str(jaggy.from_numpy(back).to_list()) == str(ours.to_list())
    if dtype[0] not in "mM":  # Awkward 2.14 cannot make masked datetime arrays
        same_numpy(back, awk.to_numpy(theirs))


@SETTINGS
@given(st.data())
def test_strings_random(data):
    kind = data.draw(st.sampled_from(["U", "S"]))
    shape = data.draw(hnp.array_shapes(min_dims=1, max_dims=2, min_side=0, max_side=4))
    array = data.draw(hnp.arrays(f"{kind}5", shape))
    ours, theirs = jaggy.from_numpy(array), awk.from_numpy(array)
    same(ours, theirs)
    same_numpy(jaggy.to_numpy(ours), awk.to_numpy(theirs))


@SETTINGS
@given(array_pairs(numeric_lists()))
def test_to_numpy_layouts(pair):
    theirs_array, ours_array = pair
    try:
        theirs = awk.to_numpy(theirs_array)
    except ValueError:
        with pytest.raises(ValueError):
            jaggy.to_numpy(ours_array)
        return
    same_numpy(jaggy.to_numpy(ours_array), theirs)
