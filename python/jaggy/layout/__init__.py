"""The columnar data model: twelve immutable node classes (also importable as jaggy.contents)."""

from __future__ import annotations

from jaggy.layout.content import Content
from jaggy.layout.emptyarray import EmptyArray
from jaggy.layout.indexedarray import IndexedArray, IndexedOptionArray
from jaggy.layout.listarray import ListArray
from jaggy.layout.listoffsetarray import ListOffsetArray
from jaggy.layout.maskedarrays import BitMaskedArray, ByteMaskedArray, UnmaskedArray
from jaggy.layout.numpyarray import NumpyArray
from jaggy.layout.recordarray import RecordArray
from jaggy.layout.regulararray import RegularArray
from jaggy.layout.unionarray import UnionArray

NODE_CLASSES = (
    EmptyArray, NumpyArray, RegularArray, ListArray, ListOffsetArray, RecordArray, IndexedArray,
    IndexedOptionArray, ByteMaskedArray, BitMaskedArray, UnmaskedArray, UnionArray,
)

__all__ = [
    "BitMaskedArray", "ByteMaskedArray", "Content", "EmptyArray", "IndexedArray",
    "IndexedOptionArray", "ListArray", "ListOffsetArray", "NumpyArray", "RecordArray",
    "RegularArray", "UnionArray", "UnmaskedArray",
]
