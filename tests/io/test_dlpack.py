"""from_dlpack, Array.__dlpack__, from_cupy/to_cupy (without CuPy), to_feather/from_feather."""

from __future__ import annotations

import inspect

import awkward as awk
import jaggy
import numpy as np
import pytest


def signature(f):
    return [(p.name, p.kind, p.default) for p in inspect.signature(f).parameters.values()]


@pytest.mark.parametrize("name", ["from_dlpack", "from_cupy", "to_cupy", "to_feather", "from_feather"])
def test_signature(name):
    assert signature(getattr(jaggy, name)) == signature(getattr(awk, name))


@pytest.mark.parametrize("shape", [(5,), (2, 3), (2, 3, 2), (0,), (0, 4)])
@pytest.mark.parametrize("regulararray", [False, True])
def test_from_dlpack(shape, regulararray):
    x = np.arange(int(np.prod(shape)), dtype=np.float32).reshape(shape)
    ours = jaggy.from_dlpack(x, regulararray=regulararray)
    theirs = awk.from_dlpack(x, regulararray=regulararray)
    assert str(ours.type) == str(theirs.type)
    assert ours.to_list() == theirs.to_list()
    leaf = ours.layout
    while leaf.is_regular:
        leaf = leaf.content
    assert np.shares_memory(leaf.data, x) or x.size == 0


def test_dlpack_export_zero_copy():
    x = np.arange(12.0).reshape(2, 3, 2)
    for array in (jaggy.from_numpy(x), jaggy.from_numpy(x, regulararray=True)):
        y = np.from_dlpack(array)
        assert y.shape == x.shape
        assert np.shares_memory(x, y)
        assert array.__dlpack_device__() == (1, 0)
    sliced = jaggy.to_regular(jaggy.Array([[1, 2], [3, 4], [5, 6]]), axis=1)[1:]
    assert np.from_dlpack(sliced).tolist() == [[3, 4], [5, 6]]
    again = jaggy.from_dlpack(jaggy.from_numpy(x))
    assert np.shares_memory(again.layout.data, x)


@pytest.mark.parametrize(("data", "node"), [([[1], [2, 3]], "ListOffsetArray"), ([1, None], "IndexedOptionArray"),
                                            ([{"x": 1}], "RecordArray"), (["a"], "string")])
def test_dlpack_export_errors(data, node):
    with pytest.raises(TypeError, match=node):
        np.from_dlpack(jaggy.Array(data))


def test_from_dlpack_errors():
    with pytest.raises(TypeError, match="DLPack"):
        jaggy.from_dlpack([1, 2])
    with pytest.raises(TypeError, match="zero-dimensional"):
        jaggy.from_dlpack(np.array(3.0))
    assert jaggy.from_dlpack(np.array(3.0), primitive_policy="promote").to_list() == [3.0]


def test_cupy_missing():
    try:
        import cupy  # noqa: F401
    except ImportError:
        pass
    else:
        pytest.skip("CuPy is installed")
    with pytest.raises(ModuleNotFoundError, match=r"jaggy\.from_cupy: to use jaggy arrays with CUDA you must install cupy"):
        jaggy.from_cupy(np.arange(3))
    with pytest.raises(ModuleNotFoundError, match="pip install cupy"):
        jaggy.to_cupy(jaggy.Array([1, 2]))


FEATHER = [[[1, 2], [], None], [{"x": 1, "y": "a"}, {"x": 2, "y": None}], [1.5, None], [[{"a": [1]}]]]


@pytest.mark.parametrize("data", FEATHER, ids=range(len(FEATHER)))
def test_feather_roundtrip(tmp_path, data):
    pytest.importorskip("pyarrow")
    path = str(tmp_path / "x.feather")
    jaggy.to_feather(jaggy.Array(data), path)
    ours, theirs = jaggy.from_feather(path), awk.from_feather(path)
    assert str(ours.type) == str(theirs.type)
    assert ours.to_list() == theirs.to_list()
    awk.to_feather(awk.Array(data), path)
    assert str(jaggy.from_feather(path).type) == str(awk.from_feather(path).type)
    assert jaggy.from_feather(path).to_list() == awk.from_feather(path).to_list()
