"""Views inside @njit compared with plain Python over to_list(), for every node type."""

from __future__ import annotations

import numpy as np
import pytest

numba = pytest.importorskip("numba")

import awkward as ak  # noqa: E402
import jaggy  # noqa: E402
import jaggy.numba  # noqa: E402
from hypothesis import HealthCheck, given, settings  # noqa: E402
from jaggy import contents as C  # noqa: E402
from jaggy.index import Index  # noqa: E402
from jaggy.testing.strategies import array_pairs, numeric_lists  # noqa: E402

jaggy.numba.register()


@numba.njit
def get(a, i):
    return a[i]


@numba.njit
def length(a):
    return len(a)


@numba.njit
def items(a):
    return [x for x in a]


@numba.njit
def sl(a, i, j):
    return a[i:j]


def _nan(x):
    if isinstance(x, float) and x != x:
        return "nan"
    if isinstance(x, list):
        return [_nan(y) for y in x]
    if isinstance(x, dict):
        return {k: _nan(v) for k, v in x.items()}
    if isinstance(x, tuple):
        return tuple(_nan(y) for y in x)
    return x


def _tolist(x):
    return _nan(x.to_list() if hasattr(x, "to_list") else x)


def check_elements(array):
    expect = _nan(array.to_list())
    assert length(array) == len(expect)
    for i in range(-len(expect), len(expect)):
        assert _tolist(get(array, i)) == expect[i]
    if expect:
        assert [_tolist(x) for x in items(array)] == expect
    for i, j in [(0, len(expect)), (1, -1), (-2, 100), (3, 1)]:
        out = sl(array, i, j)
        assert _tolist(out) == expect[i:j]
        assert str(out.type).split(" * ", 1)[1] == str(array.type).split(" * ", 1)[1]
    with pytest.raises(IndexError):
        get(array, len(expect))
    with pytest.raises(IndexError):
        get(array, -len(expect) - 1)


def _arr(layout):
    return jaggy.Array(layout)


def _i(values, dtype=np.int64):
    return Index(np.asarray(values, dtype=dtype))


NUM = C.NumpyArray(np.array([1.5, 2.5, 3.5, 4.5, 5.5]))
LAYOUTS = {
    "numpy": NUM,
    "numpy_bool": C.NumpyArray(np.array([True, False, True])),
    "numpy_int32": C.NumpyArray(np.array([1, -2, 3], dtype=np.int32)),
    "numpy_2d": C.NumpyArray(np.arange(12).reshape(3, 4)),
    "empty": C.EmptyArray(),
    "regular": C.RegularArray(NUM, 2),
    "list": C.ListArray(_i([3, 0, 1]), _i([5, 0, 3]), NUM),
    "listoffset": C.ListOffsetArray(_i([1, 3, 3, 5]), NUM),
    "listoffset32": C.ListOffsetArray(_i([0, 2, 5], np.int32), NUM),
    "record": C.RecordArray([NUM, C.ListOffsetArray(_i([0, 1, 1, 3, 3, 5]), NUM)], ["x", "y"]),
    "tuple": C.RecordArray([NUM, NUM], None),
    "indexed": C.IndexedArray(_i([4, 0, 0, 2]), NUM),
    "indexedoption": C.IndexedOptionArray(_i([4, -1, 0, -1], np.int32), NUM),
    "bytemasked": C.ByteMaskedArray(Index(np.array([1, 0, 1], np.int8)), NUM, valid_when=True),
    "bitmasked": C.BitMaskedArray(Index(np.array([0b10110], np.uint8)), NUM, valid_when=False,
                                  length=5, lsb_order=True),
    "bitmasked_msb": C.BitMaskedArray(Index(np.array([0b10110000], np.uint8)), NUM,
                                      valid_when=True, length=5, lsb_order=False),
    "unmasked": C.UnmaskedArray(NUM),
    "union_numbers": C.UnionArray(Index(np.array([0, 1, 0, 1], np.int8)), _i([0, 0, 1, 1]),
                                  [NUM, C.NumpyArray(np.array([7, 8]))]),
    "option_of_lists": C.IndexedOptionArray(_i([2, -1, 0]),
                                            C.ListOffsetArray(_i([0, 2, 2, 5]), NUM)),
    "strings": jaggy.Array(["héllo", "", "€uro", "abc"]).layout,
}


@pytest.mark.parametrize("name", sorted(LAYOUTS))
def test_node_types(name):
    check_elements(_arr(LAYOUTS[name]))


def test_nested_loop_sums_match_python():
    data = [[{"pt": 1.0, "q": 1}, {"pt": 2.5, "q": -1}], [], [{"pt": 4.0, "q": 1}]]
    events = jaggy.Array({"muons": jaggy.Array(data), "n": [2, 0, 1]})

    @numba.njit
    def f(events):
        s = 0.0
        count = 0
        for event in events:
            count += event.n
            for muon in event.muons:
                s += muon.pt * muon["q"]
        return s, count

    s, count = f(events)
    assert s == sum(m["pt"] * m["q"] for ev in data for m in ev)
    assert count == 3


def test_options_is_none():
    a = jaggy.Array([1, None, 3, None, 5])

    @numba.njit
    def f(a):
        s = 0
        nones = 0
        for x in a:
            if x is None:
                nones += 1
            else:
                s += x
        return s, nones

    assert f(a) == (9, 2)


def test_fields_on_arrays_and_records_and_return():
    a = jaggy.Array([{"x": 1, "y": [1.0]}, {"x": 2, "y": []}])

    @numba.njit
    def f(a):
        return a.x, a["y"], a[1], a[0].y, a[0]["x"]

    x, y, rec, y0, x0 = f(a)
    assert x.to_list() == [1, 2]
    assert y.to_list() == [[1.0], []]
    assert rec.to_list() == {"x": 2, "y": []}
    assert isinstance(rec, jaggy.Record)
    assert y0.to_list() == [1.0]
    assert x0 == 1
    assert f(a[::-1])[0].to_list() == [2, 1]
    r = a[1]

    @numba.njit
    def g(r):
        return r.x, r.y

    assert g(r)[0] == 2


def test_tuple_index_and_np_asarray_zero_copy():
    data = np.array([1.0, 2.0, 3.0, 4.0])
    a = jaggy.Array(C.ListOffsetArray(_i([0, 1, 4]), C.NumpyArray(data)))

    @numba.njit
    def f(a):
        return np.asarray(a[1])

    out = f(a)
    assert out.tolist() == [2.0, 3.0, 4.0]
    assert np.shares_memory(out, data)
    t = jaggy.Array(C.RecordArray([NUM, NUM], None))

    @numba.njit
    def g(t):
        return t[1][0] + t[1][1]

    assert g(t) == 5.0


def test_several_arguments_and_one_compile_per_form():
    @numba.njit
    def dot(a, b):
        s = 0.0
        for i in range(len(a)):
            for j in range(len(a[i])):
                s += a[i][j] * b[i][j]
        return s

    a = jaggy.Array([[1.0, 2.0], [3.0]])
    b = jaggy.Array([[4.0, 5.0], [6.0]])
    assert dot(a, b) == 32.0
    assert dot(b, a) == 32.0
    assert len(dot.signatures) == 1


@settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck))
@given(array_pairs(numeric_lists()))
def test_hypothesis_numeric(pair):
    ak_array, array = pair
    check_elements(array)
    assert _nan(array.to_list()) == _nan(ak_array.to_list())


@settings(max_examples=8, deadline=None, suppress_health_check=list(HealthCheck))
@given(array_pairs())
def test_hypothesis_nested(pair):
    _, array = pair
    check_elements(array)


def test_awkward_oracle_sum():
    lists = [[1.0, 2.0], [], [3.0, None]]
    a = jaggy.Array(lists)

    @numba.njit
    def total(a):
        s = 0.0
        for x in a:
            for y in x:
                if y is not None:
                    s += y
        return s

    assert total(a) == ak.sum(ak.Array(lists), axis=None)
