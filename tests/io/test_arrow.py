"""to_arrow / from_arrow / to_arrow_table / from_arrow_schema against Awkward."""

from __future__ import annotations

import inspect
import tracemalloc

import awkward as awk
import jaggy
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from jaggy.testing.strategies import array_pairs, mixed_data, nested_data, scalars

pa = pytest.importorskip("pyarrow")

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
NAMES = ["to_arrow", "from_arrow", "to_arrow_table", "from_arrow_schema"]


def same(ours, theirs):
    assert str(ours.type) == str(theirs.type)
    assert str(ours.to_list()) == str(theirs.to_list())


def signature(f):
    return [(p.name, p.kind, p.default) for p in inspect.signature(f).parameters.values()]


def awkward_or_none(run):
    """Awkward's result, or None where Awkward itself fails on this input."""
    try:
        return run()
    except Exception:
        return None


def _awkward_round_trip(theirs, ext):
    out = awk.from_arrow(awk.to_arrow(theirs, extensionarray=ext))
    out.to_list()  # Awkward's reader can accept what its to_list then fails on
    return out


def _valid_arrow(array):
    """Whether pyarrow's full validation accepts an Arrow array (Awkward's writer sometimes
    produces union children with a wrong null_count, which jaggy's reader may refuse)."""
    try:
        array.validate(full=True)
    except Exception:
        return False
    return True


def check_round_trips(theirs, ours):
    for ext in (True, False):
        back = jaggy.from_arrow(jaggy.to_arrow(ours, extensionarray=ext))
        expected = awkward_or_none(lambda: _awkward_round_trip(theirs, ext))  # noqa: B023
        if expected is None:
            assert str(back.to_list()) == str(theirs.to_list())
            continue
        same(back, expected)
        # cross-library: each reads the other's (valid) Arrow output with the same type
        theirs_arrow = awk.to_arrow(theirs, extensionarray=ext)
        if _valid_arrow(theirs_arrow):
            same(jaggy.from_arrow(theirs_arrow), expected)
        same(awk.from_arrow(jaggy.to_arrow(ours, extensionarray=ext)), expected)
        table = jaggy.from_arrow(jaggy.to_arrow_table(ours, extensionarray=ext))
        expected_table = awkward_or_none(lambda: awk.from_arrow(awk.to_arrow_table(theirs, extensionarray=ext)))  # noqa: B023
        if expected_table is not None:
            same(table, expected_table)


@SETTINGS
@given(array_pairs())
def test_round_trip_varied_layouts(pair):
    check_round_trips(*pair)


@SETTINGS
@given(array_pairs(nested_data(scalars("mixed"))))
def test_round_trip_nested_strings_and_bools(pair):
    check_round_trips(*pair)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(array_pairs(mixed_data(), vary=False))
def test_round_trip_unions(pair):
    check_round_trips(*pair)


@pytest.mark.parametrize("data", [
    [], [[]], [None, None], [[1, 2, None], [], None], [{"x": 1, "y": "ab"}, None, {"x": 2, "y": None}],
    [True, False, None, True] * 5, ["a", "", None, "xyz"], [b"ab", b""], [(1, "a"), (2, "b")],
    [1, "a", [2], None], [[{"x": [1]}], None, [{"x": []}]], [[[]], [[None]]],
])
def test_hand_written_cases(data):
    theirs = awk.Array(data)
    check_round_trips(theirs, jaggy.from_awkward(theirs))


@pytest.mark.parametrize("arrow", [
    lambda: pa.array([1, None, 3, 4, None, 6, 7, 8, 9, 10]),
    lambda: pa.array([[1], None, [2, 3], [], [4, None]]),
    lambda: pa.array(["a", None, "bc", "", "d"], pa.large_string()),
    lambda: pa.array([True, None, False, True, False, True, None, True, False, True]),
    lambda: pa.array([{"x": 1, "y": [1.5]}, None, {"x": 3, "y": []}, {"x": 4, "y": None}]),
    lambda: pa.array([[1, 2], [3, 4], None, [5, 6]], pa.list_(pa.int64(), 2)),
    lambda: pa.array(["a", "b", None, "a", "c"]).dictionary_encode(),
    lambda: pa.array([b"ab", b"cd", None, b"ef"], pa.binary(2)),
    lambda: pa.nulls(4),
    lambda: pa.UnionArray.from_dense(pa.array([0, 1, 0, 1], pa.int8()), pa.array([0, 0, 1, 1], pa.int32()),
                                     [pa.array([1, 2]), pa.array(["a", "b"])]),
    lambda: pa.UnionArray.from_sparse(pa.array([0, 1, 0], pa.int8()),
                                      [pa.array([1, 2, 3]), pa.array(["a", "b", "c"])]),
    lambda: pa.array([1, 2, 3], pa.date32()),
    lambda: pa.array([1, 2, 3], pa.timestamp("ms")),
    lambda: pa.array([1.5, None], pa.float32()),
])
@pytest.mark.parametrize("start", [0, 1, 3])
def test_plain_arrow_and_slices(arrow, start):
    arr = arrow()[start:]
    for gb in (False, True):
        ours = jaggy.from_arrow(arr, generate_bitmasks=gb)
        # Awkward misreads validity bits of sliced arrays: its values come from the unsliced array
        assert str(ours.type) == str(awk.from_arrow(arr, generate_bitmasks=gb).type)
        assert str(ours.to_list()) == str(awk.from_arrow(arrow(), generate_bitmasks=gb)[start:].to_list())
    values = jaggy.from_arrow(arr).to_list()
    batch = pa.RecordBatch.from_arrays([arr], ["col"])
    records = [{"col": v} for v in values]
    for obj, expected_values in ((pa.chunked_array([arr, arr]), values * 2), (batch, records),
                                 (pa.Table.from_batches([batch, batch]), records * 2)):
        ours = jaggy.from_arrow(obj)
        assert str(ours.to_list()) == str(expected_values)
        expected = awkward_or_none(lambda: awk.from_arrow(obj))  # noqa: B023
        if expected is not None:  # (Awkward cannot merge dictionary chunks)
            assert str(ours.type) == str(expected.type)


def test_options():
    ours = jaggy.Array([["a", "bc"], [], ["d"]])
    theirs = awk.Array([["a", "bc"], [], ["d"]])
    for kw in [{"list_to32": True}, {"string_to32": True}, {"list_to32": True, "string_to32": True}]:
        assert jaggy.to_arrow(ours, **kw).type.storage_type == awk.to_arrow(theirs, **kw).type.storage_type
        same(jaggy.from_arrow(jaggy.to_arrow(ours, **kw)), theirs)
    empty = jaggy.Array([[], []])
    assert jaggy.to_arrow(empty, emptyarray_to="float64", extensionarray=False).type == \
        awk.to_arrow(awk.Array([[], []]), emptyarray_to="float64", extensionarray=False).type
    cat = awk.str.to_categorical(awk.Array(["a", "b", "a", None])) if hasattr(awk, "str") else None
    if cat is not None:
        ours_cat = jaggy.from_awkward(cat)
        arrow = jaggy.to_arrow(ours_cat, categorical_as_dictionary=True, extensionarray=False)
        assert pa.types.is_dictionary(arrow.type)
        same(jaggy.from_arrow(arrow), awk.from_arrow(awk.to_arrow(cat, categorical_as_dictionary=True,
                                                                  extensionarray=False)))
    record = jaggy.Array([{"x": 1}, {"x": 2}])[1]
    back = jaggy.from_arrow(jaggy.to_arrow(record))
    assert isinstance(back, jaggy.Record)
    assert back.to_list() == {"x": 2}
    assert jaggy.to_arrow(ours, count_nulls=False).to_pylist() == [["a", "bc"], [], ["d"]]


def test_from_arrow_schema():
    schema = pa.schema([pa.field("x", pa.int64(), nullable=False), pa.field("y", pa.list_(pa.string()))])
    assert str(jaggy.from_arrow_schema(schema).type) == str(awk.from_arrow_schema(schema).type)
    table = awk.to_arrow_table(awk.Array([{"a": [1.5, None], "b": "x"}]))
    assert str(jaggy.from_arrow_schema(table.schema).type) == str(awk.from_arrow_schema(table.schema).type)


def test_zero_copy_ten_million():
    n = 10_000_000
    content = np.arange(n, dtype=np.float64)
    arrow = pa.LargeListArray.from_arrays(pa.array(np.arange(0, n + 1, 10, dtype=np.int64)), pa.array(content))
    tracemalloc.start()
    out = jaggy.from_arrow(arrow, highlevel=False)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert peak < n  # far less than the 80 MB of content: nothing was copied
    data = out.content.content.data  # (the list items are nullable in Arrow: UnmaskedArray)
    assert data.ctypes.data == arrow.values.buffers()[1].address
    assert out.offsets.data.ctypes.data == arrow.buffers()[1].address
    back = jaggy.to_arrow(out, extensionarray=False)
    assert back.values.buffers()[1].address == data.ctypes.data
    assert back.buffers()[1].address == out.offsets.data.ctypes.data


def test_validity_bitmap_is_shared():
    arrow = pa.array([1.0, None, 3.0] * 1000)
    out = jaggy.from_arrow(arrow, highlevel=False)
    assert isinstance(out, jaggy.contents.BitMaskedArray)
    assert out.mask.data.ctypes.data == arrow.buffers()[0].address
    back = jaggy.to_arrow(out, extensionarray=False)
    assert back.buffers()[0].address == arrow.buffers()[0].address
    assert back.to_pylist() == arrow.to_pylist()


def corrupted(build, buffer, bad):
    """An Arrow array built valid, whose NumPy-backed ``buffer`` is then overwritten with ``bad``
    (pyarrow validates arrays built from buffers, so the corruption comes after)."""
    arr = build()
    buffer[:] = bad
    return arr


def test_malformed_input_raises():
    values = pa.array([1, 2, 3])
    cases = []
    for bad in ([0, 2, 7], [0, 3, 1], [-1, 1, 2]):
        offsets = np.array([0, 1, 2], np.int32)
        cases.append(corrupted(lambda o=offsets: pa.Array.from_buffers(
            pa.list_(pa.int64()), 2, [None, pa.py_buffer(o)], children=[values]), offsets, bad))
    offsets = np.array([0, 1, 2], np.int32)
    cases.append(corrupted(lambda: pa.Array.from_buffers(
        pa.string(), 2, [None, pa.py_buffer(offsets), pa.py_buffer(b"abc")]), offsets, [0, 1, 9]))
    index = np.array([0, 1], np.int32)
    cases.append(corrupted(lambda: pa.DictionaryArray.from_arrays(pa.array(index), pa.array(["a", "b"])), index, [0, 5]))
    union_type = pa.dense_union([pa.field("0", pa.int64()), pa.field("1", pa.string())])
    tags, offsets = np.array([0, 1], np.int8), np.array([0, 0], np.int32)
    cases.append(corrupted(lambda: pa.Array.from_buffers(union_type, 2, [None, pa.py_buffer(tags), pa.py_buffer(offsets)],
                                                         children=[values, pa.array(["a"])]), offsets, [0, 4]))
    tags, offsets = np.array([0, 1], np.int8), np.array([0, 0], np.int32)
    cases.append(corrupted(lambda: pa.Array.from_buffers(union_type, 2, [None, pa.py_buffer(tags), pa.py_buffer(offsets)],
                                                         children=[values, pa.array(["a"])]), tags, [0, 3]))
    for arr in cases:
        with pytest.raises(ValueError, match="from_arrow"):
            jaggy.from_arrow(arr)


def test_errors_and_signatures(monkeypatch):
    with pytest.raises(TypeError, match="from_arrow"):
        jaggy.from_arrow([1, 2, 3])
    for name in NAMES:
        assert signature(getattr(jaggy, name)) == signature(getattr(awk, name)), name
    monkeypatch.setitem(__import__("sys").modules, "pyarrow", None)
    with pytest.raises(ImportError, match=r"jaggy\.to_arrow needs pyarrow"):
        jaggy.to_arrow(jaggy.Array([1]))
