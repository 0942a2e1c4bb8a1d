"""Differential tests of jaggy's C++ to_list against awkward.to_list (the oracle)."""

from __future__ import annotations

import math

import awkward
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jaggy._tolist import record_to_python, to_list, to_python

C = awkward.contents
I8 = awkward.index.Index8
U8 = awkward.index.IndexU8
I32 = awkward.index.Index32
U32 = awkward.index.IndexU32
I64 = awkward.index.Index64


def same(a: object, b: object) -> bool:
    """Equality that also compares types (1 vs 1.0 vs True) and treats NaN as equal to NaN."""
    if type(a) is not type(b):
        return False
    if isinstance(a, float):
        return (math.isnan(a) and math.isnan(b)) or a == b
    if isinstance(a, (list, tuple)):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, dict):
        return list(a) == list(b) and all(same(a[k], b[k]) for k in a)
    return a == b


def check(layout: object) -> None:
    expected = awkward.to_list(layout)
    got = to_list(layout)
    assert same(got, expected), (got, expected)


# --------------------------------------------------------------------------- Python data

DATA = [
    [],
    [1, 2, 3],
    [1.5, -2.0, float("nan"), float("inf")],
    [True, False, None],
    [1 + 2j, None],
    [[1, 2], [], [3]],
    [[[1], []], [], [[2, 3, None]]],
    [None, [None, 1], []],
    [{"x": 1, "y": [1.1, 2.2]}, {"x": 2, "y": []}, None],
    [{"b": 1, "a": 2}],
    [{"x": {"y": {"z": [1, None]}}}],
    [(1, "a"), (2, "b")],
    [(1, (2.5, [3])), None],
    ["hello", "", "wörld", None, "日本"],
    [["a", "bc"], [], ["d"]],
    [b"abc", b"", None, b"\x00\xff"],
    [1, "two", [3], None, {"x": 4}, 5.5],
    [[1, "a"], ["b", 2.5]],
    [{"x": 1}, {"y": "a"}, {"x": 2, "y": "b"}],
    [[], [[]], [[[]]]],
    [[{"x": [1, 2]}, None], [], [{"x": []}]],
]


@pytest.mark.parametrize("data", DATA, ids=range(len(DATA)))
def test_python_data(data: list) -> None:
    check(awkward.Array(data).layout)


@pytest.mark.parametrize(
    "array",
    [
        np.arange(12, dtype=np.int64).reshape(3, 4),
        np.arange(24, dtype=np.float64).reshape(2, 3, 4),
        np.zeros((2, 0, 3)),
        np.zeros((2, 3, 0)),
        np.zeros((0, 3)),
        np.arange(12, dtype=np.int16).reshape(3, 4)[:, ::2],
    ],
)
def test_regular_numpy(array: np.ndarray) -> None:
    check(C.NumpyArray(array))


@pytest.mark.parametrize(
    "dtype",
    [
        np.bool_, np.int8, np.int16, np.int32, np.int64, np.uint8, np.uint16, np.uint32,
        np.uint64, np.float16, np.float32, np.float64, np.complex64, np.complex128,
        "datetime64[D]", "datetime64[ns]", "timedelta64[s]",
    ],
)  # fmt: skip
def test_dtypes(dtype: object) -> None:
    data = np.array([0, 1, 2, 100, 255], dtype=np.uint8).astype(dtype)
    check(C.NumpyArray(data))
    check(C.ListOffsetArray(I64(np.array([0, 2, 2, 5])), C.NumpyArray(data)))


class NumpyArray:
    """A stand-in leaf node (dispatch is by class name) for buffers Awkward does not accept."""

    def __init__(self, data: np.ndarray) -> None:
        self.data = data

    def __len__(self) -> int:
        return len(self.data)

    def parameter(self, name: str) -> None:
        return None


def test_non_native_byte_order() -> None:
    data = np.arange(6, dtype=">i4").reshape(2, 3)
    assert same(to_list(NumpyArray(data)), data.tolist())
    assert same(to_list(NumpyArray(np.array([1.5, -2.0], dtype=">f8"))), [1.5, -2.0])


def test_extreme_integers() -> None:
    check(C.NumpyArray(np.array([np.iinfo(np.int64).min, np.iinfo(np.int64).max])))
    check(C.NumpyArray(np.array([np.iinfo(np.uint64).max], dtype=np.uint64)))
    check(C.NumpyArray(np.array([-128, 127], dtype=np.int8)))


# --------------------------------------------------------------------------- built by hand

NUMS = C.NumpyArray(np.arange(10, dtype=np.float64) * 1.5)


def string_array(words: list[bytes], kind: str = "string") -> C.ListOffsetArray:
    offsets = np.cumsum([0, *(len(w) for w in words)])
    chars = np.frombuffer(b"".join(words), dtype=np.uint8)
    inner = "char" if kind == "string" else "byte"
    return C.ListOffsetArray(
        I64(offsets),
        C.NumpyArray(chars, parameters={"__array__": inner}),
        parameters={"__array__": kind},
    )


def hand_layouts() -> dict[str, object]:
    strings = string_array([b"one", b"two", b"three", b"\xff\xfebad", b""])
    rec = C.RecordArray([NUMS, C.NumpyArray(np.arange(10))], ["a", "b"])
    return {
        "listoffset_sliced": C.ListOffsetArray(I64(np.array([3, 5, 5, 9])), NUMS),
        "listoffset_i32": C.ListOffsetArray(I32(np.array([1, 4, 4, 10], np.int32)), NUMS),
        "listoffset_u32": C.ListOffsetArray(U32(np.array([0, 2, 7], np.uint32)), NUMS),
        "listarray": C.ListArray(I64(np.array([7, 0, 3, 3])), I64(np.array([10, 2, 3, 6])), NUMS),
        "listarray_empty_out_of_range": C.ListArray(
            I64(np.array([100, 1])), I64(np.array([100, 2])), NUMS
        ),
        "listarray_u32": C.ListArray(
            U32(np.array([5, 0], np.uint32)), U32(np.array([9, 1], np.uint32)), NUMS
        ),
        "regular": C.RegularArray(NUMS, 3),
        "regular_zero": C.RegularArray(NUMS, 0, zeros_length=4),
        "indexed": C.IndexedArray(I64(np.array([9, 0, 0, 4])), NUMS),
        "indexed_i32": C.IndexedArray(I32(np.array([2, 1], np.int32)), NUMS),
        "indexed_option": C.IndexedOptionArray(I64(np.array([-1, 3, -1, 0])), NUMS),
        "indexed_option_all_none": C.IndexedOptionArray(I64(np.array([-1, -1])), NUMS),
        "bytemasked": C.ByteMaskedArray(I8(np.array([1, 0, 1, 1], np.int8)), NUMS, valid_when=True),
        "bytemasked_invalid_when": C.ByteMaskedArray(
            I8(np.array([1, 0, 1, 1], np.int8)), NUMS, valid_when=False
        ),
        "bitmasked_lsb": C.BitMaskedArray(
            U8(np.array([0b10110101, 0b01], np.uint8)), NUMS, True, 10, True
        ),
        "bitmasked_msb": C.BitMaskedArray(
            U8(np.array([0b10110101, 0b01000000], np.uint8)), NUMS, True, 10, False
        ),
        "bitmasked_invalid_msb": C.BitMaskedArray(
            U8(np.array([0b10110101, 0b01000000], np.uint8)), NUMS, False, 9, False
        ),
        "unmasked": C.UnmaskedArray(NUMS),
        "record": rec,
        "tuple": C.RecordArray([NUMS, strings], None, length=5),
        "record_no_fields": C.RecordArray([], [], length=3),
        "tuple_no_fields": C.RecordArray([], None, length=2),
        "record_longer_contents": C.RecordArray([NUMS, C.NumpyArray(np.arange(20))], ["x", "y"], 4),
        "list_of_records": C.ListOffsetArray(I64(np.array([2, 4, 4, 9])), rec),
        "option_of_records": C.IndexedOptionArray(I64(np.array([5, -1, 0])), rec),
        "strings": strings,
        "strings_sliced": strings[1:4],
        "bytestrings": string_array([b"a", b"\x00\x01", b""], kind="bytestring"),
        "string_listarray": C.ListArray(
            I64(np.array([3, 0])),
            I64(np.array([6, 3])),
            strings.content,
            parameters={"__array__": "string"},
        ),
        "string_regular": C.RegularArray(strings.content, 2, parameters={"__array__": "string"}),
        "indexed_strings": C.IndexedOptionArray(I64(np.array([4, -1, 2, 2])), strings),
        "union": C.UnionArray(
            I8(np.array([0, 1, 0, 2, 1], np.int8)),
            I64(np.array([9, 1, 0, 0, 4])),
            [NUMS, strings, rec],
        ),
        "union_i32": C.UnionArray(
            I8(np.array([1, 0], np.int8)), I32(np.array([0, 3], np.int32)), [NUMS, strings]
        ),
        "union_of_options": C.UnionArray(
            I8(np.array([1, 0, 0], np.int8)),
            I64(np.array([0, 3, 1])),
            [
                C.ByteMaskedArray(I8(np.array([1, 0, 1, 1], np.int8)), NUMS, valid_when=True),
                C.IndexedOptionArray(I64(np.array([-1, 2])), strings),
            ],
        ),
        "empty": C.EmptyArray(),
        "list_of_empty": C.ListOffsetArray(I64(np.array([0, 0, 0])), C.EmptyArray()),
        "nested_masked_lists": C.BitMaskedArray(
            U8(np.array([0b011], np.uint8)),
            C.ListArray(I64(np.array([0, 2, 5])), I64(np.array([2, 2, 8])), NUMS),
            True,
            3,
            True,
        ),
        "regular_2d_numpy_in_list": C.ListOffsetArray(
            I64(np.array([0, 1, 3])), C.NumpyArray(np.arange(12).reshape(3, 2, 2))
        ),
    }


HAND = hand_layouts()


@pytest.mark.parametrize("name", sorted(HAND))
def test_hand_built(name: str) -> None:
    check(HAND[name])


@pytest.mark.parametrize("name", sorted(HAND))
def test_ranges(name: str) -> None:
    layout = HAND[name]
    n = len(layout)
    expected = awkward.to_list(layout)
    for start in range(n + 1):
        for stop in range(start, n + 1):
            assert same(to_python(layout, start, stop), expected[start:stop])


def test_record_scalar() -> None:
    array = awkward.Array([{"x": 1, "y": [2]}, {"x": 3, "y": []}])
    record = array.layout[1]
    assert same(to_list(record), awkward.to_list(record))
    assert record_to_python(array.layout, 0) == {"x": 1, "y": [2]}


def test_char_array() -> None:
    strings = awkward.Array(["ab", "cd"]).layout
    assert same(to_list(strings.content), awkward.to_list(strings.content))
    raw = awkward.Array([b"ab", b"cd"]).layout
    assert same(to_list(raw.content), awkward.to_list(raw.content))


def test_large() -> None:
    rng = np.random.default_rng(0)
    counts = rng.poisson(3, 5000)
    array = awkward.unflatten(rng.normal(size=int(counts.sum())), counts)
    array = awkward.zip({"a": array, "b": awkward.mask(array, array > 0)})
    check(array.layout)


# --------------------------------------------------------------------------- Hypothesis

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**63), 2**63 - 1),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=5),
    st.binary(max_size=5),
)


def nested(leaves: st.SearchStrategy) -> st.SearchStrategy:
    return st.recursive(
        leaves,
        lambda inner: st.one_of(
            st.lists(inner, max_size=4),
            st.dictionaries(st.sampled_from(["x", "y", "z"]), inner, max_size=3),
            st.tuples(inner, inner),
        ),
        max_leaves=12,
    )


@settings(max_examples=300, deadline=None)
@given(st.lists(nested(scalars), max_size=6))
def test_hypothesis_from_iter(data: list) -> None:
    try:
        layout = awkward.from_iter(data, highlevel=False)
    except (ValueError, TypeError, OverflowError):
        return  # data awkward cannot represent; nothing to compare
    check(layout)
    n = len(layout)
    if n:
        assert same(to_python(layout, n // 2, n), awkward.to_list(layout)[n // 2 :])


# --------------------------------------------------------------------------- malformed

BAD = {
    "offsets_beyond_content": (
        C.ListOffsetArray(I64(np.array([0, 2, 12])), NUMS),
        r"ListOffsetArray: offsets\[2\]=12 beyond content length 10",
    ),
    "offsets_decreasing": (
        C.ListOffsetArray(I64(np.array([0, 5, 3])), NUMS),
        r"ListOffsetArray: offsets\[1\]=5 > offsets\[2\]=3",
    ),
    "offsets_negative": (
        C.ListOffsetArray(I64(np.array([-2, 3])), NUMS),
        r"ListOffsetArray: offsets\[0\]=-2 is negative",
    ),
    "stops_beyond_content": (
        C.ListArray(I64(np.array([0, 8])), I64(np.array([1, 11])), NUMS),
        r"ListArray: stops\[1\]=11 beyond content length 10",
    ),
    "string_beyond_content": (
        C.ListOffsetArray(
            I64(np.array([0, 2, 50])),
            C.NumpyArray(np.zeros(4, np.uint8), parameters={"__array__": "char"}),
            parameters={"__array__": "string"},
        ),
        r"ListOffsetArray: offsets\[2\]=50 beyond content length 4",
    ),
    "index_beyond_content": (
        C.IndexedArray(I64(np.array([0, 10])), NUMS),
        r"IndexedArray: index\[1\]=10 beyond content length 10",
    ),
    "index_negative": (
        C.IndexedArray(I64(np.array([-1])), NUMS),
        r"IndexedArray: index\[0\]=-1 is negative",
    ),
    "option_index_beyond_content": (
        C.IndexedOptionArray(I64(np.array([-1, 99])), NUMS),
        r"IndexedOptionArray: index\[1\]=99 beyond content length 10",
    ),
    "union_bad_tag": (
        C.UnionArray(I8(np.array([0, 2], np.int8)), I64(np.array([0, 0])), [NUMS, NUMS]),
        r"UnionArray: tags\[1\]=2 is not a tag of 2 contents",
    ),
    "union_negative_tag": (
        C.UnionArray(I8(np.array([-1], np.int8)), I64(np.array([0])), [NUMS, NUMS]),
        r"UnionArray: tags\[0\]=-1",
    ),
    "union_index_beyond_content": (
        C.UnionArray(I8(np.array([0, 1], np.int8)), I64(np.array([0, 10])), [NUMS, NUMS]),
        r"UnionArray: index\[1\]=10 beyond content 1 length 10",
    ),
    "nested_bad_offsets": (
        C.ListOffsetArray(
            I64(np.array([0, 2])),
            C.ListOffsetArray(I64(np.array([0, 1, 1000])), NUMS),
        ),
        r"ListOffsetArray: offsets\[2\]=1000 beyond content length 10",
    ),
    "bad_index_under_record": (
        C.RecordArray([C.IndexedArray(I64(np.array([0, 1, 2000])), NUMS)], ["x"]),
        r"IndexedArray: index\[2\]=2000",
    ),
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_malformed_raises(name: str) -> None:
    layout, pattern = BAD[name]
    with pytest.raises(ValueError, match=pattern):
        to_list(layout)


def test_malformed_content_shorter_than_parent() -> None:
    short = C.NumpyArray(np.arange(3.0))
    record = C.RecordArray.__new__(C.RecordArray)
    object.__setattr__(record, "_contents", [short])
    object.__setattr__(record, "_fields", ["x"])
    object.__setattr__(record, "_length", 5)
    object.__setattr__(record, "_parameters", {})
    object.__setattr__(record, "_backend", short.backend)
    with pytest.raises(ValueError, match=r"RecordArray: field 'x' content length 3 is shorter"):
        to_list(record)


def test_malformed_range() -> None:
    with pytest.raises(ValueError, match="not within length"):
        to_python(NUMS, 5, 11)
    with pytest.raises(ValueError, match="not within length"):
        to_python(NUMS, -1, 2)


def index_buffers(node: object) -> list[np.ndarray]:
    """The integer buffers (offsets, starts, stops, index, tags) of a layout tree."""
    found = []
    for attr in ("offsets", "starts", "stops", "index", "tags"):
        if hasattr(node, attr):
            found.append(getattr(node, attr).data)
    if hasattr(node, "contents"):
        children = node.contents
    elif hasattr(node, "content"):
        children = [node.content]
    else:
        children = []
    for child in children:
        found.extend(index_buffers(child))
    return found


@settings(max_examples=300, deadline=None)
@given(st.lists(nested(scalars), min_size=1, max_size=6), st.data())
def test_hypothesis_corrupted_buffers(data: list, draw: st.DataObject) -> None:
    try:
        layout = awkward.from_iter(data, highlevel=False)
    except (ValueError, TypeError, OverflowError):
        return
    buffers = [b for b in index_buffers(layout) if len(b) and b.flags.writeable]
    if not buffers:
        return
    buffer = draw.draw(st.sampled_from(buffers))
    at = draw.draw(st.integers(0, len(buffer) - 1))
    info = np.iinfo(buffer.dtype)
    value = draw.draw(
        st.one_of(st.integers(-3, 3 * len(buffer) + 3), st.sampled_from([info.min, info.max]))
    )
    buffer[at] = value
    try:
        to_list(layout)  # either converts or raises ValueError; must never read out of bounds
    except ValueError as err:
        assert "Array" in str(err)
