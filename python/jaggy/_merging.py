"""Merging layouts into one type: the rules behind jaggy.concatenate and the union/option
simplification it needs.

``mergeable(a, b)`` says whether two layouts can share one node type (numbers promote, lists
merge content-wise, records field-wise, options and unknowns merge with anything);
``merge_many`` concatenates a run of mergeable layouts; ``union_simplified`` builds a union
from tags and an index, flattening nested unions and merging the contents that can merge.
Per-call Python work is proportional to the number of layout nodes.
"""

from __future__ import annotations

from typing import Any, cast

import numpy as np

from jaggy.index import Index8, Index64
from jaggy.layout import (
    EmptyArray,
    IndexedOptionArray,
    ListOffsetArray,
    NumpyArray,
    RecordArray,
    RegularArray,
    UnionArray,
    UnmaskedArray,
)
from jaggy.layout.options import simplified_indexed

TYPE_PARAMETERS = ("__array__", "__list__", "__record__", "__categorical__")


def type_parameters_equal(one: dict | None, two: dict | None) -> bool:
    """Whether two parameter sets agree on the parameters that make up a type."""
    one, two = one or {}, two or {}
    return all(one.get(k) == two.get(k) for k in TYPE_PARAMETERS)


def parameters_intersect(*params: dict | None) -> dict | None:
    """The parameters shared (same key and value) by all of the given sets."""
    if not params or any(p is None for p in params):
        return None
    dicts = cast("tuple[dict, ...]", params)  # none is None
    out = {k: v for k, v in dicts[0].items()
           if v is not None and all(k in p and p[k] == v for p in dicts[1:])}
    return out or None


def _is_datetime(dtype: Any) -> bool:
    return dtype.kind in "mM"


def _numpy_mergeable(a: Any, b: Any, mergebool: bool) -> bool:
    if a.dtype == b.dtype:
        return True
    abool, bbool = a.dtype.kind == "b", b.dtype.kind == "b"
    if abool != bbool:
        return mergebool
    if _is_datetime(a.dtype) or _is_datetime(b.dtype):
        return False
    return bool(np.can_cast(a.dtype, b.dtype, "same_kind") or np.can_cast(b.dtype, a.dtype, "same_kind"))


def mergeable(one: Any, two: Any, mergebool: bool = True) -> bool:
    """Whether ``one`` and ``two`` can be concatenated into one node type (not a union)."""
    if isinstance(one, EmptyArray) or one.is_union:
        return True
    if one.is_option or one.is_indexed:
        return mergeable(one.content, two, mergebool)
    if isinstance(two, EmptyArray) or two.is_union:
        return True
    if two.is_option or two.is_indexed:
        return mergeable(one, two.content, mergebool)
    if not type_parameters_equal(one.parameters, two.parameters):
        return False
    if isinstance(one, NumpyArray) and one.data.ndim > 1:
        return mergeable(one.to_RegularArray(), two, mergebool)
    if isinstance(one, NumpyArray):
        return isinstance(two, NumpyArray) and two.data.ndim == 1 and _numpy_mergeable(one, two, mergebool)
    if one.is_list:
        if isinstance(two, NumpyArray) and two.data.ndim > 1:
            two = two.to_RegularArray()
        return two.is_list and mergeable(one.content, two.content, mergebool)
    if one.is_record:
        if not two.is_record or one.is_tuple != two.is_tuple:
            return False
        if one.is_tuple:
            return len(one.contents) == len(two.contents) and all(
                mergeable(x, y, mergebool) for x, y in zip(one.contents, two.contents))
        if set(one.fields) != set(two.fields):
            return False
        return all(mergeable(one.content(f), two.content(f), mergebool) for f in one.fields)
    return False


def _xp(layout: Any) -> Any:
    return layout.backend.xp


def _index64(data: Any, layout: Any) -> Index64:
    return Index64._wrap(_xp(layout).asarray(data, dtype=np.int64), layout.backend)


def merge_many(contents: list, mergebool: bool = True) -> Any:
    """Concatenate layouts that are pairwise mergeable into one layout (no new union unless
    one of them is a union)."""
    if isinstance(contents[0], EmptyArray):
        return merge_many(contents[1:], mergebool) if len(contents) > 1 else contents[0]
    nonempty = [c for c in contents if not isinstance(c, EmptyArray)]
    force_var = len(nonempty) < len(contents)  # an unknown-type part makes regular dims var
    if len(nonempty) == 1:
        only = nonempty[0]
        if force_var and isinstance(only, NumpyArray) and only.data.ndim > 1:
            only = only.to_RegularArray()
        if force_var and only.is_regular:
            return only.to_ListOffsetArray64()
        return only
    contents = nonempty
    xp = _xp(contents[0])
    if any(c.is_union for c in contents):
        return _merge_via_union(contents, mergebool)
    if any(c.is_option or c.is_indexed for c in contents):
        return _merge_options(contents, mergebool)
    params = parameters_intersect(*(c.parameters for c in contents))
    if all(isinstance(c, NumpyArray) for c in contents) and not (
            force_var and any(c.data.ndim > 1 for c in contents)):
        shapes = {c.data.shape[1:] for c in contents}
        if len(shapes) == 1:
            dtype = np.result_type(*(c.data.dtype for c in contents))
            data = xp.concatenate([c.data.astype(dtype, copy=False) for c in contents])
            return NumpyArray(data, parameters=params, backend=contents[0].backend)
    contents = [c.to_RegularArray() if isinstance(c, NumpyArray) else c for c in contents]
    if all(c.is_list for c in contents):
        return _merge_lists(contents, params, mergebool, force_var)
    if all(c.is_record for c in contents):
        return _merge_records(contents, params, mergebool)
    msg = f"cannot merge {', '.join(type(c).__name__ for c in contents)}"
    raise TypeError(msg)


def _merge_lists(contents: list, params: dict | None, mergebool: bool, force_var: bool = False) -> Any:
    xp = _xp(contents[0])
    sizes = {c.size for c in contents if c.is_regular}
    if not force_var and all(c.is_regular for c in contents) and len(sizes) == 1:
        size = sizes.pop()
        inner = merge_many([c.content._getitem_range(0, c.length * size) for c in contents], mergebool)
        total = sum(c.length for c in contents)
        return RegularArray(inner, size, total, parameters=params)
    offsets, inners, shift = [xp.zeros(1, np.int64)], [], 0
    for c in contents:
        lo = c.to_ListOffsetArray64()
        off = lo.offsets.data.astype(np.int64, copy=False)
        first, last = int(off[0]), int(off[-1])
        inners.append(lo.content._getitem_range(first, last))
        offsets.append(off[1:] - first + shift)
        shift += last - first
    inner = merge_many(inners, mergebool)
    return ListOffsetArray(_index64(xp.concatenate(offsets), inner), inner, parameters=params)


def _merge_records(contents: list, params: dict | None, mergebool: bool) -> Any:
    first = contents[0]
    total = sum(c.length for c in contents)
    keys = range(len(first.contents)) if first.is_tuple else first.fields
    fields = []
    for key in keys:
        parts = [c.content(key)._getitem_range(0, c.length) for c in contents]
        fields.append(merge_many(parts, mergebool))
    return RecordArray(fields, None if first.is_tuple else first.fields, total, parameters=params,
                       backend=first.backend)


def _merge_options(contents: list, mergebool: bool) -> Any:
    """Concatenate layouts of which some are option or indexed: merge what they point to and
    concatenate their indexes."""
    xp = _xp(contents[0])
    option = any(c.is_option for c in contents)
    inners, indexes, shift = [], [], 0
    for c in contents:
        if c.is_option:
            c = c.to_IndexedOptionArray64()
        if c.is_option or c.is_indexed:
            idx = c.index.data.astype(np.int64, copy=False)
            inner = c.content
        else:
            idx = xp.arange(c.length, dtype=np.int64)
            inner = c
        indexes.append(xp.where(idx >= 0, idx + shift, -1))
        inners.append(inner)
        shift += inner.length
    merged = merge_many(inners, mergebool)
    index = xp.concatenate(indexes)
    parameters = parameters_intersect(*(c.parameters for c in contents))
    return indexed_over(index, merged, option, parameters)


def indexed_over(index: Any, content: Any, option: bool, parameters: dict | None = None) -> Any:
    """``content`` selected by ``index`` (-1 for None if ``option``), simplified; over a union,
    the selection goes into the union (and its contents become option-type)."""
    if not content.is_union:
        return simplified_indexed(index, content, option, parameters)
    xp = _xp(content)
    missing = index < 0
    safe = xp.where(missing, 0, index)
    tags = content.tags.data[safe] if len(safe) else xp.zeros(0, np.int8)
    inner_index = content.index.data.astype(np.int64)[safe] if len(safe) else xp.zeros(0, np.int64)
    contents = content.contents
    if option and bool(xp.any(missing)):
        tags = xp.where(missing, 0, tags).astype(np.int8)
        inner_index = xp.where(missing, contents[0].length, inner_index)
        first = xp.concatenate([xp.arange(contents[0].length, dtype=np.int64), xp.full(1, -1, np.int64)])
        contents[0] = simplified_indexed(first, contents[0], True)
    return union_simplified(tags, inner_index, contents, False, parameters, force_option=option)


def _merge_via_union(contents: list, mergebool: bool) -> Any:
    xp = _xp(contents[0])
    lengths = [c.length for c in contents]
    tags = xp.concatenate([xp.full(n, k, np.int8) for k, n in enumerate(lengths)])
    index = xp.concatenate([xp.arange(n, dtype=np.int64) for n in lengths])
    # nested merges simplify unions without merging booleans into numbers (as Awkward does)
    return union_simplified(tags, index, contents, False)


def union_simplified(tags: Any, index: Any, contents: list, mergebool: bool = True,
                     parameters: dict | None = None, *, force_option: bool = False) -> Any:
    """A union of ``contents`` selected by ``tags``/``index``, with nested unions flattened and
    mergeable contents merged; a single remaining content is returned without a union."""
    xp = _xp(contents[0])
    tags = xp.asarray(tags).astype(np.int64)
    index = xp.asarray(index).astype(np.int64)
    flat: list = []
    new_tags = xp.zeros(len(tags), np.int64)
    new_index = xp.zeros(len(tags), np.int64)
    for k, c in enumerate(contents):
        mask = tags == k
        sel = index[mask]
        if c.is_union:
            new_tags[mask] = len(flat) + c.tags.data.astype(np.int64)[sel]
            new_index[mask] = c.index.data.astype(np.int64)[sel]
            flat.extend(c.contents)
        else:
            new_tags[mask] = len(flat)
            new_index[mask] = sel
            flat.append(c)
    slots: list = []      # merged contents
    where: list = []      # for each flat content: (slot, offset in the slot)
    for c in flat:
        for s, existing in enumerate(slots):
            if mergeable(existing, c, mergebool):
                where.append((s, existing.length))
                slots[s] = merge_many([existing, c], mergebool)
                break
        else:
            where.append((len(slots), 0))
            slots.append(c)
    out_tags = xp.zeros(len(tags), np.int8)
    out_index = xp.zeros(len(tags), np.int64)
    for k, (s, offset) in enumerate(where):
        mask = new_tags == k
        out_tags[mask] = s
        out_index[mask] = new_index[mask] + offset
    if len(slots) == 1:
        only = slots[0]
        if force_option:
            return indexed_over(out_index, only, True, parameters)
        if only.is_option or only.is_indexed:
            return indexed_over(out_index, only, False, parameters)
        return only._carry(_index64(out_index, only))
    if force_option or any(s.is_option for s in slots):
        slots = [s if s.is_option else _as_option(s) for s in slots]
    return UnionArray(Index8._wrap(out_tags, slots[0].backend), _index64(out_index, slots[0]),
                      slots, parameters=parameters)


def _as_option(layout: Any) -> Any:
    if layout.is_indexed:
        return IndexedOptionArray(layout.index, layout.content, parameters=layout.parameters)
    return UnmaskedArray(layout)


__all__ = ["indexed_over", "merge_many", "mergeable", "parameters_intersect",
           "type_parameters_equal", "union_simplified"]
