"""jaggy.Array and jaggy.Record against awkward.Array and awkward.Record."""

from __future__ import annotations

import pickle

import awkward as awk
import jaggy
import numpy as np
import pytest

DATA = [
    [[1, 2], [], [3]],
    [1.1, 2.2, None, 4.4],
    [{"x": 1.1, "y": [1, 2]}, {"x": None, "y": []}, None],
    ["one", "two", None, "three"],
    [b"raw", b"", b"bytes"],
    [[{"a": 1, "b": "x"}], [], [{"a": 2, "b": "yy"}, {"a": 3, "b": ""}]],
    [(1, "a"), (2, "b")],
    [1, "two", [3], None, {"x": 4}],
    [True, False, True],
    [1 + 2j, 3.5],
    [],
    [[[]]],
    list(range(100)),
    [[float(i)] * (i % 4) for i in range(50)],
]


@pytest.mark.parametrize("data", DATA, ids=range(len(DATA)))
def test_construct_and_print_like_awkward(data):
    a, b = jaggy.Array(data), awk.Array(data)
    assert len(a) == len(b)
    assert a.to_list() == b.to_list() == jaggy.to_list(a)
    assert a.tolist() == b.tolist()
    assert str(a.type) == str(b.type)
    assert a.typestr == b.typestr
    assert repr(a) == repr(b)
    assert str(a) == str(b)
    assert a.show(stream=None) == b.show(stream=None)
    assert a.show(type=True, stream=None) == b.show(type=True, stream=None)
    assert a.fields == b.fields
    assert a.ndim == b.ndim
    for i in range(min(len(a), 5)):
        assert jaggy.to_list(a[i]) == awk.to_list(b[i])
        assert jaggy.to_list(a[-i - 1]) == awk.to_list(b[-i - 1])
    assert a[1:].to_list() == b[1:].to_list()
    assert a[::-2].to_list() == b[::-2].to_list()


def test_iteration_and_scalars():
    a = jaggy.Array([[1, 2], [], [3]])
    rows = list(a)
    assert [r.to_list() for r in rows] == [[1, 2], [], [3]]
    assert isinstance(a[0][1], np.int64)
    assert list(jaggy.Array([1.5, 2.5])) == [1.5, 2.5]
    assert jaggy.Array(["ab", "cd"])[1] == "cd"
    assert jaggy.Array([b"ab"])[0] == b"ab"
    assert [x for x in jaggy.Array(["a", "b"])] == ["a", "b"]


def test_type_strings():
    assert str(jaggy.Array([[1, 2], [], [3]]).type) == "3 * var * int64"
    x = jaggy.Array([{"x": 1.0, "y": "a"}, None])
    assert str(x.type) == str(awk.Array([{"x": 1.0, "y": "a"}, None]).type) == "2 * ?{x: float64, y: string}"


def test_records():
    a = jaggy.Array([{"x": 1, "y": [1, 2]}, {"x": 2, "y": []}])
    r = a[0]
    assert isinstance(r, jaggy.Record)
    assert r.x == 1 and r["y"].to_list() == [1, 2]
    assert r.fields == ["x", "y"]
    assert r.to_list() == {"x": 1, "y": [1, 2]}
    b = awk.Array([{"x": 1, "y": [1, 2]}, {"x": 2, "y": []}])
    assert repr(r) == repr(b[0]) and str(r) == str(b[0])
    assert str(r.type) == str(b[0].type)
    rec = jaggy.Record({"x": 1, "y": "z"})
    assert rec.to_list() == {"x": 1, "y": "z"}
    assert "x" in dir(a) and "y" in dir(r)
    with pytest.raises(AttributeError, match="fields are: x, y"):
        r.z
    with pytest.raises(TypeError):
        jaggy.Record([1, 2])


def test_constructors_from_other_inputs():
    assert jaggy.Array(np.arange(6).reshape(2, 3)).to_list() == [[0, 1, 2], [3, 4, 5]]
    assert str(jaggy.Array(np.arange(6).reshape(2, 3)).type) == "2 * 3 * int64"
    assert jaggy.Array({"x": [1, 2], "y": [[1], []]}).to_list() == [{"x": 1, "y": [1]}, {"x": 2, "y": []}]
    assert jaggy.Array("[1, 2, [3]]").to_list() == [1, 2, [3]]
    a = jaggy.Array([[1]])
    assert jaggy.Array(a).layout is a.layout
    assert jaggy.Array(a.layout).to_list() == [[1]]
    with pytest.raises(TypeError):
        jaggy.Array(5)


def test_to_numpy_and_array_protocol():
    a = jaggy.Array([[1, 2], [3, 4]])
    assert np.asarray(a).tolist() == [[1, 2], [3, 4]]
    assert jaggy.to_numpy(a).shape == (2, 2)
    masked = jaggy.to_numpy(jaggy.Array([1, None, 3]))
    assert isinstance(masked, np.ma.MaskedArray)
    assert masked.mask.tolist() == [False, True, False]
    with pytest.raises(ValueError, match=r"lengths are not regular"):
        jaggy.to_numpy(jaggy.Array([[1, 2], [3]]))
    with pytest.raises(ValueError):
        jaggy.to_numpy(jaggy.Array([1, None]), allow_missing=False)
    rec = jaggy.to_numpy(jaggy.Array([{"x": 1, "y": 2.5}]))
    assert rec.dtype.names == ("x", "y")


def test_from_numpy_variants():
    for arr in [np.arange(5), np.zeros((3, 2, 2)), np.array(["a", "bcd", ""]), np.array([b"x", b"yz"]),
                np.ma.MaskedArray([1, 2, 3], [False, True, False]),
                np.array([(1, 2.0), (3, 4.0)], dtype=[("a", "i4"), ("b", "f8")])]:
        got = jaggy.from_numpy(arr)
        want = awk.from_numpy(arr)
        assert got.to_list() == want.to_list()
        assert str(got.type) == str(want.type)
    assert str(jaggy.from_numpy(np.zeros((2, 3)), regulararray=True).layout.form.type) == "3 * float64"


def test_pickle_and_copy():
    a = jaggy.Array([{"x": [1, 2]}, None, {"x": []}])
    b = pickle.loads(pickle.dumps(a, protocol=5))
    assert b.to_list() == a.to_list() and str(b.type) == str(a.type)
    c = jaggy.copy(a)
    assert c.to_list() == a.to_list()
    r = pickle.loads(pickle.dumps(a[0]))
    assert r.to_list() == {"x": [1, 2]}


def test_backends():
    a = jaggy.Array([[1, 2]])
    assert jaggy.backend(a) == "cpu"
    assert jaggy.to_backend(a, "cpu").layout is a.layout
    with pytest.raises((jaggy.errors.BackendError, NotImplementedError), match="cuda"):
        jaggy.to_backend(a, "cuda")
    with pytest.raises(ValueError, match="unknown backend"):
        jaggy.to_backend(a, "tpu")


def test_import_does_not_import_cupy_or_numba():
    import subprocess
    import sys

    code = "import sys, jaggy; jaggy.Array([[1]]); print('cupy' in sys.modules, 'numba' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_numba_submodule_loads_on_attribute_access():
    """``ak.numba`` is there after ``import awkward``; ``jaggy.numba`` loads on first access."""
    import subprocess
    import sys

    pytest.importorskip("numba")
    code = ("import sys, jaggy; a = 'numba' in sys.modules; jaggy.numba.register_and_check(); "
            "print(a, 'numba' in sys.modules, hasattr(jaggy.numba, 'ListOffsetBuilder'))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "True", "True"]
    with pytest.raises(AttributeError, match="no attribute 'not_a_function'"):
        jaggy.not_a_function


def test_mask_property():
    """``array.mask[m]`` is ``mask(array, m)``, as Awkward's Array.mask."""
    import awkward

    data = [[1.5, 2.0], [], [3.0]]
    a, j = awkward.Array(data), jaggy.Array(data)
    for make in (lambda m, x: m.num(x) > 0, lambda m, x: x > 1.6):
        expected, got = a.mask[make(awkward, a)], j.mask[make(jaggy, j)]
        assert got.to_list() == expected.to_list()
        assert str(got.type) == str(expected.type)
    assert jaggy.Array([{"mask": 1}])["mask"].to_list() == [1]


def test_key_completions_and_record_nbytes():
    import awkward

    data = [{"x": 1, "y": [1.5]}, {"x": 2, "y": []}]
    a, j = awkward.Array(data), jaggy.Array(data)
    assert j._ipython_key_completions_() == a._ipython_key_completions_()
    assert j[0]._ipython_key_completions_() == a[0]._ipython_key_completions_()
    assert j[0].nbytes == a[0].nbytes
