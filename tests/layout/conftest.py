"""Layouts of every node class, built with Awkward (the oracle) and moved to jaggy by buffers."""

from __future__ import annotations

import awkward as awk
import jaggy
import numpy as np
import pytest

C = awk.contents
I = awk.index


def _awkward_layouts() -> dict[str, object]:
    num = C.NumpyArray(np.array([1.1, 2.2, 3.3, 4.4, 5.5]))
    ints = C.NumpyArray(np.arange(10, dtype=np.int32))
    chars = C.NumpyArray(np.frombuffer(b"heythere", np.uint8), parameters={"__array__": "char"})
    strings = C.ListOffsetArray(I.Index64(np.array([0, 3, 3, 8])), chars, parameters={"__array__": "string"})
    rec = C.RecordArray([num, C.NumpyArray(np.arange(5))], ["x", "y"])
    return {
        "EmptyArray": C.EmptyArray(),
        "NumpyArray": num,
        "NumpyArray-2d": C.NumpyArray(np.arange(12, dtype=np.int16).reshape(4, 3)),
        "RegularArray": C.RegularArray(ints, 3),
        "RegularArray-size0": C.RegularArray(ints, 0, zeros_length=4),
        "ListArray": C.ListArray(I.Index64(np.array([4, 0, 7, 2])), I.Index64(np.array([6, 0, 10, 2])), ints),
        "ListArray32": C.ListArray(I.Index32(np.array([1, 3])), I.Index32(np.array([3, 5])), num),
        "ListOffsetArray": C.ListOffsetArray(I.Index64(np.array([0, 2, 2, 5])), num),
        "ListOffsetArray-sliced": C.ListOffsetArray(I.IndexU32(np.array([1, 3, 4], np.uint32)), num),
        "ListOffsetArray-string": strings,
        "RecordArray": rec,
        "RecordArray-tuple": C.RecordArray([num, strings], None, 3),
        "RecordArray-empty": C.RecordArray([], [], 3),
        "IndexedArray": C.IndexedArray(I.Index64(np.array([4, 0, 0, 2])), num),
        "IndexedOptionArray": C.IndexedOptionArray(I.Index64(np.array([2, -1, 0, -1])), rec),
        "IndexedOptionArray32": C.IndexedOptionArray(I.Index32(np.array([1, -1, 0], np.int32)), strings),
        "ByteMaskedArray": C.ByteMaskedArray(I.Index8(np.array([1, 0, 1, 1], np.int8)), num, valid_when=True),
        "ByteMaskedArray-inv": C.ByteMaskedArray(I.Index8(np.array([1, 0, 0], np.int8)), rec, valid_when=False),
        "BitMaskedArray": C.BitMaskedArray(I.IndexU8(np.array([0b10110], np.uint8)), num, True, 5, True),
        "BitMaskedArray-msb": C.BitMaskedArray(I.IndexU8(np.array([0b10110000], np.uint8)), num, False, 4, False),
        "UnmaskedArray": C.UnmaskedArray(C.ListOffsetArray(I.Index64(np.array([0, 2, 5])), num)),
        "UnionArray": C.UnionArray(I.Index8(np.array([0, 1, 0, 1], np.int8)), I.Index64(np.array([0, 0, 4, 2])),
                                   [num, strings]),
        "nested": C.ListOffsetArray(
            I.Index64(np.array([0, 1, 3])),
            C.IndexedOptionArray(I.Index64(np.array([0, -1, 2])),
                                 C.RecordArray([C.RegularArray(ints, 2), strings], ["a", "b"], 3)),
        ),
    }


AWKWARD_LAYOUTS = _awkward_layouts()


def to_jaggy(layout: object) -> object:
    """The same layout through Awkward's to_buffers and jaggy's from_buffers."""
    form, length, container = awk.to_buffers(layout)
    return jaggy.from_buffers(form.to_json(), length, container, highlevel=False)


def mirror(node: object) -> object:
    """The same layout built node by node with jaggy's constructors (same buffers, no copy)."""
    J, X = jaggy.contents, jaggy.index
    name = type(node).__name__
    p = node.parameters or None

    def idx(index):
        return getattr(X, type(index).__name__)(index.data)

    if name == "EmptyArray":
        return J.EmptyArray(parameters=p)
    if name == "NumpyArray":
        return J.NumpyArray(node.data, parameters=p)
    if name == "RegularArray":
        return J.RegularArray(mirror(node.content), node.size, len(node), parameters=p)
    if name == "ListArray":
        return J.ListArray(idx(node.starts), idx(node.stops), mirror(node.content), parameters=p)
    if name == "ListOffsetArray":
        return J.ListOffsetArray(idx(node.offsets), mirror(node.content), parameters=p)
    if name == "RecordArray":
        return J.RecordArray([mirror(c) for c in node.contents], None if node.is_tuple else node.fields,
                             len(node), parameters=p)
    if name in ("IndexedArray", "IndexedOptionArray"):
        return getattr(J, name)(idx(node.index), mirror(node.content), parameters=p)
    if name == "ByteMaskedArray":
        return J.ByteMaskedArray(idx(node.mask), mirror(node.content), node.valid_when, parameters=p)
    if name == "BitMaskedArray":
        return J.BitMaskedArray(idx(node.mask), mirror(node.content), node.valid_when, len(node),
                                node.lsb_order, parameters=p)
    if name == "UnmaskedArray":
        return J.UnmaskedArray(mirror(node.content), parameters=p)
    if name == "UnionArray":
        return J.UnionArray(idx(node.tags), idx(node.index), [mirror(c) for c in node.contents], parameters=p)
    raise TypeError(name)


@pytest.fixture(params=sorted(AWKWARD_LAYOUTS))
def layout_pair(request: pytest.FixtureRequest) -> tuple[object, object]:
    """(Awkward layout, jaggy layout built with the same constructors and buffers)."""
    ak_layout = AWKWARD_LAYOUTS[request.param]
    return ak_layout, mirror(ak_layout)
