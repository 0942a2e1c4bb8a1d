"""Every layout node class against Awkward: values, types, forms, slicing, packing, buffers."""

from __future__ import annotations

import awkward as awk
import jaggy
import numpy as np
import pytest
from conftest import AWKWARD_LAYOUTS, mirror, to_jaggy
from jaggy.layout import NODE_CLASSES


def test_every_node_class_is_covered():
    covered = {type(l).__name__ for l in AWKWARD_LAYOUTS.values()}
    assert covered == {cls.__name__ for cls in NODE_CLASSES}
    assert len(NODE_CLASSES) == 12
    assert set(jaggy.contents.__all__) >= {cls.__name__ for cls in NODE_CLASSES}


def test_values_type_and_form(layout_pair):
    ak_layout, layout = layout_pair
    assert type(layout).__name__ == type(ak_layout).__name__
    assert len(layout) == len(ak_layout)
    assert layout.to_list() == ak_layout.to_list()
    assert str(layout.form.type) == str(ak_layout.form.type)
    assert str(jaggy.Array(layout).type) == str(awk.Array(ak_layout).type)
    assert layout.form.to_dict() == ak_layout.form.to_dict()
    assert awk.forms.from_json(layout.form.to_json()) == ak_layout.form
    assert layout.validity_error() == ""
    assert layout.fields == ak_layout.fields
    assert layout.is_tuple == ak_layout.is_tuple
    assert layout.purelist_depth == ak_layout.purelist_depth


def test_buffers_round_trip_both_ways(layout_pair):
    ak_layout, layout = layout_pair
    assert to_jaggy(ak_layout).to_list() == ak_layout.to_list()
    form, length, container = jaggy.to_buffers(layout)
    back = awk.from_buffers(form.to_json(), length, container, highlevel=False)
    assert back.to_list() == ak_layout.to_list()
    assert str(back.form.type) == str(ak_layout.form.type)
    again = jaggy.from_buffers(form, length, container, highlevel=False)
    assert again.to_list() == layout.to_list()
    assert again.form == layout.form


def test_to_buffers_keys_match_awkward(layout_pair):
    ak_layout, layout = layout_pair
    form, _, container = jaggy.to_buffers(layout)
    ak_form, _, ak_container = awk.to_buffers(ak_layout)
    assert form.to_dict() == ak_form.to_dict()
    assert sorted(container) == sorted(ak_container)


def test_getitem_int_and_slices(layout_pair):
    ak_layout, layout = layout_pair
    n = len(layout)
    expected = ak_layout.to_list()
    for i in [0, n - 1, -1, -n] if n else []:
        got = jaggy.Array(layout)[i]
        want = awk.Array(ak_layout)[i]
        assert jaggy.to_list(got) == awk.to_list(want)
    for sl in [slice(1, None), slice(None, -1), slice(None, None, 2), slice(None, None, -1), slice(5, 1)]:
        got = layout[sl]
        assert got.to_list() == expected[sl]
        assert got.validity_error() == ""
    with pytest.raises(IndexError):
        layout[n]
    with pytest.raises(IndexError):
        layout[-n - 1]


def test_carry_and_packed(layout_pair):
    ak_layout, layout = layout_pair
    expected = ak_layout.to_list()
    n = len(layout)
    carry = jaggy.index.Index64(np.arange(n)[::-1].copy())
    assert layout._carry(carry).to_list() == expected[::-1]
    packed = layout.to_packed()
    assert packed.to_list() == expected
    assert str(packed.form.type) == str(layout.form.type)
    assert packed.validity_error() == ""
    with pytest.raises(IndexError):
        layout._carry(jaggy.index.Index64(np.array([n])))


def test_field_access():
    layout = mirror(AWKWARD_LAYOUTS["nested"])
    arr = jaggy.Array(layout)
    ak_arr = awk.Array(AWKWARD_LAYOUTS["nested"])
    assert arr.a.to_list() == ak_arr.a.to_list()
    assert str(arr.b.type) == str(ak_arr.b.type)
    assert arr["a"].to_list() == arr.a.to_list()
    with pytest.raises(AttributeError, match="fields are: a, b"):
        arr.c
    tup = jaggy.Array(mirror(AWKWARD_LAYOUTS["RecordArray-tuple"]))
    assert tup["1"].to_list() == ["hey", "", "there"]


def test_constructor_errors():
    J, X = jaggy.contents, jaggy.index
    num = J.NumpyArray(np.arange(3.0))
    with pytest.raises(TypeError, match="'offsets' must be an Index with dtype in"):
        J.ListOffsetArray(X.Index8(np.array([0, 1], np.int8)), num)
    with pytest.raises(TypeError, match="'content' must be a Content"):
        J.ListOffsetArray(X.Index64(np.array([0, 1])), [1, 2])
    with pytest.raises(ValueError, match="at least one element"):
        J.ListOffsetArray(X.Index64(np.array([], np.int64)), num)
    with pytest.raises(TypeError, match="cannot contain an option-type"):
        J.IndexedOptionArray(X.Index64(np.array([0])), J.UnmaskedArray(num))
    with pytest.raises(TypeError, match="at least 2 contents"):
        J.UnionArray(X.Index8(np.array([0], np.int8)), X.Index64(np.array([0])), [num])
    with pytest.raises(ValueError, match="len\\(contents\\)"):
        J.RecordArray([num], ["x", "y"])
    with pytest.raises(ValueError, match="must be a NumpyArray with __array__ = 'char'"):
        J.ListOffsetArray(X.Index64(np.array([0, 1])), num, parameters={"__array__": "string"})
    with pytest.raises(TypeError, match="numeric, boolean or datetime"):
        J.NumpyArray(np.array(["a"], dtype=object))
    with pytest.raises(ValueError, match="'size' must be non-negative"):
        J.RegularArray(num, -1)
def test_layout_repr(layout_pair):
    ak_layout, layout = layout_pair
    text = repr(layout)
    assert text.startswith("<" + type(ak_layout).__name__)
