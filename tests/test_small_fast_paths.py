"""The small-array fast paths (array[int], array[str], array.field, num/sum at axis=1, Array of a
few lists of floats) give what the general paths and Awkward give, and stay off layouts they do
not cover."""

from __future__ import annotations

import awkward as awk
import jaggy
import numpy as np
import pytest
from jaggy.highlevel import Array
from jaggy.layout import IndexedOptionArray, ListArray, ListOffsetArray, NumpyArray

TINY = [[1.0, 2.0, 3.0], [], [4.0, 5.0], [6.0, 7.0, 8.0, 9.0]]


def _same(j, a):
    assert str(j.type) == str(a.type)
    assert j.to_list() == a.to_list()


def _general(layout):
    """The same lists as a ListArray (which takes the general paths)."""
    return ListArray(layout.starts, layout.stops, layout.content, parameters=layout.parameters)


@pytest.mark.parametrize("i", [0, 1, 2, 3, -1, -2, -4])
def test_getitem_int(i):
    j, a = jaggy.Array(TINY), awk.Array(TINY)
    _same(j[i], a[i])
    general = jaggy.Array(_general(j.layout))[i]
    assert type(j[i]) is type(general) is Array
    assert j[i].layout.parameters == general.layout.parameters
    assert j[i].layout.data.dtype == general.layout.data.dtype


def test_getitem_int_offsets_not_from_zero_and_int32():
    j, a = jaggy.Array(TINY)[1:], awk.Array(TINY)[1:]
    for i in range(-3, 3):
        _same(j[i], a[i])
    lay = awk.to_layout(awk.Array(TINY))
    a32 = awk.Array(awk.contents.ListOffsetArray(awk.index.Index32(np.asarray(lay.offsets).astype(np.int32)),
                                                  lay.content))
    j32 = jaggy.Array(ListOffsetArray(jaggy.index.Index32(np.asarray(lay.offsets).astype(np.int32)),
                                      NumpyArray(np.asarray(lay.content.data))))
    for i in range(-4, 4):
        _same(j32[i], a32[i])


@pytest.mark.parametrize("i", [4, 100, -5, -100])
def test_getitem_int_out_of_range(i):
    j = jaggy.Array(TINY)
    with pytest.raises(IndexError) as fast:
        j[i]
    with pytest.raises(IndexError) as general:
        jaggy.Array(_general(j.layout))[i]
    assert str(fast.value) == str(general.value)
    assert f"index {i}" in str(fast.value)
    with pytest.raises(IndexError):
        awk.Array(TINY)[i]


def test_getitem_int_not_taken_for_strings_options_and_regular():
    for data in (["ab", "", "c"], [[1.0, None], [], [2.0]], [[[1.0]], [], [[2.0, 3.0]]]):
        j, a = jaggy.Array(data), awk.Array(data)
        for i in range(-3, 3):
            x, y = j[i], a[i]
            if isinstance(y, str):
                assert x == y
            else:
                _same(x, y)
    regular = np.arange(6.0).reshape(3, 2)
    _same(jaggy.Array(regular)[1], awk.Array(regular)[1])


def test_getitem_int_attrs_and_behavior():
    class Vec(jaggy.Array):
        def norm(self):
            return jaggy.sum(self * self, axis=-1)

    behavior = {"vec": Vec}
    lay = jaggy.Array(TINY).layout
    content = NumpyArray(lay.content.data, parameters={"__list__": "vec"})
    j = jaggy.Array(ListOffsetArray(lay.offsets, content), behavior=behavior, attrs={"k": 1})
    out = j[2]
    assert type(out) is Vec and out.norm() == 41.0
    assert out.attrs == {"k": 1} and out.attrs is not j.attrs
    plain = jaggy.Array(TINY, attrs={"k": 2}, behavior={})
    assert plain[0].attrs == {"k": 2} and plain[0].behavior == {}


def _records(**kw):
    j = jaggy.zip({"x": jaggy.Array(TINY), "y": jaggy.Array(TINY) * 10}, **kw)
    a = awk.zip({"x": awk.Array(TINY), "y": awk.Array(TINY) * 10}, **kw)
    return j, a


def test_field_attribute_and_getitem():
    j, a = _records()
    _same(j.x, a.x)
    _same(j["y"], a["y"])
    assert j.x.layout is j["x"].layout  # one memoized projection
    general = jaggy.Array(_general(j.layout))
    _same(general.y, a.y)
    assert general.y.layout.parameters == j.y.layout.parameters == {}
    with pytest.raises(jaggy.errors.FieldNotFoundError, match="no field named 'z'"):
        j.z
    with pytest.raises(jaggy.errors.FieldNotFoundError, match="no field 'z'") as fast:
        j["z"]
    with pytest.raises(jaggy.errors.FieldNotFoundError) as slow:
        general["z"]
    assert str(fast.value) == str(slow.value)


def test_field_shadowing_a_method():
    j = jaggy.zip({"show": jaggy.Array(TINY), "x": jaggy.Array(TINY)})
    a = awk.zip({"show": awk.Array(TINY), "x": awk.Array(TINY)})
    assert callable(j.show)
    _same(j["show"], a["show"])


def test_field_with_behavior_and_attrs():
    class Point(jaggy.Record):
        def r2(self):
            return self.x ** 2 + self.y ** 2

    class PointArray(jaggy.Array):
        def r2(self):
            return self.x ** 2 + self.y ** 2

    behavior = {"point": Point, ("*", "point"): PointArray}
    j = jaggy.zip({"x": jaggy.Array(TINY), "y": jaggy.Array(TINY)}, with_name="point")
    j = jaggy.Array(j, behavior=behavior, attrs={"a": 1})
    assert type(j) is PointArray
    assert type(j.x) is Array and j.x.attrs == {"a": 1} and j.x.behavior is behavior
    assert j.r2().to_list() == [[2 * v * v for v in row] for row in TINY]
    assert type(j[0]) is PointArray and type(j[0][0]) is Point


def test_field_not_taken_for_options_indexed_and_tuples():
    data = [[{"x": 1.0}, None], [], [{"x": 2.0}]]
    _same(jaggy.Array(data).x, awk.Array(data).x)
    data = [{"x": [1.0]}, None, {"x": []}]
    _same(jaggy.Array(data).x, awk.Array(data).x)
    j, a = _records()
    index = np.array([3, 0, 0], np.int64)
    jj = jaggy.Array(IndexedOptionArray(jaggy.index.Index64(index), j.layout))
    aa = awk.Array(awk.contents.IndexedOptionArray(awk.index.Index64(index), a.layout))
    _same(jj.x, aa.x)
    _same(jj[0], aa[0])
    t = jaggy.zip((jaggy.Array(TINY), jaggy.Array(TINY)))
    at = awk.zip((awk.Array(TINY), awk.Array(TINY)))
    _same(t["1"], at["1"])


@pytest.mark.parametrize("mask_identity", [False, True])
def test_num_and_sum_axis1(mask_identity):
    j, a = jaggy.Array(TINY, attrs={"u": 1}), awk.Array(TINY)
    _same(jaggy.num(j, axis=1), awk.num(a, axis=1))
    _same(jaggy.sum(j, axis=1, mask_identity=mask_identity), awk.sum(a, axis=1, mask_identity=mask_identity))
    _same(jaggy.sum(j, axis=-1), awk.sum(a, axis=-1))
    assert jaggy.num(j, axis=1).attrs == {"u": 1}
    assert jaggy.sum(j, axis=1, attrs={"v": 2}).attrs == {"v": 2}
    assert type(jaggy.num(j, axis=1, highlevel=False)) is NumpyArray
    assert type(jaggy.sum(j, axis=1, highlevel=False)) is NumpyArray
    ints = [[1, 2], [], [3]]
    ji = jaggy.Array(jaggy.Array(ints).layout)
    ai = awk.Array(ints)
    _same(jaggy.sum(jaggy.values_astype(ji, np.int32), axis=1), awk.sum(awk.values_astype(ai, np.int32), axis=1))
    _same(jaggy.sum(jaggy.Array([[True, False], [True]]), axis=1), awk.sum(awk.Array([[True, False], [True]]), axis=1))
    with pytest.raises(jaggy.errors.AxisError):
        jaggy.num(j, axis=2)


CTOR = [
    [[1.0, 2.0], [3.0]],
    [[1.0], [], [float("nan"), float("inf")]],
    [[1, 2.0], [3.0]],
    [[True, 1.0]],
    [[1.0], None],
    [[1.0], [[2.0]]],
    [[], []],
    [],
    [[1.0] * 70],
    [[1.0]] * 17,
    [[1.0], []],
    [[], [2.5]],
    [[np.float64(1.5)], [2.0]],
    [(1.0, 2.0), [3.0]],
]


@pytest.mark.parametrize("data", CTOR, ids=range(len(CTOR)))
def test_constructor(data):
    j, a = jaggy.Array(data), awk.Array(data)
    assert str(j.type) == str(a.type)
    assert repr(j.to_list()) == repr(a.to_list())  # (repr: nan == nan)
    for fast in (j.layout, jaggy.from_iter(data).layout):
        general = _builder_layout(data)  # the general builder, which the fast path must equal
        assert fast.form == general.form
        assert type(fast) is type(general)
        assert repr(fast.to_list()) == repr(general.to_list())
    assert jaggy.validity_error(j) == ""


def _builder_layout(data):
    from jaggy._builder_layout import layout_from_builder
    from jaggy.builder import _from_iter_layout

    return layout_from_builder(*_from_iter_layout(data, allow_record=True))


class _Float(float):
    pass


def test_lists_of_floats_large_and_rejected():
    rng = np.random.default_rng(3)
    data = [list(map(float, rng.normal(size=k))) for k in rng.poisson(4, 5000)]
    j = jaggy.from_iter(data)
    assert j.to_list() == data
    assert str(j.type) == str(awk.from_iter(data).type)
    assert j.layout.form == _builder_layout(data).form
    for bad in ([[1.0, _Float(2.0)]], [[1.0], (2.0,)], [[1.0], [1]], [[1.0], [None]], [[1.0], [[1.0]]]):
        assert jaggy._ext.lists_of_floats(bad) is None
        assert str(jaggy.from_iter(bad).type) == str(awk.from_iter(bad).type)


def test_constructor_options():
    j = jaggy.Array([[1.0, 2.0], [3.0]], attrs={"a": 1})
    assert j.attrs == {"a": 1}
    assert jaggy.Array([[1.0, 2.0], [3.0]], with_name=None).to_list() == [[1.0, 2.0], [3.0]]

    class Sub(jaggy.Array):
        pass

    assert type(Sub([[1.0], [2.0]])) is jaggy.Array  # (as Awkward: the behavior's class, not Sub)
    with pytest.raises(TypeError):
        jaggy.Array([[1.0]], behavior=3)
    with pytest.raises((TypeError, ValueError)):  # (the builder's error, as without the fast path)
        jaggy.Array([[object()]])
