"""jaggy.concatenate: join arrays end to end (axis=0) or their lists element by element."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

from jaggy import _merging
from jaggy.backends import check_same_backend
from jaggy.errors import AxisError
from jaggy.index import Index64

_NAME = "jaggy.concatenate"


def concatenate(arrays: Any, axis: int = 0, *, mergebool: bool = True, highlevel: bool = True,
                behavior: Mapping | None = None, attrs: Mapping | None = None) -> Any:
    """Concatenate arrays along ``axis``.

    Args:
        arrays: a sequence of arrays (or scalars, for ``axis > 0``); a single array concatenates
            its own elements (like ``flatten``).
        axis: ``0`` appends the arrays one after another; a deeper axis joins the lists at that
            depth element by element (all arrays must then have the same length).
        mergebool: if True, booleans merge with numbers into numbers; otherwise they make a union.
        highlevel, behavior, attrs: as for every jaggy function.

    Returns:
        The concatenated array. Arrays of different types become option-types (with None) or
        unions exactly as Awkward Array merges them.

    Example:
        >>> jaggy.concatenate([[[1, 2], [3]], [[4], [5.5]]], axis=1).to_list()
        [[1.0, 2.0, 4.0], [3.0, 5.5]]

    Raises:
        ValueError: no arrays, arrays of different lengths for ``axis > 0``, or an ``axis``
            beyond the depth of the arrays.
    """
    from jaggy.highlevel import Array
    from jaggy.layout import Content
    from jaggy.operations._wrap import finish
    from jaggy.operations.to_layout import to_layout

    if isinstance(arrays, (Array, Content)):
        layout = to_layout(arrays, allow_record=False)
        if _posaxis(layout, axis) == 0:
            return finish(_flatten_one(layout), highlevel, arrays, behavior=behavior, attrs=attrs)
        arrays = [arrays]
    if isinstance(arrays, (str, bytes)) or not hasattr(arrays, "__iter__"):
        msg = f"{_NAME}: 'arrays' must be a sequence of arrays, not {type(arrays).__name__}"
        raise TypeError(msg)
    items = list(arrays)
    layouts = [_unwrap(x, axis) for x in items]
    contents = [x for x in layouts if isinstance(x, Content)]
    if not contents:
        msg = f"{_NAME}: need at least one array to concatenate"
        raise ValueError(msg)
    check_same_backend(contents, _NAME)
    posaxis = _posaxis(contents[0], axis)
    maxdepth = max(c.form.minmax_depth[1] for c in contents)
    if posaxis is None or not 0 <= posaxis < maxdepth:
        msg = (f"{_NAME}: axis={axis} is beyond the depth of this array or the depth of this "
               "array is ambiguous")
        raise AxisError(msg)
    for c in contents:
        if _posaxis(c, axis) != posaxis:
            msg = f"{_NAME}: arrays to concatenate do not have the same depth for negative axis={axis}"
            raise ValueError(msg)
    if posaxis == 0:
        layouts = [x if isinstance(x, Content) else to_layout([x], allow_record=False) for x in layouts]
        out = _concat_axis0(layouts, mergebool)
    else:
        out = _join(layouts, posaxis, axis, mergebool)
    return finish(out, highlevel, *items, behavior=behavior, attrs=attrs)


def _unwrap(x: Any, axis: int) -> Any:
    from jaggy.highlevel import Array, Record
    from jaggy.operations.to_layout import to_layout

    if isinstance(x, (Array, Record)) or hasattr(x, "form"):
        return to_layout(x, allow_record=axis != 0)
    if isinstance(x, (str, bytes, np.generic, int, float, complex, bool)) or x is None:
        return x
    return to_layout(x, allow_record=axis != 0)


def _posaxis(layout: Any, axis: int) -> int | None:
    if axis >= 0:
        return axis
    mindepth, maxdepth = layout.form.minmax_depth
    if mindepth != maxdepth:
        return None
    return axis + maxdepth


def _flatten_one(layout: Any) -> Any:
    """The elements of a single array's lists, one after another."""
    node = layout
    if node.is_option or node.is_indexed:
        node = node.project()
    if isinstance(node, _np_layout()) and node.data.ndim > 1:
        node = node.to_RegularArray()
    if not node.is_list:
        msg = f"{_NAME}: a single array must contain lists to concatenate (axis=0 of one array)"
        raise ValueError(msg)
    lo = node.to_ListOffsetArray64()
    off = lo.offsets.data
    return lo.content._getitem_range(int(off[0]), int(off[-1]))


def _np_layout() -> Any:
    from jaggy.layout import NumpyArray

    return NumpyArray


def _concat_axis0(layouts: list, mergebool: bool) -> Any:
    batches = [[layouts[0]]]
    for x in layouts[1:]:
        # every member (not only the last) must merge with x; Awkward checks only the last one
        # and fails with an internal error when an earlier one does not merge
        if all(_merging.mergeable(b, x, mergebool) for b in batches[-1]):
            batches[-1].append(x)
        else:
            batches.append([x])
    merged = [_merging.merge_many(b, mergebool) for b in batches]
    if len(merged) == 1:
        out = merged[0]
        if out.is_union:  # the final union is simplified with the caller's mergebool
            out = _merging.union_simplified(out.tags.data, out.index.data, out.contents, mergebool,
                                            out.parameters)
        return out
    xp = merged[0].backend.xp
    if len(merged) > 127:
        msg = f"{_NAME}: cannot make a union of more than 127 different types"
        raise ValueError(msg)
    tags = xp.concatenate([xp.full(m.length, k, np.int8) for k, m in enumerate(merged)])
    index = xp.concatenate([xp.arange(m.length, dtype=np.int64) for m in merged])
    return _merging.union_simplified(tags, index, merged, mergebool)


# ---------------------------------------------------------------- axis > 0


def _join(inputs: list, levels: int, axis: int, mergebool: bool) -> Any:
    """Join the lists ``levels - 1`` levels below these (same-length) arrays, element-wise."""
    from jaggy.layout import Content

    inputs = [x.project() if isinstance(x, Content) and x.is_indexed and not x.is_option else x
              for x in inputs]
    contents = [x for x in inputs if isinstance(x, Content)]
    length = contents[0].length
    for c in contents:
        if c.length != length:
            msg = f"{_NAME}: all arrays must have the same length for axis={axis}"
            raise ValueError(msg)
        if c.form.minmax_depth == (1, 1):
            msg = f"{_NAME}: at least one array is not deep enough to concatenate at axis={axis}"
            raise AxisError(msg)
    if all(c.is_record for c in contents) and len(contents) == len(inputs):
        return _join_records(inputs, levels, axis, mergebool)
    if levels == 1:
        return _join_here(inputs, length, axis, mergebool)
    if any(c.is_option for c in contents):
        return _join_options(inputs, levels, axis, mergebool)
    return _join_deeper(inputs, length, levels, axis, mergebool)


def _join_records(inputs: list, levels: int, axis: int, mergebool: bool) -> Any:
    from jaggy.layout import RecordArray

    first = inputs[0]
    if any(x.is_tuple != first.is_tuple or set(x.fields) != set(first.fields) for x in inputs):
        msg = f"{_NAME}: cannot concatenate records with different fields at axis={axis}"
        raise ValueError(msg)
    keys = range(len(first.contents)) if first.is_tuple else first.fields
    fields = [_join([x.content(k)._getitem_range(0, x.length) for x in inputs], levels, axis, mergebool)
              for k in keys]
    return RecordArray(fields, None if first.is_tuple else first.fields, first.length,
                       backend=first.backend)


def _join_options(inputs: list, levels: int, axis: int, mergebool: bool) -> Any:
    """Options above the joined lists: None wherever any array has None."""
    from jaggy.layout import Content

    first = next(x for x in inputs if isinstance(x, Content))
    xp = first.backend.xp
    valid = xp.ones(first.length, bool)
    for x in inputs:
        if isinstance(x, Content) and x.is_option:
            valid &= x.mask_as_bool(True)
    keep = Index64._wrap(xp.nonzero(valid)[0].astype(np.int64), first.backend)
    nextinputs = [x._carry(keep) if isinstance(x, Content) else x for x in inputs]
    nextinputs = [x.project() if isinstance(x, Content) and x.is_option else x for x in nextinputs]
    inner = _join(nextinputs, levels, axis, mergebool)
    index = xp.where(valid, xp.cumsum(valid) - 1, -1).astype(np.int64)
    return _merging.indexed_over(index, inner, True)


def _list_like(x: Any) -> Any:
    if x.is_numpy and x.data.ndim > 1:
        return x.to_RegularArray()
    return x


def _join_deeper(inputs: list, length: int, levels: int, axis: int, mergebool: bool) -> Any:
    from jaggy.layout import Content, ListOffsetArray, RegularArray

    lists = [_list_like(x) if isinstance(x, Content) else x for x in inputs]
    contents = [x for x in lists if isinstance(x, Content)]
    if not all(c.is_list for c in contents):
        msg = f"{_NAME}: cannot concatenate at axis={axis}: arrays have different structure above that axis"
        raise ValueError(msg)
    sizes = {c.size for c in contents if c.is_regular}
    if all(c.is_regular for c in contents) and len(sizes) == 1:
        size = sizes.pop()
        nextinputs = [c.content._getitem_range(0, length * size) if isinstance(c, Content) else c  # type: ignore[attr-defined]  # lists
                      for c in lists]
        return RegularArray(_join(nextinputs, levels - 1, axis, mergebool), size, length)
    offsets = None
    nextinputs = []
    for c in lists:
        if not isinstance(c, Content):
            nextinputs.append(c)
            continue
        lo = c.to_ListOffsetArray64()
        off = lo.offsets.data.astype(np.int64, copy=False)
        counts = off[1:] - off[:-1]
        if offsets is None:
            offsets, first_counts = off - off[0], counts
        elif not bool((counts == first_counts).all()):
            bad = int(np.argmax(counts != first_counts))
            msg = (f"{_NAME}: cannot broadcast nested list at index {bad} "
                   f"(lengths {int(first_counts[bad])} and {int(counts[bad])})")
            raise ValueError(msg)
        nextinputs.append(lo.content._getitem_range(int(off[0]), int(off[-1])))
    inner = _join(nextinputs, levels - 1, axis, mergebool)
    return ListOffsetArray(Index64._wrap(offsets, contents[0].backend), inner)


def _starts_stops(x: Any) -> tuple[Any, Any, Any]:
    """(starts, stops, content) of a list-like node, None entries as empty lists."""
    xp = x.backend.xp
    if x.is_option:
        opt = x.to_IndexedOptionArray64()
        starts, stops, content = _starts_stops(opt.content)
        idx = opt.index.data
        missing = idx < 0
        safe = xp.where(missing, 0, idx)
        starts = xp.where(missing, 0, starts[safe] if len(starts) else 0).astype(np.int64)
        stops = xp.where(missing, 0, stops[safe] if len(stops) else 0).astype(np.int64)
        return starts, stops, content
    if x.is_indexed:
        return _starts_stops(x.project())
    if x.is_regular:
        starts = xp.arange(x.length, dtype=np.int64) * x.size
        return starts, starts + x.size, x.content
    if x.is_list:
        starts, stops = x._starts_stops()
        if starts.dtype != stops.dtype:
            starts, stops = starts.astype(np.int64), stops.astype(np.int64)
        return starts, stops, x.content
    msg = f"{_NAME}: cannot concatenate a non-list ({type(x).__name__}) with lists"
    raise ValueError(msg)


def _scalar_lists(x: Any, length: int, like: Any) -> Any:
    from jaggy.layout import NumpyArray, RegularArray

    xp = like.backend.xp
    data = xp.asarray([x])
    if data.dtype.kind not in "biufcmM":
        msg = f"{_NAME}: cannot concatenate {x!r} (type {type(x).__name__}) with arrays"
        raise TypeError(msg)
    return RegularArray(NumpyArray(xp.repeat(data, length), backend=like.backend), 1, length)


def _join_here(inputs: list, length: int, axis: int, mergebool: bool) -> Any:
    """Element-wise concatenation of the lists of these same-length arrays."""
    from jaggy.layout import Content, ListOffsetArray, NumpyArray, RegularArray

    like = next(x for x in inputs if isinstance(x, Content))
    lists = [_list_like(x) if isinstance(x, Content) else _scalar_lists(x, length, like) for x in inputs]
    for c in lists:
        if not (c.is_list or (c.is_option and c.content.is_list)):
            msg = (f"{_NAME}: cannot concatenate at axis={axis}: one of the arrays "
                   f"has no lists at that depth ({type(c).__name__})")
            raise ValueError(msg)
    if len(lists) > 127:
        msg = f"{_NAME}: cannot concatenate more than 127 arrays at axis={axis}"
        raise ValueError(msg)
    backend = like.backend
    xp, kernels = backend.xp, backend.kernels
    parts = [_starts_stops(c) for c in lists]
    regular = all(c.is_regular for c in lists)
    counts = xp.zeros(length, np.int64)
    for starts, stops, _ in parts:
        kernels.merge_add_counts(starts, stops, counts, length)
    offsets = xp.empty(length + 1, np.int64)
    kernels.counts_to_offsets(counts, offsets, length)
    total = int(offsets[-1])
    cursor = offsets[:-1].copy()
    inners = [p[2] for p in parts]
    if _numeric_fill_ok(inners, mergebool):
        dtype = np.result_type(*(c.data.dtype for c in inners))
        out = xp.empty(total, dtype)
        unsigned = np.dtype(f"u{dtype.itemsize}")
        for (starts, stops, content) in parts:
            data = content.data.astype(dtype, copy=False)
            kernels.merge_interleave_fill(starts, stops, xp.ascontiguousarray(data).view(unsigned),
                                          cursor, out.view(unsigned), length, len(data), total)
        params = _merging.parameters_intersect(*(c.parameters for c in inners))
        inner = NumpyArray(out, parameters=params, backend=backend)
    else:
        tags = xp.zeros(total, np.int8)
        index = xp.zeros(total, np.int64)
        for k, (starts, stops, content) in enumerate(parts):
            kernels.merge_interleave_index(starts, stops, cursor, tags, index, length, total,
                                           content.length, k, 0)
        inner = _merging.union_simplified(tags, index, inners, mergebool)
    if regular:
        size = sum(c.size for c in lists)
        return RegularArray(inner, size, length)
    return ListOffsetArray(Index64._wrap(offsets, backend), inner)


def _numeric_fill_ok(inners: list, mergebool: bool) -> bool:
    from jaggy.layout import NumpyArray

    if not all(isinstance(c, NumpyArray) and c.data.ndim == 1 for c in inners):
        return False
    if any(c.data.dtype.itemsize not in (1, 2, 4, 8) for c in inners):
        return False
    first = inners[0]
    return all(_merging.mergeable(first, c, mergebool) for c in inners[1:]) and (
        len({c.data.dtype.kind == "b" for c in inners}) == 1 or mergebool)


__all__ = ["concatenate"]
