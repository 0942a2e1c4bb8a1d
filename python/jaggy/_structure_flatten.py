"""The algorithms of jaggy.flatten and jaggy.ravel (layout level)."""

from __future__ import annotations

from typing import Any

from jaggy._structure_util import (
    as_list_like,
    axis_error,
    depth_range,
    index64,
    is_string,
    option_index,
    packed_list,
    posaxis,
    rewrap,
)


def lists_of(node: Any, fname: str, axis: int, top: int) -> tuple[Any, Any]:
    """(offsets from 0, flat content) of a node whose entries are lists; missing lists are empty."""
    from jaggy.layout.listarray import ListArray

    node = as_list_like(node)
    xp = node.backend.xp
    if node.is_unknown:
        return xp.zeros(node.length + 1, xp.int64), node
    if node.is_list:
        if is_string(node):
            msg = (f"jaggy.{fname}: an array of strings cannot be flattened at axis={axis} "
                   "(strings are not lists here)")
            raise ValueError(msg)
        return packed_list(node)
    if node.is_indexed or node.is_option:
        index = option_index(node) if node.is_option else node.index.data.astype(xp.int64, copy=False)
        inner = as_list_like(node.content)
        if inner.is_unknown:  # only missing values: nothing to flatten
            return xp.zeros(node.length + 1, xp.int64), inner._getitem_range(0, 0)
        if not inner.is_list or is_string(inner):
            return lists_of(inner, fname, axis, top)  # raises the right error
        missing = index < 0
        safe = xp.where(missing, 0, index) if node.is_option else index
        if inner.length == 0:
            safe = xp.zeros(len(index), xp.int64)
            starts = stops = safe
        else:
            starts = inner.starts.data.astype(xp.int64)[safe]
            stops = inner.stops.data.astype(xp.int64)[safe]
        if node.is_option:
            stops = xp.where(missing, starts, stops)
        lists = ListArray(index64(starts, node.backend), index64(stops, node.backend), inner.content)
        return packed_list(lists)
    if node.is_record:
        msg = (f"jaggy.{fname}: arrays of records cannot be flattened (but their contents can be; "
               "try a different 'axis')")
        raise ValueError(msg)
    if node.is_union:
        msg = f"jaggy.{fname}: flattening a union-type array at axis={axis} is not implemented"
        raise NotImplementedError(msg)
    raise axis_error(fname, axis, top)


def flatten_axis(layout: Any, axis: int, fname: str, depth: int = 1, top: int | None = None) -> Any:
    """``layout`` with the lists at ``axis`` (>= 1) merged into their parents."""
    from jaggy.layout.listoffsetarray import ListOffsetArray

    top = depth_range(layout)[1] if top is None else top
    node = as_list_like(layout)
    if node.is_unknown:  # like Awkward: an unknown-type leaf accepts any axis
        return node
    pos = posaxis(node, axis, depth)
    if pos is not None and pos == depth:
        _, content = lists_of(node, fname, axis, top)
        return content
    if node.is_list and not is_string(node):
        if pos is not None and pos == depth + 1:
            outer, content = packed_list(node)
            inner, flat = lists_of(content, fname, axis, top)
            return ListOffsetArray(index64(inner[outer], node.backend), flat)
        if node.is_regular:  # like Awkward, the levels above the flattened one become var
            node = node.to_ListOffsetArray64()
        content = flatten_axis(node.content, axis, fname, depth + 1, top)
        if content.is_unknown and content.length != node.content.length:
            xp = node.backend.xp  # the missing values below vanished: every list is now empty
            zeros = xp.zeros(node.length + 1, xp.int64)
            return ListOffsetArray(index64(zeros, node.backend), content, parameters=node.parameters)
        return node.copy(content=content)
    if node.is_option or node.is_indexed:
        content = flatten_axis(node.content, axis, fname, depth, top)
        if content.is_unknown:
            return content._getitem_range(0, 0)
        return rewrap(node, content)
    if node.is_record:
        msg = (f"jaggy.{fname}: flattening the lists inside records at axis={axis} is not "
               "implemented")
        raise NotImplementedError(msg)
    if node.is_union:
        msg = f"jaggy.{fname}: flattening a union-type array at axis={axis} is not implemented"
        raise NotImplementedError(msg)
    raise axis_error(fname, axis, top)


def leaves(layout: Any, keep_none: bool, fname: str) -> list[Any]:
    """The 1-D leaves of ``layout`` in order (strings are leaves); None dropped unless
    ``keep_none``, which keeps the options directly over leaves."""
    node = as_list_like(layout)
    if node.is_numpy or node.is_unknown or is_string(node):
        return [node]
    if node.is_list:
        _, content = packed_list(node)
        return leaves(content, keep_none, fname)
    if node.is_option:
        inner = as_list_like(node.content)
        if keep_none and depth_range(inner) == (1, 1):  # as Awkward: kept whole (even records)
            return [node]
        return leaves(node.project(), keep_none, fname)
    if node.is_indexed:
        return leaves(node.project(), keep_none, fname)
    if node.is_record:
        out: list[Any] = []
        for c in node.contents:
            out.extend(leaves(c, keep_none, fname))
        return out
    leaf, _ = _leaf_and_counts(node, keep_none, fname)
    return [leaf]


def _leaf_and_counts(node: Any, keep_none: bool, fname: str) -> tuple[Any, Any]:
    """(one 1-D node of the leaves below ``node`` in entry order, leaves per entry) for a node
    without records; unions are walked entry by entry (as Awkward orders them)."""
    xp = node.backend.xp
    node = as_list_like(node)
    if node.is_numpy or node.is_unknown or is_string(node):
        return node, xp.ones(node.length, xp.int64)
    if node.is_option:
        inner = as_list_like(node.content)
        if keep_none and depth_range(inner) == (1, 1):  # as Awkward: kept whole (even records)
            return node, xp.ones(node.length, xp.int64)
        index = option_index(node)
        leaf, counts = _leaf_and_counts(node.project(), keep_none, fname)
        out = xp.zeros(node.length, xp.int64)
        out[index >= 0] = counts
        return leaf, out
    if node.is_indexed:
        return _leaf_and_counts(node.project(), keep_none, fname)
    if node.is_list:
        offsets, content = packed_list(node)
        leaf, inner = _leaf_and_counts(content, keep_none, fname)
        cum = xp.zeros(len(inner) + 1, xp.int64)
        xp.cumsum(inner, out=cum[1:])
        return leaf, cum[offsets[1:]] - cum[offsets[:-1]]
    if node.is_union:
        from jaggy._merging import merge_many

        parts = [_leaf_and_counts(c, keep_none, fname) for c in node.contents]
        tags = node.tags.data.astype(xp.int64)
        index = node.index.data.astype(xp.int64)
        counts = xp.zeros(node.length, xp.int64)
        starts = xp.zeros(node.length, xp.int64)
        base = 0
        for k, (leaf, c) in enumerate(parts):
            sel = tags == k
            cum = xp.zeros(len(c) + 1, xp.int64)
            xp.cumsum(c, out=cum[1:])
            counts[sel] = c[index[sel]]
            starts[sel] = base + cum[index[sel]]
            base += leaf.length
        try:
            merged = merge_many([leaf for leaf, _ in parts])
        except TypeError:
            msg = f"jaggy.{fname}: the leaves of this union-type array cannot be merged into one type"
            raise ValueError(msg) from None
        total = int(counts.sum())
        ends = xp.cumsum(counts)
        # each entry's leaves: starts[i] .. starts[i] + counts[i], concatenated in entry order
        carry = xp.arange(total, dtype=xp.int64) + xp.repeat(starts - (ends - counts), counts)
        return merged._carry(index64(carry, node.backend)), counts
    msg = f"jaggy.{fname}: flattening records inside a union-type array is not implemented"
    raise NotImplementedError(msg)


def concatenate_leaves(parts: list[Any], fname: str, backend: Any) -> Any:
    """One 1-D node holding the leaves one after another (numbers promoted like NumPy)."""
    from jaggy.layout.emptyarray import EmptyArray
    from jaggy.layout.indexedarray import IndexedOptionArray
    from jaggy.layout.numpyarray import NumpyArray

    parts = [p for p in parts if not p.is_unknown] or parts[:1]
    if len(parts) == 1:
        return parts[0]
    if not parts:
        return EmptyArray(backend=backend)
    xp = backend.xp
    values, indexes, base, any_option = [], [], 0, False
    for p in parts:
        inner = p.content if p.is_option else p
        if not inner.is_numpy or inner.parameters:
            return _merge_leaves(parts, fname)
        if p.is_option:
            any_option = True
            idx = option_index(p)
            indexes.append(xp.where(idx < 0, -1, idx + base))
        else:
            indexes.append(xp.arange(base, base + p.length, dtype=xp.int64))
        values.append(inner.data)
        base += inner.length
    kinds = {v.dtype.kind for v in values}
    if "b" in kinds and len(kinds) > 1:
        return _merge_leaves(parts, fname)
    flat = NumpyArray(xp.concatenate(values), backend=backend)
    if not any_option:
        return flat
    return IndexedOptionArray(index64(xp.concatenate(indexes), backend), flat)


def _merge_leaves(parts: list[Any], fname: str) -> Any:
    """Leaves of different kinds (strings, booleans with numbers) merged like Awkward does."""
    from jaggy._merging import merge_many

    try:
        return merge_many(parts)
    except TypeError:
        msg = f"jaggy.{fname}: these leaves (e.g. numbers and strings) cannot be merged into one type"
        raise ValueError(msg) from None
