"""Hypothesis strategies for differential tests against Awkward (test-only: needs hypothesis and
awkward, which jaggy itself never imports).

``array_pairs()`` draws nested Python data, builds it with Awkward, then rewrites the layout at
random into the other node classes that hold the same values (ListArray, RegularArray where the
lists are regular, IndexedArray, ByteMasked/BitMasked/Unmasked options, sliced offsets), and moves
it to jaggy through buffers. Each example is an ``(awkward.Array, jaggy.Array)`` pair with equal
values and equal types, whose layouts differ from the plain ``from_iter`` output.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from hypothesis import strategies as st

FIELD_SETS = [("x",), ("x", "y"), ("a", "b", "c")]


def scalars(kind: str = "mixed") -> st.SearchStrategy:
    ints = st.integers(-(2**31), 2**31)
    floats = st.floats(allow_nan=True, allow_infinity=False, width=64)
    if kind == "int":
        return ints
    if kind == "float":
        return floats
    if kind == "numeric":
        return st.one_of(ints, floats)
    if kind == "string":
        return st.text(max_size=4)
    return st.one_of(ints, floats, st.booleans(), st.text(max_size=4))


def nested_data(leaf: st.SearchStrategy | None = None, *, allow_none: bool = True,
                allow_records: bool = True, max_leaves: int = 25) -> st.SearchStrategy:
    """Lists of nested values of one consistent type (lists, records, optional None)."""
    leaf = leaf if leaf is not None else scalars("numeric")

    @st.composite
    def typed(draw: Any) -> list:
        # one structure drawn once, then values that follow it: consistent types, no unions
        shape = draw(st.recursive(st.just("leaf"), lambda c: st.one_of(
            st.tuples(st.just("list"), c),
            st.tuples(st.just("record"), st.sampled_from(FIELD_SETS), c) if allow_records else st.tuples(st.just("list"), c),
            st.tuples(st.just("option"), c) if allow_none else st.tuples(st.just("list"), c),
        ), max_leaves=4))
        return draw(st.lists(_values(shape, leaf), max_size=8))

    return typed()


def _values(shape: Any, leaf: st.SearchStrategy) -> st.SearchStrategy:
    if shape == "leaf":
        return leaf
    kind = shape[0]
    if kind == "list":
        return st.lists(_values(shape[1], leaf), max_size=5)
    if kind == "record":
        return st.fixed_dictionaries({n: _values(shape[2], leaf) for n in shape[1]})
    return st.one_of(st.none(), _values(shape[1], leaf))


def _vary(layout: Any, draw: Any) -> Any:
    """A layout of other node classes holding the same values (drawn at random)."""
    import awkward as awk

    C, I = awk.contents, awk.index  # noqa: E741
    cls = type(layout).__name__
    choice = draw(st.integers(0, 3))
    if cls == "ListOffsetArray":
        content = _vary(layout.content, draw)
        if layout.parameter("__array__") in ("string", "bytestring"):
            content = layout.content
        offsets = np.asarray(layout.offsets.data, np.int64)
        if choice == 1:
            return C.ListArray(I.Index64(offsets[:-1]), I.Index64(offsets[1:]), content, parameters=layout.parameters)
        if choice == 2 and len(offsets) > 1:
            counts = np.diff(offsets)
            if len(counts) and np.all(counts == counts[0]) and counts[0] > 0 and offsets[0] == 0:
                return C.RegularArray(content[: offsets[-1]], int(counts[0]), len(counts), parameters=layout.parameters)
        if choice == 3:
            # shift the content so that offsets no longer start at 0
            pad = C.NumpyArray(np.zeros(2, np.uint8), parameters=layout.content.parameters) if layout.content.is_numpy and layout.content.parameter("__array__") else None
            if pad is None and layout.content.is_numpy and layout.content.data.ndim == 1:
                pad = C.NumpyArray(np.zeros(2, layout.content.data.dtype), parameters=layout.content.parameters)
            if pad is not None and content.is_numpy:
                joined = C.NumpyArray(np.concatenate([pad.data, content.data]), parameters=content.parameters)
                return C.ListOffsetArray(I.Index64(offsets + 2), joined, parameters=layout.parameters)
        return C.ListOffsetArray(I.Index64(offsets), content, parameters=layout.parameters)
    if cls == "RecordArray":
        contents = [_vary(c, draw) for c in layout.contents]
        out = C.RecordArray(contents, None if layout.is_tuple else layout.fields, len(layout),
                            parameters=layout.parameters)
        if choice == 1 and len(layout):
            perm = np.array(draw(st.permutations(range(len(layout)))), np.int64)
            inverse = np.argsort(perm)
            return C.IndexedArray(I.Index64(inverse), out[perm].to_packed())
        return out
    if cls == "IndexedOptionArray":
        content = _vary(layout.content, draw)
        index = np.asarray(layout.index.data, np.int64)
        if content.is_option or content.is_indexed or content.is_union or content.is_unknown:
            return layout
        packed = C.IndexedOptionArray(I.Index64(index), content, parameters=layout.parameters)
        if choice == 1:
            return packed.to_ByteMaskedArray(draw(st.booleans()))
        if choice == 2:
            return packed.to_BitMaskedArray(draw(st.booleans()), draw(st.booleans()))
        return packed
    if cls == "NumpyArray" and choice == 1 and not layout.parameter("__array__") and layout.data.ndim == 1:
        return C.UnmaskedArray(layout)
    return layout


@st.composite
def array_pairs(draw: Any, data: st.SearchStrategy | None = None, *, vary: bool = True) -> tuple:
    """(awkward.Array, jaggy.Array) with equal values and types and varied jaggy layouts."""
    import awkward as awk

    import jaggy

    values = draw(data if data is not None else nested_data())
    ak_array = awk.from_iter(values)
    layout = ak_array.layout
    if vary:
        layout = _vary(layout, draw)
    ak_array = awk.Array(layout)
    form, length, container = awk.to_buffers(layout)
    ours = jaggy.from_buffers(form.to_json(), length, container)
    return ak_array, ours


def mixed_data(max_leaves: int = 20) -> st.SearchStrategy:
    """Lists of heterogeneous values (unions of numbers, strings, lists and records, with None)."""
    leaf = st.one_of(st.none(), st.integers(-100, 100), st.floats(allow_nan=False, width=64),
                     st.booleans(), st.text(max_size=3))
    nested = st.recursive(leaf, lambda c: st.one_of(
        st.lists(c, max_size=4),
        st.sampled_from(FIELD_SETS).flatmap(lambda names: st.fixed_dictionaries({n: c for n in names})),
    ), max_leaves=max_leaves)
    return st.lists(nested, max_size=6)


def numeric_lists(max_depth: int = 2, allow_none: bool = True) -> st.SearchStrategy:
    """Jagged lists of numbers (the workhorse of reducers and ufunc tests), possibly with None."""
    leaf = scalars("numeric")
    if allow_none:
        leaf = st.one_of(st.none(), leaf)
    inner: st.SearchStrategy = st.lists(leaf, max_size=6)
    for _ in range(max_depth - 1):
        inner = st.lists(inner, max_size=4)
    return st.lists(inner, max_size=8)
